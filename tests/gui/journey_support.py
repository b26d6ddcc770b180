"""Fixtures and helpers for the journey, notes, cohorts and bin screens' tests."""

from __future__ import annotations

import pytest

from citesdesk.core.db import open_database
from citesdesk.services import records


@pytest.fixture
def ctx(db, qtbot):
    """An application context over the test database: the real task runner, a reader."""
    from citesdesk.gui.context import AppContext
    from citesdesk.gui.dialogs import Dialog
    from citesdesk.gui.tasks import TaskRunner

    runner = TaskRunner(db)
    reader = open_database(db.path, readonly=True)
    Dialog.reset()
    Dialog.headless = True
    context = AppContext(runner=runner, reader=reader, db_path=db.path, lang="fr")
    yield context
    Dialog.reset()
    Dialog.headless = False
    runner.shutdown()
    reader.close()


def wait_ready(qtbot, dialog) -> None:
    """Wait until a dialog has read what it shows (its ``ready`` signal)."""
    if not dialog.is_ready:
        with qtbot.waitSignal(dialog.ready, timeout=5000):
            pass


def person(db, last="Martin", first="Hélène", **kw) -> str:
    return records.create(db, "participant", {"last_name": last, "first_name": first,
                                              **kw})["uuid"]


def cohort(db, name="Cohorte printemps", **kw) -> str:
    return records.create(db, "cohort", {"name": name, **kw})["uuid"]
