"""The journey's dialogs: add or edit a step, enroll in a cohort, exit a cohort.

Each opens through a class method (``AddEventDialog.ask(parent, runner, participant_uuid)``)
that returns the stored record, or ``None`` when the person cancelled. The fields are read
and the record written through the task runner, never in the GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from citesdesk.core import codes
from citesdesk.gui.forms import (
    ErrorForm,
    SeamDialog,
    SearchCombo,
    date_edit,
    date_text,
    fit_popup,
    iso,
    set_date,
)
from citesdesk.services import journey, journey_edit


def _code_combo(codelist: codes.CodeList, lang: str, parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    for c in codelist:
        combo.addItem(c.label(lang), c.code)
    return combo


class _FormDialog(SeamDialog):
    """A form, its error labels and OK / Cancel buttons."""

    #: The kind of record the form writes (its required fields get a « * »).
    record_kind: str | None = None

    def __init__(self, runner: Any, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.form = ErrorForm(kind=self.record_kind, messages=self.errors)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Enregistrer"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.errors.general_slot)
        layout.addWidget(self.buttons)

    @property
    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def add_row(self, label: str, widget: QWidget, field: str,
                must: bool | None = None) -> None:
        self.form.add(field, label, widget, must)

    def submit(self) -> None:
        raise NotImplementedError


class EventDialog(_FormDialog):
    """Add or edit one journey step; the fields follow the step's type."""

    record_kind = "event"

    def __init__(self, runner: Any, participant_uuid: str, event_uuid: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.participant_uuid = participant_uuid
        self.event_uuid = event_uuid
        self.setWindowTitle(self.tr("Modifier une étape") if event_uuid
                            else self.tr("Ajouter une étape"))
        self.type_combo = _code_combo(codes.TYPE_EVENEMENT, self.lang, self)
        self.date = date_edit(self, lang=self.lang)
        self.contract_label = QLabel(self.tr("Type de contrat"), self)
        self.contract_combo = _code_combo(codes.CODE_CONTRAT, self.lang, self)
        self.barrier_label = QLabel(self.tr("Frein levé"), self)
        self.barrier_combo = _code_combo(codes.FREIN, self.lang, self)
        self.partner_combo = SearchCombo(self)
        self.partner_combo.addItem(self.tr("(aucun partenaire)"), None)
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.add_row(self.tr("Étape"), self.type_combo, "type")
        self.add_row(self.tr("Date"), self.date, "date")
        self.form.addRow(self.contract_label, self.contract_combo)
        self.form.addRow("", self.errors.label("code_contrat"))
        self.form.addRow(self.barrier_label, self.barrier_combo)
        self.form.addRow("", self.errors.label("code_frein"))
        self.add_row(self.tr("Partenaire"), self.partner_combo, "partner_id")
        self.add_row(self.tr("Commentaire"), self.note, "note")
        for label, widget in ((self.contract_label, self.contract_combo),
                              (self.barrier_label, self.barrier_combo)):
            label.setBuddy(widget)
        self.type_combo.currentIndexChanged.connect(self._type_changed)
        self.ok_button.setEnabled(False)
        self._type_changed()
        runner.submit(self._load, event_uuid, on_done=self._loaded, atomic=False)

    @staticmethod
    def _load(db, _progress, event_uuid):
        event = journey.event_record(db, event_uuid) if event_uuid else None
        return journey.partner_choices(db), event

    def _loaded(self, result) -> None:
        partners, event = result
        for p in partners:
            kind = codes.TYPE_PARTENAIRE.label(p["type"], self.lang)
            self.partner_combo.addItem(f"{p['name']} ({kind})", p["uuid"])
        if event:
            self.type_combo.setCurrentIndex(self.type_combo.findData(event["type"]))
            set_date(self.date, event["date"])
            if event["code_contrat"]:
                self.contract_combo.setCurrentIndex(
                    self.contract_combo.findData(event["code_contrat"]))
            if event["code_frein"]:
                self.barrier_combo.setCurrentIndex(
                    self.barrier_combo.findData(event["code_frein"]))
            self.partner_combo.select_data(event["partner_uuid"])
            self.note.setPlainText(event["note"] or "")
        self.ok_button.setEnabled(True)
        self.mark_ready()

    def _type_changed(self) -> None:
        kind = self.type_combo.currentData()
        for widgets, shown in (((self.contract_label, self.contract_combo),
                                codes.event_field_applies("code_contrat", kind)),
                               ((self.barrier_label, self.barrier_combo),
                                codes.event_field_applies("code_frein", kind))):
            for w in widgets:
                w.setVisible(shown)

    def set_type(self, code: str) -> None:
        self.type_combo.setCurrentIndex(self.type_combo.findData(code))

    def values(self) -> dict:
        kind = self.type_combo.currentData()
        partner = self.partner_combo.currentData()
        if self.partner_combo.currentText() != self.partner_combo.itemText(
                self.partner_combo.currentIndex()):
            partner = None  # typed text that matches no partner
        return {
            "type": kind,
            "date": iso(self.date),
            "code_contrat": (self.contract_combo.currentData()
                             if codes.event_field_applies("code_contrat", kind) else None),
            "code_frein": (self.barrier_combo.currentData()
                           if codes.event_field_applies("code_frein", kind) else None),
            "partner_uuid": partner,
            "note": self.note.toPlainText().strip() or None,
        }

    def submit(self) -> None:
        if self.event_uuid:
            self.save_with(lambda db, _p, u, v: journey_edit.update_event(db, u, v),
                           self.event_uuid, self.values())
        else:
            self.save_with(lambda db, _p, u, v: journey_edit.add_event(db, u, v),
                           self.participant_uuid, self.values())

    @classmethod
    def ask(cls, parent: QWidget | None, runner: Any, participant_uuid: str,
            event_uuid: str | None = None) -> dict | None:
        """Add (or with ``event_uuid``, edit) a step; the stored event, or ``None``."""
        return cls(runner, participant_uuid, event_uuid, parent).run()


# The quick "add a step" dialog of the participants list (Ctrl+E) is the same dialog.
AddEventDialog = EventDialog


class EnrollDialog(_FormDialog):
    """Enroll a participant in a cohort on an entry date."""

    record_kind = "enrollment"

    def __init__(self, runner: Any, participant_uuid: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.participant_uuid = participant_uuid
        self.setWindowTitle(self.tr("Inscrire dans une cohorte"))
        self.cohort_combo = SearchCombo(self)
        self.date = date_edit(self, lang=self.lang)
        self.add_row(self.tr("Cohorte"), self.cohort_combo, "cohort_id")
        fit_popup(self.cohort_combo)
        self.add_row(self.tr("Date d'entrée"), self.date, "date_entree")
        self.ok_button.setEnabled(False)
        runner.submit(lambda db, _p: journey.cohort_choices(db), on_done=self._loaded,
                      atomic=False)

    def _loaded(self, cohorts: list[dict]) -> None:
        for c in cohorts:
            self.cohort_combo.addItem(c["name"], c["uuid"])
        fit_popup(self.cohort_combo)
        # The names arrive after the dialog opened: the field grows to show the longest
        # whole (it read « intemps 2026 » for « Cohorte 6 — Printemps 2026 »).
        combo = self.cohort_combo
        longest = max((combo.fontMetrics().horizontalAdvance(c["name"]) for c in cohorts),
                      default=0)
        arrow = combo.style().pixelMetric(combo.style().PixelMetric.PM_ScrollBarExtent)
        combo.setMinimumWidth(longest + arrow + 4 * combo.fontMetrics().averageCharWidth())
        self.adjustSize()
        if not cohorts:
            self.errors.general.setText(self.tr(
                "Aucune cohorte : créez-en une d'abord dans l'écran « Cohortes »."))
            self.errors.general.setVisible(True)
        self.ok_button.setEnabled(bool(cohorts))
        self.mark_ready()

    def submit(self) -> None:
        self.save_with(lambda db, _p, *a: journey_edit.enroll(db, *a),
                       self.participant_uuid, self.cohort_combo.currentData(),
                       iso(self.date))

    @classmethod
    def ask(cls, parent: QWidget | None, runner: Any, participant_uuid: str) -> dict | None:
        return cls(runner, participant_uuid, parent).run()


class ExitDialog(_FormDialog):
    """Close one of the participant's open enrollments: exit date and reason."""

    def __init__(self, runner: Any, participant_uuid: str, enrollment_uuid: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.participant_uuid = participant_uuid
        self.preselect = enrollment_uuid
        self.setWindowTitle(self.tr("Sortir d'une cohorte"))
        self.enrollment_combo = QComboBox(self)
        self.date = date_edit(self, lang=self.lang)
        self.motif_combo = QComboBox(self)
        for c in codes.MOTIF_SORTIE:
            group = codes.GROUPE_SORTIE.label(c.group, self.lang)
            self.motif_combo.addItem(self.tr("{motif} — {groupe}").format(
                motif=c.label(self.lang), groupe=group), c.code)
        self.motif_combo.setCurrentIndex(-1)
        self.group_label = QLabel(self)
        self.group_label.setWordWrap(True)
        # An exit needs all three (the record's model has them optional: an open enrollment).
        self.add_row(self.tr("Cohorte"), self.enrollment_combo, "enrollment", must=True)
        self.add_row(self.tr("Date de sortie"), self.date, "date_sortie", must=True)
        self.add_row(self.tr("Motif de sortie"), self.motif_combo, "motif_sortie", must=True)
        self.form.addRow("", self.group_label)
        self.motif_combo.currentIndexChanged.connect(self._motif_changed)
        self.ok_button.setEnabled(False)
        runner.submit(lambda db, _p, u: journey.open_enrollments(db, u), participant_uuid,
                      on_done=self._loaded, atomic=False)

    def _loaded(self, enrollments: list[dict]) -> None:
        for e in enrollments:
            self.enrollment_combo.addItem(self.tr("{cohorte} (entrée le {date})").format(
                cohorte=e["cohort_name"], date=date_text(e["date_entree"], self.lang)), e["uuid"])
        if self.preselect:
            self.enrollment_combo.setCurrentIndex(
                max(self.enrollment_combo.findData(self.preselect), 0))
        if not enrollments:
            self.errors.general.setText(self.tr(
                "Ce participant n'est inscrit dans aucune cohorte en cours."))
            self.errors.general.setVisible(True)
        self.ok_button.setEnabled(bool(enrollments))
        self.mark_ready()

    def _motif_changed(self) -> None:
        code = self.motif_combo.currentData()
        group = codes.groupe_sortie(code)
        if not group:
            self.group_label.clear()
            return
        text = self.tr("Groupe : {groupe}").format(
            groupe=codes.GROUPE_SORTIE.label(group, self.lang))
        if group in codes.SORTIES_DYNAMIQUES:
            text += self.tr(" — sortie dynamique")
        self.group_label.setText(text)

    def set_motif(self, code: str) -> None:
        self.motif_combo.setCurrentIndex(self.motif_combo.findData(code))

    def submit(self) -> None:
        motif = self.motif_combo.currentData()
        self.save_with(lambda db, _p, *a: journey_edit.exit_enrollment(db, *a),
                       self.enrollment_combo.currentData(), iso(self.date), motif)

    @classmethod
    def ask(cls, parent: QWidget | None, runner: Any, participant_uuid: str,
            enrollment_uuid: str | None = None) -> dict | None:
        return cls(runner, participant_uuid, enrollment_uuid, parent).run()
