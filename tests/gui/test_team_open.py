"""A colleague's ``.citesequipe`` reaching the window: opened from the file manager (the
window offers to merge it), chosen in File › Open, dropped anywhere on the window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from citesdesk.cli import main
from citesdesk.core.db import open_database
from citesdesk.gui.dialogs import Dialog
from citesdesk.gui.team_open import offer
from citesdesk.services import records, team
from tests.services.team.helpers import make_team, new_file

ROOT = Path(__file__).resolve().parents[2]


def _team(tmp_path):
    """a's database (closed) and a file from b changing one person's commune."""
    a, b = make_team(tmp_path, 2)
    p = records.find(a, "participant")[0]
    records.update(b, "participant", p["uuid"], {"commune": "Vénissieux"})
    f = team.export(b, new_file(tmp_path)).path
    path = a.path
    a.close()
    b.close()
    return path, f, p["uuid"]


def _commune(path, uuid):
    db = open_database(path, readonly=True)
    try:
        return records.get(db, "participant", uuid)["commune"]
    finally:
        db.close()


def test_file_manager_opening_offers_to_merge(make_app, tmp_path, qtbot):
    path, f, uuid = _team(tmp_path)
    app = make_app(path, "fr")
    app.window.show()
    Dialog.reset()
    Dialog.script("no")
    assert offer(app.window, [str(f)]) is False
    asked = Dialog.shown[-1]
    assert asked[1] == "Fichier d'équipe"
    assert asked[2].startswith(f"Intégrer « {f.name} » dans cette base\u00a0?")
    assert _commune(path, uuid) != "Vénissieux"  # declined: nothing merged
    Dialog.script("yes")
    assert offer(app.window, [str(f)]) is True
    screen = app.window.show_screen("team")
    qtbot.waitUntil(lambda: "(de Collègue 1)" in screen.summary.text(), timeout=30000)
    assert "1 modifié(s)" in screen.summary.text()
    # the colleague's change came with its journal entry, and the summary says so
    assert "1 entrée(s) du journal des collègues ajoutée(s) au Journal." in screen.summary.text()
    assert _commune(path, uuid) == "Vénissieux"


def test_a_read_only_window_says_where_to_merge(make_app, tmp_path):
    path, f, uuid = _team(tmp_path)
    app = make_app(path, "en")
    Dialog.reset()
    Dialog.script(None)
    assert offer(app.window, [str(f)], readonly=True) is False
    assert Dialog.shown[-1][0] == "info"
    assert (f"The database is open in another CitésDesk window: merge '{f.name}' from "
            "there") in Dialog.shown[-1][2]


def test_dropped_on_the_window_is_merged(make_app, tmp_path, qtbot):
    path, f, uuid = _team(tmp_path)
    app = make_app(path, "fr")
    app.window.show()
    app.window.show_screen("dashboard")  # not the Équipe screen: the window takes it
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(f))])
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, data,
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(app.window, enter)
    assert enter.isAccepted()  # the pointer shows that the window takes it
    drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, data,
                      Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(app.window, drop)
    assert drop.isAccepted()
    screen = app.window.show_screen("team")
    qtbot.waitUntil(lambda: "(de Collègue 1)" in screen.summary.text(), timeout=30000)
    assert _commune(path, uuid) == "Vénissieux"


def test_file_open_on_a_team_file_merges_it(make_app, tmp_path, qtbot):
    path, f, uuid = _team(tmp_path)
    app = make_app(path, "fr")
    app.window.show()
    app.window.database_requested.emit(str(f))
    screen = app.window.show_screen("team")
    qtbot.waitUntil(lambda: "(de Collègue 1)" in screen.summary.text(), timeout=30000)
    assert app.db_path == path  # still the site's database
    assert _commune(path, uuid) == "Vénissieux"


def test_command_line_hands_the_files_to_the_window(tmp_path, monkeypatch):
    seen = {}

    def run(db, lang, open_bundle=None, open_team=None):
        seen.update(db=db, open_team=open_team)
        return 0

    monkeypatch.setattr("citesdesk.gui.app.run", run)
    f = tmp_path / "Collègue-20261203.citesequipe"
    assert main([str(f), "--db", str(tmp_path / "site.sqlite")]) == 0
    assert seen == {"db": str(tmp_path / "site.sqlite"), "open_team": [str(f)]}


def _second_start(*args: str) -> subprocess.Popen:
    """CitésDesk started again by the file manager, as a separate program."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen([sys.executable, "-m", "citesdesk", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_double_clicked_while_the_base_is_open_goes_to_the_open_window(make_app, tmp_path,
                                                                        qtbot):
    path, f, uuid = _team(tmp_path)
    app = make_app(path, "fr")
    app.window.show()
    app.listen_for_files()  # done once the window has painted
    Dialog.reset()
    Dialog.script("yes")
    proc = _second_start(str(f), "--db", str(path))
    try:
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=60000)
    finally:
        if proc.poll() is None:
            proc.kill()
    out, err = proc.communicate()
    assert proc.returncode == 0, err  # handed over, then ended: no second window
    screen = app.window.show_screen("team")
    qtbot.waitUntil(lambda: "(de Collègue 1)" in screen.summary.text(), timeout=30000)
    assert [s[2] for s in Dialog.shown if s[1] == "Fichier d'équipe"] == [
        f"Intégrer « {f.name} » dans cette base\u00a0? Les changements des collègues "
        "s'ajoutent aux vôtres\u00a0; une sauvegarde automatique est faite avant."]
    assert _commune(path, uuid) == "Vénissieux"


def test_nothing_listening_hands_nothing(tmp_path, qapp):
    from citesdesk.gui.handoff import hand_to_running, server_name

    assert hand_to_running(tmp_path / "personne.sqlite", ["x.citesequipe"], 200) is False
    # the same base, however its path is written
    assert server_name(tmp_path / "a.sqlite") == server_name(tmp_path / "." / "a.sqlite")
    assert server_name(tmp_path / "a.sqlite") != server_name(tmp_path / "b.sqlite")
