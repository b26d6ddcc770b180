"""The bundle inspector: what opening a ``.citesbundle`` file shows (``bundle inspect``).

Without a key: the file's size, SHA-256 and how many age recipients it is encrypted to.
With the national evaluation's identity file: the manifest, the signature check, the
validation and each CSV's rows and hash — or why the bundle is refused.

Reading (and decrypting) the file happens on a thread of its own
(:func:`citesdesk.gui.reads.in_background`): the dialog stays responsive, with a busy bar, however large the bundle.
"""

from __future__ import annotations

import traceback
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from citesdesk.core.errors import CitesDeskError
from citesdesk.core.quarter import Quarter
from citesdesk.gui.dialogs import Dialog
from citesdesk.gui.forms import datetime_text, number_text, quarter_text
from citesdesk.gui.reads import in_background


def _inspect(_db, path: Path, identity: str | None) -> dict:
    from citesdesk.services.bundle import inspect

    return inspect(path, identity)


class BundleInspectDialog(QDialog):
    #: The file was read (with or without a key) and its summary is on screen.
    inspected = Signal()

    def __init__(self, path: str | Path, lang: str = "fr", parent=None) -> None:
        super().__init__(parent)
        self.path, self.lang = Path(path), lang
        self.info: dict = {}
        self.setWindowTitle(self.tr("Lot pour l'évaluation nationale — {file}").format(
            file=self.path.name))
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(self.summary.textFormat().PlainText)
        layout.addWidget(self.summary)
        self.busy = QProgressBar(self)  # no percentage: it moves while the file is read
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Lecture en cours"))
        self.busy.hide()
        layout.addWidget(self.busy)
        self.table = QTableWidget(0, 3, self)
        self.table.setAccessibleName(self.tr("Contenu du lot"))
        self.table.setHorizontalHeaderLabels([self.tr("Fichier"), self.tr("Lignes"),
                                              self.tr("Empreinte")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)  # no row numbers, as everywhere
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setVisible(False)
        layout.addWidget(self.table, 1)
        self.key_button = QPushButton(self.tr("&Ouvrir avec la clé de l'évaluation nationale…"),
                                      self)
        self.key_button.clicked.connect(self.choose_identity)
        layout.addWidget(self.key_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 100, self.fontMetrics().height() * 24)
        self.inspect()

    @property
    def reading(self) -> bool:
        return not self.busy.isHidden()

    def inspect(self, identity: str | None = None) -> None:
        """Read the file (with the national identity file, if given) off this thread;
        ``inspected`` is emitted once its summary, or why it cannot be read, is shown."""
        self.summary.setText(self.tr("Lecture de {file}…").format(file=self.path.name))
        self.busy.show()
        self.key_button.setEnabled(False)
        in_background(self, _inspect, self.path, identity, on_done=self._read,
                      on_error=self._unreadable)

    def _read(self, info: dict) -> None:
        self.busy.hide()
        self.key_button.setEnabled(True)
        self.info = info
        self._show()
        self.inspected.emit()

    def _unreadable(self, exc: BaseException) -> None:
        self.busy.hide()
        self.key_button.setEnabled(True)
        if not isinstance(exc, OSError | CitesDeskError):
            from citesdesk.gui.errors import report_unexpected

            self.summary.clear()
            report_unexpected(exc, "".join(traceback.format_exception(exc)), self)
            self.inspected.emit()
            return
        text = exc.message(self.lang) if isinstance(exc, CitesDeskError) else (
            exc.strerror or str(exc))
        self.summary.setText(self.tr("Lecture impossible de {file} : {error}").format(
            file=self.path.name, error=text))
        self.inspected.emit()

    def _show(self) -> None:
        info = self.info
        lines = [self.tr("{file} — {size} octets").format(file=info["file"],
                                                         size=number_text(info["size"], self.lang)),
                 self.tr("SHA-256 : {hash}").format(hash=info["sha256"])]
        if not info["age"]:
            lines.append(self.tr("Ce fichier n'est pas chiffré avec age : ce n'est pas un lot "
                                 "CitésDesk."))
            self.key_button.setEnabled(False)
        else:
            lines.append(self.tr("Chiffré avec age pour {n} destinataire(s). Seule "
                                 "l'évaluation nationale peut le lire.").format(
                                     n=number_text(info["recipients"], self.lang)))
        if "valid" in info:
            if not info["valid"]:
                reason = info["reason_en"] if self.lang == "en" else info["reason"]
                lines.append(self.tr("REFUSÉ : {reason}").format(reason=reason))
            else:
                m = info["manifest"]
                lines += [
                    self.tr("Site {site} — lot n° {seq} du {date} — CitésDesk {version}").format(
                        site=m["site_code"], seq=m["sequence"],
                        date=datetime_text(m["created_at"], self.lang),
                        version=m["software_version"]),
                    self.tr("Trimestres : {quarters}").format(quarters=", ".join(
                        quarter_text(Quarter.parse(q), self.lang) for q in m["quarters"])),
                    self.tr("Signature valide (clé {key}).").format(
                        key=info["signature"]["key_id"]),
                    self.tr("Données conformes au schéma publié."),
                ]
                rows = info["resources"]
                self.table.setRowCount(len(rows))
                for r, res in enumerate(rows):
                    for c, value in enumerate((res["path"], number_text(res["rows"], self.lang), res["hash"])):
                        self.table.setItem(r, c, QTableWidgetItem(value))
                self.table.resizeColumnsToContents()
                self.table.setVisible(True)
        self.summary.setText("\n".join(lines))

    def choose_identity(self) -> None:
        path = Dialog.open_file(self, self.tr("Clé privée de l'évaluation nationale"),
                                self.tr("Clés age (*.key *.txt);;Tous les fichiers (*)"))
        if path:
            self.inspect(path)
