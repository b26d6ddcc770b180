"""Adding several participants to a cohort at once.

``AddMembersDialog.ask(parent, runner, cohort_uuid)`` offers a searchable list of the
participants not already in the cohort, with a check box each, and an entry date; the
chosen ones are enrolled in one transaction (all or none). Returns
``{"enrolled": [...], "already": [...]}`` or ``None`` when cancelled.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from citesdesk.gui.forms import SeamDialog, date_edit, date_text, iso, number_text
from citesdesk.services import cohorts, journey_edit

# How many participants the list shows for one search (type more to narrow it).
LIMIT = 500


class AddMembersDialog(SeamDialog):
    """A multi-select list of participants and an entry date."""

    def __init__(self, runner: Any, cohort_uuid: str, cohort_name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.cohort_uuid = cohort_uuid
        self.chosen: dict[str, str] = {}  # uuid -> name, kept across searches
        self.setWindowTitle(self.tr("Ajouter des participants à « {cohorte} »").format(
            cohorte=cohort_name) if cohort_name else self.tr("Ajouter des participants"))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Rechercher (nom, prénom, téléphone…)"))
        self.search.setAccessibleName(self.tr("Rechercher un participant"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Participants à cocher"))
        self.count_label = QLabel(self)
        self.date = date_edit(self, lang=self.lang)
        form = QFormLayout()
        form.addRow(self.tr("Date d'entrée") + " *", self.date)
        form.addRow("", self.errors.label("date_entree"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Inscrire"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count_label)
        layout.addLayout(form)
        layout.addWidget(self.errors.general_slot)
        layout.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh_list)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.list.itemChanged.connect(self._checked)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self._update_count()
        self.refresh_list()

    def refresh_list(self) -> None:
        text, cohort = self.search.text(), self.cohort_uuid
        self.is_ready = False
        self.runner.submit(
            lambda db, _p: cohorts.search_participants(db, text, limit=LIMIT,
                                                       exclude_cohort=cohort),
            on_done=lambda rows: self._fill(text, rows), atomic=False)

    def _fill(self, text: str, rows: list[dict]) -> None:
        if text != self.search.text():
            return  # a newer search is on its way
        self.list.blockSignals(True)
        self.list.clear()
        for r in rows:
            name = f"{r['last_name']} {r['first_name']}"
            extra = ", ".join(x for x in (date_text(r["birth_date"], self.lang), r["commune"]) if x)
            item = QListWidgetItem(f"{name} ({extra})" if extra else name)
            item.setData(Qt.ItemDataRole.UserRole, r["uuid"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if r["uuid"] in self.chosen
                               else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.mark_ready()

    def _checked(self, item: QListWidgetItem) -> None:
        uuid = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self.chosen[uuid] = item.text()
        else:
            self.chosen.pop(uuid, None)
        self._update_count()

    def _update_count(self) -> None:
        n = len(self.chosen)
        self.count_label.setText(self.tr("{n} participant(s) choisi(s)").format(n=number_text(n, self.lang)))
        self.ok_button.setEnabled(n > 0)

    def check(self, participant_uuid: str, checked: bool = True) -> bool:
        """Tick (or untick) a participant shown in the list, as a click would."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == participant_uuid:
                item.setCheckState(Qt.CheckState.Checked if checked
                                   else Qt.CheckState.Unchecked)
                return True
        return False

    def submit(self) -> None:
        chosen, cohort, day = list(self.chosen), self.cohort_uuid, iso(self.date)
        self.save_with(lambda db, _p: journey_edit.enroll_many(db, cohort, chosen, day))

    @classmethod
    def ask(cls, parent: QWidget | None, runner: Any, cohort_uuid: str,
            cohort_name: str = "") -> dict | None:
        return cls(runner, cohort_uuid, cohort_name, parent).run()
