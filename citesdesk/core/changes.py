"""What an operation changed, told by the database itself (Anki's ``OpChanges``).

:func:`track` installs temporary triggers on a connection: every row inserted, updated or
deleted in one of the site's tables adds the table's name to a temporary table. After an
operation, :func:`take` returns those names and forgets them. The temporary table takes
part in the operation's transaction: an operation rolled back (cancelled, refused) reports
nothing. Screens refresh from these names, so no call site declares by hand what it wrote.

Only the connection that calls :func:`track` is watched (the window's one writer); the
triggers live in its ``temp`` schema and vanish with it.
"""

from __future__ import annotations

from citesdesk.core.db import SiteDatabase

_TABLE = "citesdesk_changed"  # in the temp schema (unqualified inside triggers)


def _watched_tables(db: SiteDatabase) -> list[str]:
    """Ordinary tables of the main schema (not virtual tables nor their shadow tables)."""
    rows = db.execute(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE '\\_%' ESCAPE '\\' AND coalesce(sql, '') NOT LIKE 'CREATE VIRTUAL%'"
    ).fetchall()
    virtual = [r[0] for r in db.execute(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' "
        "AND sql LIKE 'CREATE VIRTUAL%'")]
    return [r[0] for r in rows if not any(r[0].startswith(v + "_") for v in virtual)]


def track(db: SiteDatabase) -> None:
    """Watch every table of ``db`` (idempotent; tables created later are added by calling
    it again)."""
    db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {_TABLE} (name TEXT PRIMARY KEY) WITHOUT ROWID")
    for table in _watched_tables(db):
        for op in ("INSERT", "UPDATE", "DELETE"):
            db.execute(
                f'CREATE TEMP TRIGGER IF NOT EXISTS "citesdesk_changed_{op.lower()}_{table}" '
                f'AFTER {op} ON main."{table}" BEGIN '
                # no conflict clause: an outer INSERT OR … would override it
                f"INSERT INTO {_TABLE}(name) SELECT '{table}' WHERE NOT EXISTS "
                f"(SELECT 1 FROM {_TABLE} WHERE name = '{table}'); END")


def take(db: SiteDatabase) -> frozenset[str]:
    """The tables written since the last call (empty if :func:`track` was not called)."""
    try:
        names = frozenset(r[0] for r in db.execute(f"SELECT name FROM temp.{_TABLE}"))
    except Exception:  # noqa: BLE001 - not tracked on this connection
        return frozenset()
    if names:
        db.execute(f"DELETE FROM temp.{_TABLE}")
    return names
