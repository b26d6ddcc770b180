"""Open a bundle into its members, change them, and seal them again (to test refusals)."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

import pyrage

from citesdesk.services.bundle import keys
from citesdesk.services.bundle.reader import load_identities


def members(path, identity) -> dict[str, bytes]:
    data = pyrage.decrypt(path.read_bytes(), load_identities(identity))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def seal(path, items, recipient: str, *, infos: dict | None = None) -> None:
    """Write ``items`` (name → bytes, or a ZipInfo in ``infos``) as an encrypted ZIP."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in items.items():
            zf.writestr((infos or {}).get(name, name), data)
    path.write_bytes(pyrage.encrypt(buf.getvalue(), [pyrage.x25519.Recipient.from_str(recipient)]))


def resign(db, items: dict[str, bytes]) -> None:
    """Update every resource's bytes and hash and sign again with the site's key."""
    package = json.loads(items["datapackage.json"])
    for res in package["resources"]:
        data = items[res["path"]]
        res["bytes"] = len(data)
        res["hash"] = "sha256:" + hashlib.sha256(data).hexdigest()
    raw = (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode()
    items["datapackage.json"] = raw
    items["datapackage.json.minisig"] = keys.signing_key(db).sign(raw, "altered").encode()
