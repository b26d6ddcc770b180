"""Spreadsheet import (no Qt): read, find the table, map the columns, dry run, commit,
undo, error report, templates. See ``docs/import.md``.

Typical use::

    table = load_table(path, "participants")
    mapping, source = suggest_mapping(db, table)
    plan = analyse(db, table, mapping, on_duplicate="skip")   # the dry run
    result = commit(db, plan)                                  # all or nothing
    undo(db, result["import_id"])
"""

from __future__ import annotations

from citesdesk.services.importer.analyse import analyse, check_mapping
from citesdesk.services.importer.columns import COLUMNS, KINDS_EN, KINDS_FR, column
from citesdesk.services.importer.commit import RECHECKED, commit
from citesdesk.services.importer.history import history, undo
from citesdesk.services.importer.mapping import (
    auto_mapping,
    column_letter,
    find_profile,
    list_profiles,
    load_mapping_file,
    mapping_from_names,
    mapping_to_names,
    save_profile,
)
from citesdesk.services.importer.plan import Duplicate, ImportPlan, Issue, RowResult
from citesdesk.services.importer.reader import MAX_ROWS
from citesdesk.services.importer.report import write_report
from citesdesk.services.importer.table import Table, load_table, sheet_names
from citesdesk.services.importer.templates import write_template

__all__ = [
    "COLUMNS", "KINDS_EN", "RECHECKED", "KINDS_FR", "MAX_ROWS", "Duplicate", "ImportPlan", "Issue",
    "RowResult", "Table", "analyse", "auto_mapping", "check_mapping", "column",
    "column_letter", "commit", "find_profile", "history", "list_profiles",
    "load_mapping_file", "load_table", "mapping_from_names", "mapping_to_names",
    "save_profile", "sheet_names", "suggest_mapping", "undo", "write_report",
    "write_template",
]


def suggest_mapping(db, table: Table) -> tuple[dict[int, str | None], str]:
    """The mapping to offer: a saved profile for the same headers, else the automatic one.

    Returns ``(mapping, source)`` where source is ``"profile:NAME"`` or ``"auto"``.
    """
    if db is not None:
        profile = find_profile(db, table.kind, table.headers)
        if profile:
            return profile["mapping"], "profile:" + profile["name"]
    return auto_mapping(table.kind, table.headers), "auto"
