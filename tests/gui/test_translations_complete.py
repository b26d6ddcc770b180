"""Every visible string of the window has its English translation in ``i18n/``.

``pyside6-lupdate`` collects the strings of each area's source files into a temporary
``.ts`` merged with the committed one: a string added to the code but not translated shows
up there as ``unfinished``. The compiled ``.qm`` files must be there for each ``.ts``.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("i18n_update", ROOT / "i18n" / "update.py")
update = importlib.util.module_from_spec(spec)
spec.loader.exec_module(update)


def _lupdate() -> str:
    found = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    if not Path(found).exists():
        pytest.fail("pyside6-lupdate is missing: it ships with PySide6-Essentials")
    return found


@pytest.mark.parametrize("area", sorted(update.AREAS))
def test_every_string_of_the_area_is_translated(area, tmp_path):
    committed = update.ts_path(area, "en")
    assert committed.exists(), f"{committed.name} is missing: run python i18n/update.py {area}"
    probe = tmp_path / committed.name
    shutil.copy(committed, probe)
    subprocess.run([_lupdate(), "-no-obsolete", "-locations", "none", "-source-language", "fr",
                    "-target-language", "en", *update.sources(area), "-ts", str(probe)],
                   cwd=ROOT, check=True, capture_output=True)
    missing = [m.findtext("source") for m in ET.parse(probe).iter("message")
               if m.find("translation").get("type") == "unfinished"]
    assert missing == [], f"untranslated in {committed.name}: {missing}"
    assert update.qm_path(area, "en").exists()


def test_every_gui_file_belongs_to_an_area():
    covered = {f for area in update.AREAS for f in update.sources(area)}
    files = {str(p.relative_to(ROOT)) for p in (ROOT / "citesdesk" / "gui").rglob("*.py")}
    assert sorted(files - covered) == []
