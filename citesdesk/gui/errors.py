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
from PySide6.QtWidgets import QApplication, QWidget

from citesdesk import __version__
from citesdesk.core import files
from citesdesk.gui.dialogs import Dialog

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
    Dialog.unexpected(parent, details_text(exc, tb), log_file())


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
