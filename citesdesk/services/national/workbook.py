"""``national.xlsx``: indicators per site and quarter, national totals, loaded bundles.

National totals add the sites' values for each quarter and code (over the sites whose
bundle covers that quarter); the rate ``TX_SORTIES_DYNAMIQUES`` is recomputed from the
summed ``S_DYNAMIQUES`` and ``S_SORTIES``, never added.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import xlsxwriter

from citesdesk.core.files import Work, private_output
from citesdesk.core.indicator_defs import BY_CODE, CODES

RATE = "TX_SORTIES_DYNAMIQUES"
_ORDER = {c: i for i, c in enumerate(CODES)}


def national_totals(db) -> list[tuple]:
    """``(trimestre, code, valeur, cumul, sites)`` summed over sites, in code order."""
    sums: dict = defaultdict(lambda: [0.0, 0.0, 0])
    for q, code, tv, cv in db.execute(
            "SELECT trimestre, code, trimestre_valeur, cumul_valeur FROM indicateurs"):
        s = sums[(q, code)]
        s[0] += tv or 0
        s[1] += cv or 0
        s[2] += 1
    out = []
    for (q, code), (tv, cv, n) in sums.items():
        if code == RATE:
            dyn, exits = sums.get((q, "S_DYNAMIQUES")), sums.get((q, "S_SORTIES"))
            tv = dyn[0] / exits[0] if dyn and exits and exits[0] else None
            cv = dyn[1] / exits[1] if dyn and exits and exits[1] else None
        else:
            tv, cv = int(tv) if float(tv).is_integer() else tv, \
                int(cv) if float(cv).is_integer() else cv
        out.append((q, code, tv, cv, n))
    out.sort(key=lambda r: (r[0], _ORDER.get(r[1], 999), r[1]))
    return out


def _label(code: str) -> str:
    ind = BY_CODE.get(code)
    return ind.fr if ind else code


def write_workbook(db, path: str | Path) -> Path:
    path = Path(path)
    with private_output(path) as work:
        _write_workbook(db, work)
    return path


def _write_workbook(db, work: Work) -> None:
    wb = xlsxwriter.Workbook(str(work.file), {"constant_memory": True, "tmpdir": str(work.dir),
                                              "strings_to_formulas": False,
                                              "strings_to_urls": False})
    head = wb.add_format({"bold": True, "bg_color": "#DDE4EE", "border": 1})
    pct = wb.add_format({"num_format": "0.0%"})

    def sheet(name: str, headers: list[str], widths: list[int], rows, rate_cols=()) -> None:
        ws = wb.add_worksheet(name)
        for c, (h, w) in enumerate(zip(headers, widths, strict=True)):
            ws.write_string(0, c, h, head)
            ws.set_column(c, c, w)
        ws.freeze_panes(1, 0)
        n = 0
        for n, row in enumerate(rows, start=1):
            code = row[rate_cols[0]] if rate_cols else None
            for c, v in enumerate(row):
                if v is None:
                    continue
                if isinstance(v, int | float):
                    fmt = pct if code == RATE and c in rate_cols[1:] else None
                    ws.write_number(n, c, v, fmt)
                else:
                    ws.write_string(n, c, str(v))
        ws.autofilter(0, 0, max(n, 1), len(headers) - 1)

    names = dict(db.execute("SELECT code_site, nom FROM site").fetchall())
    per_site = (
        (site, names.get(site, ""), q, code, _label(code), tv, cv)
        for site, q, code, tv, cv in sorted(
            db.execute("SELECT code_site, trimestre, code, trimestre_valeur, cumul_valeur "
                       "FROM indicateurs").fetchall(),
            key=lambda r: (r[0], r[1], _ORDER.get(r[2], 999))))
    sheet("Par site", ["Code site", "Site", "Trimestre", "Code", "Indicateur",
                       "Valeur du trimestre", "Cumul"], [12, 30, 10, 28, 50, 18, 12],
          per_site, rate_cols=(3, 5, 6))
    sheet("Totaux nationaux", ["Trimestre", "Code", "Indicateur", "Valeur du trimestre",
                               "Cumul", "Sites"], [10, 28, 50, 18, 12, 8],
          ((q, code, _label(code), tv, cv, n) for q, code, tv, cv, n in national_totals(db)),
          rate_cols=(1, 3, 4))
    sites = db.execute(
        "SELECT b.code_site, s.nom, s.departement, b.sequence, b.created_at, b.loaded_at, "
        "b.quarters, b.file_name FROM bundle b LEFT JOIN site s ON s.code_site = b.code_site "
        "ORDER BY b.code_site").fetchall()
    sheet("Lots chargés", ["Code site", "Site", "Département", "Lot n°", "Créé le (UTC)",
                           "Chargé le (UTC)", "Trimestres", "Fichier"],
          [12, 30, 12, 8, 22, 22, 40, 30],
          ((*r[:6], (r[6].split("|")[0] + " à " + r[6].split("|")[-1]) if r[6] else "", r[7])
           for r in sites))
    wb.close()
