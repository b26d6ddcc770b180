"""``bundle inspect``: what a bundle shows from outside, and with the key, what it holds."""

from __future__ import annotations

from pathlib import Path

from citesdesk.services.bundle.package import RESOURCES
from citesdesk.services.bundle.reader import (
    BundleRefused,
    load_identities,
    open_bundle,
    outside,
)


def inspect(path: str | Path, identity: str | Path | None = None) -> dict:
    """Without ``identity``: file name, size, SHA-256 and number of age recipients.

    With it: also the manifest (``citesdesk`` property, resources with rows and hashes),
    the signature check (key id, trusted comment) and the validation result; a refused
    bundle is reported (``valid`` false, ``refusal`` code and reason), not raised.
    """
    info = outside(path)
    if identity is None:
        return info
    identities = load_identities(identity)
    try:
        opened = open_bundle(path, identities)
    except BundleRefused as exc:
        info.update(valid=False, refusal=exc.code, reason=exc.message_fr,
                    reason_en=exc.message_en)
        return info
    resources = {r["name"]: r for r in opened.datapackage["resources"]}
    info.update(
        valid=True,
        manifest=opened.meta,
        datapackage_sha256=opened.datapackage_sha256,
        signature={"valid": True, "key_id": opened.public_key.key_id_hex,
                   "trusted_comment": opened.trusted_comment},
        resources=[{"name": n, "path": resources[n]["path"], "rows": opened.rows[n],
                    "bytes": resources[n]["bytes"], "hash": resources[n]["hash"]}
                   for n in RESOURCES],
    )
    return info
