"""Spreadsheet exports: the quarterly indicator workbook, the full workbook of all
records, and any list as shown. No Qt here; the window and the command line call these.

- :func:`export_quarter` — ``Synthèse``, ``Par cohorte``, ``Participants``, ``Définitions``
- :func:`export_workbook` — every kind of record, one sheet each (personal data)
- :func:`export_list` — rows and visible columns of a list, to .xlsx or .csv
"""

from citesdesk.services.export.full import WorkbookExport, export_workbook
from citesdesk.services.export.lists import ListColumn, ListExport, export_list
from citesdesk.services.export.quarterly import QuarterExport, export_quarter
from citesdesk.services.export.tasks import export_quarter_task, export_workbook_task

__all__ = [
    "ListColumn", "ListExport", "QuarterExport", "WorkbookExport",
    "export_list", "export_quarter", "export_quarter_task", "export_workbook",
    "export_workbook_task",
]
