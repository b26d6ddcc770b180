"""Signatures in minisign's formats, checked by the real ``minisign`` too."""

import os
import shutil
import subprocess

import pytest

from citesdesk.services.bundle.minisign import PublicKey, SecretKey, SignatureInvalid, verify


def _minisign():
    if shutil.which("minisign") is None:
        if os.environ.get("CI"):
            pytest.fail("minisign must be installed in CI")
        pytest.skip("minisign not installed")


def test_sign_and_verify_round_trip():
    key = SecretKey.generate()
    text = key.sign(b"donn\xc3\xa9es", "site:X sequence:1")
    public = PublicKey.from_text(key.public.to_text())
    assert public == key.public
    assert verify(public, b"donn\xc3\xa9es", text) == "site:X sequence:1"
    with pytest.raises(SignatureInvalid, match="does not match"):
        verify(public, b"donnees", text)
    with pytest.raises(SignatureInvalid, match="another key"):
        verify(SecretKey.generate().public, b"donn\xc3\xa9es", text)
    lines = text.splitlines()
    lines[2] = "trusted comment: site:Y sequence:9"
    with pytest.raises(SignatureInvalid, match="trusted comment"):
        verify(public, b"donn\xc3\xa9es", "\n".join(lines) + "\n")


def test_real_minisign_verifies_and_rejects(tmp_path):
    _minisign()
    key = SecretKey.generate()
    message = tmp_path / "datapackage.json"
    message.write_bytes(b'{"name": "test"}\n')
    (tmp_path / "datapackage.json.minisig").write_text(key.sign(message.read_bytes(), "ok"))
    (tmp_path / "site-key.pub").write_text(key.public.to_text())
    run = subprocess.run(["minisign", "-V", "-p", "site-key.pub", "-m", "datapackage.json"],
                         cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "Trusted comment: ok" in run.stdout
    message.write_bytes(b'{"name": "test2"}\n')
    run = subprocess.run(["minisign", "-V", "-p", "site-key.pub", "-m", "datapackage.json"],
                         cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode != 0


def test_we_verify_what_real_minisign_signs(tmp_path):
    """A key and a signature made by minisign itself are accepted by our verifier."""
    _minisign()
    subprocess.run(["minisign", "-G", "-W", "-p", "k.pub", "-s", "k.key"], cwd=tmp_path,
                   check=True, capture_output=True)
    (tmp_path / "m").write_bytes(b"hello")
    subprocess.run(["minisign", "-S", "-s", "k.key", "-m", "m", "-t", "tc"], cwd=tmp_path,
                   check=True, capture_output=True)
    public = PublicKey.from_text((tmp_path / "k.pub").read_text())
    assert verify(public, b"hello", (tmp_path / "m.minisig").read_text()) == "tc"
