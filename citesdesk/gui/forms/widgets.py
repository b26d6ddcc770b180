"""The fields and dialogs of forms: combos of codes, searchable combos, a window's size
within the screen, and :class:`SeamDialog`.

:class:`SeamDialog` is a dialog that saves through the task runner and closes once the
write landed. Its ``ask``-style class methods build it and call :meth:`SeamDialog.run`:
``exec()`` in the application; tests drive it with ``tests/gui/drive.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QDialog, QWidget

from citesdesk.core.codes import CodeList
from citesdesk.gui.forms.formats import lang_of
from citesdesk.gui.forms.messages import FieldErrors


def code_combo(codelist: CodeList, lang: str, parent: QWidget | None = None,
               empty: str | None = None) -> QComboBox:
    """A combo of the codes of ``codelist``; ``empty`` adds a first item meaning "none"."""
    combo = QComboBox(parent)
    if empty is not None:
        combo.addItem(empty, None)
    for entry in codelist:
        combo.addItem(entry.label(lang), entry.code)
    combo.setAccessibleName(codelist.title_en if lang == "en" else codelist.title_fr)
    return combo


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
        set_combo_data(self, value)


def set_combo_data(combo: QComboBox, value: Any) -> None:
    """Choose the item of ``combo`` that carries ``value`` (the first one when none)."""
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def fit_popup(combo: QComboBox) -> QComboBox:
    """Open ``combo``'s list wide enough for its longest item (names are never cut there)."""
    view = combo.view()
    width = max((combo.fontMetrics().horizontalAdvance(combo.itemText(i))
                 for i in range(combo.count())), default=0)
    view.setMinimumWidth(width + 4 * combo.fontMetrics().averageCharWidth()
                         + view.verticalScrollBar().sizeHint().width())
    return combo


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """``window.resize(width, height)``, but never larger than the screen it opens on (a
    1024×700 screen keeps its title bar and its buttons in view)."""
    screen = window.screen() or (window.parentWidget().screen()
                                 if window.parentWidget() is not None else None)
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, room.width() - 20)
        height = min(height, room.height() - 40)  # the title bar
    window.resize(width, height)


def name_the_record(dialog: QWidget) -> None:
    """Add to ``dialog``'s title the name of the record it is about: the ``record_name``
    property of the nearest window above it (a participant's or a partner's file), so
    that every dialog about a record says which one (« Nouvel échange — Mission locale »)."""
    widget = dialog.parentWidget()
    while widget is not None:
        name = widget.window().property("record_name")
        if name:
            if not dialog.windowTitle().endswith(f" — {name}"):
                dialog.setWindowTitle(f"{dialog.windowTitle()} — {name}")
            return
        widget = widget.window().parentWidget()


class SeamDialog(QDialog):
    """A dialog that saves through the task runner and closes once the write landed.

    ``ask``-style class methods build the dialog and call :meth:`run`. In the
    application that is ``exec()``; when ``Cls.driver`` is set (tests, through
    ``tests/gui/drive.py``) it gets the dialog instead and drives it as a person would.
    ``saved`` is emitted with the stored result; ``result_value`` keeps it for the caller.
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
