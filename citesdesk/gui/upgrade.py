"""A base left by an earlier version, upgraded at start without freezing the screen.

Opening an older base for writing first copies it aside (``NAME.avant-migration-vN-…``)
and then runs every missing step of the schema: seconds on a large site. At start no
window exists yet, so this step runs on a thread of its own
(:func:`citesdesk.gui.reads.in_background`) behind a small window that says what is
happening; the main window opens on the upgraded base afterwards. File › Open does the
same inside the running window (:meth:`citesdesk.gui.app.Application.switch_database`).

The upgrade is not offered a Cancel: each step is its own transaction and the copy aside
is kept, but stopping half-way would leave a base that the next start upgrades again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QVBoxLayout

from citesdesk.core.db import needs_upgrade, open_database
from citesdesk.core.locking import DatabaseInUse
from citesdesk.gui.reads import in_background


class UpgradeWindow(QDialog):
    """« Mise à jour de la base… »: a busy bar, no button; it cannot be closed while the
    upgrade runs (closing it would not stop the work, only hide it)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.setWindowTitle("CitésDesk")
        self.setObjectName("upgrade")
        layout = QVBoxLayout(self)
        self.label = QLabel(self.tr(
            "Mise à jour de la base « {name} » pour cette version de CitésDesk…\n"
            "Une copie de la base d'avant est gardée dans le même dossier.").format(
                name=path.name))
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        bar = QProgressBar()
        bar.setRange(0, 0)  # busy: the steps do not report their progress
        layout.addWidget(bar)
        self.setMinimumWidth(520)

    def reject(self) -> None:  # Escape or the title bar's close: the work goes on
        return


def _upgrade(_db, path: Path) -> None:
    open_database(path).close()


def upgrade_before_window(path: Path) -> bool:
    """Upgrade ``path`` if it was left by an earlier version, off the GUI thread, with the
    event loop turning; whether it was upgraded. A refusal (disk full, a file that turns
    out damaged) is raised here as :func:`open_database` raises it; a base that another
    program holds is left for the caller's opening to report (with its read-only offer)."""
    if not needs_upgrade(path):
        return False
    window = UpgradeWindow(path)
    outcome: dict[str, BaseException | None] = {}
    loop = QEventLoop()

    def finished(error: BaseException | None) -> None:
        outcome["error"] = error
        loop.quit()

    in_background(window, _upgrade, path, on_done=lambda _r: finished(None),
                  on_error=finished)
    window.show()
    if "error" not in outcome:  # not already over
        loop.exec()
    window.hide()
    window.deleteLater()
    error = outcome["error"]
    if isinstance(error, DatabaseInUse):
        return False
    if error is not None:
        raise error
    return True
