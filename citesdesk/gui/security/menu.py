"""File › Sécurité… and File › Restaurer une sauvegarde…: the window's entry points."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction


def install_menu(window) -> None:
    """Add the two items to the window's File menu, after "Save a copy"."""
    menu = window.file_menu
    anchor = getattr(window, "backup_action", None)
    after = None
    if anchor is not None:
        actions = menu.actions()
        i = actions.index(anchor)
        after = actions[i + 1] if i + 1 < len(actions) else None
    window.restore_action = QAction(
        QCoreApplication.translate("SecurityMenu", "&Restaurer une sauvegarde…"), window)
    restore = window.restore_action  # the slots hold the action, not the window (no cycle)
    restore.triggered.connect(lambda: show_restore(restore.parent()))
    window.security_action = QAction(
        QCoreApplication.translate("SecurityMenu", "Sé&curité et chiffrement…"), window)
    security = window.security_action
    security.triggered.connect(lambda: show_security(security.parent()))
    for action in (window.restore_action, window.security_action):
        menu.insertAction(after, action) if after is not None else menu.addAction(action)


def show_restore(window):
    from citesdesk.gui.security.restore import RestoreDialog

    dialog = RestoreDialog(window.ctx, window)
    dialog.open()
    return dialog


def show_security(window):
    from citesdesk.gui.security.dialog import SecurityDialog

    dialog = SecurityDialog(window.ctx, window)
    dialog.open()
    return dialog
