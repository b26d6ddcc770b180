"""``citesdesk export quarter|workbook``: the quarterly indicator workbook, the full one."""

from __future__ import annotations

import datetime as dt
import sys

from citesdesk.cli.common import (
    JSON_HELP,
    Refusal,
    note,
    number,
    output_file,
    print_json,
    usage_error,
)
from citesdesk.core.db import open_database
from citesdesk.core.quarter import Quarter
from citesdesk.core.text import date_text

ORDER = 30


def register(cli) -> None:
    p = cli.command("export", __name__, (
        "exporter un classeur : le trimestre des indicateurs, ou toutes les données",
        "export a workbook: the quarter's indicators, or all the data"), db=True)
    p.add_argument("what", choices=["quarter", "workbook"], metavar=cli.text(
        ("QUOI", "WHAT")), help=(
        "quarter : le classeur trimestriel des indicateurs ; workbook : toutes les données "
        "du site",
        "quarter: the quarterly indicator workbook; workbook: all the site's data"))
    p.add_argument("--quarter", metavar="AAAA-Tn" if cli.lang != "en" else "YYYY-Tn", help=(
        "trimestre commencé, par exemple 2026-T3 (avec quarter seulement)",
        "a quarter that has started, for example 2026-T3 (with quarter only)"))
    p.add_argument("--out", required=True, metavar=cli.text(("FICHIER.xlsx", "FILE.xlsx")),
                   help=("classeur à écrire (.xlsx)", "workbook to write (.xlsx)"))
    p.add_argument("--password", metavar=cli.text(("MDP", "PASSWORD")), help=(
        "protéger le classeur par un mot de passe", "protect the workbook with a password"))
    p.add_argument("--json", action="store_true", help=JSON_HELP)


def _progress(enabled: bool):
    def show(done: int, total: int, text: str) -> None:
        if enabled and total:
            print(f"\r{text} … {100 * done // total} %\x1b[K", end="", file=sys.stderr,
                  flush=True)
    return show


def _started(quarter: Quarter, today: dt.date) -> Quarter:
    if quarter.d0 > today:
        raise Refusal(
            f"Le trimestre {quarter.label} (--quarter) n'a pas commencé : il débute le "
            f"{date_text(quarter.d0, 'fr')}. Choisissez un trimestre commencé, par exemple "
            f"{Quarter.last_finished(today).label} (rien n'a été écrit).",
            f"The quarter {quarter.label} (--quarter) has not started: it begins on "
            f"{date_text(quarter.d0, 'en')}. Choose a quarter that has started, for example "
            f"{Quarter.last_finished(today).label} (nothing was written).")
    return quarter


def run(args) -> int:
    en = args.lang == "en"
    if args.what == "workbook" and args.quarter:
        return usage_error(
            args, "la commande export workbook écrit toutes les données, sans trimestre : "
            "retirez --quarter, ou demandez export quarter",
            "the command export workbook writes all the data, with no quarter: remove "
            "--quarter, or ask for export quarter")
    if args.what == "quarter" and not args.quarter:
        return usage_error(
            args, "indiquez le trimestre avec --quarter, par exemple --quarter 2026-T3 "
            "(ou 2026Q3)",
            "give the quarter with --quarter, for example --quarter 2026-T3 (or 2026Q3)")
    quarter = (_started(Quarter.parse(args.quarter), dt.date.today())
               if args.what == "quarter" else None)  # refused before the database is touched
    out = output_file("--out", args.out, "xlsx")
    tty = sys.stderr.isatty()
    db = open_database(args.db)
    try:
        from citesdesk.services.export import export_quarter, export_workbook

        if quarter is not None:
            result = export_quarter(db, quarter, out, password=args.password,
                                    progress=_progress(tty))
        else:
            result = export_workbook(db, out, password=args.password, progress=_progress(tty))
    finally:
        db.close()
    if tty:
        print(file=sys.stderr)
    if quarter is not None:
        active = result.site.quarter_value("P_ACTIFS")
        if args.json:
            print_json({"path": str(result.path), "quarter": quarter.label,
                        "active_participants": active, "encrypted": bool(args.password)})
            return 0
        n = number(active, args.lang)
        print(f"Workbook of quarter {quarter.label} written: {result.path} "
              f"({n} active participants)." if en else
              f"Classeur du trimestre {quarter.label} écrit : {result.path} "
              f"({n} participants actifs).")
        return 0
    total = sum(result.counts.values())
    if args.json:
        print_json({"path": str(result.path), "records": total, "counts": result.counts,
                    "encrypted": bool(args.password)})
    else:
        n = number(total, args.lang)
        print(f"Full workbook written: {result.path} ({n} records)." if en else
              f"Classeur complet écrit : {result.path} ({n} enregistrements).")
    if not args.password:
        note(args, "Attention : ce classeur contient des données personnelles ; protégez-le "
             "(--password) avant de le transmettre.",
             "Warning: this workbook holds personal data; protect it (--password) before "
             "sending it.")
    return 0
