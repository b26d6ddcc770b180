"""A partner's file: identity, contacts, dated exchange log, and the referrals made to it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from citesdesk.core import codes
from citesdesk.gui.dialogs import Dialog
from citesdesk.gui.forms import (
    ErrorForm,
    code_combo,
    date_edit,
    date_text,
    iso,
    name_the_record,
    resize_within_screen,
    set_combo_data,
    show_error,
)
from citesdesk.services import partners, records
from citesdesk.services.partners import ReferralFilter

PARTNER_FIELDS = ("type", "name", "siret", "address", "postcode", "commune", "website",
                  "phone", "email", "notes")


def _table(parent, headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setVisible(False)  # no row numbers: they mean nothing here
    table.setAccessibleName(name)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value or ""))
    table.resizeColumnsToContents()


class ContactDialog(QDialog):
    """Add or edit one contact person of a partner."""

    def __init__(self, ctx, partner_id: int, contact: dict | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.partner_id, self.contact = ctx, partner_id, contact
        self.setWindowTitle(self.tr("Contact"))
        name_the_record(self)
        self.form = ErrorForm(self, kind="partner_contact", lang=ctx.lang)
        self.edits = {}
        for name, label in (("last_name", self.tr("&Nom")), ("first_name", self.tr("&Prénom")),
                            ("role", self.tr("&Fonction")), ("phone", self.tr("&Téléphone")),
                            ("email", self.tr("&Courriel"))):
            self.edits[name] = self.form.add(name, label, QLineEdit(self))
            if contact:
                self.edits[name].setText(contact.get(name) or "")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)

    def values(self) -> dict:
        return {k: e.text() for k, e in self.edits.items()}

    def save(self) -> None:
        values = self.values()
        if self.contact:
            fn = lambda db, progress: records.update(db, "partner_contact", self.contact["uuid"], values)  # noqa: E731
        else:
            values["partner_id"] = self.partner_id
            fn = lambda db, progress: records.create(db, "partner_contact", values)  # noqa: E731
        self.ctx.runner.submit(fn, on_done=lambda _r: self.accept(),
                               on_error=self._error)

    def _error(self, exc) -> None:
        show_error(self, self.form, exc)


class ExchangeDialog(QDialog):
    """Log one dated exchange with a partner (meeting, call, e-mail, event)."""

    def __init__(self, ctx, partner_id: int, contacts: list[dict], parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.partner_id = ctx, partner_id
        self.setWindowTitle(self.tr("Nouvel échange"))
        name_the_record(self)
        self.form = ErrorForm(self, kind="partner_exchange", lang=ctx.lang)
        self.date = self.form.add("date", self.tr("&Date"), date_edit(self, lang=self.ctx.lang))
        self.type = self.form.add("type", self.tr("&Type"),
                                  code_combo(codes.TYPE_ECHANGE, ctx.lang, self))
        self.subject = self.form.add("subject", self.tr("&Objet"), QLineEdit(self))
        self.summary = self.form.add("summary", self.tr("Compte &rendu"), QPlainTextEdit(self))
        self.contacts = QListWidget(self)
        self.contacts.setAccessibleName(self.tr("Contacts présents"))
        for c in contacts:
            item = QListWidgetItem(" ".join(x for x in (c["first_name"], c["last_name"]) if x),
                                   self.contacts)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, c["id"])
        self.form.add("contact_ids", self.tr("&Contacts"), self.contacts)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)

    def values(self) -> dict:
        ids = [str(self.contacts.item(i).data(Qt.ItemDataRole.UserRole))
               for i in range(self.contacts.count())
               if self.contacts.item(i).checkState() == Qt.CheckState.Checked]
        return {"partner_id": self.partner_id, "date": iso(self.date),
                "type": self.type.currentData(), "subject": self.subject.text(),
                "summary": self.summary.toPlainText(), "contact_ids": ids}

    def save(self) -> None:
        values = self.values()
        self.ctx.runner.submit(lambda db, progress: records.create(db, "partner_exchange", values), on_done=lambda _r: self.accept(),
                               on_error=lambda exc: show_error(self, self.form, exc))


class PartnerDialog(QDialog):
    """Create or edit a partner; its contacts, exchanges and referrals once it exists."""

    def __init__(self, ctx, uuid: str | None, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.partner = records.get(ctx.reader, "partner", uuid) if uuid else None
        self.setWindowTitle(self.partner["name"] if self.partner else self.tr("Nouveau partenaire"))
        self.setProperty("record_name", self.partner["name"] if self.partner else None)
        layout = QVBoxLayout(self)
        # The partner's name at the top, as the participant's file has the person's.
        self.heading = QLabel(self.windowTitle(), self)
        self.heading.setObjectName("screenTitle")
        layout.addWidget(self.heading)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs)

        page = QWidget(self.tabs)
        self.form = ErrorForm(page, kind="partner", lang=ctx.lang)
        self.edits: dict[str, QWidget] = {}
        self.edits["type"] = self.form.add("type", self.tr("&Type"),
                                           code_combo(codes.TYPE_PARTENAIRE, ctx.lang, page))
        labels = {"name": self.tr("&Nom"), "siret": self.tr("&SIRET"),
                  "address": self.tr("&Adresse"), "postcode": self.tr("Code &postal"),
                  "commune": self.tr("&Commune"), "website": self.tr("Site &web"),
                  "phone": self.tr("&Téléphone"), "email": self.tr("C&ourriel")}
        for name, label in labels.items():
            self.edits[name] = self.form.add(name, label, QLineEdit(page))
        self.edits["notes"] = self.form.add("notes", self.tr("N&otes"), QPlainTextEdit(page))
        page.setLayout(self.form)
        self.tabs.addTab(page, self.tr("Fiche"))

        self.contacts_table = _table(self, [self.tr("Nom"), self.tr("Prénom"), self.tr("Fonction"),
                                            self.tr("Téléphone"), self.tr("Courriel")],
                                     self.tr("Contacts"))
        self.contacts_page = self._list_page(self.contacts_table, [
            (self.tr("&Ajouter un contact…"), self.add_contact),
            (self.tr("&Modifier…"), self.edit_contact),
            (self.tr("&Supprimer"), self.delete_contact)])
        self.tabs.addTab(self.contacts_page, self.tr("Contacts"))
        self.exchanges_table = _table(self, [self.tr("Date"), self.tr("Type"), self.tr("Objet"),
                                             self.tr("Contacts"), self.tr("Compte rendu")],
                                      self.tr("Échanges"))
        self.exchanges_page = self._list_page(self.exchanges_table, [
            (self.tr("&Noter un échange…"), self.add_exchange)])
        self.tabs.addTab(self.exchanges_page, self.tr("Échanges"))
        self.referrals_table = _table(self, [self.tr("Date"), self.tr("Participant"),
                                             self.tr("Statut"), self.tr("Depuis le")],
                                      self.tr("Orientations"))
        self.referrals_page = self._list_page(self.referrals_table, [
            (self.tr("Nouvelle &orientation…"), self.new_referral)])
        self.tabs.addTab(self.referrals_page, self.tr("Orientations"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Close, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._load()
        ctx.runner.changed.connect(self._on_changed)
        resize_within_screen(self, self.fontMetrics().averageCharWidth() * 100,
                             self.fontMetrics().height() * 32)

    def _list_page(self, table: QTableWidget, actions) -> QWidget:
        page = QWidget(self.tabs)
        box = QVBoxLayout(page)
        row = QHBoxLayout()
        for text, slot in actions:
            button = QPushButton(text, page)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(table)
        return page

    # -- loading ---------------------------------------------------------------------
    def _load(self) -> None:
        exists = self.partner is not None
        for i in (1, 2, 3):
            self.tabs.setTabEnabled(i, exists)
        if not exists:
            return
        for name in PARTNER_FIELDS:
            widget, value = self.edits[name], self.partner.get(name)
            if name == "type":
                set_combo_data(widget, value)
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value or "")
            else:
                widget.setText(value or "")
        self._load_lists()

    def _load_lists(self) -> None:
        reader, lang = self.ctx.reader, self.ctx.lang
        self.contacts = partners.contacts(reader, self.partner["uuid"])
        _fill(self.contacts_table, [[c["last_name"], c["first_name"], c["role"], c["phone"],
                                     c["email"]] for c in self.contacts])
        self.exchanges = partners.exchanges(reader, self.partner["uuid"])
        _fill(self.exchanges_table, [[date_text(e["date"], self.ctx.lang), codes.TYPE_ECHANGE.label(e["type"], lang),
                                      e["subject"], ", ".join(e["contact_names"]), e["summary"]]
                                     for e in self.exchanges])
        self.referrals = partners.list_referrals(reader, ReferralFilter(partner_id=self.partner["id"]))
        _fill(self.referrals_table, [[date_text(r["date"], self.ctx.lang), f"{r['last_name']} {r['first_name']}",
                                      codes.STATUT_ORIENTATION.label(r["status"], lang)
                                      + (self.tr(" (en retard)") if r["overdue"] else ""),
                                      date_text(r["status_date"], self.ctx.lang)] for r in self.referrals])

    def _on_changed(self, changes: set[str]) -> None:
        if self.partner is not None and changes & {"partner_contact", "partner_exchange",
                                                   "referral", "referral_status"}:
            self._load_lists()

    # -- actions ---------------------------------------------------------------------
    def values(self) -> dict:
        out = {}
        for name in PARTNER_FIELDS:
            widget = self.edits[name]
            if name == "type":
                out[name] = widget.currentData()
            elif isinstance(widget, QPlainTextEdit):
                out[name] = widget.toPlainText()
            else:
                out[name] = widget.text()
        return out

    def save(self) -> None:
        values = self.values()
        self.form.clear_errors()
        if self.partner:
            uuid = self.partner["uuid"]
            fn = lambda db, progress: records.update(db, "partner", uuid, values)  # noqa: E731
        else:
            fn = lambda db, progress: records.create(db, "partner", values)  # noqa: E731
        self.ctx.runner.submit(fn, on_done=self._saved,
                               on_error=lambda exc: show_error(self, self.form, exc))

    def _saved(self, row: dict) -> None:
        self.partner = records.get(self.ctx.reader, "partner", row["uuid"])
        self.setWindowTitle(self.partner["name"])
        self.heading.setText(self.partner["name"])
        self.setProperty("record_name", self.partner["name"])
        self._load()

    def _current(self, table: QTableWidget, rows: list[dict]) -> dict | None:
        row = table.currentRow()
        return rows[row] if 0 <= row < len(rows) else None

    def add_contact(self) -> None:
        ContactDialog(self.ctx, self.partner["id"], None, self).open()

    def edit_contact(self) -> None:
        contact = self._current(self.contacts_table, self.contacts)
        if contact:
            ContactDialog(self.ctx, self.partner["id"], contact, self).open()

    def delete_contact(self) -> None:
        contact = self._current(self.contacts_table, self.contacts)
        if contact and Dialog.ask(self, self.tr("Supprimer le contact"),
                                  self.tr("Mettre {name} à la corbeille ?").format(
                                      name=contact["last_name"])) == "yes":
            self.ctx.runner.submit(
                lambda db, progress: records.delete(db, "partner_contact", contact["uuid"]))

    def add_exchange(self) -> None:
        ExchangeDialog(self.ctx, self.partner["id"], self.contacts, self).open()

    def new_referral(self) -> None:
        from citesdesk.gui.referral_dialogs import NewReferralDialog

        NewReferralDialog(self.ctx, partner_uuid=self.partner["uuid"], parent=self).open()
