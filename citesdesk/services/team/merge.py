"""Merging a colleague's file: every check first (nothing merged on a refusal), then one
transaction, with progress and Cancel. Idempotent, commutative and associative: the
same files in any order, twice or more, give the same database."""

from __future__ import annotations

import gc
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from citesdesk.core import schema
from citesdesk.core.audit import audit
from citesdesk.core.db import SiteDatabase, utc_now
from citesdesk.core.errors import CitesDeskError
from citesdesk.core.schema import SYNCED_TABLES
from citesdesk.services.team import clocks, fileformat, journal, keys
from citesdesk.services.team.apply import Applier
from citesdesk.services.team.fileformat import TeamRefused

JOINED_SITES = "team_joined_sites"
#: SQLite page cache during a merge (KiB, negative as PRAGMA cache_size takes it): the
#: clocks of every record of a full file are read.
MERGE_CACHE_KIB = -65536


class NeedsConfirmation(CitesDeskError):
    """First exchange with a database created separately for the same site."""

    def __init__(self, path: Path, code: str, sender: str) -> None:
        super().__init__(
            f"« {path.name} » vient d'une base du site {code} créée séparément de celle-ci "
            f"(poste {sender}) : confirmez que c'est bien le même site pour l'intégrer ; les "
            "personnes saisies des deux côtés seront alors listées comme doublons possibles.",
            f"'{path.name}' comes from a database of site {code} created separately from "
            f"this one (laptop {sender}): confirm that it is the same site to merge it; "
            "people entered on both sides will then be listed as possible duplicates.")
        self.code = "confirm_site"


@dataclass
class MergeResult:
    path: Path
    sender_name: str
    sender_node: str
    created: int = 0
    updated: int = 0
    purged: int = 0
    conflicts: int = 0
    texts_kept: int = 0
    skipped: int = 0
    #: Audit entries of the colleagues' laptops added to the journal.
    journal: int = 0
    first_join: bool = False
    duplicates: list = field(default_factory=list)

    def as_dict(self) -> dict:
        return {**self.__dict__, "path": str(self.path)}


@dataclass
class Checked:
    opened: fileformat.Opened
    member: dict
    first_join: bool


def check(db: SiteDatabase, path: str | Path, *, confirm_site: bool = False) -> Checked:
    """Open and check a team file; a :class:`TeamRefused` (or :class:`NeedsConfirmation`)
    says why it cannot be merged."""
    opened = fileformat.open_file(path, keys.age_identity(db))
    m = opened.manifest
    key_id = fileformat.signature_key_id(opened)
    if key_id == keys.signing_key(db).public.key_id_hex:
        raise TeamRefused("own_file", opened.path)
    member = keys.member_by_key(db, key_id)
    if member is None:
        same_node = [x for x in keys.members(db) if x["node"] and x["node"] == m.get("sender_node")]
        if same_node:
            raise TeamRefused("changed_key", opened.path, name=same_node[0]["name"])
        raise TeamRefused("unknown_key", opened.path)
    fileformat.check_signature(opened, member["minisign_key"])
    if m.get("sender_key_id") != key_id:
        raise TeamRefused("altered", opened.path)
    site = keys.site_row(db)
    first_join = False
    if m.get("site_uuid") != site["uuid"] and m.get("site_uuid") not in db.setting(
            JOINED_SITES, []):
        if m.get("site_code") != site["code"]:
            raise TeamRefused("other_site", opened.path, theirs=m.get("site_code") or "?",
                              mine=site["code"])
        if not confirm_site:
            raise NeedsConfirmation(opened.path, site["code"], member["name"])
        first_join = True
    theirs = m.get("schema_version")
    if not isinstance(theirs, int) or theirs > schema.SCHEMA_VERSION:
        raise TeamRefused("newer_schema", opened.path, theirs=theirs,
                          mine=schema.SCHEMA_VERSION)
    return Checked(opened, member, first_join)


def _lines(opened: fileformat.Opened) -> list[dict]:
    body = opened.changes.strip()
    try:  # one JSON array: a raw newline never occurs inside a JSON line
        out = json.loads(b"[" + body.replace(b"\n", b",") + b"]") if body else []
    except (UnicodeDecodeError, ValueError):
        raise TeamRefused("not_team_file", opened.path) from None
    if not all(isinstance(x, dict) for x in out):
        raise TeamRefused("not_team_file", opened.path)
    return out


def merge(db: SiteDatabase, path: str | Path, *, confirm_site: bool = False,
          progress: Callable[[int, int], None] | None = None,
          cancel: Callable[[], bool] | None = None, snapshot: bool = True) -> MergeResult:
    """Merge one team file (checked first); all or nothing. Once the file has passed its
    checks, the automatic backup « avant une fusion d'équipe » is taken (``snapshot``:
    a caller merging several files takes it once, before the first)."""
    # A full file is some 150,000 small JSON objects, none of them cyclic: the cycle
    # collector would walk them over and over for nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _merge(db, path, confirm_site, progress, cancel, snapshot)
    finally:
        if collecting:
            gc.enable()


