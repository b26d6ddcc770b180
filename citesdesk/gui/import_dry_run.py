"""The import wizard's check page: what the import would do, row by row, coloured, with
the reason and a per-row choice for duplicates; the error report; then the commit through
the task runner (progress and Cancel; a cancelled import writes nothing)."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from citesdesk.gui.dialogs import Dialog
from citesdesk.gui.forms import numbers
from citesdesk.services import importer

COLOURS = {"create": "#DDF2DD", "update": "#DCE8F7", "skip": "#EEEEEE", "error": "#F6CFCF"}
WARNING_COLOUR = "#FCEBC7"


def _analyse(db, progress, table, mapping, on_duplicate):
    return importer.analyse(db, table, mapping, on_duplicate=on_duplicate, progress=progress)


def _commit(db, progress, plan, valid_only):
    return importer.commit(db, plan, valid_only=valid_only, progress=progress)


class DryRunPage(QWizardPage):
    """What the import would do, row by row, before anything is written."""

    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Vérification (rien n'est encore enregistré)"))
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Doublons :"), self))
        self.duplicate_combo = QComboBox(self)
        for key, label in (("skip", self.tr("ignorer la ligne")),
                           ("update", self.tr("mettre à jour la fiche existante")),
                           ("create", self.tr("créer quand même"))):
            self.duplicate_combo.addItem(label, key)
        self.duplicate_combo.currentIndexChanged.connect(self.run)
        row.addWidget(self.duplicate_combo)
        row.addStretch(1)
        self.report_button = QPushButton(self.tr("Rapport d'erreurs…"), self)
        self.report_button.clicked.connect(self.save_report)
        row.addWidget(self.report_button)
        layout.addLayout(row)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Ligne"), self.tr("Résultat"),
                                              self.tr("Action"), self.tr("Détail")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        self.valid_only_check = QCheckBox(self.tr("Importer seulement les lignes valides "
                                                  "(les lignes en erreur sont écartées)"), self)
        self.valid_only_check.toggled.connect(self.completeChanged)
        layout.addWidget(self.valid_only_check)
        self.action_combos: dict[int, QComboBox] = {}

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self.run()

    def run(self) -> None:
        self.w.plan = None
        self.completeChanged.emit()
        self.summary.setText(self.tr("Vérification en cours…"))
        self.w.ctx.runner.submit(_analyse, self.w.table, self.w.mapping,
                                 self.duplicate_combo.currentData(), on_done=self._show,
                                 on_cancel=self._check_cancelled,
                                 progress_title=self.tr("Vérification du fichier…"),
                                 atomic=False)

    def _check_cancelled(self) -> None:
        self.summary.setText(self.tr("Vérification annulée. Revenez en arrière, ou changez le "
                                     "choix des doublons, pour la relancer."))

    def _status_text(self, status: str) -> str:
        return {"create": self.tr("à créer"), "update": self.tr("à mettre à jour"),
                "skip": self.tr("ignorée"), "error": self.tr("en erreur")}[status]

    def _show(self, plan) -> None:
        self.w.plan = plan
        self._fill()
        self.completeChanged.emit()
        self.w.dry_run_done.emit()

    def _fill(self) -> None:
        plan, lang = self.w.plan, self.w.ctx.lang
        c = plan.counts()
        text = self.tr("{rows} ligne(s) : {create} à créer, {update} à mettre à jour, "
                       "{skip} ignorée(s), {error} en erreur, {warning} avec avertissement."
                       ).format(**numbers(c, lang))
        if plan.new_cohorts:
            text += " " + self.tr("Cohortes créées : {names}.").format(
                names=", ".join(plan.new_cohorts))
        for fr, en in plan.notices:
            text += " " + (en if lang == "en" else fr)
        self.summary.setText(text)
        self.table.setRowCount(len(plan.rows))
        self.action_combos.clear()
        for r, result in enumerate(plan.rows):
            status = result.status
            colour = QBrush(QColor(WARNING_COLOUR if status in ("create", "update")
                                   and result.warnings else COLOURS[status]))
            items = [QTableWidgetItem(str(result.row)),
                     QTableWidgetItem(self._status_text(status)), QTableWidgetItem(""),
                     QTableWidgetItem(result.reason(lang))]
            for c_, item in enumerate(items):
                item.setBackground(colour)
                self.table.setItem(r, c_, item)
            if result.duplicate is not None and not result.errors:
                combo = QComboBox(self.table)
                combo.addItem(self.tr("ignorer"), "skip")
                combo.addItem(self.tr("mettre à jour"), "update")
                combo.addItem(self.tr("créer quand même"), "create")
                combo.setCurrentIndex(combo.findData(result.action))
                combo.currentIndexChanged.connect(
                    lambda _=0, row=result.row, cb=combo: self.decide(row, cb.currentData()))
                self.table.setCellWidget(r, 2, combo)
                self.action_combos[result.row] = combo
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)

    def decide(self, row: int, action: str) -> None:
        """The user chose what to do with one duplicate row."""
        self.w.plan.decide(row, action)
        self._fill()

    def save_report(self) -> None:
        if self.w.plan is None:
            return
        path = Dialog.save_file(self, self.tr("Enregistrer le rapport d'erreurs"),
                                self.tr("Classeur Excel (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        plan, lang = self.w.plan, self.w.ctx.lang
        self.w.ctx.runner.submit(lambda db, progress: importer.write_report(plan, path, lang),
                                 atomic=False, on_done=lambda out: Dialog.info(
                                     self, self.tr("Rapport enregistré : {path}").format(
                                         path=str(out))))

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        plan = self.w.plan
        if plan is None:
            return False
        return not plan.errors or self.valid_only_check.isChecked()

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        if self.w.result is not None:
            return True
        self.w.ctx.runner.submit(
            _commit, self.w.plan, self.valid_only_check.isChecked(),
            progress_title=self.tr("Import en cours…"),
            on_done=self._committed, on_cancel=self._cancelled)
        return False

    def _committed(self, result) -> None:
        self.w.result = result
        self.w.committed.emit(result)
        self.w.next()

    def _cancelled(self) -> None:
        Dialog.info(self, self.tr("Import annulé : rien n'a été enregistré."))
