"""Encryption at rest: what the raw file shows, what sqlite-utils still does, wrong tries."""

import sqlite3

import pytest

from citesdesk.core import attempts, cipher, schema
from citesdesk.core.db import open_database
from citesdesk.core.errors import DatabaseError
from citesdesk.services import records

KEY = "le vent se lève sur la dalle"
NAME = "Quintessenza"


@pytest.fixture(autouse=True)
def _forget():
    yield
    cipher._keys.clear()
    cipher._derived.clear()


def site_with_a_person(path, key):
    db = open_database(path, create=True, key=key)
    records.create(db, "site", {"name": "Cité Témoin", "site_code": "C93001",
                                "coordinators": "Zoé Bérard"})
    records.create(db, "participant", {"last_name": NAME, "first_name": "Hélène",
                                       "phone": "06 12 34 56 78", "commune": "Bobigny"})
    return db


def raw_bytes(path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


@pytest.mark.parametrize("key", [None, KEY])
def test_the_raw_file_shows_no_name_only_when_encrypted(tmp_path, key):
    path = tmp_path / "site.sqlite"
    db = site_with_a_person(path, key)
    open_bytes = raw_bytes(path)  # the database and its WAL while the window is open
    db.close()
    data = open_bytes + raw_bytes(path)
    found = [w for w in (NAME, "Bobigny", "Zoé Bérard", "CREATE TABLE", "SQLite format 3")
             if w.encode() in data]
    if key is None:  # the same test sees the names in a plain file: it can fail
        assert NAME in found and "CREATE TABLE" in found
    else:
        assert found == []


def test_an_encrypted_database_opens_with_its_passphrase_only(tmp_path):
    path = tmp_path / "site.sqlite"
    site_with_a_person(path, KEY).close()
    cipher._keys.clear()
    with pytest.raises(cipher.PassphraseRequired) as info:
        open_database(path)
    assert "chiffrée" in info.value.message_fr and "passphrase" in info.value.message_en
    with pytest.raises(cipher.WrongPassphrase) as info:
        open_database(path, key="ce n'est pas la bonne")
    assert "ne permet pas d'ouvrir « site.sqlite »" in info.value.message_fr
    db = open_database(path, key=KEY)
    assert db.execute("SELECT last_name FROM participant").fetchone()[0] == NAME
    assert db.schema_version() == schema.SCHEMA_VERSION
    # remembered for the process: the window's reader and worker connections find it
    reader = open_database(path, readonly=True)
    assert reader.execute("SELECT count(*) FROM participant").fetchone()[0] == 1
    assert reader.execute("PRAGMA cache_size").fetchone()[0] == -cipher.CACHE_KIB
    reader.close()
    db.close()


def test_sqlite_utils_keeps_working_on_an_encrypted_connection(tmp_path):
    db = open_database(tmp_path / "site.sqlite", create=True, key=KEY)
    t = db.table("essai")
    t.insert({"a": 1})
    t.insert({"a": 2, "b": "nouvelle colonne"}, alter=True)
    assert t.columns_dict == {"a": int, "b": str}
    t.create_index(["a"], find_unique_name=True)
    t.create_index(["a"], find_unique_name=True)  # a second name is found
    assert len(t.indexes) == 2
    db.table("absente").drop(ignore=True)
    assert list(db.query("INSERT INTO essai(a) VALUES (3) RETURNING a")) == [{"a": 3}]
    with pytest.raises(sqlite3.OperationalError):  # the standard class, as for plain files
        db.execute("SELECT * FROM absente")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO participant(uuid) VALUES (NULL)")
    db.close()


def test_five_wrong_tries_then_it_slows_down(tmp_path, monkeypatch):
    path = tmp_path / "site.sqlite"
    site_with_a_person(path, KEY).close()
    cipher._keys.clear()
    for _ in range(attempts.FREE_TRIES):
        with pytest.raises(cipher.WrongPassphrase):
            open_database(path, key="essai au hasard numéro")
    with pytest.raises(attempts.TooManyAttempts) as info:  # even the right one must wait
        open_database(path, key=KEY)
    assert 0 < info.value.seconds <= attempts.FIRST_WAIT_S
    assert "attendez" in info.value.message_fr
    assert attempts.state_file().stat().st_mode & 0o077 == 0
    later = attempts.time.time() + attempts.FIRST_WAIT_S + 1
    monkeypatch.setattr(attempts.time, "time", lambda: later)
    open_database(path, key=KEY).close()  # accepted after the wait; the count is cleared
    assert attempts.wait_needed(path) == 0


@pytest.mark.parametrize("start", [None, KEY])
def test_convert_both_ways_and_rekey(tmp_path, start):
    path = tmp_path / "site.sqlite"
    site_with_a_person(path, start).close()
    steps = [KEY, "une toute autre phrase", None] if start else [KEY, None]
    old = start
    for new in steps:
        cipher.convert(path, old, new)
        assert (NAME.encode() in path.read_bytes()) == (new is None)
        cipher._keys.clear()
        db = open_database(path, key=new)
        assert db.execute("SELECT last_name FROM participant").fetchone()[0] == NAME
        assert db.schema_version() == schema.SCHEMA_VERSION
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        db.close()
        old = new
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_convert_refuses_a_wrong_passphrase_and_changes_nothing(tmp_path):
    path = tmp_path / "site.sqlite"
    site_with_a_person(path, KEY).close()
    before = path.read_bytes()
    with pytest.raises(cipher.WrongPassphrase):
        cipher.convert(path, "pas la bonne phrase", None)
    assert path.read_bytes() == before


def test_backups_are_encrypted_with_the_same_key(tmp_path):
    path = tmp_path / "site.sqlite"
    db = site_with_a_person(path, KEY)
    db.backup_to(tmp_path / "copie.sqlite")
    db.close()
    assert NAME.encode() not in (tmp_path / "copie.sqlite").read_bytes()
    cipher._keys.clear()
    with pytest.raises(DatabaseError):
        open_database(tmp_path / "copie.sqlite", readonly=True)
    copy = open_database(tmp_path / "copie.sqlite", readonly=True, key=KEY)
    assert copy.execute("SELECT last_name FROM participant").fetchone()[0] == NAME
    copy.close()


def test_the_copy_before_a_migration_is_encrypted_too(tmp_path):
    from tests.core.test_db import old_database

    path = tmp_path / "site.sqlite"
    old_database(path)  # schema 1, plain
    cipher.convert(path, None, KEY)
    open_database(path, key=KEY).close()  # upgraded, after a copy aside
    [copy] = tmp_path.glob("site.avant-migration-v1-*.sqlite")
    assert b"M\xc3\xbcller" not in copy.read_bytes() and b"SQLite format 3" not in copy.read_bytes()
    cipher._keys.clear()
    raw = cipher.connect(str(copy), KEY)
    assert raw.execute("SELECT last_name FROM participant").fetchone()[0] == "Müller"
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 1
    raw.close()


def test_short_passphrases_are_refused():
    with pytest.raises(DatabaseError) as info:
        cipher.check_passphrase("court")
    assert "12 caractères" in info.value.message_fr
    cipher.check_passphrase("assez longue oui")


def test_the_derived_key_is_reused_and_dropped_when_the_file_is_rewritten(tmp_path):
    path = tmp_path / "site.sqlite"
    site_with_a_person(path, KEY).close()
    cipher._derived.clear()
    calls = []
    real_pbkdf2 = cipher.hashlib.pbkdf2_hmac

    def counted(*args):
        calls.append(args)
        return real_pbkdf2(*args)

    cipher.hashlib.pbkdf2_hmac = counted
    try:
        for _ in range(3):  # the window opens the file several times: one derivation
            open_database(path, readonly=True, key=KEY).close()
    finally:
        cipher.hashlib.pbkdf2_hmac = real_pbkdf2
    assert len(calls) == 1
    [(where, phrase)] = cipher._derived
    assert where == str(path.resolve()) and phrase == KEY
    literal = cipher._derived[(where, phrase)]
    assert literal.startswith("\"x'") and len(literal) == 3 + 96 + 2  # key and salt
    raw = cipher._keyed(str(path), literal, False)  # the derived key alone opens the file
    assert raw.execute("SELECT last_name FROM participant").fetchone()[0] == NAME
    raw.close()
    cipher.convert(path, KEY, KEY)  # rewritten: a new salt, the old derived key is stale
    db = open_database(path, readonly=True, key=KEY)  # falls back to the passphrase
    assert db.execute("SELECT last_name FROM participant").fetchone()[0] == NAME
    db.close()
    assert cipher._derived[(where, KEY)] != literal
    with pytest.raises(cipher.WrongPassphrase):
        open_database(path, readonly=True, key="une autre phrase fausse")
