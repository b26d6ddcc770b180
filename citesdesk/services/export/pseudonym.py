"""Pseudonyms of participants in what leaves the site.

The same rule as the sync bundle (``BUNDLE.md``): HMAC-SHA256 of the participant's uuid
under the site's random secret (setting ``pseudonym_secret``, 32 bytes in hex, created
once, never exported), cut to 16 bytes, base32. A person keeps one pseudonym in every
workbook and bundle of the site; nobody without the database can link it back.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Callable

PSEUDONYM_SECRET = "pseudonym_secret"


def pseudonym_secret(db) -> bytes:
    """The site's secret, created (and stored) on first use."""
    stored = db.setting(PSEUDONYM_SECRET)
    if stored:
        return bytes.fromhex(stored)
    if getattr(db, "readonly", False):
        raise RuntimeError("no pseudonym secret in a read-only database")
    with db.atomic():
        stored = db.setting(PSEUDONYM_SECRET)
        if stored:
            return bytes.fromhex(stored)
        value = secrets.token_bytes(32)
        db.set_setting(PSEUDONYM_SECRET, value.hex())
    return value


def pseudonymiser(db) -> Callable[[str], str]:
    """``uuid → pseudonym`` for this site (26 base32 characters)."""
    secret = pseudonym_secret(db)

    def pseudonym(record_uuid: str) -> str:
        digest = hmac.new(secret, record_uuid.encode("ascii"), hashlib.sha256).digest()[:16]
        return base64.b32encode(digest).decode("ascii").rstrip("=")
    return pseudonym
