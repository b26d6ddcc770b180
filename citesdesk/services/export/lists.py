"""Exporting a list as shown (its filtered rows, its visible columns) to .xlsx or .csv.

The .csv is what French Excel opens with a double click: UTF-8 with a byte-order mark,
``;`` between fields, ``\\r\\n`` line ends, dates ``dd/mm/yyyy``, decimal comma. Text that
a spreadsheet would evaluate as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab
or carriage return) is prefixed with an apostrophe in the .csv, the usual way to make
Excel and LibreOffice show it as text; in the .xlsx it is a plain text cell.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from citesdesk.core.errors import CitesDeskError
from citesdesk.core.text import to_date
from citesdesk.services import Progress, no_progress
from citesdesk.services.export.output import atomic_file
from citesdesk.services.export.sheet import (
    DANGEROUS_STARTS,
    Formats,
    new_workbook,
    write_table,
)

FORMATS = ("xlsx", "csv")


@dataclass(frozen=True)
class ListColumn:
    """A visible column: its header as shown and the type of its values
    (``text``, ``date``, ``int``, ``number``, ``percent``)."""

    header: str
    type: str = "text"


@dataclass
class ListExport:
    path: Path
    rows: int
    format: str


def format_of(path) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise CitesDeskError(
            f"Format « .{suffix} » non pris en charge : choisissez un fichier .xlsx ou .csv.",
            f"Format '.{suffix}' is not supported: choose an .xlsx or .csv file.")
    return suffix


def csv_text(value, kind: str = "text") -> str:
    """One value as written in the French .csv."""
    if value is None or value == "":
        return ""
    if kind == "date":
        d = to_date(value)
        if d is not None:
            return d.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return "Oui" if value else "Non"
    if isinstance(value, (int, float)) and kind in ("int", "number", "percent", "text"):
        if kind == "percent":
            return f"{value * 100:.1f} %".replace(".", ",")
        return str(value).replace(".", ",")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    s = str(value)
    return "'" + s if s.startswith(DANGEROUS_STARTS) else s


def export_list(out, columns: Sequence[ListColumn], rows: Iterable[Sequence], *,
                sheet: str = "Liste", progress: Progress = no_progress) -> ListExport:
    """Write ``rows`` (one sequence of values per row, in the order of ``columns``)."""
    fmt_name = format_of(out)
    n = 0
    with atomic_file(out) as target:
        if fmt_name == "csv":
            with open(target, "w", encoding="utf-8-sig", newline="") as fh:
                w = csv.writer(fh, delimiter=";", lineterminator="\r\n")
                w.writerow([c.header for c in columns])
                kinds = [c.type for c in columns]
                for row in rows:
                    w.writerow([csv_text(v, k) for v, k in zip(row, kinds, strict=False)])
                    n += 1
                    if n % 5000 == 0:
                        progress(n, 0, "")
        else:
            wb = new_workbook(target, constant_memory=True)
            fmt = Formats.of(wb)
            ws = wb.add_worksheet(_sheet_name(sheet))
            n = write_table(ws, fmt, 0, [c.header for c in columns], [c.type for c in columns],
                            rows, progress=lambda k: progress(k, 0, ""))
            wb.close()
    return ListExport(Path(out), n, fmt_name)


def _sheet_name(name: str) -> str:
    for ch in "[]:*?/\\":
        name = name.replace(ch, " ")
    return name.strip()[:31] or "Liste"
