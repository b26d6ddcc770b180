"""The cold start imports only what the first painted screen (the dashboard) uses.

Not timed (``bench/run.py`` measures the start): the list of modules loaded when the main
window has painted for the first time, read in a fresh interpreter. A module that the
home screen does not use (another screen, spreadsheets, PDFs, cryptography, QtCharts, the
indicators' computation) must wait until it is needed: each one costs every coordinator
a little of every morning's start.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

START = """
import json, sys
from PySide6.QtCore import QCoreApplication
from citesdesk.gui.app import Application
from citesdesk.gui.dialogs import Dialog
Dialog.headless = True
app = Application(sys.argv[1], "fr")
app.window.show()
QCoreApplication.processEvents()  # the first turn of the event loop paints the window
app.window.grab()
loaded = sorted(sys.modules)
numbers = app.window.screens[0].data
app.close()
print(json.dumps({"modules": loaded, "numbers_before_paint": numbers is not None}))
"""

#: The CitésDesk modules the home screen needs to paint (the window, its menus, the
#: dashboard's widgets, the database): nothing else may be loaded by then.
FIRST_SCREEN = {
    "citesdesk", "citesdesk.core", "citesdesk.core.clock", "citesdesk.core.codes",
    "citesdesk.core.db", "citesdesk.core.errors", "citesdesk.core.indicator_defs",
    "citesdesk.core.schema", "citesdesk.core.text",
    # the runner's change tracking, the instance lock, the sweep of what a killed run left
    # and its one-sentence errors, the site's row for the status bar
    "citesdesk.core.changes", "citesdesk.core.locking", "citesdesk.core.files",
    "citesdesk.core.oserrors", "citesdesk.core.site",
    # the laptop's node for the team exchange; the dashboard's count of team conflicts
    "citesdesk.core.node", "citesdesk.gui.team_tasks",
    # the passphrase of an encrypted base, the auto-lock and the backup taken on opening
    # (with the settings it reads), the File menu's security entries
    "citesdesk.core.attempts", "citesdesk.core.cipher", "citesdesk.core.settings",
    "citesdesk.core.audit", "citesdesk.services.backup", "citesdesk.gui.security",
    "citesdesk.gui.security.menu", "citesdesk.gui.security.passphrase",
    "citesdesk.gui.security.session",
    "citesdesk.gui", "citesdesk.gui.app", "citesdesk.gui.context", "citesdesk.gui.dialogs",
    "citesdesk.gui.errors", "citesdesk.gui.first_paint", "citesdesk.gui.forms",
    "citesdesk.gui.forms.formats", "citesdesk.gui.forms.messages", "citesdesk.gui.forms.widgets",
    "citesdesk.gui.icons",
    "citesdesk.gui.main_window", "citesdesk.gui.printing", "citesdesk.gui.printing.actions",
    "citesdesk.gui.reads", "citesdesk.gui.screens", "citesdesk.gui.screens.base",
    "citesdesk.gui.screens.dashboard", "citesdesk.gui.tasks", "citesdesk.services",
}

#: Libraries that only other screens, dialogs or the dashboard's numbers use.
NOT_AT_START = (
    "PySide6.QtCharts", "PySide6.QtPrintSupport", "PySide6.QtPdf", "PySide6.QtSvg",
    "reportlab", "openpyxl", "xlsxwriter", "python_calamine", "pypdf", "qrcode",
    "cryptography", "pyrage", "phonenumbers", "stdnum", "numpy", "PIL",
)


def _started(site_path: Path) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", START, str(site_path)], env=env, cwd=ROOT,
                         capture_output=True, text=True, check=True, timeout=120).stdout
    return json.loads(out.strip().splitlines()[-1])


def test_the_start_imports_only_what_the_first_screen_uses(site_path):
    started = _started(site_path)
    modules = started["modules"]
    ours = {m for m in modules if m == "citesdesk" or m.startswith("citesdesk.")}
    assert sorted(ours - FIRST_SCREEN) == []
    heavy = [m for m in modules if m.startswith(NOT_AT_START)]
    assert heavy == []
    # The dashboard's numbers are read after the first paint, not before.
    assert started["numbers_before_paint"] is False
