"""Unexpected errors: a plain-language dialog for people, the traceback for the log file.

The traceback never reaches the screen; it is written to a rotating log file in the
user log folder (``platformdirs.user_log_dir``), and the dialog offers to copy the
details (version, time, log file, error) for whoever helps the coordinator.
"""

from __future__ import annotations

import datetime as dt
import logging
import logging.handlers
import platform
import sys
from pathlib import Path

import platformdirs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from citesdesk import __version__
from citesdesk.core import files

APP_NAME = "CitesDesk"
LOG_NAME = "citesdesk.log"
log = logging.getLogger("citesdesk")


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def log_file() -> Path:
    return log_dir() / LOG_NAME


def setup_logging() -> Path:
    """Log to a rotating file (1 MB × 5) in the user log folder; returns its path."""
    path = log_file()
    if any(getattr(h, "_citesdesk", False) for h in log.handlers):
        return path
    try:
        files.private_dir(path.parent)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
        files.make_private(path)  # a traceback may quote personal data
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._citesdesk = True  # type: ignore[attr-defined]
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


class UnexpectedErrorDialog(QDialog):
    """"Something went wrong" in plain words, with a button that copies the details."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = details
        self.setWindowTitle(self.tr("Erreur inattendue"))
        layout = QVBoxLayout(self)
        self.message = QLabel(self.tr(
            "CitésDesk a rencontré une erreur inattendue et n'a pas pu terminer cette "
            "opération. Ce qui était en cours d'enregistrement a été annulé : vos données "
            "déjà enregistrées sont intactes.\n\nVous pouvez continuer à travailler. Si "
            "l'erreur se reproduit, copiez les détails et envoyez-les à la personne qui "
            "vous aide avec CitésDesk."))
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.log_label = QLabel(self.tr("Journal : {path}").format(path=log_file()))
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.log_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copier les détails"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Détails copiés"))


def details_text(exc: BaseException, tb: str) -> str:
    return "\n".join([
        f"CitésDesk {__version__} — Python {platform.python_version()} — {platform.platform()}",
        f"{dt.datetime.now().isoformat(timespec='seconds')}",
        f"Log: {log_file()}",
        "",
        tb.strip() or f"{type(exc).__name__}: {exc}",
    ])


def report_unexpected(exc: BaseException, tb: str, parent: QWidget | None = None) -> None:
    """Log the traceback and show the plain-language dialog (through the dialog seam)."""
    log.error("Unexpected error: %s\n%s", exc, tb)
    from citesdesk.gui.dialogs import Dialog

    Dialog.unexpected(parent, details_text(exc, tb))


def install_excepthook() -> None:
    """Route exceptions escaping Qt slots to the log and the dialog instead of stderr."""
    import traceback

    def hook(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        try:
            report_unexpected(exc, text, QApplication.activeWindow())
        except Exception:  # noqa: BLE001 - last resort: never lose the report
            sys.__excepthook__(exc_type, exc, tb)

    sys.excepthook = hook
