"""Applying the lines of a team file to the database (inside the merge's transaction).

Field by field, the higher clock value wins. A write that neither side had seen (the
local field's clock is above the sender's vector entry for its node, the incoming one
above ours) and that differs is a conflict: applied by clock and listed. Free text is
never a conflict: both texts are kept. Purge marks erase the record and everything
that depends on it, and a purged uuid is never written again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

from citesdesk.core.db import SiteDatabase, utc_now
from citesdesk.core.errors import CitesDeskError
from citesdesk.core.model import KINDS
from citesdesk.core.schema import SYNCED_TABLES, purge_key
from citesdesk.services.team import clocks
from citesdesk.services.team.clocks import ALL, ID_LISTS, LONGTEXT, REFS, node_of

CHUNK = 500
#: Above this many incoming records of a table, its clocks are read in one pass.
WHOLE_TABLE = 2000


class Cancelled(CitesDeskError):
    def __init__(self) -> None:
        super().__init__("Intégration annulée : rien n'a été modifié.",
                         "Merge cancelled: nothing was changed.")


def conflict_key(table: str, uuid: str, field: str, losing_hlc: str) -> str:
    """A conflict is identified by the edit that lost: each concurrent edit that lost is
    listed once, whichever laptop noticed it and against which later edit."""
    return hashlib.sha256(f"{table}|{uuid}|{field}|{losing_hlc}".encode()).hexdigest()[:32]


def combine_texts(a: str | None, ha: str, b: str | None, hb: str) -> str | None:
    """Both texts of two concurrent edits of free text: the older first, then the
    paragraphs of the newer that it does not already hold."""
    (old, _), (new, _) = sorted(((a, ha), (b, hb)), key=lambda p: p[1])
    if not old:
        return new
    if not new:
        return old
    have = old.split("\n\n")
    extra = [p for p in new.split("\n\n") if p not in have]
    return "\n\n".join([*have, *extra])


class Applier:
    def __init__(self, db: SiteDatabase, manifest: dict, names: dict[str, str],
                 site_map: dict[str, str], progress: Callable | None,
                 cancel: Callable[[], bool] | None, total: int) -> None:
        self.db, self.manifest, self.names, self.site_map = db, manifest, names, site_map
        self.sender_vec: dict[str, str] = manifest.get("vector") or {}
        self.local_vec = clocks.vector(db)
        self.own = db.clock.node
        self.progress, self.cancel, self.total, self.done = progress, cancel, total, 0
        self.now = utc_now()
        self.counts = {"created": 0, "updated": 0, "purged": 0, "conflicts": 0,
                       "texts_kept": 0, "skipped": 0}
        self.created_people: list[str] = []
        self._ids: dict[str, dict[str, int]] = {}
        self._keys: dict[str, dict[str, tuple[int, str]]] = {}  # purge key -> (id, uuid)

    # -- bookkeeping ---------------------------------------------------------------
    def tick(self, n: int = 1) -> None:
        self.done += n
        if self.progress is not None and (self.done % CHUNK < n or self.done >= self.total):
            self.progress(min(self.done, self.total), self.total)
        if self.cancel is not None and self.cancel():
            raise Cancelled()

    def _unseen_here(self, hlc: str) -> bool:
        node = node_of(hlc)
        return node != self.own and hlc > self.local_vec.get(node, "")

    def _unseen_there(self, hlc: str) -> bool:
        return hlc > self.sender_vec.get(node_of(hlc), "")

    def local_id(self, table: str, uuid: str) -> int | None:
        m = self._ids.get(table)
        if m is None:
            m = self._ids[table] = {u: i for i, u in self.db.execute(
                f"SELECT id, uuid FROM {table}")}
        return m.get(uuid)

    def purged(self, uuid: str) -> str | None:
        """The clock of the purge mark of the record ``uuid``, if it was erased."""
        row = self.db.execute("SELECT hlc FROM purge_mark WHERE uuid_hash = ?",
                              [purge_key(uuid)]).fetchone()
        return row[0] if row else None

    def _local_by_key(self, table: str, key: str) -> tuple[int, str] | None:
        """The local record (id, uuid) whose purge key is ``key``."""
        m = self._keys.get(table)
        if m is None:
            m = self._keys[table] = {purge_key(u): (i, u) for i, u in self.db.execute(
                f"SELECT id, uuid FROM {table}")}
        return m.get(key)

    # -- purges --------------------------------------------------------------------
    def _erase(self, table: str, record_id: int, uuid: str) -> None:
        for child, column, _required in clocks.children_of(table):
            for cid, cuuid in self.db.execute(f"SELECT id, uuid FROM {child} WHERE {column} = ?",
                                              [record_id]).fetchall():
                self._erase(child, cid, cuuid)
        self.db.execute("DELETE FROM audit_log WHERE record_uuid = ?", [uuid])
        self.db.execute(f"DELETE FROM {table} WHERE id = ?", [record_id])
        self._ids.get(table, {}).pop(uuid, None)

    def purge(self, table: str, key: str, hlc: str) -> None:
        """A purge mark (``key``: the erased record's :func:`purge_key`) arrives."""
        if table not in SYNCED_TABLES:
            return
        known = self.db.execute("SELECT 1 FROM purge_mark WHERE uuid_hash = ?",
                                [key]).fetchone()
        if known is None:
            local = self._local_by_key(table, key)
            if local is not None:
                self._erase(table, *local)
                self._keys.get(table, {}).pop(key, None)
                self.counts["purged"] += 1
        self.db.execute("INSERT INTO purge_mark(uuid_hash, tbl, hlc) VALUES (?, ?, ?) "
                        "ON CONFLICT(uuid_hash) DO UPDATE SET hlc = max(coalesce(hlc, ''), "
                        "excluded.hlc)", [key, table, hlc])
        clocks.stamp_purges(self.db, hlc)  # the marks its deletions left: keys and clock

    # -- records -------------------------------------------------------------------
    def _wire_to_local(self, table: str, field: str, value):
        """(local value, missing parent uuid or None)."""
        ref = REFS.get(table, {}).get(field)
        if ref and value is not None:
            rid = self.local_id(ref, value)
            return (rid, None) if rid is not None else (None, value)
        target = ID_LISTS.get((table, field))
        if target and value:
            ids = [self.local_id(target, u) for u in str(value).split("|")]
            return "|".join(str(i) for i in ids if i is not None), None
        return value, None

    def _local_to_wire(self, table: str, field: str, value):
        ref = REFS.get(table, {}).get(field)
        if ref and value is not None:
            row = self.db.execute(f"SELECT uuid FROM {ref} WHERE id = ?", [value]).fetchone()
            return row[0] if row else None
        return value

    def records(self, table: str, incoming: dict[str, list[tuple]]) -> None:
        cols = clocks.columns(self.db, table)
        uuids = list(incoming)
        # Many records (a full file): one pass over the table's clocks beats many lookups.
        every = clocks.table_clocks(self.db, table) if len(uuids) > WHOLE_TABLE else None
        for start in range(0, len(uuids), CHUNK):
            part = uuids[start:start + CHUNK]
            rc = every if every is not None else clocks.record_clocks(self.db, table, part)
            # Records whose every incoming field has the clock already here: nothing to do
            # (most of a full file); the others are read whole.
            todo = [u for u in part if not _known(incoming[u], rc.get(u))]
            self.tick(len(part) - len(todo))
            if not todo:
                continue
            marks = ", ".join("?" for _ in todo)
            cur = self.db.execute(f"SELECT id, uuid, hlc, {', '.join(cols)} FROM {table} "
                                  f"WHERE uuid IN ({marks})", todo)
            rows = {r[1]: dict(zip(["id", "uuid", "hlc", *cols], r, strict=True))
                    for r in cur.fetchall()}
            by_key = {purge_key(u): u for u in todo}
            purged = {by_key[k]: h for k, h in self.db.execute(
                f"SELECT uuid_hash, hlc FROM purge_mark WHERE uuid_hash IN ({marks})",
                list(by_key)).fetchall()}
            for uuid in todo:
                if uuid not in purged:
                    self.record(table, uuid, _fields(incoming[uuid]), rows.get(uuid),
                                rc.get(uuid, {}), cols)
                self.tick()

    def record(self, table: str, uuid: str, fields: dict[str, tuple], row: dict | None,
               rc: dict, cols: list[str]) -> None:
        if row is not None:  # most fields of a full file are already here: skip them first
            star = rc.get(ALL, "")
            fields = {f: hv for f, hv in fields.items() if (rc.get(f) or star) != hv[0]}
            if not fields:
                return
        local: dict[str, tuple] = {}
        for field, (hlc, value) in fields.items():
            if field not in cols:
                continue  # a field this schema does not know (older file): nothing to do
            v, missing = self._wire_to_local(table, field, value)
            if missing is not None:
                mark = self.purged(missing)
                if mark is not None:  # its parent was erased: so is it, for good
                    self.purge(table, purge_key(uuid), mark)
                else:
                    self.counts["skipped"] += 1
                return
            local[field] = (hlc, v, value)
        if row is None:
            self._insert(table, uuid, local, cols)
            return
        apply: dict[str, tuple] = {}
        for field, (hlc, v, wire) in local.items():
            mine = clocks.effective(rc, field)
            if hlc == mine:
                continue
            if row[field] != v and self._unseen_here(hlc) and mine and self._unseen_there(mine):
                if (table, field) in LONGTEXT:
                    text = combine_texts(row[field], mine, v, hlc)
                    apply[field] = (self.db.clock.now(), text)
                    self.counts["texts_kept"] += 1
                    continue
                self._conflict(table, uuid, field, (mine, self._local_to_wire(
                    table, field, row[field])), (hlc, wire))
            if hlc > mine:
                apply[field] = (hlc, v)
        if apply:
            top = max([row["hlc"], *(h for h, _ in apply.values())])
            sets = ", ".join(f"{f} = ?" for f in apply)
            self.db.execute(f"UPDATE {table} SET {sets}, updated_at = ?, hlc = ? WHERE id = ?",
                            [*(v for _, v in apply.values()), self.now, top, row["id"]])
            self._clocks(table, uuid, {f: h for f, (h, _) in apply.items()})
            self.counts["updated"] += 1

    def _insert(self, table: str, uuid: str, local: dict[str, tuple], cols: list[str]) -> None:
        if not local:
            return
        defaults = {f.name: f.default for f in KINDS[table].fields} if table in KINDS else {}
        values = {c: defaults.get(c) for c in cols}
        values.update({f: v for f, (_, v, _) in local.items()})
        if values.get("created_at") is None:
            values["created_at"] = self.now
        hlcs = [h for h, _, _ in local.values()]
        names = ["uuid", "updated_at", "hlc", *cols]
        cur = self.db.execute(
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",
            [uuid, self.now, max(hlcs), *(values[c] for c in cols)])
        if table in self._ids:  # once loaded, the map follows the inserts
            self._ids[table][uuid] = cur.lastrowid
        self.db.execute("DELETE FROM field_clock WHERE tbl = ? AND uuid = ?", [table, uuid])
        if len(local) < len(cols):
            self.db.execute("INSERT INTO field_clock(tbl, uuid, field, hlc) VALUES (?, ?, ?, ?)",
                            [table, uuid, ALL, min(hlcs)])
        self._clocks(table, uuid, {f: h for f, (h, _, _) in local.items()})
        self.counts["created"] += 1
        if table == "participant":
            self.created_people.append(uuid)

    def _clocks(self, table: str, uuid: str, fields: dict[str, str]) -> None:
        self.db.conn.executemany(
            "INSERT INTO field_clock(tbl, uuid, field, hlc) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(tbl, uuid, field) DO UPDATE SET hlc = excluded.hlc",
            [(table, uuid, f, h) for f, h in fields.items()])

    # -- conflicts -----------------------------------------------------------------
    def _author(self, hlc: str) -> str:
        return self.names.get(node_of(hlc)) or node_of(hlc)

    def _conflict(self, table: str, uuid: str, field: str, a: tuple, b: tuple) -> None:
        (ha, va), (hb, vb) = sorted((a, b), key=lambda p: p[0])
        key = conflict_key(table, uuid, field, ha)
        known = self.db.execute("SELECT 1 FROM sync_conflict WHERE key = ?", [key]).fetchone()
        cur = self.db.execute(
            "INSERT INTO sync_conflict(key, tbl, uuid, field, value_a, hlc_a, author_a, "
            "value_b, hlc_b, author_b, noted_hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            f"ON CONFLICT(key) DO UPDATE SET {_LATER_WINNER}",
            [key, table, uuid, field, _text(va), ha, self._author(ha), _text(vb), hb,
             self._author(hb), self.db.clock.now()])
        self.counts["conflicts"] += 0 if known else cur.rowcount

    def conflict_line(self, c: dict) -> None:
        cols = ["key", "tbl", "uuid", "field", "value_a", "hlc_a", "author_a", "value_b",
                "hlc_b", "author_b", "noted_hlc", "resolved_hlc", "resolved_value",
                "resolved_by"]
        if self.purged(c.get("uuid", "")):
            return
        values = [c.get(k) for k in cols]
        self.db.execute(
            f"INSERT INTO sync_conflict({', '.join(cols)}) VALUES "
            f"({', '.join('?' for _ in cols)}) ON CONFLICT(key) DO UPDATE SET "
            f"{_LATER_WINNER}, noted_hlc = min(noted_hlc, excluded.noted_hlc), "
            "resolved_hlc = CASE WHEN coalesce(excluded.resolved_hlc, '') > "
            "coalesce(resolved_hlc, '') THEN excluded.resolved_hlc ELSE resolved_hlc END, "
            "resolved_value = CASE WHEN coalesce(excluded.resolved_hlc, '') > "
            "coalesce(resolved_hlc, '') THEN excluded.resolved_value ELSE resolved_value END, "
            "resolved_by = CASE WHEN coalesce(excluded.resolved_hlc, '') > "
            "coalesce(resolved_hlc, '') THEN excluded.resolved_by ELSE resolved_by END",
            values)


def _known(lines: list[tuple], rc: dict | None) -> bool:
    """Whether every incoming field's clock is the one already recorded here."""
    if not rc:
        return False
    star = rc.get(ALL, "")
    for h, fields in lines:
        if h == star and len(rc) == 1:
            continue  # a record written whole, here as there
        if any((rc.get(f) or star) != h for f in fields):
            return False
    return True


def _fields(lines: list[tuple]) -> dict[str, tuple]:
    """field -> (clock, value), the latest when several lines name a field."""
    out: dict[str, tuple] = {}
    for h, fields in sorted(lines, key=lambda line: line[0]):
        for f, v in fields.items():
            out[f] = (h, v)
    return out


#: The edit a conflict lost against, when several laptops noticed it: the latest.
_LATER_WINNER = ", ".join(
    f"{c} = CASE WHEN excluded.hlc_b > hlc_b THEN excluded.{c} ELSE {c} END"
    for c in ("value_b", "author_b", "hlc_b"))


def _text(value) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)
