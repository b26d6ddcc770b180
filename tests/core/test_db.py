"""Opening the database: migrations, the copy aside, and every refusal (nothing written)."""

import os
import sqlite3

import pytest
from sqlite_utils import Database

from citesdesk.core import schema, search
from citesdesk.core.db import open_database
from citesdesk.core.errors import DatabaseError
from citesdesk.services import records

FIRST, SECOND, THIRD = (m.name for m in schema.migrations._migrations[:3])


def old_database(path, stop_before=SECOND):
    """A database as an earlier CitésDesk left it: only the steps before ``stop_before``."""
    conn = sqlite3.connect(path)
    conn.isolation_level = None
    db = Database(conn)
    schema.migrations.apply(db, stop_before=stop_before)
    applied = len(schema.migrations.applied(db))
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {applied}")
    conn.execute(
        "INSERT INTO participant(uuid, created_at, updated_at, hlc, last_name, first_name, "
        "phone) VALUES ('u-1', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z', "
        "'001735689600000-000000-x', 'Müller', 'Zoé', '+262 262 20 12 34')")
    conn.close()
    return applied


def refusal(path, **kw) -> DatabaseError:
    with pytest.raises(DatabaseError) as info:
        open_database(path, **kw)
    return info.value


def test_new_database_settings(tmp_path):
    db = open_database(tmp_path / "new.sqlite", create=True)
    assert db.schema_version() == schema.SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] > 0
    assert db.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    assert [m.name for m in schema.migrations.applied(db)] == [
        m.name for m in schema.migrations._migrations]
    db.close()
    again = open_database(tmp_path / "new.sqlite")  # opening again changes nothing
    assert again.schema_version() == schema.SCHEMA_VERSION
    assert list(tmp_path.glob("*avant-migration*")) == []


def test_old_schema_is_upgraded_after_a_copy_aside(tmp_path):
    path = tmp_path / "site.sqlite"
    applied = old_database(path)
    assert applied == 1
    db = open_database(path)
    assert db.schema_version() == schema.SCHEMA_VERSION
    # The step added later (the search index) covers the rows written before it.
    assert [r["first_name"] for r in search.search_participants(db, "muller zoe")] == ["Zoé"]
    assert search.count_matches(db, "262 20 12") == 1
    assert search.count_matches(db, "0262 20 12") == 1  # the step after that, too
    copies = list(tmp_path.glob("site.avant-migration-v1-*.sqlite"))
    assert len(copies) == 1
    copy = sqlite3.connect(copies[0])
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
    assert copy.execute("SELECT last_name FROM participant").fetchone()[0] == "Müller"
    assert copy.execute("SELECT count(*) FROM sqlite_master WHERE name = 'participant_fts'"
                        ).fetchone()[0] == 0
    copy.close()
    # And the upgraded base works as a new one.
    records.create(db, "participant", {"last_name": "Neuf", "first_name": "Nina"})
    assert search.count_matches(db, "nina") == 1


def test_each_step_upgrades_from_the_one_before(tmp_path):
    path = tmp_path / "site.sqlite"
    assert old_database(path, stop_before=THIRD) == 2
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM participant_fts "
                        "WHERE participant_fts MATCH '\"0262\"*'").fetchone()[0] == 0
    conn.close()
    db = open_database(path)
    assert db.schema_version() == schema.SCHEMA_VERSION
    assert search.count_matches(db, "0262 20 12") == 1
    assert len(list(tmp_path.glob("site.avant-migration-v2-*.sqlite"))) == 1


def test_read_only_opening_of_an_old_schema_is_refused(tmp_path):
    path = tmp_path / "site.sqlite"
    old_database(path)
    err = refusal(path, readonly=True)
    assert "mise à jour" in err.message_fr and "upgraded" in err.message_en
    assert list(tmp_path.glob("*avant-migration*")) == []


def _snapshot(path):
    return path.read_bytes()


def test_newer_user_version_is_refused(tmp_path):
    path = tmp_path / "site.sqlite"
    open_database(path, create=True).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.close()
    before = _snapshot(path)
    err = refusal(path)
    assert "version plus récente de CitésDesk" in err.message_fr
    assert "newer version of CitésDesk" in err.message_en
    assert "Installez la dernière version" in err.message_fr
    assert _snapshot(path) == before


def test_unknown_migration_name_is_refused(tmp_path):
    path = tmp_path / "site.sqlite"
    open_database(path, create=True).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _sqlite_migrations(migration_set, name, applied_at) "
                 "VALUES (?, '0099_from_the_future', '2030-01-01')", [schema.MIGRATION_SET])
    conn.commit()
    conn.close()
    err = refusal(path)
    assert "version plus récente" in err.message_fr
    # never "schema 3, this version knows schema 3": the file's schema is said to be newer
    assert f"(schéma {schema.SCHEMA_VERSION + 1}," in err.message_fr


