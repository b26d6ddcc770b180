"""``citesdesk import`` and ``citesdesk import-template`` (see ``docs/import.md``)."""

from __future__ import annotations

import sys

from citesdesk.cli.common import (
    JSON_HELP,
    input_file,
    number,
    output_file,
    print_json,
    reading,
    writing,
)
from citesdesk.core.db import open_database

ORDER = 20
KINDS = ("participants", "partners", "events", "qpv")


def register(cli) -> None:
    p = cli.command("import", __name__, ("importer un tableur (.xlsx, .xls, .ods, .csv)",
                                         "import a spreadsheet (.xlsx, .xls, .ods, .csv)"),
                    db=True)
    p.add_argument("kind", choices=KINDS, metavar=cli.text(("SORTE", "KIND")), help=(
        "ce que contient le fichier : participants, partners (partenaires), events "
        "(étapes de parcours) ou qpv (liste officielle des QPV)",
        "what the file holds: participants, partners, events (journey steps) or qpv "
        "(official list of QPVs)"))
    p.add_argument("file", metavar=cli.text(("FICHIER", "FILE")), help=(
        "le tableur à importer", "the spreadsheet to import"))
    p.add_argument("--sheet", metavar=cli.text(("FEUILLE", "SHEET")), help=(
        "feuille à lire (la première par défaut)", "sheet to read (the first by default)"))
    p.add_argument("--mapping", metavar="MAP.json", help=(
        "correspondance des colonnes enregistrée (JSON)", "saved column mapping (JSON)"))
    p.add_argument("--on-duplicate", choices=["skip", "update", "create"], default="skip",
                   help=("que faire d'un doublon : skip (l'ignorer, par défaut), update (le "
                         "mettre à jour) ou create (créer quand même)",
                         "what to do with a duplicate: skip (default), update or create "
                         "(create anyway)"))
    p.add_argument("--dry-run", action="store_true", help=(
        "compter et vérifier sans rien écrire (la base est ouverte en lecture seule)",
        "count and check without writing anything (the database is opened read-only)"))
    p.add_argument("--valid-only", action="store_true", help=(
        "importer les lignes valides et lister les autres",
        "import the valid rows and list the others"))
    p.add_argument("--report", metavar=cli.text(("RAPPORT.xlsx", "REPORT.xlsx")), help=(
        "écrire le rapport des erreurs (feuille, ligne, colonne, motif)",
        "write the error report (sheet, row, column, reason)"))
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = cli.command("import-template", __name__, (
        "écrire un classeur modèle avec les en-têtes attendus",
        "write a template workbook with the expected headers"))
    p.add_argument("kind", choices=KINDS[:3], metavar=cli.text(("SORTE", "KIND")), help=(
        "participants, partners (partenaires) ou events (étapes de parcours)",
        "participants, partners or events (journey steps)"))
    p.add_argument("--out", required=True, metavar=cli.text(("FICHIER.xlsx", "FILE.xlsx")),
                   help=("classeur modèle à écrire", "template workbook to write"))
    p.add_argument("--json", action="store_true", help=JSON_HELP)


def _progress(enabled: bool, label: str):
    if not enabled:
        return lambda done, total, text="": None

    def show(done: int, total: int, text: str = "") -> None:
        print(f"\r{label} {done}/{total}", end="" if done < total else "\n", file=sys.stderr)

    return show


def _run_template(args) -> int:
    from citesdesk.services.importer import write_template

    path = output_file("--out", args.out, "xlsx")
    with writing(path) as tmp:
        write_template(args.kind, tmp)
    if args.json:
        print_json({"path": str(path), "kind": args.kind})
        return 0
    print(("Template written: " if args.lang == "en" else "Modèle écrit : ") + str(path))
    return 0


_STATUS_FR = {"create": "à créer", "update": "à mettre à jour", "skip": "ignorée",
              "error": "erreur"}


