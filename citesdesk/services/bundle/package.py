"""The bundle's published format: its members, its Table Schemas, and a validator.

The schemas are written into ``datapackage.json`` (Frictionless Tabular Data Package);
the national side never trusts the schema a bundle carries: it checks that it is this
one, then validates the data against this one with :func:`validate_table`.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from citesdesk.core import codes
from citesdesk.core.indicator_defs import CODES as INDICATOR_CODES
from citesdesk.core.validation import DEPARTEMENT_RE, QPV_2015_RE, QPV_2024_RE

#: Version of the bundle format (``citesdesk.schema_version`` in ``datapackage.json``).
SCHEMA_VERSION = 1

DATAPACKAGE = "datapackage.json"
SIGNATURE = "datapackage.json.minisig"
PUBLIC_KEY = "site-key.pub"

#: Resources in the order they are written (a referenced table before its referrers).
RESOURCES = ("site", "cohortes", "participants", "inscriptions", "evenements",
             "orientations", "partenaires", "indicateurs")
#: Order of validation: a referenced table before the tables that refer to it.
VALIDATION_ORDER = ("site", "cohortes", "participants", "partenaires", "inscriptions",
                    "evenements", "orientations", "indicateurs")
MEMBERS = (DATAPACKAGE, SIGNATURE, PUBLIC_KEY, *(f"data/{r}.csv" for r in RESOURCES))

PSEUDONYM = r"^[A-Z2-7]{26}$"
RECORD_ID = r"^[0-9a-f]{32}$"
QUARTER = r"^[0-9]{4}-T[1-4]$"
QPV = f"^(?:{QPV_2024_RE.pattern[1:-1]}|{QPV_2015_RE.pattern[1:-1]})$"
FREINS = "^(?:{0})(?:\\|(?:{0}))*$".format("|".join(codes.FREIN.values))


@dataclass(frozen=True)
class Col:
    name: str
    type: str  # string, integer, number, boolean, date, yearmonth
    title: str
    required: bool = False
    enum: tuple[str, ...] | None = None
    pattern: str | None = None

    def descriptor(self) -> dict:
        d: dict = {"name": self.name, "type": self.type, "title": self.title}
        if self.type == "boolean":
            d["trueValues"] = ["true"]
            d["falseValues"] = ["false"]
        constraints: dict = {}
        if self.required:
            constraints["required"] = True
        if self.enum is not None:
            constraints["enum"] = list(self.enum)
        if self.pattern is not None:
            constraints["pattern"] = self.pattern
        if constraints:
            d["constraints"] = constraints
        return d


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    columns: tuple[Col, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # (col, resource)

    @property
    def path(self) -> str:
        return f"data/{self.name}.csv"

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def schema(self) -> dict:
        return {
            "fields": [c.descriptor() for c in self.columns],
            "missingValues": [""],
            "primaryKey": list(self.primary_key),
            "foreignKeys": [
                {"fields": col, "reference": {"resource": res, "fields": TABLES[res].primary_key[0]}}
                for col, res in self.foreign_keys
            ],
        }


def _pid(name: str = "id_participant", title: str = "Participant (pseudonyme)") -> Col:
    return Col(name, "string", title, True, pattern=PSEUDONYM)


def _bool(name: str, title: str) -> Col:
    return Col(name, "boolean", title)


TABLES: dict[str, Table] = {t.name: t for t in (
    Table("site", "Site", (
        Col("code_site", "string", "Code du site", True),
        Col("nom", "string", "Nom du site", True),
        Col("departement", "string", "Département", pattern=DEPARTEMENT_RE.pattern),
    ), ("code_site",)),
    Table("cohortes", "Cohortes", (
        Col("id_cohorte", "string", "Cohorte", True),
        Col("nom", "string", "Nom de la cohorte", True),
        Col("date_debut", "date", "Date de début"),
        Col("date_fin", "date", "Date de fin"),
        Col("objectif", "integer", "Objectif (nombre de participants)"),
    ), ("id_cohorte",)),
    Table("participants", "Participants (pseudonymisés)", (
        _pid(),
        Col("annee_naissance", "integer", "Année de naissance"),
        Col("genre", "string", "Genre", True, codes.GENRE.values),
        _bool("resident_qpv", "Résident d'un QPV"),
        Col("code_qpv", "string", "Code du QPV", pattern=QPV),
        Col("niveau_formation", "string", "Niveau de formation", True,
            codes.NIVEAU_FORMATION.values),
        Col("situation_entree", "string", "Situation à l'entrée", True,
            codes.SITUATION_ENTREE.values),
        Col("anciennete_inscription", "string", "Ancienneté d'inscription", True,
            codes.ANCIENNETE_INSCRIPTION.values),
        _bool("connu_spe", "Connu du service public de l'emploi à l'entrée"),
        _bool("brsa", "Bénéficiaire du RSA"),
        _bool("ass", "Allocation de solidarité spécifique"),
        _bool("aah", "Allocation aux adultes handicapés"),
        Col("freins", "string", "Freins périphériques (codes séparés par |)", pattern=FREINS),
    ), ("id_participant",)),
    Table("inscriptions", "Inscriptions dans les cohortes", (
        Col("id_inscription", "string", "Inscription", True, pattern=RECORD_ID),
        _pid(),
        Col("id_cohorte", "string", "Cohorte", True),
        Col("mois_entree", "yearmonth", "Mois d'entrée", True),
        Col("mois_sortie", "yearmonth", "Mois de sortie"),
        Col("motif_sortie", "string", "Motif de sortie", enum=codes.MOTIF_SORTIE.values),
        Col("groupe_sortie", "string", "Groupe de sortie", enum=codes.GROUPE_SORTIE.values),
    ), ("id_inscription",), (("id_participant", "participants"), ("id_cohorte", "cohortes"))),
    Table("evenements", "Étapes du parcours", (
        Col("id_evenement", "string", "Étape", True, pattern=RECORD_ID),
        _pid(),
        Col("mois", "yearmonth", "Mois", True),
        Col("type", "string", "Type d'étape", True, codes.TYPE_EVENEMENT.values),
        Col("code_contrat", "string", "Type de contrat", enum=codes.CODE_CONTRAT.values),
        Col("code_frein", "string", "Frein levé", enum=codes.FREIN.values),
        Col("id_partenaire", "string", "Partenaire"),
    ), ("id_evenement",), (("id_participant", "participants"), ("id_partenaire", "partenaires"))),
    Table("orientations", "Orientations", (
        Col("id_orientation", "string", "Orientation", True, pattern=RECORD_ID),
        _pid(),
        Col("id_partenaire", "string", "Partenaire", True),
        Col("mois_creation", "yearmonth", "Mois de création", True),
        Col("statut", "string", "Statut", True, codes.STATUT_ORIENTATION.values),
        Col("mois_statut", "yearmonth", "Mois du statut", True),
    ), ("id_orientation",), (("id_participant", "participants"),
                             ("id_partenaire", "partenaires"))),
    Table("partenaires", "Partenaires (organisations)", (
        Col("id_partenaire", "string", "Partenaire", True),
        Col("type", "string", "Type de partenaire", True, codes.TYPE_PARTENAIRE.values),
        Col("nom", "string", "Nom", True),
        Col("siret", "string", "SIRET", pattern=r"^[0-9]{14}$"),
    ), ("id_partenaire",)),
    Table("indicateurs", "Indicateurs trimestriels (tous participants)", (
        Col("trimestre", "string", "Trimestre", True, pattern=QUARTER),
        Col("code", "string", "Indicateur", True, INDICATOR_CODES),
        Col("trimestre_valeur", "number", "Valeur du trimestre"),
        Col("cumul_valeur", "number", "Cumul"),
    ), ("trimestre", "code")),
)}


# --- CSV --------------------------------------------------------------------------------

def csv_bytes(table: Table, rows) -> tuple[bytes, int]:
    """RFC 4180 CSV (UTF-8, no BOM, CRLF) of ``rows`` (tuples in column order)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(table.names)
    rows = rows if isinstance(rows, list) else list(rows)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8"), len(rows)


