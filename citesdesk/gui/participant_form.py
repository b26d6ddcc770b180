"""The participant form: identity, situation, barriers, consent, external ids, then the
journey and notes of the ``journey`` area in the same tabs.

Saving goes through the task runner (one transaction); the services validate, and their
messages appear under each field. Before creating someone who looks already recorded
(:func:`citesdesk.services.participants.find_duplicates`), a banner names the existing
record with a button to open it. Closing with unsaved changes asks first. Delete sends
the record to the bin, from where the same form restores it.
"""

from __future__ import annotations

import importlib
from typing import ClassVar

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from citesdesk.core.errors import CitesDeskError, FieldError, ValidationFailed
from citesdesk.core.validation import clean_value, validate_record
from citesdesk.gui.context import AppContext
from citesdesk.gui.dialogs import Dialog
from citesdesk.gui.forms import date_text, keep_room, message_label, resize_within_screen
from citesdesk.gui.icons import icon
from citesdesk.gui.participant_fields import FieldEditor, editors
from citesdesk.gui.qpv_picker import QpvEdit, flag_text
from citesdesk.services import participants as participant_service
from citesdesk.services import records

TAB_FIELDS: dict[str, list[str]] = {
    "identity": ["last_name", "first_name", "birth_name", "birth_date", "genre", "phone",
                 "email", "address", "postcode", "commune", "referent"],
    "situation": ["resident_qpv", "code_qpv", "niveau_formation", "situation_entree",
                  "anciennete_inscription", "connu_spe", "brsa", "ass", "aah", "rqth"],
    "barriers": ["freins"],
    "consent": ["info_notice_date", "info_notice_version", "info_notice_channel",
                "opposition_evaluation", "opposition_date"],
    "ids": ["ft_id", "ml_id", "other_id"],
}


def save_participant(db, progress, uuid: str | None, values: dict, check_duplicates: bool):
    """Worker side of Save: refuse probable duplicates (unless told), create or update."""
    if uuid is None:
        if check_duplicates:
            found = participant_service.find_duplicates(db, values)
            if found:
                return {"duplicates": found}
        return {"row": records.create(db, "participant", values)}
    return {"row": records.update(db, "participant", uuid, values)}


def _delete(db, progress, uuid: str) -> dict:
    return records.delete(db, "participant", uuid)


def _restore(db, progress, uuid: str) -> dict:
    return records.restore(db, "participant", uuid)


