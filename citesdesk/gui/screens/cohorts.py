"""Cohorts: the list with target, active now, entries and exits; a cohort's detail with its
members; create and edit; add several participants at once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from citesdesk.gui.cohort_dialogs import AddMembersDialog
from citesdesk.gui.forms import FieldErrors, date_text, number_text, required
from citesdesk.gui.screens.base import ListScreen, freeze_columns, screen_title
from citesdesk.services import cohorts, records

FIELDS = ("name", "start_date", "end_date", "target", "referent", "description")


def _cell(text: Any, data: Any = None, number: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    elif text:
        item.setToolTip(str(text))  # whole, when the column cuts it
    return item


class CohortsScreen(ListScreen):
    key = "cohorts"
    icon_name = "users"
    watched = frozenset({"cohort", "enrollment", "participant", "*"})

    # The list was read and shown (number of cohorts).
    loaded = Signal(int)
    # The members of the selected cohort were read and shown (how many).
    members_loaded = Signal(int)
    # The cohort form was saved (the cohort's uuid).
    saved = Signal(str)
    # Saving was refused; the messages are shown under the fields.
    save_failed = Signal()

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.runner = ctx.runner
        self.rows: list[dict] = []
        self.current: str | None = None  # uuid of the cohort in the form, None = new
        self._shown_once = False

        table = self.make_table([self.tr("Cohorte"), self.tr("Début"), self.tr("Fin"),
                                 self.tr("Objectif"), self.tr("Actifs"), self.tr("Entrées"),
                                 self.tr("Sorties")], self.tr("Liste des cohortes"), 0)
        self.new_button = QPushButton(self.tr("Nouvelle cohorte"), self)

        self.errors = FieldErrors(ctx.lang)
        self.name = QLineEdit(self)
        self.start = QLineEdit(self)
        self.end = QLineEdit(self)
        for w in (self.start, self.end):
            w.setPlaceholderText(self.tr("jj/mm/aaaa"))
        self.target = QLineEdit(self)
        self.referent = QLineEdit(self)
        self.description = QPlainTextEdit(self)
        self.description.setTabChangesFocus(True)
        # a few lines, not the whole height of the screen
        self.description.setMaximumHeight(self.fontMetrics().lineSpacing() * 8)
        self.save_button = QPushButton(self.tr("Enregistrer la cohorte"), self)
        form = QFormLayout()
        for label, widget, field in (
                (self.tr("Nom"), self.name, "name"),
                (self.tr("Date de début"), self.start, "start_date"),
                (self.tr("Date de fin"), self.end, "end_date"),
                (self.tr("Objectif (participants)"), self.target, "target"),
                (self.tr("Référent·e"), self.referent, "referent"),
                (self.tr("Description"), self.description, "description")):
            form.addRow(label + (" *" if required("cohort", field) else ""), widget)
            form.addRow("", self.errors.label(field))
        self.form_box = QGroupBox(self.tr("Cohorte"), self)
        self.form_box.setLayout(form)

        self.members = self.make_table([self.tr("Nom"), self.tr("Prénom"), self.tr("Entrée"),
                                     self.tr("Sortie"), self.tr("Motif de sortie")],
                              self.tr("Membres de la cohorte"), 4)
        self.add_members_button = QPushButton(self.tr("Ajouter plusieurs participants…"), self)
        self.members_box = QGroupBox(self.tr("Choisissez une cohorte dans la liste."), self)
        members_layout = QVBoxLayout(self.members_box)
        members_layout.addWidget(self.members)
        members_layout.addWidget(self.add_members_button)

        # The cohorts (few rows, full width so that names show whole) above two tabs:
        # the members of the one selected, and its form.
        layout = QVBoxLayout(self)
        top_row = QHBoxLayout()
        top_row.addWidget(screen_title(self))
        top_row.addStretch(1)
        top_row.addWidget(self.new_button)
        layout.addLayout(top_row)
        self.set_empty_hint(
            self.tr("Aucune cohorte pour l'instant. Une cohorte regroupe les participants "
                    "entrés ensemble dans l'accompagnement : créez la première (un nom et une "
                    "date de début suffisent), puis inscrivez-y des participants."),
            self.tr("Créer la première cohorte"), self.new_cohort)
        layout.addWidget(self.empty_hint)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.members_box, self.tr("Membres"))
        # The form scrolls inside its tab, its button always in sight below it: its height
        # does not squeeze the list of cohorts to three rows on a 700-pixel screen.
        scroll = QScrollArea(self)
        scroll.setWidget(self.form_box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_page = QWidget(self)
        page_layout = QVBoxLayout(self.form_page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.errors.general_slot, 1)  # a refusal that is no one field's
        buttons.addWidget(self.save_button)
        page_layout.addLayout(buttons)
        self.tabs.addTab(self.form_page, self.tr("Fiche de la cohorte"))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(table)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([2000, 3000])  # two fifths for the cohorts, whatever the height
        layout.addWidget(splitter, 1)

        # Choosing a cohort shows its members; Enter or a double-click opens its form.
        self.set_list(table)
        self.table.itemSelectionChanged.connect(self._selected)
        self.members.itemActivated.connect(self._open_member)
        self.new_button.clicked.connect(self.new_cohort)
        self.save_button.clicked.connect(self.save)
        # Each field is checked when it is left, and again as it is corrected.
        for field, edit in (("name", self.name), ("start_date", self.start),
                            ("end_date", self.end), ("target", self.target),
                            ("referent", self.referent)):
            edit.editingFinished.connect(
                lambda f=field, e=edit: self.errors.check_field("cohort", f, e.text()))
            edit.textEdited.connect(
                lambda _t, f=field, e=edit: not self.errors.labels[f].isHidden()
                and self.errors.check_field("cohort", f, e.text()))
        self.add_members_button.clicked.connect(self.add_members)
        self.new_cohort()

    def title(self) -> str:
        return self.tr("Cohortes")

    def _edit(self) -> None:
        self.tabs.setCurrentWidget(self.form_page)
        self.name.setFocus()

    def open_row(self, row: int) -> None:
        self._edit()

    # -- list --------------------------------------------------------------------------
    def reload(self) -> None:
        self.runner.submit(lambda db, _p: cohorts.summaries(db), on_done=self._show,
                           atomic=False)

    def _show(self, rows: list[dict]) -> None:
        self.rows = rows
        self.table.blockSignals(True)
        thaw = freeze_columns(self.table)
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            target = r["target"]
            self.table.setItem(i, 0, _cell(r["name"], r["uuid"]))
            self.table.setItem(i, 1, _cell(date_text(r["start_date"], self.ctx.lang)))
            self.table.setItem(i, 2, _cell(date_text(r["end_date"], self.ctx.lang)))
            self.table.setItem(i, 3, _cell(target if target is not None else "", number=True))
            self.table.setItem(i, 4, _cell(r["active"], number=True))
            self.table.setItem(i, 5, _cell(r["entries"], number=True))
            self.table.setItem(i, 6, _cell(r["exits"], number=True))
            if r["uuid"] == self.current:
                self.table.selectRow(i)
        thaw()
        self.table.blockSignals(False)
        # No cohort yet: no empty list nor members, the form to create the first one.
        self.show_list(not rows)
        self.tabs.setTabVisible(self.tabs.indexOf(self.members_box), bool(rows))
        if not rows:
            self.tabs.setCurrentWidget(self.form_page)
        if rows and self.current is None and not self._shown_once:
            # First time: the first cohort is open, rather than an empty members list.
            self._shown_once = True
            self.table.selectRow(0)
        if self.current:
            self._load_members()
        self.loaded.emit(len(rows))

    def cell_text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item else ""

    def row_of(self, cohort_uuid: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r["uuid"] == cohort_uuid), -1)

    def select_cohort(self, cohort_uuid: str) -> None:
        row = self.row_of(cohort_uuid)
        if row >= 0:
            self.table.selectRow(row)

    def _selected(self) -> None:
        items = self.table.selectedItems()
        if not items:
            return
        row = self.rows[items[0].row()]
        self.current = row["uuid"]
        self.form_box.setTitle(self.tr("Cohorte « {nom} »").format(nom=row["name"]))
        self.name.setText(row["name"])
        self.start.setText(date_text(row["start_date"], self.ctx.lang))
        self.end.setText(date_text(row["end_date"], self.ctx.lang))
        self.target.setText("" if row["target"] is None else str(row["target"]))
        self.referent.setText(row["referent"] or "")
        self.description.setPlainText(row["description"] or "")
        self.errors.clear()
        self.add_members_button.setEnabled(True)
        self._load_members()

    # -- form --------------------------------------------------------------------------
    def new_cohort(self) -> None:
        self.current = None
        self.table.clearSelection()
        self.form_box.setTitle(self.tr("Nouvelle cohorte"))
        for w in (self.name, self.start, self.end, self.target, self.referent):
            w.clear()
        self.description.clear()
        self.errors.clear()
        self.members.setRowCount(0)
        self.add_members_button.setEnabled(False)
        if self.sender() is not None:  # asked by a button, not while building the screen
            self._edit()

    def values(self) -> dict:
        return {"name": self.name.text(), "start_date": self.start.text(),
                "end_date": self.end.text(), "target": self.target.text(),
                "referent": self.referent.text(),
                "description": self.description.toPlainText()}

    def save(self) -> None:
        values, current = self.values(), self.current
        if current:
            fn = lambda db, _p: records.update(db, "cohort", current, values)  # noqa: E731
        else:
            fn = lambda db, _p: records.create(db, "cohort", values)  # noqa: E731
        self.errors.clear()
        self.runner.submit(fn, on_done=self._saved, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.errors.show(exc)
        self.save_failed.emit()

    def _saved(self, row: dict) -> None:
        self.current = row["uuid"]
        self.add_members_button.setEnabled(True)
        self.form_box.setTitle(self.tr("Cohorte « {nom} »").format(nom=row["name"]))
        self.saved.emit(row["uuid"])

    # -- members -------------------------------------------------------------------------
    def _load_members(self) -> None:
        uuid, lang = self.current, self.ctx.lang
        self.runner.submit(lambda db, _p: cohorts.members(db, uuid, lang=lang),
                           on_done=lambda rows: self._show_members(uuid, rows), atomic=False)

    def _show_members(self, uuid: str, rows: list[dict]) -> None:
        if uuid != self.current:
            return
        self.members.setRowCount(len(rows))
        for i, r in enumerate(rows):
            self.members.setItem(i, 0, _cell(r["last_name"], r["participant_uuid"]))
            self.members.setItem(i, 1, _cell(r["first_name"]))
            self.members.setItem(i, 2, _cell(date_text(r["date_entree"], self.ctx.lang)))
            self.members.setItem(i, 3, _cell(date_text(r["date_sortie"], self.ctx.lang)))
            self.members.setItem(i, 4, _cell(r["motif_label"]))
        name = next((r["name"] for r in self.rows if r["uuid"] == uuid), "")
        self.members_box.setTitle(self.tr("Membres de « {nom} » : {n}").format(
            nom=name, n=number_text(len(rows), self.ctx.lang)))
        self.members_loaded.emit(len(rows))

    def _open_member(self, item: QTableWidgetItem) -> None:
        first = self.members.item(item.row(), 0)
        if first is not None:
            self.ctx.open_participant(first.data(Qt.ItemDataRole.UserRole))

    def add_members(self) -> dict | None:
        if not self.current:
            return None
        name = self.name.text()
        return AddMembersDialog.ask(self, self.runner, self.current, name)
