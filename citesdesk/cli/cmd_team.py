"""``citesdesk team key|add|copy|export|merge|conflicts``: the exchange between the site's
laptops (``docs/team.md``)."""

from __future__ import annotations

import json
import sys

from citesdesk.cli.common import JSON_HELP, number
from citesdesk.core.db import open_database

ORDER = 60


def register(cli) -> None:
    team = cli.group("team", ("échanges entre les postes de l'équipe",
                              "exchanges between the team's laptops"))
    p = team.command("key", __name__, ("écrire la clé publique de ce poste",
                                       "write this laptop's public key"), db=True)
    p.add_argument("--out", required=True, metavar=cli.text(("FICHIER", "FILE")), help=(
        "fichier de clé publique à écrire (à donner aux collègues)",
        "public key file to write (to give to the colleagues)"))
    p = team.command("add", __name__, ("ajouter la clé d'un·e collègue",
                                       "add a colleague's key"), db=True)
    p.add_argument("file", metavar=cli.text(("FICHIER", "FILE")), help=(
        "le fichier de clé publique du ou de la collègue", "the colleague's public key file"))
    p.add_argument("--name", metavar=cli.text(("NOM", "NAME")), help=(
        "le nom à afficher (sinon celui du fichier)", "the name to show (else the file's)"))
    p = team.command("copy", __name__, ("copie du site pour le poste d'un·e collègue",
                                        "copy of the site for a colleague's laptop"), db=True)
    p.add_argument("--out", required=True, metavar=cli.text(("BASE", "DATABASE")), help=(
        "la copie à écrire, avec son propre poste et ses clés",
        "the copy to write, with its own laptop identity and keys"))
    p.add_argument("--name", required=True, metavar=cli.text(("NOM", "NAME")), help=(
        "le nom du ou de la collègue qui la recevra", "the name of the colleague receiving it"))
    p = team.command("export", __name__, ("préparer le fichier pour l'équipe",
                                          "prepare the file for the team"), db=True)
    p.add_argument("--out", required=True, metavar=cli.text(("FICHIER.citesequipe",
                                                             "FILE.citesequipe")),
                   help=("fichier à écrire (.citesequipe)", "file to write (.citesequipe)"))
    p.add_argument("--full", action="store_true", help=(
        "tout le site, pas seulement les changements", "the whole site, not only the changes"))
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = team.command("merge", __name__, ("intégrer des fichiers de l'équipe",
                                         "merge the team's files"), db=True)
    p.add_argument("files", nargs="+", metavar=cli.text(("FICHIER", "FILE")), help=(
        "fichiers .citesequipe reçus, dans n'importe quel ordre",
        ".citesequipe files received, in any order"))
    p.add_argument("--confirm-site", action="store_true", help=(
        "confirmer le premier échange avec une base du même site créée à part",
        "confirm the first exchange with a database of the same site created apart"))
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = team.command("conflicts", __name__, ("modifications concurrentes à examiner",
                                             "concurrent edits to review"), db=True)
    p.add_argument("--all", action="store_true", help=(
        "aussi les conflits réglés", "the settled conflicts too"))
    p.add_argument("--keep", metavar=cli.text(("CLE:a|b", "KEY:a|b")), help=(
        "garder la valeur a ou b d'un conflit", "keep value a or b of a conflict"))
    p.add_argument("--json", action="store_true", help=JSON_HELP)


def _say(args, fr: str, en: str) -> None:
    print(fr if args.lang != "en" else en)


def _progress():
    if not sys.stderr.isatty():
        return None

    def report(done: int, total: int) -> None:
        print(f"\r{done}/{total}", end="" if done < total else "\n", file=sys.stderr,
              flush=True)
    return report


def _key(args, db) -> int:
    from citesdesk.services import team

    path, fingerprint = team.write_public_key(db, args.out)
    _say(args, f"Clé publique de ce poste écrite : {path}\nEmpreinte : {fingerprint}",
         f"This laptop's public key written: {path}\nFingerprint: {fingerprint}")
    return 0


def _add(args, db) -> int:
    from citesdesk.services import team

    key = team.read_public_key(args.file)
    _say(args, f"Empreinte de la clé de {args.name or key.name} : {key.fingerprint}\n"
         "Vérifiez-la avec votre collègue (à voix haute ou au téléphone).",
         f"Fingerprint of {args.name or key.name}'s key: {key.fingerprint}\n"
         "Check it with your colleague (aloud or on the phone).")
    member = team.add_member(db, key, args.name)
    _say(args, f"Collègue ajouté·e : {member['name']}.", f"Colleague added: {member['name']}.")
    return 0


def _copy(args, db) -> int:
    from citesdesk.services import team

    info = team.copy_for_colleague(db, args.out, args.name)
    _say(args, f"Copie du site pour {info['name']} écrite : {info['path']}\n"
         f"Empreinte de son poste : {info['fingerprint']}",
         f"Copy of the site for {info['name']} written: {info['path']}\n"
         f"Fingerprint of their laptop: {info['fingerprint']}")
    return 0


