"""A base held by another program (issue 12, point 3): the window names the holder,
offers read-only, says it is read-only, and a save there is refused in one sentence."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from citesdesk.core.locking import DatabaseInUse
from citesdesk.gui.dialogs import Dialog
from citesdesk.services import records

ROOT = Path(__file__).resolve().parents[2]
HOLD = """
import sys, time
from citesdesk.core import locking
from citesdesk.core.db import open_database
locking.PROGRAM["name"] = "CitésDesk"
db = open_database(sys.argv[1])
print("ready", flush=True)
time.sleep(120)
"""


@pytest.fixture
def other_window(site_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(site_path)], env=env,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    yield proc
    proc.kill()
    proc.wait()


def test_a_second_window_is_offered_read_only(qtbot, site_path, other_window):
    from citesdesk.gui.app import Application
    from citesdesk.gui.instance import offer_readonly

    with pytest.raises(DatabaseInUse) as info:
        Application(site_path)
    Dialog.script("readonly")
    assert offer_readonly(None, info.value) is True
    (kind, title, text) = Dialog.shown[-1]
    assert title == "Base déjà ouverte"
    assert f"« CitésDesk » (processus {other_window.pid} sur " in text
    assert "lecture seule" in text

    app = Application(site_path, readonly=True)
    qtbot.addWidget(app.window)
    try:
        assert app.window.windowTitle() == "CitésDesk — lecture seule"
        banner = app.window.findChild(QLabel, "readonlyBanner")
        assert banner is not None and str(other_window.pid) in banner.text()
        errors = []
        app.runner.submit(lambda db, progress: records.create(
            db, "participant", {"last_name": "Essai", "first_name": "Non"}),
            on_error=errors.append)
        qtbot.waitUntil(lambda: bool(errors), timeout=5000)
        message = errors[0].message("fr")
        assert "lecture seule" in message and "rien n'a été enregistré" in message
        assert str(other_window.pid) in message
    finally:
        app.close()


def test_cancel_leaves_the_base_alone(site_path, other_window):
    from citesdesk.gui.instance import offer_readonly

    Dialog.script("cancel")
    exc = DatabaseInUse(site_path, None)
    assert offer_readonly(None, exc) is False


def test_opening_a_held_base_from_the_file_menu_offers_read_only(gui, qtbot, tmp_path,
                                                                   site_path):
    """The window is on one base; the user opens another that a command holds."""
    from citesdesk.core.db import open_database

    other = tmp_path / "autre" / "site.sqlite"
    other.parent.mkdir()
    db = open_database(other, create=True)
    records.create(db, "site", {"name": "Autre cité", "site_code": "T02"})
    db.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(other)], env=env,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        Dialog.script("cancel")
        gui.switch_database(str(other))  # opened off the GUI thread: wait for its end
        qtbot.waitUntil(lambda: not gui.opening, timeout=30000)
        assert gui.db_path == site_path and not gui.readonly  # nothing changed
        Dialog.script("readonly")
        gui.switch_database(str(other))
        qtbot.waitUntil(lambda: not gui.opening, timeout=30000)
        assert gui.db_path == other and gui.readonly
        assert gui.window.windowTitle() == "CitésDesk — lecture seule"
        assert Dialog.shown[-1][1] == "Base déjà ouverte"
    finally:
        proc.kill()
        proc.wait()