class ParticipantDialog(QDialog):
    """One participant's file. ``open_for`` opens (or brings forward) the window."""

    # A save finished: the participant's uuid.
    saved = Signal(str)
    # The save was refused (validation) or stopped on probable duplicates.
    save_refused = Signal()
    # Moved to the bin (True) or restored (False).
    bin_changed = Signal(bool)

    _open: ClassVar[dict[str, ParticipantDialog]] = {}

    def __init__(self, ctx: AppContext, uuid: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.uuid = uuid
        self.deleted = False
        self.dirty = False
        self._loading = False
        self._close_after_save = False
        self._duplicates_seen = False
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        layout = QVBoxLayout(self)

        self.header = QLabel(self)
        self.header.setObjectName("screenTitle")
        layout.addWidget(self.header)
        self._build_bin_banner(layout)
        self._build_duplicate_banner(layout)
        self.general_error = message_label(self)
        self._banner_for_fields = False
        # Its room is kept when hidden: the fields never move under the pointer.
        layout.addWidget(keep_room(self.general_error))

        # The tabs: the participant's fields, then the journey and notes (journey area).
        self.tabs = QTabWidget(self)
        self.editors: dict[str, FieldEditor] = {}
        self.tab_of: dict[str, int] = {}
        titles = {"identity": self.tr("Identité et contact"), "situation": self.tr("Situation"),
                  "barriers": self.tr("Freins"), "consent": self.tr("Consentement"),
                  "ids": self.tr("Identifiants")}
        for key, names in TAB_FIELDS.items():
            self.tabs.addTab(self._build_tab(key, names), titles[key])
        self.journey = self._add_optional_tab("citesdesk.gui.journey", "JourneyWidget",
                                              self.tr("Parcours"))
        self.notes = self._add_optional_tab("citesdesk.gui.notes", "NotesWidget",
                                            self.tr("Notes"))
        layout.addWidget(self.tabs, 1)

        buttons = QHBoxLayout()
        self.delete_button = QPushButton(icon("trash"), self.tr("Mettre à la corbeille"), self)
        self.delete_button.clicked.connect(lambda: self.delete())
        buttons.addWidget(self.delete_button)
        from citesdesk.gui.erasure import erasure_button

        self.erase_button = erasure_button(self)  # RGPD art. 17, in the bin too
        buttons.addWidget(self.erase_button)
        buttons.addStretch(1)
        from citesdesk.gui.printing.actions import form_print_button

        self.print_button = form_print_button(self)  # file, consent form, access export
        buttons.addWidget(self.print_button)
        self.save_button = QPushButton(icon("save"), self.tr("Enregistrer"), self)
        self.save_button.setToolTip(self.tr("Enregistrer la fiche (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self.save())
        self.close_button = QPushButton(self.tr("Fermer"), self)
        self.close_button.clicked.connect(self.close)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=lambda: self.save())

        for editor in self.editors.values():
            editor.on_change(self._mark_dirty)
            # A field in error is checked again as it is corrected (its message and, with
            # the last one, the banner go at once); any field is checked when left.
            editor.on_change(lambda *_a, e=editor: not e.error.isHidden() and self._check_field(e))
            w = editor.widget
            if hasattr(w, "editingFinished"):
                w.editingFinished.connect(lambda e=editor: self._check_field(e))
        self.load()
        self.editors["last_name"].widget.setFocus()
        fm = self.fontMetrics()
        resize_within_screen(self, fm.averageCharWidth() * 110, fm.height() * 40)

    # -- building ------------------------------------------------------------------
    def _build_tab(self, key: str, names: list[str]) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        page = QWidget(scroll)
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        if key == "consent":
            hint = QLabel(self.tr(
                "La personne doit recevoir la notice d'information avant tout enregistrement. "
                "Si elle s'oppose à l'évaluation nationale, ses données ne sont pas transmises "
                "ligne à ligne dans le lot national."), page)
            hint.setWordWrap(True)
            form.addRow(hint)
        if key == "situation":
            hint = QLabel(self.tr(
                "La RQTH est une donnée de santé : elle n'est jamais exportée nominativement, "
                "seulement comptée."), page)
            hint.setWordWrap(True)
        for name, editor in editors(names, self.ctx.lang, page).items():
            self.editors[name] = editor
            self.tab_of[name] = self.tabs.count()
            if editor.is_checkbox:
                form.addRow("", editor.widget)
            else:
                label = QLabel(editor.label_text, page)
                label.setBuddy(editor.focus_widgets()[0])
                form.addRow(label, editor.widget)
            if isinstance(editor.widget, QpvEdit):  # the list in force, what it understood
                editor.widget.set_reference(records.qpv_reference(self.ctx.reader))
                form.addRow("", editor.widget.understood)
            form.addRow("", editor.error_slot)
            if name == "rqth":
                form.addRow("", hint)
        scroll.setWidget(page)
        return scroll

    def _add_optional_tab(self, module: str, name: str, title: str):
        widget = getattr(importlib.import_module(module), name)(self.ctx, self.tabs)
        self.tabs.addTab(widget, title)
        return widget

    def _build_bin_banner(self, layout: QVBoxLayout) -> None:
        self.bin_banner = QFrame(self)
        self.bin_banner.setObjectName("binBanner")
        row = QHBoxLayout(self.bin_banner)
        self.bin_label = QLabel(self.tr(
            "Cette fiche est dans la corbeille : elle n'apparaît plus dans les listes ni dans "
            "les exports."), self.bin_banner)
        self.bin_label.setWordWrap(True)
        self.restore_button = QPushButton(icon("restore"), self.tr("Restaurer"), self.bin_banner)
        self.restore_button.clicked.connect(lambda: self.restore())
        row.addWidget(self.bin_label, 1)
        row.addWidget(self.restore_button)
        self.bin_banner.hide()
        layout.addWidget(self.bin_banner)

    def _build_duplicate_banner(self, layout: QVBoxLayout) -> None:
        self.duplicate_banner = QFrame(self)
        self.duplicate_banner.setObjectName("banner")
        column = QVBoxLayout(self.duplicate_banner)
        self.duplicate_label = QLabel(self.duplicate_banner)
        self.duplicate_label.setWordWrap(True)
        column.addWidget(self.duplicate_label)
        row = QHBoxLayout()
        self.open_existing_button = QPushButton(self.tr("Ouvrir la fiche existante"),
                                                self.duplicate_banner)
        self.open_existing_button.clicked.connect(lambda: self.open_existing())
        self.save_anyway_button = QPushButton(self.tr("Enregistrer quand même"),
                                              self.duplicate_banner)
        self.save_anyway_button.clicked.connect(lambda: self.save(check_duplicates=False))
        row.addWidget(self.open_existing_button)
        row.addWidget(self.save_anyway_button)
        row.addStretch(1)
        column.addLayout(row)
        self.duplicate_banner.hide()
        layout.addWidget(self.duplicate_banner)
        self.duplicates: list = []

    # -- opening -------------------------------------------------------------------
    @classmethod
    def open_for(cls, ctx: AppContext, uuid: str | None = None,
                 parent: QWidget | None = None) -> ParticipantDialog:
        dialog = cls._open.get(uuid) if uuid else None
        if dialog is not None and not shiboken6.isValid(dialog):
            dialog = None
        if dialog is None:
            dialog = cls(ctx, uuid, parent)
            dialog.delete_when_closed = True
            if uuid:
                cls._open[uuid] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def load(self) -> None:
        self._loading = True
        row = (records.get(self.ctx.reader, "participant", self.uuid, include_deleted=True)
               if self.uuid else {})
        for name, editor in self.editors.items():
            editor.set_value(row.get(name))
            editor.show_problems([])
        self._show_flags(row)
        self.deleted = bool(row.get("deleted_at"))
        self._loading = False
        self.dirty = False
        self._update_state(row)

    def _show_flags(self, row: dict) -> None:
        """Contact details kept as typed but failing their check: "à vérifier"."""
        for name in filter(None, (row.get("contact_check") or "").split("|")):
            if name in self.editors:
                text = flag_text()
                self.editors[name].show_problems(
                    [FieldError(name, "contact_to_check", text, text, None, "warning")])

    def _update_state(self, row: dict) -> None:
        if self.uuid:
            name = "{} {}".format(row.get("first_name", ""), row.get("last_name", "")).strip()
            self.header.setText(name)
            self.setWindowTitle(self.tr("Participant — {name}").format(name=name))
            self.setProperty("record_name", name)
        else:
            self.header.setText(self.tr("Nouveau participant"))
            self.setWindowTitle(self.tr("Nouveau participant"))
        self.bin_banner.setVisible(self.deleted)
        self.delete_button.setVisible(bool(self.uuid) and not self.deleted)
        self.erase_button.setVisible(bool(self.uuid))
        self.save_button.setEnabled(not self.deleted)
        for editor in self.editors.values():
            editor.set_enabled(not self.deleted)
        for extra in (self.journey, self.notes):
            if extra is not None:
                self.tabs.setTabEnabled(self.tabs.indexOf(extra), bool(self.uuid))
                if self.uuid:
                    extra.set_participant(self.uuid)

    # -- editing -------------------------------------------------------------------
    def values(self) -> dict:
        return {name: editor.value() for name, editor in self.editors.items()}

    def _mark_dirty(self, *_args) -> None:
        if not self._loading:
            self.dirty = True
            if self.duplicate_banner.isVisible():
                self.duplicate_banner.hide()

    def _check_field(self, editor: FieldEditor) -> None:
        """Check one field as it is left: its value, and the rules that bear on it alone
        (a birth date in the future is said here, not only at save)."""
        name = editor.field.name
        reference = getattr(editor.widget, "reference", None)  # the QPV field: its list
        try:
            _, warnings = validate_record("participant", {name: editor.value()}, existing={},
                                          qpv_reference=reference)
            problems = [w for w in warnings if w.field == name]
        except ValidationFailed as exc:
            problems = [p for p in exc.errors if p.field == name and p.code != "required"]
        except CitesDeskError:
            _, problems = clean_value(editor.field, editor.value(), qpv_reference=reference)
            problems = [p for p in problems if p.code != "required"]
        editor.show_problems(problems)
        self._update_banner()

    def _update_banner(self) -> None:
        """The « corrigez les champs » banner goes when the last field in error is fixed."""
        if self._banner_for_fields and not self.general_error.isHidden() and not any(
                not e.error.isHidden() and e.error.objectName() == "fieldError"
                for e in self.editors.values()):
            self.general_error.hide()

    def show_errors(self, exc: ValidationFailed) -> None:
        first = None
        general = []
        for editor in self.editors.values():
            editor.show_problems(exc.for_field(editor.field.name))
        for error in exc.errors:
            if error.field in self.editors:
                first = first or error.field
            else:
                general.append(error.message(self.ctx.lang))
        self._banner_for_fields = not general
        self.general_error.setText("\n".join(general) or self.tr(
            "La fiche n'est pas enregistrée : corrigez les champs signalés en rouge."))
        self.general_error.show()
        if first:
            self.tabs.setCurrentIndex(self.tab_of[first])
            self.editors[first].focus_widgets()[0].setFocus()

    # -- saving --------------------------------------------------------------------
    def save(self, check_duplicates: bool = True) -> None:
        if self.deleted:
            return
        self.general_error.hide()
        self.save_button.setEnabled(False)
        self.ctx.runner.submit(save_participant, self.uuid, self.values(),
                               check_duplicates and not self.uuid,
                               on_done=self._saved, on_error=self._save_failed, owner=self)

    def _saved(self, result: dict) -> None:
        self.save_button.setEnabled(True)
        if "duplicates" in result:
            self._show_duplicates(result["duplicates"])
            self._close_after_save = False
            self.save_refused.emit()
            return
        row = result["row"]
        self.duplicate_banner.hide()
        new = self.uuid is None
        self.uuid = row["uuid"]
        if new:
            type(self)._open[self.uuid] = self
        for editor in self.editors.values():
            editor.show_problems([w for w in row.get("warnings", [])
                                  if w.field == editor.field.name])
        self.dirty = False
        self._loading = True
        for name, editor in self.editors.items():
            if editor.field.type in ("phone", "email", "postcode", "qpv", "date") \
                    or name == "resident_qpv":  # a quarter of the list makes a resident
                editor.set_value(row.get(name))
        self._loading = False
        self._update_state(row)
        self.saved.emit(self.uuid)
        if self._close_after_save:
            self.close()

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self._close_after_save = False
        if isinstance(exc, ValidationFailed):
            self.show_errors(exc)
        elif isinstance(exc, CitesDeskError):
            self.general_error.setText(exc.message(self.ctx.lang))
            self.general_error.show()
        self.save_refused.emit()

    def _show_duplicates(self, found: list) -> None:
        self.duplicates = found
        lines = []
        reasons = participant_service.REASONS
        for match in found[:3]:
            why = ", ".join(reasons[r][1 if self.ctx.lang == "en" else 0] for r in match.reasons)
            born = (self.tr(", né·e le {date}").format(date=date_text(match.birth_date, self.ctx.lang))
                    if match.birth_date else "")
            lines.append(f"• {match.first_name} {match.last_name}{born} ({why})")
        self.duplicate_label.setText(
            self.tr("Cette personne semble déjà enregistrée :") + "\n" + "\n".join(lines)
            + "\n" + self.tr("Ouvrez la fiche existante, ou enregistrez quand même s'il "
                             "s'agit bien d'une autre personne."))
        self.duplicate_banner.show()
        self.open_existing_button.setFocus()

    def open_existing(self) -> None:
        if self.duplicates:
            self.ctx.open_participant(self.duplicates[0].uuid)

    # -- bin -----------------------------------------------------------------------
    def delete(self) -> None:
        if not self.uuid or self.deleted:
            return
        answer = Dialog.ask(
            self, self.tr("Mettre à la corbeille"),
            self.tr("Mettre la fiche de {name} à la corbeille, avec son parcours et ses "
                    "notes ? Vous pourrez la restaurer depuis la corbeille.").format(
                name=self.header.text()),
            buttons=("yes", "cancel"), default="yes")
        if answer != "yes":
            return
        self.ctx.runner.submit(_delete, self.uuid, on_done=lambda _: self._bin_done(True))

    def restore(self) -> None:
        if self.uuid and self.deleted:
            self.ctx.runner.submit(_restore, self.uuid, on_done=lambda _: self._bin_done(False))

    def _bin_done(self, deleted: bool) -> None:
        self.deleted = deleted
        self.load()
        self.bin_changed.emit(deleted)

    # -- closing -------------------------------------------------------------------
    def reject(self) -> None:
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.dirty and not self.deleted:
            answer = Dialog.ask(
                self, self.tr("Modifications non enregistrées"),
                self.tr("Cette fiche a des modifications non enregistrées. "
                        "Les enregistrer avant de fermer ?"),
                buttons=("save", "discard", "cancel"), default="save")
            if answer == "save":
                self._close_after_save = True
                event.ignore()
                self.save()
                return
            if answer != "discard":
                event.ignore()
                return
            self.dirty = False
        if self.uuid:
            type(self)._open.pop(self.uuid, None)
        # Not QDialog.closeEvent: it would call reject(), which comes back here.
        event.accept()
        self.finished.emit(0)
        if getattr(self, "delete_when_closed", False):
            self._delete_when_idle()

    def _delete_when_idle(self, *_args) -> None:
        """Free the closed window once no queued task can call back into its widgets."""
        runner = self.ctx.runner
        if runner.busy():
            runner.task_finished.connect(self._delete_when_idle,
                                         Qt.ConnectionType.SingleShotConnection)
        elif not self.isVisible():
            self.deleteLater()
