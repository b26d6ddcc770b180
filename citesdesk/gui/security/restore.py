"""File › Restaurer une sauvegarde…: the automatic backups of this database, newest
first, with their date, reason, size and counts; or any other backup file.

The counts are read in a background thread (each backup is opened, an encrypted one
with the database's passphrase). Restoring closes the database, sets the current one
aside (``NAME.avant-restauration-DATE.sqlite``), puts the backup in its place and opens
it again in a new window.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from citesdesk.core import cipher
from citesdesk.core.errors import CitesDeskError
from citesdesk.gui.context import AppContext
from citesdesk.gui.dialogs import Dialog
from citesdesk.gui.forms import datetime_text, number_text, size_text
from citesdesk.gui.security import passphrase
from citesdesk.services import backup

COUNTED = ("participant", "event", "referral")


class RestoreDialog(QDialog):
    counted = Signal(int, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Restaurer une sauvegarde"))
        layout = QVBoxLayout(self)
        self.folder = backup.folder(ctx.reader)
        intro = QLabel(self.tr(
            "Sauvegardes automatiques de « {name} » dans {folder}. La base actuelle sera mise "
            "de côté avant d'être remplacée.").format(name=ctx.db_path.name, folder=self.folder),
            self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.items = backup.snapshots(self.folder, ctx.db_path.stem)
        headers = [self.tr("Date"), self.tr("Motif"), self.tr("Taille"),
                   self.tr("Participants"), self.tr("Étapes"), self.tr("Orientations")]
        self.table = QTableWidget(len(self.items), len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setAccessibleName(self.tr("Sauvegardes"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        reasons = {k: (fr if ctx.lang == "fr" else en)
                   for k, (fr, en) in backup.REASONS.items()}
        for row, s in enumerate(self.items):
            cells = [datetime_text(s.taken, ctx.lang), reasons.get(s.reason, s.reason),
                     size_text(s.size, ctx.lang), "…", "…", "…"]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        layout.addWidget(self.table)
        self.empty = QLabel(self.tr("Aucune sauvegarde automatique dans ce dossier."), self)
        self.empty.setVisible(not self.items)
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(self.tr("&Restaurer la sauvegarde choisie…"), self)
        self.other_button = QPushButton(self.tr("&Autre fichier…"), self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.other_button.clicked.connect(self.restore_other)
        self.restore_button.setEnabled(False)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(bool(self.table.selectedItems())))
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 140,
                    self.fontMetrics().height() * 24)
        self.counted.connect(self._show_counts)
        self.counts: dict[int, dict | None] = {}
        key = cipher.key_for(ctx.db_path)
        paths = [s.path for s in self.items]
        self.worker = threading.Thread(target=self._count, args=(paths, key), daemon=True)
        self.worker.start()

    def _count(self, paths: list[Path], key: str | None) -> None:
        for row, path in enumerate(paths):
            try:
                self.counted.emit(row, backup.counts(path, key))
            except RuntimeError:  # the dialog was closed meanwhile
                return

    def _show_counts(self, row: int, counts: dict | None) -> None:
        self.counts[row] = counts
        for col, table in enumerate(COUNTED, start=3):
            text = (number_text(counts[table], self.ctx.lang) if counts
                    else self.tr("autre phrase secrète ?"))
            self.table.item(row, col).setText(text)

    def restore_selected(self) -> None:
        rows = {i.row() for i in self.table.selectedItems()}
        if rows:
            row = rows.pop()
            self.restore(self.items[row].path, datetime_text(self.items[row].taken, self.ctx.lang))

    def restore_other(self) -> None:
        path = Dialog.open_file(self, self.tr("Choisir une sauvegarde"),
                                self.tr("Bases CitésDesk (*.sqlite *.db);;Tous les fichiers (*)"),
                                str(self.folder))
        if path:
            self.restore(Path(path), Path(path).name)

    def restore(self, source: Path, label: str) -> None:
        if Dialog.ask(self, self.tr("Restaurer une sauvegarde"), self.tr(
                "Remplacer la base par la sauvegarde « {label} » ? La base actuelle sera "
                "d'abord mise de côté, rien n'est perdu.").format(label=label)) != "yes":
            return
        key = cipher.key_for(self.ctx.db_path)
        if cipher.looks_encrypted(source) and backup.counts(source, key) is None:
            key = passphrase.ask(self, self.tr("Sauvegarde chiffrée"), self.tr(
                "Cette sauvegarde a été chiffrée avec une autre phrase secrète (l'ancienne ?). "
                "Tapez-la."))
            if key is None:
                return
        result: list = []
        reopen = self.ctx.navigation.get("reopen")
        target = self.ctx.db_path
        try:
            reopen(lambda: result.append(backup.restore(source, target, key)))
        except CitesDeskError as exc:
            Dialog.error(None, exc.message(self.ctx.lang))
            return
        self.accept()
        aside = result[0] if result else None
        Dialog.info(None, self.tr("Base restaurée depuis « {source} ». L'ancienne base est "
                                  "gardée sous « {aside} ».").format(
            source=source.name, aside=aside.name if aside else "—"))
