"""``citesdesk export quarter|workbook``: the quarterly indicator workbook, the full one."""

from __future__ import annotations

import sys

from citesdesk.core.db import open_database
from citesdesk.core.errors import CitesDeskError
from citesdesk.core.quarter import Quarter


def _progress(enabled: bool):
    def show(done: int, total: int, text: str) -> None:
        if enabled and total:
            print(f"\r{text} … {100 * done // total} %\x1b[K", end="", file=sys.stderr,
                  flush=True)
    return show


def run(args) -> int:
    fr = args.lang != "en"
    tty = sys.stderr.isatty()
    if args.what == "quarter":
        if not args.quarter:
            raise CitesDeskError(
                "Indiquez le trimestre avec --quarter, par exemple --quarter 2026-T3 "
                "(ou 2026Q3).",
                "Give the quarter with --quarter, for example --quarter 2026-T3 (or 2026Q3).")
        quarter = Quarter.parse(args.quarter)  # refused before the database is touched
        db = open_database(args.db)
        try:
            from citesdesk.services.export import export_quarter

            result = export_quarter(db, quarter, args.out, password=args.password,
                                    progress=_progress(tty))
        finally:
            db.close()
        if tty:
            print(file=sys.stderr)
        active = result.site.quarter_value("P_ACTIFS")
        print(f"Classeur du trimestre {quarter.label} écrit : {result.path} "
              f"({active} participants actifs)." if fr else
              f"Workbook of quarter {quarter.label} written: {result.path} "
              f"({active} active participants).")
        return 0
    db = open_database(args.db)
    try:
        from citesdesk.services.export import export_workbook

        result = export_workbook(db, args.out, password=args.password, progress=_progress(tty))
    finally:
        db.close()
    if tty:
        print(file=sys.stderr)
    n = sum(result.counts.values())
    print(f"Classeur complet écrit : {result.path} ({n} enregistrements)." if fr else
          f"Full workbook written: {result.path} ({n} records).")
    if not args.password:
        print("Attention : ce classeur contient des données personnelles ; protégez-le "
              "(--password) avant de le transmettre." if fr else
              "Warning: this workbook holds personal data; protect it (--password) before "
              "sending it.", file=sys.stderr)
    return 0
