"""What the home screen shows, without Qt: key indicators, monthly series, the to-do list.

The key numbers come from :mod:`citesdesk.core.indicators` (never recomputed here), so the
dashboard, the quarterly workbook and the sync bundle always agree. The charts' series and
the to-do list are plain queries over live records (tombstones and records of participants
in the bin left out).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from citesdesk.core import codes, indicators
from citesdesk.core.quarter import Quarter
from citesdesk.services import retention
from citesdesk.services.partners import ReferralFilter, list_referrals

#: A participant with no journey event for this many days needs news.
NO_NEWS_DAYS = 60

_LIVE_PERSON = "participant_id IN (SELECT id FROM participant WHERE deleted_at IS NULL)"


@dataclass
class Dashboard:
    quarter: Quarter
    key: dict[str, tuple]  # code -> (trimestre, cumul)
    months: list[str]  # "YYYY-MM", oldest first, 12 of them
    entries_per_month: list[int]
    exits_per_month: list[int]
    exits_by_group: dict[str, int]  # exit group -> exits in the quarter
    active_per_cohort: list[tuple[str, int]]  # (cohort name, active in the quarter)
    todo: dict[str, list[dict]] = field(default_factory=dict)


def _months(today: dt.date, count: int = 12) -> list[str]:
    y, m = today.year, today.month
    out = []
    for _ in range(count):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return out[::-1]


def _per_month(db, column: str, months: list[str]) -> list[int]:
    rows = dict(db.execute(
        f"""SELECT substr({column}, 1, 7) AS month, count(*) FROM enrollment
            WHERE deleted_at IS NULL AND {_LIVE_PERSON}
              AND cohort_id IN (SELECT id FROM cohort WHERE deleted_at IS NULL)
              AND {column} >= ? AND {column} <= ?
            GROUP BY month""",
        [months[0] + "-01", months[-1] + "-31"]).fetchall())
    return [rows.get(m, 0) for m in months]


def participants_without_news(db, today: dt.date, days: int = NO_NEWS_DAYS) -> list[dict]:
    """Participants still enrolled (no exit) whose last event is older than ``days``."""
    limit = (today - dt.timedelta(days=days)).isoformat()
    return list(db.query(
        """SELECT p.uuid, p.last_name, p.first_name,
                  (SELECT max(e.date) FROM event e
                    WHERE e.participant_id = p.id AND e.deleted_at IS NULL) AS last_event
           FROM participant p
           WHERE p.deleted_at IS NULL
             AND EXISTS (SELECT 1 FROM enrollment en WHERE en.participant_id = p.id
                         AND en.deleted_at IS NULL AND en.date_sortie IS NULL)
             AND coalesce((SELECT max(e.date) FROM event e
                    WHERE e.participant_id = p.id AND e.deleted_at IS NULL), '') < ?
           ORDER BY last_event, p.last_name COLLATE NOCASE""", [limit]))


def participants_without_notice(db) -> list[dict]:
    """Participants with no recorded information notice (RGPD: they must be informed)."""
    return list(db.query(
        """SELECT uuid, last_name, first_name, created_at FROM participant
           WHERE deleted_at IS NULL AND info_notice_date IS NULL
           ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE"""))


def overdue_with_names(db, today: dt.date) -> list[dict]:
    """Overdue referrals with the participant's and the partner's names, oldest first
    (one query: the referrals list's, with its overdue filter)."""
    rows = list_referrals(db, ReferralFilter(overdue_only=True), today)
    return [{"uuid": r["uuid"], "date": r["date"], "participant_uuid": r["participant_uuid"],
             "last_name": r["last_name"], "first_name": r["first_name"],
             "partner": r["partner"],
             "days": (today - dt.date.fromisoformat(r["date"])).days}
            for r in reversed(rows)]


def build(db, today: dt.date | None = None) -> Dashboard:
    """Everything the home screen shows, for the quarter that holds ``today``."""
    today = today or dt.date.today()
    quarter = Quarter.containing(today)
    site = indicators.compute(db, quarter)
    key = {code: site.values[code] for code in indicators.KEY_CODES}
    months = _months(today)
    groups = {g.code: site.quarter_value(f"S_{g.code}") or 0 for g in codes.GROUPE_SORTIE}
    per_cohort = [(res.cohort.name, res.quarter_value("P_ACTIFS") or 0)
                  for res in indicators.compute_cohorts(db, quarter)]
    return Dashboard(
        quarter=quarter, key=key, months=months,
        entries_per_month=_per_month(db, "date_entree", months),
        exits_per_month=_per_month(db, "date_sortie", months),
        exits_by_group=groups, active_per_cohort=per_cohort,
        todo={
            "overdue": overdue_with_names(db, today),
            "no_news": participants_without_news(db, today),
            "no_notice": participants_without_notice(db),
            "retention": retention.due(db, today),
        },
    )
