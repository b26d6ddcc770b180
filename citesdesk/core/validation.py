"""Checking and normalising field values, with structured errors in French and English.

``clean_value`` handles one value of one declared field; ``validate_record`` a whole
record, with the rules that tie fields together. Imports, forms and services all call
these, so a value is judged the same way wherever it comes from.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Collection
from typing import Any

import phonenumbers
from stdnum.fr import siret as stdnum_siret

from citesdesk.core import codes, contact_check, qpv
from citesdesk.core.errors import FieldError, ValidationFailed
from citesdesk.core.model import KINDS, Field, Kind
from citesdesk.core.safe_text import screen
from citesdesk.core.text import MONTHS_EN, fold

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
QPV_2024_RE = qpv.QPV_CODE_RE  # the last letter: M, I, N or C (Mayotte)
QPV_2015_RE = re.compile(r"^QP\d{6}$")
DEPARTEMENT_RE = re.compile(r"^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$")
POSTCODE_RE = re.compile(r"^(0[1-9]|[1-8]\d|9[0-8])\d{3}$")
URL_RE = re.compile(r"^(https?://)?[^\s/$.?#]+\.[^\s]+$", re.I)

MIN_AGE, MAX_AGE = 15, 90
MIN_YEAR, MAX_YEAR = 1900, 2100

DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d",
                "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S")
_SPELLED = re.compile(r"^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})$")
TRUE_WORDS = {"1", "oui", "o", "yes", "y", "vrai", "true", "x"}
FALSE_WORDS = {"0", "non", "n", "no", "faux", "false"}


def _err(field: str, code: str, fr: str, en: str, value=None, severity="error") -> FieldError:
    return FieldError(field, code, fr, en, value, severity)


def parse_date(value: Any) -> dt.date | None:
    """A date from a ``date``/``datetime`` or text (``YYYY-MM-DD``, ``dd/mm/yyyy``,
    ``dd-mm-yyyy``, ``dd.mm.yyyy``, ``03 Dec 2026`` as the English window shows
    dates…); ``None`` when empty; ``ValueError`` when impossible
    (31/02, a year before 1900 or after 2100, two-digit years: ambiguous for births).
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    else:
        text = str(value).strip()
        spelled = _SPELLED.match(text)
        numeric = text
        if spelled and spelled.group(2).title() in MONTHS_EN:
            numeric = (f"{spelled.group(1)}/{MONTHS_EN.index(spelled.group(2).title()) + 1}"
                       f"/{spelled.group(3)}")
        for fmt in DATE_FORMATS:
            try:
                day = dt.datetime.strptime(numeric, fmt).date()
                break
            except ValueError:
                continue
        else:
            raise ValueError(text)
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ValueError(str(value))
    return day


