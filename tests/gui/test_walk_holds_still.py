"""The window holds still at 1024×700: going from screen to screen never makes it taller
than the screen (the empty site's cohort form pushed it to 728 px, its status bar out of
sight); a screen taller than the window scrolls inside it."""

from __future__ import annotations

import pytest

from tests.gui.demo_site import demo_copy


def _walk(app, qtbot, size=(1024, 700)) -> list[str]:
    """What moved or scrolled: the window grown past ``size``, or (at 1366×768, where every
    screen fits) a screen that scrolls inside its page."""
    window = app.window
    window.resize(*size)
    window.show()
    jumps = []
    for screen in window.screens:
        window.show_screen(screen.key)
        qtbot.wait(50)
        qtbot.waitUntil(lambda: not app.runner.busy(), timeout=30000)
        qtbot.wait(50)
        if window.height() > size[1] or window.width() > size[0]:
            jumps.append(f"{screen.key}: {window.width()}×{window.height()}")
        page = window.stack.currentWidget()
        if size[1] >= 768 and page.verticalScrollBar().isVisible():
            jumps.append(f"{screen.key} scrolls at {size[0]}×{size[1]}")
        assert window.statusBar().isVisible()
    return jumps


SIZES = [(1024, 700), (1366, 768)]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_empty_site(make_app, site_path, qtbot, lang, size):
    assert _walk(make_app(site_path, lang), qtbot, size) == []


@pytest.mark.parametrize("size", SIZES)
def test_demo_site(make_app, tmp_path, tmp_path_factory, qtbot, size):
    app = make_app(demo_copy(tmp_path_factory, tmp_path / "demo.sqlite"), "fr")
    assert _walk(app, qtbot, size) == []


def test_no_row_numbers(make_app, tmp_path, tmp_path_factory, qtbot):
    """No table shows row numbers (« 1, 2, 3… » at the left): not the screens', not the
    referral status dialog's history."""
    from PySide6.QtWidgets import QTableView

    from citesdesk.gui.referral_dialogs import StatusDialog

    app = make_app(demo_copy(tmp_path_factory, tmp_path / "demo.sqlite"), "fr")
    app.window.show()
    numbered = []
    for screen in app.window.screens:
        numbered += [f"{screen.key}: {t.accessibleName()}"
                     for t in screen.findChildren(QTableView)
                     if not t.verticalHeader().isHidden()]
    uuid = app.reader.execute("SELECT uuid FROM referral LIMIT 1").fetchone()[0]
    dialog = StatusDialog(app.window.ctx, uuid, app.window)
    qtbot.addWidget(dialog)
    if not dialog.history.verticalHeader().isHidden():
        numbered.append("referral status history")
    assert numbered == []


def test_enroll_dialog_shows_the_cohort_whole(make_app, tmp_path, tmp_path_factory, qtbot):
    """« Inscrire dans une cohorte » opened before its cohorts arrive: once they are there
    the chosen cohort's name shows whole (it read « intemps 2026 »)."""
    from citesdesk.gui.journey_dialogs import EnrollDialog

    app = make_app(demo_copy(tmp_path_factory, tmp_path / "demo.sqlite"), "fr")
    app.window.show()
    person = app.reader.execute("SELECT uuid FROM participant LIMIT 1").fetchone()[0]
    dialog = EnrollDialog(app.runner, person, app.window)
    qtbot.addWidget(dialog)
    dialog.show()  # shown first, as the journey's button does
    qtbot.waitUntil(lambda: dialog.is_ready, timeout=30000)
    qtbot.wait(50)
    combo = dialog.cohort_combo
    arrow = combo.style().pixelMetric(combo.style().PixelMetric.PM_ScrollBarExtent)
    for i in range(combo.count()):
        combo.setCurrentIndex(i)
        need = combo.fontMetrics().horizontalAdvance(combo.currentText()) + arrow + 8
        assert need <= combo.width(), (combo.currentText(), need, combo.width())
