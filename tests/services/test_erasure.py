"""Erasure that erases (issue 12, point 4): after the retention purge, none of the
person's values is left in the raw bytes of the database, its write-ahead log or its
journal — not in the search index's segments, not in the import history, not in old
copies of pages — even while the window's connections are open."""

from pathlib import Path

from citesdesk.core.db import open_database
from citesdesk.core.search import search_participants
from citesdesk.services import importer, records, retention

PERSON = {
    "Nom": "Quincampoix", "Prénom": "Zébulonne", "Nom de naissance": "Vandermeersch",
    "Date de naissance": "14/03/1987", "Téléphone": "06 98 76 54 32",
    "Courriel": "zebulonne.q@exemple.fr", "Adresse": "17 impasse des Glycines",
    "Commune": "Zuydcoote", "Identifiant Mission locale": "ML4455667",
}
KEPT = {**{k: "" for k in PERSON}, "Nom": "Dupont", "Prénom": "Léa",
        "Date de naissance": "02/05/1990", "Commune": "Roubaix"}
NOTE = "Confidence jamais lue ailleurs"
NEW_PHONE = "07 55 44 33 22"
NEW_COMMUNE = "Esquelbecq"


def _csv(path: Path, rows: list[dict]) -> Path:
    heads = list(PERSON)
    path.write_text(";".join(heads) + "\n" + "".join(
        ";".join(r[h] for h in heads) + "\n" for r in rows), encoding="utf-8")
    return path


def _import(db, file: Path, on_duplicate: str = "skip") -> dict:
    table = importer.load_table(file, "participants")
    mapping, _ = importer.suggest_mapping(db, table)
    plan = importer.analyse(db, table, mapping, on_duplicate=on_duplicate)
    assert not plan.errors, [i.text() for i in plan.errors]
    return importer.commit(db, plan)


def _needles(uuid: str) -> list[bytes]:
    values = [v for v in PERSON.values() if len(v) > 4] + [
        NOTE, NEW_PHONE, NEW_COMMUNE, uuid, "0698765432", "0755443322",
        # as the search index stores its tokens: folded, without accents (communes that
        # are not in the shipped QPV list, whose names rightly stay in the file)
        "quincampoix", "zebulonne", "vandermeersch", "zuydcoote", "esquelbecq",
        "ml4455667", "glycines"]
    return sorted({v.encode("utf-8") for v in values})


def _found(path: Path, needles: list[bytes]) -> dict[str, list[str]]:
    found = {}
    for p in (path, path.with_name(path.name + "-wal"),
              path.with_name(path.name + "-journal")):
        if p.exists():
            data = p.read_bytes().lower()
            hits = [n.decode() for n in needles if n.lower() in data]
            if hits:
                found[p.name] = hits
    return found


def test_purge_leaves_none_of_the_persons_values_in_the_files(tmp_path):
    path = tmp_path / "site.sqlite"
    writer = open_database(path, create=True)
    records.create(writer, "site", {"name": "Cité test", "site_code": "T01"})
    reader = open_database(path, readonly=True)  # the window's reader stays open
    try:
        _import(writer, _csv(tmp_path / "a.csv", [PERSON, KEPT]))
        # a second import updates the phone: the import history keeps the old value
        _import(writer, _csv(tmp_path / "b.csv", [{**PERSON, "Téléphone": NEW_PHONE}]),
                on_duplicate="update")
        (uuid,) = [r[0] for r in writer.execute(
            "SELECT uuid FROM participant WHERE last_name = 'Quincampoix'")]
        person = records.get(writer, "participant", uuid)
        records.update(writer, "participant", uuid, {"commune": NEW_COMMUNE})
        records.create(writer, "event", {"participant_id": person["id"], "type": "ENTRETIEN",
                                         "date": "2023-01-10"})
        records.create(writer, "note", {"participant_id": person["id"], "date": "2023-01-10",
                                        "text": NOTE})
        assert [h["uuid"] for h in search_participants(reader, "Quincampoix")] == [uuid]
        needles = _needles(uuid)
        assert _found(path, needles)  # the values are there before the purge

        assert retention.purge(writer, [uuid]) == 1

        assert _found(path, needles) == {}  # with the window's connections still open
        assert search_participants(reader, "Quincampoix") == []
        assert [h["last_name"] for h in search_participants(reader, "Roubaix")] == ["Dupont"]
        assert writer.execute("PRAGMA secure_delete").fetchone()[0] == 1
    finally:
        reader.close()
        writer.close()
    assert _found(path, needles) == {}
    db = open_database(path, readonly=True)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT count(*) FROM participant").fetchone()[0] == 1
        logs = db.execute("SELECT count(*) FROM import_log").fetchone()[0]
    finally:
        db.close()
    assert logs == 2  # the imports are still recorded, without this person


