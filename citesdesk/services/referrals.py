"""Referrals (*orientations*): a participant sent to a partner, and the answer followed.

A referral starts ``PROPOSEE`` and moves only along ``codes.TRANSITIONS_ORIENTATION``;
every change is a dated row of ``referral_status`` (the first one is ``PROPOSEE``), and
the referral itself carries its current status and the date of it. A referral still
``PROPOSEE`` more than ``codes.ORIENTATION_DELAI_JOURS`` (15) days after it was made is
overdue.
"""

from __future__ import annotations

import datetime as dt

from citesdesk.core import codes
from citesdesk.core.errors import FieldError, ValidationFailed
from citesdesk.core.text import date_text
from citesdesk.core.validation import parse_date
from citesdesk.services import records
from citesdesk.services.refs import resolve

OVERDUE_DAYS = codes.ORIENTATION_DELAI_JOURS


def _date(value, field: str) -> str:
    try:
        d = parse_date(value)
    except ValueError:
        d = None
        bad = True
    else:
        bad = d is None
    if bad:
        raise ValidationFailed([FieldError(
            field, "invalid_date" if value else "required",
            f"Date impossible « {value} » : écrivez-la jj/mm/aaaa." if value
            else "Indiquez la date.",
            f"Impossible date '{value}': write it dd/mm/yyyy." if value else "Give the date.",
            value)], "referral")
    return d.isoformat()


def create_referral(db, participant, partner, date, reason: str | None = None) -> dict:
    """Refer a participant to a partner on ``date``: the referral and its first status."""
    day = _date(date, "date")
    with db.atomic():
        person = resolve(db, "participant", participant)
        org = resolve(db, "partner", partner)
        row = records.create(db, "referral", {
            "participant_id": person["id"], "partner_id": org["id"], "date": day,
            "reason": reason, "status": "PROPOSEE", "status_date": day})
        records.create(db, "referral_status", {
            "referral_id": row["id"], "status": "PROPOSEE", "date": day})
    return row


def allowed_next(status: str) -> tuple[str, ...]:
    """The statuses that may follow ``status``."""
    return codes.TRANSITIONS_ORIENTATION.get(status, ())


def change_status(db, referral, status: str, date, comment: str | None = None) -> dict:
    """Move a referral to ``status`` on ``date``, with a history row; returns the referral.

    Refused (``ValidationFailed`` on ``status`` or ``date``) when the workflow does not
    allow it or when the date is before the referral's current status date.
    """
    entry = codes.STATUT_ORIENTATION.lookup(status)
    day = _date(date, "date")
    with db.atomic():
        current = resolve(db, "referral", referral)
        old = current["status"]
        if entry is None:
            allowed = ", ".join(codes.STATUT_ORIENTATION.values)
            raise ValidationFailed([FieldError(
                "status", "unknown_code",
                f"Statut inconnu « {status} ». Statuts acceptés : {allowed}.",
                f"Unknown status '{status}'. Accepted statuses: {allowed}.", status)],
                "referral")
        if entry.code not in allowed_next(old):
            nxt = allowed_next(old)
            then_fr = ("ensuite : " + ", ".join(codes.STATUT_ORIENTATION.label(s) for s in nxt)
                       if nxt else "ce statut est définitif")
            then_en = ("next: " + ", ".join(codes.STATUT_ORIENTATION.label(s, "en") for s in nxt)
                       if nxt else "this status is final")
            raise ValidationFailed([FieldError(
                "status", "transition_not_allowed",
                f"Une orientation « {codes.STATUT_ORIENTATION.label(old)} » ne peut pas passer "
                f"à « {entry.fr} » ({then_fr}).",
                f"A referral '{codes.STATUT_ORIENTATION.label(old, 'en')}' cannot become "
                f"'{entry.en}' ({then_en}).", entry.code)], "referral")
        if day < current["status_date"]:
            raise ValidationFailed([FieldError(
                "date", "before_previous_status",
                "La date précède celle du statut actuel "
                f"({date_text(current['status_date'], 'fr')}).",
                "The date is before the current status date "
                f"({date_text(current['status_date'], 'en')}).", day)],
                "referral")
        records.create(db, "referral_status", {
            "referral_id": current["id"], "status": entry.code, "date": day,
            "comment": comment})
        return records.update(db, "referral", current["id"],
                              {"status": entry.code, "status_date": day})


def history(db, referral) -> list[dict]:
    """The dated status changes of a referral, oldest first."""
    row = resolve(db, "referral", referral)
    return records.find(db, "referral_status", "referral_id = ?", [row["id"]],
                        order_by="date, id")


def is_overdue(referral: dict, today: dt.date | None = None) -> bool:
    """Still proposed more than 15 days after it was made."""
    today = today or dt.date.today()
    if referral.get("status") != "PROPOSEE" or not referral.get("date"):
        return False
    return (today - dt.date.fromisoformat(referral["date"])).days > OVERDUE_DAYS


def overdue_referrals(db, today: dt.date | None = None) -> list[dict]:
    """Referrals still proposed after the delay, oldest first (participant not in the bin)."""
    today = today or dt.date.today()
    limit = (today - dt.timedelta(days=OVERDUE_DAYS + 1)).isoformat()
    return records.find(
        db, "referral",
        "status = 'PROPOSEE' AND date <= ? AND participant_id IN "
        "(SELECT id FROM participant WHERE deleted_at IS NULL)", [limit],
        order_by="date, id")