def test_a_file_that_is_not_sqlite_is_refused(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("Nom;Prénom\nDupont;Hélène\n", encoding="utf-8")
    before = _snapshot(path)
    err = refusal(path)
    assert "n'est pas une base de données CitésDesk" in err.message_fr
    assert "not a SQLite file" in err.message_en
    assert _snapshot(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite"]


def test_a_damaged_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "broken.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 500)
    err = refusal(path)
    assert "endommagée" in err.message_fr


def test_another_applications_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "places.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places(url) VALUES ('https://example.org')")
    conn.commit()
    conn.close()
    before = _snapshot(path)
    err = refusal(path)
    assert "autre application" in err.message_fr
    assert "another application" in err.message_en
    assert _snapshot(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["places.sqlite"]


def test_missing_file_and_missing_folder(tmp_path):
    err = refusal(tmp_path / "absent.sqlite")
    assert "n'existe pas" in err.message_fr and "citesdesk init" in err.message_fr
    err = refusal(tmp_path / "nowhere" / "site.sqlite", create=True)
    assert "Le dossier" in err.message_fr and "n'existe pas" in err.message_fr
    assert not (tmp_path / "nowhere").exists()


def test_a_folder_is_not_a_database(tmp_path):
    err = refusal(tmp_path)
    assert "est un dossier" in err.message_fr


@pytest.fixture
def read_only_folder(tmp_path, monkeypatch):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    if os.geteuid() == 0:
        # root may write anywhere: make the access check honour the folder's mode bits.
        real = os.access

        def access(path, mode, *a, **kw):
            if os.fspath(path) == os.fspath(folder) and mode & os.W_OK:
                return False
            return real(path, mode, *a, **kw)

        monkeypatch.setattr("citesdesk.core.db.os.access", access)
    yield folder
    folder.chmod(0o755)


def test_a_read_only_folder_is_refused(read_only_folder):
    err = refusal(read_only_folder / "site.sqlite", create=True)
    assert "lecture seule" in err.message_fr and "read-only" in err.message_en
    assert list(read_only_folder.iterdir()) == []


def test_an_empty_file_becomes_a_database(tmp_path):
    path = tmp_path / "vide.sqlite"
    path.touch()
    db = open_database(path)
    assert db.schema_version() == schema.SCHEMA_VERSION


def test_readonly_connection_cannot_write(tmp_path):
    path = tmp_path / "site.sqlite"
    open_database(path, create=True).close()
    reader = open_database(path, readonly=True)
    with pytest.raises(sqlite3.OperationalError):
        reader.execute("INSERT INTO setting(key, value) VALUES ('x', '1')")


def test_backup_to_is_a_consistent_database(db, tmp_path):
    records.create(db, "cohort", {"name": "Printemps"})
    target = db.backup_to(tmp_path / "copie.sqlite")
    copy = open_database(target, readonly=True)
    assert copy.execute("SELECT name FROM cohort").fetchone()[0] == "Printemps"


UPGRADE = """
import sys
from citesdesk.core.db import open_database
open_database(sys.argv[1]).close()
"""


@pytest.mark.skipif(os.name != "posix", reason="kill -9 of a child process")
def test_killed_while_copying_aside_leaves_no_half_copy(tmp_path):
    """The copy made before an upgrade is written aside and put in place whole: a program
    killed in the middle leaves no half copy (readable by others) beside the base, and the
    next opening copies again and upgrades."""
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    from citesdesk.core.files import TEMP_SUFFIX

    path = tmp_path / "site.sqlite"
    old_database(path)
    conn = sqlite3.connect(path)
    conn.executemany(
        "INSERT INTO participant(uuid, created_at, updated_at, hlc, last_name, first_name) "
        "VALUES (?, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z', ?, ?, 'Zoé')",
        [(f"u-{i}", f"001735689600000-{i:06d}-x", f"Nom{i}") for i in range(2, 100_000)])
    conn.commit()
    conn.close()
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen([sys.executable, "-c", UPGRADE, str(path)],
                            env={**os.environ, "PYTHONPATH": str(root)})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if any(p.name.endswith(TEMP_SUFFIX) and any(p.iterdir())
               for p in tmp_path.iterdir() if p.is_dir()):
            break  # the copy is being written
        time.sleep(0.002)
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    assert not list(tmp_path.glob("site.avant-migration-*")), "a half copy was left"
    db = open_database(path)  # the next opening sweeps, copies and upgrades
    try:
        assert db.schema_version() == schema.SCHEMA_VERSION
        assert db.execute("SELECT count(*) FROM participant").fetchone()[0] == 99_999
    finally:
        db.close()
    copies = list(tmp_path.glob("site.avant-migration-*"))
    assert len(copies) == 1 and oct(copies[0].stat().st_mode & 0o777) == "0o600"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(TEMP_SUFFIX)]
