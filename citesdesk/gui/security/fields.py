"""The passphrase part of the welcome dialog: encrypt the new site's database from the
start (recommended for real data), with the passphrase typed twice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QWidget

from citesdesk.core import cipher
from citesdesk.core.errors import CitesDeskError


class PassphraseFields(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.enabled = QCheckBox(self.tr("&Chiffrer la base avec une phrase secrète "
                                         "(recommandé pour de vraies données)"), self)
        form.addRow(self.enabled)
        self.first, self.again = QLineEdit(self), QLineEdit(self)
        self.rows = []
        for field, label in ((self.first, self.tr("Phrase secrète")),
                             (self.again, self.tr("Phrase secrète, à nouveau"))):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setAccessibleName(label)
            field.setEnabled(False)
            form.addRow(label, field)
        note = QLabel(self.tr("12 caractères au moins. Sans elle, personne ne pourra rouvrir la "
                              "base ni ses sauvegardes : notez-la en lieu sûr."), self)
        note.setWordWrap(True)
        form.addRow("", note)
        self.enabled.toggled.connect(self.first.setEnabled)
        self.enabled.toggled.connect(self.again.setEnabled)

    def apply(self, path: Path) -> str | None:
        """Check the passphrase and remember it for ``path`` (created encrypted); ``None``
        when not asked for. Raises :class:`CitesDeskError` with the reason."""
        if not self.enabled.isChecked():
            return None
        cipher.check_passphrase(self.first.text())
        if self.first.text() != self.again.text():
            raise CitesDeskError("Les deux phrases secrètes diffèrent : retapez-les.",
                                 "The two passphrases differ: type them again.")
        cipher.remember(path, self.first.text())
        return self.first.text()
