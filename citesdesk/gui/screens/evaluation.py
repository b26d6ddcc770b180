"""« Évaluation nationale »: what the next bundle will send, its recipients, creating it,
and the history of the bundles already made."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from citesdesk.core import settings
from citesdesk.core.errors import CitesDeskError
from citesdesk.core.quarter import Quarter
from citesdesk.gui.dialogs import Dialog
from citesdesk.gui.forms import datetime_text, number_text, quarter_text
from citesdesk.gui.screens.base import Screen, screen_title

SUMMARY_DELAY_MS = 250

# Record kinds whose change makes the summary stale.
WATCHED = {"participant", "enrollment", "event", "referral", "partner", "cohort", "site",
           "setting"}


def _preview(db, progress):
    from citesdesk.services.bundle import preview

    return preview(db)


def _create(db, progress, path):
    from citesdesk.services.bundle import create_bundle

    return create_bundle(db, path, progress=progress)


def _set_recipients(db, progress, values):
    from citesdesk.services.bundle import keys

    return keys.set_recipients(db, values)


class EvaluationScreen(Screen):
    key = "evaluation"
    icon_name = "save"

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._stale = True
        self.summary = None
        layout = QVBoxLayout(self)
        layout.addWidget(screen_title(self))
        intro = QLabel(self.tr(
            "Le lot transmis à l'évaluation nationale est un instantané pseudonymisé du site : "
            "ni nom, ni date de naissance (l'année seulement), ni adresse, ni téléphone, ni "
            "courriel, ni note. Il est chiffré pour l'évaluation nationale et signé par le "
            "site."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        box = QGroupBox(self.tr("Ce qui sera envoyé"))
        form = QFormLayout(box)
        self.values: dict[str, QLabel] = {}
        for key, label in (
            ("sequence", self.tr("Lot n°")),
            ("quarters", self.tr("Trimestres")),
            ("participants", self.tr("Participants")),
            ("inscriptions", self.tr("Inscriptions dans les cohortes")),
            ("evenements", self.tr("Étapes du parcours")),
            ("orientations", self.tr("Orientations")),
            ("partenaires", self.tr("Partenaires (organisations)")),
            ("cohortes", self.tr("Cohortes")),
            ("objectors", self.tr("Personnes opposées à l'évaluation")),
            ("key_id", self.tr("Clé de signature du site")),
        ):
            value = QLabel("…")
            value.setObjectName(f"value_{key}")
            self.values[key] = value
            form.addRow(label, value)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        form.addRow(self.status)
        layout.addWidget(box)

        rbox = QGroupBox(self.tr("Destinataire : la clé de l'évaluation nationale"))
        rlayout = QVBoxLayout(rbox)
        self.recipients = QListWidget()
        self.recipients.setMaximumHeight(90)
        rlayout.addWidget(self.recipients)
        row = QHBoxLayout()
        self.recipient_edit = QLineEdit()
        self.recipient_edit.setPlaceholderText(self.tr(
            "Collez la clé reçue de l'évaluation nationale (elle commence par « age1 »)"))
        self.recipient_edit.setAccessibleName(self.tr("Clé de l'évaluation nationale"))
        self.add_button = QPushButton(self.tr("Ajouter"))
        self.remove_button = QPushButton(self.tr("Retirer"))
        self.add_button.clicked.connect(self.add_recipient)
        self.remove_button.clicked.connect(self.remove_recipient)
        row.addWidget(self.recipient_edit, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        rlayout.addLayout(row)
        layout.addWidget(rbox)

        self.create_button = QPushButton(self.tr("Créer le lot…"))
        self.create_button.clicked.connect(self.create_bundle)
        layout.addWidget(self.create_button)

        layout.addWidget(QLabel(self.tr("Lots déjà créés")))
        self.no_history = QLabel(self.tr(
            "Aucun lot créé pour l'instant : ajoutez la clé de l'évaluation nationale "
            "ci-dessus, puis « Créer le lot… »."))
        self.no_history.setWordWrap(True)
        self.no_history.setObjectName("caption")
        self.no_history.setVisible(False)
        layout.addWidget(self.no_history)
        self.history = QTableWidget(0, 4)
        self.history.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Lot n°"), self.tr("Fichier"), self.tr("SHA-256")])
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().setVisible(False)
        self.history.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.history, 1)

    def title(self) -> str:
        return self.tr("Évaluation nationale")

    # -- loading ---------------------------------------------------------------------
    def activated(self) -> None:
        self.load_history()
        self.load_recipients()
        if self._stale:
            self._stale = False
            self.status.setText(self.tr("Calcul en cours…"))
            # Counting reads the whole site: let work already asked for go first.
            QTimer.singleShot(SUMMARY_DELAY_MS, self, self.load_summary)

    def refresh(self, changes: set[str]) -> None:
        # The summary's own first run creates the site's keys (a setting): already shown.
        if changes & WATCHED and self.ctx.runner.initiator is not self:
            self._stale = True
            if self.isVisible():
                self.activated()

    def load_summary(self) -> None:
        self._stale = False
        self.status.setText(self.tr("Calcul en cours…"))
        self.ctx.runner.submit(_preview, on_done=self._show_summary,
                               on_error=self._summary_failed, owner=self)

    def _summary_failed(self, exc: BaseException) -> None:
        self.summary = None
        lang = self.ctx.lang
        text = exc.message(lang) if isinstance(exc, CitesDeskError) else str(exc)
        self.status.setText(text)
        self.create_button.setEnabled(False)

    def _show_summary(self, summary) -> None:
        self.summary = summary
        v = self.values
        v["sequence"].setText(str(summary.sequence))
        quarters = [quarter_text(Quarter.parse(str(q)), self.ctx.lang) for q in summary.quarters]
        v["quarters"].setText(
            self.tr("{first} (1 trimestre)").format(first=quarters[0]) if len(quarters) == 1
            else self.tr("{first} à {last} ({n} trimestres)").format(
                first=quarters[0], last=quarters[-1], n=number_text(len(quarters), self.ctx.lang)))
        for key in ("participants", "inscriptions", "evenements", "orientations",
                    "partenaires", "cohortes"):
            v[key].setText(number_text(summary.counts[key], self.ctx.lang))
        v["objectors"].setText(self.tr(
            "{n} laissée(s) de côté (elles restent comptées dans les indicateurs)").format(
                n=number_text(summary.objectors, self.ctx.lang)))
        v["key_id"].setText(summary.key_id)
        self.status.setText("" if summary.recipients else self.tr(
            "Ajoutez la clé publique de l'évaluation nationale avant de créer le lot."))
        self.create_button.setEnabled(bool(summary.recipients))

    def load_recipients(self) -> None:
        self.recipients.clear()
        self.recipients.addItems(settings.get(self.ctx.reader, "recipients"))

    def load_history(self) -> None:
        rows = self.ctx.reader.execute(
            "SELECT created_at, sequence, file_name, sha256 FROM bundle_log "
            "WHERE deleted_at IS NULL ORDER BY sequence DESC").fetchall()
        self.history.setRowCount(len(rows))
        self.no_history.setVisible(not rows)
        for r, (created, sequence, name, sha) in enumerate(rows):
            when = datetime_text(created, self.ctx.lang)
            for c, text in enumerate((when, str(sequence), name, sha)):
                self.history.setItem(r, c, QTableWidgetItem(text))
        self.history.resizeColumnsToContents()

    # -- actions ---------------------------------------------------------------------
    def _current_recipients(self) -> list[str]:
        return [self.recipients.item(i).text() for i in range(self.recipients.count())]

    def add_recipient(self) -> None:
        value = self.recipient_edit.text().strip()
        if not value:
            return
        self._save_recipients([*self._current_recipients(), value])

    def remove_recipient(self) -> None:
        item = self.recipients.currentItem()
        if item is None:
            return
        self._save_recipients([r for r in self._current_recipients() if r != item.text()])

    def _save_recipients(self, values: list[str]) -> None:
        def done(_result) -> None:
            self.recipient_edit.clear()
            self.load_recipients()
            self.load_summary()
        self.ctx.runner.submit(_set_recipients, values, on_done=done)

    def create_bundle(self) -> None:
        if self.summary is None:
            return
        name = f"{self.summary.site_code}-lot-{self.summary.sequence}.citesbundle"
        path = Dialog.save_file(self, self.tr("Enregistrer le lot"),
                                self.tr("Lot CitésDesk (*.citesbundle)"),
                                str(Path.home() / name))
        if not path:
            return
        if not path.endswith(".citesbundle"):
            path += ".citesbundle"
        self.create_button.setEnabled(False)
        self.ctx.runner.submit(_create, path, on_done=self._created,
                               on_error=self._create_failed,
                               on_cancel=lambda: self.create_button.setEnabled(True),
                               progress_title=self.tr("Création du lot…"), atomic=False)

    def _create_failed(self, exc: BaseException) -> None:
        self.create_button.setEnabled(True)
        if isinstance(exc, CitesDeskError):  # anything else was already reported
            Dialog.error(self, exc.message(self.ctx.lang))

    def _created(self, result) -> None:
        self.create_button.setEnabled(True)
        self.load_history()
        self.load_summary()
        Dialog.info(self, self.tr(
            "Lot n° {sequence} enregistré dans {path}.\n\nEmpreinte SHA-256 : {sha}\n\n"
            "Transmettez ce fichier à l'évaluation nationale par le moyen convenu ; il est "
            "chiffré, seul son destinataire peut le lire.").format(
                sequence=result.sequence, path=str(result.path), sha=result.sha256),
            self.tr("Lot créé"))
