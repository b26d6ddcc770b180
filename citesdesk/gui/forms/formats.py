"""Dates, numbers and percentages as the interface language writes them: the one place
where the window formats a value for people to read or type.

The rule, per language (``docs/gui.md``, « Formats ») :

==========  =========================  ==============================================
            French                     English
==========  =========================  ==============================================
date        ``03/12/2026``             ``03 Dec 2026`` (day first, month in letters:
                                       never read as 12 March by anyone)
date+time   ``03/12/2026 14:05``       ``03 Dec 2026 14:05``
month       ``01/2026`` (chart title)    ``Jan 2026``
number      ``1 028`` (U+202F)         ``1,028``
percentage  ``67,6 %`` (U+202F)        ``67.6%``
quarter     ``2026-T4``                ``2026-Q4``
==========  =========================  ==============================================

Date fields (:func:`date_edit`) show the same form as the labels; typed date fields
(participant, cohort) accept both forms in both languages (``core.validation``).
Months are spelled from a fixed list, never from the system's locale, so that the
same screen reads the same on every computer.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QDateEdit, QWidget

from citesdesk.core.text import MONTHS_EN, to_date

#: What a date field shows, as a Qt display format, per language.
DATE_EDIT_FORMAT = {"fr": "dd/MM/yyyy", "en": "dd MMM yyyy"}
#: The locale of a date field (its month names), per language.
_EDIT_LOCALE = {"fr": (QLocale.Language.French, QLocale.Country.France),
                "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom)}


def lang_of(owner: Any = None) -> str:
    """The interface language of a runner, a context or a window; without one (a widget
    that has none), the application's (``QLocale``'s default, set with the translations)."""
    lang = getattr(owner, "lang", None)
    if lang:
        return lang
    if owner is None and QLocale().language() == QLocale.Language.English:
        return "en"
    return "fr"




def month_year_text(value: str, lang: str) -> str:
    """A month with its whole year (``2026-01``): ``01/2026`` or ``Jan 2026``."""
    year, month = value[:4], int(value[5:7])
    return f"{MONTHS_EN[month - 1]} {year}" if lang == "en" else f"{month:02d}/{year}"


def number_text(value: int | float, lang: str) -> str:
    """A count as people read it: « 1 028 » (narrow no-break space) in French, « 1,028 »
    in English."""
    text = f"{int(value):,}"
    return text.replace(",", "\u202f") if lang == "fr" else text


def singular(count: int, lang: str) -> bool:
    """Whether ``count`` takes the singular: « 0 entrée », « 1 entrée » in French; « 1
    entry » but « 0 entries » in English."""
    return count < 2 if lang == "fr" else count == 1


def count_text(count: int, lang: str, one: str, many: str) -> str:
    """``one`` or ``many`` (both translated, with ``{n}`` or ``{count}`` for the number)
    as the language's singular and plural take them, the number written by
    :func:`number_text`: « 1 entrée », « 1 200 entrées », « 0 entries »."""
    number = number_text(count, lang)
    return (one if singular(count, lang) else many).format(n=number, count=number)


def numbers(counts: dict[str, int], lang: str) -> dict[str, str]:
    """Every count of ``counts`` through :func:`number_text` (for ``.format(**counts)``)."""
    return {key: number_text(value, lang) if isinstance(value, int | float) else value
            for key, value in counts.items()}


def percent_text(rate: float, lang: str, decimals: int = 1) -> str:
    """A rate (0.676) as a percentage: « 67,6 % » in French, « 67.6% » in English."""
    text = f"{rate * 100:.{decimals}f}"
    return text.replace(".", ",") + "\u202f%" if lang == "fr" else text + "%"


def size_text(size: int, lang: str) -> str:
    """A file's size: « 1,4 Mo » or « 512 ko » in French, « 1.4 MB », « 512 kB » in English."""
    mib = size / (1024 * 1024)
    if mib >= 0.1:
        text, unit = f"{mib:.1f}", ("Mo" if lang == "fr" else "MB")
    else:
        text, unit = f"{size / 1024:.0f}", ("ko" if lang == "fr" else "kB")
    return (text.replace(".", ",") + "\u202f" + unit) if lang == "fr" else f"{text} {unit}"


def quarter_text(quarter, lang: str) -> str:
    """A quarter as people name it: « 2026-T4 » in French (the State workbook's own
    name), « 2026-Q4 » in English."""
    return quarter.label if lang == "fr" else f"{quarter.year}-Q{quarter.n}"


def date_edit(parent: QWidget | None = None, day: str | dt.date | None = None,
              lang: str = "fr") -> QDateEdit:
    """A date field with a calendar, in the language's form, today unless ``day``."""
    edit = QDateEdit(parent)
    language, country = _EDIT_LOCALE.get(lang, _EDIT_LOCALE["fr"])
    edit.setLocale(QLocale(language, country))
    edit.setDisplayFormat(DATE_EDIT_FORMAT.get(lang, DATE_EDIT_FORMAT["fr"]))
    edit.setCalendarPopup(True)
    set_date(edit, day)
    return edit


def set_date(edit: QDateEdit, day: str | dt.date | None) -> None:
    """Put ``day`` (ISO text or a date; today when empty) in a date field."""
    day = to_date(day) or dt.date.today()
    edit.setDate(QDate(day.year, day.month, day.day))


def iso(edit: QDateEdit) -> str:
    """The date of a date field as ISO text (what the services take)."""
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day()).isoformat()
