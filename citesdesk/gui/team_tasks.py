"""The Équipe screen's work, run by the database worker (no widgets here), and the small
"conflicts waiting" link the dashboard's « À faire » shows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from citesdesk.gui.forms import lang_of, number_text


def load(db, progress) -> dict:
    """My key (created on first use), the colleagues, the conflicts, the shared folder."""
    from citesdesk.core import settings
    from citesdesk.services import team

    me = team.my_key(db)
    folder, minutes = team.shared_folder(db)
    return {"me": me, "members": team.members(db),
            "conflicts": team.conflicts(db, lang=settings.get(db, "language")),
            "shared": folder, "minutes": minutes,
            "moved": bool(getattr(db, "moved", False))}


def save_key(db, progress, path):
    from citesdesk.services import team

    return team.write_public_key(db, path)


def read_key(db, progress, path):
    from citesdesk.services import team

    return team.read_public_key(path)


def add_key(db, progress, path, name):
    from citesdesk.services import team

    return team.add_member(db, team.read_public_key(path), name)


def export(db, progress, folder):
    from citesdesk.services import team

    return team.export(db, folder)


def merge(db, progress, path, confirm):
    from citesdesk.services import team

    return team.merge(db, path, confirm_site=confirm, progress=progress)


def keep(db, progress, key, side):
    from citesdesk.services import team

    return team.keep(db, key, side)


def copy(db, progress, path, name):
    from citesdesk.services import team

    return team.copy_for_colleague(db, path, name)


def set_shared(db, progress, folder, minutes):
    from citesdesk.services import team

    team.set_shared_folder(db, folder, minutes)


def sync_shared(db, progress) -> dict:
    from citesdesk.services import team

    return team.sync_shared_folder(db)


def waiting(db) -> int:
    from citesdesk.services import team

    try:
        return team.waiting_count(db)
    except Exception:  # noqa: BLE001 - a database without the team tables: nothing waits
        return 0


class ConflictCount(QPushButton):
    """« Conflits d'équipe à examiner : n » — opens the Équipe screen."""

    open_team = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFlat(True)
        self.setObjectName("team_conflicts")
        self.clicked.connect(self.open_team.emit)
        self.set_count(0)

    def set_count(self, n: int) -> None:
        self.setText(self.tr("Conflits d'équipe à examiner : {n}").format(
            n=number_text(n, lang_of())))
        self.setVisible(n > 0)


def install_menu(window) -> None:
    """File menu: « Intégrer un fichier d'équipe… » (shows the Équipe screen, then asks
    for the file); a team file dropped on the window is merged the same way."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QAction

    action = QAction(QCoreApplication.translate("TeamMenu", "Intégrer un fichier d'é&quipe…"),
                     window)

    def run() -> None:
        screen = window.show_screen("team")
        if screen is not None:
            screen.choose_and_merge()
    action.triggered.connect(run)
    menu = window.file_menu
    actions = menu.actions()
    menu.insertAction(actions[2] if len(actions) > 2 else None, action)
    install_drops(window)  # a .citesequipe dropped anywhere on the window is merged


def _paths(event) -> list[str]:
    """The team files (``.citesequipe``) a drag carries."""
    data = event.mimeData()
    if not data.hasUrls():
        return []
    return [u.toLocalFile() for u in data.urls()
            if u.toLocalFile().lower().endswith(".citesequipe")]


class Drops(QObject):
    """Event filter of the main window: a ``.citesequipe`` dropped anywhere is merged."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and _paths(event):
            event.acceptProposedAction()
            return True
        if kind == QEvent.Type.Drop and _paths(event):
            event.acceptProposedAction()
            from citesdesk.gui.team_open import merge_files

            merge_files(self.window, _paths(event))
            return True
        return False


def install_drops(window) -> Drops:
    window.setAcceptDrops(True)
    drops = Drops(window)
    window.installEventFilter(drops)
    window._team_drops = drops  # kept with the window
    return drops
