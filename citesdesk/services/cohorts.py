"""Cohorts as the cohorts screen shows them: counts computed in SQL, members, pickers.

Qt-free queries; records in the bin are left out. Writes go through
:mod:`citesdesk.services.records` (cohorts) and :mod:`citesdesk.services.journey_edit`
(enrollments).
"""

from __future__ import annotations

import datetime as dt

from citesdesk.core import codes, search
from citesdesk.core.errors import NotFound
from citesdesk.core.text import fold_key

_SUMMARY = """
    SELECT c.uuid, c.name, c.start_date, c.end_date, c.target, c.referent, c.description,
           count(e.id) AS entries,
           count(e.date_sortie) AS exits,
           coalesce(sum(e.date_entree <= :today
                        AND (e.date_sortie IS NULL OR e.date_sortie > :today)), 0) AS active
    FROM cohort c
    LEFT JOIN enrollment e ON e.cohort_id = c.id AND e.deleted_at IS NULL
    WHERE c.deleted_at IS NULL {where}
    GROUP BY c.id
    ORDER BY coalesce(c.start_date, '') DESC, c.name"""


def summaries(db, today: dt.date | None = None) -> list[dict]:
    """Every cohort with ``target``, ``active`` (in it today), ``entries`` and ``exits``.

    An enrollment is active on ``today`` when it started on or before that day and has no
    exit, or an exit after that day.
    """
    today = (today or dt.date.today()).isoformat()
    return list(db.query(_SUMMARY.format(where=""), {"today": today}))


def summary(db, cohort_uuid: str, today: dt.date | None = None) -> dict:
    today = (today or dt.date.today()).isoformat()
    rows = list(db.query(_SUMMARY.format(where="AND c.uuid = :uuid"),
                         {"today": today, "uuid": cohort_uuid}))
    if not rows:
        raise NotFound(f"Cohorte introuvable ({cohort_uuid}).",
                       f"Cohort not found ({cohort_uuid}).")
    return rows[0]


def members(db, cohort_uuid: str, *, lang: str = "fr") -> list[dict]:
    """The cohort's enrollments: participant, entry, exit, reason (with its group)."""
    rows = list(db.query("""
        SELECT e.uuid, e.date_entree, e.date_sortie, e.motif_sortie,
               p.uuid AS participant_uuid, p.last_name, p.first_name
        FROM enrollment e
        JOIN cohort c ON c.id = e.cohort_id
        JOIN participant p ON p.id = e.participant_id
        WHERE c.uuid = ? AND e.deleted_at IS NULL AND p.deleted_at IS NULL""", [cohort_uuid]))
    rows.sort(key=_by_name)
    for r in rows:
        group = codes.groupe_sortie(r["motif_sortie"])
        r["groupe_sortie"] = group
        label = codes.MOTIF_SORTIE.label(r["motif_sortie"], lang)
        if group:
            label += " (" + codes.GROUPE_SORTIE.label(group, lang) + ")"
        r["motif_label"] = label
    return rows


def _by_name(row: dict) -> tuple[str, str]:
    """Alphabetical order as people expect it: « Boërio » between « Bocquet » and « Boulay »."""
    return fold_key(row["last_name"]), fold_key(row["first_name"])


def search_participants(db, text: str = "", *, limit: int = 200,
                        exclude_cohort: str | None = None) -> list[dict]:
    """Participants matching ``text`` (the participant search: accent- and case-insensitive
    prefixes, ligatures, phones), by name; ``exclude_cohort`` leaves out those in that
    cohort with no exit."""
    return search.rows_by_name(db, text, search.Filters(exclude_cohort=exclude_cohort),
                               limit=limit)
