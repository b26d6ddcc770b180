"""Reading a spreadsheet as it comes: the format is told by the file's content, not its name.

.xlsx, .xlsm, .xls and .ods are read with python-calamine; .csv and .txt with the
delimiter (``;``, ``,``, tab) and the encoding (UTF-8 with or without BOM, else
Windows-1252) detected. Every refusal is a :class:`CitesDeskError` that names the file
and says what to do; nothing here writes anything.
"""

from __future__ import annotations

import csv
import io
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import python_calamine as pc

from citesdesk.core.errors import CitesDeskError

#: Above this many rows a sheet is refused (split the file): memory and time stay bounded.
MAX_ROWS = 100_000

#: What a zip spreadsheet may inflate to: members, sheets, bytes once decompressed (the
#: 100,000 rows above, even wide and formatted, stay well below).
MAX_ZIP_MEMBERS = 2_000
MAX_SHEETS = 200
MAX_INFLATED = 256 * 2**20
#: Filled cells in the sheet imported (100,000 rows of 40 columns).
MAX_CELLS = 4_000_000
#: A larger file is refused before it is read (a CSV is read whole into memory).
MAX_FILE_BYTES = 256 * 2**20

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"


def refuse(fr: str, en: str) -> CitesDeskError:
    return CitesDeskError(fr, en)


@dataclass
class Sheet:
    """The cells of one sheet, as Python values (str, float, int, bool, date, datetime)."""

    name: str
    rows: list[list]
    #: Cells holding a formula whose result was never computed (``"C7"``), xlsx only.
    uncomputed: list[str] = field(default_factory=list)


@dataclass
class Workbook:
    path: Path
    format: str  # xlsx, xls, ods, csv
    sheet_names: list[str]
    _book: object = None
    _csv_rows: list[list] | None = None
    encoding: str | None = None
    delimiter: str | None = None

    def sheet(self, name: str | None = None) -> Sheet:
        """One sheet by name (the first one by default); refuses an unknown name."""
        if self.format == "csv":
            return Sheet(self.sheet_names[0], self._csv_rows or [])
        if name is None:
            name = self.sheet_names[0]
        if name not in self.sheet_names:
            listed = ", ".join(f"« {n} »" for n in self.sheet_names)
            raise refuse(
                f"{self.path.name} : la feuille « {name} » n'existe pas. Feuilles : {listed}.",
                f"{self.path.name}: there is no sheet '{name}'. Sheets: "
                + ", ".join(f"'{n}'" for n in self.sheet_names) + ".",
            )
        if self.format == "xlsx":  # counted while streaming, before calamine loads it all
            _check_sheet_size(self.path, name, self.sheet_names.index(name))
        try:
            data = self._book.get_sheet_by_name(name)
            height = data.height
            if height > MAX_ROWS + 50:
                raise too_many_rows(self.path, name, height)
            rows = data.to_python(skip_empty_area=False)
        except pc.CalamineError as exc:  # pragma: no cover - depends on the damage
            raise _damaged(self.path, exc) from exc
        uncomputed = _uncomputed_formulas(self.path, self.sheet_names.index(name)) \
            if self.format == "xlsx" else []
        return Sheet(name, rows, uncomputed)

    def close(self) -> None:
        if self._book is not None:
            self._book.close()


def too_many_rows(path: Path, sheet: str, height: int) -> CitesDeskError:
    height_fr, limit_fr = (f"{n:,}".replace(",", "\u202f") for n in (height, MAX_ROWS))
    return refuse(
        f"{path.name}, feuille « {sheet} » : {height_fr} lignes, c'est plus que la "
        f"limite de {limit_fr} lignes par import. Découpez le fichier en plusieurs parties.",
        f"{path.name}, sheet '{sheet}': {height:,} rows, more than the limit of "
        f"{MAX_ROWS:,} rows per import. Split the file into several parts.",
    )


def _damaged(path: Path, exc: Exception) -> CitesDeskError:
    return refuse(
        f"{path.name} est endommagé ou illisible ({exc}). Rouvrez-le dans votre tableur et "
        "enregistrez-le de nouveau (.xlsx ou .csv).",
        f"{path.name} is damaged or unreadable ({exc}). Open it in your spreadsheet program "
        "and save it again (.xlsx or .csv).",
    )


def _not_spreadsheet(path: Path) -> CitesDeskError:
    return refuse(
        f"{path.name} n'est pas un tableur lisible : CitésDesk lit les fichiers .xlsx, .xlsm, "
        ".xls, .ods, .csv et .txt. Enregistrez-le dans l'un de ces formats depuis votre tableur.",
        f"{path.name} is not a readable spreadsheet: CitésDesk reads .xlsx, .xlsm, .xls, .ods, "
        ".csv and .txt files. Save it in one of these formats from your spreadsheet program.",
    )


