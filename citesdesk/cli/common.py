"""What every command module shares: its language, numbers, refusals, files it reads and
writes, the database opened read-only. See « Écrire une commande » in ``docs/cli.md``.

Rules kept here so that each command follows them without thinking about it:

- a message names what the user typed (option, file name) and says what to do, in the
  user's language (:func:`say`, :class:`Refusal`), never with an internal field name or a
  raw ``OSError`` text (:func:`os_error_message`);
- a file to write is checked before anything is done (:func:`output_file`): a folder, a
  missing or read-only folder, an extension that does not match what is written are
  refused; it is then written whole or not at all (:func:`writing`);
- numbers are written the same way everywhere (:func:`number`);
- success lines go to stdout (:func:`done`), refusals to stderr (raised, printed by ``main``).
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

from citesdesk.core.errors import CitesDeskError
from citesdesk.core.oserrors import os_error_message

NNBSP = "\u202f"  # narrow no-break space: the French thousands separator
EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2

#: What each kind of written file must be called, and what it is (French, English).
FORMATS = {
    "xlsx": ((".xlsx",), "un classeur Excel", "an Excel workbook", "export"),
    "pdf": ((".pdf",), "un document PDF", "a PDF document", "document"),
    "sqlite": ((".sqlite", ".sqlite3", ".db"), "une base SQLite", "a SQLite database", "site"),
    "bundle": ((".citesbundle",), "un lot chiffré", "an encrypted bundle", "lot"),
}

#: The help of every command's ``--json`` option.
JSON_HELP = ("écrire le résumé en JSON sur la sortie standard",
             "write the summary as JSON on standard output")


__all__ = ["os_error_message"]  # and every name below


class Refusal(CitesDeskError):
    """Input refused by a command (exit 1), in both languages."""


def say(args, fr: str, en: str) -> str:
    """The message in the language of the command line."""
    return en if getattr(args, "lang", "fr") == "en" else fr


def number(n: int, lang: str = "fr") -> str:
    """``5 000`` in French (narrow no-break space), ``5,000`` in English."""
    return f"{n:,}".replace(",", NNBSP if lang != "en" else ",")


def done(args, fr: str, en: str) -> None:
    """A success line: on stdout, in the user's language."""
    print(say(args, fr, en))


def note(args, fr: str, en: str) -> None:
    """A warning or a detail that is not the result (stderr)."""
    print(say(args, fr, en), file=sys.stderr)


def print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def usage_error(args, fr: str, en: str) -> int:
    """A usage error found after parsing: the command's usage and one sentence, exit 2."""
    parser = getattr(args, "_parser", None)
    if parser is not None:
        return parser.usage_failure(fr, en)
    print(say(args, fr, en), file=sys.stderr)
    return EXIT_USAGE


# --- files ------------------------------------------------------------------------------


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def check_folder(folder: Path) -> None:
    """The folder a file will be written into: it exists and may be written to."""
    if folder.exists() and not folder.is_dir():
        raise Refusal(f"« {folder} » est un fichier, pas un dossier : choisissez un dossier.",
                      f"'{folder}' is a file, not a folder: choose a folder.")
    if not folder.is_dir():
        raise Refusal(
            f"Le dossier « {folder} » n'existe pas : créez-le ou choisissez un dossier existant "
            "(rien n'a été écrit).",
            f"The folder '{folder}' does not exist: create it or choose an existing folder "
            "(nothing was written).")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise Refusal(
            f"Le dossier « {folder} » est en lecture seule : choisissez un dossier où vous "
            "avez le droit d'écrire (rien n'a été écrit).",
            f"The folder '{folder}' is read-only: choose a folder you may write to (nothing "
            "was written).")


def output_file(option: str, value: str, kind: str, *, exists_ok: bool = True) -> Path:
    """Check a file a command will write (``--out T3.xlsx``) before anything is done.

    One rule for every command: the name ends with the extension of what is written
    (otherwise refused, with the name to use), it is not a folder, its folder exists and
    may be written to; with ``exists_ok=False`` an existing file is refused too.
    """
    path = Path(value)
    suffixes, what_fr, what_en, example = FORMATS[kind]
    if path.is_dir():
        raise Refusal(
            f"« {value} » ({option}) est un dossier : donnez un nom de fichier, par exemple "
            f"{path / (example + suffixes[0])}.",
            f"'{value}' ({option}) is a folder: give a file name, for example "
            f"{path / (example + suffixes[0])}.")
    if path.suffix.lower() not in suffixes:
        right = path.with_suffix(suffixes[0]) if path.suffix else Path(value + suffixes[0])
        raise Refusal(
            f"« {value} » ({option}) : cette commande écrit {what_fr} ; donnez un nom qui "
            f"finit par {suffixes[0]}, par exemple « {right} ».",
            f"'{value}' ({option}): this command writes {what_en}; give a name ending in "
            f"{suffixes[0]}, for example '{right}'.")
    if not exists_ok and path.exists():
        raise Refusal(
            f"« {value} » ({option}) existe déjà : choisissez un autre nom de fichier, ou "
            "déplacez ce fichier ailleurs si vous voulez vraiment le remplacer (rien n'a été "
            "écrit).",
            f"'{value}' ({option}) already exists: choose another file name, or move that "
            "file elsewhere if you really want to replace it (nothing was written).")
    check_folder(_folder(path))
    return path


