"""The full workbook (``citesdesk export workbook``): every kind of record, one sheet each.

French headers from the field declarations of :mod:`citesdesk.core.model`, the label
next to every code, dates as dates, the referenced record's name next to its identifier.
Records in the bin are left out. It holds personal data (names, contacts); by the
project's rules it never holds health data per person (RQTH) nor private notes.
Written by :mod:`~citesdesk.services.export.fastxlsx` (xlsxwriter's frame, rows streamed
to disk as they come): twice as fast as xlsxwriter alone, memory flat.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from citesdesk.core import codes
from citesdesk.core.model import KINDS, Field
from citesdesk.services import Progress, no_progress
from citesdesk.services.export.fastxlsx import MAX_ROWS, FastWorkbook
from citesdesk.services.export.output import atomic_file

#: Sheet name of each kind, in the workbook's order.
SHEET_NAMES = {
    "site": "Site", "cohort": "Cohortes", "participant": "Participants",
    "enrollment": "Inscriptions", "event": "Étapes", "referral": "Orientations",
    "referral_status": "Statuts des orientations", "partner": "Partenaires",
    "partner_contact": "Contacts", "partner_exchange": "Échanges", "note": "Notes",
}
#: How a reference is shown: (table, SQL giving its readable name).
_REF_NAME = {
    "participant": "coalesce(x.last_name, '') || ' ' || coalesce(x.first_name, '')",
    "cohort": "x.name", "partner": "x.name",
    "referral": "x.date",
}
#: Extra filter per kind (private notes stay out).
_WHERE = {"note": " AND t.private = 0"}


@dataclass
class Column:
    header: str
    type: str  # text, date, int
    sql: str
    convert: Callable | None = None


@dataclass
class WorkbookExport:
    path: Path
    counts: dict[str, int] = field(default_factory=dict)


def _bool(v):
    return "" if v is None else ("Oui" if v else "Non")


def _labeller(codelist: str) -> Callable:
    table = {c.code: c.fr for c in codes.ALL[codelist]}
    return lambda v: table.get(v, v) if v else ""


def _multi_labeller(codelist: str) -> Callable:
    table = {c.code: c.fr for c in codes.ALL[codelist]}
    return lambda v: ", ".join(table.get(x, x) for x in v.split("|") if x) if v else ""


def columns(kind: str) -> list[Column]:
    """The columns of a kind's sheet (health data left out)."""
    out = [Column("Identifiant", "text", "t.uuid")]
    for f in KINDS[kind].fields:
        if f.health:
            continue
        out.extend(_field_columns(f))
    return out


def _field_columns(f: Field) -> list[Column]:
    col = f"t.{f.name}"
    if f.type == "ref":
        name = _REF_NAME[f.ref].replace("x.", f"r_{f.name}.")
        return [Column(f.fr, "date" if f.ref == "referral" else "text", name),
                Column(f"{f.fr} (identifiant)", "text", f"r_{f.name}.uuid")]
    if f.type == "code":
        return [Column(f"{f.fr} (code)", "text", col),
                Column(f.fr, "text", col, _labeller(f.codelist))]
    if f.type == "codes":
        return [Column(f"{f.fr} (codes)", "text", col),
                Column(f.fr, "text", col, _multi_labeller(f.codelist))]
    if f.type == "bool":
        return [Column(f.fr, "text", col, _bool)]
    if f.type == "date":
        return [Column(f.fr, "date", col)]
    if f.type == "int":
        return [Column(f.fr, "int", col)]
    return [Column(f.fr, "text", col)]


def _query(kind: str, cols: list[Column]) -> str:
    joins = "".join(
        f" LEFT JOIN {f.ref} r_{f.name} ON r_{f.name}.id = t.{f.name}"
        for f in KINDS[kind].fields if f.type == "ref")
    select = ", ".join(c.sql for c in cols)
    return (f"SELECT {select} FROM {kind} t{joins} WHERE t.deleted_at IS NULL"
            f"{_WHERE.get(kind, '')} ORDER BY t.id")


def _sheet_rows(db, kind: str, cols: list[Column]):
    """The rows of one sheet, in column order, each value converted for the workbook."""
    converters = [(i, c.convert) for i, c in enumerate(cols) if c.convert]
    cur = db.execute(_query(kind, cols))
    if not converters:
        yield from cur
        return
    for row in cur:
        row = list(row)
        for i, conv in converters:
            row[i] = conv(row[i])
        yield row


def _printing(db):
    """Each sheet's print settings: the site and the day of the export in the header."""
    from citesdesk.services.export import print_setup
    from citesdesk.services.export.quarterly import site_identity

    name, code = site_identity(db)
    site = f"{name} ({code})" if code else name
    period = f"Classeur complet au {dt.date.today():%d/%m/%Y}"

    def setup(ws, sheet: str, width: float) -> None:
        print_setup.setup(ws, site=site, period=period, title=sheet, repeat_rows=(0, 0),
                          width=width)
    return setup


def export_workbook(db, out, *, password: str | None = None,
                    progress: Progress = no_progress) -> WorkbookExport:
    """Write every record (not in the bin) to ``out``, one sheet per kind."""
    kinds = list(SHEET_NAMES)
    totals = {k: db.execute(f"SELECT count(*) FROM {k} t WHERE t.deleted_at IS NULL"
                            f"{_WHERE.get(k, '')}").fetchone()[0] for k in kinds}
    grand, done = sum(totals.values()) or 1, 0
    result = WorkbookExport(Path(out))
    with atomic_file(out, password) as target:
        wb = FastWorkbook(print_setup=_printing(db), tmpdir=os.path.dirname(target))
        for kind in kinds:
            progress(done, grand, SHEET_NAMES[kind])
            cols = columns(kind)
            rows = _sheet_rows(db, kind, cols)
            result.counts[kind] = 0
            for part in itertools.count(1):  # past Excel's last row, a second sheet
                name = SHEET_NAMES[kind] + (f" ({part})" if part > 1 else "")
                base = done
                n = wb.add_table(name, [c.header for c in cols], [c.type for c in cols],
                                 itertools.islice(rows, MAX_ROWS - 1),
                                 progress=lambda k, b=base, s=name: progress(b + k, grand, s))
                result.counts[kind] += n
                done += n
                if n < MAX_ROWS - 1:
                    break
        progress(grand, grand, "Enregistrement du fichier")
        wb.close(target)
        if not getattr(db, "readonly", False):  # logged before the file takes its name
            from citesdesk.core.audit import audit

            with db.atomic():
                audit(db, "export_workbook", "export", None,
                      {"fichier": Path(out).name, "chiffre": bool(password),
                       "enregistrements": sum(result.counts.values())})
    return result