def _password(path: Path) -> CitesDeskError:
    return refuse(
        f"{path.name} est protégé par un mot de passe. Ouvrez-le dans votre tableur, retirez "
        "la protection (Fichier > Informations > Protéger le classeur) et importez la copie.",
        f"{path.name} is password-protected. Open it in your spreadsheet program, remove the "
        "protection and import that copy.",
    )


def open_workbook(path: str | Path) -> Workbook:
    """Open ``path`` for reading, or refuse it with a message for people."""
    path = Path(path)
    if not path.is_file():
        raise refuse(f"Le fichier « {path} » n'existe pas : vérifiez son nom et son dossier.",
                     f"The file '{path}' does not exist: check its name and folder.")
    with path.open("rb") as fh:
        head = fh.read(8)
        size = os.fstat(fh.fileno()).st_size
    if size > MAX_FILE_BYTES:
        raise refuse(
            f"{path.name} est refusé : {_mb(size)} Mo, plus que la limite de "
            f"{_mb(MAX_FILE_BYTES)} Mo par import. Découpez le fichier en plusieurs parties.",
            f"{path.name} is refused: {size / 2**20:,.0f} MB, more than the limit of "
            f"{MAX_FILE_BYTES // 2**20} MB per import. Split the file into several parts.")
    if not head:
        raise refuse(f"{path.name} est vide (0 octet).", f"{path.name} is empty (0 bytes).")
    if head.startswith(OLE_MAGIC):
        if _is_encrypted(path):
            raise _password(path)
        return _calamine(path, "xls")
    if head.startswith(ZIP_MAGIC):
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
                _check_inflation(path, zf)  # before anything is decompressed
                bad = zf.testzip()  # reads no more than the sizes declared (CRC checked)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise _damaged(path, exc) from exc
        if bad is not None:
            raise _damaged(path, f"« {bad} »")
        if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
            return _calamine(path, "xlsx")
        if "content.xml" in names and "mimetype" in names:
            return _calamine(path, "ods")
        raise _not_spreadsheet(path)
    return _read_csv(path)


def _mb(n: int) -> str:
    return f"{n / 2**20:,.0f}".replace(",", "\u202f")


def _check_inflation(path: Path, zf: zipfile.ZipFile) -> None:
    """Refuse a zip (.xlsx, .ods) that would inflate beyond what any real import holds —
    too many members, sheets, or bytes once decompressed — from its directory alone."""
    infos = zf.infolist()
    sheets = sum(1 for i in infos if re.fullmatch(r"xl/worksheets/[^/]+\.xml", i.filename))
    total = sum(i.file_size for i in infos)
    if len(infos) > MAX_ZIP_MEMBERS or sheets > MAX_SHEETS or total > MAX_INFLATED:
        what_fr = (f"{len(infos)} éléments" if len(infos) > MAX_ZIP_MEMBERS else
                   f"{sheets} feuilles" if sheets > MAX_SHEETS else
                   f"{_mb(total)} Mo une fois décompressé")
        what_en = (f"{len(infos)} members" if len(infos) > MAX_ZIP_MEMBERS else
                   f"{sheets} sheets" if sheets > MAX_SHEETS else
                   f"{total / 2**20:,.0f} MB once decompressed")
        rows_fr = f"{MAX_ROWS:,}".replace(",", "\u202f")
        raise refuse(
            f"{path.name} est refusé : {what_fr}, bien au-delà d'un tableur d'import (au plus "
            f"{MAX_SHEETS} feuilles, {rows_fr} lignes, {_mb(MAX_INFLATED)} Mo décompressés). "
            "Enregistrez de nouveau la seule feuille utile depuis votre tableur, ou découpez "
            "le fichier ; rien n'a été importé.",
            f"{path.name} is refused: {what_en}, far beyond an import spreadsheet (at most "
            f"{MAX_SHEETS} sheets, {MAX_ROWS:,} rows, {MAX_INFLATED // 2**20} MB "
            "decompressed). Save the one useful sheet again from your spreadsheet program, or "
            "split the file; nothing was imported.")


def _check_sheet_size(path: Path, name: str, index: int) -> None:
    """Refuse a sheet with too many rows or cells, counted in its XML as it streams by
    (memory stays flat), so that a sheet of millions of rows is never loaded."""
    rows = cells = 0
    carry = b""
    try:
        with zipfile.ZipFile(path) as zf:
            part = _sheet_part(zf, index)
            if part is None or part not in zf.NameToInfo:
                return
            with zf.open(part) as fh:
                while chunk := fh.read(1 << 20):
                    block = carry + chunk
                    rows += block.count(b"<row") - carry.count(b"<row")
                    cells += (block.count(b"<c ") + block.count(b"<c>")
                              - carry.count(b"<c ") - carry.count(b"<c>"))
                    carry = block[-8:]
                    if cells > MAX_CELLS and rows <= MAX_ROWS + 50:
                        raise _too_many_cells(path, name)
    except (KeyError, zipfile.BadZipFile, OSError, EOFError):
        return  # left to calamine, which says what is damaged
    if rows > MAX_ROWS + 50:  # counted to the end (at most MAX_INFLATED bytes): exact
        raise too_many_rows(path, name, rows)


