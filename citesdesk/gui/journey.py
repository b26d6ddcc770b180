"""A participant's journey: enrollments, steps and referrals on one dated timeline.

``JourneyWidget(ctx)`` shows the timeline of the participant given to
:meth:`JourneyWidget.set_participant`, and offers to add, edit and delete steps, to
enroll in a cohort and to exit one. Everything is read and written through the task
runner; the widget reloads when the runner says that journey records changed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from citesdesk.core.errors import NotFound
from citesdesk.gui.forms import date_text
from citesdesk.gui.journey_dialogs import EnrollDialog, EventDialog, ExitDialog
from citesdesk.services import journey, records

# The kinds of record whose change means the timeline must be read again.
WATCHED = {"event", "enrollment", "referral", "referral_status", "cohort", "partner",
           "participant"}

# A colour per kind of item (entry, step, referral, exit), readable on a light background.
COLOURS = {"entry": "#1b7f3b", "event": "#1f5fa8", "referral": "#7b3fa0", "exit": "#b3541e"}


def kind_names() -> dict[str, str]:
    """The kinds of timeline item, as read aloud and in tooltips."""
    return {"entry": QCoreApplication.translate("JourneyWidget", "Entrée"),
            "event": QCoreApplication.translate("JourneyWidget", "Étape"),
            "referral": QCoreApplication.translate("JourneyWidget", "Orientation"),
            "exit": QCoreApplication.translate("JourneyWidget", "Sortie")}


def _dot(colour: str, size: int) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class JourneyWidget(QWidget):
    """The timeline of one participant, with its actions."""

    # The timeline has been read and shown (number of items).
    loaded = Signal(int)

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = ctx.runner
        self.participant_uuid: str | None = None
        self.items: list[dict] = []
        self._icons = {k: _dot(c, max(8, self.fontMetrics().height() * 2 // 3))
                       for k, c in COLOURS.items()}

        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Date"), self.tr("Quoi"), self.tr("Précisions")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName(self.tr("Parcours du participant"))
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.empty_label = QLabel(self.tr(
            "Aucune étape pour l'instant : notez le premier rendez-vous avec « Ajouter une "
            "étape… », et inscrivez la personne dans sa cohorte avec « Inscrire dans une "
            "cohorte… »."), self)
        self.empty_label.setWordWrap(True)

        self.add_button = QPushButton(self.tr("Ajouter une étape…"), self)
        self.edit_button = QPushButton(self.tr("Modifier…"), self)
        self.delete_button = QPushButton(self.tr("Supprimer"), self)
        self.enroll_button = QPushButton(self.tr("Inscrire dans une cohorte…"), self)
        self.exit_button = QPushButton(self.tr("Sortir d'une cohorte…"), self)
        self.refer_button = QPushButton(self.tr("Orienter vers un partenaire…"), self)
        self.delete_button.setToolTip(self.tr("L'étape va dans la corbeille ; on peut l'y "
                                              "restaurer."))
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        for b in (self.enroll_button, self.exit_button, self.refer_button):
            buttons.addWidget(b)

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.tree, 1)

        self.add_button.clicked.connect(self.add_event)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.enroll_button.clicked.connect(self.enroll)
        self.exit_button.clicked.connect(self.exit_cohort)
        self.refer_button.clicked.connect(self.refer)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemActivated.connect(lambda *_: self.edit_selected())
        QShortcut(QKeySequence.StandardKey.Delete, self.tree, self.delete_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.runner.changed.connect(self._changed)
        self._update_buttons()

    # -- loading -----------------------------------------------------------------------
    def set_participant(self, participant_uuid: str | None) -> None:
        self.participant_uuid = participant_uuid
        self.reload()

    def reload(self) -> None:
        uuid = self.participant_uuid
        if not uuid:
            self._show([])
            return
        lang = self.runner.lang
        self.runner.submit(lambda db, _p: journey.timeline(db, uuid, lang=lang),
                           on_done=lambda items: self._read(uuid, items),
                           on_error=lambda exc: self._unreadable(uuid, exc), atomic=False)

    def _unreadable(self, uuid: str, exc: BaseException) -> None:
        """The participant is in the bin (or gone): nothing to show, nothing to add."""
        if uuid == self.participant_uuid and isinstance(exc, NotFound):
            self.participant_uuid = None
            self._show([])

    def _read(self, uuid: str, items: list[dict]) -> None:
        if uuid == self.participant_uuid:  # an answer for a participant no longer shown
            self._show(items)

    def _changed(self, kinds: set[str]) -> None:
        if self.participant_uuid and kinds & WATCHED:
            self.reload()

    def _show(self, items: list[dict]) -> None:
        selected = self.selected()
        keep = (selected["uuid"], selected["kind"]) if selected else None
        self.items = items
        self.tree.clear()
        names = kind_names()
        for i, item in enumerate(items):
            detail = item["detail"]
            if item["kind"] == "referral" and item.get("overdue"):
                detail = self.tr("{statut} — en retard (plus de 15 jours)").format(
                    statut=detail)
            if item["kind"] == "event" and item.get("note"):
                detail = " · ".join(x for x in (detail, item["note"].splitlines()[0]) if x)
            row = QTreeWidgetItem([date_text(item["date"], self.ctx.lang), item["label"], detail])
            row.setData(0, Qt.ItemDataRole.UserRole, i)
            row.setIcon(1, self._icons[item["kind"]])
            row.setForeground(1, QBrush(QColor(COLOURS[item["kind"]])))
            row.setData(1, Qt.ItemDataRole.AccessibleTextRole,
                        f"{names[item['kind']]} : {item['label']}")
            row.setToolTip(1, names[item["kind"]])
            self.tree.addTopLevelItem(row)
            if keep == (item["uuid"], item["kind"]):
                self.tree.setCurrentItem(row)
        self.empty_label.setVisible(not items and bool(self.participant_uuid))
        self._update_buttons()
        self.loaded.emit(len(items))

    # -- selection -----------------------------------------------------------------------
    def selected(self) -> dict | None:
        row = self.tree.currentItem()
        if row is None or not row.isSelected():
            return None
        index = row.data(0, Qt.ItemDataRole.UserRole)
        return self.items[index] if index is not None and index < len(self.items) else None

    def select(self, kind: str, record_uuid: str) -> bool:
        for i, item in enumerate(self.items):
            if item["kind"] == kind and item["uuid"] == record_uuid:
                self.tree.setCurrentItem(self.tree.topLevelItem(i))
                return True
        return False

    def _update_buttons(self) -> None:
        has = bool(self.participant_uuid)
        item = self.selected()
        kind = item["kind"] if item else None
        for b in (self.add_button, self.enroll_button, self.exit_button, self.refer_button):
            b.setEnabled(has)
        # The one button acts on what is selected, and says what it will do (Enter too).
        open_entry = kind == "entry" and not item.get("date_sortie")
        if kind == "referral":
            self.edit_button.setText(self.tr("Changer le statut…"))
        elif open_entry:
            self.edit_button.setText(self.tr("Sortir de la cohorte…"))
        else:
            self.edit_button.setText(self.tr("Modifier…"))
        self.edit_button.setEnabled(kind in ("event", "referral") or open_entry)
        self.delete_button.setEnabled(bool(item and item["table"] in ("event", "enrollment")))

    # -- actions -------------------------------------------------------------------------
    def add_event(self) -> dict | None:
        if not self.participant_uuid:
            return None
        return EventDialog.ask(self, self.runner, self.participant_uuid)

    def edit_selected(self) -> dict | None:
        item = self.selected()
        if item is None or not self.participant_uuid:
            return None
        if item["kind"] == "event":
            return EventDialog.ask(self, self.runner, self.participant_uuid, item["uuid"])
        if item["kind"] == "entry" and not item.get("date_sortie"):
            return self.exit_cohort()
        if item["kind"] == "referral":
            from citesdesk.gui.referral_dialogs import StatusDialog

            self.status_dialog = StatusDialog(self.ctx, item["uuid"], self)
            self.status_dialog.open()
        return None

    def refer(self) -> None:
        """Refer the participant to a partner (the referral then shows on the timeline)."""
        from citesdesk.gui.referral_dialogs import NewReferralDialog

        if self.participant_uuid:
            self.referral_dialog = NewReferralDialog(self.ctx, self.participant_uuid, parent=self)
            self.referral_dialog.open()

    def delete_selected(self) -> bool:
        """Send the selected step, or the selected enrollment (its entry or exit), to the
        bin after a confirmation."""
        from citesdesk.gui.dialogs import Dialog

        item = self.selected()
        if item is None or item["table"] not in ("event", "enrollment"):
            return False
        if item["table"] == "event":
            title = self.tr("Supprimer l'étape")
            text = self.tr("Mettre l'étape « {etape} » du {date} à la corbeille ?").format(
                etape=item["label"], date=date_text(item["date"], self.ctx.lang))
        else:
            title = self.tr("Supprimer l'inscription")
            text = self.tr("Mettre l'inscription dans la cohorte « {cohorte} » (entrée le "
                           "{date}) à la corbeille ? Son entrée et sa sortie disparaissent "
                           "du parcours.").format(cohorte=item["cohort_name"],
                                                  date=date_text(item["date_entree"], self.ctx.lang))
        if Dialog.ask(self, title, text, buttons=("yes", "no"), default="no") != "yes":
            return False
        table, uuid = item["table"], item["uuid"]
        self.runner.submit(lambda db, _p: records.delete(db, table, uuid))
        return True

    def enroll(self) -> dict | None:
        if not self.participant_uuid:
            return None
        return EnrollDialog.ask(self, self.runner, self.participant_uuid)

    def exit_cohort(self) -> dict | None:
        if not self.participant_uuid:
            return None
        item = self.selected()
        preselect = item["uuid"] if item and item["table"] == "enrollment" else None
        return ExitDialog.ask(self, self.runner, self.participant_uuid, preselect)
