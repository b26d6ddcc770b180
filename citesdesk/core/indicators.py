"""The quarterly indicators of ``docs/design/INDICATORS.md``: the one place they are computed.

The quarterly workbook, the dashboard and the sync bundle call this module, so the three
can never disagree. Counts are made in SQL (see :mod:`citesdesk.core.indicator_sql` for
which records make each code); :func:`records_behind` lists the records behind any value.

>>> q = Quarter.parse("2026-T3")
>>> site = compute(db, q)                         # the whole site
>>> site.quarter_value("P_ACTIFS"), site.cumul("P_ACTIFS")
>>> per_cohort = compute_cohorts(db, q)           # P_, E_, S_ codes for each cohort
>>> every = compute_range(db, first_quarter(db), Quarter.containing(today))
>>> records_behind(db, "E_ENTREES_F", q)
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field

from citesdesk.core import indicator_sql as S
from citesdesk.core.errors import NotFound
from citesdesk.core.indicator_defs import (  # noqa: F401 - re-exported
    BY_CODE,
    CODES,
    INDICATORS,
    KEY_CODES,
    Indicator,
    indicator,
)
from citesdesk.core.indicator_records import code_list_for, records_behind  # noqa: F401
from citesdesk.core.quarter import Quarter, QuarterError, quarters_between  # noqa: F401

Number = int | float | None


@dataclass(frozen=True)
class Cohort:
    id: int
    uuid: str
    name: str
    start_date: str | None = None
    end_date: str | None = None


@dataclass
class QuarterIndicators:
    """Every value for one quarter and one scope (the whole site, or one cohort).

    ``values[code] = (trimestre, cumul)``; a rate is a fraction in [0, 1] or ``None``.
    For a cohort only the ``P_``, ``E_`` and ``S_`` codes are present.
    """

    quarter: Quarter
    cohort: Cohort | None = None
    values: dict[str, tuple[Number, Number]] = field(default_factory=dict)

    def quarter_value(self, code: str) -> Number:
        return self.values[code][0]

    def cumul(self, code: str) -> Number:
        return self.values[code][1]

    def rows(self) -> list[tuple[Indicator, Number, Number]]:
        """``(indicator, trimestre, cumul)`` in the order of ``docs/design/INDICATORS.md``."""
        return [(i, *self.values[i.code]) for i in INDICATORS if i.code in self.values]


# --- the public functions ---------------------------------------------------------------

def compute(db, quarter: Quarter | str, cohort: str | int | None = None) -> QuarterIndicators:
    """Every indicator of ``quarter`` for the whole site, or for one cohort (uuid or id)."""
    q = Quarter.parse(quarter)
    if cohort is None:
        return compute_range(db, q, q)[0]
    c = _cohort(db, cohort)
    return _by_cohort(db, [q], [c])[(q, c.id)]


def compute_cohorts(db, quarter: Quarter | str) -> list[QuarterIndicators]:
    """The ``P_``, ``E_`` and ``S_`` values of ``quarter`` for each cohort (in the bin: no)."""
    q = Quarter.parse(quarter)
    found = cohorts(db)
    by = _by_cohort(db, [q], found)
    return [by[(q, c.id)] for c in found]


def compute_range(db, first: Quarter | str, last: Quarter | str) -> list[QuarterIndicators]:
    """Site-wide values of every quarter from ``first`` to ``last`` (both included).

    A fixed number of queries whatever the number of quarters (used by the sync bundle
    for ``indicateurs.csv``).
    """
    quarters = quarters_between(Quarter.parse(first), Quarter.parse(last))
    if not quarters:
        return []
    out = {q: QuarterIndicators(q) for q in quarters}
    for (q, _), vals in _stocks(db, quarters, by_cohort=False).items():
        out[q].values.update(vals)
    flows = _flows(db, by_cohort=False)
    activity = _activity(db, quarters)
    for q in quarters:
        res = out[q]
        res.values.update(_cumulate(flows.get(0, {}), q, list(S.E_PRED) + list(S.S_PRED)))
        res.values.update(activity[q])
        _fill(res, site=True)
    return [out[q] for q in quarters]


def first_quarter(db) -> Quarter | None:
    """The quarter of the site's first entry (``None`` when nobody ever entered)."""
    row = db.execute(f"WITH {S.ENROLLMENT_CTES} SELECT min(date_entree) FROM en").fetchone()
    return Quarter.containing(row[0]) if row and row[0] else None


