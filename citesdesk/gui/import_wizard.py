"""The import wizard: file and sheet, column mapping, dry run, commit.

Every read of the file and every database step goes through the task runner (off the GUI
thread); the commit shows a progress dialog with Cancel, and a cancelled import writes
nothing. The service (:mod:`citesdesk.services.importer`) does all the work; this module
only shows it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
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

from citesdesk.core.errors import CitesDeskError
from citesdesk.gui.dialogs import Dialog
from citesdesk.gui.forms import number_text, numbers, resize_within_screen
from citesdesk.gui.import_dry_run import DryRunPage
from citesdesk.services import importer
from citesdesk.services.importer.mapping import column_letter

KINDS = ("participants", "partners", "events", "qpv")
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
        names, table, mapping, source, error = result
        if self.sheet_combo.count() == 0 and len(names) > 1:
            self.sheet_combo.blockSignals(True)
            self.sheet_combo.addItems(names)
            self.sheet_combo.setCurrentText(table.sheet if table else names[0])
            self.sheet_combo.blockSignals(False)
        self.sheet_combo.setEnabled(len(names) > 1)
        if error is not None:
            self._failed(error)
            return
        self.w.table, self.w.mapping, self.w.mapping_source = table, mapping, source
        self.status.setText(self.tr("{rows} ligne(s) de données, en-têtes en ligne {header}.")
                            .format(rows=number_text(len(table.rows), self.w.ctx.lang),
                                    header=table.header_row))
        self.completeChanged.emit()
        self.w.file_loaded.emit()

    def _failed(self, exc) -> None:
        self.w.table = None
        self.status.setText(exc.message(self.w.ctx.lang) if hasattr(exc, "message") else str(exc))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.w.table is not None


def _load(db, progress, path, kind, sheet):
    """(sheet names, table, mapping, its source, refusal): the sheet names come first, so
    that another sheet can be chosen when the first one holds no table."""
    names = importer.sheet_names(path)
    try:
        table = importer.load_table(path, kind, sheet=sheet)
    except CitesDeskError as exc:
        return names, None, None, None, exc
    mapping, source = importer.suggest_mapping(db, table)
    return names, table, mapping, source, None


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
            "l'écran Imports.").format(**numbers(c, self.w.ctx.lang))
            # the duplicates were looked for again when writing (core sentence, both languages)
            + ("\n\n" + importer.RECHECKED[1 if self.w.ctx.lang == "en" else 0]
               if self.w.result.get("rechecked") else ""))


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
        self.dry_run_page = DryRunPage(self)  # citesdesk/gui/import_dry_run.py
        self.done_page = DonePage(self)
        for page in (self.file_page, self.mapping_page, self.dry_run_page, self.done_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Suivant >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Précédent"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Terminer"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Annuler"))
        self.dry_run_page.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Importer"))
        resize_within_screen(self, 900, 600)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
