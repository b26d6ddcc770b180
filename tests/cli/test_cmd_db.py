"""``citesdesk init | demo | info | backup | restore``: what they write, what they refuse."""

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from citesdesk.cli import main
from citesdesk.core import schema
from citesdesk.core.db import open_database

ROOT = Path(__file__).resolve().parents[2]
NNBSP = "\u202f"


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    assert main(["demo", "--db", str(path), "--participants", "40", "--seed", "2"]) == 0
    return path


def _counts(path):
    db = open_database(path, readonly=True)
    try:
        return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("site", "participant", "event", "referral")}
    finally:
        db.close()


def test_init_creates_an_empty_site_database(tmp_path, capsys):
    path = tmp_path / "site.sqlite"
    code, out, err = run(capsys, "init", "--db", str(path), "--site-code", "CDE-75-19",
                         "--site-name", "Cité de l'emploi de Paris 19e", "--departement", "75",
                         "--coordinator", "Claire Dupont")
    assert code == 0, err
    assert "Base du site créée" in out
    db = open_database(path)
    site = db.execute("SELECT name, site_code, departement, coordinators FROM site").fetchone()
    assert site == ("Cité de l'emploi de Paris 19e", "CDE-75-19", "75", "Claire Dupont")
    assert db.execute("SELECT count(*) FROM participant").fetchone()[0] == 0
    assert db.execute("SELECT actor FROM audit_log").fetchone()[0] == "Claire Dupont"
    db.close()


def test_init_refuses_an_existing_file_and_bad_values(tmp_path, capsys):
    path = tmp_path / "site.sqlite"
    path.write_text("mes notes")
    code, _, err = run(capsys, "init", "--db", str(path), "--site-code", "X", "--site-name", "Y")
    assert code == 1 and "existe déjà" in err and "autre nom" in err
    assert path.read_text() == "mes notes"
    fresh = tmp_path / "fresh.sqlite"
    code, _, err = run(capsys, "init", "--db", str(fresh), "--site-code", "X",
                       "--site-name", "Y", "--departement", "999")
    assert code == 1 and "--departement : département invalide « 999 »" in err
    assert not fresh.exists()


def test_init_refuses_a_missing_folder(tmp_path, capsys):
    code, _, err = run(capsys, "init", "--db", str(tmp_path / "absent" / "s.sqlite"),
                       "--site-code", "X", "--site-name", "Y")
    assert code == 1 and "n'existe pas" in err and "créez-le" in err
    assert list(tmp_path.iterdir()) == []


def test_demo_builds_a_database_and_says_so(demo_db, tmp_path, capsys):
    counts = _counts(demo_db)
    assert counts["site"] == 1 and counts["participant"] == 40
    assert counts["event"] > 400 and counts["referral"] > 40
    code, out, err = run(capsys, "demo", "--db", str(tmp_path / "d.sqlite"), "--participants", "3")
    assert code == 0, err
    assert out.startswith("Base de démonstration créée") and "3 participants" in out


def test_demo_refusals_write_nothing(demo_db, tmp_path, capsys):
    before = demo_db.stat().st_mtime_ns, _counts(demo_db)
    code, _, err = run(capsys, "demo", "--db", str(demo_db))
    assert code == 1 and "existe déjà" in err
    assert (demo_db.stat().st_mtime_ns, _counts(demo_db)) == before
    target = tmp_path / "zero.sqlite"
    code, _, err = run(capsys, "demo", "--db", str(target), "--participants", "0")
    assert code == 2 and "au moins égal à 1 (et non 0)" in err and not target.exists()
    code, _, err = run(capsys, "demo", "--db", str(tmp_path / "nope" / "d.sqlite"))
    assert code == 1 and "n'existe pas" in err
    assert not (tmp_path / "nope").exists()


