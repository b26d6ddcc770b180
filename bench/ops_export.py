"""Benchmark: the quarterly workbook and the full workbook of the large site.

Floor of the full workbook (``docs/design/PERFORMANCE.md``): xlsxwriter in ``constant_memory`` mode
writing the same cells — the same sheets, headers and values with the same types (text,
numbers, dates), read beforehand so that only the writing is timed — with nothing of ours
around it (no SQL, labels, formats, widths, safety checks or temporary file).
Also measured: the indicators of every quarter (what the sync bundle asks for).

Run through ``python bench/run.py --only export``.
"""

from __future__ import annotations

import datetime as dt
import shutil

import xlsxwriter

from citesdesk.core import indicators as ind
from citesdesk.core.db import open_database
from citesdesk.core.quarter import Quarter
from citesdesk.services.export import export_quarter, export_workbook
from citesdesk.services.export.full import SHEET_NAMES, _rows, columns
from citesdesk.services.export.sheet import to_date


def _cells(db) -> list[tuple[str, list[str], list[list]]]:
    """Every sheet of the full workbook as Python values (dates as dates)."""
    sheets = []
    for kind, name in SHEET_NAMES.items():
        cols = columns(kind)
        dates = [i for i, c in enumerate(cols) if c.type == "date"]
        rows = []
        for row in _rows(db, kind, cols):
            row = list(row)
            for i in dates:
                row[i] = to_date(row[i])
            rows.append(row)
        sheets.append((name, [c.header for c in cols], rows))
    return sheets


def _floor(path, sheets) -> None:
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    date_format = wb.add_format({"num_format": "dd/mm/yyyy"})
    for name, headers, rows in sheets:
        ws = wb.add_worksheet(name)
        for c, h in enumerate(headers):
            ws.write_string(0, c, h)
        for r, row in enumerate(rows, start=1):
            for c, v in enumerate(row):
                if v is None or v == "":
                    continue
                if isinstance(v, str):
                    ws.write_string(r, c, v)
                elif isinstance(v, dt.date):
                    ws.write_datetime(r, c, v, date_format)
                else:
                    ws.write_number(r, c, v)
    wb.close()


def register(bench) -> None:
    path = bench.tmp / "export-site.sqlite"
    shutil.copy(bench.large_db, path)
    db = open_database(path)
    quarter = Quarter.last_finished(dt.date.today())
    first = ind.first_quarter(db) or quarter
    current = Quarter.containing(dt.date.today())
    out_q = bench.tmp / "trimestre.xlsx"
    out_full = bench.tmp / "complet.xlsx"
    out_floor = bench.tmp / "plancher.xlsx"
    sheets = _cells(db)
    cells = sum(len(h) * (len(rows) + 1) for _, h, rows in sheets)

    bench.add(f"quarterly workbook {quarter.label} (large)",
              lambda: export_quarter(db, quarter, out_q), target_s=2.0, repeat=5)
    bench.add(f"indicators of every quarter {first.label}…{current.label} (large)",
              lambda: ind.compute_range(db, first, current), repeat=5)
    bench.add(f"full workbook, {cells:,} cells (large)".replace(",", " "),
              lambda: export_workbook(db, out_full),
              floor=lambda: _floor(out_floor, sheets),
              target_s=10.0, ratio_target=2.5, repeat=3)