def _merge(db: SiteDatabase, path: str | Path, confirm_site: bool,
           progress: Callable[[int, int], None] | None,
           cancel: Callable[[], bool] | None, snapshot: bool) -> MergeResult:
    checked = check(db, path, confirm_site=confirm_site)
    opened, member, m = checked.opened, checked.member, checked.opened.manifest
    lines = _lines(opened)
    if snapshot:
        from citesdesk.services import backup

        backup.snapshot(db, "fusion")  # what the merge rewrites can be brought back
    site = keys.site_row(db)
    site_map = {m["site_uuid"]: site["uuid"]}
    names = {n: x for n, x in (m.get("nodes") or {}).items() if isinstance(x, str)}
    names.update({x["node"]: x["name"] for x in keys.members(db) if x["node"]})
    names[db.clock.node] = keys.laptop_name(db)
    purges, conflict_lines, entries, top = [], [], [], ""
    records: dict[str, dict[str, list]] = {}  # table -> uuid -> [(clock, fields)]
    for x in lines:  # one pass: a full file holds some 150,000 lines
        table = x.get("t")
        if table is not None:
            if table not in SYNCED_TABLES:
                continue
            uuid = site_map.get(x["u"], x["u"]) if table == "site" else x["u"]
            records.setdefault(table, {}).setdefault(uuid, []).append(
                (x["h"], x.get("f") or {}))
            if x["h"] > top:
                top = x["h"]
        elif "p" in x:
            purges.append(x)
        elif isinstance(x.get("c"), dict):
            conflict_lines.append(x["c"])
        elif isinstance(x.get("a"), dict):
            entries.append(x["a"])
    total = len(purges) + sum(len(r) for r in records.values()) + len(conflict_lines)
    result = MergeResult(opened.path, member["name"], m.get("sender_node", ""),
                         first_join=checked.first_join)
    sender_vec = {n: h for n, h in (m.get("vector") or {}).items()
                  if isinstance(h, str) and len(h) > 23}
    top = max([top, *(x["h"] for x in purges), *sender_vec.values()])
    # What the colleague has: the vector of their latest file, judged by their own entry
    # (an older file merged again changes nothing; after a restore their laptop has a new
    # node, and its lower vector is taken, so that what it lost is sent again).
    their_vec = json.loads(member["vector"] or "{}")
    sender = m.get("sender_node", "")
    if sender_vec.get(sender, "") >= their_vec.get(sender, ""):
        their_vec = sender_vec
    cache = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = {MERGE_CACHE_KIB}")  # every record's clocks are read
    try:
        with db.atomic():
            clocks.stamp_purges(db)
            if top:
                db.clock.receive(top)
            applier = Applier(db, m, names, site_map, progress, cancel, total)
            for x in purges:
                applier.purge(x["p"], x["u"], x["h"])
                applier.tick()
            for table in SYNCED_TABLES:
                if table in records:
                    applier.records(table, records[table])
            for c in conflict_lines:
                applier.conflict_line(c)
                applier.tick()
            result.journal = journal.merge(db, entries)
            clocks.raise_vector(db, sender_vec)
            db.execute("UPDATE team_member SET node = ?, vector = ?, last_received_at = ?, "
                       "last_received_file = ? WHERE id = ?",
                       [m.get("sender_node"), json.dumps(their_vec), utc_now(),
                        opened.path.name, member["id"]])
            if checked.first_join:
                db.set_setting(JOINED_SITES, [*db.setting(JOINED_SITES, []), m["site_uuid"]])
            for k, v in applier.counts.items():
                setattr(result, k, v)
            audit(db, "team_merge", "team", None, {"file": opened.path.name,
                                                    "from": member["name"], **applier.counts,
                                                    "journal": result.journal})
    finally:
        db.execute(f"PRAGMA cache_size = {cache}")
    if checked.first_join:
        result.duplicates = possible_duplicates(db, applier.created_people)
    return result


def possible_duplicates(db: SiteDatabase, new_uuids: list[str]) -> list[dict]:
    """People just received who may be people already here (the duplicate rules)."""
    from citesdesk.services.participants import find_duplicates

    new = set(new_uuids)
    out = []
    for uuid in new_uuids:
        person = next(db.query("SELECT * FROM participant WHERE uuid = ? AND deleted_at IS NULL",
                               [uuid]), None)
        if person is None:
            continue
        for match in find_duplicates(db, person, exclude_uuid=uuid):
            if match.uuid not in new:
                out.append({"received": {"uuid": uuid, "last_name": person["last_name"],
                                         "first_name": person["first_name"],
                                         "birth_date": person["birth_date"]},
                            "existing": {"uuid": match.uuid, "last_name": match.last_name,
                                         "first_name": match.first_name},
                            "reasons": list(match.reasons)})
    return out
