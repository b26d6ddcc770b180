"""The exports as task-runner jobs: ``fn(db, progress, *args)`` (see ``gui/tasks.py``)."""

from __future__ import annotations

from citesdesk.services.export.full import export_workbook
from citesdesk.services.export.quarterly import export_quarter


def export_quarter_task(db, progress, quarter, path, password=None):
    return export_quarter(db, quarter, path, password=password, progress=progress)


def export_workbook_task(db, progress, path, password=None):
    return export_workbook(db, path, password=password, progress=progress)
