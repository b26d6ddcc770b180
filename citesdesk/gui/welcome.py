"""First run: create the site, open a demonstration database, or open an existing file.

The site is created on a thread of its own (:func:`citesdesk.gui.reads.in_background`):
creating an encrypted base derives its key, which takes a moment; the dialog stays
responsive meanwhile, with a busy bar.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from citesdesk.core.db import open_database
from citesdesk.core.errors import CitesDeskError
from citesdesk.core.files import private_dir
from citesdesk.core.site import get_site
from citesdesk.gui.dialogs import Dialog
from citesdesk.gui.forms import ErrorForm, show_error
from citesdesk.gui.reads import in_background
from citesdesk.services import records

DEMO_PARTICIPANTS = 300


@dataclass
class WelcomeChoice:
    path: Path
    demo: bool = False


def demo_path(path: Path) -> Path:
    return path.with_name("citesdesk-demo.sqlite")


def create_site(path: Path, values: dict) -> None:
    """Create the database at ``path`` with its site (``ValidationFailed`` if refused)."""
    db = open_database(path, create=True)
    try:
        if get_site(db) is None:
            records.create(db, "site", values)
    finally:
        db.close()


def _create(_db, path: Path, values: dict) -> None:
    private_dir(path.parent)
    create_site(path, values)


class WelcomeDialog(QDialog):
    """The first window of a new installation."""

    def __init__(self, path: Path, lang: str = "fr", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.lang = lang
        self.choice: WelcomeChoice | None = None
        self.setWindowTitle(self.tr("Bienvenue dans CitésDesk"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "CitésDesk garde vos données sur cet ordinateur, sans connexion. Pour commencer, "
            "créez votre site : son nom, son code et le nom de la personne qui coordonne."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        box = QGroupBox(self.tr("Créer le site"), self)
        # Required fields marked, each checked when left, messages that keep their room.
        self.form = form = ErrorForm(box, kind="site", lang=self.lang)
        self.name = QLineEdit(box)
        self.code = QLineEdit(box)
        self.code.setPlaceholderText(self.tr("par exemple CDE-93-001"))
        self.departement = QLineEdit(box)
        self.departement.setPlaceholderText(self.tr("par exemple 93"))
        self.coordinator = QLineEdit(box)
        self.errors: dict[str, QLabel] = form.errors
        for key, label, widget in (
            ("name", self.tr("Nom du site"), self.name),
            ("site_code", self.tr("Code du site"), self.code),
            ("departement", self.tr("Département"), self.departement),
            ("coordinators", self.tr("Coordinateur·rice"), self.coordinator),
        ):
            form.add(key, label, widget)
        from citesdesk.gui.security.fields import PassphraseFields

        self.passphrase = PassphraseFields(box)  # encrypted from the start, if chosen
        form.addRow(self.passphrase)
        self.where = QLabel(self.tr("La base sera créée dans : {path}").format(path=self.path))
        self.where.setWordWrap(True)
        form.addRow(self.where)
        self.create_button = QPushButton(self.tr("Créer le site"), box)
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create)
        form.addRow(self.create_button)
        self.busy = QProgressBar(box)  # while the base is created
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Création de la base en cours"))
        self.busy.hide()
        form.addRow(self.busy)
        layout.addWidget(box)

        other = QDialogButtonBox(self)
        self.demo_button = other.addButton(self.tr("Ouvrir une base de démonstration"),
                                           QDialogButtonBox.ButtonRole.ActionRole)
        self.demo_button.setToolTip(self.tr(
            "Une base remplie de personnes fictives, pour découvrir CitésDesk."))
        self.demo_button.clicked.connect(self.open_demo)
        self.open_button = other.addButton(self.tr("Ouvrir une base existante…"),
                                           QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(self.open_existing)
        other.addButton(QDialogButtonBox.StandardButton.Cancel)
        other.rejected.connect(self.reject)
        layout.addWidget(other)
        self.name.setFocus()

    @classmethod
    def ask(cls, path: Path, lang: str = "fr") -> WelcomeChoice | None:
        dialog = cls(path, lang)
        dialog.exec()
        return dialog.choice

    def create(self) -> None:
        self.form.clear_errors()
        values = {"name": self.name.text(), "site_code": self.code.text(),
                  "departement": self.departement.text(),
                  "coordinators": self.coordinator.text()}
        try:
            self.passphrase.apply(self.path)
        except CitesDeskError as exc:
            Dialog.error(self, exc.message(self.lang))
            return
        self._set_working(True)
        in_background(self, _create, self.path, values, on_done=self._created,
                      on_error=self._refused)

    @property
    def working(self) -> bool:
        return not self.busy.isHidden()

    def _set_working(self, working: bool) -> None:
        self.busy.setVisible(working)
        for button in (self.create_button, self.demo_button, self.open_button):
            button.setEnabled(not working)

    def _created(self, _result: None) -> None:
        self._set_working(False)
        self.choice = WelcomeChoice(self.path)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self._set_working(False)
        if isinstance(exc, CitesDeskError | OSError):  # a field's under it, others in a box
            show_error(self, self.form, exc)
        else:
            import traceback

            from citesdesk.gui.errors import report_unexpected

            report_unexpected(exc, "".join(traceback.format_exception(exc)), self)

    def open_demo(self) -> None:
        self.choice = WelcomeChoice(demo_path(self.path), demo=True)
        private_dir(self.path.parent)
        self.accept()

    def open_existing(self) -> None:
        path = Dialog.open_file(self, self.tr("Ouvrir une base CitésDesk"),
                                self.tr("Bases CitésDesk (*.sqlite *.db);;Tous les fichiers (*)"))
        if path:
            self.choice = WelcomeChoice(Path(path))
            self.accept()


def _build_demo(db, progress, participants: int) -> None:
    from citesdesk.services import demo

    if get_site(db) is not None:
        return
    demo.build_demo(db, participants=participants, seed=1, progress=progress)


def fill_demo(app, participants: int | None = None) -> None:
    """Fill the demonstration database through the runner, with a progress dialog."""
    from PySide6.QtCore import QCoreApplication

    participants = participants or DEMO_PARTICIPANTS
    app.runner.submit(
        _build_demo, participants,
        progress_title=QCoreApplication.translate("WelcomeDialog",
                                                  "Création de la base de démonstration…"))
