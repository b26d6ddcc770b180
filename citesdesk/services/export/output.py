"""Writing an export file whole or not at all, optionally protected by a password."""

from __future__ import annotations

import contextlib
import os
import typing
from collections.abc import Iterator
from pathlib import Path

from citesdesk.core.errors import CitesDeskError
from citesdesk.core.files import private_output


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
def atomic_file(path: str | os.PathLike, password: str | None = None) -> Iterator[str]:
    """Yields the path to write, in a private work folder next to ``path`` (see
    :func:`citesdesk.core.files.private_output`); on success the finished file, encrypted
    if asked, replaces ``path`` at once, readable by its owner only. On any error or a kill
    nothing is left behind and an existing file at ``path`` is untouched."""
    target = check_target(path)
    with private_output(target) as work:
        if password:
            plain = work.dir / f"plain-{target.name}"
            yield str(plain)
            with open(plain, "rb") as fh:
                encrypt_to(fh, str(work.file), password)
        else:
            yield str(work.file)


def encrypt_to(plain: typing.BinaryIO, out_path: str, password: str) -> None:
    """Encrypt an .xlsx (OOXML agile encryption, as Excel and LibreOffice open it)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    with open(out_path, "wb") as out:
        OOXMLFile(plain).encrypt(password, out)
