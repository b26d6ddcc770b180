"""The laptop's team keys and the colleagues' public keys (``docs/design/SYNC.md``).

Each database creates, on first use, an age identity (X25519: the team's files are
encrypted to every colleague's recipient) and a minisign-compatible Ed25519 signing key
(every file it prepares is signed with it). Both live in the database settings
(``team_age_identity``, ``team_signing_key``); they are distinct from the site's bundle
key, which identifies the site to the national evaluation, not one laptop.

A colleague is added from their public key file (a small JSON text: name, site, node, age
recipient, minisign public key) after comparing its short fingerprint aloud.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import pyrage

from citesdesk.core.db import SiteDatabase, utc_now
from citesdesk.core.errors import CitesDeskError
from citesdesk.services.bundle.minisign import PublicKey, SecretKey, SignatureInvalid

AGE_IDENTITY = "team_age_identity"
SIGNING_KEY = "team_signing_key"
KEY_FORMAT = "citesdesk-team-key"
KEY_SUFFIX = ".citesequipe-cle"


def fingerprint(recipient: str, public: PublicKey) -> str:
    """Short fingerprint read aloud: 16 hexadecimal digits in four groups."""
    digest = hashlib.sha256(recipient.encode("ascii") + public.key_id + public.key).hexdigest()
    text = digest[:16].upper()
    return " ".join(text[i:i + 4] for i in range(0, 16, 4))


def age_identity(db: SiteDatabase) -> pyrage.x25519.Identity:
    """This laptop's age identity, created (and stored) on first use."""
    with db.atomic():
        stored = db.setting(AGE_IDENTITY)
        if stored:
            return pyrage.x25519.Identity.from_str(stored)
        identity = pyrage.x25519.Identity.generate()
        db.set_setting(AGE_IDENTITY, str(identity))
    return identity


def signing_key(db: SiteDatabase) -> SecretKey:
    """This laptop's signing key for team files, created (and stored) on first use."""
    from citesdesk.services.bundle.keys import stored_signing_key

    return stored_signing_key(db, SIGNING_KEY)


@dataclass(frozen=True)
class MyKey:
    name: str
    node: str
    recipient: str
    public: PublicKey
    fingerprint: str


def site_row(db: SiteDatabase) -> dict:
    """The site's uuid, code and name (read through :func:`citesdesk.core.site.get_site`);
    a refusal before the site is set up."""
    from citesdesk.core.site import get_site

    row = get_site(db)
    if row is None:
        raise CitesDeskError("Cette base n'a pas encore de site : créez-le d'abord.",
                             "This database has no site yet: create it first.")
    return {"uuid": row["uuid"], "code": row["site_code"], "name": row["name"]}


def laptop_name(db: SiteDatabase) -> str:
    return db.setting("team_laptop_name") or db.actor() or db.clock.node


def my_key(db: SiteDatabase) -> MyKey:
    recipient = str(age_identity(db).to_public())
    public = signing_key(db).public
    return MyKey(laptop_name(db), db.clock.node, recipient, public,
                 fingerprint(recipient, public))


def public_key_text(db: SiteDatabase) -> str:
    key, site = my_key(db), site_row(db)
    return json.dumps({
        "format": KEY_FORMAT, "version": 1, "name": key.name, "node": key.node,
        "site_uuid": site["uuid"], "site_code": site["code"], "age": key.recipient,
        "minisign": key.public.to_text(), "fingerprint": key.fingerprint,
    }, ensure_ascii=False, indent=2) + "\n"


def write_public_key(db: SiteDatabase, out: str | Path) -> tuple[Path, str]:
    """Write my public key file; returns (path, fingerprint)."""
    path = Path(out)
    if path.is_dir():
        path = path / f"{laptop_name(db)}{KEY_SUFFIX}"
    text = public_key_text(db)
    path.write_text(text, "utf-8")
    return path, json.loads(text)["fingerprint"]


@dataclass(frozen=True)
class ColleagueKey:
    name: str
    node: str | None
    site_uuid: str
    site_code: str
    recipient: str
    public: PublicKey
    fingerprint: str


def _bad_key(path: Path) -> CitesDeskError:
    return CitesDeskError(
        f"« {path.name} » n'est pas un fichier de clé d'équipe CitésDesk : demandez à votre "
        "collègue le fichier écrit par « citesdesk team key » ou par l'écran Équipe.",
        f"'{path.name}' is not a CitésDesk team key file: ask your colleague for the file "
        "written by 'citesdesk team key' or by the Team screen.")


def read_public_key(path: str | Path) -> ColleagueKey:
    path = Path(path)
    try:
        data = json.loads(path.read_text("utf-8"))
        if data.get("format") != KEY_FORMAT:
            raise ValueError
        public = PublicKey.from_text(data["minisign"])
        recipient = str(pyrage.x25519.Recipient.from_str(data["age"]))
    except OSError:
        raise CitesDeskError(f"Impossible de lire « {path} ».", f"Cannot read '{path}'.") \
            from None
    except (ValueError, KeyError, TypeError, AttributeError, SignatureInvalid,
            pyrage.RecipientError):
        raise _bad_key(path) from None
    return ColleagueKey(str(data.get("name") or "?"), data.get("node") or None,
                        str(data.get("site_uuid") or ""), str(data.get("site_code") or ""),
                        recipient, public, fingerprint(recipient, public))


def add_member(db: SiteDatabase, key: ColleagueKey, name: str | None = None,
               vector: dict | None = None) -> dict:
    """Add (or update the name of) a colleague's laptop; refuses another site's key and
    my own key."""
    site = site_row(db)
    if key.site_code and key.site_code != site["code"]:
        raise CitesDeskError(
            f"Cette clé est celle d'un poste du site {key.site_code}, pas du site "
            f"{site['code']} : on n'échange qu'au sein d'un même site.",
            f"This key belongs to a laptop of site {key.site_code}, not of site "
            f"{site['code']}: files are exchanged within one site only.")
    if key.public.key_id_hex == signing_key(db).public.key_id_hex:
        raise CitesDeskError("Cette clé est celle de ce poste-ci, pas celle d'un collègue.",
                             "This key is this laptop's own key, not a colleague's.")
    label = (name or key.name).strip() or key.name
    with db.atomic():
        db.execute(
            "INSERT INTO team_member(key_id, name, node, age_recipient, minisign_key, "
            "fingerprint, added_at, vector) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(key_id) DO UPDATE SET name = excluded.name",
            [key.public.key_id_hex, label, key.node, key.recipient, key.public.to_text(),
             key.fingerprint, utc_now(), json.dumps(vector or {})])
    return member_by_key(db, key.public.key_id_hex)


def members(db: SiteDatabase) -> list[dict]:
    return list(db.query("SELECT * FROM team_member ORDER BY name, id"))


def member_by_key(db: SiteDatabase, key_id: str) -> dict | None:
    return next((m for m in members(db) if m["key_id"] == key_id), None)


def team_recipients(db: SiteDatabase) -> list[str]:
    """My own recipient first (to read my files back), then every colleague's."""
    out = [str(age_identity(db).to_public())]
    out += [m["age_recipient"] for m in members(db) if m["age_recipient"] not in out]
    return out


def holders(db: SiteDatabase) -> list[dict]:
    """The colleagues' laptops that hold the site's data, as the access export lists them:
    name, since when (added), last file sent to the team."""
    try:
        rows = members(db)
    except Exception:  # noqa: BLE001 - a database without the team tables: no colleague
        return []
    return [{"name": m["name"], "since": m["added_at"], "last_sent": m["last_sent_at"] or ""}
            for m in rows]
