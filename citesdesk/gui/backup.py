"""File › Save a copy of the database: an online, checked copy through the task runner;
the status bar then shows the date of the last backup."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from citesdesk.core import settings
from citesdesk.core.files import private_dir
from citesdesk.gui.context import AppContext
from citesdesk.gui.dialogs import Dialog


def write_backup(db, progress, target: str) -> str:
    """Copy the database to ``target`` (checked before it replaces anything); records when."""
    from citesdesk.services import backup

    progress(0, 1, "")
    backup.copy_verified(db, Path(target))
    backup.record_backup(db)
    progress(1, 1, "")
    return target


def save_copy(ctx: AppContext, parent: QWidget | None = None) -> None:
    folder = Path(settings.get(ctx.reader, "backup_folder"))
    name = f"citesdesk-sauvegarde-{dt.date.today().isoformat()}.sqlite"
    path = Dialog.save_file(
        parent, QCoreApplication.translate("Backup", "Sauvegarder une copie de la base"),
        QCoreApplication.translate("Backup", "Bases CitésDesk (*.sqlite)"),
        str(folder / name))
    if not path:
        return
    if Path(path).resolve() == Path(ctx.db_path).resolve():
        Dialog.error(parent, QCoreApplication.translate(
            "Backup", "Choisissez un autre fichier que la base ouverte."))
        return
    private_dir(Path(path).parent)

    def done(target: str) -> None:
        Dialog.info(parent, QCoreApplication.translate(
            "Backup", "Copie écrite et vérifiée : {path}").format(path=target))

    ctx.runner.submit(write_backup, path, on_done=done, atomic=False,
                      progress_title=QCoreApplication.translate(
                          "Backup", "Sauvegarde de la base…"))
