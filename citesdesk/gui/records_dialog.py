"""The records behind one indicator value (dashboard and Exports drill-downs): what they
are, how many, over which period, each code shown by its label in the current language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from citesdesk.core import indicators
from citesdesk.gui.forms import date_text, number_text, resize_within_screen


class RecordsDialog(QDialog):
    """The records behind one indicator value; double-click (or Enter) opens the participant.

    ``code`` is the indicator's; ``period`` says which values (« 2026-T4 », « cumul »).
    Codes are shown by their label in the current language, never as codes.
    """

    def __init__(self, ctx, code: str, period: str, rows: list[dict], parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lang = ctx.lang
        ind = indicators.indicator(code)
        family = ind.family
        code_list = indicators.code_list_for(code)
        label = ind.label(lang)
        self.setWindowTitle(f"{label} — {period}")
        layout = QVBoxLayout(self)
        what = {
            "P": self.tr("{n} participant(s)"), "E": self.tr("{n} entrée(s) en cohorte"),
            "S": self.tr("{n} sortie(s) de cohorte"), "TX": self.tr("{n} sortie(s) de cohorte"),
            "A": self.tr("{n} étape(s) de parcours"), "O": self.tr("{n} orientation(s)"),
            "N": self.tr("{n} partenaire(s)"),
        }[family].format(n=number_text(len(rows), lang))
        self.heading = QLabel(self.tr("« {label} », {period} : {what}.").format(
            label=label, period=period, what=what), self)
        self.heading.setObjectName("screenTitle")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        definition = QLabel(ind.definition(lang), self)
        definition.setWordWrap(True)
        definition.setObjectName("caption")
        layout.addWidget(definition)
        date_header = {
            "P": self.tr("Première entrée"), "E": self.tr("Entrée le"), "S": self.tr("Sortie le"),
            "TX": self.tr("Sortie le"), "A": self.tr("Date"), "O": self.tr("Orientée le"),
            "N": self.tr("Première mobilisation"),
        }[family]
        if code == "O_REALISEES":
            date_header = self.tr("Réalisée le")
        other_header = self.tr("Partenaire") if family in ("A", "O") else self.tr("Cohorte")
        headers = [self.tr("Nom"), date_header,
                   code_list.title_en if lang == "en" else code_list.title_fr]
        if family != "N":
            headers.append(other_header)
        dynamic = family in ("S", "TX")
        if dynamic:
            headers.append(self.tr("Sortie dynamique"))
        self.table = QTableWidget(len(rows), len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        yes, no = self.tr("oui"), self.tr("non")
        for r, row in enumerate(rows):
            values = [row.get("name") or "", date_text(row.get("date"), self.ctx.lang),
                      code_list.label(row.get("code"), lang)]
            if family != "N":
                values.append(row.get("partner") if family in ("A", "O")
                              else row.get("cohort") or "")
            if dynamic:
                values.append(yes if row.get("dynamique") else no)
            for c, value in enumerate(values):
                item = QTableWidgetItem(str(value or ""))
                item.setData(Qt.ItemDataRole.UserRole, row.get("participant_uuid"))
                item.setToolTip(item.text())
                self.table.setItem(r, c, item)
        # Every column in the window: the name and the code's label share what the dates
        # and short columns leave (a cut text shows whole in its tooltip).
        self.table.setWordWrap(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (0, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(self._open)
        self.table.activated.connect(lambda index: self._open(index.row(), index.column()))
        layout.addWidget(self.table)
        if family != "N" and rows:
            hint = QLabel(self.tr("Double-cliquez sur une ligne (ou Entrée) pour ouvrir la "
                                  "fiche du participant."), self)
            hint.setObjectName("caption")
            layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # As wide as the rows need (names and reasons whole), within the screen: a fixed
        # width cut « Chevalier Suz… » and « Fixed-term co… » on opening.
        fm = self.fontMetrics()
        cells = self.table.fontMetrics()
        widths = [max([header.sectionSizeHint(c)] + [
            cells.horizontalAdvance(self.table.item(r, c).text()) + 12
            for r in range(self.table.rowCount())]) for c in range(self.table.columnCount())]
        # the two stretched columns share what is left equally: each needs the wider's room
        need = sum(w for c, w in enumerate(widths) if c not in (0, 2)) + 2 * max(widths[0],
                                                                               widths[2])
        need += (self.table.verticalScrollBar().sizeHint().width()
                 + 2 * self.table.frameWidth() + 2 * layout.contentsMargins().left() + 8)
        resize_within_screen(self, max(fm.averageCharWidth() * 100, need), fm.height() * 28)

    def _open(self, row: int, _col: int) -> None:
        uuid = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        if uuid:
            self.ctx.open_participant(uuid)
