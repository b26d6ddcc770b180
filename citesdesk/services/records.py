"""Create, update, delete (to the bin), restore and read every kind of record.

Each write is one transaction (``db.atomic()``) that also writes an audit entry: who (the
site's current coordinator), when, which record, which fields changed from what to what —
free text is logged as "modifié", never its content. Deleting marks the record and its
dependent records with the same tombstone, so that restoring brings back exactly what the
deletion took away.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from typing import Any

from citesdesk.core.audit import write_entry
from citesdesk.core.db import SiteDatabase, utc_now
from citesdesk.core.errors import FieldError, NotFound, ValidationFailed
from citesdesk.core.model import KINDS
from citesdesk.core.site import get_site
from citesdesk.core.validation import validate_record

#: Records that go to the bin, and come back, with their parent.
CHILDREN: dict[str, tuple[tuple[str, str], ...]] = {
    "participant": (("enrollment", "participant_id"), ("event", "participant_id"),
                    ("referral", "participant_id"), ("note", "participant_id")),
    "cohort": (("enrollment", "cohort_id"),),
    "partner": (("partner_contact", "partner_id"), ("partner_exchange", "partner_id")),
    "referral": (("referral_status", "referral_id"),),
}

TEXT_MODIFIED = "modifié"


def cascade_tables(kind: str) -> set[str]:
    """The tables that deleting or restoring a record of ``kind`` may write: the kind
    itself and, recursively, its :data:`CHILDREN`."""
    tables = {kind}
    for child, _ in CHILDREN.get(kind, ()):
        tables |= cascade_tables(child)
    return tables


def _loggable(kind: str, name: str, old: Any, new: Any) -> list:
    f = KINDS[kind].field(name) if kind in KINDS else None
    if f is not None and f.type == "longtext":
        return [TEXT_MODIFIED if old else None, TEXT_MODIFIED if new else None]
    return [old, new]


def qpv_reference(db: SiteDatabase):
    """The QPV list in force (a :class:`~citesdesk.core.qpv.QpvList`, a collection of
    codes that also recognises names), or ``None`` when the table is empty.

    Cached on the connection and reloaded when the list (count or load time) or the
    site's département or QPVs change.
    """
    from citesdesk.core.qpv import QpvList

    site = get_site(db)
    stamp = (*db.execute("SELECT count(*), max(loaded_at) FROM qpv").fetchone(),
             f"{site['departement'] or ''}/{site['qpv_codes']}" if site else None)
    cached = getattr(db, "_qpv_cache", None)
    if cached is None or cached[0] != stamp:
        cached = (stamp, QpvList.from_db(db) if stamp[0] else None)
        db._qpv_cache = cached
    return cached[1]


def _check_refs(db: SiteDatabase, kind: str, values: dict) -> None:
    errors = []
    for f in KINDS[kind].fields:
        if f.type == "ref" and values.get(f.name) is not None:
            row = db.execute(
                f"SELECT deleted_at FROM {f.ref} WHERE id = ?", [values[f.name]]
            ).fetchone()
            if row is None or row[0] is not None:
                errors.append(FieldError(
                    f.name, "missing_ref",
                    f"{KINDS[f.ref].fr} introuvable (supprimé ou inexistant).",
                    f"{KINDS[f.ref].en} not found (deleted or missing).", values[f.name]))
    if errors:
        raise ValidationFailed(errors, kind)


def _row(db: SiteDatabase, kind: str, where: str, params: list) -> dict | None:
    return next(db.query(f"SELECT * FROM {kind} WHERE {where}", params), None)


def get(db: SiteDatabase, kind: str, ref: str | int, *, include_deleted: bool = False) -> dict:
    """A record by uuid (``str``) or local id (``int``); :class:`NotFound` otherwise."""
    where = "uuid = ?" if isinstance(ref, str) else "id = ?"
    row = _row(db, kind, where, [ref])
    if row is None or (row["deleted_at"] and not include_deleted):
        k = KINDS.get(kind)
        raise NotFound(
            f"{k.fr if k else kind} introuvable ({ref}).",
            f"{k.en if k else kind} not found ({ref}).",
        )
    return row


def find(db: SiteDatabase, kind: str, where: str = "1", params: list | None = None,
         *, order_by: str = "id", include_deleted: bool = False) -> list[dict]:
    """Records of ``kind`` matching a SQL condition, tombstones left out unless asked."""
    cond = where if include_deleted else f"({where}) AND deleted_at IS NULL"
    return list(db.query(f"SELECT * FROM {kind} WHERE {cond} ORDER BY {order_by}", params or []))


def create(db: SiteDatabase, kind: str, values: dict[str, Any], *,
           record_uuid: str | None = None, today: dt.date | None = None) -> dict:
    """Validate and insert one record; returns the stored row (with ``warnings``)."""
    clean, warnings = validate_record(kind, values, today=today,
                                      qpv_reference=qpv_reference(db))
    now, hlc = utc_now(), db.clock.now()
    row = {"uuid": record_uuid or str(uuidlib.uuid4()), "created_at": now,
           "updated_at": now, "deleted_at": None, "hlc": hlc, **clean}
    with db.atomic():
        _check_refs(db, kind, clean)
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        cur = db.execute(f"INSERT INTO {kind} ({cols}) VALUES ({marks})", list(row.values()))
        row["id"] = cur.lastrowid
        changes = {k: _loggable(kind, k, None, v) for k, v in clean.items() if v not in (None, "")}
        write_entry(db, "create", kind, row["uuid"], changes, hlc, now)
    row["warnings"] = warnings
    return row


def update(db: SiteDatabase, kind: str, ref: str | int, changes: dict[str, Any], *,
           today: dt.date | None = None) -> dict:
    """Validate and apply ``changes`` to one record; only fields that differ are written."""
    with db.atomic():
        old = get(db, kind, ref)
        clean, warnings = validate_record(kind, changes, existing=old, today=today,
                                          qpv_reference=qpv_reference(db))
        diff = {k: v for k, v in clean.items() if old.get(k) != v}
        if diff:
            _check_refs(db, kind, diff)
            now, hlc = utc_now(), db.clock.now()
            sets = ", ".join(f"{k} = ?" for k in diff)
            db.execute(f"UPDATE {kind} SET {sets}, updated_at = ?, hlc = ? WHERE id = ?",
                       [*diff.values(), now, hlc, old["id"]])
            write_entry(db, "update", kind, old["uuid"],
                   {k: _loggable(kind, k, old[k], v) for k, v in diff.items()}, hlc, now)
        new = get(db, kind, old["id"])
    new["warnings"] = warnings
    return new


def _has_deleted_ref(db: SiteDatabase, kind: str, record_id: int, skip: str) -> bool:
    """Whether a record points (other than through ``skip``) to a record in the bin."""
    for f in KINDS[kind].fields:
        if f.type == "ref" and f.name != skip:
            row = db.execute(f"SELECT r.deleted_at FROM {kind} c JOIN {f.ref} r "
                             f"ON r.id = c.{f.name} WHERE c.id = ?", [record_id]).fetchone()
            if row is not None and row[0] is not None:
                return True
    return False


def _mark_children(db: SiteDatabase, kind: str, record_id: int, stamp: str | None,
                   match: str | None, hlc: str, now: str) -> None:
    for child, column in CHILDREN.get(kind, ()):
        # Children deleted along with their parent carry the parent's clock value, which
        # no other write shares: restoring matches on it, so that a child deleted on its
        # own before (even in the same millisecond) stays in the bin.
        cond = "deleted_at IS NULL" if stamp is not None else "deleted_at IS NOT NULL AND hlc = ?"
        params = [record_id] if stamp is not None else [record_id, match]
        ids = [r[0] for r in db.execute(
            f"SELECT id FROM {child} WHERE {column} = ? AND {cond}", params)]
        for child_id in ids:
            if stamp is None and _has_deleted_ref(db, child, child_id, column):
                continue  # its other parent is in the bin: it stays there, restorable later
            _mark_children(db, child, child_id, stamp, match, hlc, now)
            db.execute(f"UPDATE {child} SET deleted_at = ?, updated_at = ?, hlc = ? WHERE id = ?",
                       [stamp, now, hlc, child_id])


def delete(db: SiteDatabase, kind: str, ref: str | int) -> dict:
    """Move a record (and what depends on it) to the bin. Reversible with :func:`restore`."""
    with db.atomic():
        row = get(db, kind, ref)
        now, hlc = utc_now(), db.clock.now()
        _mark_children(db, kind, row["id"], now, None, hlc, now)
        db.execute(f"UPDATE {kind} SET deleted_at = ?, updated_at = ?, hlc = ? WHERE id = ?",
                   [now, now, hlc, row["id"]])
        write_entry(db, "delete", kind, row["uuid"], {}, hlc, now)
    return {**row, "deleted_at": now}


def restore(db: SiteDatabase, kind: str, ref: str | int) -> dict:
    """Bring a record back from the bin, with the dependent records deleted along with it."""
    with db.atomic():
        row = get(db, kind, ref, include_deleted=True)
        if row["deleted_at"] is None:
            return row
        _check_refs(db, kind, {f.name: row.get(f.name) for f in KINDS[kind].fields
                               if f.type == "ref"})
        now, hlc = utc_now(), db.clock.now()
        _mark_children(db, kind, row["id"], None, row["hlc"], hlc, now)
        db.execute(f"UPDATE {kind} SET deleted_at = NULL, updated_at = ?, hlc = ? WHERE id = ?",
                   [now, hlc, row["id"]])
        write_entry(db, "restore", kind, row["uuid"], {}, hlc, now)
    return get(db, kind, row["id"])


def bin_contents(db: SiteDatabase) -> list[dict]:
    """What the bin holds: deleted records that were deleted on their own (not as children)."""
    items = []
    for kind in ("participant", "cohort", "partner", "enrollment", "event", "referral",
                 "note", "partner_contact", "partner_exchange"):
        parents = [(p, col) for p, kids in CHILDREN.items() for c, col in kids if c == kind]
        cond = "c.deleted_at IS NOT NULL"
        for parent, col in parents:
            cond += (f" AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.id = c.{col}"
                     " AND p.deleted_at IS NOT NULL AND p.hlc = c.hlc)")
        items.extend({"kind": kind, **row} for row in
                     db.query(f"SELECT c.* FROM {kind} c WHERE {cond} ORDER BY c.deleted_at DESC"))
    items.sort(key=lambda r: r["deleted_at"], reverse=True)
    return items
