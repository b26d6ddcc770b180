"""Opening a .citesbundle file: the bundle inspector, without and with the national key."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from citesdesk.cli import _bundle_to_open
from citesdesk.core.db import open_database
from citesdesk.gui.dialogs import Dialog
from citesdesk.services.bundle.create import create_bundle
from citesdesk.services.demo import build_demo
from citesdesk.services.national import keygen
from tests.gui.waiting import ticks_until

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bundle")
    key, recipient = keygen(folder / "national")
    db = open_database(folder / "site.sqlite", create=True)
    build_demo(db, participants=30, seed=9)
    path = folder / "lot.citesbundle"
    create_bundle(db, path, recipients=[recipient])
    db.close()
    return path, key, folder


def _read(dialog, qtbot) -> None:
    """The file is read off the GUI thread: wait for its summary."""
    qtbot.waitUntil(lambda: not dialog.reading, timeout=30000)


def _slowly(monkeypatch, seconds: float = 1.0) -> None:
    """Reading the bundle takes ``seconds`` more (a large file, a slow disk)."""
    import time

    from citesdesk.gui import bundle_inspect

    real = bundle_inspect._inspect

    def slow(*args):
        time.sleep(seconds)
        return real(*args)

    monkeypatch.setattr(bundle_inspect, "_inspect", slow)


def test_decrypting_leaves_the_window_responsive(bundle, qtbot, monkeypatch):
    from citesdesk.gui.bundle_inspect import BundleInspectDialog

    path, key, _folder = bundle
    _slowly(monkeypatch)
    dialog = BundleInspectDialog(path)
    qtbot.addWidget(dialog)
    assert dialog.reading and not dialog.busy.isHidden()
    assert dialog.summary.text() == "Lecture de lot.citesbundle…"
    assert not dialog.key_button.isEnabled()
    assert ticks_until(qtbot, lambda: not dialog.reading) >= 10  # the event loop turned while it read
    assert dialog.summary.text().startswith("lot.citesbundle — ") and dialog.busy.isHidden()
    Dialog.script(str(key))
    dialog.choose_identity()
    assert dialog.reading
    assert ticks_until(qtbot, lambda: not dialog.reading) >= 10
    assert "Signature valide" in dialog.summary.text()


def test_a_file_gone_meanwhile_is_said_so(tmp_path, qtbot, monkeypatch):
    from citesdesk.gui.bundle_inspect import BundleInspectDialog

    _slowly(monkeypatch, 0.3)
    gone = tmp_path / "parti.citesbundle"
    dialog = BundleInspectDialog(gone)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.inspected, timeout=30000):
        pass
    assert dialog.summary.text().startswith("Lecture impossible de parti.citesbundle : ")
    assert dialog.busy.isHidden()


def test_without_the_key_only_the_outside_shows(bundle, qtbot):
    from citesdesk.gui.bundle_inspect import BundleInspectDialog

    path, _key, _folder = bundle
    dialog = BundleInspectDialog(path)
    qtbot.addWidget(dialog)
    _read(dialog, qtbot)
    text = dialog.summary.text()
    assert text.startswith("lot.citesbundle — ")
    assert "Chiffré avec age pour 1 destinataire(s)" in text
    assert not dialog.table.isVisible() and dialog.table.rowCount() == 0


def test_with_the_key_the_manifest_signature_and_contents(bundle, qtbot):
    from citesdesk.gui.bundle_inspect import BundleInspectDialog

    path, key, _folder = bundle
    dialog = BundleInspectDialog(path)
    qtbot.addWidget(dialog)
    _read(dialog, qtbot)
    Dialog.script(str(key))
    with qtbot.waitSignal(dialog.inspected, timeout=30000):
        dialog.choose_identity()
    text = dialog.summary.text()
    assert "lot n° 1" in text and "Signature valide" in text
    # when it was made, and which quarters, as the window writes them (not ISO text)
    assert re.search(r"lot n° 1 du \d\d/\d\d/20\d\d \d\d:\d\d — ", text), text
    assert re.search(r"Trimestres\xa0: 20\d\d-T\d", text), text
    assert "Données conformes au schéma publié." in text
    files = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert "data/participants.csv" in files and "data/indicateurs.csv" in files


def test_a_file_that_is_not_a_bundle_is_said_so(tmp_path, qtbot):
    from citesdesk.gui.bundle_inspect import BundleInspectDialog

    fake = tmp_path / "faux.citesbundle"
    fake.write_bytes(b"PK\x03\x04 not encrypted")
    dialog = BundleInspectDialog(fake)
    qtbot.addWidget(dialog)
    _read(dialog, qtbot)
    assert "n'est pas chiffré avec age" in dialog.summary.text()
    assert not dialog.key_button.isEnabled()


def test_the_file_argument_is_routed_to_the_inspector():
    argv = ["lot.citesbundle", "--lang", "en"]
    assert _bundle_to_open(argv) == "lot.citesbundle" and argv == ["--lang", "en"]
    argv = ["bundle", "inspect", "lot.citesbundle"]
    assert _bundle_to_open(argv) is None and len(argv) == 3


def _run(args, cwd, **env):
    return subprocess.run([sys.executable, "-m", "citesdesk", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                               "PYTHONPATH": str(ROOT), **env})


def test_a_real_start_paints_the_window_in_english(bundle):
    _path, _key, folder = bundle
    result = _run(["--db", str(folder / "site.sqlite"), "--lang", "en"], folder,
                  CITESDESK_SMOKE_TEST="1")
    assert result.returncode == 0, result.stderr
    assert re.search(r"window shown: title=CitésDesk lang=en screens=\d+ first=Dashboard",
                     result.stdout), result.stdout


def test_opening_a_bundle_file_starts_the_inspector(bundle):
    path, _key, folder = bundle
    result = _run([str(path)], folder, CITESDESK_SMOKE_TEST="1")
    assert result.returncode == 0, result.stderr
    assert "bundle inspector: lot.citesbundle — " in result.stdout


def test_closing_the_inspector_while_it_reads_loses_nothing(bundle, qtbot, monkeypatch):
    """The reading thread stops with the dialog (no thread left running, no late result)."""
    from citesdesk.gui import reads
    from citesdesk.gui.bundle_inspect import BundleInspectDialog

    path, _key, _folder = bundle
    _slowly(monkeypatch, 0.5)
    dialog = BundleInspectDialog(path)
    assert dialog.reading and len(reads._ONE_OFF) == 1
    seen = []
    dialog.inspected.connect(lambda: seen.append(1))
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not reads._ONE_OFF, timeout=30000)
    qtbot.wait(100)
    assert seen == []
