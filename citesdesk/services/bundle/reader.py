"""Opening a bundle and checking it, layer by layer; shared by ``bundle inspect`` and the
national consolidation. Every refusal is a :class:`BundleRefused` with a stable ``code``.
"""

from __future__ import annotations

import hashlib
import io
import json
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pyrage

from citesdesk.core.errors import CitesDeskError
from citesdesk.services.bundle.minisign import PublicKey, SignatureInvalid, verify
from citesdesk.services.bundle.package import (
    DATAPACKAGE,
    MEMBERS,
    PUBLIC_KEY,
    RESOURCES,
    SCHEMA_VERSION,
    SIGNATURE,
    TABLES,
    VALIDATION_ORDER,
    SchemaViolation,
    columns_of,
    read_table,
    validate_columns,
)

AGE_MAGIC = b"age-encryption.org/v1\n"
#: Nothing inflates past this (the sum of the members' sizes).
MAX_INFLATED = 1 << 30
#: The signed members (description, signature, key), read before any data; each is small.
SIGNED = (DATAPACKAGE, SIGNATURE, PUBLIC_KEY)
MAX_SIGNED = 4 << 20
CHUNK = 1 << 20

REASONS = {
    "not_found": ("fichier introuvable ou illisible", "file not found or unreadable"),
    "not_decryptable": ("le fichier ne se déchiffre pas avec cette clé (ce n'est pas un lot "
                        "chiffré pour l'évaluation nationale, ou il est abîmé)",
                        "the file does not decrypt with this key (not a bundle encrypted for "
                        "the national evaluation, or damaged)"),
    "not_zip": ("le contenu déchiffré n'est pas une archive ZIP valide",
                "the decrypted content is not a valid ZIP archive"),
    "unexpected_member": ("l'archive contient un élément inattendu",
                          "the archive holds an unexpected member"),
    "missing_member": ("il manque un élément obligatoire", "a required member is missing"),
    "unsafe_member": ("l'archive contient un chemin dangereux (absolu, « .. », lien)",
                      "the archive holds an unsafe path (absolute, '..', link)"),
    "too_large": ("l'archive se décompresse au-delà de 1 Gio",
                  "the archive inflates past 1 GiB"),
    "bad_signature": ("la signature de datapackage.json n'est pas valide",
                      "the signature of datapackage.json is not valid"),
    "hash_mismatch": ("un fichier ne correspond pas à l'empreinte annoncée (altéré)",
                      "a file does not match its declared hash (altered)"),
    "schema_violation": ("les données ne respectent pas le schéma publié",
                         "the data does not follow the published schema"),
    "changed_key": ("le site signe avec une nouvelle clé : acceptez-la explicitement "
                    "(--accept-new-key CODE_SITE) si le site l'a confirmée",
                    "the site signs with a new key: accept it explicitly "
                    "(--accept-new-key SITE_CODE) once the site has confirmed it"),
    "lower_sequence": ("un lot plus récent de ce site est déjà chargé",
                       "a newer bundle of this site is already loaded"),
    "sequence_conflict": ("un autre lot de même numéro de ce site est déjà chargé",
                          "another bundle with the same number from this site is loaded"),
}


class BundleRefused(CitesDeskError):
    def __init__(self, code: str, detail: str = "") -> None:
        fr, en = REASONS[code]
        suffix = f" : {detail}" if detail else ""
        super().__init__(fr[0].upper() + fr[1:] + suffix + ".",
                         en[0].upper() + en[1:] + (f": {detail}" if detail else "") + ".")
        self.code = code
        self.detail = detail


@dataclass
class OpenedBundle:
    file_sha256: str
    size: int
    datapackage: dict
    datapackage_bytes: bytes
    public_key: PublicKey
    public_key_text: str
    trusted_comment: str
    #: Each resource's cells column by column (validated), and its number of rows.
    columns: dict[str, list[tuple]] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def meta(self) -> dict:
        return self.datapackage["citesdesk"]

    @property
    def site_code(self) -> str:
        return self.meta["site_code"]

    @property
    def sequence(self) -> int:
        return self.meta["sequence"]

    @property
    def datapackage_sha256(self) -> str:
        return hashlib.sha256(self.datapackage_bytes).hexdigest()