def cohorts(db) -> list[Cohort]:
    """The site's cohorts (not in the bin), by start date then name."""
    rows = db.execute(
        "SELECT id, uuid, name, start_date, end_date FROM cohort WHERE deleted_at IS NULL "
        "ORDER BY coalesce(start_date, '9999'), name COLLATE NOCASE, id").fetchall()
    return [Cohort(*r) for r in rows]


# --- the work -----------------------------------------------------------------------------

def _cohort(db, ref: str | int) -> Cohort:
    for c in cohorts(db):
        if ref in (c.uuid, c.id):
            return c
    raise NotFound(f"Cohorte introuvable ({ref}).", f"Cohort not found ({ref}).")


def _quarter_cte(quarters: list[Quarter]) -> tuple[str, list]:
    marks = ", ".join("(?, ?, ?)" for _ in quarters)
    params = [v for q in quarters for v in (q.label, q.d0.isoformat(), q.d1.isoformat())]
    return f"q(label, d0, d1) AS (VALUES {marks})", params


def _stocks(db, quarters: list[Quarter], by_cohort: bool) -> dict:
    """``P_`` codes: distinct participants active in each quarter, and ever entered."""
    qcte, params = _quarter_cte(quarters)
    key = "en.cid" if by_cohort else "0"
    cols = ", ".join(
        f"sum(CASE WHEN act.active AND ({p}) THEN 1 ELSE 0 END), "
        f"sum(CASE WHEN {p} THEN 1 ELSE 0 END)" for p in S.P_PRED.values())
    sql = f"""WITH {S.ENROLLMENT_CTES}, {qcte},
        act AS (SELECT q.label, {key} AS k, en.pid,
                       max(en.date_sortie IS NULL OR en.date_sortie >= q.d0) AS active
                FROM q JOIN en ON en.date_entree <= q.d1 GROUP BY q.label, k, en.pid)
        SELECT act.label, act.k, {cols} FROM act JOIN pc ON pc.pid = act.pid
        GROUP BY act.label, act.k"""
    by_label = {q.label: q for q in quarters}
    out = {}
    for row in db.execute(sql, params):
        nums = row[2:]
        out[(by_label[row[0]], row[1])] = {
            code: (nums[2 * i], nums[2 * i + 1]) for i, code in enumerate(S.P_PRED)}
    return out


def _flows(db, by_cohort: bool) -> dict[int, dict[str, dict[str, int]]]:
    """``E_`` and ``S_`` counts per scope, per quarter label of the entry or exit date."""
    key = "en.cid" if by_cohort else "0"
    out: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    cols = ", ".join(f"sum(CASE WHEN {p} THEN 1 ELSE 0 END)" for p in S.E_PRED.values())
    sql = (f"WITH {S.ENROLLMENT_CTES} SELECT {key}, {S.quarter_label('en.date_entree')} AS lab, "
           f"{cols} FROM en JOIN pc ON pc.pid = en.pid GROUP BY 1, 2")
    for row in db.execute(sql):
        for code, n in zip(S.E_PRED, row[2:], strict=True):
            out[row[0]][code][row[1]] += n
    cols = ", ".join(f"sum(CASE WHEN {p} THEN 1 ELSE 0 END)" for p in S.S_PRED.values())
    sql = (f"WITH {S.ENROLLMENT_CTES} SELECT {key}, {S.quarter_label('en.date_sortie')} AS lab, "
           f"{cols} FROM en WHERE en.date_sortie IS NOT NULL GROUP BY 1, 2")
    for row in db.execute(sql):
        for code, n in zip(S.S_PRED, row[2:], strict=True):
            out[row[0]][code][row[1]] += n
    return out


