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


def local_moment(value) -> dt.datetime | None:
    """A moment as this computer's clock reads it: a stored UTC stamp
    (``2026-12-03T14:05:09.000Z``) or any zoned datetime is converted to local time; a
    moment without a zone (a backup's name, a clock read locally) is taken as it is;
    ``None`` for anything that is no moment."""
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, str) and len(value) > 10 and value[10] in "T ":
        try:
            moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    else:
        return None
    return moment.astimezone() if moment.tzinfo is not None else moment


def date_text(value: str | dt.date | None, lang: str) -> str:
    """A date as people read it: ``03/12/2026`` in French, ``03 Dec 2026`` in English (day
    first, month in letters: never read as 12 March); "" for none. A stored UTC stamp
    gives the local day it fell on. The one home of the rule: the window (``gui.forms``),
    the journal's sentences and the printed files use it."""
    moment = local_moment(value)
    day = moment.date() if moment is not None else to_date(value)
    if day is None:
        return ""
    if lang == "en":
        return f"{day.day:02d} {MONTHS_EN[day.month - 1]} {day.year}"
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def datetime_text(value: str | dt.datetime | None, lang: str) -> str:
    """A moment as its date and its minute on this computer's clock: a stored UTC stamp
    reads « 03/12/2026 15:05 » in Paris in winter, « 03 Dec 2026 15:05 » in English."""
    if not value:
        return ""
    moment = local_moment(value)
    if moment is None:
        text = str(value)
        return f"{date_text(text[:10], lang)} {text[11:16]}".rstrip()
    return f"{date_text(moment.date(), lang)} {moment:%H:%M}"
