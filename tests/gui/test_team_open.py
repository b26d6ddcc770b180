"""A colleague's ``.citesequipe`` reaching the window: opened from the file manager (the
window offers to merge it), chosen in File › Open, dropped anywhere on the window."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from citesdesk.cli import main
from citesdesk.core.db import open_database
from citesdesk.gui.dialogs import Dialog
from citesdesk.gui.team_open import offer
from citesdesk.services import records, team
from tests.services.team.helpers import make_team, new_file


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
