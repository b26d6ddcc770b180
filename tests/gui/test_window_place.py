"""The main window opens where the coordinator left it; on a first start it takes most
of the screen, never less than its comfortable size."""

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QWidget

from citesdesk.core import files
from citesdesk.gui import window_place

ROOT = Path(__file__).resolve().parents[2]


def test_the_window_comes_back_where_it_was_left(make_app, site_path, qtbot):
    app = make_app(site_path)
    window = app.window
    window.show()
    window.resize(790, 530)  # within the test screen (800×600): Qt keeps a place on it
    qtbot.waitUntil(lambda: window.width() == 790, timeout=10000)
    window_place.save(window)
    saved = files.state_dir() / window_place.FILE
    assert saved.exists() and oct(saved.stat().st_mode & 0o777) == "0o600"
    app.switch_language("en")  # a new window: the default size…
    other = app.window
    other.resize(900, 560)
    assert window_place.restore(other)  # …until the place is restored
    assert (other.width(), other.height()) == (790, 530)


def test_a_first_start_takes_most_of_the_screen(make_app, site_path):
    app = make_app(site_path)
    window = app.window
    assert not window_place.restore(window)  # nothing remembered yet
    room = QWidget.screen(window).availableGeometry()
    window_place.first_size(window, (300, 200))
    assert window.width() == min(int(room.width() * window_place.SHARE), 1440)
    assert window.height() == min(int(room.height() * window_place.SHARE), 960)
    window_place.first_size(window, (5000, 3000))  # never less than its comfortable size
    assert (window.width(), window.height()) == (5000, 3000)


def test_a_damaged_place_file_is_ignored(make_app, site_path):
    saved = files.private_dir(files.state_dir()) / window_place.FILE
    saved.write_text("{pas du json", "utf-8")
    app = make_app(site_path)
    assert window_place.restore(app.window) is False
    saved.write_text(json.dumps({"geometry": 12}), "utf-8")
    assert window_place.restore(app.window) is False


def test_the_program_remembers_the_window_when_it_is_left(site_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "CITESDESK_SMOKE_TEST": "1"}
    out = subprocess.run([sys.executable, "-m", "citesdesk", "--db", str(site_path)],
                         env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and "window shown" in out.stdout, out.stderr
    assert json.loads((files.state_dir() / window_place.FILE).read_text("utf-8"))["geometry"]
