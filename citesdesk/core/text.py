"""Text normalisation shared by lookups, search and duplicate detection."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

#: Months as the English interface spells them in dates (« 03 Dec 2026 »): written and
#: read from this list, never from the computer's locale.
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
             "Dec")
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})
_SPACES = re.compile(r"\s+")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def fold(text: str | None) -> str:
    """Lower case, no accents, ligatures spelled out, inner spaces collapsed, ends trimmed.

    ``fold("  Hélène  ") == "helene"``; ``fold("Cœur") == "coeur"``.
    """
    if text is None:
        return ""
    text = str(text).translate(_LIGATURES)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def fold_key(text: str | None) -> str:
    """Like :func:`fold`, and also without punctuation, hyphens or spaces.

    Used to compare names and column headers: ``fold_key("Jean-Pierre ") == "jeanpierre"``.
    """
    return _NON_ALNUM.sub("", fold(text))


def to_date(value) -> dt.date | None:
    """An ISO date (or datetime) text as a date; ``None`` for empty or unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def date_text(value: str | dt.date | None, lang: str) -> str:
    """An ISO date (or a date) as people read it: ``03/12/2026`` in French, ``03 Dec 2026``
    in English (day first, month in letters: never read as 12 March); "" for none. The one
    home of the rule: the window (``gui.forms``), the journal's sentences and the printed
    files use it."""
    day = to_date(value)
    if day is None:
        return ""
    if lang == "en":
        return f"{day.day:02d} {MONTHS_EN[day.month - 1]} {day.year}"
    return f"{day.day:02d}/{day.month:02d}/{day.year}"
