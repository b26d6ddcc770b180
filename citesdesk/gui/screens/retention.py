"""« Conservation des données »: the people whose retention period has run out, and their
deletion for good, behind a confirmation that says how many people it deletes.

The rule itself (last contact + ``retention_months``) lives in
:mod:`citesdesk.services.retention`; this screen only shows it and asks before purging.
It is kept apart from the everyday numbers of the dashboard on purpose: a deletion that
cannot be undone has its own place.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from citesdesk.gui.dialogs import Dialog
from citesdesk.gui.forms import count_text, date_text, number_text
from citesdesk.gui.screens.base import ListScreen, freeze_columns, screen_title
from citesdesk.services import retention

WATCHED = frozenset({"participant", "enrollment", "event", "referral", "referral_status",
                     "note", "setting", "import", "*"})


def _due(db, _progress) -> tuple[int, list[dict]]:
    return retention.retention_months(db), retention.due(db)


class RetentionScreen(ListScreen):
    watched = WATCHED
    #: The list was read and shown (how many people are due).
    loaded = Signal(int)
    key = "retention"
    icon_name = "lock"

    def title(self) -> str:
        # Short: it is also the sidebar's entry.
        return self.tr("Conservation")

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.rows: list[dict] = []
        layout = QVBoxLayout(self)
        heading = screen_title(self)
        heading.setText(self.tr("Conservation des données"))
        layout.addWidget(heading)
        self.rule = QLabel(self)
        self.rule.setWordWrap(True)
        layout.addWidget(self.rule)
        self.set_empty_hint(self.tr(
            "Personne n'a dépassé la durée de conservation : il n'y a rien à supprimer. "
            "Revenez ici de temps en temps ; le tableau de bord signale aussi les personnes "
            "concernées."))
        layout.addWidget(self.empty_hint, 1)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Nom"), self.tr("Dernier contact"), self.tr("À supprimer depuis le"),
            self.tr("À la corbeille")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Personnes dont la durée de conservation est "
                                             "dépassée"))
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.count = QLabel(self)
        self.count.setObjectName("countLabel")
        row.addWidget(self.count)
        row.addStretch(1)
        # The other erasure: one person, whenever they ask (RGPD, art. 17).
        self.erase_button = QPushButton(self.tr("&Effacer une personne à sa demande…"), self)
        self.erase_button.setToolTip(self.tr(
            "Droit à l'effacement (RGPD, article 17) : efface pour de bon une personne qui "
            "le demande, quelle que soit la durée de conservation."))
        self.erase_button.clicked.connect(self.erase_on_request)
        row.addWidget(self.erase_button)
        self.purge_button = QPushButton(self.tr("&Supprimer définitivement…"), self)
        self.purge_button.setToolTip(self.tr(
            "Supprime pour de bon ces personnes, avec tout ce qui les concerne (RGPD). "
            "Cette suppression ne peut pas être annulée."))
        self.purge_button.setEnabled(False)
        self.purge_button.clicked.connect(self.purge_due)
        row.addWidget(self.purge_button)
        layout.addLayout(row)
        # Enter or a double-click opens the person's file (not from the bin).
        self.set_list(self.table)

    def reload(self) -> None:
        self.ctx.runner.submit(_due, atomic=False, on_done=self._show)

    def _show(self, result: tuple[int, list[dict]]) -> None:
        months, rows = result
        self.rows = rows
        self.rule.setText(self.tr(
            "Les données d'une personne sont conservées {months} mois après son dernier "
            "contact (dernière étape, note, orientation, entrée ou sortie de cohorte), puis "
            "supprimées pour de bon. La durée se règle dans Fichier › Paramètres.").format(
                months=months))
        yes, no = self.tr("oui"), self.tr("non")
        thaw = freeze_columns(self.table)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            name = f"{row['last_name'] or ''} {row['first_name'] or ''}".strip()
            values = [name, date_text(row["last_contact"], self.ctx.lang), date_text(row["purge_date"], self.ctx.lang),
                      yes if row["in_bin"] else no]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, None if row["in_bin"] else row["uuid"])
                if c == 0:
                    item.setToolTip(value)
                self.table.setItem(r, c, item)
        thaw()
        self.count.setText(count_text(len(rows), self.ctx.lang,
                                      self.tr("{n} personne à supprimer"),
                                      self.tr("{n} personnes à supprimer")))
        self.show_list(not rows, self.count, self.purge_button)
        self.purge_button.setEnabled(bool(rows))
        self.loaded.emit(len(rows))

    def open_row(self, row: int) -> None:
        item = self.table.item(row, 0)
        uuid = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if uuid:
            self.ctx.open_participant(uuid)

    def erase_on_request(self) -> None:
        from citesdesk.gui.erasure import choose_and_erase

        choose_and_erase(self.ctx, self)

    def purge_due(self) -> None:
        """Delete for good the people listed (after a confirmation that names how many)."""
        rows = list(self.rows)
        if not rows:
            return
        n = number_text(len(rows), self.ctx.lang)
        answer = Dialog.ask(
            self, self.tr("Supprimer définitivement {n} personne(s)").format(n=n),
            self.tr("Supprimer définitivement {n} personne(s) dont la durée de conservation "
                    "est dépassée, avec leurs parcours, notes et orientations ? Cette "
                    "suppression ne peut pas être annulée.").format(n=n),
            buttons=("yes", "no"), default="no")
        if answer != "yes":
            return
        uuids = [r["uuid"] for r in rows]
        # Not inside the runner's transaction: the purge is one transaction of its own,
        # after which it empties the write-ahead log of the deleted values.
        self.ctx.runner.submit(lambda db, progress: retention.purge(db, uuids), atomic=False)
