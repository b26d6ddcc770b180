"""The site's secrets for the national evaluation, kept in the database settings.

- ``signing_key``: the minisign-compatible Ed25519 key that signs every bundle
  (``{"algorithm": "Ed25519", "key_id": hex, "seed": hex}``); only its public half leaves
  the site, as ``site-key.pub``.
- ``pseudonym_secret``: 32 random bytes (hex) under which participant uuids become
  pseudonyms (HMAC-SHA256, cut to 16 bytes, base32). It never leaves the site.
- ``recipients``: the age recipients (``age1…``) every bundle is encrypted to.

Both secrets are created at first need and never change afterwards: a new signing key
would be refused by the national side until it accepts it, a new pseudonym secret would
make every participant a stranger to the previous bundles.
"""

from __future__ import annotations

import base64
import hmac
import secrets
from collections.abc import Callable, Iterable

import pyrage

from citesdesk.core import settings
from citesdesk.core.db import SiteDatabase
from citesdesk.core.errors import CitesDeskError
from citesdesk.services.bundle.minisign import PublicKey, SecretKey

SIGNING_KEY = "signing_key"
PSEUDONYM_SECRET = "pseudonym_secret"
RECIPIENTS = "recipients"


def stored_signing_key(db: SiteDatabase, setting: str) -> SecretKey:
    """The minisign signing key kept in ``setting``, created (and stored) on first use."""
    with db.atomic():
        stored = db.setting(setting)
        if stored:
            return SecretKey.from_dict(stored)
        key = SecretKey.generate()
        db.set_setting(setting, key.to_dict())
    return key


def signing_key(db: SiteDatabase) -> SecretKey:
    """The site's signing key (bundles), created (and stored) on first use."""
    return stored_signing_key(db, SIGNING_KEY)


def public_key(db: SiteDatabase) -> PublicKey:
    return signing_key(db).public


def pseudonym_secret(db: SiteDatabase) -> bytes:
    """The site's pseudonym secret (32 bytes), created (and stored) on first use."""
    with db.atomic():
        stored = db.setting(PSEUDONYM_SECRET)
        if stored:
            return bytes.fromhex(stored)
        value = secrets.token_bytes(32)
        db.set_setting(PSEUDONYM_SECRET, value.hex())
    return value


def pseudonymiser(secret: bytes) -> Callable[[str], str]:
    """``uuid → pseudonym``: HMAC-SHA256 under ``secret``, 16 bytes, base32 (26 characters,
    no padding). Used for participants (each computed once per bundle)."""
    def pseudonym(record_uuid: str) -> str:
        digest = hmac.digest(secret, record_uuid.encode("ascii"), "sha256")[:16]
        return base64.b32encode(digest).decode("ascii")[:26]
    return pseudonym


def record_ids(secret: bytes) -> Callable[[str], str]:
    """``uuid → id`` of an enrollment, event or referral: the same keyed hash, 16 bytes,
    in hexadecimal (32 characters); as unlinkable as a pseudonym, and cheap for 100,000
    rows."""
    def record_id(record_uuid: str) -> str:
        return hmac.digest(secret, record_uuid.encode("ascii"), "sha256")[:16].hex()
    return record_id


def ensure_site_keys(db: SiteDatabase) -> None:
    """Create the signing key and the pseudonym secret if the site has none yet."""
    signing_key(db)
    pseudonym_secret(db)


def check_recipient(text: str) -> str:
    """The recipient, stripped, or a refusal saying what an age recipient looks like."""
    value = (text or "").strip()
    try:
        pyrage.x25519.Recipient.from_str(value)
    except Exception:  # pyrage raises its own RecipientError or ValueError
        raise CitesDeskError(
            f"« {value} » n'est pas une clé publique age valide : elle commence par « age1 » "
            "et vous est transmise par l'évaluation nationale.",
            f"'{value}' is not a valid age public key: it starts with 'age1' and is given to "
            "you by the national evaluation.",
        ) from None
    return value


def recipients(db: SiteDatabase) -> list[str]:
    return list(settings.get(db, RECIPIENTS))


def set_recipients(db: SiteDatabase, values: Iterable[str]) -> list[str]:
    """Replace the site's recipients (each checked; duplicates dropped, order kept)."""
    clean: list[str] = []
    for v in values:
        r = check_recipient(v)
        if r not in clean:
            clean.append(r)
    return settings.put(db, RECIPIENTS, clean)
