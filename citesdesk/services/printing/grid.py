"""A table of text laid out and drawn straight on the canvas: the tables of every printed
document (the journey, referrals, notes, the label / value pairs).

reportlab's general ``Table`` handles spans, styles per cell, nested tables and cells of
any flowable; it measures and draws each cell with a saved and restored graphics state,
and that was half the time of a participant file (profile in ``docs/performance.md``).
Ours has what our tables use and no more: text cells, cut into lines beforehand
(:func:`wrap_text`, called by :func:`citesdesk.services.printing.layout.cell`), or any
flowable, a font per column and for the header row, padding, a rule under each row, a shaded header repeated
at the top of every page the table runs onto. A table splits between rows; a row taller
than a third of a page (a long note) is cut between its lines. The strings between two paragraphs are written through one text object.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

_SPACES = re.compile(r"[ \t]+")  # where a line may break (not at no-break spaces)


def wrap_text(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut into lines of at most ``width`` points (``\n`` between them): at
    spaces, never at a no-break space (French typography), and inside a word only when
    the word alone is wider than the column (an e-mail address, a long reference)."""
    lines: list[str] = []
    space = stringWidth(" ", font, size)
    for paragraph in text.split("\n"):
        line, used = "", 0.0
        for word in _SPACES.split(paragraph.strip()):
            w = stringWidth(word, font, size)
            if line and used + space + w <= width:
                line, used = f"{line} {word}", used + space + w
                continue
            if line:
                lines.append(line)
            while w > width and len(word) > 1:  # no space to break at: cut the word
                cut = len(word) - 1
                while cut > 1 and stringWidth(word[:cut], font, size) > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
                w = stringWidth(word, font, size)
            line, used = word, w
        lines.append(line)
    return "\n".join(lines)


@dataclass(frozen=True)
class GridStyle:
    """How a :class:`Grid` looks. ``fonts``: per column, ``(name, size, colour)`` of its text
    cells, optionally with the leading of their lines; ``head``: the same for the header
    row (``None``: no header row)."""

    fonts: tuple[tuple, ...]
    leading: float
    pads: tuple[float, float, float, float]  # left, right, top, bottom
    head: tuple[str, float, object] | None = None
    head_fill: object = None
    rule: object = None  # colour of the 0.4 pt rule under each row
    rule_width: float = 0.4


#: A row taller than this (points; a third of a page) is cut between its lines where a
#: page ends, rather than moved whole to the next page.
LONG_ROW = 250


def _leading(style: GridStyle, col: int) -> float:
    """Between the lines of a cell of column ``col`` (a font may give its own)."""
    font = style.fonts[col]
    return font[3] if len(font) > 3 else style.leading


class Grid(Flowable):
    def __init__(self, rows: list[list], widths: list[float], style: GridStyle,
                 heights: list[float] | None = None) -> None:
        super().__init__()
        self.rows = rows
        self.widths = widths
        self.style = style
        self.width = sum(widths)
        self._heights = heights
        self.height = sum(heights) if heights is not None else 0

    def _row_height(self, row: list) -> float:
        st = self.style
        left, right, top, bottom = st.pads
        height = st.leading
        for col, (value, width) in enumerate(zip(row, self.widths, strict=True)):
            if isinstance(value, Flowable):
                height = max(height, value.wrap(width - left - right, 1e6)[1])
            elif "\n" in value:
                height = max(height, st.leading + _leading(st, col) * value.count("\n"))
        return height + top + bottom

    def heights(self) -> list[float]:
        if self._heights is None:
            self._heights = [self._row_height(row) for row in self.rows]
        return self._heights

    def wrap(self, aw, ah):
        self.height = sum(self.heights())
        return self.width, self.height

    def split(self, aw, ah):
        heights = self.heights()
        first = 1 if self.style.head else 0  # the header row goes with every part
        used, k = sum(heights[:first]), first
        while k < len(self.rows) and used + heights[k] <= ah:
            used += heights[k]
            k += 1
        if k == first:
            cut = self._cut_row(k, ah - used)
            if cut is None:
                return []  # not one row fits: the frame moves the table to the next page
            rows = self.rows[:k] + list(cut) + self.rows[k + 1:]
            return Grid(rows, self.widths, self.style).split(aw, ah)
        if k == len(self.rows):
            return [self]
        head, head_h = self.rows[:first], heights[:first]
        return [Grid(self.rows[:k], self.widths, self.style, heights[:k]),
                Grid(head + self.rows[k:], self.widths, self.style, head_h + heights[k:])]

    def _cut_row(self, k: int, room: float) -> tuple[list, list] | None:
        """Row ``k`` cut in two, its first lines filling ``room``, when it is taller than
        :data:`LONG_ROW` (a note of several pages can never move whole to the next page);
        ``None`` for a shorter row, or one holding anything but text."""
        row, st = self.rows[k], self.style
        _left, _right, top, bottom = st.pads
        if self.heights()[k] <= LONG_ROW or not all(isinstance(v, str) for v in row):
            return None
        fit = int((room - top - bottom - st.leading) // max(
            _leading(st, col) for col in range(len(row)))) + 1
        lines = [v.split("\n") for v in row]
        if fit < 1 or all(len(v) <= fit for v in lines):
            return None
        return (["\n".join(v[:fit]) for v in lines],
                ["\n".join(v[fit:]) for v in lines])

    def draw(self) -> None:
        c, st = self.canv, self.style
        left, _right, top, _bottom = st.pads
        heights = self.heights()
        y = sum(heights)
        if st.head and st.head_fill is not None:
            c.setFillColor(st.head_fill)
            c.rect(0, y - heights[0], self.width, heights[0], stroke=0, fill=1)
        text = c.beginText()
        current = None
        rules = []
        for r, (row, height) in enumerate(zip(self.rows, heights, strict=True)):
            x = 0.0
            for col, (value, width) in enumerate(zip(row, self.widths, strict=True)):
                if isinstance(value, Flowable):
                    # the text so far first: the file reads in the order of the rows
                    c.drawText(text)
                    text, current = c.beginText(), None
                    _w, h = value.wrap(width - left - st.pads[1], 1e6)
                    value.drawOn(c, x + left, y - top - h)
                elif value:
                    font = st.head if (r == 0 and st.head) else st.fonts[col]
                    if font is not current:
                        text.setFont(font[0], font[1], st.leading)
                        text.setFillColor(font[2])
                        current = font
                    baseline, leading = y - top - font[1], _leading(st, col)
                    for line in value.split("\n"):
                        text.setTextOrigin(x + left, baseline)
                        text.textOut(line)
                        baseline -= leading
                x += width
            y -= height
            rules.append(y)
        c.drawText(text)
        if st.rule is not None:
            c.setStrokeColor(st.rule)
            c.setLineWidth(st.rule_width)
            path = c.beginPath()
            for ry in rules:
                path.moveTo(0, ry)
                path.lineTo(self.width, ry)
            c.drawPath(path, stroke=1, fill=0)
