"""``citesdesk passphrase --db BASE [--remove]``: encrypt a database, change or remove its
passphrase (the passphrases come from the environment or are typed: see
:mod:`citesdesk.cli.passphrase`)."""

from __future__ import annotations

ORDER = 16


def register(cli) -> None:
    p = cli.command("passphrase", __name__, (
        "chiffrer la base, changer ou retirer sa phrase secrète",
        "encrypt the database, change or remove its passphrase"), db=True)
    p.add_argument("--remove", action="store_true", help=(
        "déchiffrer la base (retirer sa phrase secrète)",
        "decrypt the database (remove its passphrase)"))


def run(args) -> int:
    from citesdesk.cli import passphrase

    return passphrase.run(args)
