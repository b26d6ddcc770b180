"""``citesdesk init | demo | info | backup | restore``: the site database as a whole.

Every refusal is one sentence on stderr (exit 1) and leaves nothing behind: a database
being created is removed if anything fails; backup and restore are
:mod:`citesdesk.services.backup` (a temporary file first, checked, then moved into place).
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from citesdesk import __version__
from citesdesk.core import schema
from citesdesk.core.db import SiteDatabase, _check_parent, open_database
from citesdesk.core.errors import CitesDeskError
from citesdesk.core.validation import validate_record

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
NNBSP = "\u202f"  # narrow no-break space: the French thousands separator


def number(n: int, lang: str = "fr") -> str:
    """``5 000`` in French (narrow no-break space), ``5,000`` in English."""
    return f"{n:,}".replace(",", NNBSP if lang == "fr" else ",")


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


def _refuse_existing(path: Path, args) -> None:
    if path.exists():
        raise CitesDeskError(
            f"« {path} » existe déjà : choisissez un autre nom de fichier, ou déplacez ce "
            "fichier ailleurs si vous voulez vraiment le remplacer (rien n'a été écrit).",
            f"'{path}' already exists: choose another file name, or move that file elsewhere "
            "if you really want to replace it (nothing was written).")


def _sidecars(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
            path.with_name(path.name + "-journal")]


@contextlib.contextmanager
def _creating(path: Path) -> Iterator[None]:
    """Remove a database being created if anything fails or is interrupted."""
    try:
        yield
    except BaseException:
        for p in _sidecars(path):
            with contextlib.suppress(FileNotFoundError):
                p.unlink()
        raise


def _init(args) -> int:
    path = Path(args.db)
    _refuse_existing(path, args)
    values = {"name": args.site_name, "site_code": args.site_code,
              "departement": args.departement, "coordinators": args.coordinator or ""}
    validate_record("site", values)  # refuse before creating anything
    if args.encrypt:
        from citesdesk.cli.passphrase import ENV, new
        from citesdesk.core import cipher

        cipher.remember(path, new(args, ENV))
    from citesdesk.services import records

    with _creating(path):
        db = open_database(path, create=True)
        try:
            records.create(db, "site", values)
        finally:
            db.close()
    print(_say(args, f"Base du site créée : {path}", f"Site database created: {path}"))
    return 0


def _demo(args) -> int:
    from citesdesk.services.demo import build_demo, check_participants

    path = Path(args.db)
    check_participants(args.participants)
    _refuse_existing(path, args)
    with _creating(path):
        db = open_database(path, create=True)
        try:
            counts = build_demo(db, participants=args.participants, seed=args.seed,
                                progress=_progress(args))
        finally:
            db.close()
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
    site = db.execute("SELECT name, site_code, departement, qpv_codes, coordinators FROM site "
                      "WHERE deleted_at IS NULL ORDER BY id LIMIT 1").fetchone()
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
            "name": site[0], "site_code": site[1], "departement": site[2],
            "qpv_codes": split(site[3]), "coordinators": split(site[4])},
        "qpv_reference": db.execute("SELECT count(*) FROM qpv").fetchone()[0],
        "counts": counts,
    }


def _info(args) -> int:
    db = open_database(args.db, readonly=True)
    try:
        info = summary(db)
    finally:
        db.close()
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
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

    out = Path(args.out)
    _refuse_existing(out, args)
    _check_parent(out)
    try:  # writable, to record the backup's date (the window's status bar shows it)
        db = open_database(args.db)
    except CitesDeskError:  # a read-only database can still be copied
        db = open_database(args.db, readonly=True)
    try:
        backup.backup(db, out)
    finally:
        db.close()
    print(_say(args, f"Sauvegarde écrite et vérifiée : {out}",
               f"Backup written and checked: {out}"))
    return 0


def _restore(args) -> int:
    from citesdesk.services import backup

    source, target = Path(args.file), Path(args.db)
    aside = backup.restore(source, target)
    msg_fr = f"Base restaurée depuis « {source} » dans « {target} »."
    msg_en = f"Database restored from '{source}' into '{target}'."
    if aside:
        msg_fr += f" L'ancienne base est gardée sous « {aside} »."
        msg_en += f" The previous database is kept as '{aside}'."
    print(_say(args, msg_fr, msg_en))
    return 0


COMMANDS = {"init": _init, "demo": _demo, "info": _info, "backup": _backup,
            "restore": _restore}


def run(args) -> int:
    return COMMANDS[args._command](args)
