"""From a cell as a spreadsheet gives it to the value a field stores.

Dates as real dates, Excel serial numbers, ``12/03/2024``, ``12/03/24``, ``2024-03-12``,
``12 mars 2024``; numbers that came back as floats (``75001.0``); phone numbers however
written; booleans ``oui/non/x/1/0/vrai/faux``; codes or French labels. The final check is
always :func:`citesdesk.core.validation.clean_value`, so a value is judged the same as in a
form.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from citesdesk.core import codes
from citesdesk.core.contact_check import to_check
from citesdesk.core.errors import FieldError
from citesdesk.core.model import Field
from citesdesk.core.text import fold
from citesdesk.core.validation import clean_value

EXCEL_EPOCH = dt.date(1899, 12, 30)
MONTHS = {
    "janvier": 1, "janv": 1, "jan": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "mar": 3,
    "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8,
    "septembre": 9, "sept": 9, "sep": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11,
    "decembre": 12, "dec": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_WORD_DATE = re.compile(r"^(\d{1,2})(?:er)?\s+([a-z]+)\.?\s+(\d{4})$")
TRUE_WORDS = {"oui", "o", "x", "1", "vrai", "yes", "y", "true", "v"}
FALSE_WORDS = {"non", "n", "0", "faux", "no", "false", "f"}
GENRE_WORDS = {"m": "H", "m.": "H", "mr": "H", "mr.": "H", "monsieur": "H", "masculin": "H",
               "mme": "F", "mme.": "F", "madame": "F", "mlle": "F", "mademoiselle": "F",
               "feminin": "F"}
_MULTI_SPLIT = re.compile(r"\s*[|;,/+]\s*")
_WHOLE_FLOAT = re.compile(r"\d+\.0+")


class BadValue(ValueError):
    def __init__(self, fr: str, en: str, code: str = "invalid") -> None:
        super().__init__(fr)
        self.fr, self.en, self.code = fr, en, code


def _impossible_date(text: str) -> BadValue:
    return BadValue(f"Date impossible « {text} » : écrivez-la jj/mm/aaaa.",
                    f"Impossible date '{text}': write it dd/mm/yyyy.", "invalid_date")


def _year(two_or_four: str, pivot: int) -> int:
    year = int(two_or_four)
    if len(two_or_four) == 2:
        year += 2000 if year <= pivot else 1900
    return year


def parse_date(value: Any, today: dt.date) -> dt.date | None:
    """A date from any of the usual writings; :class:`BadValue` when impossible."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise _impossible_date(str(value))
    if isinstance(value, int | float):
        if 1 <= value < 2958466 and float(value).is_integer():
            return EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise _impossible_date(str(value))
    text = str(value).strip()
    folded = fold(text)
    pivot = today.year % 100
    try:
        if m := _NUMERIC_DATE.match(text):
            return dt.date(_year(m.group(3), pivot), int(m.group(2)), int(m.group(1)))
        if m := _ISO_DATE.match(text):
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m := _WORD_DATE.match(folded):
            month = MONTHS.get(m.group(2).rstrip("."))
            if month:
                return dt.date(int(m.group(3)), month, int(m.group(1)))
        if re.fullmatch(r"\d{5}(\.0+)?", text):
            return EXCEL_EPOCH + dt.timedelta(days=int(float(text)))
    except ValueError:
        pass
    raise _impossible_date(text)


def number_text(value: Any) -> str:
    """A cell as text, with floats that are whole numbers written without ``.0``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str):
        text = value.strip()
        if "  " in text or "\t" in text or "\n" in text or "\xa0" in text:
            text = " ".join(text.split())
        if "." in text and text[:1].isdigit() and _WHOLE_FLOAT.fullmatch(text):
            return text.split(".")[0]
        return text
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


def parse_bool(value: Any) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float) and value in (0, 1):
        return int(value)
    word = fold(str(value)).rstrip(".")
    if word in TRUE_WORDS:
        return 1
    if word in FALSE_WORDS:
        return 0
    raise BadValue(f"Valeur « {value} » : attendu oui ou non (ou x, 1, 0, vrai, faux).",
                   f"Value '{value}': expected yes or no (or x, 1, 0, true, false).")


def phone_text(value: Any) -> str:
    """Digits of a phone as written; a 9-digit number lost its leading 0 in a spreadsheet."""
    text = number_text(value)
    digits = re.sub(r"[\s.\-/()]", "", text)
    if digits.isdigit() and len(digits) == 9 and digits[0] in "123456789":
        return "0" + digits
    if digits.startswith("0033"):
        return "+33" + digits[4:]
    return digits if digits.lstrip("+").isdigit() else text


def _french_patterns() -> re.Pattern:
    """Valid French numbers starting 1-7 or 9, from phonenumbers' own metadata."""
    import phonenumbers

    md = phonenumbers.PhoneMetadata.metadata_for_region("FR")
    pats = [d.national_number_pattern for d in (md.fixed_line, md.mobile, md.voip)
            if d is not None and d.national_number_pattern]
    return re.compile("(?:" + "|".join(pats) + ")")