def parse_bool(value: Any) -> int:
    """0 or 1 from a bool, 0/1, or a word (oui/non, yes/no, vrai/faux, x); else ``ValueError``."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float) and value in (0, 1):
        return int(value)
    if isinstance(value, str):
        word = fold(value)
        if word in TRUE_WORDS:
            return 1
        if word in FALSE_WORDS:
            return 0
    raise ValueError(value)


#: Overseas départements dial ``0262…``, ``0590…`` nationally but have their own country code.
OVERSEAS_REGIONS = ("RE", "GP", "MQ", "GF", "YT", "PM")


def parse_phone(value: str) -> phonenumbers.PhoneNumber:
    """The number written in ``value`` (French national, overseas, or ``+``/``00``
    international); ``ValueError`` when it is not a valid number."""
    for region in ("FR", *OVERSEAS_REGIONS):
        try:
            number = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            raise ValueError(value) from None
        if phonenumbers.is_valid_number(number):
            return number
    raise ValueError(value)


def format_phone(value: str) -> str:
    """A phone number in its usual writing: ``06 12 34 56 78`` in France, else ``+CC …``
    (``+262 262 20 12 34`` for La Réunion)."""
    number = parse_phone(value)
    if number.country_code == 33:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def clean_value(f: Field, value: Any, *, today: dt.date | None = None,
                qpv_reference: Collection[str] | None = None) -> tuple[Any, list[FieldError]]:
    """The stored form of ``value`` for field ``f``, and the problems found.

    An error leaves the value unusable; a warning (``severity="warning"``) keeps it.
    ``qpv_reference``: the codes of the loaded QPV list; ``None`` when no list is loaded
    (a well-shaped QPV code is then accepted with a "not checked" warning).
    """
    problems: list[FieldError] = []
    if isinstance(value, str):
        value = unicodedata.normalize("NFC", value).strip()
        value, screened = screen(f, value)  # invisible characters, length (safe_text.py)
        if screened:
            problems.extend(screened)
            if any(p.severity == "error" for p in screened):
                return None, problems
            value = value.strip()
    if value is None or value == "" or (f.type in ("codes", "list") and value in ((), [])):
        if f.required:
            problems.append(_err(f.name, "required", "Ce champ est obligatoire.",
                                 "This field is required.", value))
        return (f.default if f.default is not None else None), problems

    t = f.type
    try:
        if t in ("text", "longtext"):
            return str(value), problems
        if t == "date":
            d = parse_date(value)
            return d.isoformat(), problems
        if t == "bool":
            return parse_bool(value), problems
        if t in ("int", "ref"):
            if isinstance(value, bool):
                raise ValueError(value)
            number = int(value)
            if number < 0 or (isinstance(value, float) and value != number):
                raise ValueError(value)
            return number, problems
        if t == "code":
            entry = codes.ALL[f.codelist].lookup(str(value))
            if entry is None:
                allowed = ", ".join(codes.ALL[f.codelist].values)
                problems.append(_err(
                    f.name, "unknown_code",
                    f"Code inconnu « {value} ». Codes acceptés : {allowed}.",
                    f"Unknown code '{value}'. Accepted codes: {allowed}.", value))
                return None, problems
            return entry.code, problems
        if t == "codes":
            items = value.split("|") if isinstance(value, str) else list(value)
            found = []
            for item in items:
                if not str(item).strip():
                    continue
                entry = codes.ALL[f.codelist].lookup(str(item))
                if entry is None:
                    allowed = ", ".join(codes.ALL[f.codelist].values)
                    problems.append(_err(
                        f.name, "unknown_code",
                        f"Code inconnu « {item} ». Codes acceptés : {allowed}.",
                        f"Unknown code '{item}'. Accepted codes: {allowed}.", item))
                else:
                    found.append(entry.code)
            return codes.freins_to_text(found) if f.codelist == "frein" else "|".join(found), problems
        if t == "list":
            items = value.split("|") if isinstance(value, str) else list(value)
            return "|".join(str(i).strip() for i in items if str(i).strip()), problems
        if t == "phone":
            try:
                return format_phone(str(value)), problems
            except (ValueError, phonenumbers.NumberParseException):
                return contact_check.to_check(f.name, "phone", value)
        if t == "email":
            text = str(value)
            if not EMAIL_RE.match(text):
                return contact_check.to_check(f.name, "email", value)
            return text.lower(), problems
        if t == "siret":
            compact = stdnum_siret.compact(str(value))
            if not stdnum_siret.is_valid(compact):
                problems.append(_err(
                    f.name, "invalid_siret",
                    f"SIRET invalide « {value} » : il faut 14 chiffres dont la clé est juste.",
                    f"Invalid SIRET '{value}': 14 digits with a correct check digit are needed.",
                    value))
                return None, problems
            return compact, problems
        if t == "postcode":
            text = str(value).replace(" ", "")
            if text.isdigit() and len(text) == 4:
                text = "0" + text
            if not POSTCODE_RE.match(text):
                raise ValueError(text)
            return text, problems
        if t == "qpv":
            return qpv.clean_qpv(f.name, value, qpv_reference)
        if t == "departement":
            text = str(value).upper().strip()
            if text.isdigit() and len(text) == 1:
                text = "0" + text
            if not DEPARTEMENT_RE.match(text):
                raise ValueError(text)
            return text, problems
        if t == "url":
            text = str(value)
            if not URL_RE.match(text):
                raise ValueError(text)
            return text, problems
    except (ValueError, TypeError, phonenumbers.NumberParseException):
        pass
    problems.append(_invalid(f, value))
    return None, problems


_INVALID = {
    "date": ("Date impossible « {v} » : écrivez-la jj/mm/aaaa.",
             "Impossible date '{v}': write it like 03 Dec 2026 or dd/mm/yyyy."),
    "bool": ("Valeur « {v} » : attendu oui ou non.", "Value '{v}': expected yes or no."),
    "int": ("Nombre entier attendu, pas « {v} ».", "A whole number is expected, not '{v}'."),
    "ref": ("Référence invalide « {v} ».", "Invalid reference '{v}'."),
    "phone": ("Numéro de téléphone invalide « {v} ».", "Invalid phone number '{v}'."),
    "email": ("Adresse de courriel invalide « {v} ».", "Invalid e-mail address '{v}'."),
    "postcode": ("Code postal invalide « {v} » : cinq chiffres attendus.",
                 "Invalid postcode '{v}': five digits expected."),
    "departement": ("Département invalide « {v} » (ex. 75, 2A, 974).",
                    "Invalid département '{v}' (e.g. 75, 2A, 974)."),
    "url": ("Adresse web invalide « {v} ».", "Invalid web address '{v}'."),
}


def _invalid(f: Field, value: Any) -> FieldError:
    fr, en = _INVALID.get(f.type, ("Valeur invalide « {v} ».", "Invalid value '{v}'."))
    code = f"invalid_{f.type}" if f.type in _INVALID else "invalid"
    return _err(f.name, code, fr.format(v=value), en.format(v=value), value)


def _cross_checks(kind: str, rec: dict, today: dt.date) -> list[FieldError]:
    out: list[FieldError] = []
    if kind == "participant" and rec.get("birth_date"):
        birth = dt.date.fromisoformat(rec["birth_date"])
        if birth > today:
            out.append(_err("birth_date", "future_date",
                            "La date de naissance est dans le futur.",
                            "The date of birth is in the future.", rec["birth_date"]))
        else:
            age = age_on(birth, today)
            if age < MIN_AGE or age > MAX_AGE:
                out.append(_err("birth_date", "unlikely_age",
                                f"Âge peu vraisemblable ({age} ans) : vérifiez la date de naissance.",
                                f"Unlikely age ({age}): check the date of birth.",
                                rec["birth_date"], "warning"))
    if kind == "enrollment":
        entree, sortie = rec.get("date_entree"), rec.get("date_sortie")
        if entree and sortie and sortie < entree:
            out.append(_err("date_sortie", "exit_before_entry",
                            "La date de sortie précède la date d'entrée.",
                            "The exit date is before the entry date.", sortie))
        if sortie and not rec.get("motif_sortie"):
            out.append(_err("motif_sortie", "required",
                            "Indiquez le motif de sortie.", "Give the exit reason."))
        if rec.get("motif_sortie") and not sortie:
            out.append(_err("date_sortie", "required",
                            "Indiquez la date de sortie.", "Give the exit date."))
    if kind == "event":
        if rec.get("code_contrat") and not codes.event_field_applies("code_contrat", rec.get("type")):
            out.append(_err("code_contrat", "not_allowed",
                            "Un type de contrat ne se donne que pour un début d'emploi.",
                            "A contract type is only given for a job start.", rec["code_contrat"]))
        if rec.get("code_frein") and not codes.event_field_applies("code_frein", rec.get("type")):
            out.append(_err("code_frein", "not_allowed",
                            "Un frein ne se donne que pour une levée de frein.",
                            "A barrier is only given for a removed barrier.", rec["code_frein"]))
    if kind == "cohort":
        start, end = rec.get("start_date"), rec.get("end_date")
        if start and end and end < start:
            out.append(_err("end_date", "end_before_start",
                            "La date de fin précède la date de début.",
                            "The end date is before the start date.", end))
    return out


def validate_record(
    kind: str | Kind,
    values: dict[str, Any],
    *,
    existing: dict[str, Any] | None = None,
    today: dt.date | None = None,
    qpv_reference: Collection[str] | None = None,
) -> tuple[dict[str, Any], list[FieldError]]:
    """Clean ``values`` for a record of ``kind``; raise :class:`ValidationFailed` on errors.

    With ``existing`` (an update), only the given fields are cleaned, and cross-field rules
    are checked on the merged record. Returns the cleaned values and the warnings.
    Unknown field names are refused (nothing is stored that the code lists do not name).
    ``qpv_reference``: see :func:`clean_value`.
    """
    k = KINDS[kind] if isinstance(kind, str) else kind
    today = today or dt.date.today()
    errors: list[FieldError] = []
    clean: dict[str, Any] = {}
    for name in values:
        if name not in k.names:
            errors.append(_err(name, "unknown_field", f"Champ inconnu « {name} ».",
                               f"Unknown field '{name}'."))
    fields = k.fields if existing is None else [f for f in k.fields if f.name in values]
    for f in fields:
        value, problems = clean_value(f, values.get(f.name), today=today,
                                      qpv_reference=qpv_reference)
        errors.extend(problems)
        clean[f.name] = value
    if k.name == "participant":
        errors.extend(qpv.settle_residence(clean, values, errors, qpv_reference))
        contact_check.settle_flags(clean, values, errors, existing)
    merged = {**(existing or {}), **clean}
    errors.extend(_cross_checks(k.name, merged, today))
    hard = [e for e in errors if e.severity == "error"]
    if hard:
        raise ValidationFailed(hard, k.name)
    return clean, [e for e in errors if e.severity != "error"]
