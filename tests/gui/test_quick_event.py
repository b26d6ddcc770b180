"""Ctrl+E in the participants list: a journey step for the selected participant."""

from __future__ import annotations

from journey_support import wait_ready
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from citesdesk.core.db import open_database
from citesdesk.gui.journey_dialogs import EventDialog
from citesdesk.services import journey, records


def _press_ctrl_e(widget, qtbot) -> None:
    """Ctrl+E typed while ``widget`` has the focus (sent to its window, as a keyboard does:
    offscreen, shortcuts are matched only for events that reach the window)."""
    widget.setFocus()
    QApplication.processEvents()
    assert QApplication.focusWidget() is widget
    qtbot.keyClick(widget.window().windowHandle(), Qt.Key.Key_E,
                   Qt.KeyboardModifier.ControlModifier)


def test_ctrl_e_adds_a_step_for_the_selected_participant(make_app, site_path, qtbot,
                                                         drive):
    db = open_database(site_path)
    uuid = records.create(db, "participant", {"last_name": "Dupont",
                                              "first_name": "Hélène"})["uuid"]
    db.close()
    app = make_app(site_path)
    app.window.show()
    app.window.activateWindow()
    qtbot.waitActive(app.window)
    screen = app.window.show_screen("participants")
    if screen._stale:
        with qtbot.waitSignal(screen.model.loaded, timeout=30000):
            screen.activated()

    seen = {}
    drive(EventDialog, lambda dlg: seen.setdefault("opened", True))
    # nobody selected (a search that finds no one): no dialog
    with qtbot.waitSignal(screen.model.loaded, timeout=30000):
        screen.search.setText("zzzz")
    assert screen.current_uuid() is None
    _press_ctrl_e(screen.search, qtbot)
    assert seen == {}
    with qtbot.waitSignal(screen.model.loaded, timeout=30000):
        screen.search.setText("")

    def add(dlg: EventDialog):
        wait_ready(qtbot, dlg)
        seen["title"] = dlg.windowTitle()
        dlg.set_type("ENTRETIEN")
        with qtbot.waitSignal(dlg.saved, timeout=30000):
            dlg.ok_button.click()

    drive(EventDialog, add)
    screen.select_row(0)
    assert screen.current_uuid() == uuid
    _press_ctrl_e(screen.table, qtbot)
    assert seen == {"title": "Ajouter une étape"}
    check = open_database(site_path, readonly=True)
    assert [i["code"] for i in journey.timeline(check, uuid)] == ["ENTRETIEN"]
    check.close()
