"""Operations say what they changed: the runner reports the tables a task wrote, read
from the database itself, so that screens refresh without hand-written change sets."""

from __future__ import annotations

from citesdesk.core import changes
from citesdesk.services import Cancelled, records
from tests.gui.waiting import tasks_finished


def test_the_database_tells_which_tables_were_written(db):
    changes.track(db)
    assert changes.take(db) == frozenset()
    with db.atomic():
        records.create(db, "partner", {"name": "Mission locale", "type": "MISSION_LOCALE"})
    assert changes.take(db) == {"partner", "audit_log"}
    assert changes.take(db) == frozenset()  # forgotten once taken


def test_a_rolled_back_write_reports_nothing(db):
    changes.track(db)
    try:
        with db.atomic():
            records.create(db, "partner", {"name": "Cap emploi", "type": "CAP_EMPLOI"})
            raise RuntimeError
    except RuntimeError:
        pass
    assert changes.take(db) == frozenset()


def test_the_runner_announces_what_a_task_wrote(app_ctx, qtbot):
    seen: list[set] = []
    app_ctx.runner.changed.connect(seen.append)

    def add_person(db, progress):
        return records.create(db, "participant", {"last_name": "Benali", "first_name": "Yanis"})

    with tasks_finished(qtbot, app_ctx.runner):
        app_ctx.runner.submit(add_person)  # no change set given by the caller
    assert seen and {"participant", "audit_log"} <= seen[-1]

    def cancelled(db, progress):
        records.create(db, "participant", {"last_name": "Martin", "first_name": "Léa"})
        raise Cancelled()

    seen.clear()
    with tasks_finished(qtbot, app_ctx.runner):
        app_ctx.runner.submit(cancelled)
    assert seen == []  # rolled back: nothing changed, no screen reloads
