"""Referral dialogs: make a referral (from a participant or a partner), change its status."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from citesdesk.core import codes
from citesdesk.gui.forms import (
    ErrorForm,
    SearchCombo,
    date_edit,
    date_text,
    fit_popup,
    iso,
    message_label,
    name_the_record,
    show_error,
)
from citesdesk.gui.participant_picker import ParticipantPicker
from citesdesk.services import records, referrals


class NewReferralDialog(QDialog):
    """Refer a participant to a partner. One of the two may be fixed by the caller."""

    def __init__(self, ctx, participant_uuid: str | None = None, partner_uuid: str | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Nouvelle orientation"))
        name_the_record(self)
        self.form = ErrorForm(self, kind="referral", lang=ctx.lang)
        reader = ctx.reader
        self.participant: QComboBox | ParticipantPicker
        if participant_uuid:
            p = records.get(reader, "participant", participant_uuid)
            self.participant = QComboBox(self)
            self.participant.addItem(f"{p['last_name']} {p['first_name']}", p["uuid"])
            self.participant.setEnabled(False)
        else:
            # Search as you type: nothing loads every participant of the site.
            self.participant = ParticipantPicker(ctx, self)
        self.form.add("participant_id", self.tr("&Participant"), self.participant)
        self.partner = SearchCombo(self)  # found by typing any part of its name
        for uuid, name, kind in reader.execute(
                "SELECT uuid, name, type FROM partner WHERE deleted_at IS NULL "
                "ORDER BY name COLLATE NOCASE"):
            self.partner.addItem(f"{name} — {codes.TYPE_PARTENAIRE.label(kind, ctx.lang)}", uuid)
        if partner_uuid:
            self.partner.setCurrentIndex(max(self.partner.findData(partner_uuid), 0))
            self.partner.setEnabled(False)
        self.form.add("partner_id", self.tr("P&artenaire"), self.partner)
        if isinstance(self.participant, QComboBox):  # the picker sizes its own list
            fit_popup(self.participant)
        fit_popup(self.partner)
        self.date = self.form.add("date", self.tr("&Date"), date_edit(self, lang=self.ctx.lang))
        self.reason = self.form.add("reason", self.tr("&Motif"), QPlainTextEdit(self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)
        self.created: dict | None = None
        # Nothing to refer yet: say what to do first, rather than refuse at save.
        missing = []
        if isinstance(self.participant, ParticipantPicker) and self.ctx.reader.execute(
                "SELECT NOT EXISTS (SELECT 1 FROM participant WHERE deleted_at IS NULL)"
        ).fetchone()[0]:
            missing.append(self.tr("Aucun participant n'est encore enregistré : créez d'abord "
                                   "sa fiche (écran Participants, « Nouveau participant »)."))
        if self.partner.count() == 0:
            missing.append(self.tr("Aucun partenaire n'est encore enregistré : ajoutez-le "
                                   "d'abord (écran Partenaires, « Nouveau partenaire »)."))
        if missing:
            self.missing = message_label(self)
            self.missing.setText("\n".join(missing))
            self.missing.show()
            self.form.insertRow(0, self.missing)
            buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)

    def save(self) -> None:
        person, partner = self.participant.currentData(), self.partner.currentData()
        if person is None and isinstance(self.participant, ParticipantPicker):
            self.form.messages.say("participant_id", self.participant.missing_text())
            self.participant.setFocus()
            return
        day, reason = iso(self.date), self.reason.toPlainText()
        self.form.clear_errors()
        for name, value, text in (
                ("participant_id", person, self.tr("Choisissez le participant dans la liste.")),
                ("partner_id", partner, self.tr("Choisissez le partenaire dans la liste."))):
            if not value:
                self.form.messages.say(name, text)
        if not person or not partner:
            return

        def done(row):
            self.created = row
            self.accept()

        self.ctx.runner.submit(
            lambda db, progress: referrals.create_referral(db, person, partner, day, reason), on_done=done,
            on_error=lambda exc: show_error(self, self.form, exc))


class StatusDialog(QDialog):
    """A referral's dated history, and the move to one of the statuses allowed next."""

    def __init__(self, ctx, referral_uuid: str, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.referral = records.get(ctx.reader, "referral", referral_uuid)
        lang = ctx.lang
        who, partner = ctx.reader.execute(
            "SELECT p.last_name || ' ' || p.first_name, pa.name FROM referral r "
            "JOIN participant p ON p.id = r.participant_id "
            "JOIN partner pa ON pa.id = r.partner_id WHERE r.uuid = ?",
            [referral_uuid]).fetchone()
        self.setWindowTitle(self.tr("Statut de l'orientation — {who} → {partner}").format(
            who=who, partner=partner))
        layout = QVBoxLayout(self)
        self.heading = QLabel(self.tr(
            "Orientation de {who} vers {partner}, du {date} : {status}.").format(
                who=who, partner=partner, date=date_text(self.referral["date"], self.ctx.lang),
                status=codes.STATUT_ORIENTATION.label(self.referral["status"], lang)), self)
        self.heading.setWordWrap(True)
        self.heading.setObjectName("dialogTitle")
        layout.addWidget(self.heading)
        history = referrals.history(ctx.reader, referral_uuid)
        layout.addWidget(QLabel(self.tr("Historique"), self))
        self.history = QTableWidget(len(history), 3, self)
        self.history.setAccessibleName(self.tr("Historique des statuts"))
        self.history.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Statut"),
                                                self.tr("Commentaire")])
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().setVisible(False)  # no row numbers, as everywhere
        for r, h in enumerate(history):
            for c, value in enumerate([date_text(h["date"], self.ctx.lang),
                                       codes.STATUT_ORIENTATION.label(h["status"], lang),
                                       h["comment"] or ""]):
                self.history.setItem(r, c, QTableWidgetItem(value))
        self.history.resizeColumnsToContents()
        self.history.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.history)
        self.form = ErrorForm(kind="referral_status", lang=ctx.lang)
        layout.addLayout(self.form)
        self.status = QComboBox(self)
        for code in referrals.allowed_next(self.referral["status"]):
            self.status.addItem(codes.STATUT_ORIENTATION.label(code, lang), code)
        self.form.add("status", self.tr("&Nouveau statut"), self.status)
        self.date = self.form.add("date", self.tr("&Date"), date_edit(self, lang=self.ctx.lang))
        self.comment = self.form.add("comment", self.tr("&Commentaire"), QLineEdit(self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Close, self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        if self.status.count() == 0:
            self.status.setEnabled(False)
            self.save_button.setEnabled(False)
            self.form.messages.say("status", self.tr("Ce statut est définitif."))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        uuid, status = self.referral["uuid"], self.status.currentData()
        day, comment = iso(self.date), self.comment.text()
        self.ctx.runner.submit(
            lambda db, progress: referrals.change_status(db, uuid, status, day, comment), on_done=lambda _r: self.accept(),
            on_error=lambda exc: show_error(self, self.form, exc))
