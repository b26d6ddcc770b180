"""The official list of priority neighbourhoods (QPV) and what people type for one.

The list in force ships with CitésDesk (``assets/qpv/qpv-2024.csv``, ANCT, Licence
Ouverte) and is loaded into every database by migration ``0005_qpv_reference``; a site may
load a newer one (``import qpv``). :class:`QpvList` is that list as read from the
database: it answers ``code in list`` like a set of codes, and :meth:`QpvList.recognise`
turns a cell into a code — the code in any case, "name (code)", or the quarter's name
alone (accents, case, hyphens and spaces ignored; an ambiguous name is settled by the
site's département, else reported with its candidates).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

from citesdesk.core.errors import FieldError
from citesdesk.core.site import get_site
from citesdesk.core.text import date_text, fold_key

#: A 2024 code: QN + département (3 characters: 075, 02A, 974) + two digits + M, I, N or C.
QPV_CODE_RE = re.compile(r"^QN(\d{2}[0-9AB]|97\d)\d{2}[MINC]$")
#: A 2015 code: QP + six digits (no longer in force, still found in old files).
QPV_2015_CODE_RE = re.compile(r"^QP\d{6}$")
#: A code anywhere in a cell ("Goutte d'Or (qn07511m)"), any case.
_CODE_IN_TEXT = re.compile(r"(?<![0-9A-Z])(QN(?:\d{2}[0-9AB]|97\d)\d{2}[A-Z]|QP\d{6})(?![0-9A-Z])",
                           re.I)
_NAME_AND_NOTE = re.compile(r"^(.*?)\s*[(\[]([^()\[\]]*)[)\]]\s*$")

#: What partners write in a QPV column for someone who lives in none (an empty cell).
NOT_IN_A_QPV = frozenset({"non", "no", "n", "0", "aucun", "aucune", "sans", "horsqpv", "nc",
                          "na", "none", "neant", "pasqpv", "nonqpv"})

BUILTIN_FILE = "qpv-2024.csv"
#: What the settings and ``info`` say about the list shipped with CitésDesk.
BUILTIN_LIST = {"source": "builtin", "file": BUILTIN_FILE, "date": "2025-01-01",
                "name_fr": "Liste officielle des QPV 2024 (ANCT)",
                "name_en": "Official 2024 QPV list (ANCT)"}


def well_formed(code: str) -> bool:
    return bool(QPV_CODE_RE.match(code) or QPV_2015_CODE_RE.match(code))


def departement_of(code: str) -> str:
    """The département a code belongs to: ``QN07511M`` → ``75``, ``QN02A01M`` → ``2A``,
    ``QN97421I`` → ``974``, ``QN98701M`` → ``987``."""
    part = code[2:5]
    return part[1:] if part.startswith("0") else part


def builtin_rows() -> list[dict]:
    """The rows of the shipped list (code, name, INSEE codes and communes joined by ``|``)."""
    ref = resources.files("citesdesk") / "assets" / "qpv" / BUILTIN_FILE
    with ref.open(encoding="utf-8", newline="") as f:
        return [{"code": r["code_qpv"], "name": r["libelle"], "insee_com": r["insee_communes"],
                 "commune": r["communes"]} for r in csv.DictReader(f)]


@dataclass(frozen=True)
class Quarter:
    code: str
    name: str
    communes: str  # joined by "|"

    @property
    def departement(self) -> str:
        return departement_of(self.code)

    def label(self) -> str:
        """``QN07511M Goutte D'Or (Paris)``."""
        town = ", ".join(c for c in self.communes.split("|") if c)
        return f"{self.code} {self.name}" + (f" ({town})" if town else "")


@dataclass
class Recognised:
    """What a QPV cell says: the code (or ``None``), whether it names a quarter of the
    list for sure (the person lives in a QPV), and the warnings or error to report."""
    code: str | None
    in_list: bool
    problems: list[FieldError]


def _problem(field: str, code: str, fr: str, en: str, value, severity="warning") -> FieldError:
    return FieldError(field, code, fr, en, value, severity)


