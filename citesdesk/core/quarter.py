"""Quarters (``2026-T3``): parsing, first and last day, the last finished one.

A quarter is written ``YYYY-Tn`` (``2026-T3`` = 1 July to 30 September 2026); ``2026Q3``
(and ``2026-Q3``, ``2026 T3``, any case) is accepted on input.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from citesdesk.core.errors import CitesDeskError

_PATTERN = re.compile(r"^\s*(\d{4})\s*[-/ ]?\s*[TQ]\s*(\d)\s*$", re.IGNORECASE)


class QuarterError(CitesDeskError):
    """A quarter that is not written ``YYYY-Tn`` with n from 1 to 4."""


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    n: int

    def __post_init__(self) -> None:
        if not 1 <= self.n <= 4:
            raise QuarterError(*_messages(f"{self.year}-T{self.n}"))

    # --- reading -------------------------------------------------------------------
    @classmethod
    def parse(cls, text: str | Quarter) -> Quarter:
        """``2026-T3`` or ``2026Q3`` → ``Quarter(2026, 3)``; anything else is refused."""
        if isinstance(text, Quarter):
            return text
        m = _PATTERN.match(str(text or ""))
        if not m or not 1 <= int(m.group(2)) <= 4 or int(m.group(1)) < 1900:
            raise QuarterError(*_messages(str(text or "").strip()))
        return cls(int(m.group(1)), int(m.group(2)))

    @classmethod
    def containing(cls, day: dt.date | str) -> Quarter:
        if isinstance(day, str):
            day = dt.date.fromisoformat(day[:10])
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def last_finished(cls, today: dt.date | None = None) -> Quarter:
        """The quarter before the one holding ``today`` (what the State asks for)."""
        return cls.containing(today or dt.date.today()).previous()

    # --- days ----------------------------------------------------------------------
    @property
    def d0(self) -> dt.date:
        return dt.date(self.year, 3 * self.n - 2, 1)

    @property
    def d1(self) -> dt.date:
        nxt = self.next().d0
        return nxt - dt.timedelta(days=1)

    @property
    def label(self) -> str:
        return f"{self.year}-T{self.n}"

    def __str__(self) -> str:
        return self.label

    def period_fr(self) -> str:
        return f"du {self.d0:%d/%m/%Y} au {self.d1:%d/%m/%Y}"

    # --- walking -------------------------------------------------------------------
    def next(self) -> Quarter:
        return Quarter(self.year + (self.n == 4), self.n % 4 + 1)

    def previous(self) -> Quarter:
        return Quarter(self.year - (self.n == 1), (self.n - 2) % 4 + 1)


def quarters_between(first: Quarter, last: Quarter) -> list[Quarter]:
    """Every quarter from ``first`` to ``last``, both included (empty if reversed)."""
    out, q = [], first
    while q <= last:
        out.append(q)
        q = q.next()
    return out


def _messages(text: str) -> tuple[str, str]:
    return (
        f"Trimestre « {text} » non reconnu : écrivez l'année puis le numéro du trimestre "
        "(1 à 4), sous la forme 2026-T3 ou 2026Q3.",
        f"Quarter '{text}' not recognised: write the year then the quarter number (1 to 4), "
        "as 2026-T3 or 2026Q3.",
    )