def outside(path: str | Path) -> dict:
    """What anyone can see without the key: size, SHA-256, age recipients."""
    p = Path(path)
    if not p.is_file():
        raise CitesDeskError(f"Le fichier « {p} » n'existe pas : vérifiez son nom et son dossier.",
                             f"The file '{p}' does not exist: check its name and folder.")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise CitesDeskError(f"Impossible de lire « {p} » ({exc.strerror}) : vérifiez vos droits "
                             "sur ce fichier.",
                             f"Cannot read '{p}' ({exc.strerror}): check your rights on this "
                             "file.") from None
    stanzas = 0
    is_age = data.startswith(AGE_MAGIC)
    if is_age:
        end = data.find(b"\n---", 0, 1 << 20)
        header = data[:end if end >= 0 else 1 << 16]
        stanzas = sum(1 for line in header.split(b"\n") if line.startswith(b"-> X25519 "))
    return {"file": p.name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest(),
            "age": is_age, "recipients": stanzas}


def load_identities(path: str | Path) -> list:
    """The X25519 identities (``AGE-SECRET-KEY-1…`` lines) of an age identity file."""
    if not Path(path).is_file():
        raise CitesDeskError(
            f"La clé « {path} » n'existe pas : indiquez le fichier national.key créé par "
            "« citesdesk national keygen ».",
            f"The key '{path}' does not exist: give the national.key file made by "
            "'citesdesk national keygen'.")
    try:
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CitesDeskError(f"Impossible de lire la clé « {path} » ({exc}).",
                             f"Cannot read the key '{path}' ({exc}).") from None
    found = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("AGE-SECRET-KEY-"):
            try:
                found.append(pyrage.x25519.Identity.from_str(line))
            except Exception:
                pass
    if not found:
        raise CitesDeskError(
            f"« {path} » ne contient pas de clé age (ligne AGE-SECRET-KEY-1…).",
            f"'{path}' holds no age key (an AGE-SECRET-KEY-1… line).")
    return found


def decrypt(data: bytes, identities: list) -> bytes:
    try:
        return pyrage.decrypt(data, identities)
    except Exception as exc:
        raise BundleRefused("not_decryptable", str(exc)[:120]) from None


def _safe_name(name: str) -> bool:
    if not name or name.startswith(("/", "\\")) or "\\" in name or ":" in name:
        return False
    return all(part not in ("", "..", ".") for part in name.rstrip("/").split("/"))


def unzip(data: bytes) -> dict[str, bytes]:
    """The members of the bundle's ZIP, each checked; streaming, never past 1 GiB."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise BundleRefused("not_zip", str(exc)[:120]) from None
    names = [i.filename for i in infos]
    for info in infos:
        mode = info.external_attr >> 16
        if not _safe_name(info.filename) or stat.S_ISLNK(mode):
            raise BundleRefused("unsafe_member", repr(info.filename[:80]))
    if len(set(names)) != len(names):
        raise BundleRefused("unsafe_member", "duplicate names")
    files = []
    for info in infos:
        if info.is_dir():
            if info.filename != "data/":
                raise BundleRefused("unexpected_member", repr(info.filename[:80]))
            continue
        if info.filename not in MEMBERS:
            raise BundleRefused("unexpected_member", repr(info.filename[:80]))
        if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED,
                                                              zipfile.ZIP_DEFLATED):
            raise BundleRefused("unexpected_member", f"{info.filename}: compression")
        files.append(info)
    missing = [m for m in MEMBERS if m not in {i.filename for i in files}]
    if missing:
        raise BundleRefused("missing_member", ", ".join(missing))
    if sum(i.file_size for i in files) > MAX_INFLATED:
        raise BundleRefused("too_large", f"{sum(i.file_size for i in files)} bytes declared")
    # The signed description first: a forged or damaged signature is refused before any
    # data is inflated, and each data member may inflate to its signed size, no further.
    out = {i.filename: _inflate(zf, i, MAX_SIGNED) for i in files if i.filename in SIGNED}
    _verify_signature(out)
    sizes = _signed_sizes(out[DATAPACKAGE])
    for info in files:
        if info.filename in out:
            continue
        size = sizes.get(info.filename)
        if size is not None and info.file_size != size:
            raise BundleRefused("hash_mismatch", info.filename)
        out[info.filename] = _inflate(zf, info, info.file_size if size is None else size)
    return out


def _inflate(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """One member, streamed, refused as soon as it passes ``limit`` or its declared size."""
    if info.file_size > limit:
        raise BundleRefused("too_large", info.filename)
    parts, read = [], 0
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(CHUNK):
                read += len(chunk)
                if read > info.file_size or read > limit:
                    raise BundleRefused("too_large", info.filename)
                parts.append(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise BundleRefused("not_zip", f"{info.filename}: {str(exc)[:100]}") from None
    return b"".join(parts)


def _verify_signature(members: dict[str, bytes]) -> tuple[PublicKey, str, str]:
    """(public key, its text, trusted comment) once the signature is checked."""
    try:
        key_text = members[PUBLIC_KEY].decode("ascii")
        public = PublicKey.from_text(key_text)
        comment = verify(public, members[DATAPACKAGE], members[SIGNATURE].decode("utf-8"))
    except (SignatureInvalid, UnicodeDecodeError) as exc:
        raise BundleRefused("bad_signature", str(exc)) from None
    return public, key_text, comment


def _signed_sizes(raw: bytes) -> dict[str, int]:
    """Each data member's size as the signed description gives it (what it can)."""
    try:
        package = json.loads(raw.decode("utf-8"))
        return {r["path"]: r["bytes"] for r in package["resources"]
                if isinstance(r.get("path"), str) and isinstance(r.get("bytes"), int)}
    except (ValueError, KeyError, TypeError, AttributeError):
        return {}  # check_members refuses the description itself


