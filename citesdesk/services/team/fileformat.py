"""The ``.citesequipe`` file: an age-encrypted ZIP of ``manifest.json``, ``changes.jsonl``
and ``manifest.json.minisig`` (``docs/team.md``). Writing it, and opening it with every
check made before anything is merged; each refusal is one sentence (:class:`TeamRefused`).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pyrage

from citesdesk.core.errors import CitesDeskError
from citesdesk.services.bundle.minisign import PublicKey, SecretKey, SignatureInvalid, verify

SUFFIX = ".citesequipe"
FORMAT = "citesequipe"
FORMAT_VERSION = 1
MANIFEST, CHANGES, SIGNATURE = "manifest.json", "changes.jsonl", "manifest.json.minisig"
MEMBERS = {MANIFEST, CHANGES, SIGNATURE}
AGE_MAGIC = b"age-encryption.org/v1\n"
MAX_INFLATED = 1 << 30

REASONS = {
    "not_found": ("le fichier est introuvable ou illisible", "the file is missing or unreadable"),
    "not_team_file": ("ce n'est pas un fichier d'équipe CitésDesk (.citesequipe)",
                      "this is not a CitésDesk team file (.citesequipe)"),
    "not_for_me": ("ce fichier n'est pas chiffré pour ce poste ou il est abîmé : demandez à "
                   "votre collègue d'ajouter votre clé puis de préparer un nouveau fichier",
                   "this file is not encrypted for this laptop or it is damaged: ask your "
                   "colleague to add your key, then to prepare a new file"),
    "unknown_key": ("ce fichier est signé par un poste inconnu : ajoutez d'abord la clé de ce "
                    "collègue (Équipe, « Ajouter un collègue »)",
                    "this file is signed by an unknown laptop: add this colleague's key first "
                    "(Team, 'Add a colleague')"),
    "changed_key": ("le poste {name} signe désormais avec une autre clé : vérifiez avec votre "
                    "collègue puis ajoutez sa nouvelle clé",
                    "laptop {name} now signs with another key: check with your colleague, then "
                    "add their new key"),
    "altered": ("ce fichier a été modifié depuis sa signature : ne l'intégrez pas et "
                "demandez-en un nouveau", "this file was altered after it was signed: do not "
                "merge it and ask for a new one"),
    "other_site": ("ce fichier vient du site {theirs}, pas de ce site-ci ({mine}) : rien n'a été "
                   "intégré", "this file comes from site {theirs}, not from this site ({mine}): "
                   "nothing was merged"),
    "newer_schema": ("ce fichier vient d'une version plus récente de CitésDesk (schéma "
                     "{theirs}, celle-ci connaît le schéma {mine}) : installez la dernière "
                     "version", "this file comes from a newer CitésDesk (schema {theirs}; this "
                     "one knows schema {mine}): install the latest version"),
    "own_file": ("ce fichier a été préparé par ce poste-ci : il n'y a rien à intégrer",
                 "this file was prepared by this laptop: there is nothing to merge"),
}


class TeamRefused(CitesDeskError):
    """A team file refused before anything was merged; ``code`` says why."""

    def __init__(self, code: str, path: str | Path = "", **values) -> None:
        fr, en = REASONS[code]
        fr, en = fr.format(**values), en.format(**values)
        name = Path(path).name if path else ""
        super().__init__(
            (f"« {name} » : " if name else "") + fr[0].upper() + fr[1:] + ".",
            (f"'{name}': " if name else "") + en[0].upper() + en[1:] + ".")
        self.code = code


def write(path: str | Path, manifest: dict, changes: bytes, key: SecretKey,
          recipients: list[str]) -> tuple[Path, str]:
    """Write the encrypted file atomically; returns (path, sha256 of the file)."""
    manifest = {**manifest, "changes_sha256": hashlib.sha256(changes).hexdigest()}
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1,
                                sort_keys=True).encode("utf-8")
    signature = key.sign(manifest_bytes, f"citesequipe {manifest['sender_node']} "
                         f"{manifest['created_at']} {manifest['changes_sha256']}",
                         "signature from CitesDesk team key")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MANIFEST, manifest_bytes)
        zf.writestr(CHANGES, changes)
        zf.writestr(SIGNATURE, signature)
    data = pyrage.encrypt(buffer.getvalue(),
                          [pyrage.x25519.Recipient.from_str(r) for r in recipients])
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=".citesequipe-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path, hashlib.sha256(data).hexdigest()


@dataclass
class Opened:
    path: Path
    manifest: dict
    manifest_raw: bytes
    changes: bytes
    signature: str
    sha256: str


def open_file(path: str | Path, identity: pyrage.x25519.Identity) -> Opened:
    """Decrypt and unpack; refuses what is not a team file or not for this laptop."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError:
        raise TeamRefused("not_found", path) from None
    if not data.startswith(AGE_MAGIC):
        raise TeamRefused("not_team_file", path)
    try:
        plain = pyrage.decrypt(data, [identity])
    except pyrage.DecryptError:
        raise TeamRefused("not_for_me", path) from None
    try:
        with zipfile.ZipFile(io.BytesIO(plain)) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            if names != MEMBERS or len(infos) != len(MEMBERS) \
                    or sum(i.file_size for i in infos) > MAX_INFLATED:
                raise TeamRefused("not_team_file", path)
            parts = {n: zf.read(n) for n in MEMBERS}
        manifest = json.loads(parts[MANIFEST])
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise TeamRefused("not_team_file", path)
        signature = parts[SIGNATURE].decode("utf-8")
    except (zipfile.BadZipFile, UnicodeDecodeError, ValueError, KeyError):
        raise TeamRefused("not_team_file", path) from None
    return Opened(path, manifest, parts[MANIFEST], parts[CHANGES], signature, hashlib.sha256(data).hexdigest())


def check_signature(opened: Opened, public_text: str) -> None:
    """The manifest is signed by this key and ``changes.jsonl`` matches its hash."""
    try:
        public = PublicKey.from_text(public_text)
        verify(public, opened.manifest_raw, opened.signature)
    except SignatureInvalid:
        raise TeamRefused("altered", opened.path) from None
    if hashlib.sha256(opened.changes).hexdigest() != opened.manifest.get("changes_sha256"):
        raise TeamRefused("altered", opened.path)


def signature_key_id(opened: Opened) -> str:
    """The key id (as minisign prints it) named in the signature file."""
    import base64
    try:
        raw = base64.b64decode(opened.signature.splitlines()[1].strip(), validate=True)
    except (IndexError, ValueError):
        raise TeamRefused("altered", opened.path) from None
    return f"{int.from_bytes(raw[2:10], 'little'):016X}"