class QpvList:
    """The QPV list in force, with the site's QPVs and département to settle ambiguous
    names (a quarter the site covers first, then one of its département)."""

    def __init__(self, quarters: list[Quarter], departement: str | None = None,
                 covered: frozenset[str] = frozenset()) -> None:
        self.quarters = {q.code: q for q in quarters}
        self.departement = departement
        self.covered = covered
        self.by_name: dict[str, list[Quarter]] = {}
        self._search_keys = []  # (quarter, code, name key, communes key)
        for q in quarters:
            name = fold_key(q.name)
            self.by_name.setdefault(name, []).append(q)
            self._search_keys.append((q, q.code.lower(), name, fold_key(q.communes)))

    @classmethod
    def from_db(cls, db) -> QpvList:
        rows = db.execute("SELECT code, name, coalesce(commune, '') FROM qpv ORDER BY code")
        site = get_site(db)
        return cls([Quarter(*r) for r in rows], site["departement"] if site else None,
                   frozenset(filter(None, (site["qpv_codes"] or "").split("|")))
                   if site else frozenset())

    # A collection of codes, for the callers that only ask "is this code in the list?"
    def __contains__(self, code: object) -> bool:
        return code in self.quarters

    def __iter__(self) -> Iterator[str]:
        return iter(self.quarters)

    def __len__(self) -> int:
        return len(self.quarters)

    def get(self, code: str | None) -> Quarter | None:
        return self.quarters.get(code or "")

    def search(self, text: str, limit: int = 20) -> list[Quarter]:
        """Quarters whose code, name or commune contains ``text`` (accents, case, hyphens
        and spaces ignored), the site's département first: what the form's picker offers."""
        key = fold_key(text)
        if not key:
            return []
        hits = [(q, name) for q, code, name, towns in self._search_keys
                if key in code or key in name or key in towns]
        hits.sort(key=lambda h: (h[0].departement != self.departement,
                                 not h[1].startswith(key), h[0].code))
        return [q for q, _ in hits[:limit]]

    def recognise(self, text: str, field: str = "code_qpv") -> Recognised:
        """The code a cell gives, by the rules in the module's docstring."""
        text = " ".join(str(text).split())
        if fold_key(text) in NOT_IN_A_QPV or not fold_key(text):
            return Recognised(None, False, [])
        compact = text.upper().replace(" ", "")
        if well_formed(compact):
            return self._code(compact, field, text)
        found = {m.upper() for m in _CODE_IN_TEXT.findall(text)}
        if len(found) == 1:
            return self._code(found.pop(), field, text)
        name, note = text, None
        if m := _NAME_AND_NOTE.match(text):
            name, note = m.group(1), m.group(2)
        candidates = self.by_name.get(fold_key(name), [])
        if not candidates and note is None:
            return Recognised(None, False, [_problem(
                field, "invalid_qpv",
                f"QPV non reconnu « {text} » : ni un code (QN + département + numéro + M, I, "
                "N ou C, ex. QN07511M) ni le nom d'un quartier de la liste officielle.",
                f"QPV not recognised '{text}': neither a code (QN + département + number + M, "
                "I, N or C, e.g. QN07511M) nor the name of a quarter of the official list.",
                text, "error")])
        if note is not None:
            if not candidates:  # "Centre (Nice)" failed: maybe the brackets belong to the name
                candidates = self.by_name.get(fold_key(text), [])
            else:
                town = fold_key(note)
                narrowed = [q for q in candidates if town and any(
                    fold_key(c) == town for c in q.communes.split("|"))]
                candidates = narrowed or candidates
        if not candidates:
            return self.recognise(name, field) if name and name != text else \
                Recognised(None, False, [_problem(
                    field, "invalid_qpv", f"QPV non reconnu « {text} ».",
                    f"QPV not recognised '{text}'.", text, "error")])
        if len(candidates) > 1:
            local = [q for q in candidates if q.code in self.covered] or \
                [q for q in candidates if q.departement == self.departement]
            candidates = local or candidates
        if len(candidates) == 1:
            return Recognised(candidates[0].code, True, [])
        listed = " ; ".join(q.label() for q in candidates[:12])
        more = len(candidates) - 12
        return Recognised(None, True, [_problem(
            field, "qpv_ambiguous",
            f"Plusieurs QPV s'appellent « {text} » : {listed}"
            + (f" et {more} autres" if more > 0 else "")
            + ". La personne est comptée comme résidente d'un QPV ; indiquez le code du "
            "quartier.",
            f"Several QPVs are called '{text}': {listed}"
            + (f" and {more} others" if more > 0 else "")
            + ". The person is counted as living in a QPV; give the quarter's code.", text)])

    def _code(self, code: str, field: str, typed: str) -> Recognised:
        if not well_formed(code):
            return Recognised(None, False, [_problem(
                field, "invalid_qpv",
                f"Code QPV mal formé « {typed} » : attendu QN + département + numéro + M, I, N "
                "ou C (ex. QN07511M, QN97654C).",
                f"Malformed QPV code '{typed}': expected QN + département + number + M, I, N "
                "or C (e.g. QN07511M, QN97654C).", typed, "error")])
        if code in self.quarters:
            return Recognised(code, True, [])
        if not self.quarters:
            return Recognised(code, False, [_problem(
                field, "qpv_not_checked",
                f"Code QPV « {code} » non vérifié : aucune liste des QPV n'est chargée.",
                f"QPV code '{code}' not checked: no QPV list is loaded.", code)])
        return Recognised(code, False, [_problem(
            field, "unknown_qpv",
            f"Code QPV « {code} » absent de la liste officielle en vigueur : il est gardé et "
            "signalé « non vérifié » ; corrigez-le s'il s'agit d'une faute de frappe.",
            f"QPV code '{code}' is not in the official list in force: it is kept and flagged "
            "'not checked'; correct it if it is a typo.", code)])