def check_members(members: dict[str, bytes], *, validate: bool = True) -> OpenedBundle:
    """Signature, package description, hashes and (with ``validate``) the data."""
    public, key_text, comment = _verify_signature(members)
    raw = members[DATAPACKAGE]
    try:
        package = json.loads(raw.decode("utf-8"))
        meta = package["citesdesk"]
        resources = {r["name"]: r for r in package["resources"]}
        assert isinstance(meta["site_code"], str) and meta["site_code"].strip()
        assert isinstance(meta["sequence"], int) and meta["sequence"] >= 1
        for k in ("bundle_id", "created_at", "schema_version", "software_version",
                  "previous_bundle_sha256", "quarters"):
            assert k in meta, k
    except (ValueError, KeyError, TypeError, AssertionError) as exc:
        raise BundleRefused("schema_violation", f"datapackage.json: {exc!r}"[:160]) from None
    if meta["schema_version"] != SCHEMA_VERSION:
        raise BundleRefused("schema_violation",
                            f"schema_version {meta['schema_version']!r} (expected "
                            f"{SCHEMA_VERSION})")
    if sorted(resources) != sorted(RESOURCES) or len(package["resources"]) != len(RESOURCES):
        raise BundleRefused("schema_violation", "resources differ from the published list")
    for name in RESOURCES:
        res, data = resources[name], members.get(TABLES[name].path, b"")
        if res.get("path") != TABLES[name].path:
            raise BundleRefused("schema_violation", f"{name}: path {res.get('path')!r}")
        if res.get("bytes") != len(data) or \
                res.get("hash") != "sha256:" + hashlib.sha256(data).hexdigest():
            raise BundleRefused("hash_mismatch", TABLES[name].path)
        if res.get("schema") != TABLES[name].schema():
            raise BundleRefused("schema_violation", f"{name}: schema differs from the "
                                f"published schema version {SCHEMA_VERSION}")
    opened = OpenedBundle("", 0, package, raw, public, key_text, comment)
    if validate:
        keys: dict[str, set] = {}
        for name in VALIDATION_ORDER:
            table = TABLES[name]
            try:
                rows = read_table(table, members[table.path])
            except SchemaViolation as exc:
                raise BundleRefused("schema_violation", str(exc)) from None
            columns, errors = columns_of(table, rows)
            errors = errors or validate_columns(table, columns, keys)
            if errors:
                raise BundleRefused("schema_violation", "; ".join(errors[:3]))
            opened.columns[name] = columns
            opened.rows[name] = len(rows)
        site = opened.columns["site"]
        if opened.rows["site"] != 1 or site[0][0] != meta["site_code"]:
            raise BundleRefused("schema_violation",
                                "site.csv must hold exactly the site of citesdesk.site_code")
    return opened


def open_bundle(path: str | Path, identities: list, *, validate: bool = True) -> OpenedBundle:
    """Decrypt, unzip, verify and validate a bundle file, or :class:`BundleRefused`."""
    try:
        if Path(path).stat().st_size > MAX_INFLATED:
            raise BundleRefused("too_large", "file")
        data = Path(path).read_bytes()
    except OSError as exc:
        raise BundleRefused("not_found", str(exc)) from None
    opened = check_members(unzip(decrypt(data, identities)), validate=validate)
    opened.file_sha256 = hashlib.sha256(data).hexdigest()
    opened.size = len(data)
    return opened
