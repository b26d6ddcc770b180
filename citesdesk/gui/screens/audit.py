"""The audit log screen: who did what, when, to which record; filtered and exported.

Filters: a participant (name or reference: their records are included), a record (the
start of its identifier), a period, a coordinator. The newest 5,000 matching entries are
shown, oldest first; "Exporter…" writes them to .xlsx or .csv (and the export is itself
logged). Reads go through :mod:`citesdesk.services.audit`, as the access export does.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from citesdesk.gui.dialogs import Dialog
from citesdesk.gui.forms import count_text, date_edit, datetime_text
from citesdesk.gui.screens.base import ListScreen, freeze_columns, screen_title
from citesdesk.services import audit
from citesdesk.services.printing import labels

NO_DATE = QDate(2000, 1, 1)


def _read(db, filters: dict) -> dict:
    people = []
    if filters.get("who"):
        people = audit.find_participants(db, filters["who"])
        if not people:
            return {"rows": [], "people": [], "actors": audit.actors(db)}
    chosen = filters.get("participant")
    if people and chosen not in {p["uuid"] for p in people}:
        chosen = people[0]["uuid"]
    rows = audit.entries(db, participant=chosen, record=filters.get("record"),
                         since=filters.get("since"), until=filters.get("until"),
                         actor=filters.get("actor"))
    return {"rows": rows, "people": people, "chosen": chosen, "actors": audit.actors(db)}


class AuditScreen(ListScreen):
    key = "audit"
    icon_name = "calendar"  # a dated log; « list » is the Équipe screen's
    watched = frozenset({"*", "participant", "cohort", "partner", "enrollment", "event",
                         "referral", "referral_status", "note", "partner_contact",
                         "partner_exchange", "site", "setting", "audit_log"})
    loaded = Signal(int)

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.rows: list[dict] = []
        layout = QVBoxLayout(self)
        layout.addWidget(screen_title(self))  # every screen has its title
        intro = QLabel(self.tr(
            "Chaque création, modification, suppression, import ou export laisse une trace : "
            "qui, quand, sur quel enregistrement. C'est aussi ce que l'export d'accès RGPD "
            "montre à la personne concernée."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        row = QHBoxLayout()
        self.who = QLineEdit(self)
        self.who.setPlaceholderText(self.tr("nom ou référence"))
        self.who.setAccessibleName(self.tr("Participant"))
        self.person = QComboBox(self)
        self.person.setAccessibleName(self.tr("Participant trouvé"))
        self.person.hide()
        row.addWidget(self.who, 1)
        row.addWidget(self.person, 1)
        form.addRow(self._label(self.tr("&Participant :"), self.who), row)
        self.record = QLineEdit(self)
        self.record.setPlaceholderText(self.tr("début de l'identifiant"))
        self.record.setAccessibleName(self.tr("Enregistrement"))
        form.addRow(self.tr("&Enregistrement :"), self.record)
        dates = QHBoxLayout()
        self.since = date_edit(self, lang=self.ctx.lang)
        self.until = date_edit(self, lang=self.ctx.lang)
        for edit, name in ((self.since, self.tr("Du")), (self.until, self.tr("Au"))):
            edit.setMinimumDate(NO_DATE)
            edit.setSpecialValueText("—")
            edit.setDate(NO_DATE)
            edit.setAccessibleName(name)
            dates.addWidget(edit)
        dates.addStretch(1)
        form.addRow(self._label(self.tr("&Période :"), self.since), dates)
        self.actor = QComboBox(self)
        self.actor.setAccessibleName(self.tr("Coordinateur·rice"))
        form.addRow(self.tr("&Coordinateur·rice :"), self.actor)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.apply_button = QPushButton(self.tr("&Filtrer"), self)
        self.clear_button = QPushButton(self.tr("&Tout afficher"), self)
        self.export_button = QPushButton(self.tr("E&xporter…"), self)
        self.count = QLabel(self)
        for w in (self.apply_button, self.clear_button, self.export_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        layout.addLayout(buttons)
        self.headers = [self.tr("Date"), self.tr("Coordinateur·rice"), self.tr("Action"),
                        self.tr("Type"), self.tr("Enregistrement"), self.tr("Changements")]
        self.table = QTableWidget(0, len(self.headers), self)
        self.table.setHorizontalHeaderLabels(self.headers)
        self.table.setAccessibleName(self.tr("Journal des opérations"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        # the changes take the room left (wrapped, whole in a tooltip): no sideways scroll
        self.table.horizontalHeader().setSectionResizeMode(
            len(self.headers) - 1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        for edit in (self.who, self.record):
            edit.returnPressed.connect(self.reload)
        self.apply_button.clicked.connect(self.reload)
        self.clear_button.clicked.connect(self.clear_filters)
        self.export_button.clicked.connect(self.export)
        self.person.activated.connect(lambda _: self.reload())
        self.actor.activated.connect(lambda _: self.reload())

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)  # a row holding a layout: its label needs a buddy
        label.setBuddy(buddy)
        return label

    def title(self) -> str:
        return self.tr("Journal")

    def filters(self) -> dict:
        day = lambda e: None if e.date() == NO_DATE else e.date().toString("yyyy-MM-dd")  # noqa: E731
        return {"who": self.who.text().strip() or None,
                "participant": self.person.currentData() if self.person.isVisible() else None,
                "record": self.record.text().strip() or None,
                "since": day(self.since), "until": day(self.until),
                "actor": self.actor.currentData() or None}

    def clear_filters(self) -> None:
        self.who.clear()
        self.record.clear()
        self.since.setDate(NO_DATE)
        self.until.setDate(NO_DATE)
        self.actor.setCurrentIndex(0)
        self.person.hide()
        self.reload()

    def reload(self) -> None:
        self.ctx.read("audit", _read, self.filters(), on_done=self.show_rows)

    def show_rows(self, data: dict) -> None:
        current = self.actor.currentData()
        self.actor.clear()
        self.actor.addItem(self.tr("Tous"), None)
        for name in data["actors"]:
            self.actor.addItem(name, name)
        self.actor.setCurrentIndex(max(0, self.actor.findData(current)))
        people = data["people"]
        self.person.clear()
        for p in people:
            self.person.addItem(p["name"], p["uuid"])
        self.person.setVisible(len(people) > 1)
        if people:
            self.person.setCurrentIndex(max(0, self.person.findData(data.get("chosen"))))
        self.rows = data["rows"]
        thaw = freeze_columns(self.table)
        self.table.setRowCount(len(self.rows))
        for r, entry in enumerate(self.rows):
            cells = self.cells(entry)
            cells[4] = cells[4][:8]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 4:
                    item.setToolTip(entry["record_uuid"] or "")
                elif c == 5:  # a long list of changes shows whole in its tooltip
                    item.setToolTip(text)
                self.table.setItem(r, c, item)
        thaw()
        n = len(self.rows)
        self.count.setText(count_text(n, self.ctx.lang, self.tr("{n} entrée"),
                                      self.tr("{n} entrées"))
                           + (self.tr(" (les plus récentes)") if n >= audit.LIMIT else ""))
        self.export_button.setEnabled(bool(self.rows))
        self.loaded.emit(n)

    def cells(self, entry: dict) -> list[str]:
        """One entry as shown (the record's whole identifier; the table shortens it)."""
        at, lang = entry["at"] or "", self.ctx.lang
        return [datetime_text(at, lang), entry["actor"] or "",
                labels.action(entry["action"], lang), labels.table_name(entry["table_name"], lang),
                entry["record_uuid"] or "",
                audit.changes_text(entry["changes"], entry["table_name"], lang)]

    def export(self) -> None:
        path = Dialog.save_file(self, self.tr("Exporter le journal"),
                                self.tr("Classeur Excel (*.xlsx);;CSV (*.csv)"),
                                "journal.xlsx")
        if not path:
            return
        rows, headers = [self.cells(e) for e in self.rows], list(self.headers)

        def work(db, progress):
            from citesdesk.core.audit import audit as log

            out = audit.export(rows, path, headers)
            log(db, "export", "audit_log", None, {"rows": len(rows), "file": out.name})
            return out

        self.ctx.runner.submit(work, owner=self, on_done=lambda out:
                               Dialog.info(self, self.tr("Journal exporté : {path}")
                                           .format(path=out)))
