"""Small pieces shared by the journey, notes and cohort dialogs.

:class:`SeamDialog` is the seam that tests drive: ``Cls.driver`` (a function taking the
dialog) runs instead of ``exec()``; it fills the fields and presses the buttons as a
person would. :class:`FieldErrors` shows the services' validation messages under each
field. Dates are shown ``dd/mm/yyyy`` in both languages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QDateEdit, QDialog, QLabel, QWidget

from citesdesk.core.errors import CitesDeskError, ValidationFailed

DATE_FORMAT = "dd/MM/yyyy"


def date_text(iso: str | None) -> str:
    """``2026-02-01`` → ``01/02/2026``."""
    if not iso:
        return ""
    y, m, d = iso[:10].split("-")
    return f"{d}/{m}/{y}"


def date_edit(parent: QWidget | None = None, iso: str | None = None) -> QDateEdit:
    """A date field with a calendar, ``dd/mm/yyyy``, today unless ``iso`` is given."""
    edit = QDateEdit(parent)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    set_date(edit, iso)
    return edit


def set_date(edit: QDateEdit, iso: str | None) -> None:
    day = dt.date.fromisoformat(iso) if iso else dt.date.today()
    edit.setDate(QDate(day.year, day.month, day.day))


def iso_of(edit: QDateEdit) -> str:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day()).isoformat()


def lang_of(runner: Any) -> str:
    return getattr(runner, "lang", "fr") or "fr"


class SearchCombo(QComboBox):
    """A combo whose items can be found by typing any part of their text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def select_data(self, value: Any) -> None:
        index = self.findData(value)
        self.setCurrentIndex(max(index, 0))


class FieldErrors:
    """Error labels under the fields of a form, filled from a :class:`ValidationFailed`."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.labels: dict[str, QLabel] = {}
        self.slots: dict[str, QWidget] = {}
        self.general = self._make()
        self.general_slot = self._slot(self.general)

    def _make(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setVisible(False)
        label.setStyleSheet("color: #b00020;")
        return label

    @staticmethod
    def _slot(label: QLabel) -> QWidget:
        from citesdesk.gui.participant_fields import MessageSlot

        return MessageSlot(label)

    def label(self, field: str) -> QWidget:
        """What to put under the field in the layout: the room of its message (one line,
        kept while there is none, so that nothing moves when one appears)."""
        if field not in self.labels:
            self.labels[field] = self._make()
            self.slots[field] = self._slot(self.labels[field])
        return self.slots[field]

    def clear(self) -> None:
        for label in [self.general, *self.labels.values()]:
            label.clear()
            label.setVisible(False)

    def show(self, exc: BaseException) -> None:
        """Each message under its field; messages about other fields in the general one."""
        self.clear()
        if isinstance(exc, ValidationFailed):
            rest = []
            for e in exc.errors:
                target = self.labels.get(e.field)
                if target is None:
                    rest.append(e.message(self.lang))
                    continue
                text = target.text()
                target.setText((text + "\n" if text else "") + e.message(self.lang))
                target.setVisible(True)
            if rest:
                self.general.setText("\n".join(rest))
                self.general.setVisible(True)
        elif isinstance(exc, CitesDeskError):
            self.general.setText(exc.message(self.lang))
            self.general.setVisible(True)

    def check_field(self, kind: str, field: str, value: Any) -> None:
        """Check one field as it is left (its own rules, not « required »): its message
        shows or goes at once."""
        from citesdesk.core.validation import validate_record

        try:
            validate_record(kind, {field: value}, existing={})
            problems = []
        except ValidationFailed as exc:
            problems = [e for e in exc.errors if e.field == field and e.code != "required"]
        except CitesDeskError:
            return
        label = self.labels.get(field)
        if label is None:
            return
        label.setText("\n".join(e.message(self.lang) for e in problems))
        label.setVisible(bool(problems))

    def texts(self) -> dict[str, str]:
        """What is shown now, by field (``""`` for the general label); for tests too."""
        out = {f: label.text() for f, label in self.labels.items() if label.text()}
        if self.general.text():
            out[""] = self.general.text()
        return out


class SeamDialog(QDialog):
    """A dialog that saves through the task runner and closes once the write landed.

    ``ask``-style class methods build the dialog and call :meth:`run`. In the
    application that is ``exec()``; tests set ``Cls.driver`` to a function that gets the
    dialog and drives it. ``saved`` is emitted with the stored result; ``result_value``
    keeps it for the caller.
    """

    driver: ClassVar[Callable[[QDialog], Any] | None] = None
    saved = Signal(object)
    # The write was refused; the messages are shown in the dialog.
    failed = Signal()
    # The data the dialog needs has been read (the fields are filled).
    ready = Signal()

    def __init__(self, runner: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.lang = lang_of(runner)
        self.errors = FieldErrors(self.lang)
        self.result_value: Any = None
        self.is_ready = False
        self.busy = False

    def run(self) -> Any:
        from citesdesk.gui.formkit import name_the_record

        name_the_record(self)
        driver = type(self).driver
        if driver is not None:
            driver(self)
        elif self.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.result_value

    def mark_ready(self) -> None:
        self.is_ready = True
        self.ready.emit()

    def save_with(self, fn: Callable[..., Any], *args: Any) -> None:
        """Run ``fn(db, progress, *args)`` on the runner; close on success, show errors."""
        if self.busy:
            return
        self.busy = True
        self.errors.clear()
        self.runner.submit(fn, *args, on_done=self._saved, on_error=self._failed)

    def _saved(self, result: Any) -> None:
        self.busy = False
        self.result_value = result
        self.saved.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.errors.show(exc)
        self.failed.emit()
