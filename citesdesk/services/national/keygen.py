"""``national keygen``: the national evaluation's age identity."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pyrage

from citesdesk.core.errors import CitesDeskError

KEY_FILE = "national.key"
RECIPIENT_FILE = "national.pub"


def keygen(out_dir: str | os.PathLike) -> tuple[Path, str]:
    """Write ``out_dir/national.key`` (age identity, owner-only) and ``national.pub``;
    returns the key path and the recipient (``age1…``) to give to every site.
    An existing key is never overwritten."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    key_path = out / KEY_FILE
    if key_path.exists():
        raise CitesDeskError(
            f"« {key_path} » existe déjà : CitésDesk ne remplace pas une clé nationale (les "
            "lots chiffrés pour elle deviendraient illisibles). Choisissez un autre dossier.",
            f"'{key_path}' already exists: CitésDesk does not replace a national key (bundles "
            "encrypted to it would become unreadable). Choose another folder.")
    identity = pyrage.x25519.Identity.generate()
    recipient = str(identity.to_public())
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    text = f"# created: {stamp}\n# public key: {recipient}\n{identity}\n"
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(text)
    (out / RECIPIENT_FILE).write_text(recipient + "\n", "ascii")
    return key_path, recipient
