"""``national.sqlite``: the latest accepted bundle of every site, and the sites' keys.

Each site's rows are replaced whole by a newer bundle (a bundle is a full snapshot).
Data tables are the bundle's resources with ``code_site`` first; values are typed
(integers, numbers, booleans as 0/1, empty as NULL).
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlite_utils import Database

from citesdesk.core.db import utc_now
from citesdesk.core.files import create_private
from citesdesk.services.bundle.package import RESOURCES, TABLES
from citesdesk.services.bundle.reader import OpenedBundle

_SQL_TYPE = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}


def _column(kind: str, values) -> list:
    """One column's cells as stored: typed, empty as NULL."""
    if kind == "integer":
        return [int(v) if v else None for v in values]
    if kind == "number":
        return [float(v) if v else None for v in values]
    if kind == "boolean":
        return [(v == "true") if v else None for v in values]
    return [v or None for v in values]


def open_store(path: str | Path) -> Database:
    """Open (creating if needed) the national database. It is not a site database: it
    holds no personal data, only what the bundles carry."""
    if not Path(path).exists():
        create_private(path)  # pseudonymised, still only for the evaluation team
    db = Database(path)
    db.conn.isolation_level = None  # autocommit; transactions are explicit (db.atomic())
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("""CREATE TABLE IF NOT EXISTS site_key (
        code_site TEXT PRIMARY KEY, public_key TEXT NOT NULL, key_id TEXT NOT NULL,
        first_seen TEXT NOT NULL, previous_keys TEXT NOT NULL DEFAULT '[]')""")
    db.execute("""CREATE TABLE IF NOT EXISTS bundle (
        code_site TEXT PRIMARY KEY, sequence INTEGER NOT NULL, bundle_id TEXT NOT NULL,
        created_at TEXT NOT NULL, datapackage_sha256 TEXT NOT NULL, file_sha256 TEXT NOT NULL,
        file_name TEXT NOT NULL, loaded_at TEXT NOT NULL, quarters TEXT NOT NULL,
        software_version TEXT)""")
    for name in RESOURCES:
        t = TABLES[name]
        cols = ", ".join(f"{c.name} {_SQL_TYPE.get(c.type, 'TEXT')}" for c in t.columns)
        # Keys were checked unique when the bundle was validated; a plain index on the
        # site keeps loading fast (replacing a site deletes by it).
        first = "" if name == "site" else "code_site TEXT NOT NULL, "
        db.execute(f"CREATE TABLE IF NOT EXISTS {name} ({first}{cols})")
        db.execute(f"CREATE INDEX IF NOT EXISTS idx_{name}_site ON {name}(code_site)")
    return db


def known_key(db: Database, site_code: str) -> str | None:
    row = db.execute("SELECT public_key FROM site_key WHERE code_site = ?",
                     [site_code]).fetchone()
    return row[0] if row else None


def loaded(db: Database, site_code: str) -> tuple[int, str] | None:
    """``(sequence, datapackage_sha256)`` of the site's loaded bundle."""
    row = db.execute("SELECT sequence, datapackage_sha256 FROM bundle WHERE code_site = ?",
                     [site_code]).fetchone()
    return (row[0], row[1]) if row else None


def load(db: Database, opened: OpenedBundle, file_name: str) -> None:
    """Replace the site's rows by the bundle's, and record the bundle and the key."""
    code = opened.site_code
    now = utc_now()
    with db.atomic():
        for name in RESOURCES:
            db.execute(f"DELETE FROM {name} WHERE code_site = ?", [code])
            table = TABLES[name]
            count = opened.rows[name]
            if not count:
                continue
            columns = [_column(c.type, values)
                       for c, values in zip(table.columns, opened.columns[name], strict=True)]
            if name != "site":
                columns.insert(0, [code] * count)
            marks = ", ".join("?" for _ in columns)
            db.conn.executemany(f"INSERT INTO {name} VALUES ({marks})",
                                zip(*columns, strict=True))
        meta = opened.meta
        db.execute(
            "INSERT INTO bundle VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(code_site) DO UPDATE SET "
            "sequence=excluded.sequence, bundle_id=excluded.bundle_id, "
            "created_at=excluded.created_at, datapackage_sha256=excluded.datapackage_sha256, "
            "file_sha256=excluded.file_sha256, file_name=excluded.file_name, "
            "loaded_at=excluded.loaded_at, quarters=excluded.quarters, "
            "software_version=excluded.software_version",
            [code, meta["sequence"], meta["bundle_id"], meta["created_at"],
             opened.datapackage_sha256, opened.file_sha256, file_name, now,
             "|".join(meta["quarters"]), meta["software_version"]])
        record_key(db, code, opened.public_key_text.strip(), opened.public_key.key_id_hex, now)


def record_key(db: Database, code: str, key_text: str, key_id: str, now: str) -> None:
    row = db.execute("SELECT public_key, previous_keys FROM site_key WHERE code_site = ?",
                     [code]).fetchone()
    if row is None:
        db.execute("INSERT INTO site_key VALUES (?,?,?,?, '[]')", [code, key_text, key_id, now])
    elif row[0] != key_text:
        previous = json.loads(row[1]) + [{"public_key": row[0], "replaced_at": now}]
        db.execute("UPDATE site_key SET public_key = ?, key_id = ?, previous_keys = ? "
                   "WHERE code_site = ?", [key_text, key_id, json.dumps(previous), code])
