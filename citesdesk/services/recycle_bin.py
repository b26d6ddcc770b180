"""The bin as people read it: what ``records.bin_contents`` holds, each with a label.

Only restore is offered here; purging the bin is the retention rules' job.
"""

from __future__ import annotations

from citesdesk.core import codes
from citesdesk.core.errors import CitesDeskError, ValidationFailed
from citesdesk.core.model import KINDS
from citesdesk.services import records


def _name(db, table: str, record_id: int | None, sql: str) -> str:
    if record_id is None:
        return ""
    row = db.execute(f"SELECT {sql} FROM {table} WHERE id = ?", [record_id]).fetchone()
    return row[0] if row and row[0] else ""


def _person(db, pid: int | None) -> str:
    return _name(db, "participant", pid, "first_name || ' ' || last_name")


def _label(db, r: dict, lang: str) -> str:
    kind = r["kind"]
    if kind == "participant":
        return f"{r['first_name']} {r['last_name']}"
    if kind in ("cohort", "partner"):
        return r["name"]
    if kind == "enrollment":
        cohort = _name(db, "cohort", r["cohort_id"], "name")
        return f"{_person(db, r['participant_id'])} — {cohort}"
    if kind == "event":
        return (f"{_person(db, r['participant_id'])} — "
                f"{codes.TYPE_EVENEMENT.label(r['type'], lang)}")
    if kind == "referral":
        partner = _name(db, "partner", r["partner_id"], "name")
        return f"{_person(db, r['participant_id'])} → {partner}"
    if kind == "note":
        return _person(db, r["participant_id"])
    if kind == "partner_contact":
        partner = _name(db, "partner", r["partner_id"], "name")
        name = " ".join(x for x in (r.get("first_name"), r.get("last_name")) if x)
        return f"{name} ({partner})"
    if kind == "partner_exchange":
        partner = _name(db, "partner", r["partner_id"], "name")
        return f"{partner} — {r.get('subject') or codes.TYPE_ECHANGE.label(r['type'], lang)}"
    return r["uuid"]


def bin_items(db, *, lang: str = "fr") -> list[dict]:
    """Each item of the bin: ``kind``, ``kind_label``, ``uuid``, ``label``, ``date`` (the
    record's own date when it has one), ``deleted_at``; most recently deleted first."""
    items = []
    for r in records.bin_contents(db):
        k = KINDS.get(r["kind"])
        items.append({
            "kind": r["kind"],
            "kind_label": (k.en if lang == "en" else k.fr) if k else r["kind"],
            "uuid": r["uuid"],
            "label": _label(db, r, lang),
            "date": r.get("date") or r.get("date_entree") or r.get("start_date") or "",
            "deleted_at": r["deleted_at"],
        })
    return items


def restore(db, kind: str, record_uuid: str) -> dict:
    """Bring one item back, with what was deleted along with it.

    An item whose parent is still in the bin (a step of a deleted participant) cannot come
    back alone: the refusal names the parent to restore first.
    """
    try:
        return records.restore(db, kind, record_uuid)
    except ValidationFailed as exc:
        missing = [e for e in exc.errors if e.code == "missing_ref"]
        if not missing:
            raise
        parent = KINDS[KINDS[kind].field(missing[0].field).ref]
        raise CitesDeskError(
            f"Impossible de restaurer cet élément ({KINDS[kind].fr.lower()}) seul : "
            f"sa fiche « {parent.fr.lower()} » est elle aussi dans la corbeille ou n'existe "
            f"plus. Restaurez d'abord la fiche « {parent.fr.lower()} ».",
            f"This item ({KINDS[kind].en.lower()}) cannot be restored alone: its "
            f"{parent.en.lower()} is in the bin too, or no longer exists. Restore the "
            f"{parent.en.lower()} first.") from exc
