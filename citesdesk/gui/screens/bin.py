"""The bin: what was deleted, and restore. Purging is the retention rules' job, not this
screen's."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from citesdesk.gui.forms import date_text
from citesdesk.gui.screens.base import Screen, screen_title
from citesdesk.services import recycle_bin

# Every kind of record can come back from the bin.
WATCHED = {"participant", "cohort", "partner", "enrollment", "event", "referral",
           "referral_status", "note", "partner_contact", "partner_exchange"}


def _when(stamp: str | None, lang: str) -> str:
    """``2026-02-01T09:30:00.000Z`` → ``01/02/2026`` (``01 Feb 2026`` in English)."""
    return date_text(stamp, lang) if stamp else ""


class BinScreen(Screen):
    key = "bin"
    icon_name = "trash"

    # The bin was read and shown (number of items).
    loaded = Signal(int)
    # An item came back (its kind and uuid).
    restored = Signal(str, str)

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.runner = ctx.runner
        self.items: list[dict] = []
        self._loaded_once = False
        self.intro = QLabel(self.tr(
            "Ce qui a été supprimé reste ici jusqu'à sa purge par les règles de conservation. "
            "Restaurer remet l'élément à sa place, avec ce qui a été supprimé en même temps "
            "(par exemple les étapes d'un participant)."), self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        # Two dates that must not be confused: the record's own, and its deletion's.
        self.table.setHorizontalHeaderLabels([self.tr("Type"), self.tr("Élément"),
                                              self.tr("Date de l'élément"),
                                              self.tr("Mis à la corbeille le")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Contenu de la corbeille"))
        self.table.setTabKeyNavigation(False)
        self.empty = QLabel(self.tr("La corbeille est vide."), self)
        self.restore_button = QPushButton(self.tr("Restaurer"), self)
        self.restore_button.setEnabled(False)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(screen_title(self))
        layout.addWidget(self.intro)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(bool(self.selected())))
        self.table.itemActivated.connect(lambda _i: self.restore_selected())
        self.restore_button.clicked.connect(self.restore_selected)

    def title(self) -> str:
        return self.tr("Corbeille")

    def activated(self) -> None:
        self._loaded_once = True
        # read once the screen has been drawn, after the work already asked for
        QTimer.singleShot(0, self.reload)

    def refresh(self, changes: set[str]) -> None:
        if self._loaded_once and changes & WATCHED:
            self.reload()

    def reload(self) -> None:
        lang = self.ctx.lang
        self.runner.submit(lambda db, _p: recycle_bin.bin_items(db, lang=lang),
                           on_done=self._show, atomic=False)

    def _show(self, items: list[dict]) -> None:
        self.items = items
        self.table.setRowCount(len(items))
        for i, it in enumerate(items):
            cells = (it["kind_label"], it["label"], date_text(it["date"], self.ctx.lang),
                     _when(it["deleted_at"], self.ctx.lang))
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, i)
                self.table.setItem(i, col, cell)
        self.empty.setVisible(not items)
        self.restore_button.setEnabled(bool(self.selected()))
        self.loaded.emit(len(items))

    def selected(self) -> list[dict]:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        return [self.items[r] for r in rows if r < len(self.items)]

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def restore_selected(self) -> None:
        chosen = [(it["kind"], it["uuid"]) for it in self.selected()]
        if not chosen:
            return

        def restore_all(db, _progress):
            for kind, uuid in chosen:
                recycle_bin.restore(db, kind, uuid)
            return chosen

        self.runner.submit(restore_all, on_done=self._restored)

    def _restored(self, chosen: list[tuple[str, str]]) -> None:
        for kind, uuid in chosen:
            self.restored.emit(kind, uuid)
