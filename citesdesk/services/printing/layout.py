"""Page layout shared by every printed document: A4, styles, a header with the site and
the document's title, and on every page "Document confidentiel — données personnelles"
and "page x / y".

Page numbers count within each person: a batch of 30 participant files in one PDF prints
"page 1 / 2", "page 2 / 2" for each of them. A zero-size :class:`Section` flowable marks
where a person's document starts; :class:`ChromeCanvas` keeps every page until the end,
then draws the header and footer with the totals known.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,  # noqa: F401 - re-exported for the documents
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)

from citesdesk.services.printing import fonts
from citesdesk.services.printing.grid import Grid, GridStyle, wrap_text
from citesdesk.services.printing.labels import t

fonts.register()

PAGE_W, PAGE_H = A4
MARGIN = 16 * mm
TOP = 22 * mm
BOTTOM = 18 * mm
WIDTH = PAGE_W - 2 * MARGIN
GREY = colors.HexColor("#5f6368")
LINE = colors.HexColor("#b0b4b9")
HEAD_BG = colors.HexColor("#e8eaed")

BASE = ParagraphStyle("base", fontName=fonts.REGULAR, fontSize=9, leading=11.5)
SMALL = ParagraphStyle("small", parent=BASE, fontSize=7.5, leading=9.5, textColor=GREY)
CELL = ParagraphStyle("cell", parent=BASE, fontSize=8.5, leading=10.5)
CELL_B = ParagraphStyle("cellb", parent=CELL, fontName=fonts.BOLD)
TITLE = ParagraphStyle("title", parent=BASE, fontName=fonts.BOLD, fontSize=16, leading=20,
                       spaceAfter=2 * mm)
H2 = ParagraphStyle("h2", parent=BASE, fontName=fonts.BOLD, fontSize=11, leading=14,
                    spaceBefore=4 * mm, spaceAfter=1.5 * mm)
RIGHT = ParagraphStyle("right", parent=SMALL, alignment=TA_RIGHT)


def esc(text) -> str:
    """Text for a Paragraph: XML-escaped, French spacing, line breaks kept."""
    if text is None:
        return ""
    return escape(fonts.french(str(text))).replace("\n", "<br/>")


def p(text, style: ParagraphStyle = CELL) -> Paragraph:
    return Paragraph(esc(text), style)


class Heading(Flowable):
    """A section heading that goes to the next page rather than stay alone at the bottom
    of one (less than :attr:`room` left), without tying itself to the table that follows
    (a long table then starts right under it and breaks across pages)."""

    room = 30 * mm

    def __init__(self, text: str) -> None:
        super().__init__()
        self.para = Paragraph(escape(text), H2)

    def wrap(self, aw, ah):
        w, h = self.para.wrap(aw, ah)
        self.width, self.height = w, h
        if ah < self.room:
            return w, ah + 1  # does not fit: the frame moves it to the next page
        return w, h

    def split(self, aw, ah):
        return []

    def getSpaceBefore(self):  # noqa: N802 - reportlab's name
        return H2.spaceBefore

    def getSpaceAfter(self):  # noqa: N802 - reportlab's name
        return H2.spaceAfter

    def draw(self) -> None:
        self.para.drawOn(self.canv, 0, 0)


def h2(text: str) -> Flowable:
    return Heading(text)


@dataclass
class Chrome:
    """What every page of one person's document shows around the content."""

    title: str
    site: str
    subtitle: str = ""
    lang: str = "fr"


class Section(Flowable):
    """Marks the start of one person's document (resets "page x / y")."""

    width = height = 0

    def __init__(self, chrome: Chrome) -> None:
        super().__init__()
        self.chrome = chrome

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self) -> None:
        self.canv.section = self.chrome


class Reached(Flowable):
    """Zero-size: calls ``then()`` when the layout gets to it (the progress of a long
    document; ``then`` may raise to stop the build)."""

    width = height = 0

    def __init__(self, then) -> None:
        super().__init__()
        self.then = then

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self) -> None:
        self.then()


