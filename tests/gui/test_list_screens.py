"""Every list screen is built on ListScreen: its title, reading when shown or when what it
shows changed (a hidden screen waits until it is shown), Enter opens the chosen row, and
the buttons that act on a row follow the selection."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from citesdesk.gui.screens.base import ListScreen
from citesdesk.services import records
from tests.gui.waiting import tasks_finished

LISTS = ("participants", "cohorts", "partners", "referrals", "imports", "team", "bin",
         "retention", "audit")


def _settle(app, qtbot) -> None:
    for _ in range(2):
        qtbot.wait(50)
        qtbot.waitUntil(lambda: not app.runner.busy(), timeout=30000)


def test_every_list_screen_is_a_list_screen_with_its_title(gui, qtbot):
    for key in LISTS:
        screen = gui.window.show_screen(key)
        assert isinstance(screen, ListScreen), key
        titles = [label.text() for label in screen.findChildren(QLabel, "screenTitle")]
        assert titles and titles[0] in (screen.title(), "Conservation des données"), key
        assert screen.table is not None and screen.table.parent() is not None, key


def test_a_hidden_list_reads_what_changed_when_shown(gui, qtbot):
    partners = gui.window.show_screen("partners")
    _settle(gui, qtbot)
    assert partners.table.rowCount() == 0
    gui.window.show_screen("cohorts")
    _settle(gui, qtbot)
    with tasks_finished(qtbot, gui.runner):
        gui.runner.submit(lambda db, _p: records.create(
            db, "partner", {"name": "Mission locale Plaine Commune", "type": "MISSION_LOCALE"}))
    _settle(gui, qtbot)
    assert partners.table.rowCount() == 0  # hidden: nothing read in the background
    with qtbot.waitSignal(partners.loaded, timeout=30000):
        gui.window.show_screen("partners")
    assert partners.table.item(0, 0).text() == "Mission locale Plaine Commune"
    assert partners.empty_hint.isHidden() and not partners.table.isHidden()


def test_enter_restores_from_the_bin_and_the_button_follows_the_choice(gui, qtbot):
    def make_and_delete(db, _p):
        row = records.create(db, "cohort", {"name": "Cohorte hiver", "start_date": "2026-01-01"})
        records.delete(db, "cohort", row["uuid"])
        return row["uuid"]

    uuids: list[str] = []
    with tasks_finished(qtbot, gui.runner):
        gui.runner.submit(make_and_delete, on_done=uuids.append)
    screen = gui.window.show_screen("bin")
    qtbot.waitUntil(lambda: screen.table.rowCount() == 1, timeout=30000)
    assert screen.empty_hint.isHidden()
    assert not screen.restore_button.isEnabled()  # nothing chosen yet
    screen.select_row(0)
    assert screen.restore_button.isEnabled()
    screen.table.setFocus()
    with qtbot.waitSignal(screen.restored, timeout=30000) as restored:
        QTest.keyClick(screen.table, Qt.Key.Key_Return)
    assert restored.args == ["cohort", uuids[0]]
    qtbot.waitUntil(lambda: screen.table.rowCount() == 0, timeout=30000)
    assert not screen.empty_hint.isHidden() and screen.table.isHidden()
    assert not screen.restore_button.isEnabled()


def test_enter_in_the_search_field_does_not_open_a_partner(gui, qtbot):
    """The partners list's Enter belongs to the list (it used to fire from anywhere in the
    window, opening the first partner while typing a search)."""
    with tasks_finished(qtbot, gui.runner):
        gui.runner.submit(lambda db, _p: records.create(
            db, "partner", {"name": "France Travail Nord", "type": "FRANCE_TRAVAIL"}))
    screen = gui.window.show_screen("partners")
    qtbot.waitUntil(lambda: screen.table.rowCount() == 1, timeout=30000)
    screen.table.selectRow(0)
    screen.search.setFocus()
    QTest.keyClick(screen.search, Qt.Key.Key_Return)
    assert getattr(screen, "dialog", None) is None
    screen.table.setFocus()
    QTest.keyClick(screen.table, Qt.Key.Key_Return)
    assert screen.dialog is not None
    screen.dialog.close()
