"""The quarterly indicator workbook (``citesdesk export quarter``), as ``docs/design/INDICATORS.md``
lays it out: ``Synthèse``, ``Par cohorte``, ``Participants`` (pseudonymised) and
``Définitions``. Every number comes from :mod:`citesdesk.core.indicators`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from citesdesk import __version__
from citesdesk.core import codes
from citesdesk.core import indicator_sql as S
from citesdesk.core import indicators as ind
from citesdesk.core.qpv import describe, list_in_force
from citesdesk.core.quarter import Quarter
from citesdesk.core.site import get_site
from citesdesk.services import Progress, no_progress
from citesdesk.services.export import print_setup
from citesdesk.services.export.output import atomic_file
from citesdesk.services.export.pseudonym import pseudonymiser
from citesdesk.services.export.sheet import Formats, new_workbook, write_table

SUMMARY_HEADERS = ("Code", "Indicateur", "Trimestre", "Cumul")
PARTICIPANT_HEADERS = (
    "Pseudonyme", "Année de naissance", "Genre", "Résident QPV", "Code QPV",
    "Groupe de niveau", "Situation à l'entrée", "Public invisible", "BRSA", "ASS", "AAH",
    "DELD", "Première entrée", "Date de sortie", "Motif de sortie", "Motif de sortie (libellé)",
)
PARTICIPANT_TYPES = ("text", "int", "text", "text", "text", "text", "text", "text", "text",
                     "text", "text", "text", "date", "date", "text", "text")
SHEETS = ("Synthèse", "Par cohorte", "Participants", "Définitions")


@dataclass
class QuarterExport:
    path: Path
    quarter: Quarter
    site: ind.QuarterIndicators
    cohorts: list[ind.QuarterIndicators] = field(default_factory=list)
    participants: int = 0


def site_identity(db) -> tuple[str, str]:
    site = get_site(db)
    return (site["name"], site["site_code"]) if site else ("", "")


def reference(db) -> frozenset[str]:
    """The codes of the QPV list in force."""
    return frozenset(r[0] for r in db.execute("SELECT code FROM qpv"))


def _yes_no(value) -> str:
    return "" if value is None else ("Oui" if value else "Non")


def participant_rows(db, quarter: Quarter) -> list[tuple]:
    """One pseudonymised row per participant active in ``quarter`` (no name, no contact,
    no RQTH); the exit is shown when every enrollment active in the quarter has ended
    by its last day (the latest one)."""
    pseudo = pseudonymiser(db)
    deld = S.in_list(codes.ANCIENNETE_INSCRIPTION.codes_in_group("DELD"))
    sql = f"""WITH {S.ENROLLMENT_CTES},
        act AS (SELECT en.pid, max(en.date_sortie IS NULL OR en.date_sortie > :d1) AS open,
                       max(en.date_sortie) AS last_exit
                FROM en WHERE en.date_entree <= :d1
                  AND (en.date_sortie IS NULL OR en.date_sortie >= :d0) GROUP BY en.pid)
        SELECT pc.uuid, substr(p.birth_date, 1, 4), pc.genre, p.resident_qpv, p.code_qpv,
               pc.level, p.situation_entree, p.connu_spe, p.brsa, p.ass, p.aah,
               p.anciennete_inscription IN {deld}, pc.first_entry,
               CASE WHEN act.open THEN NULL ELSE act.last_exit END,
               CASE WHEN act.open THEN NULL ELSE
                 (SELECT e2.motif_sortie FROM en e2 WHERE e2.pid = act.pid
                  AND e2.date_sortie = act.last_exit ORDER BY e2.id DESC LIMIT 1) END
        FROM act JOIN pc ON pc.pid = act.pid JOIN participant p ON p.id = act.pid"""
    params = {"d0": quarter.d0.isoformat(), "d1": quarter.d1.isoformat()}
    rows = []
    for (uuid, year, genre, qpv, code_qpv, level, situation, connu, brsa, ass, aah, is_deld,
         first, exit_date, motif) in db.execute(sql, params):
        rows.append((
            pseudo(uuid), int(year) if year and year.isdigit() else None, genre,
            _yes_no(qpv), code_qpv or "", level, situation or "NR",
            "" if connu is None else ("Oui" if connu == 0 else "Non"),
            _yes_no(brsa), _yes_no(ass), _yes_no(aah), "Oui" if is_deld else "Non",
            first, exit_date, motif or "", codes.MOTIF_SORTIE.label(motif) if motif else "",
        ))
    rows.sort(key=lambda r: (r[12] or "", r[0]))
    return rows


def export_quarter(db, quarter: Quarter | str, out, *, today: dt.date | None = None,
                   password: str | None = None, progress: Progress = no_progress
                   ) -> QuarterExport:
    """Write the quarterly workbook of ``quarter`` to ``out``; returns what it holds."""
    q = Quarter.parse(quarter)
    progress(0, 4, "Calcul des indicateurs")
    site = ind.compute(db, q)
    per_cohort = ind.compute_cohorts(db, q)
    progress(1, 4, "Participants")
    people = participant_rows(db, q)
    progress(2, 4, "Écriture du classeur")
    name, code = site_identity(db)
    with atomic_file(out, password) as target:
        wb = new_workbook(target)
        fmt = Formats.of(wb)
        page = {"site": f"{name} ({code})" if code else name,
                "period": f"Trimestre {q.label} — {q.period_fr()}"}
        first = _summary(wb, fmt, site, name, code, today or dt.date.today())
        print_setup.setup(wb.get_worksheet_by_name("Synthèse"), title="Synthèse",
                          repeat_rows=(first, first), width=92, **page)
        _by_cohort(wb, fmt, per_cohort)
        print_setup.setup(wb.get_worksheet_by_name("Par cohorte"), title="Par cohorte",
                          repeat_rows=(0, 1), repeat_columns="A:B",
                          width=65 + 24 * len(per_cohort), **page)
        ws = wb.add_worksheet("Participants")
        write_table(ws, fmt, 0, PARTICIPANT_HEADERS, PARTICIPANT_TYPES, people)
        print_setup.setup(ws, title="Participants (pseudonymisés)", repeat_rows=(0, 0),
                          width=200, **page)
        in_force = reference(db)
        unverified = sum(1 for row in people if row[4] and row[4] not in in_force)
        _definitions(wb, fmt, unverified, list_in_force(db))
        print_setup.setup(wb.get_worksheet_by_name("Définitions"), title="Définitions",
                          repeat_rows=(0, 0), width=160, **page)
        wb.close()
        # logged before the file takes its name: if the log cannot be written (full
        # disk), there is no export either
        _audit(db, "export_quarter", {"trimestre": q.label, "fichier": Path(out).name,
                                      "chiffre": bool(password)})
    progress(4, 4, "Terminé")
    return QuarterExport(Path(out), q, site, per_cohort, len(people))


def _audit(db, action: str, changes: dict) -> None:
    if not getattr(db, "readonly", False):
        from citesdesk.core.audit import audit

        with db.atomic():
            audit(db, action, "export", None, changes)


def _summary(wb, fmt: Formats, site: ind.QuarterIndicators, name: str, code: str,
             today: dt.date) -> int:
    """The ``Synthèse`` sheet; returns the row of its table's header."""
    ws = wb.add_worksheet("Synthèse")
    q = site.quarter
    ws.write_string(0, 0, "Indicateurs trimestriels — Cité de l'emploi", fmt.title)
    block = [("Site", name), ("Code du site", code), ("Trimestre", q.label),
             ("Période", q.period_fr()), ("Date de production", today),
             ("Logiciel", f"CitésDesk {__version__}")]
    for i, (label, value) in enumerate(block, start=1):
        ws.write_string(i, 0, label, fmt.bold)
        if isinstance(value, dt.date):
            ws.write_datetime(i, 1, value, fmt.date)
        else:
            ws.write_string(i, 1, value, fmt.quoted if value[:1] in "=+-@\t\r" else None)
    first = len(block) + 2
    rows = [(i.code, i.fr, qv, cv) for i, qv, cv in site.rows()]
    write_table(ws, fmt, first, SUMMARY_HEADERS, ("text", "text", "int", "int"), rows)
    # the rate: a percentage-formatted number (written again over the integer cells)
    for n, (i, qv, cv) in enumerate(site.rows(), start=first + 1):
        if i.is_rate:
            for col, v in ((2, qv), (3, cv)):
                if v is None:
                    ws.write_blank(n, col, None, fmt.percent)
                else:
                    ws.write_number(n, col, v, fmt.percent)
    ws.set_column(1, 1, 62)
    return first


