"""Encrypting a database, changing its passphrase, or removing it (no Qt).

The caller closes every connection first (the window reopens the database afterwards).
A snapshot is taken before (under the old passphrase: restoring it will need that one),
then :func:`citesdesk.core.cipher.convert` rewrites the file through a checked copy.
"""

from __future__ import annotations

from pathlib import Path

from citesdesk.core import cipher
from citesdesk.core.db import open_database


def change_passphrase(path: str | Path, new: str | None) -> None:
    """Encrypt ``path`` with ``new``, change its passphrase to ``new``, or (``None``)
    decrypt it. Its current passphrase must be remembered (opened in this process)."""
    from citesdesk.services import backup

    path = Path(path)
    old = cipher.key_for(path)
    if new is not None:
        cipher.check_passphrase(new)
    db = open_database(path)  # refuses a wrong passphrase, upgrades an old schema
    try:
        backup.snapshot(db, "chiffrement")
    finally:
        db.close()
    cipher.convert(path, old, new)
