"""The dashboard's charts at 1024×700: every month label of « Entrées et sorties par mois »
shows whole (they read « 01/… » below about 1 000 px), and the years are said once, in the
axis title."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetrics

from tests.gui.demo_site import demo_copy


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("width", [1024, 900])
def test_month_labels_show_whole(make_app, tmp_path, tmp_path_factory, qtbot, lang, width):
    app = make_app(demo_copy(tmp_path_factory, tmp_path / "demo.sqlite"), lang)
    app.window.show()
    app.window.resize(width, 700)
    dashboard = app.window.show_screen("dashboard")
    qtbot.waitUntil(lambda: dashboard.months_view is not None
                    and bool(dashboard.months_view.chart().axes()), timeout=30000)
    qtbot.wait(100)
    chart = dashboard.months_view.chart()
    axis = next(a for a in chart.axes() if type(a).__name__ == "QBarCategoryAxis")
    months = dashboard.data.months
    assert axis.categories() == [m[5:7] for m in months]
    # Qt never shortens a label with « … »; each one must then fit in its category
    assert not axis.truncateLabels()
    fm = QFontMetrics(axis.labelsFont())
    room = chart.plotArea().width() / len(months)
    for label in axis.categories():
        assert fm.horizontalAdvance(label) + 8 <= room, (label, room)
    first, last = months[0], months[-1]
    english = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
               "Dec"]
    for month in (first, last):  # the whole year, in the language's form
        whole = (f"{month[5:7]}/{month[:4]}" if lang == "fr"
                 else f"{english[int(month[5:7]) - 1]} {month[:4]}")
        assert whole in axis.titleText()
    assert axis.titleText().startswith("Mois" if lang == "fr" else "Month")


def test_empty_site_dashboard_has_no_blank_boxes(make_app, site_path, qtbot):
    """On a site with nobody yet: the welcome takes its own height (no blank under it) and
    the to-do list shows « … : 0 » without four empty white boxes."""
    app = make_app(site_path, "fr")
    app.window.resize(1366, 768)
    app.window.show()
    dashboard = app.window.show_screen("dashboard")
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=30000)
    qtbot.wait(100)
    hint = dashboard.start_hint
    assert hint.isVisible() and hint.height() <= hint.sizeHint().height()
    for key, lst in dashboard.todo_lists.items():
        assert lst.isHidden(), key
        assert dashboard.todo_titles[key].text().endswith(": 0")
    # the page reads from the top, without spreading out: the room left is at the bottom
    todo = dashboard.todo_titles["overdue"].parentWidget()
    body = todo.parentWidget()
    bottom = todo.mapTo(body, todo.rect().bottomLeft()).y()
    assert body.height() - bottom > 5 * dashboard.fontMetrics().height(), (bottom, body.height())


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_drill_down_opens_wide_enough(make_app, tmp_path, tmp_path_factory, qtbot, lang):
    """The list behind a number opens wide enough for the names and exit reasons of the
    demo site (it opened at a fixed width: « Chevalier Suz… », « Fixed-term co… »)."""
    app = make_app(demo_copy(tmp_path_factory, tmp_path / "demo.sqlite"), lang)
    app.window.resize(1366, 768)
    app.window.show()
    dashboard = app.window.show_screen("dashboard")
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=30000)
    dashboard.show_records("S_SORTIES")
    qtbot.waitUntil(lambda: getattr(dashboard, "records_dialog", None) is not None
                    and dashboard.records_dialog.isVisible(), timeout=30000)
    dialog = dashboard.records_dialog
    qtbot.wait(100)
    table, fm = dialog.table, dialog.table.fontMetrics()
    assert table.rowCount() > 0
    cut = [table.item(r, c).text() for r in range(table.rowCount()) for c in range(4)
           if fm.horizontalAdvance(table.item(r, c).text()) + 6
           > table.horizontalHeader().sectionSize(c)]
    # whole, or the dialog is as wide as the screen lets it be (the test platform's
    # screen is 800 px wide; a cut cell then shows whole in its tooltip)
    room = dialog.screen().availableGeometry().width() - 20
    assert cut == [] or dialog.width() >= room, (cut, dialog.width(), room)
    dialog.close()