# --- validation -------------------------------------------------------------------------

_YEARMONTH = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])$")
_DATE = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")
_INTEGER = re.compile(r"^-?[0-9]+$")
_NUMBER = re.compile(r"^-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")
_CHECK = {
    "yearmonth": _YEARMONTH.match, "date": _DATE.match, "integer": _INTEGER.match,
    "number": _NUMBER.match, "boolean": lambda v: v in ("true", "false"), "string": bool,
}


class SchemaViolation(Exception):
    """The data does not follow the published schema; ``errors`` says where."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors[:5]))
        self.errors = errors


def read_table(table: Table, data: bytes) -> list[list[str]]:
    """Rows of a member (header checked), or :class:`SchemaViolation`."""
    if data.startswith(b"\xef\xbb\xbf"):
        raise SchemaViolation([f"{table.path}: byte order mark not allowed"])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SchemaViolation([f"{table.path}: not UTF-8 ({exc})"]) from None
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        raise SchemaViolation([f"{table.path}: malformed CSV ({exc})"]) from None
    if not rows or rows[0] != table.names:
        raise SchemaViolation([f"{table.path}: header must be {','.join(table.names)}"])
    return rows[1:]


def columns_of(table: Table, rows: list[list[str]]) -> tuple[list[tuple], list[str]]:
    """``(columns, errors)``: the cells column by column, or an error if a row has the wrong
    number of cells."""
    width = len(table.columns)
    if set(map(len, rows)) - {width}:
        n, row = next((n, r) for n, r in enumerate(rows, start=2) if len(r) != width)
        return [], [f"{table.path} row {n}: {len(row)} cells, {width} expected"]
    return (list(zip(*rows, strict=True)) if rows else [() for _ in table.columns]), []


def validate_table(table: Table, rows: list[list[str]], keys: dict[str, set]) -> list[str]:
    """Errors of ``rows`` against ``table`` (see :func:`validate_columns`)."""
    columns, errors = columns_of(table, rows)
    return errors or validate_columns(table, columns, keys)


def validate_columns(table: Table, columns: list[tuple], keys: dict[str, set]) -> list[str]:
    """Errors of a table's ``columns`` (types, required, enum, pattern, keys).

    Checked column by column over distinct values (fast on 100,000 rows); each error
    names the first row where it occurs. ``keys`` maps resource names already validated
    to their primary key values, and gets this table's keys added; foreign keys are
    checked against it.
    """
    errors: list[str] = []

    def where(col_index: int, bad) -> str:
        n = next(n for n, v in enumerate(columns[col_index], start=2) if bad(v))
        return f"{table.path} row {n}, {table.columns[col_index].name}"

    for i, col in enumerate(table.columns):
        distinct = set(columns[i])
        if col.required and "" in distinct:
            errors.append(f"{where(i, lambda v: v == '')}: required")
        distinct.discard("")
        check = _CHECK[col.type]
        bad = {v for v in distinct if not check(v)}
        if not bad and col.enum is not None:
            bad = distinct - set(col.enum)
        if not bad and col.pattern is not None:
            rx = re.compile(col.pattern)
            bad = {v for v in distinct if not rx.fullmatch(v)}
        if bad:
            value = next(v for v in columns[i] if v in bad)
            errors.append(f"{where(i, lambda v, b=bad: v in b)}: invalid value {value[:40]!r} "
                          f"(type {col.type}"
                          + (", code list" if col.enum else "")
                          + (f", form {col.pattern}" if col.pattern else "") + ")")
    pk_idx = [table.names.index(n) for n in table.primary_key]
    pk = columns[pk_idx[0]] if len(pk_idx) == 1 else list(zip(*(columns[i] for i in pk_idx), strict=True))
    pk_set = set(pk)
    if len(pk_set) != len(pk):
        seen: set = set()
        for n, key in enumerate(pk, start=2):
            if key in seen:
                errors.append(f"{table.path} row {n}: primary key {key!r} repeated")
                break
            seen.add(key)
    for col, res in table.foreign_keys:
        i = table.names.index(col)
        missing = set(columns[i]) - keys.get(res, set()) - {""}
        if missing:
            errors.append(f"{where(i, lambda v, m=missing: v in m)}: not found in {res}")
    if len(pk_idx) == 1:
        keys[table.name] = pk_set
    return errors
