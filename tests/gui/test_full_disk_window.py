"""In the window, a full disk during a task is one sentence, not "Erreur inattendue", and
the task's writes are rolled back."""

from __future__ import annotations

import errno
import sqlite3

from citesdesk.gui.dialogs import Dialog
from citesdesk.services import records
from tests.gui.waiting import tasks_finished


def _fill(db, progress, exc):
    records.create(db, "participant", {"last_name": "Perdu", "first_name": "Test"})
    raise exc


def test_a_full_disk_in_a_task_is_one_sentence(gui, qtbot):
    for exc in (sqlite3.OperationalError("database or disk is full"),
                OSError(errno.ENOSPC, "No space left on device", "/media/usb/c.xlsx")):
        Dialog.reset()
        with tasks_finished(qtbot, gui.runner):
            gui.runner.submit(_fill, exc)
        [(kind, _title, text)] = Dialog.shown
        assert kind == "error" and text.startswith("Le disque est plein : impossible d'écrire")
        assert "Rien n'a été modifié ni perdu" in text
        assert ("/media/usb/c.xlsx" in text) == isinstance(exc, OSError)
    assert gui.reader.execute("SELECT count(*) FROM participant").fetchone()[0] == 0