def _cumulate(series: dict[str, dict[str, int]], q: Quarter, codes) -> dict:
    """(count in ``q``, count up to ``q``) from counts per quarter label."""
    out = {}
    for code in codes:
        per = series.get(code, {})
        labels = sorted(per)
        upto = bisect.bisect_right(labels, q.label)
        out[code] = (per.get(q.label, 0), sum(per[lab] for lab in labels[:upto]))
    return out


def _activity(db, quarters: list[Quarter]) -> dict[Quarter, dict]:
    """``A_``, ``O_`` and ``N_`` codes of every quarter."""
    series: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    cols = ", ".join(f"sum(CASE WHEN {p} THEN 1 ELSE 0 END)" for p in S.A_PRED.values())
    for row in db.execute(f"WITH {S.EVENT_CTE} SELECT {S.quarter_label('ev.date')}, {cols} "
                          "FROM ev GROUP BY 1"):
        for code, n in zip(S.A_PRED, row[1:], strict=True):
            series[code][row[0]] += n
    cols = ", ".join(f"sum(CASE WHEN {p} THEN 1 ELSE 0 END)" for p in S.O_TYPE_PRED.values())
    for row in db.execute(f"WITH {S.REFERRAL_CTE} SELECT {S.quarter_label('rf.date')}, {cols} "
                          "FROM rf GROUP BY 1"):
        for code, n in zip(S.O_TYPE_PRED, row[1:], strict=True):
            series[code][row[0]] += n
    for lab, n in db.execute(f"WITH {S.REFERRAL_CTE} SELECT "
                             f"{S.quarter_label('rf.realised_on')}, count(*) FROM rf "
                             "WHERE rf.realised_on IS NOT NULL GROUP BY 1"):
        series["O_REALISEES"][lab] += n
    codes = list(S.A_PRED) + list(S.O_TYPE_PRED) + ["O_REALISEES"]
    out = {q: _cumulate(series, q, codes) for q in quarters}

    qcte, params = _quarter_cte(quarters)
    overdue = S.OVERDUE_PRED.replace(":d1", "q.d1")
    late = dict(db.execute(f"WITH {S.REFERRAL_CTE}, {qcte} SELECT q.label, count(*) FROM q "
                           f"JOIN rf ON {overdue} GROUP BY q.label", params).fetchall())
    partners: dict[int, set[str]] = defaultdict(set)
    for pid, lab in db.execute(f"WITH {S.MOBILISATION_CTES} SELECT DISTINCT partner_id, "
                               f"{S.quarter_label('mob.date')} FROM mob"):
        partners[pid].add(lab)
    firsts = sorted(min(labs) for labs in partners.values())
    for q in quarters:
        n = late.get(q.label, 0)
        out[q]["O_EN_RETARD"] = (n, n)
        in_q = sum(1 for labs in partners.values() if q.label in labs)
        out[q]["N_PARTENAIRES_MOBILISES"] = (in_q, bisect.bisect_right(firsts, q.label))
    return out


def _by_cohort(db, quarters: list[Quarter], found: list[Cohort]) -> dict:
    out = {(q, c.id): QuarterIndicators(q, c) for q in quarters for c in found}
    for key, vals in _stocks(db, quarters, by_cohort=True).items():
        if key in out:
            out[key].values.update(vals)
    flows = _flows(db, by_cohort=True)
    for (q, cid), res in out.items():
        res.values.update(_cumulate(flows.get(cid, {}), q, list(S.E_PRED) + list(S.S_PRED)))
        _fill(res, site=False)
    return out


def _fill(res: QuarterIndicators, site: bool) -> None:
    """Zeros where nothing was counted, then the rate."""
    for i in INDICATORS:
        if (site or i.per_cohort) and not i.is_rate:
            res.values.setdefault(i.code, (0, 0))
    if site:
        pairs = [res.values[c] for c in ("S_DYNAMIQUES", "S_SORTIES")]
        res.values["TX_SORTIES_DYNAMIQUES"] = tuple(
            (pairs[0][k] / pairs[1][k]) if pairs[1][k] else None for k in (0, 1))