def _by_cohort(wb, fmt: Formats, per_cohort: list[ind.QuarterIndicators]) -> None:
    ws = wb.add_worksheet("Par cohorte")
    codes_ = [i for i in ind.INDICATORS if i.per_cohort]
    headers = ["Code", "Indicateur"] + ["Trimestre", "Cumul"] * len(per_cohort)
    for k, c in enumerate(per_cohort):
        col = 2 + 2 * k
        name = c.cohort.name
        ws.merge_range(0, col, 0, col + 1, name, fmt.quoted if name[:1] in "=+-@\t\r"
                       else fmt.header)
    ws.write_string(0, 0, "Cohorte", fmt.header)
    ws.write_blank(0, 1, None, fmt.header)
    rows = [[i.code, i.fr] + [v for c in per_cohort for v in c.values[i.code]] for i in codes_]
    types = ["text", "text"] + ["int"] * (2 * len(per_cohort))
    write_table(ws, fmt, 1, headers, types, rows)
    ws.freeze_panes(2, 2)
    ws.set_column(1, 1, 55)
    for k, c in enumerate(per_cohort):
        w = max(10, min(30, len(c.cohort.name) // 2 + 2))
        ws.set_column(2 + 2 * k, 3 + 2 * k, w)


def _definitions(wb, fmt: Formats, unverified: int, qpv_list: dict) -> None:
    ws = wb.add_worksheet("Définitions")
    rows = [(i.code, i.fr, i.definition_fr) for i in ind.INDICATORS]
    write_table(ws, fmt, 0, ("Code", "Indicateur", "Définition"), ("text",) * 3, rows)
    # Wrapped text: each row as high as its lines (LibreOffice does not grow them itself).
    for n, (_, label, definition) in enumerate(rows, start=1):
        lines = max(-(-len(label) // 48), -(-len(definition) // 95), 1)
        if lines > 1:
            ws.set_row(n, 15 * lines)
    # What the QPV figures rest on: the list in force, and the codes it does not hold.
    at = len(rows) + 2
    ws.write_string(at, 0, "QPV_LISTE", fmt.bold)
    ws.write_string(at, 1, "Liste des QPV en vigueur")
    ws.write_string(at, 2, describe(qpv_list, "fr"))
    ws.write_string(at + 1, 0, "QPV_NON_VERIFIES", fmt.bold)
    ws.write_string(at + 1, 1, "Participants actifs au code QPV non vérifié")
    ws.write_number(at + 1, 2, unverified, wb.add_format({"align": "left"}))
    ws.set_row(at + 2, 30)
    ws.write_string(at + 2, 2, "Participants actifs du trimestre dont le code QPV, bien "
                    "formé, n'est pas dans la liste en vigueur : ils ne sont pas comptés "
                    "comme résidents d'un QPV tant que le code n'est pas corrigé.")
    wrap = wb.add_format({"text_wrap": True, "valign": "top"})
    ws.set_column(0, 0, 34, wrap)
    ws.set_column(1, 1, 50, wrap)
    ws.set_column(2, 2, 100, wrap)
