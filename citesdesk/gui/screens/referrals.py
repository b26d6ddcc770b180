"""The referrals screen: every referral, filtered by status, partner type, period, overdue."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from citesdesk.core import codes
from citesdesk.gui.forms import code_combo, count_text, date_edit, date_text, iso
from citesdesk.gui.screens.base import ListScreen, freeze_columns, screen_title
from citesdesk.services.partners import ReferralFilter, list_referrals

WATCHED = frozenset({"referral", "referral_status", "participant", "partner", "import_log", "*"})


class ReferralsScreen(ListScreen):
    watched = WATCHED
    #: The list (or numbers) on screen were refreshed.
    loaded = Signal()
    key = "referrals"
    icon_name = "arrow-right"

    def title(self) -> str:
        return self.tr("Orientations")

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.rows: list[dict] = []
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.status = code_combo(codes.STATUT_ORIENTATION, ctx.lang, self,
                                 empty=self.tr("Tous les statuts"))
        self.status.setAccessibleName(self.tr("Filtrer par statut"))
        self.partner_type = code_combo(codes.TYPE_PARTENAIRE, ctx.lang, self,
                                       empty=self.tr("Tous les types de partenaire"))
        self.partner_type.setAccessibleName(self.tr("Filtrer par type de partenaire"))
        self.use_period = QCheckBox(self.tr("&Période du"), self)
        today = dt.date.today()
        self.date_from = date_edit(self, today.replace(day=1) - dt.timedelta(days=365), lang=self.ctx.lang)
        self.date_from.setAccessibleName(self.tr("Début de la période"))
        self.date_to = date_edit(self, today, lang=self.ctx.lang)
        self.date_to.setAccessibleName(self.tr("Fin de la période"))
        self.overdue = QCheckBox(self.tr("En &retard seulement"), self)
        for w in (self.status, self.partner_type, self.overdue):
            filters.addWidget(w)
        filters.addStretch(1)
        period = QHBoxLayout()
        for w in (self.use_period, self.date_from, QLabel(self.tr("au"), self), self.date_to):
            period.addWidget(w)
        actions = QHBoxLayout()
        actions.addWidget(screen_title(self))
        actions.addStretch(1)
        self.new_button = QPushButton(self.tr("&Nouvelle orientation…"), self)
        self.status_button = QPushButton(self.tr("&Changer le statut…"), self)
        self.status_button.setToolTip(self.tr("Changer le statut de l'orientation choisie "
                                              "dans la liste (Entrée)"))
        self.open_button = QPushButton(self.tr("&Ouvrir le participant"), self)
        self.count = QLabel(self)
        self.count.setObjectName("countLabel")
        for w in (self.new_button, self.status_button, self.open_button):
            actions.addWidget(w)
        layout.addLayout(actions)
        layout.addLayout(filters)
        period.addStretch(1)
        period.addWidget(self.count)
        layout.addLayout(period)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Date"), self.tr("Participant"), self.tr("Partenaire"),
            self.tr("Type de partenaire"), self.tr("Statut"), self.tr("Depuis le")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setAccessibleName(self.tr("Liste des orientations"))
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # Every column on screen, at any width: dates, type and status take what they
        # need; the two names share the rest (a cut name shows whole in its tooltip).
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, self.fontMetrics().horizontalAdvance("Organisme de formation")
                             + 2 * self.fontMetrics().averageCharWidth())
        self.set_empty_hint(
            self.tr("Aucune orientation pour l'instant. Orientez un participant vers un "
                    "partenaire : son statut (proposée, acceptée, réalisée…) se suit ensuite "
                    "ici."), self.tr("Nouvelle orientation…"), self.new_referral)
        layout.addWidget(self.empty_hint, 1)
        layout.addWidget(self.table, 1)
        for combo in (self.status, self.partner_type):
            combo.currentIndexChanged.connect(self.reload)
        for box in (self.use_period, self.overdue):
            box.toggled.connect(self.reload)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self.use_period.isChecked() and self.reload())
        self.new_button.clicked.connect(self.new_referral)
        self.status_button.clicked.connect(self.change_status)
        self.open_button.clicked.connect(self.open_participant)
        # Enter or a double-click changes the chosen referral's status.
        self.set_list(self.table, (self.status_button, self.open_button))

    def open_row(self, row: int) -> None:
        self.change_status()

    def current_filter(self) -> ReferralFilter:
        period = self.use_period.isChecked()
        return ReferralFilter(
            status=self.status.currentData(), partner_type=self.partner_type.currentData(),
            date_from=iso(self.date_from) if period else None,
            date_to=iso(self.date_to) if period else None,
            overdue_only=self.overdue.isChecked())

    def reload(self) -> None:
        flt = self.current_filter()
        self.ctx.runner.submit(lambda db, progress: list_referrals(db, flt), atomic=False,
                               on_done=self._fill)

    def _fill(self, rows: list[dict]) -> None:
        self.rows = rows
        lang = self.ctx.lang
        self.count.setText(count_text(len(rows), lang, self.tr("{n} orientation"),
                                      self.tr("{n} orientations")))
        thaw = freeze_columns(self.table)
        self.table.setRowCount(len(rows))
        late = QBrush(QColor("#b3261e"))
        for r, row in enumerate(rows):
            status = codes.STATUT_ORIENTATION.label(row["status"], lang)
            if row["overdue"]:
                status += self.tr(" (en retard)")
            values = [date_text(row["date"], self.ctx.lang), f"{row['last_name']} {row['first_name']}",
                      row["partner"], codes.TYPE_PARTENAIRE.label(row["partner_type"], lang),
                      status, date_text(row["status_date"], self.ctx.lang)]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if row["overdue"] and c == 4:
                    item.setForeground(late)
                if c in (1, 2, 3):
                    item.setToolTip(value)
                self.table.setItem(r, c, item)
        thaw()
        filtered = self.status.currentData() or self.partner_type.currentData() or \
            self.use_period.isChecked() or self.overdue.isChecked()
        self.show_list(not rows and not filtered)
        self.loaded.emit()

    def _selected(self) -> dict | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def new_referral(self) -> None:
        from citesdesk.gui.referral_dialogs import NewReferralDialog

        self.dialog = NewReferralDialog(self.ctx, parent=self)
        self.dialog.open()

    def change_status(self) -> None:
        from citesdesk.gui.referral_dialogs import StatusDialog

        row = self._selected()
        if row:
            self.dialog = StatusDialog(self.ctx, row["uuid"], self)
            self.dialog.open()

    def open_participant(self) -> None:
        row = self._selected()
        if row:
            self.ctx.open_participant(row["participant_uuid"])
