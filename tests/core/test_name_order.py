"""The name order kept in memory for search as you type: the same order as the name index
of migration 0008, followed after every write, by this connection or another one."""

from citesdesk.core import name_order, schema, search
from citesdesk.core.db import open_database
from citesdesk.services import records

NAMES = [("martin", "zoé"), ("Élie", "Ana"), ("Œuvrard", "Paul"), ("Eddine", "Karim"),
         ("ODIN", "Léa"), ("Lœuvre", "Lætitia"), ("Martin", "Ève"), ("Martinez", "Ana"),
         ("ÉLIE", "ana"), ("Ñúñez", "Íñigo"), ("Østergaard", "Åsa"), ("Ça", "Ôdile"),
         ("MARTIN", "Ève"), ("Zoë", "Ëlla"), ("d'Arc", "Jeanne"), ("Da Silva", "Ana"),
         ("X", "Sans nom"), ("Leroy", "Y")]


def person(db, last, first, **kw):
    return records.create(db, "participant", {"last_name": last, "first_name": first, **kw})


def _sql_order(db, where="1"):
    return [r[0] for r in db.execute(
        f"SELECT p.id FROM participant p WHERE p.deleted_at IS NULL AND {where} "
        f"ORDER BY {search.NAME_KEY}, p.id")]


def test_the_python_key_is_the_index_key(db):
    for last, first in NAMES:
        person(db, last, first)
    # Names the form refuses, written by another program: the keys still agree.
    db.execute("UPDATE participant SET last_name = '' WHERE first_name = 'Sans nom'")
    db.execute("UPDATE participant SET first_name = '' WHERE last_name = 'Leroy'")
    rows = db.execute(f"SELECT last_name, first_name, {schema.name_key_sql()} "
                      "FROM participant").fetchall()
    for last, first, key in rows:
        assert schema.name_key(last, first) == key, (last, first)
    assert [r[0] for r in sorted(db.execute("SELECT id, last_name, first_name FROM "
                                            "participant").fetchall(),
                                 key=lambda r: (schema.name_key(r[1], r[2]), r[0]))] \
        == _sql_order(db)


def test_matches_sort_as_the_index_does(db):
    for last, first in NAMES * 12:  # past the number of matches that build the order
        person(db, last, first, commune="Marseille")
    gone = person(db, "Aaron", "Marc", commune="Marseille")
    records.delete(db, "participant", gone["uuid"])  # in the bin: never listed
    everyone = _sql_order(db)
    assert gone["id"] not in everyone
    assert list(search.ids_by_name(db, "mars")) == everyone
    assert search.page_by_name(db, "mars", limit=5) == everyone[:5]
    assert search.page_by_name(db, "mars", limit=5, descending=True) == everyone[::-1][:5]
    assert name_order.cached(db) is not None
    martins = _sql_order(db, "p.last_name LIKE 'martin%'")
    assert list(search.ids_by_name(db, "martin")) == martins
    assert list(search.ids_by_name(db)) == everyone
    assert list(search.ids_by_name(db, descending=True)) == everyone[::-1]


def test_the_order_follows_writes_of_this_connection_and_others(db, tmp_path):
    for last, first in NAMES * 12:
        person(db, last, first)
    reader = open_database(tmp_path / "site.sqlite", readonly=True)
    try:
        assert list(search.ids_by_name(reader)) == _sql_order(reader)  # read once
        assert list(search.ids_by_name(reader, "a")) == _sql_order(reader, "p.id IN ("
            "SELECT rowid FROM participant_fts WHERE participant_fts MATCH 'a*')")
        first = search.page_by_name(reader, "ana", limit=1)
        kept = name_order.cached(reader)
        assert kept is not None
        # Another connection (the window's writer) saves: the reader reads the order again.
        newcomer = person(db, "Aaa", "Ana")
        assert name_order.cached(reader) is None
        assert search.ids_by_name(reader)[0] == newcomer["id"]  # read again
        assert name_order.cached(reader) is not kept
        assert search.page_by_name(reader, "ana", limit=1) == [newcomer["id"]] != first
        records.update(db, "participant", newcomer["uuid"], {"last_name": "Zzz"})
        assert name_order.cached(reader) is None
        assert list(search.ids_by_name(reader)) == _sql_order(reader)
        assert search.page_by_name(reader, "ana", limit=1) == first
        assert search.page_by_name(reader, "ana", limit=1, descending=True) == [
            newcomer["id"]]
    finally:
        reader.close()
    # This connection's own writes move the order too.
    search.page_by_name(db, "ana", limit=1)
    records.delete(db, "participant", newcomer["uuid"])
    assert newcomer["id"] not in search.ids_by_name(db, "ana")
    assert list(search.ids_by_name(db)) == _sql_order(db)
