"""Editors for the fields of a participant, built from the declarations of
:mod:`citesdesk.core.model` (labels in French and English, code lists from
:mod:`citesdesk.core.codes`): one source of truth for what a participant holds.

Each :class:`FieldEditor` has a widget, a value in the form the services accept (dates
as the user typed them, ``dd/mm/yyyy`` or ``03 Dec 2026``; codes; 0/1/None), and a
message under it (:mod:`citesdesk.gui.forms.messages`) where the services' message for
that field is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLineEdit,
    QWidget,
)

from citesdesk.core import codes
from citesdesk.core.errors import FieldError
from citesdesk.core.model import PARTICIPANT, Field
from citesdesk.gui.forms import date_text, keep_room, message_label, set_severity


def label_of(f: Field, lang: str) -> str:
    return f.en if lang == "en" else f.fr


class FieldEditor:
    """One field: its widget, its value, its error label."""

    def __init__(self, f: Field, lang: str, parent: QWidget) -> None:
        self.field = f
        self.lang = lang
        self.label_text = label_of(f, lang) + (" *" if f.required else "")
        self.widget = self._make(parent)
        self.widget.setObjectName(f"field_{f.name}")
        self.widget.setAccessibleName(label_of(f, lang))
        self.error = message_label(parent)
        self.error_slot = keep_room(self.error)

    # -- widget per type -------------------------------------------------------------
    def _make(self, parent: QWidget) -> QWidget:
        f = self.field
        if f.type == "code":
            combo = QComboBox(parent)
            if f.default is None:
                combo.addItem("", None)
            for c in codes.ALL[f.codelist]:
                combo.addItem(c.label(self.lang), c.code)
            return combo
        if f.type == "bool" and f.default is None:
            combo = QComboBox(parent)
            combo.addItem(QCoreApplication.translate("FieldEditor", "Non renseigné"), None)
            combo.addItem(QCoreApplication.translate("FieldEditor", "Oui"), 1)
            combo.addItem(QCoreApplication.translate("FieldEditor", "Non"), 0)
            return combo
        if f.type == "bool":
            return QCheckBox(label_of(f, self.lang), parent)
        if f.type == "codes":
            box = QWidget(parent)
            grid = QGridLayout(box)
            grid.setContentsMargins(0, 0, 0, 0)
            self.checks: dict[str, QCheckBox] = {}
            for n, c in enumerate(codes.ALL[f.codelist]):
                check = QCheckBox(c.label(self.lang), box)
                check.setObjectName(f"frein_{c.code}")
                grid.addWidget(check, n // 2, n % 2)
                self.checks[c.code] = check
            return box
        if f.type == "qpv":
            from citesdesk.gui.qpv_picker import QpvEdit

            return QpvEdit(parent)  # code or name, completion over the list in force
        edit = QLineEdit(parent)
        if f.type == "date":
            edit.setPlaceholderText(QCoreApplication.translate("FieldEditor", "jj/mm/aaaa"))
        elif f.type == "phone":
            edit.setPlaceholderText("06 12 34 56 78")
        return edit

    @property
    def is_checkbox(self) -> bool:
        return isinstance(self.widget, QCheckBox)

    def focus_widgets(self) -> list[QWidget]:
        if self.field.type == "codes":
            return list(self.checks.values())
        return [self.widget]

    # -- value -----------------------------------------------------------------------
    def value(self) -> Any:
        w = self.widget
        if self.field.type == "codes":
            return [code for code, check in self.checks.items() if check.isChecked()]
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, QCheckBox):
            return 1 if w.isChecked() else 0
        return w.text()

    def set_value(self, value: Any) -> None:
        w = self.widget
        f = self.field
        if f.type == "codes":
            chosen = set(str(value or "").split("|"))
            for code, check in self.checks.items():
                check.setChecked(code in chosen)
        elif isinstance(w, QComboBox):
            index = w.findData(value if value is not None or f.default is None else f.default)
            w.setCurrentIndex(max(index, 0))
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif f.type == "date" and value:
            w.setText(date_text(value, self.lang))
        else:
            w.setText("" if value is None else str(value))

    def on_change(self, callback: Callable[[], None]) -> None:
        w = self.widget
        if self.field.type == "codes":
            for check in self.checks.values():
                check.toggled.connect(callback)
        elif isinstance(w, QComboBox):
            w.currentIndexChanged.connect(callback)
        elif isinstance(w, QCheckBox):
            w.toggled.connect(callback)
        else:
            w.textEdited.connect(callback)

    def set_enabled(self, enabled: bool) -> None:
        self.widget.setEnabled(enabled)

    # -- messages --------------------------------------------------------------------
    def show_problems(self, problems: list[FieldError]) -> None:
        if not problems:
            self.error.clear()
            self.error.hide()
            return
        errors = [p for p in problems if p.severity == "error"]
        shown = errors or problems
        set_severity(self.error, warning=not errors)
        self.error.setText("\n".join(p.message(self.lang) for p in shown))
        self.error.show()


def editors(names: list[str], lang: str, parent: QWidget) -> dict[str, FieldEditor]:
    return {name: FieldEditor(PARTICIPANT.field(name), lang, parent) for name in names}
