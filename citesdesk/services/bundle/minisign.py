"""Ed25519 signatures in minisign's file formats (https://jedisct1.github.io/minisign/).

A public key file is an ``untrusted comment:`` line then the base64 of ``Ed`` + the 8-byte
key id + the 32-byte public key. A signature file is an untrusted comment, the base64 of
``ED`` + key id + the 64-byte signature of the BLAKE2b-512 hash of the message (minisign's
default "prehashed" signature), a ``trusted comment:`` line, and the base64 of the global
signature over the signature and the trusted comment. ``minisign -V`` verifies them.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import secrets
from dataclasses import dataclass

from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey

ALG_PUBLIC = b"Ed"
ALG_PREHASHED = b"ED"
ALG_LEGACY = b"Ed"


class SignatureInvalid(Exception):
    """The signature file is malformed, made by another key, or does not match."""


@dataclass(frozen=True)
class PublicKey:
    key_id: bytes  # 8 bytes, as stored in the files
    key: bytes  # 32 bytes

    @property
    def key_id_hex(self) -> str:
        """The key id as minisign prints it (little-endian 64-bit integer in hex)."""
        return f"{int.from_bytes(self.key_id, 'little'):016X}"

    def to_text(self) -> str:
        blob = base64.b64encode(ALG_PUBLIC + self.key_id + self.key).decode("ascii")
        return f"untrusted comment: minisign public key {self.key_id_hex}\n{blob}\n"

    @classmethod
    def from_text(cls, text: str) -> PublicKey:
        lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
        if lines and lines[0].startswith("untrusted comment:"):
            lines = lines[1:]
        if len(lines) != 1:
            raise SignatureInvalid("public key: one base64 line expected")
        raw = _b64(lines[0])
        if len(raw) != 42 or raw[:2] != ALG_PUBLIC:
            raise SignatureInvalid("public key: not an Ed25519 minisign key")
        return cls(raw[2:10], raw[10:])


@dataclass(frozen=True)
class SecretKey:
    key_id: bytes
    seed: bytes  # 32 bytes

    @classmethod
    def generate(cls) -> SecretKey:
        return cls(secrets.token_bytes(8), secrets.token_bytes(32))

    @property
    def public(self) -> PublicKey:
        return PublicKey(self.key_id, bytes(SigningKey(self.seed).verify_key))

    def to_dict(self) -> dict:
        return {"algorithm": "Ed25519", "key_id": self.key_id.hex(), "seed": self.seed.hex()}

    @classmethod
    def from_dict(cls, data: dict) -> SecretKey:
        return cls(bytes.fromhex(data["key_id"]), bytes.fromhex(data["seed"]))

    def sign(self, message: bytes, trusted_comment: str,
             untrusted_comment: str = "signature from CitesDesk site key") -> str:
        """The text of a ``.minisig`` file for ``message`` (prehashed, as minisign 0.11)."""
        if "\n" in trusted_comment or "\r" in trusted_comment:
            raise ValueError("the trusted comment is one line")
        sk = SigningKey(self.seed)
        digest = hashlib.blake2b(message, digest_size=64).digest()
        signature = sk.sign(digest).signature
        comment = trusted_comment.encode("utf-8")
        global_signature = sk.sign(signature + comment).signature
        return (
            f"untrusted comment: {untrusted_comment}\n"
            f"{base64.b64encode(ALG_PREHASHED + self.key_id + signature).decode('ascii')}\n"
            f"trusted comment: {trusted_comment}\n"
            f"{base64.b64encode(global_signature).decode('ascii')}\n"
        )


def _b64(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise SignatureInvalid(f"invalid base64: {exc}") from None


def verify(public: PublicKey, message: bytes, signature_text: str) -> str:
    """Check a ``.minisig`` text against ``message``; returns the trusted comment.

    Accepts prehashed (``ED``) and legacy (``Ed``) signatures, like ``minisign -V``.
    Raises :class:`SignatureInvalid` with the reason otherwise.
    """
    lines = signature_text.replace("\r\n", "\n").split("\n")
    lines = [line for line in lines if line != ""]
    if len(lines) != 4 or not lines[0].startswith("untrusted comment:") \
            or not lines[2].startswith("trusted comment: "):
        raise SignatureInvalid("signature file: four lines expected")
    raw = _b64(lines[1].strip())
    if len(raw) != 74:
        raise SignatureInvalid("signature: wrong length")
    alg, key_id, signature = raw[:2], raw[2:10], raw[10:]
    if key_id != public.key_id:
        raise SignatureInvalid("signature made by another key")
    if alg == ALG_PREHASHED:
        signed = hashlib.blake2b(message, digest_size=64).digest()
    elif alg == ALG_LEGACY:
        signed = message
    else:
        raise SignatureInvalid("signature: unknown algorithm")
    vk = VerifyKey(public.key)
    try:
        vk.verify(signed, signature)
    except BadSignatureError:
        raise SignatureInvalid("signature does not match the data") from None
    comment = lines[2][len("trusted comment: "):]
    global_signature = _b64(lines[3].strip())
    try:
        vk.verify(signature + comment.encode("utf-8"), global_signature)
    except BadSignatureError:
        raise SignatureInvalid("trusted comment altered") from None
    return comment
