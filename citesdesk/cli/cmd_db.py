"""``citesdesk init | demo | info | backup | restore``: the site database as a whole.

Every refusal is one sentence on stderr (exit 1) and leaves nothing behind: a database
being created is removed if anything fails; backup and restore are
:mod:`citesdesk.services.backup` (a temporary file first, checked, then moved into place).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

from citesdesk import __version__
from citesdesk.cli.common import (
    JSON_HELP,
    Refusal,
    input_file,
    number,
    output_file,
    print_json,
    reading,
)
from citesdesk.core import schema
from citesdesk.core.db import SiteDatabase, open_database
from citesdesk.core.errors import CitesDeskError, ValidationFailed
from citesdesk.core.files import private_output
from citesdesk.core.qpv import describe, list_in_force
from citesdesk.core.site import get_site
from citesdesk.core.validation import validate_record

ORDER = 10
__all__ = ["number", "register", "run", "summary"]


def register(cli) -> None:
    p = cli.command("init", __name__, ("créer une base de site vide",
                                       "create an empty site database"), db=True)
    p.add_argument("--site-code", required=True, metavar="CODE", help=(
        "code du site, par exemple CDE-93-066", "site code, for example CDE-93-066"))
    p.add_argument("--site-name", required=True, metavar=cli.text(("NOM", "NAME")), help=(
        "nom du site", "site name"))
    p.add_argument("--departement", metavar="NN", help=(
        "département du site (75, 2A, 974…)", "the site's département (75, 2A, 974…)"))
    p.add_argument("--coordinator", metavar=cli.text(("NOM", "NAME")), help=(
        "coordinateur·rice, inscrit·e dans le journal d'audit",
        "coordinator, whose name the audit log records"))
    p.add_argument("--encrypt", action="store_true", help=(
        "chiffrer la base (phrase secrète : variable CITESDESK_PASSPHRASE, ou tapée)",
        "encrypt the database (passphrase: variable CITESDESK_PASSPHRASE, or typed)"))
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = cli.command("demo", __name__, ("créer une base remplie de données fictives",
                                       "create a database filled with made-up data"), db=True)
    p.add_argument("--participants", type=cli.integer(1), default=500, metavar="N", help=(
        "nombre de participants (500 par défaut)", "number of participants (500 by default)"))
    p.add_argument("--seed", type=cli.integer(), default=1, metavar="S", help=(
        "graine : même graine et même jour, même base (1 par défaut)",
        "seed: same seed and same day, same database (1 by default)"))
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = cli.command("info", __name__, (
        "résumé d'une base : schéma, site, nombre d'enregistrements (lecture seule)",
        "summary of a database: schema, site, number of records (read-only)"), db=True)
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = cli.command("backup", __name__, ("sauvegarder la base dans un fichier vérifié",
                                         "back the database up into a checked file"), db=True)
    p.add_argument("--out", required=True, metavar=cli.text(("FICHIER", "FILE")), help=(
        "fichier de sauvegarde à créer (.sqlite)", "backup file to create (.sqlite)"))
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = cli.command("restore", __name__, ("restaurer une sauvegarde (la base actuelle est "
                                          "d'abord copiée de côté)", "restore a backup (the "
                                          "current database is first set aside)"), db=True)
    p.add_argument("file", metavar=cli.text(("FICHIER", "FILE")), help=(
        "la sauvegarde à restaurer", "the backup to restore"))
    p.add_argument("--json", action="store_true", help=JSON_HELP)


#: Kinds of record counted by ``info``: table, French label, English label.
COUNTED = (
    ("participant", "Participants", "Participants"),
    ("cohort", "Cohortes", "Cohorts"),
    ("enrollment", "Inscriptions en cohorte", "Cohort enrollments"),
    ("event", "Étapes de parcours", "Journey steps"),
    ("referral", "Orientations", "Referrals"),
    ("referral_status", "Changements de statut d'orientation", "Referral status changes"),
    ("note", "Notes", "Notes"),
    ("partner", "Partenaires", "Partners"),
    ("partner_contact", "Contacts de partenaires", "Partner contacts"),
    ("partner_exchange", "Échanges avec les partenaires", "Partner exchanges"),
    ("import_log", "Imports", "Imports"),
    ("import_profile", "Correspondances de colonnes enregistrées", "Saved column mappings"),
    ("bundle_log", "Lots pour l'évaluation nationale", "National evaluation bundles"),
)


def _say(args, fr: str, en: str) -> str:
    return en if args.lang == "en" else fr


def _progress(args):
    """Progress on stderr when it is a terminal, else nothing."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int, text: str = "") -> None:
        end = "\n" if done >= total else ""
        print(f"\r{text} : {number(done, args.lang)} / {number(total, args.lang)}",
              end=end, file=sys.stderr, flush=True)

    return show


