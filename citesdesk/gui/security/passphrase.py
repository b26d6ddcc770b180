"""Asking for a passphrase: at start, when another database is opened, to unlock, and a
new one (typed twice) when a database is encrypted or its passphrase changed.

Tests answer through the :class:`~citesdesk.gui.dialogs.Dialog` seam: a scripted answer
is the text typed (``None``: cancelled).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from citesdesk.core import attempts, cipher
from citesdesk.core.db import connect
from citesdesk.core.errors import CitesDeskError
from citesdesk.gui.dialogs import Dialog


class PassphraseDialog(QDialog):
    """One passphrase field (two for a new one), a message line, OK / Cancel."""

    def __init__(self, title: str, text: str, new: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        layout = QVBoxLayout(self)
        intro = QLabel(text, self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.field = QLineEdit(self)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(QCoreApplication.translate("Passphrase", "Phrase secrète"))
        form.addRow(QCoreApplication.translate("Passphrase", "&Phrase secrète :"), self.field)
        self.again = None
        if new:
            self.again = QLineEdit(self)
            self.again.setEchoMode(QLineEdit.EchoMode.Password)
            self.again.setAccessibleName(
                QCoreApplication.translate("Passphrase", "Phrase secrète, à nouveau"))
            form.addRow(QCoreApplication.translate("Passphrase", "&Retapez-la :"), self.again)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("error")
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _check(self) -> None:
        if self.again is not None:
            try:
                cipher.check_passphrase(self.field.text())
            except CitesDeskError as exc:
                self.show_message(exc.message(_lang()))
                return
            if self.again.text() != self.field.text():
                self.show_message(QCoreApplication.translate(
                    "Passphrase", "Les deux phrases secrètes diffèrent."))
                return
        self.accept()


def _lang() -> str:
    return "en" if QLocale().language() == QLocale.Language.English else "fr"


def ask(parent: QWidget | None, title: str, text: str, new: bool = False,
        message: str = "") -> str | None:
    """The passphrase typed, or ``None`` if cancelled."""
    done, answer = Dialog._scripted("passphrase", title, text + (f"\n{message}" if message
                                                                  else ""), None)
    if done:
        return answer
    dialog = PassphraseDialog(title, text, new, parent)
    if message:
        dialog.show_message(message)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.field.text()


def try_key(path: Path, key: str) -> str | None:
    """``None`` if ``key`` opens ``path`` (it is then remembered), else why not."""
    try:
        connect(path, readonly=True, key=key).close()
    except CitesDeskError as exc:
        return exc.message(_lang())
    cipher.remember(path, key)
    return None


def unlock_file(path: str | Path, parent: QWidget | None = None) -> bool:
    """Make sure the passphrase of ``path`` is known (asked until right, or cancelled).

    ``True`` for a plain file, or one whose passphrase is already remembered. Reads the
    file's header: call it before this process connects to ``path``.
    """
    path = Path(path)
    if cipher.key_for(path) or not cipher.looks_encrypted(path):
        return True
    message = ""
    while True:
        wait = attempts.wait_needed(path)
        if wait:
            message = QCoreApplication.translate(
                "Passphrase", "Trop d'essais erronés : attendez {seconds} s avant de "
                "réessayer.").format(seconds=wait)
        key = ask(parent, QCoreApplication.translate("Passphrase", "Base chiffrée"),
                  QCoreApplication.translate(
                      "Passphrase", "« {name} » est chiffrée. Tapez sa phrase secrète pour "
                      "l'ouvrir.").format(name=path.name), message=message)
        if key is None:
            return False
        message = try_key(path, key) or ""
        if not message:
            return True
