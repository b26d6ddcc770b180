"""Writing a participant's journey: events, enrollments in cohorts, notes.

Thin, Qt-free wrappers that turn the uuids a screen holds into the local ids the records
store, then write through :mod:`citesdesk.services.records` (validation, one transaction,
an audit entry each); enrollments through :mod:`citesdesk.services.enrollments` (its rules:
one open stay per cohort, no overlap, an exit after the entry with its reason).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from citesdesk.core import codes
from citesdesk.core.errors import NotFound
from citesdesk.services import enrollments, records
from citesdesk.services.journey import participant_id


def _id_of(db, table: str, record_uuid: str | None) -> int | None:
    if not record_uuid:
        return None
    row = db.execute(f"SELECT id FROM {table} WHERE uuid = ? AND deleted_at IS NULL",
                     [record_uuid]).fetchone()
    if row is None:
        raise NotFound(f"Enregistrement introuvable ({record_uuid}).",
                       f"Record not found ({record_uuid}).")
    return row[0]


def _event_values(db, values: dict[str, Any]) -> dict[str, Any]:
    """Event fields from dialog values; ``partner_uuid`` becomes ``partner_id``.

    Fields that do not belong to the type are cleared, so that changing an
    ``EMPLOI_DEBUT`` into an ``ENTRETIEN`` drops its contract code.
    """
    out = {k: v for k, v in values.items() if k != "partner_uuid"}
    if "partner_uuid" in values:
        out["partner_id"] = _id_of(db, "partner", values["partner_uuid"])
    kind = out.get("type")
    if kind is not None:
        for field in codes.EVENT_FIELD_TYPE:
            if not codes.event_field_applies(field, kind):
                out[field] = None
    return out


def add_event(db, participant_uuid: str, values: dict[str, Any]) -> dict:
    """A new journey step (``type``, ``date``, ``code_contrat``, ``code_frein``,
    ``partner_uuid``, ``note``) for the participant."""
    row = {"participant_id": participant_id(db, participant_uuid), **_event_values(db, values)}
    return records.create(db, "event", row)


def update_event(db, event_uuid: str, values: dict[str, Any]) -> dict:
    return records.update(db, "event", event_uuid, _event_values(db, values))


def delete_event(db, event_uuid: str) -> dict:
    """The step goes to the bin (restorable)."""
    return records.delete(db, "event", event_uuid)


def enroll(db, participant_uuid: str, cohort_uuid: str, date_entree: str | dt.date) -> dict:
    """Enroll the participant in a cohort on ``date_entree``; refused if already in it."""
    participant_id(db, participant_uuid)  # a participant in the bin cannot be enrolled
    return enrollments.enroll(db, participant_uuid, cohort_uuid, date_entree)


def _is_open(db, pid: int, cid: int) -> bool:
    """Whether the participant is in the cohort now (an enrollment with no exit)."""
    return db.execute(
        """SELECT 1 FROM enrollment WHERE participant_id = ? AND cohort_id = ?
           AND date_sortie IS NULL AND deleted_at IS NULL""", [pid, cid]).fetchone() is not None


def exit_enrollment(db, enrollment_uuid: str, date_sortie: str | dt.date,
                    motif_sortie: str) -> dict:
    """Close an enrollment with its exit date and reason (validated: not before entry)."""
    return enrollments.exit_enrollment(db, enrollment_uuid, date_sortie, motif_sortie)


def enroll_many(db, cohort_uuid: str, participant_uuids: list[str],
                date_entree: str | dt.date) -> dict:
    """Enroll several participants at once, in one transaction: all of them or none.

    Those already in the cohort with no exit are left as they are and counted apart.
    Returns ``{"enrolled": [uuids], "already": [uuids]}``.
    """
    enrolled, already = [], []
    with db.atomic():
        cid = _id_of(db, "cohort", cohort_uuid)
        for puuid in participant_uuids:
            pid = participant_id(db, puuid)
            if _is_open(db, pid, cid):
                already.append(puuid)
                continue
            enroll(db, puuid, cohort_uuid, date_entree)
            enrolled.append(puuid)
    return {"enrolled": enrolled, "already": already}


def add_note(db, participant_uuid: str, text: str, *, private: bool,
             date: str | dt.date | None = None) -> dict:
    """A dated note (today by default), shared or private, signed by the current actor."""
    return records.create(db, "note", {
        "participant_id": participant_id(db, participant_uuid),
        "date": date or dt.date.today(), "text": text, "private": int(bool(private)),
        "author": db.actor() or None})


def update_note(db, note_uuid: str, text: str, *, private: bool,
                date: str | dt.date | None = None) -> dict:
    changes: dict[str, Any] = {"text": text, "private": int(bool(private))}
    if date:
        changes["date"] = date
    return records.update(db, "note", note_uuid, changes)


def delete_note(db, note_uuid: str) -> dict:
    return records.delete(db, "note", note_uuid)
