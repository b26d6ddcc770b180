"""The ``indicateurs`` resource: every indicator of every quarter from the first entry to
the current one, from :mod:`citesdesk.core.indicators` (the one place they are computed).

All participants count here, objectors included: these are aggregates.
"""

from __future__ import annotations

import datetime as dt

from citesdesk.core import indicators
from citesdesk.core.db import SiteDatabase
from citesdesk.core.quarter import Quarter, quarters_between


def quarters(db: SiteDatabase, today: dt.date | None = None) -> list[str]:
    """``YYYY-Tn`` from the quarter of the first entry to the current one (at least one)."""
    current = Quarter.containing(today or dt.date.today())
    first = indicators.first_quarter(db) or current
    return [q.label for q in quarters_between(min(first, current), current)]


def _number(value) -> str:
    if value is None:
        return ""
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        return str(int(value))
    return repr(float(value))


def rows(db: SiteDatabase, labels: list[str]) -> list[tuple]:
    """``(trimestre, code, trimestre_valeur, cumul_valeur)`` for every quarter and code."""
    if not labels:
        return []
    out: list[tuple] = []
    for result in indicators.compute_range(db, labels[0], labels[-1]):
        for ind, quarter_value, cumul_value in result.rows():
            out.append((result.quarter.label, ind.code, _number(quarter_value),
                        _number(cumul_value)))
    return out
