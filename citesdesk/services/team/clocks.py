"""Field clocks, version vectors and purge marks (the bookkeeping of the team exchange).

``field_clock`` is kept by triggers (schema step ``0009_team_sync``) on every local write;
this module reads it, stamps the purge marks the triggers leave without a clock value,
and keeps this database's version vector.
"""

from __future__ import annotations

from citesdesk.core.db import SiteDatabase
from citesdesk.core.model import KINDS
from citesdesk.core.schema import SYNCED_TABLES, purge_key

ALL = "*"
#: Prefix length of a clock value before its node: 15 digits, '-', 6 digits, '-'.
_NODE_AT = 23


def node_of(hlc: str) -> str:
    return hlc[_NODE_AT:]


def columns(db: SiteDatabase, table: str) -> list[str]:
    """The fields of a synced table (its columns but the local bookkeeping)."""
    cache = db.__dict__.setdefault("_team_columns", {})
    if table not in cache:
        cache[table] = [r[1] for r in db.execute(f"PRAGMA table_info({table})")
                        if r[1] not in ("id", "uuid", "updated_at", "hlc")]
    return cache[table]


#: table -> {column: referenced table} for the columns holding a local id.
REFS: dict[str, dict[str, str]] = {
    t: {f.name: f.ref for f in KINDS[t].fields if f.type == "ref"}
    for t in SYNCED_TABLES if t in KINDS
}
#: Column holding a list of local ids joined by '|', and the table they point to.
ID_LISTS = {("partner_exchange", "contact_ids"): "partner_contact"}
#: Free text: concurrent edits keep both texts instead of conflicting.
LONGTEXT = {(t, f.name) for t in SYNCED_TABLES if t in KINDS
            for f in KINDS[t].fields if f.type == "longtext"}


def children_of(table: str) -> list[tuple[str, str, bool]]:
    """(child table, column, required) of every record pointing to ``table``."""
    out = []
    for child in SYNCED_TABLES:
        if child not in KINDS:
            continue
        for f in KINDS[child].fields:
            if f.type == "ref" and f.ref == table:
                out.append((child, f.name, bool(f.required)))
    return out


def stamp_purges(db: SiteDatabase, hlc: str | None = None) -> int:
    """Give the purge marks left by local deletions their clock value, and replace the
    erased uuid they hold by its :func:`~citesdesk.core.schema.purge_key` (call in a
    transaction, before reading or writing marks; every erasure calls it)."""
    pending = db.execute("SELECT uuid_hash FROM purge_mark WHERE hlc IS NULL").fetchall()
    if not pending:
        return 0
    stamp = hlc or db.clock.now()
    for (uuid,) in pending:
        key = purge_key(uuid)
        if db.execute("SELECT 1 FROM purge_mark WHERE uuid_hash = ?", [key]).fetchone():
            db.execute("DELETE FROM purge_mark WHERE uuid_hash = ?", [uuid])  # marked already
        else:
            db.execute("UPDATE purge_mark SET uuid_hash = ?, hlc = ? WHERE uuid_hash = ?",
                       [key, stamp, uuid])
    return len(pending)


def vector(db: SiteDatabase, own: str | None = None) -> dict[str, str]:
    """Per node heard of, the highest clock value received from it; with ``own``, this
    laptop's entry is that value (a clock value issued after every local write)."""
    out = dict(db.execute("SELECT node, hlc FROM version_vector").fetchall())
    if own is not None:
        out[node_of(own)] = max(out.get(node_of(own), ""), own)
    return out


def raise_vector(db: SiteDatabase, incoming: dict[str, str]) -> None:
    for node, hlc in incoming.items():
        db.execute("INSERT INTO version_vector(node, hlc) VALUES (?, ?) ON CONFLICT(node) "
                   "DO UPDATE SET hlc = max(hlc, excluded.hlc)", [node, hlc])


def record_clocks(db: SiteDatabase, table: str, uuids: list[str]) -> dict[str, dict]:
    """uuid -> {field or '*': clock value} for these records (a record never changed
    since it was written whole has ``{'*': its hlc}``)."""
    out: dict[str, dict] = {}
    for start in range(0, len(uuids), 500):
        part = uuids[start:start + 500]
        marks = ", ".join("?" for _ in part)
        for uuid, hlc in db.execute(f"SELECT uuid, hlc FROM {table} WHERE uuid IN ({marks})",
                                    part):
            out[uuid] = {ALL: hlc}
        for uuid, field, hlc in db.execute(
                f"SELECT uuid, field, hlc FROM field_clock WHERE tbl = ? AND uuid IN ({marks})",
                [table, *part]):
            out.setdefault(uuid, {})[field] = hlc
    return out


def table_clocks(db: SiteDatabase, table: str) -> dict[str, dict]:
    """uuid -> {field or '*': clock value} for every record of ``table``."""
    out: dict[str, dict] = {uuid: {ALL: hlc}
                            for uuid, hlc in db.execute(f"SELECT uuid, hlc FROM {table}")}
    for uuid, field, hlc in db.execute(
            "SELECT uuid, field, hlc FROM field_clock WHERE tbl = ?", [table]):
        entry = out.get(uuid)
        if entry is None:
            out[uuid] = {field: hlc}
        else:
            entry[field] = hlc
    return out


def effective(clocks: dict, field: str) -> str:
    return clocks.get(field) or clocks.get(ALL) or ""
