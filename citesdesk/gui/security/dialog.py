"""File › Sécurité et chiffrement…: encrypt the database, change or remove its
passphrase, and the auto-lock delay."""

from __future__ import annotations

import hmac

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from citesdesk.core import cipher, settings
from citesdesk.core.errors import CitesDeskError
from citesdesk.gui.context import AppContext
from citesdesk.gui.dialogs import Dialog
from citesdesk.gui.security import passphrase


class SecurityDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Sécurité et chiffrement"))
        layout = QVBoxLayout(self)
        encrypted = bool(cipher.key_for(ctx.db_path))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setText((
            self.tr("La base « {name} » est chiffrée (SQLCipher, AES-256) : sans sa phrase "
                    "secrète, ni le fichier ni ses sauvegardes ne peuvent être lus.")
            if encrypted else
            self.tr("La base « {name} » n'est pas chiffrée : quiconque copie le fichier peut "
                    "lire les données. Chiffrez-la si l'ordinateur contient de vraies "
                    "données personnelles.")).format(name=ctx.db_path.name))
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.encrypt_button = QPushButton(self.tr("&Chiffrer la base…"), self)
        self.change_button = QPushButton(self.tr("C&hanger la phrase secrète…"), self)
        self.remove_button = QPushButton(self.tr("&Retirer le chiffrement…"), self)
        self.encrypt_button.setVisible(not encrypted)
        self.change_button.setVisible(encrypted)
        self.remove_button.setVisible(encrypted)
        self.encrypt_button.clicked.connect(self.encrypt)
        self.change_button.clicked.connect(self.encrypt)
        self.remove_button.clicked.connect(self.remove)
        for b in (self.encrypt_button, self.change_button, self.remove_button):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        form = QFormLayout()
        self.lock_minutes = QSpinBox(self)
        self.lock_minutes.setRange(0, 240)
        self.lock_minutes.setSpecialValueText(self.tr("jamais"))
        self.lock_minutes.setSuffix(self.tr(" min"))
        self.lock_minutes.setValue(settings.get(ctx.reader, "autolock_minutes"))
        self.lock_minutes.setAccessibleName(self.tr("Verrouillage après inactivité"))
        form.addRow(self.tr("&Verrouiller après :"), self.lock_minutes)
        note = QLabel(self.tr("Le verrouillage cache toutes les fenêtres jusqu'à ce que la "
                              "phrase secrète soit retapée (base chiffrée seulement)."), self)
        note.setWordWrap(True)
        form.addRow("", note)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        value = self.lock_minutes.value()
        self.ctx.runner.submit(lambda db, progress: settings.put(db, "autolock_minutes", value), on_done=lambda _: self.accept(), owner=self)

    def _current_ok(self) -> bool:
        """Changing or removing the passphrase needs the current one typed again."""
        key = cipher.key_for(self.ctx.db_path)
        if not key:
            return True
        typed = passphrase.ask(self, self.tr("Phrase secrète actuelle"),
                               self.tr("Tapez la phrase secrète actuelle de la base."))
        if typed is None:
            return False
        if not hmac.compare_digest(typed.encode(), key.encode()):
            Dialog.error(self, self.tr("Ce n'est pas la phrase secrète de la base : rien n'a "
                                       "été changé."))
            return False
        return True

    def encrypt(self) -> None:
        if not self._current_ok():
            return
        new = passphrase.ask(
            self, self.tr("Nouvelle phrase secrète"),
            self.tr("Choisissez une phrase secrète d'au moins 12 caractères (plusieurs mots "
                    "se retiennent bien). Sans elle, personne — pas même l'assistance — ne "
                    "pourra rouvrir la base ni ses sauvegardes : notez-la en lieu sûr."),
            new=True)
        if new is None:
            return
        self._change(new)

    def remove(self) -> None:
        if Dialog.ask(self, self.tr("Retirer le chiffrement"), self.tr(
                "La base sera réécrite en clair : quiconque copie le fichier pourra lire les "
                "données. Continuer ?")) != "yes":
            return
        if self._current_ok():
            self._change(None)

    def _change(self, new: str | None) -> None:
        from citesdesk.services.encryption import change_passphrase

        path = self.ctx.db_path
        reopen = self.ctx.navigation.get("reopen")
        try:
            if new is not None:
                cipher.check_passphrase(new)
            reopen(lambda: change_passphrase(path, new))
        except CitesDeskError as exc:
            Dialog.error(None, exc.message(self.ctx.lang))
            return
        self.accept()
        Dialog.info(None, self.tr("La base est maintenant chiffrée.") if new
                    else self.tr("La base n'est plus chiffrée."))
