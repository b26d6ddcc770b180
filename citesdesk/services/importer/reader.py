"""Reading a spreadsheet as it comes: the format is told by the file's content, not its name.

.xlsx, .xlsm, .xls and .ods are read with python-calamine; .csv and .txt with the
delimiter (``;``, ``,``, tab) and the encoding (UTF-8 with or without BOM, else
Windows-1252) detected. Every refusal is a :class:`CitesDeskError` that names the file
and says what to do; nothing here writes anything.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import python_calamine as pc

from citesdesk.core.errors import CitesDeskError

#: Above this many rows a sheet is refused (split the file): memory and time stay bounded.
MAX_ROWS = 100_000

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
    return refuse(
        f"{path.name}, feuille « {sheet} » : {height:,} lignes, c'est plus que la limite de "
        f"{MAX_ROWS:,} lignes par import. Découpez le fichier en plusieurs parties."
        .replace(",", "\u202f"),
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
                bad = zf.testzip()
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
