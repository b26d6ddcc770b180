"""The "Imports" screen: start the import wizard, write a template, and the import
history, where a whole import can be undone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from citesdesk.gui.dialogs import Dialog
from citesdesk.gui.forms import date_text, datetime_text, number_text, numbers
from citesdesk.gui.screens.base import ListScreen, screen_title
from citesdesk.services import importer

UNDO_CHANGES = frozenset({"participant", "cohort", "enrollment", "event", "partner",
                          "partner_contact", "qpv", "import_log", "*"})


def _history(db, progress):
    return importer.history(db)


def _undo(db, progress, import_id):
    return importer.undo(db, import_id)


class ImportsScreen(ListScreen):
    key = "imports"
    icon_name = "folder"
    watched = UNDO_CHANGES

    def title(self) -> str:
        return self.tr("Imports")

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.wizard = None
        self.items: list[dict] = []
        layout = QVBoxLayout(self)
        layout.addWidget(screen_title(self))
        intro = QLabel(self.tr(
            "Importez les listes envoyées par les partenaires (participants, partenaires, "
            "étapes du parcours, liste des QPV). Une vérification montre tout ce qui sera "
            "fait avant d'enregistrer, et chaque import peut être annulé en entier."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Importer un tableur…"), self)
        self.import_button.clicked.connect(self.open_wizard)
        row.addWidget(self.import_button)
        row.addSpacing(24)
        row.addWidget(QLabel(self.tr("Modèle :"), self))
        self.template_combo = QComboBox(self)
        for kind, label in (("participants", self.tr("Participants")),
                            ("partners", self.tr("Partenaires")),
                            ("events", self.tr("Étapes du parcours"))):
            self.template_combo.addItem(label, kind)
        row.addWidget(self.template_combo)
        self.template_button = QPushButton(self.tr("Enregistrer le modèle…"), self)
        self.template_button.clicked.connect(self.save_template)
        row.addWidget(self.template_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.history_label = QLabel(self.tr("Historique des imports"), self)
        layout.addWidget(self.history_label)
        self.set_empty_hint(
            self.tr("Aucun import pour l'instant. Un fichier Excel ou CSV d'un partenaire "
                    "(liste de participants, de partenaires ou d'étapes) s'importe en quelques "
                    "étapes ; rien n'est enregistré avant votre accord. Pour préparer le "
                    "fichier, enregistrez d'abord le modèle ci-dessus."),
            self.tr("Importer un tableur…"), self.open_wizard)
        layout.addWidget(self.empty_hint, 1)
        table = self.make_table([
            self.tr("Date"), self.tr("Type"), self.tr("Fichier"), self.tr("Résultat"),
            self.tr("Par"), self.tr("État")], self.tr("Historique des imports"), stretch=None)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        layout.addWidget(table, 1)
        self.undo_button = QPushButton(self.tr("Annuler cet import…"), self)
        self.undo_button.clicked.connect(self.undo_selected)
        layout.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignLeft)
        # Nothing to open in the history: Enter is left to the table (undoing an import is
        # the button's, after a question).
        self.set_list(table, (self.undo_button,))

    # -- history ---------------------------------------------------------------------
    def reload(self) -> None:
        self.ctx.runner.submit(_history, on_done=self._fill, atomic=False)

    def _kind_label(self, kind: str) -> str:
        return {"participants": self.tr("Participants"), "partners": self.tr("Partenaires"),
                "events": self.tr("Étapes"), "qpv": self.tr("Liste des QPV")}.get(kind, kind)

    def _fill(self, items: list[dict]) -> None:
        self.items = items
        self.table.setRowCount(len(items))  # Interactive columns: measured once, below
        for r, item in enumerate(items):
            c = item["counts"]
            result = self.tr("{created} créé(s), {updated} mis à jour, {skipped} ignoré(s), "
                             "{invalid} écarté(s)").format(**numbers({k: c.get(k, 0) for k in (
                                 "created", "updated", "skipped", "invalid")}, self.ctx.lang))
            state = (self.tr("annulé le {date}").format(date=date_text(
                item["undone_at"], self.ctx.lang)) if item["undone_at"] else self.tr("enregistré"))
            values = [datetime_text(item["at"], self.ctx.lang),
                      self._kind_label(item["kind"]), item["file"], result,
                      item["actor"] or "", state]
            for col, value in enumerate(values):
                self.table.setItem(r, col, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.show_list(not items, self.history_label, self.undo_button)

    def selected(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows and rows[0].row() < len(self.items) else None

    def update_buttons(self) -> None:
        item = self.selected()
        self.undo_button.setEnabled(bool(item) and not item["undone_at"])

    def undo_selected(self) -> None:
        item = self.selected()
        if item is None or item["undone_at"]:
            return
        answer = Dialog.ask(
            self, self.tr("Annuler l'import"),
            self.tr("Annuler l'import de « {file} » ? Les fiches qu'il a créées iront à la "
                    "corbeille et celles qu'il a modifiées retrouveront leurs valeurs "
                    "d'avant.").format(file=item["file"]), ("yes", "no"), default="no")
        if answer != "yes":
            return
        self.ctx.runner.submit(_undo, item["import_id"],
                               on_done=self._undone)

    def _undone(self, result: dict) -> None:
        text = self.tr("Import annulé : {removed} fiche(s) mises à la corbeille, {restored} "
                       "remise(s) dans leur état d'avant.").format(
                           removed=result["removed"], restored=result["restored"])
        if result["kept"]:
            text += " " + self.tr("{n} champ(s) modifié(s) depuis l'import ont été gardés."
                                  ).format(n=number_text(len(result["kept"]), self.ctx.lang))
        Dialog.info(self, text)

    # -- actions ---------------------------------------------------------------------
    def open_wizard(self):
        from citesdesk.gui.import_wizard import ImportWizard

        self.wizard = ImportWizard(self.ctx, self)
        self.wizard.committed.connect(lambda _result: self.reload())
        self.wizard.open()
        return self.wizard

    def save_template(self) -> None:
        kind = self.template_combo.currentData()
        path = Dialog.save_file(self, self.tr("Enregistrer le modèle d'import"),
                                self.tr("Classeur Excel (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        self.ctx.runner.submit(lambda db, progress: importer.write_template(kind, path),
                               atomic=False, on_done=lambda out: Dialog.info(
                                   self, self.tr("Modèle enregistré : {path}").format(
                                       path=str(out))))
