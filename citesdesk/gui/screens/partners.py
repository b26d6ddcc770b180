"""The partners directory: search, filter by type, open a partner's file."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from citesdesk.core import codes
from citesdesk.gui.forms import code_combo, count_text
from citesdesk.gui.icons import icon
from citesdesk.gui.screens.base import ListScreen, freeze_columns, screen_title
from citesdesk.services import partners

WATCHED = frozenset({"partner", "partner_contact", "referral", "import_log", "*"})


class PartnersScreen(ListScreen):
    watched = WATCHED
    #: The list (or numbers) on screen were refreshed.
    loaded = Signal()
    key = "partners"
    icon_name = "briefcase"

    def title(self) -> str:
        return self.tr("Partenaires")

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(screen_title(self))
        bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Rechercher un partenaire (nom, commune, SIRET)…"))
        self.search.setAccessibleName(self.tr("Rechercher un partenaire"))
        self.search.setClearButtonEnabled(True)
        self.type_filter = code_combo(codes.TYPE_PARTENAIRE, ctx.lang, self,
                                      empty=self.tr("Tous les types"))
        self.type_filter.setAccessibleName(self.tr("Filtrer par type"))
        self.new_button = QPushButton(icon("person-add"), self.tr("&Nouveau partenaire…"), self)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.type_filter)
        bar.addWidget(self.new_button)
        layout.addLayout(bar)
        self.count = QLabel(self)
        layout.addWidget(self.count)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Nom"), self.tr("Type"), self.tr("Commune"), self.tr("Téléphone"),
            self.tr("Contacts"), self.tr("Orientations")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setAccessibleName(self.tr("Liste des partenaires"))
        # Every column on screen: the others take what they need, the name the rest (a
        # cut name shows whole in its tooltip).
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # The type's longest labels (« Collectivité (commune, EPCI, CCAS) ») would take the
        # names' room: a usual width, the whole label in the tooltip.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance("Organisme de formation")
                             + 2 * self.fontMetrics().averageCharWidth())
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.set_empty_hint(
            self.tr("Aucun partenaire pour l'instant. Ajoutez les structures vers lesquelles "
                    "vous orientez les participants (France Travail, Mission locale, "
                    "entreprises, organismes de formation…), ou importez-en la liste depuis "
                    "l'écran Imports."),
            self.tr("Ajouter un partenaire…"), lambda: self.open_partner(None))
        layout.addWidget(self.empty_hint, 1)
        layout.addWidget(self.table, 1)
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(self._debounce.start)
        self.type_filter.currentIndexChanged.connect(self.reload)
        self.new_button.clicked.connect(lambda: self.open_partner(None))
        self.rows: list[dict] = []
        self.set_list(self.table)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def reload(self) -> None:
        text, kind = self.search.text(), self.type_filter.currentData()
        self.ctx.runner.submit(lambda db, progress: partners.list_partners(db, text, kind),
                               atomic=False, on_done=self._fill)

    def _fill(self, rows: list[dict]) -> None:
        self.rows = rows
        self.count.setText(count_text(len(rows), self.ctx.lang, self.tr("{n} partenaire"),
                                      self.tr("{n} partenaires")))
        thaw = freeze_columns(self.table)
        self.table.setRowCount(len(rows))
        lang = self.ctx.lang
        for r, row in enumerate(rows):
            values = [row["name"], codes.TYPE_PARTENAIRE.label(row["type"], lang),
                      row["commune"] or "", row["phone"] or "", str(row["contacts"]),
                      str(row["referrals"])]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c >= 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if c in (0, 1):
                    item.setToolTip(value)
                self.table.setItem(r, c, item)
        thaw()
        filtered = bool(self.search.text() or self.type_filter.currentData())
        self.show_list(not rows and not filtered)
        self.loaded.emit()

    def open_row(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.open_partner(self.rows[row]["uuid"])

    def open_partner(self, uuid: str | None) -> None:
        from citesdesk.gui.partner_form import PartnerDialog

        self.dialog = PartnerDialog(self.ctx, uuid, self)
        self.dialog.show()
