"""``citesdesk print participant|consent-form|access-export|cohort``: PDF documents.

REF is a participant's uuid or external id (France Travail, Mission locale, other). Every
reference is checked before anything is written: one unknown REF refuses the whole command
(exit 1). Each printed person gets an audit entry (who printed what, when), which their
subject-access export shows.
"""

from __future__ import annotations

import sys
from pathlib import Path

from citesdesk.cli.common import (
    JSON_HELP,
    number,
    output_file,
    output_folder,
    print_json,
    usage_error,
    writing,
)
from citesdesk.core.audit import audit as write_audit
from citesdesk.core.db import open_database
from citesdesk.core.errors import CitesDeskError

ORDER = 40
WHAT = ("participant", "consent-form", "access-export", "cohort")


def register(cli) -> None:
    p = cli.command("print", __name__, ("imprimer en PDF : fiches, formulaire de "
                                        "consentement, export du droit d'accès",
                                        "print to PDF: participant files, consent form, "
                                        "subject-access export"), db=True)
    p.add_argument("what", choices=WHAT, metavar=cli.text(("QUOI", "WHAT")), help=(
        "participant (fiches), consent-form (formulaire de consentement), access-export "
        "(droit d'accès, RGPD art. 15) ou cohort (fiches d'une cohorte)",
        "participant (files), consent-form, access-export (subject access, GDPR art. 15) "
        "or cohort (the files of a cohort)"))
    p.add_argument("refs", nargs="*", metavar="REF", help=(
        "uuid ou identifiant externe d'un participant ; pour cohort, le nom ou l'uuid de "
        "la cohorte",
        "a participant's uuid or external id; for cohort, the cohort's name or uuid"))
    p.add_argument("--out", required=True, metavar=cli.text(("FICHIER.pdf", "FILE.pdf")),
                   help=("document PDF à écrire (avec --split : un dossier)",
                         "PDF document to write (with --split: a folder)"))
    p.add_argument("--split", action="store_true", help=(
        "un PDF par personne dans le dossier --out", "one PDF per person in the --out folder"))
    p.add_argument("--json", action="store_true", help=JSON_HELP)


def _check_out(args) -> Path:
    if args.split:
        return output_folder("--out", args.out)
    if Path(args.out).is_dir():
        raise CitesDeskError(
            f"« {args.out} » (--out) est un dossier : donnez un nom de fichier .pdf, ou "
            "ajoutez --split pour un PDF par personne.",
            f"'{args.out}' (--out) is a folder: give a .pdf file name, or add --split for "
            "one PDF per person.")
    return output_file("--out", args.out, "pdf")


def _progress(lang: str):
    if not sys.stderr.isatty():
        return lambda done, total, text="": None

    def show(done: int, total: int, text: str = "") -> None:
        word = "fiches" if lang == "fr" else "files"
        print(f"\r{done}/{total} {word}", end="" if done < total else "\n", file=sys.stderr)

    return show


def _usage_refused(args) -> int | None:
    refs, what = args.refs, args.what
    if what == "participant" and not refs:
        return usage_error(args, "indiquez au moins une référence de participant (uuid ou "
                           "identifiant)", "give at least one participant reference (uuid "
                           "or id)")
    if what == "consent-form" and len(refs) > 1:
        return usage_error(args, "le formulaire de consentement se remplit pour une personne "
                           "au plus : donnez une seule référence, ou aucune pour un "
                           "formulaire vierge", "the consent form is filled in for one "
                           "person at most: give one reference, or none for a blank form")
    if what == "access-export" and len(refs) != 1:
        return usage_error(args, "indiquez exactement une référence de participant (uuid ou "
                           "identifiant)", "give exactly one participant reference (uuid "
                           "or id)")
    if what == "cohort" and len(refs) != 1:
        return usage_error(args, "indiquez exactement une cohorte (son nom ou son uuid)",
                           "give exactly one cohort (its name or uuid)")
    if args.split and what not in ("participant", "cohort"):
        return usage_error(args, f"--split ne vaut que pour participant et cohort : retirez-le "
                           f"pour {what}", f"--split only applies to participant and cohort: "
                           f"remove it for {what}")
    return None


def _printed(args, out: Path, count: int) -> int:
    if args.json:
        print_json({"path": str(out), "documents": count, "split": bool(args.split)})
    elif args.split:
        n = number(count, args.lang)
        print(f"{n} fichier(s) PDF dans {out}" if args.lang == "fr"
              else f"{n} PDF file(s) in {out}")
    else:
        print(str(out))
    return 0


def run(args) -> int:
    from citesdesk.core.text import date_text
    from citesdesk.services import printing

    lang = args.lang
    refs = list(args.refs)
    what = args.what
    refused = _usage_refused(args)
    if refused is not None:
        return refused
    out = _check_out(args)

    def audit(uuids: list[str], document: str) -> None:
        with db.atomic():
            for uuid in uuids:
                write_audit(db, "print", "participant", uuid, {"document": document})

    db = open_database(args.db)
    try:
        if what == "consent-form":
            uuid = printing.resolve(db, refs[0])["uuid"] if refs else None
            with writing(out) as tmp:
                printing.consent_form_pdf(db, tmp, uuid, lang)
            if uuid:
                audit([uuid], "consent_form")
            return _printed(args, out, 1)
        if what == "access-export":
            uuid = printing.resolve(db, refs[0])["uuid"]
            with writing(out) as tmp:
                d = printing.access_export_pdf(db, uuid, tmp, lang)
            audit([uuid], "access_export")
            purge = date_text(d["purge_date"], lang)
            print(f"Date de suppression prévue : {purge}" if lang == "fr"
                  else f"Planned deletion date: {purge}", file=sys.stderr)
            return _printed(args, out, 1)
        if what == "cohort":
            cohort, uuids = printing.cohort_members(db, refs[0])
            if not uuids:
                raise CitesDeskError(
                    f"La cohorte « {cohort['name']} » n'a aucun participant à imprimer.",
                    f"The cohort '{cohort['name']}' has no participant to print.")
        else:
            uuids = printing.resolve_refs(db, refs)
        result = printing.print_batch(db, uuids, out, split=args.split, lang=lang,
                                      progress=_progress(lang))
        audit(uuids, "participant_file")
        return _printed(args, out, result.count)
    finally:
        db.close()
