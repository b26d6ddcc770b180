"""The dialog seam: every question, message and file chooser goes through :class:`Dialog`.

In the application each call opens a modal dialog. Tests drive them without a human:
``Dialog.script(answer, ...)`` queues answers that the next calls return instead of
opening anything, and ``Dialog.shown`` records what would have been shown
(``(kind, title, text)``), so a test can assert the message a user would read.

Answers: :meth:`ask` returns the key of the chosen button (``"yes"``, ``"no"``,
``"save"``, ``"discard"``, ``"cancel"`` or a custom key); file choosers return a path
or ``""``; :meth:`unexpected`, :meth:`error` and :meth:`info` return ``None``.
"""

from __future__ import annotations

from collections import deque
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

_STANDARD = {
    "yes": QMessageBox.StandardButton.Yes,
    "no": QMessageBox.StandardButton.No,
    "save": QMessageBox.StandardButton.Save,
    "discard": QMessageBox.StandardButton.Discard,
    "cancel": QMessageBox.StandardButton.Cancel,
    "ok": QMessageBox.StandardButton.Ok,
}


class Dialog:
    """Modal questions and messages, scriptable by tests."""

    # Answers queued by tests; while it is not empty no dialog is opened.
    answers: ClassVar[deque] = deque()
    # Every dialog asked for while scripted: ``(kind, title, text)``.
    shown: ClassVar[list[tuple[str, str, str]]] = []
    # When true (tests), dialogs never block: an unscripted call returns its default.
    headless: ClassVar[bool] = False

    @classmethod
    def script(cls, *answers: Any) -> None:
        cls.answers.extend(answers)

    @classmethod
    def reset(cls) -> None:
        cls.answers.clear()
        cls.shown.clear()

    @classmethod
    def _scripted(cls, kind: str, title: str, text: str, default: Any) -> tuple[bool, Any]:
        if cls.answers or cls.headless:
            cls.shown.append((kind, title, text))
            answer = cls.answers.popleft() if cls.answers else default
            if callable(answer):
                answer = answer(kind, title, text)
            return True, answer
        return False, None

    # -- messages ------------------------------------------------------------------
    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str,
            buttons: tuple[str, ...] = ("yes", "no"), default: str | None = None,
            custom: dict[str, str] | None = None, informative: str = "") -> str:
        """Ask a question; ``custom`` maps extra keys to button labels."""
        default = default or buttons[-1]
        done, answer = cls._scripted("ask", title, text, default)
        if done:
            return answer
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        if informative:
            box.setInformativeText(informative)
        keys = {}
        for key in buttons:
            if key in _STANDARD:
                keys[box.addButton(_STANDARD[key])] = key
        for key, label in (custom or {}).items():
            keys[box.addButton(label, QMessageBox.ButtonRole.ActionRole)] = key
        for button, key in keys.items():
            if key == default:
                box.setDefaultButton(button)
        box.exec()
        return keys.get(box.clickedButton(), "cancel")

    @classmethod
    def info(cls, parent: QWidget | None, text: str, title: str | None = None) -> None:
        title = title or QCoreApplication.translate("Dialog", "CitésDesk")
        done, _ = cls._scripted("info", title, text, None)
        if not done:
            QMessageBox.information(parent, title, text)

    @classmethod
    def error(cls, parent: QWidget | None, text: str, title: str | None = None) -> None:
        title = title or QCoreApplication.translate("Dialog", "Opération refusée")
        done, _ = cls._scripted("error", title, text, None)
        if not done:
            QMessageBox.warning(parent, title, text)

    @classmethod
    def unexpected(cls, parent: QWidget | None, details: str, log_path: object = None) -> None:
        done, _ = cls._scripted("unexpected", QCoreApplication.translate("Dialog", "Erreur inattendue"), details, None)
        if not done:
            UnexpectedErrorDialog(details, log_path, parent).exec()

    # -- files ---------------------------------------------------------------------
    @classmethod
    def open_file(cls, parent: QWidget | None, title: str, filters: str = "",
                  directory: str = "") -> str:
        done, answer = cls._scripted("open_file", title, filters, "")
        if done:
            return str(answer or "")
        path, _ = QFileDialog.getOpenFileName(parent, title, directory, filters)
        return path

    @classmethod
    def save_file(cls, parent: QWidget | None, title: str, filters: str = "",
                  directory: str = "") -> str:
        done, answer = cls._scripted("save_file", title, filters, "")
        if done:
            return str(answer or "")
        path, _ = QFileDialog.getSaveFileName(parent, title, directory, filters)
        return path

    @classmethod
    def choose_folder(cls, parent: QWidget | None, title: str, directory: str = "") -> str:
        done, answer = cls._scripted("choose_folder", title, "", "")
        if done:
            return str(answer or "")
        return QFileDialog.getExistingDirectory(parent, title, directory)


class UnexpectedErrorDialog(QDialog):
    """"Something went wrong" in plain words, with a button that copies the details."""

    def __init__(self, details: str, log_path: object = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = details
        self.setWindowTitle(self.tr("Erreur inattendue"))
        layout = QVBoxLayout(self)
        self.message = QLabel(self.tr(
            "CitésDesk a rencontré une erreur inattendue et n'a pas pu terminer cette "
            "opération. Ce qui était en cours d'enregistrement a été annulé : vos données "
            "déjà enregistrées sont intactes.\n\nVous pouvez continuer à travailler. Si "
            "l'erreur se reproduit, copiez les détails et envoyez-les à la personne qui "
            "vous aide avec CitésDesk."))
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.log_label = QLabel(self.tr("Journal : {path}").format(path=log_path or ""))
        self.log_label.setVisible(log_path is not None)
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.log_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copier les détails"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Détails copiés"))
