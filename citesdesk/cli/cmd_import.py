"""``citesdesk import`` and ``citesdesk import-template`` (see ``docs/import.md``)."""

from __future__ import annotations

import json
import sys

from citesdesk.core.db import open_database


def _progress(enabled: bool, label: str):
    if not enabled:
        return lambda done, total, text="": None

    def show(done: int, total: int, text: str = "") -> None:
        print(f"\r{label} {done}/{total}", end="" if done < total else "\n", file=sys.stderr)

    return show


def _run_template(args) -> int:
    from citesdesk.services.importer import write_template

    path = write_template(args.kind, args.out)
    print(("Template written: " if args.lang == "en" else "Modèle écrit : ") + str(path),
          file=sys.stderr)
    return 0


_STATUS_FR = {"create": "à créer", "update": "à mettre à jour", "skip": "ignorée",
              "error": "erreur"}


def _print_plan(plan, lang: str) -> None:
    en = lang == "en"
    c = plan.counts()
    t = plan.table
    print((f"{t.where(lang)} — header row {t.header_row}, {c['rows']} rows" if en else
           f"{t.where(lang)} — en-têtes ligne {t.header_row}, {c['rows']} lignes"),
          file=sys.stderr)
    print((f"to create {c['create']}, to update {c['update']}, skipped {c['skip']}, "
           f"errors {c['error']}, warnings {c['warning']}") if en else
          (f"à créer {c['create']}, à mettre à jour {c['update']}, ignorées {c['skip']}, "
           f"en erreur {c['error']}, avec avertissement {c['warning']}"), file=sys.stderr)
    for name in plan.new_cohorts:
        print((f"new cohort: {name}" if en else f"cohorte créée : {name}"), file=sys.stderr)
    for fr, en_text in plan.notices:
        print(en_text if en else fr, file=sys.stderr)
    for r in plan.rows:
        if r.issues or r.duplicate:
            label = r.status if en else _STATUS_FR.get(r.status, r.status)
            print(f"  [{label}] " + r.reason(lang), file=sys.stderr)


def run(args) -> int:
    if args._command == "import-template":
        return _run_template(args)
    from citesdesk.services import importer

    lang = args.lang
    db = open_database(args.db)
    try:
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
            importer.write_report(plan, args.report, lang)
        if not args.json:
            _print_plan(plan, lang)
        if args.dry_run:
            if args.json:
                print(json.dumps({"dry_run": True, **plan.summary()}, ensure_ascii=False,
                                 indent=2))
            return 1 if plan.errors and not args.valid_only else 0
        result = importer.commit(db, plan, valid_only=args.valid_only,
                                 progress=_progress(tty, "Import" if lang == "fr" else "Import"))
        if args.json:
            print(json.dumps({"dry_run": False, **plan.summary(), **result},
                             ensure_ascii=False, indent=2, default=str))
        else:
            c = result["counts"]
            if result.get("rechecked"):
                print(importer.RECHECKED[1 if lang == "en" else 0], file=sys.stderr)
            print((f"Imported: created {c['created']}, updated {c['updated']}, skipped "
                   f"{c['skipped']}, invalid rows left out {c['invalid']} (import "
                   f"{result['import_id']})") if lang == "en" else
                  (f"Importé : {c['created']} créé(s), {c['updated']} mis à jour, "
                   f"{c['skipped']} ignoré(s), {c['invalid']} ligne(s) invalide(s) écartée(s) "
                   f"(import {result['import_id']})"), file=sys.stderr)
        return 0
    finally:
        db.close()
