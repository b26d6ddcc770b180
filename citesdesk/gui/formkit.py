"""Small building blocks shared by the partner, referral and settings forms.

Coded fields are combos whose items show the label (in the interface language) and carry
the code; dates are edited as ``dd/MM/yyyy``; each field has an error line under it that
shows the services' message (``FieldError``) for that field.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QLabel, QWidget

from citesdesk.core.codes import CodeList
from citesdesk.core.errors import ValidationFailed


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


def fit_popup(combo: QComboBox) -> QComboBox:
    """Open ``combo``'s list wide enough for its longest item (names are never cut there)."""
    view = combo.view()
    width = max((combo.fontMetrics().horizontalAdvance(combo.itemText(i))
                 for i in range(combo.count())), default=0)
    view.setMinimumWidth(width + 4 * combo.fontMetrics().averageCharWidth()
                         + view.verticalScrollBar().sizeHint().width())
    return combo


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


def required(kind: str, name: str) -> bool:
    """Whether the field ``name`` of records of ``kind`` must be filled (marked « * »)."""
    from citesdesk.core.model import KINDS

    try:
        return KINDS[kind].field(name).required
    except (KeyError, ValueError, AttributeError):
        return False


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


def set_combo_data(combo: QComboBox, value) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def date_edit(parent: QWidget | None = None, day: str | dt.date | None = None) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    set_date(edit, day or dt.date.today())
    return edit


def set_date(edit: QDateEdit, day: str | dt.date) -> None:
    if isinstance(day, str):
        day = dt.date.fromisoformat(day[:10])
    edit.setDate(QDate(day.year, day.month, day.day))


def iso(edit: QDateEdit) -> str:
    d = edit.date()
    return f"{d.year():04d}-{d.month():02d}-{d.day():02d}"


def number_text(value: int | float, lang: str) -> str:
    """A count as people read it: « 1 028 » (thin non-breaking space) in French, « 1,028 »
    in English."""
    text = f"{int(value):,}"
    return text.replace(",", "\u202f") if lang == "fr" else text


def percent_text(rate: float, lang: str, decimals: int = 1) -> str:
    """A rate (0.676) as a percentage: « 67,6 % » in French, « 67.6% » in English."""
    text = f"{rate * 100:.{decimals}f}"
    return text.replace(".", ",") + "\u202f%" if lang == "fr" else text + "%"


def quarter_text(quarter, lang: str) -> str:
    """A quarter as people name it: « 2026-T4 » in French (the State workbook's own
    name), « 2026-Q4 » in English."""
    return quarter.label if lang == "fr" else f"{quarter.year}-Q{quarter.n}"


def date_text(iso_date: str | None) -> str:
    if not iso_date:
        return ""
    y, m, d = iso_date[:10].split("-")
    return f"{d}/{m}/{y}"


class ErrorForm(QFormLayout):
    """A form layout where each field has an error line shown only when needed."""

    def __init__(self, parent: QWidget | None = None, kind: str | None = None) -> None:
        super().__init__(parent)
        self.errors: dict[str, QLabel] = {}
        self.kind = kind  # a kind of record of core.model: its required fields get a « * »

    def add(self, name: str, label: str, widget: QWidget) -> QWidget:
        if self.kind is not None and required(self.kind, name):
            label += " *"
        self.addRow(label, widget)
        error = QLabel(widget.parentWidget())
        error.setObjectName("fieldError")
        error.setStyleSheet("color: #b3261e;")
        error.setWordWrap(True)
        error.setVisible(False)
        error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        from citesdesk.gui.participant_fields import MessageSlot

        self.addRow("", MessageSlot(error))  # nothing moves when a message appears
        self.errors[name] = error
        if not widget.accessibleName():
            widget.setAccessibleName(label.replace("&", ""))
        return widget

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.setVisible(False)

    def show_errors(self, exc: ValidationFailed, lang: str) -> list[str]:
        """Show each error under its field; returns the messages of fields not on this form."""
        self.clear_errors()
        elsewhere = []
        for err in exc.errors:
            label = self.errors.get(err.field)
            if label is None:
                elsewhere.append(err.message(lang))
                continue
            text = (label.text() + "\n" if label.text() else "") + err.message(lang)
            label.setText(text)
            label.setVisible(True)
        return elsewhere


def show_error(parent: QWidget, form: ErrorForm, lang: str, exc: BaseException) -> None:
    """A refusal: each field's message under the field, the others in a message box."""
    from citesdesk.gui.dialogs import Dialog

    if isinstance(exc, ValidationFailed):
        rest = form.show_errors(exc, lang)
        if rest:
            Dialog.error(parent, "\n".join(rest))
    else:
        Dialog.error(parent, exc.message(lang) if hasattr(exc, "message") else str(exc))
