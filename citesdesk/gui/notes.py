"""A participant's notes: dated, shared or private, with the CNIL rules on comments in view.

``NotesWidget(ctx)`` lists the notes of the participant given to
:meth:`NotesWidget.set_participant` (most recent first) and edits them below the list.
A private note is marked with a lock, in its text and in its accessible name.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from citesdesk.core.errors import NotFound
from citesdesk.gui.forms import FieldErrors, date_edit, date_text, iso, lang_of, set_date
from citesdesk.gui.icons import icon
from citesdesk.services import journey, journey_edit

#: The icon of a private note (its text and accessible name say "privée" too).
LOCK_ICON = "lock"


class NotesWidget(QWidget):
    """Notes about one participant, with add, edit and delete."""

    # The notes have been read and shown (how many).
    loaded = Signal(int)
    # A note was written or deleted (its uuid).
    saved = Signal(str)
    # Saving was refused; the message is shown under the text.
    save_failed = Signal()

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = ctx.runner
        self.participant_uuid: str | None = None
        self.notes: list[dict] = []
        self.editing: str | None = None  # uuid of the note in the editor, None = new

        self.reminder = QLabel(self.tr(
            "<b>Ce que l'on peut écrire</b> (règles de la CNIL) : des faits objectifs, "
            "pertinents et utiles à l'accompagnement ; pas de jugement de valeur ni de propos "
            "subjectif ou blessant ; jamais de donnée de santé, d'infraction ou de "
            "condamnation, ni d'origine, d'opinion politique, religieuse ou syndicale, de vie "
            "sexuelle. La personne peut demander à lire ses notes, y compris les notes "
            "privées (droit d'accès) : écrivez-les comme si elle les lisait."), self)
        self.reminder.setWordWrap(True)
        self.reminder.setTextFormat(Qt.TextFormat.RichText)
        self.reminder.setFrameShape(QFrame.Shape.StyledPanel)
        self.reminder.setAccessibleName(self.tr("Règles de la CNIL sur les commentaires"))

        self.list = QListWidget(self)
        self.empty_label = QLabel(self.tr("Aucune note pour l'instant."), self)
        self.empty_label.setVisible(False)
        self.list.setAccessibleName(self.tr("Notes du participant"))
        self.list.setWordWrap(True)
        self.date = date_edit(self, lang=lang_of(ctx))
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(self.tr("Texte de la note"))
        self.text.setPlaceholderText(self.tr("Texte de la note"))
        self.private = QCheckBox(self.tr("Note privée (réservée à l'équipe : ni imprimée "
                                         "dans la fiche participant, ni partagée avec les "
                                         "partenaires)"), self)
        self.errors = FieldErrors(lang_of(ctx))
        self.new_button = QPushButton(self.tr("Nouvelle note"), self)
        self.save_button = QPushButton(self.tr("Enregistrer la note"), self)
        self.delete_button = QPushButton(self.tr("Supprimer"), self)

        date_row = QHBoxLayout()
        date_label = QLabel(self.tr("Date"), self)
        date_label.setBuddy(self.date)
        date_row.addWidget(date_label)
        date_row.addWidget(self.date)
        date_row.addWidget(self.private, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reminder)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.list, 2)
        layout.addLayout(date_row)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.errors.label("text"))
        layout.addWidget(self.errors.general_slot)
        layout.addLayout(buttons)

        # The keyboard follows the screen: list, date, private, text, then the buttons.
        for first, second in ((self.list, self.date), (self.date, self.private),
                              (self.private, self.text), (self.text, self.new_button),
                              (self.new_button, self.delete_button),
                              (self.delete_button, self.save_button)):
            self.setTabOrder(first, second)
        self.list.currentItemChanged.connect(lambda *_: self._edit_current())
        self.new_button.clicked.connect(self.new_note)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete_current)
        self.runner.changed.connect(self._changed)
        self.new_note()

    # -- loading -----------------------------------------------------------------------
    def set_participant(self, participant_uuid: str | None) -> None:
        self.participant_uuid = participant_uuid
        self.new_note()
        self.reload()

    def reload(self) -> None:
        uuid = self.participant_uuid
        if not uuid:
            self._show([])
            return
        self.runner.submit(lambda db, _p: journey.notes(db, uuid),
                           on_done=lambda rows: self._read(uuid, rows),
                           on_error=lambda exc: self._unreadable(uuid, exc), atomic=False)

    def _unreadable(self, uuid: str, exc: BaseException) -> None:
        """The participant is in the bin (or gone): nothing to show, nothing to write."""
        if uuid == self.participant_uuid and isinstance(exc, NotFound):
            self.participant_uuid = None
            self.new_note()
            self._show([])

    def _read(self, uuid: str, rows: list[dict]) -> None:
        if uuid == self.participant_uuid:
            self._show(rows)

    def _changed(self, kinds: set[str]) -> None:
        if self.participant_uuid and kinds & {"note", "participant"}:
            self.reload()

    def _show(self, rows: list[dict]) -> None:
        self.notes = rows
        self.list.blockSignals(True)
        self.list.clear()
        for note in rows:
            first = note["text"].strip().splitlines()[0] if note["text"].strip() else ""
            when = date_text(note["date"], self.errors.lang)
            if note["private"]:
                text = self.tr("{date} — privée — {texte}").format(date=when, texte=first)
                spoken = self.tr("Note privée du {date} : {texte}").format(date=when,
                                                                          texte=first)
            else:
                text = self.tr("{date} — {texte}").format(date=when, texte=first)
                spoken = self.tr("Note partagée du {date} : {texte}").format(date=when,
                                                                            texte=first)
            item = QListWidgetItem(text)
            if note["private"]:
                item.setIcon(icon(LOCK_ICON))
            item.setData(Qt.ItemDataRole.UserRole, note["uuid"])
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
            item.setToolTip(note["text"])
            self.list.addItem(item)
            if note["uuid"] == self.editing:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.empty_label.setVisible(not rows and bool(self.participant_uuid))
        self._update_buttons()
        self.loaded.emit(len(rows))

    # -- editing -----------------------------------------------------------------------
    def new_note(self) -> None:
        self.editing = None
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        set_date(self.date, None)
        self.text.clear()
        self.private.setChecked(False)
        self.errors.clear()
        self._update_buttons()

    def _edit_current(self) -> None:
        item = self.list.currentItem()
        note = next((n for n in self.notes
                     if item and n["uuid"] == item.data(Qt.ItemDataRole.UserRole)), None)
        if note is None:
            return
        self.editing = note["uuid"]
        set_date(self.date, note["date"])
        self.text.setPlainText(note["text"])
        self.private.setChecked(bool(note["private"]))
        self.errors.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = bool(self.participant_uuid)
        for w in (self.text, self.private, self.date, self.save_button, self.new_button):
            w.setEnabled(has)
        self.delete_button.setEnabled(has and self.editing is not None)
        self.save_button.setText(self.tr("Enregistrer la note") if self.editing
                                 else self.tr("Ajouter la note"))

    def save(self) -> None:
        if not self.participant_uuid:
            return
        text, private, day = self.text.toPlainText().strip(), self.private.isChecked(), \
            iso(self.date)
        editing, person = self.editing, self.participant_uuid

        def write(db, _progress):
            if editing:
                return journey_edit.update_note(db, editing, text, private=private, date=day)
            return journey_edit.add_note(db, person, text, private=private, date=day)

        self.errors.clear()
        self.runner.submit(write, on_done=self._saved, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.errors.show(exc)
        self.save_failed.emit()

    def _saved(self, row: dict) -> None:
        self.editing = row["uuid"]
        self._update_buttons()
        self.saved.emit(row["uuid"])

    def delete_current(self) -> None:
        from citesdesk.gui.dialogs import Dialog

        uuid = self.editing
        if not uuid:
            return
        answer = Dialog.ask(self, self.tr("Supprimer la note"),
                            self.tr("Mettre cette note à la corbeille ?"),
                            buttons=("yes", "no"), default="no")
        if answer != "yes":
            return
        self.runner.submit(lambda db, _p: journey_edit.delete_note(db, uuid),
                           on_done=lambda _r: (self.new_note(), self.saved.emit(uuid)))
