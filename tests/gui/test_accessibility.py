"""Keyboard and screen-reader basics: tab order, accessible names, scaling."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit


def _unnamed_icon_buttons(root):
    """Buttons reachable by keyboard that show only an icon and have no accessible name.

    (Qt's own unfocusable helpers — a line edit's clear button, the menu bar's overflow
    arrow — are left out: a screen reader does not land on them.)"""
    return [b for b in root.findChildren(QAbstractButton)
            if not b.text().strip() and not b.icon().isNull() and not b.accessibleName()
            and b.focusPolicy() != Qt.FocusPolicy.NoFocus]


def test_icon_only_buttons_have_accessible_names(gui, qtbot):
    window = gui.window
    for screen in window.screens:
        window.show_screen(screen.key)
    dialog = window.open_participant(None)
    assert _unnamed_icon_buttons(window) == []
    assert _unnamed_icon_buttons(dialog) == []


def test_participants_list_tab_order(gui, qtbot):
    window = gui.window
    screen = window.show_screen("participants")
    screen.search.setFocus()
    qtbot.waitUntil(lambda: screen.search.hasFocus())
    order = [screen.search]
    for _ in range(6):
        widget = order[-1].nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or not widget.isVisible():
            widget = widget.nextInFocusChain()
        order.append(widget)
    # reading order: the search row, then the filters row, then (on this empty site) the
    # sentence's button that records the first participant
    assert screen.table.isHidden()
    assert order[1:7] == [screen.qpv, screen.invisibles, screen.cohort, screen.status,
                          screen.referent, screen.empty_hint.button]


def test_form_fields_follow_in_reading_order_with_labels(gui, qtbot):
    dialog = gui.window.open_participant(None)
    identity = ["last_name", "first_name", "birth_name", "birth_date", "genre", "phone",
                "email", "address", "postcode", "commune", "referent"]
    widget = dialog.editors[identity[0]].widget
    seen = [identity[0]]
    by_widget = {e.widget: name for name, e in dialog.editors.items()}
    while len(seen) < len(identity):
        widget = widget.nextInFocusChain()
        if widget in by_widget:
            seen.append(by_widget[widget])
    assert seen == identity
    for name, editor in dialog.editors.items():
        assert editor.widget.accessibleName(), name
        if isinstance(editor.widget, QLineEdit | QComboBox):
            assert editor.widget.accessibleName() == editor.label_text.rstrip(" *")
