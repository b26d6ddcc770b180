"""The dry run: every cell converted and checked, every row given an action, nothing written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from citesdesk.core.errors import CitesDeskError, FieldError, ValidationFailed
from citesdesk.core.validation import validate_record
from citesdesk.services import no_progress
from citesdesk.services.importer.columns import COLUMNS, Column, column
from citesdesk.services.importer.mapping import column_letter
from citesdesk.services.importer.plan import ImportPlan, Issue, RowResult, basis
from citesdesk.services.importer.table import Table
from citesdesk.services.importer.values import convert

PROGRESS_EVERY = 500
MEMO_TYPES = ("code", "codes", "bool", "postcode", "date", "qpv")
MEMO_SIZE = 5_000

#: Columns an import cannot do without: all of one group at least.
REQUIRED: dict[str, tuple[tuple[str, ...], ...]] = {
    "participants": (("last_name", "first_name"),),
    "events": (("type", "date"),),
    "partners": (("name", "type"),),
    "qpv": (("code", "name"),),
}
#: For events, one way at least to find the participant.
EVENT_PERSON = (("ft_id",), ("ml_id",), ("other_id",), ("last_name", "first_name", "birth_date"))


@dataclass
class Cell:
    index: int
    column: Column
    letter: str
    header: str


class RowContext:
    """Converts one row's mapped cells and gathers the issues with their cell named."""

    def __init__(self, cells: list[Cell], today: dt.date, qpv_names: dict | None,
                 qpv_reference: set[str] | None = None) -> None:
        self.cells = cells
        self.by_key = {c.column.key: c for c in cells}
        self.today = today
        self.qpv_names = qpv_names
        self.qpv_reference = qpv_reference
        # Columns whose values repeat (codes, dates, postcodes…): each distinct cell is
        # converted once (conversion depends on the cell alone).
        self.memo: dict[str, dict] = {c.column.key: {} for c in cells
                                      if c.column.field.type in MEMO_TYPES}

    def read(self, number: int, raw: list) -> tuple[RowResult, dict[str, object]]:
        result = RowResult(number)
        values: dict[str, object] = {}
        for c in self.cells:
            cell = raw[c.index]
            memo = self.memo.get(c.column.key)
            key = (type(cell), cell)  # True == 1 == 1.0: the type keeps them apart
            hit = memo.get(key) if memo is not None else None
            if hit is None:
                hit = convert(c.column.field, cell, self.today, self.qpv_names,
                              self.qpv_reference)
                if memo is not None and len(memo) < MEMO_SIZE:
                    memo[key] = hit
            value, problems = hit
            values[c.column.key] = value
            for p in problems:
                result.issues.append(self.issue(number, p, c.column.key, raw[c.index]))
        return result, values

    def issue(self, number: int, problem: FieldError, key: str | None = None,
              value: object = None) -> Issue:
        cell = self.by_key.get(key or problem.field)
        return Issue(number, cell.letter if cell else None, cell.header if cell else None,
                     key or problem.field, problem.code, problem.message_fr, problem.message_en,
                     problem.severity, value if value is not None else problem.value)

    def cross_check(self, result: RowResult, kind: str, values: dict,
                    prefix: str = "") -> None:
        """The rules that tie fields together (validation's), on already cleaned values."""
        try:
            _, warnings = validate_record(kind, {}, existing=values, today=self.today)
        except ValidationFailed as exc:
            warnings = exc.errors
        for w in warnings:
            result.issues.append(self.issue(result.row, w, prefix + w.field))

    def row_error(self, result: RowResult, key: str, code: str, fr: str, en: str,
                  severity: str = "error") -> None:
        result.issues.append(self.issue(
            result.row, FieldError(key, code, fr, en, None, severity), key))


def check_mapping(table: Table, mapping: dict[int, str | None]) -> None:
    mapped = {k for k in mapping.values() if k}
    missing = [key for group in REQUIRED[table.kind] for key in group if key not in mapped]
    if table.kind == "events" and not any(all(k in mapped for k in g) for g in EVENT_PERSON):
        missing.append("ft_id | last_name + first_name + birth_date")
    if missing:
        names_fr = ", ".join(f"« {column(table.kind, k).header} »" if "|" not in k
                             else "un identifiant ou « Nom » + « Prénom » + « Date de naissance »"
                             for k in missing)
        names_en = ", ".join(f"'{column(table.kind, k).header}'" if "|" not in k
                             else "an id or 'Nom' + 'Prénom' + 'Date de naissance'"
                             for k in missing)
        found = ", ".join(f"« {h} »" for h in table.headers if h)
        raise CitesDeskError(
            f"{table.where('fr')} : colonnes indispensables introuvables : {names_fr}. "
            f"En-têtes lus (ligne {table.header_row}) : {found}. Renommez les colonnes, "
            "utilisez le modèle (citesdesk import-template) ou donnez la correspondance "
            "(--mapping).",
            f"{table.where('en')}: required columns not found: {names_en}. Headers read "
            f"(row {table.header_row}): {found}. Rename the columns, use the template "
            "(citesdesk import-template) or give the mapping (--mapping).")
    seen: dict[str, int] = {}
    for i, key in mapping.items():
        if key and key in seen:
            raise CitesDeskError(
                f"{table.where('fr')} : les colonnes {column_letter(seen[key])} et "
                f"{column_letter(i)} vont toutes deux vers « {column(table.kind, key).header} ».",
                f"{table.where('en')}: columns {column_letter(seen[key])} and "
                f"{column_letter(i)} both go to '{column(table.kind, key).header}'.")
        seen[key] = i


def analyse(db, table: Table, mapping: dict[int, str | None], *, on_duplicate: str = "skip",
            progress: Callable = no_progress, today: dt.date | None = None) -> ImportPlan:
    """The dry run of importing ``table`` with ``mapping``: an :class:`ImportPlan`."""
    if on_duplicate not in ("skip", "update", "create"):
        raise ValueError(on_duplicate)
    check_mapping(table, mapping)
    today = today or dt.date.today()
    keys = {c.key: c for c in COLUMNS[table.kind]}
    cells = [Cell(i, keys[k], column_letter(i), table.headers[i] if i < len(table.headers) else "")
             for i, k in sorted(mapping.items()) if k]
    from citesdesk.services.records import qpv_reference

    # The list in force recognises codes in any case, "name (code)" and names alone.
    ctx = RowContext(cells, today, None, qpv_reference(db))
    plan = ImportPlan(table.kind, table, dict(mapping), on_duplicate, today=today,
                      basis=basis(db))
    from citesdesk.services.importer import events, participants, partners, qpv

    module = {"participants": participants, "events": events, "partners": partners,
              "qpv": qpv}[table.kind]
    checker = module.Checker(db, plan, ctx)
    total = len(table.rows)
    progress(0, total, "")
    for n, (number, raw) in enumerate(table.rows, 1):
        result, values = ctx.read(number, raw)
        checker.check(result, values)
        plan.rows.append(result)
        if n % PROGRESS_EVERY == 0:
            progress(n, total, "")
    checker.finish()
    progress(total, total, "")
    return plan
