"""The import wizard: file and sheet, column mapping, dry run, commit.

Every read of the file and every database step goes through the task runner (off the GUI
thread); the commit shows a progress dialog with Cancel, and a cancelled import writes
nothing. The service (:mod:`citesdesk.services.importer`) does all the work; this module
only shows it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from citesdesk.gui.dialogs import Dialog
from citesdesk.services import importer
from citesdesk.services.importer.mapping import column_letter

KINDS = ("participants", "partners", "events", "qpv")
CHANGES = {"participants": {"participant", "cohort", "enrollment"},
           "partners": {"partner", "partner_contact"}, "events": {"event"}, "qpv": {"qpv"}}
COLOURS = {"create": "#DDF2DD", "update": "#DCE8F7", "skip": "#EEEEEE", "error": "#F6CFCF"}
WARNING_COLOUR = "#FCEBC7"
SAMPLE_ROWS = 3


def _sample(table, index: int) -> str:
    values = []
    for _, cells in table.rows[:SAMPLE_ROWS]:
        value = cells[index] if index < len(cells) else ""
        if value not in (None, ""):
            values.append(str(value)[:30])
    return " · ".join(values)


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Fichier à importer"))
        self.setSubTitle(self.tr("Choisissez ce que contient le tableur, puis le fichier "
                                 "(.xlsx, .xlsm, .xls, .ods, .csv, .txt)."))
        form = QFormLayout(self)
        self.kind_combo = QComboBox(self)
        for kind, label in zip(KINDS, (self.tr("Participants"), self.tr("Partenaires et contacts"),
                                       self.tr("Étapes du parcours"),
                                       self.tr("Liste officielle des QPV")), strict=True):
            self.kind_combo.addItem(label, kind)
        self.kind_combo.currentIndexChanged.connect(self._reload)
        form.addRow(self.tr("Type de données :"), self.kind_combo)
        row = QHBoxLayout()
        self.path_edit = QLineEdit(self)
        self.path_edit.setReadOnly(True)
        self.browse_button = QPushButton(self.tr("Parcourir…"), self)
        self.browse_button.clicked.connect(self.browse)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        form.addRow(self.tr("Fichier :"), row)
        self.sheet_combo = QComboBox(self)
        self.sheet_combo.currentIndexChanged.connect(self._sheet_changed)
        form.addRow(self.tr("Feuille :"), self.sheet_combo)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        form.addRow(self.status)

    def browse(self) -> None:
        path = Dialog.open_file(self, self.tr("Importer un tableur"),
                                self.tr("Tableurs (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;"
                                        "Tous les fichiers (*)"))
        if path:
            self.path_edit.setText(path)
            self.w.table = None
            self.sheet_combo.blockSignals(True)
            self.sheet_combo.clear()
            self.sheet_combo.blockSignals(False)
            self._reload()

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def _sheet_changed(self) -> None:
        if self.sheet_combo.count():
            self._reload()

    def _reload(self) -> None:
        path = self.path_edit.text()
        if not path:
            return
        sheet = self.sheet_combo.currentText() or None
        self.w.table = None
        self.status.setText(self.tr("Lecture du fichier…"))
        self.completeChanged.emit()
        self.w.ctx.runner.submit(_load, path, self.kind(), sheet, on_done=self._loaded,
                                 on_error=self._failed, atomic=False)

    def _loaded(self, result) -> None:
        table, mapping, source = result
        self.w.table, self.w.mapping, self.w.mapping_source = table, mapping, source
        if self.sheet_combo.count() == 0 and len(table.sheet_names) > 1:
            self.sheet_combo.blockSignals(True)
            self.sheet_combo.addItems(table.sheet_names)
            self.sheet_combo.setCurrentText(table.sheet)
            self.sheet_combo.blockSignals(False)
        self.sheet_combo.setEnabled(len(table.sheet_names) > 1)
        self.status.setText(self.tr("{rows} ligne(s) de données, en-têtes en ligne {header}.")
                            .format(rows=len(table.rows), header=table.header_row))
        self.completeChanged.emit()
        self.w.file_loaded.emit()

    def _failed(self, exc) -> None:
        self.w.table = None
        self.status.setText(exc.message(self.w.ctx.lang) if hasattr(exc, "message") else str(exc))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.w.table is not None


def _load(db, progress, path, kind, sheet):
    table = importer.load_table(path, kind, sheet=sheet)
    mapping, source = importer.suggest_mapping(db, table)
    return table, mapping, source


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Correspondance des colonnes"))
        self.setSubTitle(self.tr("Vérifiez à quoi correspond chaque colonne du fichier. "
                                 "« (ignorer) » laisse la colonne de côté."))
        layout = QVBoxLayout(self)
        self.source_label = QLabel(self)
        layout.addWidget(self.source_label)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Colonne"), self.tr("En-tête du fichier"),
                                              self.tr("Exemples"), self.tr("Champ CitésDesk")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Nom du profil :"), self))
        self.profile_edit = QLineEdit(self)
        self.profile_edit.setPlaceholderText(self.tr("ex. Mission locale — liste mensuelle"))
        row.addWidget(self.profile_edit, 1)
        self.save_profile_button = QPushButton(self.tr("Enregistrer le profil"), self)
        self.save_profile_button.clicked.connect(self.save_profile)
        row.addWidget(self.save_profile_button)
        layout.addLayout(row)
        self.combos: dict[int, QComboBox] = {}

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        t, lang = self.w.table, self.w.ctx.lang
        source = self.w.mapping_source
        if source.startswith("profile:"):
            self.source_label.setText(self.tr("Profil enregistré reconnu : « {name} ».")
                                      .format(name=source[8:]))
            self.profile_edit.setText(source[8:])
        else:
            self.source_label.setText(self.tr("Correspondance proposée d'après les en-têtes."))
        self.table.setRowCount(len(t.headers))
        self.combos.clear()
        columns = importer.COLUMNS[t.kind]
        for i, header in enumerate(t.headers):
            self.table.setItem(i, 0, QTableWidgetItem(column_letter(i)))
            self.table.setItem(i, 1, QTableWidgetItem(header))
            self.table.setItem(i, 2, QTableWidgetItem(_sample(t, i)))
            combo = QComboBox(self.table)
            combo.addItem(self.tr("(ignorer)"), None)
            for c in columns:
                combo.addItem(c.field.en if lang == "en" else c.field.fr, c.key)
            key = self.w.mapping.get(i)
            combo.setCurrentIndex(max(combo.findData(key), 0) if key else 0)
            self.table.setCellWidget(i, 3, combo)
            self.combos[i] = combo
        self.table.resizeColumnsToContents()

    def mapping(self) -> dict[int, str | None]:
        return {i: combo.currentData() for i, combo in self.combos.items()
                if self.w.table.headers[i]}

    def set_field(self, index: int, key: str | None) -> None:
        combo = self.combos[index]
        combo.setCurrentIndex(max(combo.findData(key), 0) if key else 0)

    def save_profile(self) -> None:
        name = self.profile_edit.text().strip()
        if not name:
            Dialog.error(self, self.tr("Donnez un nom au profil (par exemple le partenaire "
                                       "qui envoie ce fichier)."))
            return
        t = self.w.table
        self.w.ctx.runner.submit(_save_profile, name, t.kind, t.headers, self.mapping(),
                                 on_done=lambda _: Dialog.info(
                                     self, self.tr("Profil « {name} » enregistré : il sera "
                                                   "proposé pour les fichiers aux mêmes "
                                                   "en-têtes.").format(name=name)))

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        try:
            importer.check_mapping(self.w.table, self.mapping())
        except Exception as exc:  # noqa: BLE001 - a refusal shown to the user
            Dialog.error(self, exc.message(self.w.ctx.lang) if hasattr(exc, "message")
                         else str(exc))
            return False
        self.w.mapping = self.mapping()
        return True


def _save_profile(db, progress, name, kind, headers, mapping):
    return importer.save_profile(db, name, kind, headers, mapping)


def _analyse(db, progress, table, mapping, on_duplicate):
    return importer.analyse(db, table, mapping, on_duplicate=on_duplicate, progress=progress)


def _commit(db, progress, plan, valid_only):
    return importer.commit(db, plan, valid_only=valid_only, progress=progress)


class DryRunPage(QWizardPage):
    """What the import would do, row by row, before anything is written."""

    def __init__(self, wizard: ImportWizard) -> None:
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
                                 progress_title=self.tr("Vérification du fichier…"),
                                 atomic=False)

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
                       ).format(**c)
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
            progress_title=self.tr("Import en cours…"), changes=CHANGES[self.w.plan.kind],
            on_done=self._committed, on_cancel=self._cancelled)
        return False

    def _committed(self, result) -> None:
        self.w.result = result
        self.w.committed.emit(result)
        self.w.next()

    def _cancelled(self) -> None:
        Dialog.info(self, self.tr("Import annulé : rien n'a été enregistré."))


class DonePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Import terminé"))
        layout = QVBoxLayout(self)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        c = self.w.result["counts"]
        self.label.setText(self.tr(
            "{created} ligne(s) créée(s), {updated} mise(s) à jour, {skipped} ignorée(s), "
            "{invalid} écartée(s) car en erreur. L'import peut être annulé en entier depuis "
            "l'écran Imports.").format(**c))


class ImportWizard(QWizard):
    """The import wizard; ``ImportWizard(ctx).open()`` (tests drive it page by page)."""

    file_loaded = Signal()
    dry_run_done = Signal()
    committed = Signal(object)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table = None
        self.mapping: dict[int, str | None] = {}
        self.mapping_source = "auto"
        self.plan = None
        self.result = None
        self.setWindowTitle(self.tr("Importer un tableur"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.dry_run_page = DryRunPage(self)
        self.done_page = DonePage(self)
        for page in (self.file_page, self.mapping_page, self.dry_run_page, self.done_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Suivant >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Précédent"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Terminer"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Annuler"))
        self.dry_run_page.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Importer"))
        self.resize(900, 600)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
