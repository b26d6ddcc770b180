"""Passphrases on the command line, never in the shell's history.

A command given an encrypted ``--db`` takes its passphrase from the environment variable
``CITESDESK_PASSPHRASE`` (for scripts: set it from a password manager, not on the command
line) or, when none is set, asks for it on the terminal without echoing it. There is no
``--passphrase`` option on purpose: a command line is stored in the history and visible
to every user in the process list.

``citesdesk passphrase --db FILE`` sets, changes or (``--remove``) removes the passphrase
of a database; the new one comes from ``CITESDESK_NEW_PASSPHRASE`` or is asked twice.
``citesdesk init --encrypt`` creates the database encrypted from the start.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from citesdesk.core import cipher
from citesdesk.core.errors import CitesDeskError

ENV, NEW_ENV = "CITESDESK_PASSPHRASE", "CITESDESK_NEW_PASSPHRASE"
BACKUP_ENV = "CITESDESK_BACKUP_PASSPHRASE"  # restore: a backup under an older passphrase


def _say(args, fr: str, en: str) -> str:
    return en if getattr(args, "lang", "fr") == "en" else fr


def _ask(args, prompt_fr: str, prompt_en: str) -> str | None:
    if not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass(_say(args, prompt_fr, prompt_en))
    except EOFError:
        return None


def current(args, path: Path) -> str:
    """The passphrase of the encrypted ``path``: environment, else asked on a terminal."""
    given = os.environ.get(ENV)
    if given is None:
        given = _ask(args, f"Phrase secrète de « {path.name} » : ",
                     f"Passphrase of '{path.name}': ")
    if not given:
        raise CitesDeskError(
            f"« {path.name} » est chiffrée : donnez sa phrase secrète dans la variable "
            f"d'environnement {ENV}, ou lancez la commande dans un terminal pour la taper.",
            f"'{path.name}' is encrypted: give its passphrase in the environment variable "
            f"{ENV}, or run the command in a terminal to type it.")
    return given


def new(args, env: str = NEW_ENV) -> str:
    """A new passphrase: environment variable ``env``, else typed twice on a terminal."""
    given = os.environ.get(env)
    if given is None:
        given = _ask(args, "Nouvelle phrase secrète (12 caractères au moins) : ",
                     "New passphrase (at least 12 characters): ")
        if given is not None and given != _ask(args, "Retapez-la : ", "Type it again: "):
            raise CitesDeskError("Les deux phrases secrètes diffèrent : rien n'a été changé.",
                                 "The two passphrases differ: nothing was changed.")
    if not given:
        raise CitesDeskError(
            f"Donnez la nouvelle phrase secrète dans la variable d'environnement {env}, "
            "ou lancez la commande dans un terminal pour la taper.",
            f"Give the new passphrase in the environment variable {env}, or run the "
            "command in a terminal to type it.")
    cipher.check_passphrase(given)
    return given


def unlock(args) -> None:
    """Before a command runs: remember the passphrase of an encrypted ``--db`` (and of
    the backup that ``restore`` reads). Reads file headers only: no connection is open
    yet. The window (no sub-command) asks for it itself unless the variable is set."""
    if args._command in ("init", "demo"):  # they create, and refuse an existing file
        return
    db = getattr(args, "db", None)
    backup = getattr(args, "file", None) if args._command == "restore" else None
    files = [Path(f) for f in (db, backup) if f]
    encrypted = [f for f in files if cipher.looks_encrypted(f)]
    if not encrypted or (args._command == "gui" and ENV not in os.environ):
        return
    key = current(args, encrypted[0])
    for f in {*encrypted, Path(db)} if db else encrypted:
        cipher.remember(f, key)
    if backup and os.environ.get(BACKUP_ENV):  # a backup made under an older passphrase
        cipher.remember(backup, os.environ[BACKUP_ENV])


def run(args) -> int:
    """``citesdesk passphrase --db FILE [--remove]``."""
    from citesdesk.services.encryption import change_passphrase

    path = Path(args.db)
    old = cipher.key_for(path)
    if args.remove and not old:
        raise CitesDeskError(f"« {path} » n'est pas chiffrée : rien à faire.",
                             f"'{path}' is not encrypted: nothing to do.")
    fresh = None if args.remove else new(args)
    change_passphrase(path, fresh)
    if fresh is None:
        print(_say(args, f"« {path} » n'est plus chiffrée.", f"'{path}' is no longer encrypted."))
    elif old:
        print(_say(args, f"Phrase secrète de « {path} » changée.",
                   f"Passphrase of '{path}' changed."))
    else:
        print(_say(args, f"« {path} » est maintenant chiffrée.", f"'{path}' is now encrypted."))
    return 0
