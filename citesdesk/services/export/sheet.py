"""Writing tables into .xlsx sheets the way every CitésDesk workbook does.

Frozen header row, an autofilter over the table, column widths fitted to the content,
French date format (``dd/mm/yyyy``), numbers as numbers, and no text that a spreadsheet
would evaluate: a text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
is written as a string cell with Excel's "quote prefix" (shown as typed, never evaluated,
even after an edit). xlsxwriter is asked never to turn strings into formulas or numbers.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import xlsxwriter

from citesdesk.core.safe_text import xml_safe
from citesdesk.core.text import to_date

#: Starts of text that a spreadsheet could read as a formula.
DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "dd/mm/yyyy"
MIN_WIDTH, MAX_WIDTH = 6, 60
#: Rows sampled to fit column widths (a whole 100,000-row sheet is not measured).
WIDTH_SAMPLE = 500


def is_dangerous(text: str) -> bool:
    return text.startswith(DANGEROUS_STARTS)


def new_workbook(path, *, constant_memory: bool = False) -> xlsxwriter.Workbook:
    """A workbook whose scratch files stay next to ``path`` (its private work folder, see
    :func:`citesdesk.core.files.private_output`), or in memory for a file object: never
    in the system's temporary folder, where a killed export would leave them."""
    in_memory = hasattr(path, "write")
    target = path if in_memory else str(path)
    return xlsxwriter.Workbook(target, {
        "in_memory": in_memory and not constant_memory,
        "tmpdir": None if in_memory else os.path.dirname(os.path.abspath(target)),
        "constant_memory": constant_memory,
        "strings_to_formulas": False,
        "strings_to_numbers": False,
        "strings_to_urls": False,
        "default_date_format": DATE_FORMAT,
    })


@dataclass
class Formats:
    header: object
    date: object
    text: object
    quoted: object
    number: object
    decimal: object
    percent: object
    title: object
    bold: object

    @classmethod
    def of(cls, wb: xlsxwriter.Workbook) -> Formats:
        return cls(
            header=wb.add_format({"bold": True, "bg_color": "#DDE6F0", "bottom": 1,
                                  "text_wrap": True, "valign": "top"}),
            date=wb.add_format({"num_format": DATE_FORMAT, "align": "left"}),
            text=wb.add_format({"num_format": "@"}),
            quoted=wb.add_format({"num_format": "@", "quote_prefix": True}),
            number=wb.add_format({"num_format": "0"}),
            decimal=wb.add_format({"num_format": "0.00"}),
            percent=wb.add_format({"num_format": "0.0 %"}),
            title=wb.add_format({"bold": True, "font_size": 14}),
            bold=wb.add_format({"bold": True}),
        )


Writer = Callable[[object, int, int, object], None]


def cell_writers(ws, fmt: Formats, types: Sequence[str]) -> list[Writer]:
    """One function per column writing a value of that column's type into ``ws``.

    Types: ``text``, ``date``, ``int``, ``number`` (decimal), ``percent`` (a fraction).
    Empty values leave the cell blank; a value that does not fit its type is written
    as (safe) text, so nothing is lost.
    """
    write_string, write_number = ws.write_string, ws.write_number
    write_datetime = ws.write_datetime

    def text(_ws, row, col, value):
        if value is None or value == "":
            return
        s = xml_safe(value if isinstance(value, str) else str(value))
        if s.startswith(DANGEROUS_STARTS):
            write_string(row, col, s, fmt.quoted)
        else:
            write_string(row, col, s)

    def number_with(number_format):
        def write(_ws, row, col, value):
            if value is None or value == "":
                return
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                write_number(row, col, value, number_format)
            else:
                text(_ws, row, col, value)
        return write

    def date(_ws, row, col, value):
        d = to_date(value)
        if d is not None:
            write_datetime(row, col, d, fmt.date)
        else:
            text(_ws, row, col, value)

    by_type = {"text": text, "date": date, "int": number_with(fmt.number),
               "number": number_with(fmt.decimal), "percent": number_with(fmt.percent)}
    return [by_type[t] for t in types]


def _width(value, kind: str) -> int:
    if value is None:
        return 0
    if kind == "date":
        return 10
    if kind == "percent":
        return 7
    return len(str(value))


def write_table(ws, fmt: Formats, first_row: int, headers: Sequence[str],
                types: Sequence[str], rows: Iterable[Sequence],
                progress: Callable[[int], None] | None = None) -> int:
    """Header row at ``first_row``, then ``rows``; freeze, filter and fit. Returns the
    number of data rows written."""
    writers = cell_writers(ws, fmt, types)
    for col, h in enumerate(headers):
        ws.write_string(first_row, col, h, fmt.header)
    widths = [min(max(len(h) + 2, MIN_WIDTH), 30) for h in headers]
    r = first_row
    for n, values in enumerate(rows, start=1):
        r = first_row + n
        for col, (write, value) in enumerate(zip(writers, values, strict=False)):
            write(ws, r, col, value)
        if n <= WIDTH_SAMPLE:
            for col, value in enumerate(values):
                w = _width(value, types[col]) + 2
                if w > widths[col]:
                    widths[col] = w
        if progress is not None and n % 5000 == 0:
            progress(n)
    count = r - first_row
    last_col = max(len(headers) - 1, 0)
    ws.freeze_panes(first_row + 1, 0)
    ws.autofilter(first_row, 0, max(r, first_row), last_col)
    for col, w in enumerate(widths):
        ws.set_column(col, col, min(max(w, MIN_WIDTH), MAX_WIDTH))
    return count
