"""Enrollments: a participant enters a cohort on a date, and one day leaves it, for a reason.

Rules checked here (on top of field validation): one person has at most one open
enrollment in a cohort, a new entry does not fall inside an earlier stay in the same
cohort, and an exit is not before the entry and always has its reason.
"""

from __future__ import annotations

from citesdesk.core.errors import FieldError, ValidationFailed
from citesdesk.core.text import date_text
from citesdesk.core.validation import validate_record
from citesdesk.services import records
from citesdesk.services.refs import resolve


def enroll(db, participant, cohort, date_entree) -> dict:
    """Enroll a participant in a cohort from ``date_entree``; returns the enrollment."""
    with db.atomic():
        person = resolve(db, "participant", participant)
        group = resolve(db, "cohort", cohort)
        values = {"participant_id": person["id"], "cohort_id": group["id"],
                  "date_entree": date_entree}
        # Validate first so that a bad date is reported as such, not as an overlap.
        clean, _ = validate_record("enrollment", values)
        entry = clean["date_entree"]
        for other in records.find(db, "enrollment", "participant_id = ? AND cohort_id = ?",
                                  [person["id"], group["id"]], order_by="date_entree"):
            start_fr = date_text(other["date_entree"], "fr")
            start_en = date_text(other["date_entree"], "en")
            if other["date_sortie"] is None:
                raise ValidationFailed([FieldError(
                    "cohort_id", "already_enrolled",
                    f"{person['first_name']} {person['last_name']} est déjà inscrit·e dans la "
                    f"cohorte « {group['name']} » depuis le {start_fr} : "
                    "enregistrez d'abord sa sortie.",
                    f"{person['first_name']} {person['last_name']} is already enrolled in "
                    f"cohort '{group['name']}' since {start_en}: record "
                    "the exit first.", group["id"])], "enrollment")
            if other["date_entree"] <= entry <= other["date_sortie"]:
                raise ValidationFailed([FieldError(
                    "date_entree", "overlaps",
                    f"Cette date tombe dans un passage précédent dans la même cohorte "
                    f"(du {start_fr} au {date_text(other['date_sortie'], 'fr')}).",
                    f"This date falls within an earlier stay in the same cohort "
                    f"({start_en} to {date_text(other['date_sortie'], 'en')}).", entry)],
                    "enrollment")
        return records.create(db, "enrollment", clean)


def exit_enrollment(db, enrollment, date_sortie, motif_sortie) -> dict:
    """Record the exit of an enrollment (date and reason, both required)."""
    with db.atomic():
        row = resolve(db, "enrollment", enrollment)
        errors = []
        if not date_sortie:
            errors.append(FieldError("date_sortie", "required", "Indiquez la date de sortie.",
                                     "Give the exit date."))
        if not motif_sortie:
            errors.append(FieldError("motif_sortie", "required", "Indiquez le motif de sortie.",
                                     "Give the exit reason."))
        if errors:
            raise ValidationFailed(errors, "enrollment")
        # validate_record checks the code, the date and that the exit is not before entry.
        return records.update(db, "enrollment", row["id"],
                              {"date_sortie": date_sortie, "motif_sortie": motif_sortie})


def cancel_exit(db, enrollment) -> dict:
    """Reopen an enrollment whose exit was recorded by mistake."""
    with db.atomic():
        row = resolve(db, "enrollment", enrollment)
        for other in records.find(db, "enrollment", "participant_id = ? AND cohort_id = ? "
                                  "AND id != ? AND (date_sortie IS NULL OR date_entree > ?)",
                                  [row["participant_id"], row["cohort_id"], row["id"],
                                   row["date_entree"]]):
            raise ValidationFailed([FieldError(
                "date_sortie", "later_enrollment",
                "La personne a un passage plus récent dans cette cohorte "
                f"(entrée le {date_text(other['date_entree'], 'fr')}) : la sortie ne peut pas "
                "être annulée.",
                "The person has a later stay in this cohort "
                f"(entered {date_text(other['date_entree'], 'en')}): the exit cannot be "
                "cancelled.")],
                "enrollment")
        return records.update(db, "enrollment", row["id"],
                              {"date_sortie": None, "motif_sortie": None})


def open_enrollments(db, participant) -> list[dict]:
    """The participant's current enrollments (no exit), most recent first."""
    person = resolve(db, "participant", participant)
    return records.find(db, "enrollment", "participant_id = ? AND date_sortie IS NULL",
                        [person["id"]], order_by="date_entree DESC, id DESC")