def _export(args, db) -> int:
    from citesdesk.services import team

    r = team.export(db, args.out, full=args.full)
    if args.json:
        print(json.dumps(r.as_dict(), ensure_ascii=False, indent=2))
        return 0
    kind = ("complet", "Full file") if r.full else ("des changements", "File of changes")
    _say(args, f"Fichier {kind[0]} pour l'équipe écrit : {r.path}\n"
         f"  {number(r.records)} enregistrement(s), {number(r.purges)} effacement(s), "
         f"{r.conflicts} conflit(s), {number(r.journal)} entrée(s) du journal ; "
         f"{number(r.size, 'fr')}\u00a0octets ; chiffré pour {r.recipients} poste(s)",
         f"{kind[1]} for the team written: {r.path}\n"
         f"  {r.records:,} record(s), {r.purges:,} erasure(s), {r.conflicts} conflict(s), "
         f"{r.journal:,} journal entr{'y' if r.journal == 1 else 'ies'}; "
         f"{r.size:,} bytes; encrypted to {r.recipients} laptop(s)")
    return 0


def _merge(args, db) -> int:
    from citesdesk.services import team

    results, refused = [], 0
    for path in args.files:
        try:
            # one automatic backup, before the first file that passes its checks
            r = team.merge(db, path, confirm_site=args.confirm_site, progress=_progress(),
                           snapshot=not results)
        except team.TeamRefused as exc:  # this file only: the others are still merged
            print(exc.message(args.lang), file=sys.stderr)
            refused += exc.code != "own_file"  # e.g. a shared folder's *.citesequipe
            continue
        results.append(r)
        if args.json:
            continue
        _say(args, f"{r.path.name} (de {r.sender_name}) : {number(r.created)} créé(s), "
             f"{number(r.updated)} modifié(s), {number(r.purged)} effacé(s), "
             f"{r.conflicts} conflit(s)"
             + (f", {r.texts_kept} texte(s) gardé(s) des deux côtés" if r.texts_kept else ""),
             f"{r.path.name} (from {r.sender_name}): {r.created:,} created, {r.updated:,} "
             f"updated, {r.purged:,} erased, {r.conflicts} conflict(s)"
             + (f", {r.texts_kept} text(s) kept from both sides" if r.texts_kept else ""))
        for d in r.duplicates:
            rec, ex = d["received"], d["existing"]
            _say(args, f"  Doublon possible : {rec['last_name']} {rec['first_name']} reçu·e, "
                 f"{ex['last_name']} {ex['first_name']} déjà ici ({', '.join(d['reasons'])})",
                 f"  Possible duplicate: {rec['last_name']} {rec['first_name']} received, "
                 f"{ex['last_name']} {ex['first_name']} already here "
                 f"({', '.join(d['reasons'])})")
    if args.json:
        print(json.dumps([r.as_dict() for r in results], ensure_ascii=False, indent=2))
    waiting = team.waiting_count(db)
    if waiting and not args.json:
        _say(args, f"{waiting} conflit(s) à examiner : citesdesk team conflicts --db {args.db}",
             f"{waiting} conflict(s) to review: citesdesk team conflicts --db {args.db}")
    return 1 if refused else 0


def _conflicts(args, db) -> int:
    from citesdesk.services import team

    if args.keep:
        key, _, side = args.keep.partition(":")
        done = team.keep(db, key, side or "b")
        _say(args, f"Valeur gardée pour « {done['label']['fr']} » : {done['value']}",
             f"Value kept for '{done['label']['en']}': {done['value']}")
        return 0
    items = team.conflicts(db, waiting_only=not args.all, lang=args.lang)
    if args.json:
        print(json.dumps(items, ensure_ascii=False, indent=2))
        return 0
    if not items:
        _say(args, "Aucun conflit en attente.", "No conflict waiting.")
    for c in items:
        state = ((f"réglé : {c['kept']!r} gardée", f"settled: {c['kept']!r} kept")
                 if c["resolved"] else ("en attente", "waiting"))
        _say(args, f"[{c['key']}] {c['record']} — {c['field_label']} ({state[0]})\n"
             f"  a : {c['a']['value']!r} par {c['a']['by']} le {c['a']['at']}\n"
             f"  b : {c['b']['value']!r} par {c['b']['by']} le {c['b']['at']} (appliquée)",
             f"[{c['key']}] {c['record']} — {c['field_label']} ({state[1]})\n"
             f"  a: {c['a']['value']!r} by {c['a']['by']} on {c['a']['at']}\n"
             f"  b: {c['b']['value']!r} by {c['b']['by']} on {c['b']['at']} (applied)")
    return 0


ACTIONS = {"key": _key, "add": _add, "copy": _copy, "export": _export, "merge": _merge,
           "conflicts": _conflicts}


def run(args) -> int:
    db = open_database(args.db)
    try:
        return ACTIONS[args._command](args, db)
    finally:
        db.close()