def test_leftovers_of_people_purged_by_an_earlier_version_are_wiped_on_upgrade(tmp_path):
    """A file as version 0.1 left it after a purge (no secure_delete, the search index's
    segments and the import history still holding the person) is cleaned by the upgrade."""
    import json
    import sqlite3

    from sqlite_utils import Database

    from citesdesk.core import schema

    path = tmp_path / "ancienne.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA secure_delete = OFF")  # the default of many builds (Windows)
    old = Database(conn)
    before = [m.name for m in schema.migrations._migrations if m.name < "0006"]
    schema.migrations.apply(old, stop_before=[m.name for m in schema.migrations._migrations
                                              if m.name not in before])
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {len(before)}")
    stamp, hlc = "2024-01-01T00:00:00.000Z", "001704067200000-000000-ab"
    for uuid, last, first in (("u-gone", "Quincampoix", "Zébulonne"),
                              ("u-kept", "Dupont", "Léa")):
        conn.execute(
            "INSERT INTO participant (uuid, created_at, updated_at, hlc, last_name, "
            "first_name, phone, commune, address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [uuid, stamp, stamp, hlc, last, first,
             "06 98 76 54 32" if uuid == "u-gone" else None,
             "Zuydcoote" if uuid == "u-gone" else "Roubaix",
             "17 impasse des Glycines" if uuid == "u-gone" else None])
    changes = {"created": {"participant": ["u-gone", "u-kept"]},
               "updated": [{"table": "participant", "uuid": "u-gone",
                            "before": {"phone": "06 98 76 54 32"},
                            "after": {"phone": "07 55 44 33 22"}}]}
    conn.execute(
        "INSERT INTO import_log (uuid, created_at, updated_at, hlc, kind, file_name, sha256, "
        "counts, mapping, changes, actor) VALUES ('imp-1', ?, ?, ?, 'participants', 'a.csv', "
        "'x', '{}', '{}', ?, '')", [stamp, stamp, hlc, json.dumps(changes)])
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("DELETE FROM participant WHERE uuid = 'u-gone'")  # the 0.1 purge
    conn.close()
    needles = [b"Quincampoix", b"quincampoix", b"Glycines", b"06 98 76 54 32", b"u-gone",
               b"07 55 44 33 22", "Zébulonne".encode(), b"zuydcoote"]
    assert _found(path, needles)

    db = open_database(path)  # the upgrade
    try:
        assert db.schema_version() == schema.SCHEMA_VERSION
        assert [r[0] for r in db.execute("SELECT last_name FROM participant")] == ["Dupont"]
        kept = json.loads(db.execute("SELECT changes FROM import_log").fetchone()[0])
        assert kept["created"] == {"participant": ["u-kept"]} and kept["updated"] == []
        assert _found(path, needles) == {}
    finally:
        db.close()
    assert _found(path, needles) == {}


def test_the_log_is_emptied_once_a_busy_reader_has_finished(tmp_path, monkeypatch, caplog):
    """A reader in the middle of a query keeps the write-ahead log: the purge retries, and
    says so in the log file if it has to give up; the log is emptied once it is done."""
    import sqlite3

    from citesdesk.services import erasure

    path = tmp_path / "site.sqlite"
    wal = path.with_name(path.name + "-wal")
    db = open_database(path, create=True)
    records.create(db, "site", {"name": "Cité test", "site_code": "T01"})
    p = records.create(db, "participant", {"last_name": "Quincampoix", "first_name": "Zoé"})
    reader = sqlite3.connect(path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM participant").fetchone()  # holds its snapshot
    monkeypatch.setattr(erasure, "CHECKPOINT_TRIES", 2)
    try:
        assert retention.purge(db, [p["uuid"]]) == 1
        assert "not truncated after an erasure" in caplog.text
        assert wal.stat().st_size > 0
    finally:
        reader.execute("COMMIT")
        reader.close()
    assert erasure.flush_wal(db) is True  # the reader is done: emptied
    assert wal.stat().st_size == 0
    assert _found(path, [b"Quincampoix", b"quincampoix"]) == {}
    db.close()
