"""Spreadsheets built to inflate: a valid .xlsx whose one sheet decompresses to gigabytes
from a zip of a few megabytes, and zips with too many members or sheets."""

import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO

_HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
         b'<sheetData><row><c t="inlineStr"><is><t>Nom</t></is></c></row>')
_TAIL = b"</sheetData></worksheet>"
_NS = "http://schemas.openxmlformats.org"


def frame(sheets: int = 1) -> dict[str, bytes]:
    """The parts of a minimal workbook with ``sheets`` sheets (their XML not included)."""
    over = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                   'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                   for i in range(1, sheets + 1))
    names = "".join(f'<sheet name="F{i}" sheetId="{i}" r:id="rId{i}"/>'
                    for i in range(1, sheets + 1))
    rels = "".join(f'<Relationship Id="rId{i}" Type="{_NS}/officeDocument/2006/relationships/'
                   f'worksheet" Target="worksheets/sheet{i}.xml"/>' for i in range(1, sheets + 1))
    return {
        "[Content_Types].xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{_NS}/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.'
            'openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
            f'sheet.main+xml"/>{over}</Types>').encode(),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_NS}/package/2006/'
            f'relationships"><Relationship Id="rId1" Type="{_NS}/officeDocument/2006/'
            'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>').encode(),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_NS}/spreadsheetml/2006/'
            f'main" xmlns:r="{_NS}/officeDocument/2006/relationships"><sheets>{names}</sheets>'
            '</workbook>').encode(),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_NS}/package/2006/'
            f'relationships">{rels}</Relationships>').encode(),
    }


def inflating_xlsx(path: Path, gib: float = 2.0, cell: int = 4000) -> Path:
    """An honest zip (sizes and CRC true) whose sheet inflates to ``gib`` GiB: rows of one
    ``cell``-character string. 2 GiB fit in about 3 MB; built in a couple of seconds."""
    row = b'<row><c t="inlineStr"><is><t>' + b"A" * cell + b"</t></is></c></row>"
    chunk = row * max(1, 2**20 // len(row))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in frame().items():
            zf.writestr(name, data)
    with open(path, "r+b") as fh:
        add_repeated(fh, "xl/worksheets/sheet1.xml", _HEAD, chunk,
                     int(gib * 2**30 / len(chunk)), _TAIL)
    return path


def add_repeated(fh: BinaryIO, name: str, head: bytes, chunk: bytes, n: int,
                 tail: bytes) -> None:
    """Append to the zip in ``fh`` the member ``head + chunk * n + tail``, deflated without
    compressing it all: after a full flush, every chunk deflates to the same bytes."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    part = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    last = c.compress(tail) + c.flush(zlib.Z_FINISH)
    crc = zlib.crc32(head)
    for _ in range(n):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + n * len(chunk) + len(tail)
    with zipfile.ZipFile(fh, "a") as zf:
        info = zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.CRC, info.compress_size, info.file_size = crc, len(first + last) + n * len(part), size
        fh.seek(zf.start_dir)
        info.header_offset = fh.tell()
        fh.write(info.FileHeader(zip64=size > 0xFFFFFFFF))
        fh.write(first)
        for _ in range(n):
            fh.write(part)
        fh.write(last)
        zf.start_dir = fh.tell()
        zf.filelist.append(info)
        zf.NameToInfo[info.filename] = info
        zf._didModify = True


def many_members(path: Path, members: int = 0, sheets: int = 1) -> Path:
    """A small workbook with ``sheets`` sheets and ``members`` extra (empty) members."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in frame(sheets).items():
            zf.writestr(name, data)
        for i in range(1, sheets + 1):
            zf.writestr(f"xl/worksheets/sheet{i}.xml", _HEAD + _TAIL)
        for i in range(members):
            zf.writestr(f"xl/media/x{i}.bin", b"")
    return path