def _sidecars(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
            path.with_name(path.name + "-journal")]


@contextlib.contextmanager
def _creating(path: Path) -> Iterator[Path]:
    """Where to build a new database: a private work file next to ``path``, moved there
    only once complete, so that a failure or a kill leaves nothing under ``path``."""
    with private_output(path) as work:
        yield work.file


#: The option of ``init`` that gives each field of the site.
SITE_OPTIONS = {"name": "--site-name", "site_code": "--site-code",
                "departement": "--departement", "coordinators": "--coordinator"}


def _options_refused(exc: ValidationFailed) -> Refusal:
    """A refused site, told with the options the user typed (not the field names)."""
    def one(e, lang):
        text = e.message(lang).rstrip(".")
        return f"{SITE_OPTIONS.get(e.field, e.field)} : {text[:1].lower()}{text[1:]}"

    errors = [e for e in exc.errors if e.severity == "error"]
    return Refusal(
        " ; ".join(one(e, "fr") for e in errors) + ". Corrigez puis relancez la commande "
        "(rien n'a été créé).",
        "; ".join(one(e, "en").replace(" : ", ": ", 1) for e in errors) + ". Correct it "
        "then run the command again (nothing was created).")


def _init(args) -> int:
    path = output_file("--db", args.db, "sqlite", exists_ok=False)
    values = {"name": args.site_name, "site_code": args.site_code,
              "departement": args.departement, "coordinators": args.coordinator or ""}
    try:
        validate_record("site", values)  # refuse before creating anything
    except ValidationFailed as exc:
        raise _options_refused(exc) from None
    from citesdesk.core import cipher

    if args.encrypt:
        from citesdesk.cli.passphrase import ENV, new

        cipher.remember(path, new(args, ENV))
    from citesdesk.services import records

    with _creating(path) as building:
        if args.encrypt:  # built in a work file: the same passphrase
            cipher.remember(building, cipher.key_for(path))
        db = open_database(building, create=True)
        try:
            records.create(db, "site", values)
        finally:
            db.close()
    if args.json:
        print_json({"path": str(path), "site_code": args.site_code, "name": args.site_name})
        return 0
    print(_say(args, f"Base du site créée : {path}", f"Site database created: {path}"))
    return 0


def _demo(args) -> int:
    from citesdesk.services.demo import build_demo, check_participants

    check_participants(args.participants)
    path = output_file("--db", args.db, "sqlite", exists_ok=False)
    with _creating(path) as building:
        db = open_database(building, create=True)
        try:
            counts = build_demo(db, participants=args.participants, seed=args.seed,
                                progress=_progress(args))
        finally:
            db.close()
    if args.json:
        print_json({"path": str(path), "counts": counts})
        return 0
    n = lambda k: number(counts[k], args.lang)  # noqa: E731
    print(_say(
        args,
        f"Base de démonstration créée : {path} — {n('participant')} participants, "
        f"{n('event')} étapes, {n('referral')} orientations, {n('partner')} partenaires.",
        f"Demo database created: {path} — {n('participant')} participants, "
        f"{n('event')} journey steps, {n('referral')} referrals, {n('partner')} partners."))
    return 0


