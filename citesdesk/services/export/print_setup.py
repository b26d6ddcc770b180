"""How the workbooks print: A4, landscape where the sheet is wide, one page wide, the
title and header rows repeated on every page, the site and the period in the page header
and the page number in the footer (LibreOffice and Excel both read these settings)."""

from __future__ import annotations

A4 = 9
#: Sheets narrower than this (in character widths, the columns' sum) print upright.
PORTRAIT_UP_TO = 100


def _header_text(text: str) -> str:
    """Text as a page header shows it: ``&`` doubled (it starts a header code)."""
    return text.replace("&", "&&")


def setup(ws, *, site: str, period: str, title: str, repeat_rows: tuple[int, int] | None,
          width: float, repeat_columns: str | None = None) -> None:
    """Print settings of one xlsxwriter worksheet.

    ``width``: the sum of the column widths (characters), to choose the orientation;
    ``repeat_rows``: first and last row (0-based) repeated at the top of every page.
    """
    ws.set_paper(A4)
    if width > PORTRAIT_UP_TO:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.fit_to_pages(1, 0)  # one page wide, as many pages long as needed
    if repeat_rows is not None:
        ws.repeat_rows(*repeat_rows)
    if repeat_columns:
        ws.repeat_columns(repeat_columns)
    ws.set_margins(left=0.5, right=0.5, top=0.9, bottom=0.7)
    ws.set_header(f"&L&B{_header_text(site)}&C{_header_text(title)}&R{_header_text(period)}",
                  {"margin": 0.35})
    ws.set_footer("&LCitésDesk&RPage &P / &N", {"margin": 0.3})
