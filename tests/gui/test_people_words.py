"""People's words only: nothing on screen is a code of the code lists.

Walks every screen of the demo site (every view model, label, button, combo box), every
drill-down of the dashboard and of the Exports screen, and a participant's file, in
French and in English; fails on any displayed string that equals a code.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QWidget,
)

from citesdesk.core import codes, indicators
from tests.gui.demo_site import demo_copy

_LISTS = [*codes.ALL.values(), codes.BOOLEENS]
# A few codes are also the people's word (« CDI », « PLIE »…): those may be shown.
_LABELS = {text for cl in _LISTS for c in cl for text in (c.fr, c.en)}
CODES = {c.code for cl in _LISTS for c in cl} - _LABELS
ROW_LIMIT = 300


def displayed(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every string shown by ``root`` and its children."""
    out: list[tuple[str, str]] = []
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        where = f"{type(w).__name__}({w.objectName() or w.accessibleName()})"
        if isinstance(w, (QLabel, QAbstractButton)):
            out.append((where, w.text()))
        elif isinstance(w, QGroupBox):
            out.append((where, w.title()))
        elif isinstance(w, QComboBox):
            out += [(where, w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            try:
                cols = model.columnCount(QModelIndex())
            except TypeError:  # a list model: one column
                cols = 1
            for c in range(cols):
                out.append((where + " header", str(model.headerData(
                    c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")))
            for r in range(min(model.rowCount(QModelIndex()), ROW_LIMIT)):
                for c in range(cols):
                    index = model.index(r, c)
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = model.data(index, role)
                        if isinstance(value, str):
                            out.append((f"{where} [{r},{c}]", value))
    return out


def codes_in(items) -> list[tuple[str, str]]:
    found = []
    for where, text in items:
        for part in {text.strip(), *(p.strip() for p in text.replace(",", "\n").split("\n"))}:
            if part in CODES:
                found.append((where, text))
                break
    return found


@pytest.fixture
def demo(make_app, tmp_path, tmp_path_factory):
    def make(lang):
        app = make_app(demo_copy(tmp_path_factory, tmp_path / f"demo-{lang}.sqlite"), lang)
        app.window.resize(1366, 768)
        app.window.show()
        return app
    return make


def _settle(app, qtbot) -> None:
    qtbot.wait(50)
    qtbot.waitUntil(lambda: not app.runner.busy(), timeout=30000)
    qtbot.wait(50)
    qtbot.waitUntil(lambda: not app.runner.busy(), timeout=30000)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_code_on_any_screen_or_drill_down(demo, qtbot, lang, drive):
    from citesdesk.gui.records_dialog import RecordsDialog

    app = demo(lang)
    drilled = drive(RecordsDialog)
    seen: list[tuple[str, str]] = []
    for screen in app.window.screens:
        app.window.show_screen(screen.key)
        _settle(app, qtbot)
        seen += [(f"{screen.key}: {w}", t) for w, t in displayed(screen)]

    dashboard = app.window.show_screen("dashboard")
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=30000)
    q = dashboard.data.quarter
    # a quarter is named in the reader's language: « 2026-T4 », « 2026-Q4 »
    shown = f"{q.year}-T{q.n}" if lang == "fr" else f"{q.year}-Q{q.n}"
    assert shown in dashboard.heading.text()
    for code in indicators.KEY_CODES:
        dashboard.show_records(code)
        _settle(app, qtbot)
        dialog = drilled[-1]
        assert dialog.table.rowCount() == len(indicators.records_behind(
            app.reader, code, dashboard.data.quarter)), code
        assert code not in dialog.windowTitle()
        seen += [(f"drill-down {code}: {w}", t) for w, t in displayed(dialog)]
        dialog.close()

    exports = app.window.show_screen("exports")
    qtbot.waitUntil(lambda: getattr(exports, "preview_values", None) is not None,
                    timeout=30000)
    for row in range(exports.preview.rowCount()):
        for column in (1, 2):
            exports.show_records(row, column)
            _settle(app, qtbot)
            seen += [(f"exports drill-down {row},{column}: {w}", t)
                     for w, t in displayed(drilled[-1])]
            drilled[-1].close()

    # The file of someone with referrals and an exit: journey, referrals, notes.
    uuid = app.reader.execute(
        "SELECT p.uuid FROM participant p JOIN referral r ON r.participant_id = p.id "
        "JOIN enrollment e ON e.participant_id = p.id WHERE e.motif_sortie IS NOT NULL "
        "LIMIT 1").fetchone()[0]
    app.window.open_participant(uuid)
    _settle(app, qtbot)
    for top in QApplication.topLevelWidgets():
        if top.isVisible() and top is not app.window:
            seen += [(f"{type(top).__name__}: {w}", t) for w, t in displayed(top)]
    assert len(seen) > 2000  # the walk did see the demo's rows
    assert codes_in(seen) == []
