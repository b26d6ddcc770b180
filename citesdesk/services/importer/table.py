"""The table inside a sheet: the header row found, the data rows below it, blank rows left
out, and the refusals of input that cannot be imported (empty sheet, headers only, formulas
never computed)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from citesdesk.core.errors import CitesDeskError
from citesdesk.services.importer.mapping import cell_text, find_header_row
from citesdesk.services.importer.reader import MAX_ROWS, open_workbook, too_many_rows


@dataclass
class Table:
    path: Path
    kind: str
    format: str
    sha256: str
    sheet: str
    sheet_names: list[str]
    header_row: int  # 1-based row number in the sheet
    headers: list[str]
    #: (1-based sheet row number, cells), blank rows left out, cut to the header's width.
    rows: list[tuple[int, list]] = field(default_factory=list)
    encoding: str | None = None
    delimiter: str | None = None

    @property
    def file_name(self) -> str:
        return self.path.name

    def where(self, lang: str = "fr") -> str:
        if self.format == "csv":
            return self.file_name
        return (f"{self.file_name}, feuille « {self.sheet} »" if lang == "fr"
                else f"{self.file_name}, sheet '{self.sheet}'")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sheet_names(path: str | Path) -> list[str]:
    book = open_workbook(path)
    try:
        return list(book.sheet_names)
    finally:
        book.close()


def load_table(path: str | Path, kind: str, *, sheet: str | None = None,
               header_row: int | None = None) -> Table:
    """Read the table of ``kind`` from ``path`` (its first sheet unless ``sheet``)."""
    path = Path(path)
    book = open_workbook(path)
    try:
        data = book.sheet(sheet)
    finally:
        book.close()
    where_fr = path.name if book.format == "csv" else f"{path.name}, feuille « {data.name} »"
    where_en = path.name if book.format == "csv" else f"{path.name}, sheet '{data.name}'"
    if data.uncomputed:
        cells = ", ".join(data.uncomputed[:5]) + (" …" if len(data.uncomputed) > 5 else "")
        raise CitesDeskError(
            f"{where_fr} : {len(data.uncomputed)} cellule(s) contiennent une formule dont le "
            f"résultat n'a jamais été calculé ({cells}). Ouvrez le fichier dans votre tableur, "
            "enregistrez-le, puis importez-le de nouveau.",
            f"{where_en}: {len(data.uncomputed)} cell(s) hold a formula whose result was never "
            f"computed ({cells}). Open the file in your spreadsheet program, save it, then "
            "import it again.")
    rows = data.rows
    filled = [i for i, r in enumerate(rows) if any(cell_text(c) for c in r)]
    if not filled:
        raise CitesDeskError(f"{where_fr} : la feuille est vide.", f"{where_en}: the sheet is empty.")
    if header_row is not None:
        h = header_row - 1
        if h >= len(rows):
            raise CitesDeskError(
                f"{where_fr} : pas de ligne {header_row} pour les en-têtes.",
                f"{where_en}: there is no row {header_row} for the headers.")
    else:
        h = find_header_row(kind, rows)
    raw_headers = rows[h]
    width = max((i + 1 for i, c in enumerate(raw_headers) if cell_text(c)), default=0)
    headers = [cell_text(c) for c in raw_headers[:width]]
    body: list[tuple[int, list]] = []
    for i in range(h + 1, len(rows)):
        cells = rows[i][:width]
        if any(cell_text(c) for c in cells):
            cells = list(cells) + [""] * (width - len(cells))
            body.append((i + 1, cells))
    if len(body) > MAX_ROWS:
        raise too_many_rows(path, data.name, len(body))
    if not body:
        raise CitesDeskError(
            f"{where_fr} : il n'y a que la ligne d'en-têtes (ligne {h + 1}), aucune donnée "
            "en dessous.",
            f"{where_en}: there is only the header row (row {h + 1}), no data below it.")
    return Table(path, kind, book.format, file_sha256(path), data.name, list(book.sheet_names),
                 h + 1, headers, body, book.encoding, book.delimiter)
