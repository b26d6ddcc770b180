"""``citesdesk print participant|consent-form|access-export|cohort``: PDF documents.

REF is a participant's uuid or external id (France Travail, Mission locale, other). Every
reference is checked before anything is written: one unknown REF refuses the whole command
(exit 1). Each printed person gets an audit entry (who printed what, when), which their
subject-access export shows.
"""

from __future__ import annotations

import sys
from pathlib import Path

from citesdesk.core import audit
from citesdesk.core.db import open_database
from citesdesk.core.errors import CitesDeskError
from citesdesk.services.printing.fonts import date

EXIT_USAGE = 2


def _usage(message_fr: str, message_en: str, lang: str) -> int:
    print(message_en if lang == "en" else message_fr, file=sys.stderr)
    return EXIT_USAGE


def _check_out(out: Path, split: bool) -> None:
    if split:
        if out.exists() and not out.is_dir():
            raise CitesDeskError(
                f"« {out} » est un fichier : avec --split, --out doit être un dossier.",
                f"'{out}' is a file: with --split, --out must be a folder.")
        return
    if out.is_dir():
        raise CitesDeskError(
            f"« {out} » est un dossier : donnez un nom de fichier .pdf, ou ajoutez --split "
            "pour un PDF par personne.",
            f"'{out}' is a folder: give a .pdf file name, or add --split for one PDF per "
            "person.")
    if not out.parent.is_dir():
        raise CitesDeskError(
            f"Le dossier « {out.parent} » n'existe pas : créez-le ou choisissez-en un autre.",
            f"The folder '{out.parent}' does not exist: create it or choose another.")


def _progress(lang: str):
    if not sys.stderr.isatty():
        return lambda done, total, text="": None

    def show(done: int, total: int, text: str = "") -> None:
        word = "fiches" if lang == "fr" else "files"
        print(f"\r{done}/{total} {word}", end="" if done < total else "\n", file=sys.stderr)

    return show


def _audit(db, uuids: list[str], document: str) -> None:
    with db.atomic():
        for uuid in uuids:
            audit.audit(db, "print", "participant", uuid, {"document": document})


def run(args) -> int:
    from citesdesk.services import printing

    lang = args.lang
    out = Path(args.out)
    refs = list(args.refs)
    what = args.what
    if what == "participant" and not refs:
        return _usage("Indiquez au moins une référence de participant (uuid ou identifiant).",
                      "Give at least one participant reference (uuid or id).", lang)
    if what == "consent-form" and len(refs) > 1:
        return _usage("Le formulaire de consentement se remplit pour une personne au plus.",
                      "The consent form is filled in for one person at most.", lang)
    if what in ("access-export", "cohort") and len(refs) != 1:
        return _usage(
            "Indiquez exactement une référence (participant ou cohorte).",
            "Give exactly one reference (participant or cohort).", lang)
    if args.split and what not in ("participant", "cohort"):
        return _usage("--split ne vaut que pour « participant » et « cohort ».",
                      "--split only applies to 'participant' and 'cohort'.", lang)
    _check_out(out, args.split)

    db = open_database(args.db)
    try:
        if what == "consent-form":
            uuid = printing.resolve(db, refs[0])["uuid"] if refs else None
            printing.consent_form_pdf(db, out, uuid, lang)
            if uuid:
                _audit(db, [uuid], "consent_form")
            print(str(out))
            return 0
        if what == "access-export":
            uuid = printing.resolve(db, refs[0])["uuid"]
            d = printing.access_export_pdf(db, uuid, out, lang)
            _audit(db, [uuid], "access_export")
            print(str(out))
            purge = date(d["purge_date"])
            print(f"Date de suppression prévue : {purge}" if lang == "fr"
                  else f"Planned deletion date: {purge}", file=sys.stderr)
            return 0
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
        _audit(db, uuids, "participant_file")
        if args.split:
            print(f"{result.count} fichier(s) PDF dans {out}" if lang == "fr"
                  else f"{result.count} PDF file(s) in {out}")
        else:
            print(str(out))
        return 0
    finally:
        db.close()
