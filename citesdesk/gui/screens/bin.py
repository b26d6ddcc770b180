"""The bin: what was deleted, and restore. Purging is the retention rules' job, not this
screen's."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from citesdesk.gui.forms import date_text
from citesdesk.gui.screens.base import ListScreen, freeze_columns, screen_title
from citesdesk.services import recycle_bin

# Every kind of record can come back from the bin.
WATCHED = frozenset({"participant", "cohort", "partner", "enrollment", "event", "referral",
                     "referral_status", "note", "partner_contact", "partner_exchange", "*"})


def _when(stamp: str | None, lang: str) -> str:
    """``2026-02-01T09:30:00.000Z`` → ``01/02/2026`` (``01 Feb 2026`` in English)."""
    return date_text(stamp, lang) if stamp else ""


class BinScreen(ListScreen):
    key = "bin"
    icon_name = "trash"
    watched = WATCHED

    # The bin was read and shown (number of items).
    loaded = Signal(int)
    # An item came back (its kind and uuid).
    restored = Signal(str, str)

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.runner = ctx.runner
        self.items: list[dict] = []
        self.intro = QLabel(self.tr(
            "Ce qui a été supprimé reste ici jusqu'à sa purge par les règles de conservation. "
            "Restaurer remet l'élément à sa place, avec ce qui a été supprimé en même temps "
            "(par exemple les étapes d'un participant)."), self)
        self.intro.setWordWrap(True)
        # Two dates that must not be confused: the record's own, and its deletion's.
        table = self.make_table([self.tr("Type"), self.tr("Élément"),
                                 self.tr("Date de l'élément"), self.tr("Mis à la corbeille le")],
                                self.tr("Contenu de la corbeille"), stretch=None, several=True)
        self.set_empty_hint(self.tr("La corbeille est vide."))
        self.restore_button = QPushButton(self.tr("Restaurer"), self)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(screen_title(self))
        layout.addWidget(self.intro)
        layout.addWidget(self.empty_hint)
        layout.addWidget(table, 1)
        layout.addLayout(row)
        # Enter or a double-click restores what is chosen, as the button does.
        self.set_list(table, (self.restore_button,))
        self.restore_button.clicked.connect(self.restore_selected)

    def title(self) -> str:
        return self.tr("Corbeille")

    def reload(self) -> None:
        lang = self.ctx.lang
        self.runner.submit(lambda db, _p: recycle_bin.bin_items(db, lang=lang),
                           on_done=self._show, atomic=False)

    def _show(self, items: list[dict]) -> None:
        self.items = items
        thaw = freeze_columns(self.table)
        self.table.setRowCount(len(items))
        for i, it in enumerate(items):
            cells = (it["kind_label"], it["label"], date_text(it["date"], self.ctx.lang),
                     _when(it["deleted_at"], self.ctx.lang))
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, i)
                self.table.setItem(i, col, cell)
        thaw()
        self.show_list(not items)
        self.loaded.emit(len(items))

    def selected(self) -> list[dict]:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        return [self.items[r] for r in rows if r < len(self.items)]

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def open_row(self, row: int) -> None:
        self.restore_selected()

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