def summary(db: SiteDatabase) -> dict:
    """What ``info`` shows: schema version, site, live and deleted counts per kind."""
    site = get_site(db)
    counts = {}
    for table, _, _ in COUNTED:
        live, deleted = db.execute(
            f"SELECT count(*) - count(deleted_at), count(deleted_at) FROM {table}").fetchone()
        counts[table] = {"count": live, "deleted": deleted}
    split = lambda s: [x for x in (s or "").split("|") if x]  # noqa: E731
    return {
        "path": str(db.path) if db.path else None,
        "schema_version": db.schema_version(),
        "schema_version_supported": schema.SCHEMA_VERSION,
        "citesdesk_version": __version__,
        "site": None if site is None else {
            "name": site["name"], "site_code": site["site_code"],
            "departement": site["departement"], "qpv_codes": split(site["qpv_codes"]),
            "coordinators": split(site["coordinators"])},
        "qpv_reference": db.execute("SELECT count(*) FROM qpv").fetchone()[0],
        "qpv_list": list_in_force(db),
        "counts": counts,
    }


def _info(args) -> int:
    with reading(args.db) as db:
        info = summary(db)
    if args.json:
        print_json(info)
        return 0
    fr = args.lang != "en"
    out = [_say(args, f"Base : {info['path']}", f"Database: {info['path']}")]
    upgrade = info["schema_version"] < info["schema_version_supported"]
    out.append(_say(
        args, f"Schéma : version {info['schema_version']}"
        + (" (sera mise à jour à la prochaine ouverture)" if upgrade else ""),
        f"Schema: version {info['schema_version']}"
        + (" (will be upgraded when next opened)" if upgrade else "")))
    site = info["site"]
    if site is None:
        out.append(_say(args, "Site : non renseigné", "Site: not set"))
    else:
        dep = f", département {site['departement']}" if site["departement"] else ""
        out.append(f"Site : {site['name']} ({site['site_code']}){dep}" if fr
                   else f"Site: {site['name']} ({site['site_code']}){dep}")
        out.append(_say(args, "QPV couverts : ", "QPVs covered: ")
                   + (", ".join(site["qpv_codes"]) or "—"))
        out.append(_say(args, "Coordinateur·rices : ", "Coordinators: ")
                   + (", ".join(site["coordinators"]) or "—"))
    out.append(_say(args, "Liste des QPV en vigueur : ", "QPV list in force: ")
               + describe(info["qpv_list"], args.lang))
    for table, label_fr, label_en in COUNTED:
        c = info["counts"][table]
        line = f"{label_fr} : " if fr else f"{label_en}: "
        line += number(c["count"], args.lang)
        if c["deleted"]:
            line += (f" ({number(c['deleted'], args.lang)} dans la corbeille)" if fr
                     else f" ({number(c['deleted'], args.lang)} in the bin)")
        out.append(line)
    print("\n".join(out))
    return 0


def _backup(args) -> int:
    from citesdesk.services import backup

    out = output_file("--out", args.out, "sqlite", exists_ok=False)
    input_file("--db", args.db, "la base à sauvegarder", "the database to back up")
    try:  # writable, to record the backup's date (the window's status bar shows it)
        db = open_database(args.db)
    except CitesDeskError:  # a read-only database can still be copied
        db = open_database(args.db, readonly=True)
    try:
        backup.backup(db, out)
    finally:
        db.close()
    if args.json:
        print_json({"path": str(out), "database": args.db, "checked": True})
        return 0
    print(_say(args, f"Sauvegarde écrite et vérifiée : {out}",
               f"Backup written and checked: {out}"))
    return 0


def _restore(args) -> int:
    from citesdesk.services import backup

    source = input_file("FICHIER", args.file, "la sauvegarde à restaurer",
                        "the backup to restore")
    target = output_file("--db", args.db, "sqlite")
    aside = backup.restore(source, target)
    msg_fr = f"Base restaurée depuis « {source} » dans « {target} »."
    msg_en = f"Database restored from '{source}' into '{target}'."
    if aside:
        msg_fr += f" L'ancienne base est gardée sous « {aside} »."
        msg_en += f" The previous database is kept as '{aside}'."
    if args.json:
        print_json({"path": str(target), "source": str(source),
                    "previous": str(aside) if aside else None})
        return 0
    print(_say(args, msg_fr, msg_en))
    return 0


COMMANDS = {"init": _init, "demo": _demo, "info": _info, "backup": _backup,
            "restore": _restore}


def run(args) -> int:
    return COMMANDS[args._command](args)