def _too_many_cells(path: Path, sheet: str) -> CitesDeskError:
    limit_fr = f"{MAX_CELLS:,}".replace(",", "\u202f")
    return refuse(
        f"{path.name}, feuille « {sheet} » : plus de {limit_fr} cellules remplies, la limite "
        "d'un import. Retirez les colonnes inutiles ou découpez le fichier.",
        f"{path.name}, sheet '{sheet}': more than {MAX_CELLS:,} filled cells, the limit of "
        "one import. Remove the columns you do not need or split the file.")


def _is_encrypted(path: Path) -> bool:
    try:
        import msoffcrypto

        with path.open("rb") as fh:
            return bool(msoffcrypto.OfficeFile(fh).is_encrypted())
    except Exception:  # noqa: BLE001 - an unreadable OLE file is left to calamine to refuse
        return False


def _calamine(path: Path, fmt: str) -> Workbook:
    try:
        # From the bytes, so that calamine tells the format by content, not by the name.
        book = pc.CalamineWorkbook.from_filelike(io.BytesIO(path.read_bytes()))
        names = list(book.sheet_names)
    except pc.PasswordError as exc:
        raise _password(path) from exc
    except Exception as exc:  # noqa: BLE001 - calamine raises several kinds for bad files
        raise _damaged(path, exc) from exc
    if not names:
        raise refuse(f"{path.name} ne contient aucune feuille.", f"{path.name} has no sheet.")
    return Workbook(path, fmt, names, _book=book)


_FORMULA_NO_VALUE = re.compile(
    rb'<c r="([A-Z]+[0-9]+)"[^>]*>\s*<f[^>]*(?:/>|>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>'
)


def _uncomputed_formulas(path: Path, index: int) -> list[str]:
    """Cells of sheet number ``index`` holding a formula with no cached result."""
    try:
        with zipfile.ZipFile(path) as zf:
            target = _sheet_part(zf, index)
            if target is None:
                return []
            xml = zf.read(target)
    except (KeyError, zipfile.BadZipFile, OSError):
        return []
    if b"<f" not in xml:
        return []
    return [m.group(1).decode() for m in _FORMULA_NO_VALUE.finditer(xml)]


def _sheet_part(zf: zipfile.ZipFile, index: int) -> str | None:
    workbook = zf.read("xl/workbook.xml").decode("utf-8", "replace")
    rels = zf.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    ids = re.findall(r"<(?:\w+:)?sheet\b[^>]*?r:id=\"([^\"]+)\"", workbook)
    if index >= len(ids):
        return None
    for rel in re.findall(r"<Relationship\b[^>]*>", rels):
        if f'Id="{ids[index]}"' in rel:
            target = re.search(r'Target="([^"]+)"', rel).group(1)
            return target.lstrip("/") if target.startswith("/") else "xl/" + target
    return None


def _decode(raw: bytes) -> tuple[str, str]:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "replace"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace"), "cp1252"


def _read_csv(path: Path) -> Workbook:
    raw = path.read_bytes()
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _not_spreadsheet(path)
    text, encoding = _decode(raw)
    sample = "\n".join(text.splitlines()[:50])
    if not sample.strip():
        raise refuse(f"{path.name} ne contient aucune donnée.", f"{path.name} holds no data.")
    delimiter = _delimiter(sample)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    for row in reader:
        rows.append(row)
        if len(rows) > MAX_ROWS + 50:
            raise too_many_rows(path, path.stem, sum(1 for _ in reader) + len(rows))
    if _looks_binary(text):
        raise _not_spreadsheet(path)
    return Workbook(path, "csv", [path.stem], _csv_rows=rows, encoding=encoding,
                    delimiter=delimiter)


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    odd = sum(1 for c in sample if (ord(c) < 32 and c not in "\r\n\t") or c == "\ufffd")
    return odd > len(sample) * 0.05


def _delimiter(sample: str) -> str:
    """The delimiter that splits the first lines into the most regular columns."""
    lines = [line for line in sample.splitlines() if line.strip()][:20]
    best, best_score = ";", -1.0
    for delim in (";", ",", "\t", "|"):
        counts = [len(next(csv.reader([line], delimiter=delim))) for line in lines]
        if not counts or max(counts) < 2:
            continue
        common = max(set(counts), key=counts.count)
        score = counts.count(common) / len(counts) * min(common, 30)
        if score > best_score:
            best, best_score = delim, score
    return best