def test_demo_refuses_a_read_only_folder(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    if os.geteuid() == 0:  # root may write anywhere: let the check see what a user would
        real = os.access
        monkeypatch.setattr(os, "access", lambda p, mode, **kw: (
            False if Path(p) == folder and mode & os.W_OK else real(p, mode, **kw)))
    try:
        code, _, err = run(capsys, "demo", "--db", str(folder / "d.sqlite"))
        assert code == 1 and "lecture seule" in err
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_info_shows_site_and_counts_with_bin(demo_db, tmp_path, capsys):
    copy = tmp_path / "copy.sqlite"
    assert main(["backup", "--db", str(demo_db), "--out", str(copy)]) == 0
    db = open_database(copy)
    db.execute("UPDATE participant SET deleted_at = '2026-01-01T00:00:00Z' WHERE id <= 2")
    db.close()
    capsys.readouterr()
    code, out, err = run(capsys, "info", "--db", str(copy))
    assert code == 0, err
    assert f"Schéma : version {schema.SCHEMA_VERSION}" in out
    assert "Site : Cité de l'emploi de " in out
    assert "Participants : 38 (2 dans la corbeille)" in out
    assert "Cohortes : 6\n" in out
    events = _counts(copy)["event"]
    assert f"Étapes de parcours : {events // 1000}{NNBSP}{events % 1000:03d}" in out or \
        f"Étapes de parcours : {events}" in out


def test_info_json_and_english(demo_db, capsys):
    code, out, _ = run(capsys, "info", "--db", str(demo_db), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["schema_version"] == schema.SCHEMA_VERSION
    assert data["counts"]["participant"] == {"count": 40, "deleted": 0}
    assert data["site"]["site_code"].startswith("CDE-")
    assert len(data["site"]["qpv_codes"]) >= 3
    code, out, _ = run(capsys, "--lang", "en", "info", "--db", str(demo_db))
    assert code == 0 and "Participants: 40" in out and "Schema: version" in out


def test_thousands_in_french_and_english():
    from citesdesk.cli.cmd_db import number

    assert number(5000) == f"5{NNBSP}000"
    assert number(1234567, "en") == "1,234,567"
    assert number(12) == "12"


@pytest.mark.parametrize(("content", "words"), [
    (b"just text\n", "n'est pas une base de données CitésDesk"), (b"", "est vide")])
def test_info_refuses_what_is_not_a_citesdesk_database(tmp_path, capsys, content, words):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(content)
    code, _, err = run(capsys, "info", "--db", str(bad))
    assert code == 1 and words in err
    assert bad.read_bytes() == content


def test_info_refuses_other_application_and_newer_schema(tmp_path, capsys, demo_db):
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()
    code, _, err = run(capsys, "info", "--db", str(other))
    assert code == 1 and "autre application" in err
    newer = tmp_path / "newer.sqlite"
    assert main(["backup", "--db", str(demo_db), "--out", str(newer)]) == 0
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    capsys.readouterr()
    code, _, err = run(capsys, "info", "--db", str(newer))
    assert code == 1 and "plus récente" in err
    code, _, err = run(capsys, "info", "--db", str(tmp_path / "missing.sqlite"))
    assert code == 1 and "n'existe pas" in err


def test_backup_copies_and_refuses_to_overwrite(demo_db, tmp_path, capsys):
    out = tmp_path / "save.sqlite"
    code, stdout, err = run(capsys, "backup", "--db", str(demo_db), "--out", str(out))
    assert code == 0, err
    assert "Sauvegarde écrite et vérifiée" in stdout
    assert _counts(out) == _counts(demo_db)
    from citesdesk.core import settings

    site = open_database(demo_db, readonly=True)
    assert settings.get(site, "last_backup_at")[:10] == dt.date.today().isoformat()  # status bar
    site.close()
    out.write_bytes(out.read_bytes())  # same file, still there
    before = out.read_bytes()
    code, _, err = run(capsys, "backup", "--db", str(demo_db), "--out", str(out))
    assert code == 1 and "existe déjà" in err
    assert out.read_bytes() == before
    code, _, err = run(capsys, "backup", "--db", str(demo_db),
                       "--out", str(tmp_path / "nope" / "b.sqlite"))
    assert code == 1 and "n'existe pas" in err
    left = sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm")))
    assert left == ["save.sqlite"]  # no temporary file left behind


def test_backup_refuses_what_is_not_a_citesdesk_database(tmp_path, capsys):
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    code, _, err = run(capsys, "backup", "--db", str(other), "--out", str(tmp_path / "b.sqlite"))
    assert code == 1 and "autre application" in err
    assert not (tmp_path / "b.sqlite").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_restore_replaces_and_keeps_the_current_database_aside(demo_db, tmp_path, capsys):
    saved = tmp_path / "save.sqlite"
    assert main(["backup", "--db", str(demo_db), "--out", str(saved)]) == 0
    current = tmp_path / "site.sqlite"
    assert main(["init", "--db", str(current), "--site-code", "A1", "--site-name", "Autre"]) == 0
    capsys.readouterr()
    code, out, err = run(capsys, "restore", str(saved), "--db", str(current))
    assert code == 0, err
    assert "Base restaurée" in out and "gardée sous" in out
    assert _counts(current) == _counts(demo_db)
    aside = [p for p in tmp_path.iterdir() if ".avant-restauration-" in p.name]
    assert len(aside) == 1
    db = open_database(aside[0], readonly=True)
    assert db.execute("SELECT name FROM site").fetchone()[0] == "Autre"
    db.close()


def test_restore_into_a_new_path(demo_db, tmp_path, capsys):
    target = tmp_path / "new.sqlite"
    code, out, err = run(capsys, "restore", str(demo_db), "--db", str(target))
    assert code == 0, err
    assert "gardée" not in out
    assert _counts(target) == _counts(demo_db)


def test_restore_refuses_bad_backups_and_keeps_the_current_one(demo_db, tmp_path, capsys):
    current = tmp_path / "site.sqlite"
    assert main(["backup", "--db", str(demo_db), "--out", str(current)]) == 0
    before = _counts(current)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"PK\x03\x04 not a database")
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    for bad, words in ((junk, "n'est pas une base"), (other, "autre application"),
                       (tmp_path / "missing.sqlite", "n'existe pas")):
        capsys.readouterr()
        code, _, err = run(capsys, "restore", str(bad), "--db", str(current))
        assert code == 1 and words in err, err
        assert _counts(current) == before
    assert not [p for p in tmp_path.iterdir() if "avant-restauration" in p.name]


def test_restore_refuses_a_database_onto_itself(demo_db, capsys):
    before = _counts(demo_db)
    code, _, err = run(capsys, "restore", str(demo_db), "--db", str(demo_db))
    assert code == 1 and "est déjà la base du site" in err
    assert _counts(demo_db) == before


def test_restore_refuses_to_replace_a_file_it_cannot_set_aside(demo_db, tmp_path, capsys):
    current = tmp_path / "notes.sqlite"
    current.write_text("pas une base")
    code, _, err = run(capsys, "restore", str(demo_db), "--db", str(current))
    assert code == 1 and "n'a pas été remplacée" in err
    assert current.read_text() == "pas une base"


def test_demo_and_info_as_a_program(tmp_path):
    path = tmp_path / "p.sqlite"
    for argv in (["demo", "--db", str(path), "--participants", "5"], ["info", "--db", str(path)]):
        done = subprocess.run([sys.executable, "-m", "citesdesk", *argv], cwd=ROOT,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""  # no progress when stderr is not a terminal
    assert "Participants : 5" in done.stdout


def test_progress_goes_to_a_terminal_only(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    code, out, err = run(capsys, "demo", "--db", str(tmp_path / "t.sqlite"),
                         "--participants", "300")
    assert code == 0
    assert "Participants et parcours : 300 / 300" in err and "250 / 300" in err
    assert "Base de démonstration créée" in out