def output_folder(option: str, value: str) -> Path:
    """A folder a command writes into (``--out DOSSIER``): not a file, its parent exists."""
    path = Path(value)
    if path.exists() and not path.is_dir():
        raise Refusal(
            f"« {value} » ({option}) est un fichier : donnez un dossier.",
            f"'{value}' ({option}) is a file: give a folder.")
    check_folder(path if path.is_dir() else _folder(path))
    return path


def not_a_folder(option: str, value: str, what_fr: str, what_en: str) -> Path:
    """A file a command reads is not a folder (the service says the rest)."""
    path = Path(value)
    where = f" ({option})" if option.startswith("-") else ""
    if path.is_dir():
        raise Refusal(f"« {value} »{where} est un dossier : donnez {what_fr}.",
                      f"'{value}'{where} is a folder: give {what_en}.")
    return path


def input_file(option: str, value: str, what_fr: str, what_en: str) -> Path:
    """A file a command reads: it exists and is a file (not a folder)."""
    path = not_a_folder(option, value, what_fr, what_en)
    where = f" ({option})" if option.startswith("-") else ""
    if not path.exists():
        raise Refusal(f"« {value} »{where} n'existe pas : vérifiez son nom et son dossier.",
                      f"'{value}'{where} does not exist: check its name and folder.")
    if not os.access(path, os.R_OK):
        raise Refusal(f"« {value} »{where} ne peut pas être lu (droits insuffisants).",
                      f"'{value}'{where} cannot be read (permission denied).")
    return path


@contextlib.contextmanager
def writing(path: Path) -> Iterator[Path]:
    """A private work file beside ``path`` (:func:`citesdesk.core.files.private_output`),
    moved into place only once written whole, owner-only; nothing is left after a failure
    or a kill. A failure names ``path`` (what the user typed), not the work file."""
    from citesdesk.core.files import private_output

    with private_output(path) as work:
        try:
            yield work.file
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror, str(path)) from None
        except CitesDeskError as exc:
            for attr in ("message_fr", "message_en"):
                setattr(exc, attr, getattr(exc, attr).replace(str(work.file), str(path)))
            raise


def database_error_message(exc: sqlite3.Error, path: str | None) -> tuple[str, str]:
    """One sentence for a database that failed under a command."""
    from citesdesk.core.files import user_error

    err = user_error(exc, path)  # a full disk, a failing or read-only medium
    if err is not None:
        return err.message_fr, err.message_en
    where_fr, where_en = (f" « {path} »", f" '{path}'") if path else ("", "")
    return (f"La base{where_fr} n'a pas pu être lue ou écrite jusqu'au bout : rien n'a été "
            "changé ; vérifiez le disque, puis recommencez ou restaurez une sauvegarde.",
            f"The database{where_en} could not be read or written to the end: nothing was "
            "changed; check the disk, then try again or restore a backup.")


# --- the database, read-only ------------------------------------------------------------


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + s) for s in ("-wal", "-shm")]


@contextlib.contextmanager
def reading(db_path: str) -> Iterator[object]:
    """The database opened read-only, leaving nothing behind.

    SQLite creates ``-wal`` and ``-shm`` beside a WAL database even to read it. When they
    were not there before (no one else has the base open), they are removed on the way out
    the way SQLite itself does: by the last connection closing. The database is not written.
    """
    from citesdesk.core.db import open_database

    path = Path(db_path)
    before = {p for p in _sidecars(path) if p.exists()}
    db = open_database(path, readonly=True)
    try:
        yield db
    finally:
        db.close()
        if not before and any(p.exists() for p in _sidecars(path)):
            with contextlib.suppress(sqlite3.Error):
                conn = sqlite3.connect(path)
                try:
                    conn.execute("PRAGMA schema_version").fetchone()
                finally:
                    conn.close()
