"""The ``citesdesk`` command (a contract: see ``docs/design/PRODUCT.md`` and ``docs/cli.md``).

With no sub-command it opens the window. Each sub-command lives in a ``cmd_*`` module that
registers it (``register(cli)``, see :mod:`citesdesk.cli.parser`) and keeps its heavy
imports inside ``run``, so that ``citesdesk info`` never loads Qt or reportlab.
Exit status: 0 done, 1 input refused (one clear sentence on stderr), 2 usage error.
"""

from __future__ import annotations

import importlib
import logging
import os
import sqlite3
import sys
from pathlib import Path

from citesdesk import __version__
from citesdesk.cli import argparse_fr
from citesdesk.cli import parser as cli_parser
from citesdesk.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    database_error_message,
    os_error_message,
)
from citesdesk.core.errors import CitesDeskError

__all__ = ["EXIT_OK", "EXIT_REFUSED", "EXIT_USAGE", "build_parser", "main"]


def _lang(argv: list[str]) -> str:
    """``--lang`` wherever it is on the line, else ``CITESDESK_LANG``, ``LANG``, French."""
    for i, word in enumerate(argv):
        if word == "--":
            break
        if word == "--lang" and i + 1 < len(argv) and argv[i + 1] in ("fr", "en"):
            return argv[i + 1]
        if word in ("--lang=fr", "--lang=en"):
            return word[7:]
    env = os.environ.get("CITESDESK_LANG") or os.environ.get("LANG") or "fr"
    return "en" if env.startswith("en") else "fr"


def _bundle_to_open(argv: list[str]) -> str | None:
    """``citesdesk FILE.citesbundle`` (the file manager opening a bundle): the window's
    bundle inspector. The file is taken out of ``argv``; sub-commands are left alone."""
    if argv and not argv[0].startswith("-") and argv[0].lower().endswith(".citesbundle"):
        return argv.pop(0)
    return None


def _team_files_to_open(argv: list[str]) -> list[str]:
    """``citesdesk FILE.citesequipe…`` (the file manager opening a colleague's team file):
    the window opens on the usual database and offers to merge them. The files are taken
    out of ``argv``."""
    files = []
    while argv and not argv[0].startswith("-") and argv[0].lower().endswith(".citesequipe"):
        files.append(argv.pop(0))
    return files


def build_parser(lang: str = "fr") -> cli_parser.CliParser:
    with argparse_fr.speaking(lang):
        return cli_parser.build(lang, __version__)


def _parse(argv: list[str], lang: str):
    """The parsed command line, or the exit status of a usage error (or of ``--help``)."""
    with argparse_fr.speaking(lang):
        parser = cli_parser.build(lang, __version__)
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # argparse: 0 for --help/--version, 2 for usage errors
            return int(exc.code or 0)
        p = args._parser
        if args._needs_db and not args.db:
            return p.usage_failure("l'option --db BASE est obligatoire pour cette commande",
                                   "the option --db DATABASE is required for this command")
        if args.db and not args._needs_db and args._command != "gui":
            return p.usage_failure(
                f"« {args._command} » n'utilise pas de base : retirez --db",
                f"'{args._command}' uses no database: remove --db")
    return args


def _named(exc: OSError, args) -> OSError:
    """The error naming what the user typed: a temporary file beside ``--out`` (or an
    error naming no file) is told as ``--out``."""
    name = os.path.basename(str(exc.filename or ""))
    out = getattr(args, "out", None)
    if out and (not name or (name.startswith(".") and name.endswith((".part", ".tmp")))):
        return OSError(exc.errno, exc.strerror, out)
    return exc


def _reader_gone() -> int:
    """Whoever read our output stopped reading (``| head``): nothing more to say."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return EXIT_OK


def _quiet_unraisable(hook_args) -> None:
    """A file object that fails again while being thrown away after a refused write
    (disk full) says nothing more: the refusal has been told."""


def _folders_of(args) -> list[Path]:
    """The folders of the files this command names (its database, its output)."""
    return [Path(v).parent for k in ("db", "out", "report")
            if isinstance(v := getattr(args, k, None), str)]


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _lang(argv)
    open_bundle = _bundle_to_open(argv)
    open_team = _team_files_to_open(argv)
    try:
        args = _parse(argv, lang)
    except BrokenPipeError:  # ``citesdesk --help | head``
        return _reader_gone()
    if isinstance(args, int):
        return args
    args.lang = args.lang or lang
    args.open_bundle = open_bundle
    args.open_team = open_team
    from citesdesk.core import locking

    group = {"citesdesk.cli.cmd_bundle": "bundle ",
             "citesdesk.cli.cmd_national": "national ",
             "citesdesk.cli.cmd_team": "team "}.get(args._module, "")
    locking.PROGRAM["name"] = ("CitésDesk" if args._command == "gui"
                               else f"citesdesk {group}{args._command}")
    from citesdesk.cli import moved

    before = moved.install(args.lang)  # a base copied from another computer: a new node
    module = importlib.import_module(args._module)
    from citesdesk.core import files

    files.sweep_at_start(*_folders_of(args))  # what a killed run left behind
    # What the services log (an automatic backup that failed…) goes to the window's log
    # file, not to the terminal: a command says one sentence.
    logging.getLogger("citesdesk").addHandler(logging.NullHandler())
    sys.unraisablehook = _quiet_unraisable
    try:
        from citesdesk.cli.passphrase import unlock

        unlock(args)  # an encrypted --db: CITESDESK_PASSPHRASE, or asked on a terminal
        return int(module.run(args) or 0)
    except CitesDeskError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return EXIT_REFUSED
    except BrokenPipeError:  # ``citesdesk info | head``: the reader has had enough
        return _reader_gone()
    except OSError as exc:
        fr, en = os_error_message(_named(exc, args))
        print(en if args.lang == "en" else fr, file=sys.stderr)
        return EXIT_REFUSED
    except sqlite3.Error as exc:  # busy, read-only, a disk full under the command…
        refusal = locking.friendly(exc, getattr(args, "db", None))
        if refusal is not None:
            print(refusal.message(args.lang), file=sys.stderr)
            return EXIT_REFUSED
        fr, en = database_error_message(exc, getattr(args, "out", None) or args.db)
        print(en if args.lang == "en" else fr, file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("Interrompu." if args.lang == "fr" else "Interrupted.", file=sys.stderr)
        return 130
    finally:
        moved.restore(before)


