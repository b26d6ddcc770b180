"""The shipped Unicode font (DejaVu Sans), registered once per process and embedded in
every PDF, and the French typography that goes with it.

reportlab's canvas starts every page with a reference to its default font (Helvetica, a
base-14 font that is never embedded): :data:`CANVAS_KWARGS` replaces it with DejaVu Sans,
so that no base-14 font appears anywhere in our files.

reportlab's paragraphs treat the narrow no-break space (U+202F) as an ordinary breaking
space and print a plain space in its place; French number formatting and the spaces before
``; : ! ?`` and inside « » need it kept and unbroken, so :func:`register` teaches the
paragraph splitter to leave U+202F inside words (as it already does for U+00A0).
"""

from __future__ import annotations

import re
from pathlib import Path

from citesdesk.core.text import date_text, datetime_text

FONT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"

NNBSP = "\u202f"  # espace fine insécable
NBSP = "\u00a0"

#: Keyword arguments for every reportlab canvas we make: no default Helvetica.
CANVAS_KWARGS = {"initialFontName": REGULAR, "initialFontSize": 9, "initialLeading": 11}

_registered = False


def register() -> None:
    """Register DejaVu Sans (regular, bold) with reportlab; idempotent, cheap after once."""
    global _registered
    if _registered:
        return
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(REGULAR, str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR,
                                  boldItalic=BOLD)
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    _keep_narrow_nbsp()
    from reportlab import rl_config

    rl_config.useA85 = 0  # binary (zlib) streams: smaller files, no ASCII85 pass
    _registered = True


def _keep_narrow_nbsp() -> None:
    from reportlab.platypus import paragraph

    breaking = paragraph._wsc.replace(NNBSP, "")
    regex_split = re.compile(f"[{re.escape(breaking)}]+").split
    original = paragraph.split

    def split(text, delim=None):
        if delim is None and isinstance(text, str) and (NNBSP in text or NBSP in text):
            return regex_split(text)
        return original(text, delim)

    paragraph.split = split


# ---------------------------------------------------------------- French typography

_BEFORE_PUNCT = re.compile(r"[ \u00a0]+([;:!?])")
_AFTER_OPEN = re.compile(r"«[ \u00a0]*")
_BEFORE_CLOSE = re.compile(r"[ \u00a0]*»")


def colon(lang: str) -> str:
    """A label's colon: « Site : » in French (the space becomes a thin one through
    :func:`french`), "Site: " in English."""
    return ": " if lang == "en" else " : "


def french(text: str | None) -> str:
    """French spacing: a narrow no-break space before ``; : ! ?`` where a space was typed
    (so times ``10:30`` and addresses ``https://`` stay as they are) and inside « »."""
    if not text:
        return ""
    text = _BEFORE_PUNCT.sub(NNBSP + r"\1", text)
    text = _AFTER_OPEN.sub("«" + NNBSP, text)
    return _BEFORE_CLOSE.sub(NNBSP + "»", text)


def quote(text: str, lang: str = "fr") -> str:
    """« text » in French, “text” in English."""
    return f"«{NNBSP}{text}{NNBSP}»" if lang == "fr" else f"\u201c{text}\u201d"


def number(value: int | float, lang: str = "fr", decimals: int = 0) -> str:
    """``12 345`` (narrow no-break space) and ``3,5`` in French; ``12,345`` and ``3.5`` in
    English."""
    text = f"{value:,.{decimals}f}"
    if lang == "fr":
        text = text.replace(",", NNBSP).replace(".", ",")
    return text


def money(value: float, lang: str = "fr") -> str:
    """``1 234,50 €`` in French, ``€1,234.50`` in English."""
    if lang == "fr":
        return f"{number(value, 'fr', 2)}{NNBSP}€"
    return f"€{number(value, 'en', 2)}"


def date(iso: str | None, lang: str = "fr") -> str:
    """``YYYY-MM-DD`` (or an ISO timestamp) as the language writes it: ``03/12/2026``,
    ``03 Dec 2026`` (:func:`citesdesk.core.text.date_text`); empty stays empty, and text
    that is no date is printed as it is."""
    if not iso:
        return ""
    iso = str(iso)
    if len(iso) >= 10 and iso[4] == "-" and iso[7] == "-":
        return date_text(iso, lang) or iso
    return iso


def timestamp(iso: str | None, lang: str = "fr") -> str:
    """A UTC ISO 8601 timestamp (``…Z``) as the local date and minute, in the language's
    form (``03/12/2026 15:05``, ``03 Dec 2026 15:05``)."""
    return datetime_text(iso, lang)

