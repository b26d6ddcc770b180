"""Migration 0005: the official QPV list and the contact flag reach existing databases."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database

from citesdesk.core import schema
from citesdesk.core.db import open_database
from citesdesk.core.qpv import list_in_force

STEP = "0005_qpv_reference"
STAMP = "'2025-03-01T00:00:00Z', '2025-03-01T00:00:00Z', '001740787200000-000000-x'"


def schema_4_database(path, own_list: bool) -> None:
    """A site as version 0.1 left it: the four steps of main, a site in Seine-Saint-Denis,
    people imported from a partner list with a QPV code and no "résident QPV", and
    (``own_list``) a QPV list the site loaded by hand."""
    conn = sqlite3.connect(path)
    conn.isolation_level = None
    db = Database(conn)
    schema.migrations.apply(db, stop_before=STEP)
    assert len(schema.migrations.applied(db)) == 4
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 4")
    conn.execute(f"INSERT INTO site(uuid, created_at, updated_at, hlc, name, site_code, "
                 f"departement) VALUES ('s-1', {STAMP}, 'Cité de Saint-Denis', 'CE93', '93')")
    people = [("p-1", "Diallo", "QN09337M", None), ("p-2", "Martin", "QN09337M", 0),
              ("p-3", "Petit", None, None), ("p-4", "Sow", "QN09399M", None)]
    for uuid, name, code, resident in people:
        conn.execute(f"INSERT INTO participant(uuid, created_at, updated_at, hlc, last_name, "
                     f"first_name, code_qpv, resident_qpv) VALUES (?, {STAMP}, ?, 'A', ?, ?)",
                     [uuid, name, code, resident])
    if own_list:
        conn.execute("INSERT INTO qpv(code, name, insee_com, commune, loaded_at) VALUES "
                     "('QN09399M', 'Quartier du site', '93066', 'Saint-Denis', "
                     "'2024-06-01T10:00:00.000Z')")
    conn.close()


def test_an_existing_database_gets_the_official_list(tmp_path):
    path = tmp_path / "site.sqlite"
    schema_4_database(path, own_list=False)
    db = open_database(path)
    assert db.schema_version() == schema.SCHEMA_VERSION
    assert [m.name for m in schema.migrations.applied(db)][4:6] == [STEP, "0005_contact_check"]
    info = list_in_force(db)
    assert (info["source"], info["rows"], info["date"]) == ("builtin", 1584, "2025-01-01")
    # a quarter of the list with nothing said makes a resident; "non" stays "non"
    rows = db.execute("SELECT last_name, resident_qpv, contact_check FROM participant "
                      "ORDER BY id").fetchall()
    assert rows == [("Diallo", 1, ""), ("Martin", 0, ""), ("Petit", None, ""),
                    ("Sow", None, "")]  # QN09399M is not in the list: not counted
    assert len(list(tmp_path.glob("site.avant-migration-v4-*.sqlite"))) == 1
    db.close()
    again = open_database(path)  # opening again changes nothing
    assert again.execute("SELECT count(*) FROM qpv").fetchone()[0] == 1584
    again.close()


def test_a_list_the_site_loaded_itself_is_kept(tmp_path):
    path = tmp_path / "site.sqlite"
    schema_4_database(path, own_list=True)
    db = open_database(path)
    assert db.execute("SELECT name FROM qpv WHERE code = 'QN09399M'").fetchone()[0] == \
        "Quartier du site"
    info = list_in_force(db)
    assert (info["source"], info["rows"], info["date"]) == ("import", 1585, "2024-06-01")
    assert info["name_fr"] == ("Liste chargée par le site, complétée par la liste officielle "
                               "livrée")
    # its code now counts as a quarter of the list in force
    assert db.execute("SELECT resident_qpv FROM participant WHERE last_name = 'Sow'"
                      ).fetchone()[0] == 1
    db.close()