def clean_qpv(field: str, value, reference) -> tuple[str | None, list[FieldError]]:
    """``clean_value`` for a QPV field. ``reference``: a :class:`QpvList`, a plain
    collection of codes, or ``None`` (no list)."""
    if not isinstance(reference, QpvList):
        reference = QpvList([Quarter(c, "", "") for c in reference or ()])
    found = reference.recognise(str(value), field)
    return found.code, found.problems


def settle_residence(clean: dict, given: dict, problems: list[FieldError], reference) -> list[FieldError]:
    """A person whose QPV cell names a quarter of the list lives in a QPV, unless the
    "résident QPV" value given with it says otherwise (then a warning). Sets
    ``clean["resident_qpv"]``; returns the warnings to add."""
    if "code_qpv" not in given:
        return []
    code = clean.get("code_qpv")
    ambiguous = any(p.code == "qpv_ambiguous" for p in problems)
    in_list = ambiguous or (code is not None and reference is not None and code in reference)
    if not in_list:
        return []
    resident = clean.get("resident_qpv")
    if resident is None or given.get("resident_qpv") in (None, ""):
        clean["resident_qpv"] = 1
        return []
    if resident == 0:
        what = f"« {code} »" if code else "un quartier de la liste"
        what_en = f"'{code}'" if code else "a quarter of the list"
        return [_problem("resident_qpv", "qpv_contradiction",
                         f"« Résident QPV » dit non, mais le QPV indiqué est {what} de la liste "
                         "officielle : vérifiez laquelle des deux valeurs est juste.",
                         f"'Lives in a QPV' says no, but the QPV given is {what_en} of the "
                         "official list: check which of the two is right.", 0)]
    return []


def list_in_force(db) -> dict:
    """Which QPV list is in force: ``source`` (``builtin``, ``import`` or ``none``), its
    name in both languages, its date (ISO), the file it came from and its row count."""
    rows = db.execute("SELECT count(*), min(loaded_at), max(loaded_at) FROM qpv").fetchone()
    described = db.setting("qpv_list")
    if not rows[0]:
        return {"source": "none", "name_fr": "aucune", "name_en": "none", "date": None,
                "file": None, "rows": 0}
    if not described:  # a list the site loaded before the official one was shipped
        described = {"source": "import", "file": None, "date": (rows[1] or "")[:10],
                     "name_fr": "Liste chargée par le site", "name_en": "List loaded by the site"}
    return {**described, "rows": rows[0]}


def describe(info: dict, lang: str = "fr") -> str:
    """``Liste officielle des QPV 2024 (ANCT), du 01/01/2025 : 1 584 quartiers``."""
    if info["source"] == "none":
        return "aucune liste chargée" if lang == "fr" else "no list loaded"
    date = info.get("date") or ""
    day = date_text(date, lang) or date
    if lang == "fr":
        rows = f"{info['rows']:,}".replace(",", "\u202f")
        file = f" « {info['file']} »" if info["source"] == "import" and info.get("file") else ""
        return f"{info['name_fr']}{file}, du {day} : {rows} quartiers"
    file = f" '{info['file']}'" if info["source"] == "import" and info.get("file") else ""
    return f"{info['name_en']}{file}, of {day}: {info['rows']:,} quarters"


def record_import(db, file_name: str, today: str) -> None:
    """After ``import qpv``: the site's list is now the one in force."""
    db.set_setting("qpv_list", {"source": "import", "file": file_name, "date": today,
                                "name_fr": "Liste chargée par le site",
                                "name_en": "List loaded by the site"})
