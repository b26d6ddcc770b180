"""Settings: site identity, coordinators, language, retention, folders, national keys, notice.

Every value is checked by the services (``site.save_site``, ``settings.put``) and saved in
one transaction: a refused value (a bad ``age1…`` key, a site code missing) shows its
message under its field and nothing is saved.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from citesdesk.core import settings
from citesdesk.core.errors import FieldError, ValidationFailed
from citesdesk.gui.dialogs import Dialog
from citesdesk.gui.forms import ErrorForm, resize_within_screen, show_error
from citesdesk.gui.qpv_picker import add_list_row
from citesdesk.services import site as site_service


def save_all(db, site_values: dict, options: dict) -> None:
    """Save the site row and the options in one transaction (the runner's ``db.atomic``)."""
    errors: list[FieldError] = []
    try:
        site_service.save_site(db, site_values)
    except ValidationFailed as exc:
        errors += exc.errors
    for key, value in options.items():
        try:
            settings.put(db, key, value)
        except ValidationFailed as exc:
            errors += exc.errors
    if errors:
        raise ValidationFailed(errors, "setting")


class SettingsDialog(QDialog):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Paramètres"))
        reader = ctx.reader
        site = site_service.get_site(reader) or {}
        values = settings.all_settings(reader)
        layout = QVBoxLayout(self)
        tabs = QTabWidget(self)
        layout.addWidget(tabs)
        self.form = ErrorForm(lang=ctx.lang)  # every field's error line, whichever tab holds it

        page, form = self._page(tabs, self.tr("Site"))
        self.site_name = self._add(form, "name", self.tr("&Nom du site"), QLineEdit(site.get("name") or ""))
        self.site_code = self._add(form, "site_code", self.tr("&Code du site"), QLineEdit(site.get("site_code") or ""))
        self.departement = self._add(form, "departement", self.tr("&Département"),
                                     QLineEdit(site.get("departement") or ""))
        self.qpvs = self._add(form, "qpv_codes", self.tr("&QPV couverts (un par ligne)"),
                              QPlainTextEdit("\n".join(filter(None, (site.get("qpv_codes") or "").split("|")))))
        self.qpv_list = add_list_row(form, reader, ctx.lang)
        self.coordinators = self._add(
            form, "coordinators", self.tr("C&oordinateur·rices (un par ligne)"),
            QPlainTextEdit("\n".join(filter(None, (site.get("coordinators") or "").split("|")))))
        self.current = QComboBox()
        self.current.setEditable(True)
        self.current.addItems(site_service.coordinators(reader))
        self.current.setCurrentText(values["current_coordinator"])
        self._add(form, "current_coordinator", self.tr("&Qui saisit sur ce poste"), self.current)

        page, form = self._page(tabs, self.tr("Général"))
        self.language = QComboBox()
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(values["language"]), 0))
        self._add(form, "language", self.tr("&Langue"), self.language)
        self.retention = QSpinBox()
        self.retention.setRange(1, 120)
        self.retention.setSuffix(self.tr(" mois"))
        self.retention.setValue(values["retention_months"])
        self._add(form, "retention_months",
                  self.tr("&Conservation après le dernier contact"), self.retention)
        self.export_folder = self._folder(form, "export_folder", self.tr("Dossier des &exports"),
                                          values["export_folder"])
        self.backup_folder = self._folder(form, "backup_folder", self.tr("Dossier des &sauvegardes"),
                                          values["backup_folder"])

        page, form = self._page(tabs, self.tr("Évaluation nationale"))
        self.recipients = self._add(
            form, "recipients", self.tr("Clés publiques &age (age1…, une par ligne)"),
            QPlainTextEdit("\n".join(values["recipients"])))
        load = QPushButton(self.tr("Charger une clé depuis un &fichier…"))
        load.clicked.connect(self.load_key)
        form.addRow("", load)

        page, form = self._page(tabs, self.tr("Notice d'information"))
        self.notice = self._add(form, "notice_text", self.tr("&Texte de la notice"),
                                QPlainTextEdit(values["notice_text"]))
        self.notice.setPlaceholderText(self.tr(
            "Laissez vide pour imprimer la notice par défaut (finalité, base légale, durée de "
            "conservation, droits, contact)."))
        self.notice_version = self._add(form, "notice_version", self.tr("&Version"),
                                        QLineEdit(values["notice_version"]))
        self.notice_contact = self._add(form, "notice_contact",
                                        self.tr("&Contact pour exercer ses droits"),
                                        QLineEdit(values["notice_contact"]))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        resize_within_screen(self, self.fontMetrics().averageCharWidth() * 90,
                             self.fontMetrics().height() * 30)

    def _page(self, tabs: QTabWidget, title: str) -> tuple[QWidget, ErrorForm]:
        page = QWidget(tabs)
        form = ErrorForm(page, lang=self.ctx.lang)
        tabs.addTab(page, title)
        return page, form

    def _add(self, form: ErrorForm, name: str, label: str, widget: QWidget) -> QWidget:
        widget.setParent(form.parentWidget())
        form.add(name, label, widget)
        self.form.errors[name] = form.errors[name]
        return widget

    def _folder(self, form: ErrorForm, name: str, label: str, value: str) -> QLineEdit:
        row = QWidget(form.parentWidget())
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        edit = QLineEdit(value, row)
        edit.setAccessibleName(label.replace("&", ""))
        browse = QPushButton(self.tr("Parcourir…"), row)
        browse.setAccessibleName(self.tr("Choisir : {what}").format(what=label.replace("&", "")))
        browse.clicked.connect(lambda: self._browse(edit, label))
        box.addWidget(edit, 1)
        box.addWidget(browse)
        self._add(form, name, label, row)
        return edit

    def _browse(self, edit: QLineEdit, label: str) -> None:
        path = Dialog.choose_folder(self, label.replace("&", ""), edit.text())
        if path:
            edit.setText(path)

    def load_key(self) -> None:
        path = Dialog.open_file(self, self.tr("Clé publique de l'évaluation nationale"),
                                self.tr("Clés age (*.txt *.pub *.key *.age);;Tous les fichiers (*)"))
        if not path:
            return
        try:
            text = Path(path).read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            Dialog.error(self, self.tr("Lecture impossible de {file} : {error}").format(
                file=path, error=exc.strerror or str(exc)))
            return
        found = settings.recipients_in(text)
        if not found:
            if "AGE-SECRET-KEY-" in text:
                message = self.tr("Ce fichier contient une clé privée age, qui ne doit pas être "
                                  "sur ce poste. Demandez la clé publique (age1…) à l'évaluation "
                                  "nationale.")
            else:
                message = self.tr("Aucune clé publique age (age1…) dans {file}.").format(file=path)
            Dialog.error(self, message)
            return
        current = settings.recipients_in(self.recipients.toPlainText())
        self.recipients.setPlainText("\n".join(dict.fromkeys(current + found)))

    def site_values(self) -> dict:
        return {"name": self.site_name.text(), "site_code": self.site_code.text(),
                "departement": self.departement.text(),
                "qpv_codes": [x.strip() for x in self.qpvs.toPlainText().splitlines()
                              if x.strip()],  # a code or a quarter's name per line
                "coordinators": [x.strip() for x in self.coordinators.toPlainText().splitlines()
                                 if x.strip()]}

    def option_values(self) -> dict:
        return {
            "current_coordinator": self.current.currentText(),
            "language": self.language.currentData(),
            "retention_months": self.retention.value(),
            "export_folder": self.export_folder.text(),
            "backup_folder": self.backup_folder.text(),
            "recipients": [x.strip() for x in self.recipients.toPlainText().splitlines() if x.strip()],
            "notice_text": self.notice.toPlainText(),
            "notice_version": self.notice_version.text(),
            "notice_contact": self.notice_contact.text(),
        }

    def save(self) -> None:
        site_values, options = self.site_values(), self.option_values()
        self.form.clear_errors()
        self.ctx.runner.submit(lambda db, progress: save_all(db, site_values, options), on_done=lambda _r: self.accept(),
                               on_error=lambda exc: show_error(self, self.form, exc))
