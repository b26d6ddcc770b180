"""The audit entries in the team's files (``docs/design/SYNC.md``, model point 2).

The journal is an appending table: each laptop's entries travel to the others and the
journals become one union by ``uuid`` (an entry is never changed, so there is nothing to
merge field by field). An entry carries what the journal already holds here (who, when,
what, which record, the changes) and nothing more. The erasure rules follow it: an entry
about a record erased for good (a purge mark, here or arriving in the same file) is never
written, and the purge of a record removes its entries (:mod:`citesdesk.services.team.apply`
and :mod:`citesdesk.services.retention`).
"""

from __future__ import annotations

from collections.abc import Iterator

from citesdesk.core.db import SiteDatabase
from citesdesk.core.schema import purge_key
from citesdesk.services.team.clocks import node_of

#: The columns of an entry as they travel (``id`` is local).
COLUMNS = ("uuid", "at", "actor", "action", "table_name", "record_uuid", "changes", "hlc")


def _passes(hlc: str | None, limits: dict[str, str] | None) -> bool:
    if limits is None:
        return True
    return hlc is not None and hlc > limits.get(node_of(hlc), "")


def lines(db: SiteDatabase, limits: dict[str, str] | None, floor: str) -> Iterator[dict]:
    """The entries the colleagues are not known to have (all of them when ``limits`` is
    ``None``), oldest first, as lines of ``changes.jsonl``."""
    where = "hlc > ?" + (" OR hlc IS NULL" if limits is None else "")
    cur = db.execute(f"SELECT {', '.join(COLUMNS)} FROM audit_log WHERE uuid IS NOT NULL "
                     f"AND ({where}) ORDER BY hlc, uuid", [floor])
    for row in cur:
        entry = dict(zip(COLUMNS, row, strict=True))
        if _passes(entry["hlc"], limits):
            yield {"a": entry}


def merge(db: SiteDatabase, entries: list[dict]) -> int:
    """Add the entries not here yet, but those about a record erased for good; how many
    were added (call inside the merge's transaction, after its purge marks)."""
    rows = []
    for e in entries:
        if not isinstance(e.get("uuid"), str) or not isinstance(e.get("action"), str) \
                or not isinstance(e.get("at"), str):
            continue  # not an entry: nothing of it is written
        record = e.get("record_uuid")
        rows.append([*(e.get(c) for c in COLUMNS),
                     purge_key(record) if isinstance(record, str) else ""])
    # The statement's own rows (``rowcount``), not ``total_changes``: that one also counts
    # what triggers write, such as the window's record of what a task changed.
    cursor = db.conn.executemany(
        f"INSERT INTO audit_log({', '.join(COLUMNS)}) SELECT ?, ?, ?, ?, coalesce(?, ''), "
        "?, coalesce(?, '{}'), ? WHERE NOT EXISTS (SELECT 1 FROM purge_mark WHERE "
        "uuid_hash = ?) ON CONFLICT(uuid) DO NOTHING", rows)
    return max(cursor.rowcount, 0)
