"""Schema step ``0010_team_audit``: a database written before it gets a uuid on every audit
entry, the same in two copies of it, so the journals' union does not double them."""

from __future__ import annotations

import shutil
import sqlite3

from citesdesk.core import schema
from citesdesk.core.db import open_database
from citesdesk.services import records
from tests.services.team.helpers import make_site


def _as_before_0010(path) -> None:
    """The file as a CitésDesk without step 0010 left it."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DROP INDEX idx_audit_uuid")
        conn.execute("ALTER TABLE audit_log DROP COLUMN uuid")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0010_team_audit'")
        conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION - 1}")
    conn.close()


def test_entries_written_before_get_the_same_uuid_in_two_copies(tmp_path):
    db = make_site(tmp_path / "a.sqlite")
    p = records.find(db, "participant")[0]
    records.update(db, "participant", p["uuid"], {"commune": "Bron"})
    db.close()
    _as_before_0010(tmp_path / "a.sqlite")
    shutil.copy(tmp_path / "a.sqlite", tmp_path / "b.sqlite")
    journals = []
    for name in ("a.sqlite", "b.sqlite"):
        upgraded = open_database(tmp_path / name)
        journals.append(upgraded.execute(
            "SELECT uuid, action, record_uuid FROM audit_log ORDER BY id").fetchall())
        upgraded.close()
    assert journals[0] == journals[1]
    uuids = [row[0] for row in journals[0]]
    assert len(uuids) >= 6 and all(u and len(u) == 32 for u in uuids)
    assert len(set(uuids)) == len(uuids)