class ChromeCanvas(Canvas):
    """A canvas that draws headers and footers once the page count of each part is known."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.update(fonts.CANVAS_KWARGS)
        super().__init__(*args, **kwargs)
        self.section: Chrome | None = None
        self._pages: list[tuple[dict, Chrome | None]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append((dict(self.__dict__), self.section))
        self._startPage()

    def save(self) -> None:
        totals = Counter(id(sec) for _, sec in self._pages)
        seen: Counter = Counter()
        for state, sec in self._pages:
            self.__dict__.update(state)
            seen[id(sec)] += 1
            if sec is not None:
                self._chrome(sec, seen[id(sec)], totals[id(sec)])
            Canvas.showPage(self)
        Canvas.save(self)

    def _chrome(self, c: Chrome, page: int, pages: int) -> None:
        self.saveState()
        self.setFillColor(GREY)
        self.setStrokeColor(LINE)
        y = PAGE_H - 12 * mm
        site = _fit(c.site, fonts.BOLD, WIDTH * 0.45)
        self.setFont(fonts.BOLD, 8)
        self.drawString(MARGIN, y, site)
        room = WIDTH - stringWidth(site, fonts.BOLD, 8) - 6 * mm
        self.setFont(fonts.REGULAR, 8)
        self.drawRightString(PAGE_W - MARGIN, y, _fit(c.subtitle or c.title, fonts.REGULAR,
                                                      room))
        self.line(MARGIN, y - 2 * mm, PAGE_W - MARGIN, y - 2 * mm)
        y = 10 * mm
        self.line(MARGIN, y + 4 * mm, PAGE_W - MARGIN, y + 4 * mm)
        self.setFont(fonts.BOLD, 7.5)
        self.drawString(MARGIN, y, t("confidential", c.lang))
        self.setFont(fonts.REGULAR, 7.5)
        self.drawRightString(PAGE_W - MARGIN, y, t("page", c.lang, page=page, pages=pages))
        self.restoreState()


def _fit(text: str, font: str, width: float, size: float = 8) -> str:
    """``text`` shortened with "…" so that it fits in ``width`` points."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def make_doc(target, title: str, lang: str = "fr", author: str = "") -> BaseDocTemplate:
    """An A4 document with one frame; ``target`` is a path or a binary file object."""
    doc = BaseDocTemplate(
        target, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=TOP,
        bottomMargin=BOTTOM, title=title, author=author, creator="CitésDesk",
        subject=t("confidential", lang),
    )
    frame = Frame(MARGIN, BOTTOM, WIDTH, PAGE_H - TOP - BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    return doc


def build(doc: BaseDocTemplate, story: list) -> None:
    doc.build(story, canvasmaker=ChromeCanvas)


def today_text(lang: str = "fr") -> str:
    return fonts.date(dt.date.today().isoformat(), lang)


def table_style(commands: list) -> TableStyle:
    """A TableStyle whose cells use DejaVu Sans (reportlab's default is Helvetica)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                       ("FONTSIZE", (0, 0), (-1, -1), CELL.fontSize),
                       ("LEADING", (0, 0), (-1, -1), CELL.leading), *commands])


def cell(value, width: float, style: ParagraphStyle = CELL):
    """A table cell's text, French spacing applied, cut into lines that fit ``width``
    (less the cell's padding) in ``style``'s font. Flowables pass through."""
    if isinstance(value, Flowable):
        return value
    text = fonts.french("" if value is None else str(value))
    if "\n" not in text and stringWidth(text, style.fontName, style.fontSize) <= width - 6:
        return text
    return wrap_text(text, style.fontName, style.fontSize, width - 6)


def grid(header: list[str], rows: list[list], widths: list[float]) -> Grid:
    """A table with a bold header row, shaded, repeated at the top of each page it runs
    onto, and a rule under each row."""
    cols = [w * WIDTH for w in widths]
    data = [[cell(h, w, CELL_B) for h, w in zip(header, cols, strict=True)]]
    for row in rows:
        data.append([cell(c, w) for c, w in zip(row, cols, strict=True)])
    body = (fonts.REGULAR, CELL.fontSize, colors.black)
    return Grid(data, cols, GridStyle(
        fonts=(body,) * len(cols), leading=CELL.leading, pads=(3, 3, 2, 2),
        head=(fonts.BOLD, CELL.fontSize, colors.black), head_fill=HEAD_BG, rule=LINE))


def pairs(items: list[tuple[str, str]], columns: int = 2) -> Grid:
    """Label / value pairs laid out in ``columns`` columns."""
    unit = WIDTH / columns
    widths = [unit * 0.38, unit * 0.62] * columns
    cells, row = [], []
    for label, value in items:
        row += [cell(label, widths[0], SMALL), cell(value or "—", widths[1])]
        if len(row) == 2 * columns:
            cells.append(row)
            row = []
    if row:
        cells.append(row + [""] * (2 * columns - len(row)))
    label = (fonts.REGULAR, SMALL.fontSize, GREY, SMALL.leading)
    value = (fonts.REGULAR, CELL.fontSize, colors.black)
    return Grid(cells, widths, GridStyle(fonts=(label, value) * columns,
                                         leading=CELL.leading, pads=(2, 4, 1.5, 1.5)))


def gap(height_mm: float = 2) -> Spacer:
    return Spacer(1, height_mm * mm)
