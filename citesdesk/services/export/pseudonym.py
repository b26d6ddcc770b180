"""Pseudonyms of participants in what leaves the site.

One rule for the whole application, the sync bundle's (``docs/design/BUNDLE.md``): HMAC-SHA256 of
the participant's uuid under the site's random secret (setting ``pseudonym_secret``,
created once, never exported), cut to 16 bytes, base32. A person keeps one pseudonym in
every workbook and bundle of the site; nobody without the database can link it back.
"""

from __future__ import annotations

from collections.abc import Callable

from citesdesk.services.bundle import keys


def pseudonymiser(db) -> Callable[[str], str]:
    """``uuid → pseudonym`` for this site (26 base32 characters); the secret is created
    on first use."""
    return keys.pseudonymiser(keys.pseudonym_secret(db))
