"""The error report: the input rows with a column of errors, bad cells highlighted, and a
summary sheet."""

from __future__ import annotations

import datetime as dt
import errno
from pathlib import Path

import xlsxwriter
import xlsxwriter.exceptions

from citesdesk.core.files import Work, private_output
from citesdesk.core.safe_text import xml_safe
from citesdesk.services.importer.columns import KINDS_EN, KINDS_FR
from citesdesk.services.importer.mapping import letter_index
from citesdesk.services.importer.plan import ImportPlan

STATUS = {"create": ("à créer", "to create"), "update": ("à mettre à jour", "to update"),
          "skip": ("ignorée", "skipped"), "error": ("en erreur", "error")}


def _cell(value):
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    return xml_safe(value) if isinstance(value, str) else value  # as read: may hold U+FFFE


def write_report(plan: ImportPlan, path: str | Path, lang: str = "fr") -> Path:
    """The report, written whole or not at all, readable by its owner only."""
    path = Path(path)
    with private_output(path) as work:
        _write_report(plan, work, lang)
    return path


def _write_report(plan: ImportPlan, work: Work, lang: str) -> None:
    path = work.target
    en = lang == "en"
    t = plan.table
    wb = xlsxwriter.Workbook(str(work.file), {"tmpdir": str(work.dir),
                                              "strings_to_numbers": False,
                                              "strings_to_formulas": False})
    bold = wb.add_format({"bold": True, "bg_color": "#DDE4EE", "border": 1})
    red = wb.add_format({"bg_color": "#F4B6B6"})
    orange = wb.add_format({"bg_color": "#FCE4B6"})
    wrap = wb.add_format({"text_wrap": True, "valign": "top"})
    rows_ws = wb.add_worksheet("Rows" if en else "Lignes")
    summary = wb.add_worksheet("Summary" if en else "Résumé")
    headers = list(t.headers) + (["Row", "Status", "Errors and warnings"] if en
                                 else ["Ligne", "Statut", "Erreurs et avertissements"])
    for c, h in enumerate(headers):
        rows_ws.write_string(0, c, xml_safe(h or ""), bold)
    base = len(t.headers)
    raw_by_row = dict(t.rows)
    for n, result in enumerate(plan.rows, 1):
        raw = raw_by_row.get(result.row, [])
        marks = {}
        for issue in result.issues:
            i = letter_index(issue.column) if issue.column else None
            if i is not None and (marks.get(i) is not red):
                marks[i] = red if issue.severity == "error" else orange
        for c, value in enumerate(raw[:base]):
            value = _cell(value)
            fmt = marks.get(c)
            if value in (None, ""):
                if fmt:
                    rows_ws.write_blank(n, c, None, fmt)
            elif isinstance(value, str):
                rows_ws.write_string(n, c, value, fmt)
            else:
                rows_ws.write(n, c, value, fmt)
        rows_ws.write_number(n, base, result.row)
        rows_ws.write_string(n, base + 1, STATUS[result.status][1 if en else 0])
        reason = "\n".join(i.text(lang) for i in result.issues)
        if result.duplicate:
            reason = "\n".join(p for p in (reason, result.duplicate.text(lang)) if p)
        rows_ws.write_string(n, base + 2, xml_safe(reason), wrap)
    rows_ws.freeze_panes(1, 0)
    rows_ws.autofilter(0, 0, len(plan.rows), len(headers) - 1)
    rows_ws.set_column(base + 2, base + 2, 80)
    counts = plan.counts()
    what = KINDS_EN if en else KINDS_FR
    lines = [
        ("File" if en else "Fichier", t.file_name),
        ("Sheet" if en else "Feuille", t.sheet),
        ("SHA-256", t.sha256),
        ("Import of" if en else "Import de", what[plan.kind]),
        ("Header row" if en else "Ligne d'en-têtes", t.header_row),
        ("Report written" if en else "Rapport écrit le",
         dt.datetime.now().strftime("%d/%m/%Y %H:%M")),
        ("Rows read" if en else "Lignes lues", counts["rows"]),
        ("To create" if en else "À créer", counts["create"]),
        ("To update" if en else "À mettre à jour", counts["update"]),
        ("Skipped" if en else "Ignorées", counts["skip"]),
        ("With errors" if en else "En erreur", counts["error"]),
        ("With warnings" if en else "Avec avertissements", counts["warning"]),
    ]
    if plan.new_cohorts:
        lines.append(("New cohorts" if en else "Cohortes créées", ", ".join(plan.new_cohorts)))
    for fr_text, en_text in plan.notices:
        lines.append(("Note" if en else "Remarque", en_text if en else fr_text))
    for r, (label, value) in enumerate(lines):
        summary.write_string(r, 0, label, bold)
        summary.write(r, 1, _cell(value))
    summary.set_column(0, 0, 24)
    summary.set_column(1, 1, 70)
    _close(wb, path)


def _close(wb, path: Path) -> None:
    from citesdesk.core.errors import CitesDeskError

    try:
        wb.close()
    except (xlsxwriter.exceptions.FileCreateError, OSError) as exc:
        from citesdesk.core.oserrors import os_error_message

        cause = exc if isinstance(exc, OSError) else getattr(exc, "__context__", None)
        if not isinstance(cause, OSError):
            cause = OSError(errno.EACCES, "", str(path))
        raise CitesDeskError(*os_error_message(
            OSError(cause.errno, "", str(path)))) from None
