"""The Exports screen: quarter chooser, preview from the indicators module, saving."""

from __future__ import annotations

import datetime as dt

import msoffcrypto
import pytest
from python_calamine import CalamineWorkbook

from citesdesk.core import indicators as ind
from citesdesk.core.db import open_database
from citesdesk.core.quarter import Quarter
from citesdesk.gui.dialogs import Dialog
from tests.core.indicator_site import build
from tests.gui.waiting import tasks_finished


@pytest.fixture(autouse=True)
def _restore_clock():
    from citesdesk.gui.screens.exports import ExportsScreen

    yield
    ExportsScreen.today_fn = staticmethod(dt.date.today)


@pytest.fixture
def filled_path(site_path):
    db = open_database(site_path)
    build(db)
    db.close()
    return site_path


def _screen(make_app, path, qtbot, today=dt.date(2026, 7, 15)):
    from citesdesk.gui.screens.exports import ExportsScreen

    ExportsScreen.today_fn = staticmethod(lambda: today)
    app = make_app(path)
    app.window.show()
    screen = app.window.screen("exports")
    assert screen is not None
    with tasks_finished(qtbot, app.runner):
        app.window.show_screen("exports")
    qtbot.waitUntil(lambda: getattr(screen, "preview_values", None) is not None, timeout=30000)
    return app, screen


def test_defaults_to_last_finished_quarter_with_preview(make_app, filled_path, qtbot):
    app, screen = _screen(make_app, filled_path, qtbot)
    assert screen.current_quarter() == Quarter(2026, 2)
    assert screen.quarter_combo.itemText(0) == "2026-T3"
    assert screen.quarter_combo.itemText(screen.quarter_combo.count() - 1) == "2025-T1"
    assert screen.period_label.text() == "du 01/04/2026 au 30/06/2026"
    shown = {screen.preview.item(r, 0).text(): (screen.preview.item(r, 1).text(),
                                                 screen.preview.item(r, 2).text())
             for r in range(screen.preview.rowCount())}
    expected = ind.compute(app.reader, "2026-T2")
    assert shown["Participants actifs"] == (str(expected.quarter_value("P_ACTIFS")), "4")
    assert shown["Taux de sorties dynamiques"] == ("33,3\u202f%", "50,0\u202f%")
    assert shown["Orientations en retard"] == ("1", "1")


def test_choosing_another_quarter_updates_preview(make_app, filled_path, qtbot):
    app, screen = _screen(make_app, filled_path, qtbot)
    screen.quarter_combo.setCurrentIndex(screen.quarter_combo.findText("2025-T2"))
    qtbot.waitUntil(lambda: screen.preview_values.quarter == Quarter(2025, 2), timeout=30000)
    assert screen.preview.item(3, 1).text() == "—"  # no exit: the rate is empty


def test_save_quarter_workbook(make_app, filled_path, qtbot, tmp_path):
    app, screen = _screen(make_app, filled_path, qtbot)
    out = tmp_path / "t2"
    Dialog.script(str(out))
    with tasks_finished(qtbot, app.runner):
        screen.save_quarter_button.click()
    saved = tmp_path / "t2.xlsx"
    assert CalamineWorkbook.from_path(str(saved)).sheet_names[0] == "Synthèse"
    assert any(kind == "info" and "t2.xlsx" in text for kind, _, text in Dialog.shown)


def test_full_workbook_password_offer(make_app, filled_path, qtbot, tmp_path):
    app, screen = _screen(make_app, filled_path, qtbot)
    assert screen.protect_check.isChecked()
    screen.password_edit.setText("abc")
    screen.confirm_edit.setText("abd")
    screen.save_full_button.click()
    assert Dialog.shown[-1][0] == "error" and "confirmation" in Dialog.shown[-1][2]
    screen.confirm_edit.setText("abc")
    out = tmp_path / "all.xlsx"
    Dialog.script(str(out))
    with tasks_finished(qtbot, app.runner):
        screen.save_full_button.click()
    with open(out, "rb") as fh:
        assert msoffcrypto.OfficeFile(fh).is_encrypted()
    assert screen.password_edit.text() == ""


def test_full_workbook_without_password_asks_first(make_app, filled_path, qtbot, tmp_path):
    app, screen = _screen(make_app, filled_path, qtbot)
    screen.protect_check.setChecked(False)
    Dialog.script("no")
    screen.save_full_button.click()
    assert Dialog.shown[-1][0] == "ask" and "données personnelles" in Dialog.shown[-1][2]
    out = tmp_path / "plain.xlsx"
    Dialog.script("yes", str(out))
    with tasks_finished(qtbot, app.runner):
        screen.save_full_button.click()
    assert "Participants" in CalamineWorkbook.from_path(str(out)).sheet_names


def test_screen_in_english(make_app, site_path):
    app = make_app(site_path, "en")
    screen = app.window.screen("exports")
    assert screen.save_quarter_button.text() == "Save the quarter's workbook…"
    assert screen.protect_check.text() == "Protect the file with a password"
    assert screen.preview.horizontalHeaderItem(2).text() == "Cumulative"


def test_double_click_lists_the_records_behind(make_app, filled_path, qtbot, drive):
    from citesdesk.gui.records_dialog import RecordsDialog

    app, screen = _screen(make_app, filled_path, qtbot)
    drilled = drive(RecordsDialog)
    screen.show_records(0, 1)  # P_ACTIFS, quarter (its own list, not another task's end)
    qtbot.waitUntil(lambda: len(drilled) == 1, timeout=30000)
    dialog = drilled[0]
    assert dialog.table.rowCount() == 4
    assert dialog.table.item(0, 0).text() == "Arnaud Alice"
    screen.show_records(4, 2)  # O_EN_RETARD, cumulative
    qtbot.waitUntil(lambda: len(drilled) == 2, timeout=30000)
    assert len(drilled) == 2 and drilled[1].table.rowCount() == 1
    assert "cumul" in drilled[1].windowTitle()