def _print_plan(plan, lang: str) -> None:
    en = lang == "en"
    c = {k: number(v, lang) for k, v in plan.counts().items()}
    t = plan.table
    # The summary is the result (stdout); what is wrong with rows goes to stderr.
    print(f"{t.where(lang)} — header row {t.header_row}, {c['rows']} rows" if en else
           f"{t.where(lang)} — en-têtes ligne {t.header_row}, {c['rows']} lignes")
    print((f"to create {c['create']}, to update {c['update']}, skipped {c['skip']}, "
           f"errors {c['error']}, warnings {c['warning']}") if en else
          (f"à créer {c['create']}, à mettre à jour {c['update']}, ignorées {c['skip']}, "
           f"en erreur {c['error']}, avec avertissement {c['warning']}"))
    for name in plan.new_cohorts:
        print(f"new cohort: {name}" if en else f"cohorte créée : {name}")
    for fr, en_text in plan.notices:
        print(en_text if en else fr, file=sys.stderr)
    for r in plan.rows:
        if r.issues or r.duplicate:
            label = r.status if en else _STATUS_FR.get(r.status, r.status)
            print(f"  [{label}] " + r.reason(lang), file=sys.stderr)


def run(args) -> int:
    if args._command == "import-template":
        return _run_template(args)
    input_file("FICHIER", args.file, "le tableur à importer (.xlsx, .xls, .ods ou .csv)",
               "the spreadsheet to import (.xlsx, .xls, .ods or .csv)")
    if args.mapping:
        input_file("--mapping", args.mapping, "le fichier de correspondance (.json)",
                   "the mapping file (.json)")
    if args.report:
        output_file("--report", args.report, "xlsx")
    if args.dry_run:  # read-only: nothing written, nothing left beside the database
        with reading(args.db) as db:
            return _import(args, db)
    db = open_database(args.db)
    try:
        return _import(args, db)
    finally:
        db.close()


def _import(args, db) -> int:
    from citesdesk.services import importer

    lang = args.lang
    mapping_file = importer.load_mapping_file(args.mapping) if args.mapping else None
    sheet = args.sheet or (mapping_file or {}).get("sheet")
    table = importer.load_table(args.file, args.kind, sheet=sheet,
                                header_row=(mapping_file or {}).get("header_row"))
    if mapping_file:
        mapping = importer.mapping_from_names(args.kind, table.headers,
                                              mapping_file["columns"], args.mapping)
        if not mapping_file.get("only_listed", False):
            auto = importer.auto_mapping(args.kind, table.headers)
            used = {k for k in mapping.values() if k}
            for i, key in auto.items():
                if key and mapping.get(i) is None and key not in used \
                        and table.headers[i] not in mapping_file["columns"]:
                    mapping[i] = key
                    used.add(key)
    else:
        mapping, _ = importer.suggest_mapping(db, table)
    tty = sys.stderr.isatty()
    plan = importer.analyse(db, table, mapping, on_duplicate=args.on_duplicate,
                            progress=_progress(tty, "Vérification" if lang == "fr"
                                               else "Checking"))
    if args.report:
        with writing(output_file("--report", args.report, "xlsx")) as tmp:
            importer.write_report(plan, tmp, lang)
    if not args.json:
        _print_plan(plan, lang)
    if args.dry_run:
        if args.json:
            print_json({"dry_run": True, **plan.summary()})
        return 1 if plan.errors and not args.valid_only else 0
    result = importer.commit(db, plan, valid_only=args.valid_only,
                             progress=_progress(tty, "Import"))
    if result.get("rechecked"):  # another program imported meanwhile: checked again
        print(importer.RECHECKED[1 if lang == "en" else 0], file=sys.stderr)
    if args.json:
        print_json({"dry_run": False, **plan.summary(), **result})
        return 0
    c = {k: number(v, lang) if isinstance(v, int) else v for k, v in result["counts"].items()}
    print((f"Imported: created {c['created']}, updated {c['updated']}, skipped "
           f"{c['skipped']}, invalid rows left out {c['invalid']} (import "
           f"{result['import_id']})") if lang == "en" else
          (f"Importé : {c['created']} créé(s), {c['updated']} mis à jour, "
           f"{c['skipped']} ignoré(s), {c['invalid']} ligne(s) invalide(s) écartée(s) "
           f"(import {result['import_id']})"))
    return 0
