"""The installer recipes are valid for the tools that will read them."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "org.citesdesk.CitesDesk"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is missing in CI: .ci/run must install it")
        pytest.skip(f"{name} not installed")
    return path


def test_desktop_entry_passes_desktop_file_validate():
    tool = _tool("desktop-file-validate")
    result = subprocess.run([tool, str(PACKAGING / "linux" / f"{APP_ID}.desktop")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    text = (PACKAGING / "linux" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert "Name=CitésDesk" in text
    assert "MimeType=application/x-citesbundle;application/x-citesequipe;" in text


def test_metainfo_passes_appstreamcli_validate():
    tool = _tool("appstreamcli")
    result = subprocess.run(
        [tool, "validate", "--no-net", str(PACKAGING / "linux" / f"{APP_ID}.metainfo.xml")],
        capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_icons_exist_in_every_size_with_the_right_pixels():
    from PIL import Image

    assert (PACKAGING / "icons" / "citesdesk.svg").read_text().startswith("<?xml")
    for size in (16, 24, 32, 48, 64, 128, 256):
        with Image.open(PACKAGING / "icons" / f"citesdesk-{size}.png") as image:
            assert image.size == (size, size)
    with Image.open(PACKAGING / "icons" / "citesdesk.ico") as ico:
        assert (256, 256) in ico.info["sizes"]


def test_windows_installer_is_per_user_with_bundle_file_type():
    iss = (PACKAGING / "windows" / "citesdesk.iss").read_text(encoding="utf-8")
    assert re.search(r"^PrivilegesRequired=lowest$", iss, re.M)
    assert "{autoprograms}" in iss  # Start-menu entry
    assert "Software\\Classes\\.citesbundle" in iss
    assert "Software\\Classes\\.citesequipe" in iss  # a colleague's team file
    assert "HKLM" not in iss  # nothing machine-wide


def test_spec_leaves_out_unused_qt_modules_and_carries_resources():
    spec = (PACKAGING / "citesdesk.spec").read_text(encoding="utf-8")
    for module in ("QtWebEngineCore", "Qt3DCore", "QtMultimedia"):
        assert f"PySide6.{module}" in spec
    assert 'collect_data_files("citesdesk")' in spec
    assert 'collect_data_files("reportlab")' in spec
