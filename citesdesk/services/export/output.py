"""Writing an export file whole or not at all, optionally protected by a password."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from citesdesk.core.errors import CitesDeskError


def check_target(path: str | os.PathLike) -> Path:
    """The output path, or a refusal when its folder is missing or read-only."""
    p = Path(path)
    parent = p.parent if str(p.parent) else Path(".")
    if p.is_dir():
        raise CitesDeskError(
            f"« {p} » est un dossier : donnez un nom de fichier, par exemple {p / 'export.xlsx'}.",
            f"'{p}' is a folder: give a file name, for example {p / 'export.xlsx'}.")
    if not parent.is_dir():
        raise CitesDeskError(
            f"Le dossier « {parent} » n'existe pas : choisissez un dossier existant.",
            f"The folder '{parent}' does not exist: choose an existing folder.")
    if not os.access(parent, os.W_OK):
        raise CitesDeskError(
            f"Le dossier « {parent} » est en lecture seule : choisissez un autre dossier.",
            f"The folder '{parent}' is read-only: choose another folder.")
    return p


@contextlib.contextmanager
def atomic_file(path: str | os.PathLike, password: str | None = None) -> Iterator[object]:
    """Yields where to write (a temporary file, or memory when a password is given);
    on success the finished file replaces ``path`` at once, encrypted if asked. On any
    error nothing is left behind and an existing file at ``path`` is untouched."""
    target = check_target(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    try:
        if password:
            buffer = io.BytesIO()
            yield buffer
            buffer.seek(0)
            encrypt_to(buffer, tmp, password)
        else:
            yield tmp
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def encrypt_to(plain: io.BytesIO, out_path: str, password: str) -> None:
    """Encrypt an .xlsx (OOXML agile encryption, as Excel and LibreOffice open it)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    with open(out_path, "wb") as out:
        OOXMLFile(plain).encrypt(password, out)