_FR_VALID = _french_patterns()
_PHONE_CACHE: dict[str, tuple[Any, list[FieldError]]] = {}


def french_phone(digits: str) -> str | None:
    """``0612345678`` → ``06 12 34 56 78`` when it is a valid French number written in
    the national way (what ``format_phone`` gives, without parsing); else ``None``."""
    if len(digits) == 10 and digits[0] == "0" and digits[1] in "12345679" \
            and digits.isdigit() and _FR_VALID.fullmatch(digits[1:]):
        return " ".join((digits[0:2], digits[2:4], digits[4:6], digits[6:8], digits[8:10]))
    return None


def _clean_phone(f: Field, text: str) -> tuple[Any, list[FieldError]]:
    """``clean_value`` for a phone; the common national writing is formatted directly
    (``tests/services/test_import_values.py`` checks it gives the same), others remembered.
    """
    fast = french_phone(text)
    if fast is not None:
        return fast, []
    key = f.name + "\x00" + text
    hit = _PHONE_CACHE.get(key)
    if hit is None:
        if len(_PHONE_CACHE) > 200_000:
            _PHONE_CACHE.clear()
        hit = clean_value(f, text)
        _PHONE_CACHE[key] = hit
    return hit


def prepare(f: Field, value: Any, today: dt.date, qpv_names: dict[str, str] | None = None) -> Any:
    """The raw cell made ready for ``clean_value``; :class:`BadValue` when it cannot be."""
    if isinstance(value, str):
        value = value.strip()
    if value is None or value == "":
        return None
    t = f.type
    if t == "date":
        return parse_date(value, today)
    if t == "bool":
        return parse_bool(value)
    if t == "phone":
        return phone_text(value)
    if t == "email":
        text = number_text(value).lower()
        return text[7:] if text.startswith("mailto:") else text
    if t == "code":
        text = number_text(value)
        if f.codelist == "genre":
            return GENRE_WORDS.get(fold(text), text)
        return text
    if t == "codes":
        if isinstance(value, str):
            return [part for part in _MULTI_SPLIT.split(value) if part]
        return [number_text(value)]
    if t == "postcode":
        text = number_text(value).replace(" ", "")
        return text.zfill(5) if text.isdigit() and len(text) < 5 else text
    if t == "qpv":
        text = number_text(value)
        if qpv_names and fold(text) in qpv_names:
            return qpv_names[fold(text)]
        return text
    if t in ("int", "ref"):
        if isinstance(value, str) and re.fullmatch(r"\d+(\.0+)?", value):
            return int(float(value))
        return value
    return number_text(value) if t in ("text", "siret", "departement", "url", "list") \
        else value


_CODE_CACHE: dict[tuple[str, str], str] = {}


def convert(f: Field, value: Any, today: dt.date, qpv_names: dict[str, str] | None = None,
            qpv_reference=None) -> tuple[Any, list[FieldError]]:
    """The stored value of a cell and its problems (errors and warnings).

    ``qpv_reference``: the codes of the loaded QPV list (``None``: no list loaded, a QPV
    code is then accepted with a "not checked" warning, as in a form).
    """
    try:
        ready = prepare(f, value, today, qpv_names)
    except BadValue as exc:
        return None, [FieldError(f.name, exc.code, exc.fr, exc.en, value)]
    if f.type == "phone" and ready:
        stored, problems = _clean_phone(f, ready)
        if problems and isinstance(value, str):  # to check: kept as it was typed
            return to_check(f.name, "phone", number_text(value))
        return stored, problems
    if f.type == "code" and ready is not None and f.codelist:
        key = (f.codelist, ready)
        code = _CODE_CACHE.get(key)
        if code is None:
            entry = codes.ALL[f.codelist].lookup(ready)
            if entry is not None:
                if len(_CODE_CACHE) > 50_000:
                    _CODE_CACHE.clear()
                code = _CODE_CACHE[key] = entry.code
        if code is not None:
            return code, []
    return clean_value(f, ready, today=today, qpv_reference=qpv_reference)
