"""Preparing the file for the team: every field write, purge mark and conflict that the
colleagues are not known to have (``--full``: everything), signed and encrypted to them.

A write is sent when its clock value is above what every colleague is known to have
received from its node (the minimum of the vectors their last files carried); a colleague
who never sent a file gets everything.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from citesdesk import __version__
from citesdesk.core import schema
from citesdesk.core.audit import audit
from citesdesk.core.db import SiteDatabase, utc_now
from citesdesk.core.schema import SYNCED_TABLES
from citesdesk.services.team import clocks, fileformat, journal, keys
from citesdesk.services.team.clocks import ALL, ID_LISTS, REFS, node_of


@dataclass
class ExportResult:
    path: Path
    sha256: str
    full: bool
    records: int
    writes: int
    purges: int
    conflicts: int
    size: int
    recipients: int
    #: Audit entries in the file (the journal travels too).
    journal: int = 0

    def as_dict(self) -> dict:
        return {**self.__dict__, "path": str(self.path)}


def thresholds(db: SiteDatabase) -> dict[str, str] | None:
    """node -> clock value every colleague has from it; ``None`` means send everything."""
    team = keys.members(db)
    if not team:
        return None
    out: dict[str, str] | None = None
    for m in team:
        vec = json.loads(m["vector"] or "{}")
        if not vec:
            return None
        out = dict(vec) if out is None else {n: min(h, vec.get(n, "")) for n, h in out.items()}
    return out


class _Ids:
    """Local id -> uuid of the records a field points to."""

    def __init__(self, db: SiteDatabase) -> None:
        self.db, self.maps = db, {}

    def uuid(self, table: str, local_id) -> str | None:
        if local_id is None:
            return None
        m = self.maps.get(table)
        if m is None:
            m = self.maps[table] = dict(self.db.execute(f"SELECT id, uuid FROM {table}"))
        return m.get(local_id)


def _passes(hlc: str, limits: dict[str, str] | None) -> bool:
    return limits is None or hlc > limits.get(node_of(hlc), "")


def _record_lines(db: SiteDatabase, table: str, uuids: list[str], limits, ids: _Ids,
                  site_uuid: str):
    cols = clocks.columns(db, table)
    refs = REFS.get(table, {})
    all_clocks = (clocks.table_clocks(db, table) if len(uuids) > 2000
                  else clocks.record_clocks(db, table, uuids))
    for start in range(0, len(uuids), 500):
        part = uuids[start:start + 500]
        cur = db.execute(f"SELECT uuid, {', '.join(cols)} FROM {table} WHERE uuid IN "
                         f"({', '.join('?' for _ in part)})", part)
        for row in cur.fetchall():
            uuid, values = row[0], dict(zip(cols, row[1:], strict=True))
            rc = all_clocks.get(uuid, {})
            groups: dict[str, dict] = {}
            for c in cols:
                h = rc.get(c) or rc.get(ALL)
                if not h or not _passes(h, limits):
                    continue
                v = values[c]
                if c in refs:
                    v = ids.uuid(refs[c], v)
                elif (table, c) in ID_LISTS and v:
                    v = "|".join(u for u in (ids.uuid(ID_LISTS[(table, c)], int(i))
                                             for i in str(v).split("|") if i.isdigit()) if u)
                groups.setdefault(h, {})[c] = v
            for h in sorted(groups):
                yield {"t": table, "u": uuid, "h": h, "f": groups[h]}


def changes(db: SiteDatabase, limits: dict[str, str] | None, site_uuid: str,
            known: dict[str, str]) -> tuple[list, dict]:
    """The lines of ``changes.jsonl`` and their counts. ``known``: this laptop's vector
    (every node whose writes it may hold)."""
    floor = min(limits.values()) if limits else ""
    if limits is not None and any(n not in limits for n in known):
        floor = ""
    lines: list[dict] = []
    counts = {"records": 0, "writes": 0, "purges": 0, "conflicts": 0, "journal": 0}
    for uuid, table, hlc in db.execute("SELECT uuid_hash, tbl, hlc FROM purge_mark WHERE hlc > ? "
                                       "ORDER BY hlc, uuid_hash", [floor]):
        if _passes(hlc, limits):
            lines.append({"p": table, "u": uuid, "h": hlc})
            counts["purges"] += 1
    ids = _Ids(db)
    for table in SYNCED_TABLES:
        # A record's hlc is the highest of its fields' clocks: the records above the
        # floor hold every write to send (and a few more, left out field by field).
        uuids = sorted(r[0] for r in db.execute(f"SELECT uuid FROM {table} WHERE hlc > ?",
                                                [floor]))
        sent = set()
        for line in _record_lines(db, table, uuids, limits, ids, site_uuid):
            lines.append(line)
            sent.add(line["u"])
            counts["writes"] += 1
        counts["records"] += len(sent)
    for c in list(db.query("SELECT * FROM sync_conflict WHERE noted_hlc > ? OR resolved_hlc > ? "
                           "ORDER BY key", [floor, floor])):
        if _passes(c["noted_hlc"], limits) or (c["resolved_hlc"]
                                               and _passes(c["resolved_hlc"], limits)):
            c.pop("id")
            lines.append({"c": c})
            counts["conflicts"] += 1
    for line in journal.lines(db, limits, floor):
        lines.append(line)
        counts["journal"] += 1
    return lines, counts


def export(db: SiteDatabase, out: str | Path, *, full: bool = False) -> ExportResult:
    """Write the file for the team at ``out`` (a file, or a folder to write it in)."""
    site, me = keys.site_row(db), keys.my_key(db)
    key, recipients = keys.signing_key(db), keys.team_recipients(db)
    path = Path(out)
    with db.atomic():
        clocks.stamp_purges(db)
        own = db.clock.now()
        limits = None if full else thresholds(db)
        vec = clocks.vector(db, own)
        lines, counts = changes(db, limits, site["uuid"], vec)
        created = utc_now()
        if path.is_dir():
            stamp = created[:19].replace(":", "").replace("-", "")
            who = "".join(c if c.isalnum() else "-" for c in me.name).strip("-") or me.node
            path = path / f"{site['code']}-{who}-{stamp}{fileformat.SUFFIX}"
        names = {m["node"]: m["name"] for m in keys.members(db) if m["node"]}
        names[me.node] = me.name
        manifest = {
            "format": fileformat.FORMAT, "format_version": fileformat.FORMAT_VERSION,
            "site_uuid": site["uuid"], "site_code": site["code"], "site_name": site["name"],
            "sender_node": me.node, "sender_name": me.name, "sender_key_id":
            me.public.key_id_hex, "sender_fingerprint": me.fingerprint, "vector": vec,
            "nodes": names, "created_at": created, "full": limits is None, "counts": counts,
            "schema_version": schema.SCHEMA_VERSION, "software_version": __version__,
        }
        body = "".join(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n"
                       for line in lines).encode("utf-8")
        path, sha = fileformat.write(path, manifest, body, key, recipients)
        db.execute("UPDATE team_member SET last_sent_at = ?, last_sent_file = ?",
                   [created, path.name])
        audit(db, "team_export", "team", None, {"file": path.name, **counts,
                                                 "full": limits is None})
    return ExportResult(path, sha, limits is None, counts["records"], counts["writes"],
                        counts["purges"], counts["conflicts"], path.stat().st_size,
                        len(recipients), counts["journal"])
