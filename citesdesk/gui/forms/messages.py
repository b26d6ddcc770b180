"""The messages of a form: one red, one way, and nothing moves when one appears.

Every message under a field is a :func:`message_label` (object name ``fieldError``,
coloured by the application's style sheet; ``fieldWarning`` for a warning), held in a
:class:`MessageSlot` that keeps one line of room while the message is hidden. A form's
messages are a :class:`FieldErrors`: one label per field, one general label for what
belongs to no field, filled from the services' :class:`ValidationFailed`, and each field
checked again when it is left. :class:`ErrorForm` is a form layout whose rows get such a
message under them (and a « * » when the field is :func:`required`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from citesdesk.core.errors import CitesDeskError, ValidationFailed


def message_label(parent: QWidget | None = None) -> QLabel:
    """A message line: hidden until it says something; red through the style sheet."""
    label = QLabel(parent)
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.setVisible(False)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def set_severity(label: QLabel, warning: bool) -> None:
    """Show ``label`` as an error (red) or a warning (brown)."""
    name = "fieldWarning" if warning else "fieldError"
    if label.objectName() != name:
        label.setObjectName(name)
        label.style().unpolish(label)
        label.style().polish(label)


class MessageSlot(QWidget):
    """The room of a message line under a field, kept whether the message shows or not
    (one line): when a one-line message appears nothing below it moves, so a click never
    lands in another field. The message itself is the :class:`QLabel` ``label`` (shown,
    hidden and filled as usual); a longer message grows the slot."""

    def __init__(self, label: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent or label.parentWidget())
        self.label = label
        label.setParent(self)
        label.installEventFilter(self)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _line(self) -> int:
        return self.label.fontMetrics().lineSpacing() + 2

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        if self.label.isHidden() or not self.label.text():
            return self._line()
        return max(self._line(), self.label.heightForWidth(width))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(0, self.heightForWidth(max(self.width(), 200)))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(0, self._line())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.label.setGeometry(0, 0, self.width(), self.height())

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if obj is self.label and event.type() in (
                QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.LayoutRequest):
            self.updateGeometry()
        return False

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # the message's text changed
            self.updateGeometry()
        return super().event(event)


def keep_room(label: QLabel) -> MessageSlot:
    """``label`` in a :class:`MessageSlot`: add the slot to the layout, not the label."""
    return MessageSlot(label)


def required(kind: str, name: str) -> bool:
    """Whether the field ``name`` of records of ``kind`` must be filled (marked « * »)."""
    from citesdesk.core.model import KINDS

    try:
        return KINDS[kind].field(name).required
    except (KeyError, ValueError, AttributeError):
        return False


class FieldErrors:
    """The messages of a form, by field, filled from a :class:`ValidationFailed`."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.labels: dict[str, QLabel] = {}
        self.slots: dict[str, QWidget] = {}
        self.general = message_label()
        self.general_slot = keep_room(self.general)

    def label(self, field: str) -> QWidget:
        """What to put under the field in the layout: the room of its message (one line,
        kept while there is none, so that nothing moves when one appears)."""
        if field not in self.labels:
            self.labels[field] = message_label()
            self.slots[field] = keep_room(self.labels[field])
        return self.slots[field]

    def say(self, field: str, text: str, warning: bool = False) -> None:
        """Show ``text`` under ``field`` (or hide its message when ``text`` is empty); a
        ``warning`` (saved all the same) in brown rather than red."""
        label = self.labels.get(field, self.general)
        set_severity(label, warning)
        label.setText(text)
        label.setVisible(bool(text))

    def clear(self) -> None:
        for label in [self.general, *self.labels.values()]:
            label.clear()
            label.setVisible(False)

    def show(self, exc: BaseException) -> list[str]:
        """Each message under its field, the others in the general label; returns those
        others (the caller may say them elsewhere)."""
        self.clear()
        rest: list[str] = []
        if isinstance(exc, ValidationFailed):
            for e in exc.errors:
                target = self.labels.get(e.field)
                if target is None:
                    rest.append(e.message(self.lang))
                    continue
                text = target.text()
                self.say(e.field, (text + "\n" if text else "") + e.message(self.lang))
        elif isinstance(exc, CitesDeskError):
            rest.append(exc.message(self.lang))
        if rest:
            self.say("", "\n".join(rest))
        return rest

    def check_field(self, kind: str, field: str, value: Any) -> None:
        """Check one field as it is left (its own rules, not « required »): its message
        (an error, or a warning such as a phone number that does not exist) shows or goes
        at once."""
        from citesdesk.core.validation import validate_record

        warning = False
        try:
            _, warnings = validate_record(kind, {field: value}, existing={})
            problems, warning = [w for w in warnings if w.field == field], True
        except ValidationFailed as exc:
            problems = [e for e in exc.errors if e.field == field and e.code != "required"]
        except CitesDeskError:
            return
        if field not in self.labels:
            return
        self.say(field, "\n".join(e.message(self.lang) for e in problems), warning)

    def texts(self) -> dict[str, str]:
        """What is shown now, by field (``""`` for the general label); for tests too."""
        out = {f: label.text() for f, label in self.labels.items() if label.text()}
        if self.general.text():
            out[""] = self.general.text()
        return out


class ErrorForm(QFormLayout):
    """A form layout whose fields each have their message under them (:class:`FieldErrors`)
    and a « * » when records of ``kind`` require them."""

    def __init__(self, parent: QWidget | None = None, kind: str | None = None,
                 lang: str = "fr", messages: FieldErrors | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.messages = messages or FieldErrors(lang)  # a dialog's own, when it has them
        self.errors = self.messages.labels  # field -> its message label

    def add(self, name: str, label: str, widget: QWidget,
            must: bool | None = None) -> QWidget:
        """The row of field ``name``: its label (with « * » when the field must be filled:
        ``must``, or else as records of ``kind`` require), the widget, its message."""
        if not widget.accessibleName():
            widget.setAccessibleName(label.replace("&", ""))
        if must or (must is None and self.kind is not None and required(self.kind, name)):
            label += " *"
        self.addRow(label, widget)
        self.addRow("", self.messages.label(name))
        if self.kind is not None and isinstance(widget, QLineEdit):
            self._check_when_left(name, widget)
        return widget

    def _check_when_left(self, name: str, edit: QLineEdit) -> None:
        """Check the field when it is left, and again as a field in error is corrected (its
        message goes at once)."""
        kind, messages = self.kind, self.messages
        edit.editingFinished.connect(lambda: messages.check_field(kind, name, edit.text()))
        edit.textEdited.connect(lambda _t: not messages.labels[name].isHidden()
                                and messages.check_field(kind, name, edit.text()))

    def clear_errors(self) -> None:
        self.messages.clear()

    def show_errors(self, exc: ValidationFailed) -> list[str]:
        """Show each error under its field; returns the messages of fields not on this form."""
        rest = self.messages.show(exc)
        self.messages.say("", "")  # those go in a message box (:func:`show_error`)
        return rest


def show_error(parent: QWidget, form: ErrorForm, exc: BaseException) -> None:
    """A refusal: each field's message under the field, the others in a message box."""
    from citesdesk.gui.dialogs import Dialog

    if isinstance(exc, ValidationFailed):
        rest = form.show_errors(exc)
        if rest:
            Dialog.error(parent, "\n".join(rest))
    else:
        Dialog.error(parent, exc.message(form.messages.lang) if hasattr(exc, "message")
                     else str(exc))
