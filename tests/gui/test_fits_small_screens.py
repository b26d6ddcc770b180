"""Nothing that identifies is cut, on a 1024×700 screen (and 900×560, 1366×768).

Opens every screen of the demo site, in French and English, and compares each visible
text with the room it has (``fontMetrics`` widths; wrapped sentences: the height of their
lines at their width): labels, buttons, check boxes, combo
boxes (their current text and their list), table cells (a cut cell must show whole in its
tooltip) and headers; no screen may be wider than the window nor scroll sideways.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QWidget,
)

from tests.gui.demo_site import demo_copy

ROWS = 40  # table rows looked at (the first ones, as shown)


def _plain(text: str) -> str:
    # "&Nouveau" shows "Nouveau"; "&&" shows "&"
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _width(fm: QFontMetrics, text: str) -> int:
    return max((fm.horizontalAdvance(line) for line in text.split("\n")), default=0)


def _visible(w: QWidget, top: QWidget) -> bool:
    return w.isVisibleTo(top) and w.isVisible() and w.width() > 0


def problems(top: QWidget) -> list[str]:
    """What does not fit in ``top`` as it is laid out now."""
    out: list[str] = []
    for w in top.findChildren(QWidget):
        if not _visible(w, top):
            continue
        name = f"{type(w).__name__}"
        if isinstance(w, QLabel) and w.wordWrap() and w.text():
            need = w.heightForWidth(w.width())
            if need > w.height() + 1:
                out.append(f"{name} « {w.text()[:60]}… »: its lines need {need} px high, "
                           f"has {w.height()}")
            continue
        if isinstance(w, QLabel):
            if w.wordWrap() or not w.text() or w.text().lstrip().startswith("<") \
                    or w.pixmap() is not None and not w.pixmap().isNull():
                continue
            text = _plain(w.text()) if w.buddy() is not None else w.text()
            need = _width(w.fontMetrics(), text)
            room = w.contentsRect().width() - 2 * w.margin() - w.indent() * (w.indent() > 0)
            if need > room + 1:
                out.append(f"{name} « {w.text()} »: needs {need} px, has {room}")
        elif isinstance(w, QAbstractButton) and w.text():
            need = _width(w.fontMetrics(), _plain(w.text()))
            if isinstance(w, (QCheckBox, QRadioButton)):
                need += w.style().pixelMetric(w.style().PixelMetric.PM_IndicatorWidth) + 4
            elif isinstance(w, QPushButton):
                need += 8
            if not w.icon().isNull():
                need += w.iconSize().width() + 4
            if need > w.width():
                out.append(f"{name} « {_plain(w.text())} »: needs {need} px, has {w.width()}")
        elif isinstance(w, QComboBox) and w.count():
            fm = w.fontMetrics()
            arrow = w.style().pixelMetric(w.style().PixelMetric.PM_ScrollBarExtent)
            need = _width(fm, w.currentText()) + arrow + 8
            if need > w.width():
                out.append(f"combo « {w.currentText()} »: needs {need} px, has {w.width()}")
            longest = max(range(w.count()), key=lambda i: fm.horizontalAdvance(w.itemText(i)))
            item_need = fm.horizontalAdvance(w.itemText(longest)) + 8
            popup = max(w.width() - arrow, w.view().minimumWidth()
                        - w.view().verticalScrollBar().sizeHint().width())
            if item_need > popup:
                out.append(f"combo list item « {w.itemText(longest)} »: needs {item_need} "
                           f"px, its list has {popup}")
        if isinstance(w, QAbstractScrollArea) and w.horizontalScrollBar().isVisible():
            out.append(f"{name}({w.accessibleName()}) scrolls sideways")
        if isinstance(w, QAbstractItemView) and w.model() is not None \
                and hasattr(w, "horizontalHeader"):
            out += _cells(w)
    return out


def _cells(view) -> list[str]:
    out = []
    model, header = view.model(), view.horizontalHeader()
    fm = view.fontMetrics()
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:
        return out
    for c in range(columns):
        if header.isSectionHidden(c):
            continue
        room = header.sectionSize(c)
        title = str(model.headerData(c, Qt.Orientation.Horizontal) or "")
        tip = model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        if header.isVisible() and title and fm.horizontalAdvance(title) + 4 > room \
                and tip != title:
            out.append(f"header « {title} »: needs {fm.horizontalAdvance(title) + 4} px, "
                       f"has {room}")
        for r in range(min(model.rowCount(QModelIndex()), ROWS)):
            index = model.index(r, c)
            text = model.data(index, Qt.ItemDataRole.DisplayRole)
            if not isinstance(text, str) or not text:
                continue
            if fm.horizontalAdvance(text) + 6 > room:
                tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
                if not (isinstance(tip, str) and text in tip):
                    out.append(f"cell « {text} » (column « {title} »): cut, and no tooltip")
    return out


@pytest.fixture
def demo_window(make_app, tmp_path, tmp_path_factory):
    def make(lang, size):
        app = make_app(demo_copy(tmp_path_factory, tmp_path / f"demo-{lang}.sqlite"), lang)
        app.window.show()
        app.window.resize(*size)
        return app
    return make


def _settle(app, qtbot) -> None:
    for _ in range(2):
        qtbot.wait(60)
        qtbot.waitUntil(lambda: not app.runner.busy(), timeout=30000)
    qtbot.wait(60)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("size", [(900, 560), (1024, 700), (1366, 768)])
def test_every_screen_fits(demo_window, qtbot, lang, size):
    app = demo_window(lang, size)
    window = app.window
    found = []
    for screen in window.screens:
        window.show_screen(screen.key)
        _settle(app, qtbot)
        if window.width() != size[0]:
            found.append(f"{screen.key}: the window cannot be {size[0]} px wide "
                         f"({window.width()} px)")
        if screen.minimumSizeHint().width() > window.stack.width():
            found.append(f"{screen.key}: needs {screen.minimumSizeHint().width()} px, "
                         f"has {window.stack.width()}")
        found += [f"{screen.key}: {p}" for p in problems(screen)]
    assert found == [], "\n".join(found)
    assert window.minimumSizeHint().width() <= 1024


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_record_dialogs_fit(demo_window, qtbot, lang):
    """A participant's file and the dialogs opened from it, on the small screen."""
    from citesdesk.gui.journey_dialogs import EnrollDialog
    from citesdesk.gui.records_dialog import RecordsDialog
    from citesdesk.gui.referral_dialogs import NewReferralDialog, StatusDialog

    app = demo_window(lang, (1024, 700))
    reader = app.reader
    person, referral = reader.execute(
        "SELECT p.uuid, r.uuid FROM participant p JOIN referral r ON r.participant_id = p.id "
        "WHERE p.deleted_at IS NULL LIMIT 1").fetchone()
    found = []
    app.window.open_participant(person)
    _settle(app, qtbot)
    from citesdesk.gui.participant_form import ParticipantDialog

    file = next(d for d in ParticipantDialog._open.values())
    file.resize(min(file.width(), 1024), min(file.height(), 700))
    _settle(app, qtbot)
    found += [f"participant file: {p}" for p in problems(file)]
    dialogs = []
    enroll = EnrollDialog(app.runner, person, file)
    qtbot.waitUntil(lambda: enroll.is_ready, timeout=30000)
    dialogs.append(("enroll", enroll))
    dialogs.append(("referral", NewReferralDialog(app.window.ctx, person, parent=file)))
    dialogs.append(("status", StatusDialog(app.window.ctx, referral, file)))
    rows = [{"name": "Nom-très-long Prénom-composé", "date": "2026-01-02", "code": "CDD_6P",
             "cohort": "Cohorte 6 — Printemps 2026", "participant_uuid": person,
             "dynamique": True}]
    dialogs.append(("records", RecordsDialog(app.window.ctx, "S_SORTIES", "2026-T4", rows,
                                             app.window)))
    for name, dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        _settle(app, qtbot)
        assert dialog.width() <= 1024 and dialog.height() <= 700, name
        found += [f"{name}: {p}" for p in problems(dialog)]
        dialog.close()
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_other_dialogs_fit(demo_window, qtbot, tmp_path, lang):
    """Settings, welcome and the import wizard's first page, on the small screen."""
    from citesdesk.gui.import_wizard import ImportWizard
    from citesdesk.gui.settings_dialog import SettingsDialog
    from citesdesk.gui.welcome import WelcomeDialog

    app = demo_window(lang, (1024, 700))
    found = []
    for name, dialog in (("settings", SettingsDialog(app.window.ctx, app.window)),
                         ("welcome", WelcomeDialog(tmp_path / "neuf.sqlite", lang)),
                         ("import", ImportWizard(app.window.ctx, app.window))):
        qtbot.addWidget(dialog)
        dialog.show()
        _settle(app, qtbot)
        assert dialog.width() <= 1024 and dialog.height() <= 700, name
        found += [f"{name}: {p}" for p in problems(dialog)]
        dialog.close()
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_participants_list_shows_names_referents_and_cohorts_whole(demo_window, qtbot, lang):
    """At 1024 px the columns that say who and where (names, referent, cohort) are never
    cut, not even with a tooltip: the least identifying ones step aside instead."""
    app = demo_window(lang, (1024, 700))
    screen = app.window.show_screen("participants")
    _settle(app, qtbot)
    view, model = screen.table, screen.model
    header, fm = view.horizontalHeader(), view.fontMetrics()
    cut = []
    for c in (0, 1, view.REFERENT, view.COHORT):
        assert not header.isSectionHidden(c)
        room = header.sectionSize(c)
        for r in range(min(model.rowCount(), 200)):
            text = model.index(r, c).data()
            if text and fm.horizontalAdvance(text) + 6 > room:
                cut.append(f"« {text} » needs {fm.horizontalAdvance(text) + 6} px, has {room}")
    assert cut == []
    assert not view.horizontalScrollBar().isVisible()
