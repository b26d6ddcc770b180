"""Text that is safe to keep and to hand on: no invisible trouble, no endless values.

Every entry point (forms, imports, and later the team merge) passes text through
:func:`screen` (via :func:`citesdesk.core.validation.clean_value`), which removes:

* non-characters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two of every plane): they
  are not meant to leave a program, and an .xlsx holding one is refused by Excel;
* control characters (C0 and C1), except tab and line breaks in long texts;
* bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
  can make a name display backwards or hide part of it;
* lone surrogates and the byte-order mark (U+FEFF) pasted inside a text.

and bounds the length of each kind of field (:data:`MAX_LENGTH`), with a message naming
the field. :func:`xml_safe` is the last guard of the files written (data stored before
this check existed).
"""

from __future__ import annotations

import re

from citesdesk.core.errors import FieldError

#: Longest value accepted, by field type (characters); other types: ``DEFAULT_MAX``.
MAX_LENGTH = {"text": 300, "longtext": 20_000, "list": 2_000, "email": 254, "url": 2_048,
              "phone": 40, "codes": 2_000}
DEFAULT_MAX = 300

_NONCHAR = "\ufdd0-\ufdef\ufffe\uffff" + "".join(
    f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(1, 17))
_BIDI = "\u202a-\u202e\u2066-\u2069"
_ALWAYS = f"[{_NONCHAR}{_BIDI}\ud800-\udfff\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
_UNSAFE_LINE = re.compile(_ALWAYS)
_BREAKS = re.compile(r"\r\n?|[\t\n\x85\u2028\u2029]")
#: What no XML 1.0 file may hold, escaped or not (its ``Char`` production leaves out only
#: these; the other non-characters are merely discouraged). BMP only: quick to search.
NOT_XML_CLASS = "\ufffe\uffff\ud800-\udfff"
_NOT_XML = re.compile(f"[{NOT_XML_CLASS}]")


def strip_unsafe(text: str, *, multiline: bool = False) -> tuple[str, int]:
    """``text`` without the characters listed above, and how many were removed.

    One-line fields get their tabs and line breaks turned into spaces; long texts keep
    them (``\\r\\n`` becomes ``\\n``)."""
    if text.isprintable() or (multiline and text.replace("\n", "").isprintable()):
        return text, 0  # the usual case, quickly: none of them is "printable"
    text = re.sub(r"\r\n?", "\n", text) if multiline else _BREAKS.sub(" ", text)
    cleaned, n = _UNSAFE_LINE.subn("", text)
    return cleaned, n


def xml_safe(text: str) -> str:
    """``text`` without the characters an XML file (an .xlsx) may not hold at all."""
    return _NOT_XML.sub("", text) if _NOT_XML.search(text) else text


def screen(field, value: str) -> tuple[str, list[FieldError]]:
    """The text of one field made safe, with a warning when characters were removed and
    an error when it is longer than its type allows. ``field`` is a model ``Field``."""
    text, removed = strip_unsafe(value, multiline=field.type == "longtext")
    problems: list[FieldError] = []
    if removed:
        problems.append(FieldError(
            field.name, "invisible_removed",
            f"{field.fr} : {removed} caractère(s) invisible(s) ou de contrôle retiré(s).",
            f"{field.en}: {removed} invisible or control character(s) removed.",
            None, "warning"))
    limit = MAX_LENGTH.get(field.type, DEFAULT_MAX)
    if len(text) > limit:
        n_fr, limit_fr = (f"{x:,}".replace(",", "\u202f") for x in (len(text), limit))
        problems.append(FieldError(
            field.name, "too_long",
            f"{field.fr} : {n_fr} caractères, c'est plus que la limite de {limit_fr} "
            "caractères pour ce champ. Raccourcissez-le.",
            f"{field.en}: {len(text):,} characters, more than the limit of {limit:,} for "
            "this field. Shorten it.", None))
    return text, problems
