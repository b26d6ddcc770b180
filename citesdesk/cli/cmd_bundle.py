"""``citesdesk bundle create|inspect``: the sync bundle for the national evaluation."""

from __future__ import annotations

import sys

from citesdesk.cli.common import JSON_HELP, not_a_folder, number, output_file, print_json
from citesdesk.core.db import open_database

ORDER = 50


def register(cli) -> None:
    bundle = cli.group("bundle", ("lot pour l'évaluation nationale",
                                  "bundle for the national evaluation"))
    p = bundle.command("create", __name__, ("créer le lot chiffré et signé",
                                            "create the encrypted, signed bundle"), db=True)
    p.add_argument("--out", required=True, metavar=cli.text(("FICHIER.citesbundle",
                                                             "FILE.citesbundle")),
                   help=("lot à écrire (.citesbundle)", "bundle to write (.citesbundle)"))
    p.add_argument("--recipient", action="append", default=[], metavar="age1…", help=(
        "clé publique nationale (age) ; plusieurs fois pour plusieurs destinataires",
        "national public key (age); several times for several recipients"))
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = bundle.command("inspect", __name__, ("examiner un lot", "inspect a bundle"))
    p.add_argument("file", metavar=cli.text(("FICHIER", "FILE")), help=(
        "le lot à examiner", "the bundle to inspect"))
    p.add_argument("--identity", metavar=cli.text(("CLE", "KEY")), help=(
        "clé nationale (national.key) pour déchiffrer et tout vérifier",
        "national key (national.key) to decrypt and check everything"))
    p.add_argument("--json", action="store_true", help=JSON_HELP)

NB = "\u00a0"  # no-break space before French double punctuation


def _progress(args):
    if not sys.stderr.isatty():
        return lambda done, total, text="": None

    def report(done: int, total: int, text: str = "") -> None:
        print(f"\r{done}/{total} {text:<20}", end="" if done < total else "\n",
              file=sys.stderr, flush=True)
    return report


def _create(args) -> int:
    from citesdesk.services.bundle import create_bundle

    fr = args.lang != "en"
    output_file("--out", args.out, "bundle")
    db = open_database(args.db)
    try:
        result = create_bundle(db, args.out, recipients=args.recipient,
                               progress=_progress(args))
    finally:
        db.close()
    if args.json:
        print_json(result.as_dict())
        return 0
    c = {k: number(v, args.lang) for k, v in result.counts.items()}
    if fr:
        print(f"Lot n° {result.sequence} écrit : {result.path}")
        print(f"  {c['participants']} participants, {c['inscriptions']} inscriptions, "
              f"{c['evenements']} étapes, {c['orientations']} orientations, "
              f"{c['partenaires']} partenaires, {c['cohortes']} cohortes")
        print(f"  trimestres {result.quarters[0]} à {result.quarters[-1]} ; "
              f"{result.objectors} personne(s) opposée(s) à l'évaluation non transmise(s)")
        print(f"  chiffré pour {len(result.recipients)} destinataire(s) ; SHA-256 {result.sha256}")
    else:
        print(f"Bundle no. {result.sequence} written: {result.path}")
        print(f"  {c['participants']} participants, {c['inscriptions']} enrollments, "
              f"{c['evenements']} events, {c['orientations']} referrals, "
              f"{c['partenaires']} partners, {c['cohortes']} cohorts")
        print(f"  quarters {result.quarters[0]} to {result.quarters[-1]}; "
              f"{result.objectors} person(s) who objected to the evaluation left out")
        print(f"  encrypted to {len(result.recipients)} recipient(s); SHA-256 {result.sha256}")
    return 0


def _inspect(args) -> int:
    from citesdesk.services.bundle import inspect

    not_a_folder("FICHIER", args.file, "le lot à examiner (.citesbundle)",
                 "the bundle to inspect (.citesbundle)")
    if args.identity:
        not_a_folder("--identity", args.identity, "la clé nationale (national.key)",
                     "the national key (national.key)")
    info = inspect(args.file, args.identity)
    if args.json:
        print_json(info)
        return 0 if info.get("valid", True) else 1
    fr = args.lang != "en"
    print(f"{info['file']} — {number(info['size'], args.lang)} {'octets' if fr else 'bytes'}")
    print(f"SHA-256 {info['sha256']}")
    if not info["age"]:
        print("Ce n'est pas un fichier chiffré age." if fr else "Not an age-encrypted file.")
        return 1
    print(f"{'Chiffré avec age pour' if fr else 'Encrypted with age to'} {info['recipients']} "
          f"{'destinataire(s)' if fr else 'recipient(s)'}")
    if "valid" not in info:
        return 0
    if not info["valid"]:
        print(("REFUSÉ : " if fr else "REFUSED: ") + info["reason" if fr else "reason_en"])
        return 1
    m = info["manifest"]
    print(f"Site {m['site_code']} — {'lot n°' if fr else 'bundle no.'} {m['sequence']} — "
          f"{m['created_at']} — CitésDesk {m['software_version']}")
    print(f"{'Trimestres' + NB + ':' if fr else 'Quarters:'} {', '.join(m['quarters'])}")
    sig = info["signature"]
    print(f"{'Signature valide, clé' if fr else 'Valid signature, key'} {sig['key_id']}")
    print("Données conformes au schéma publié." if fr else "Data follows the published schema.")
    for r in info["resources"]:
        rows = number(r["rows"], args.lang)
        print(f"  {r['path']:<24} {rows:>8} {'lignes' if fr else 'rows'}  {r['hash']}")
    return 0


def run(args) -> int:
    return _create(args) if args._command == "create" else _inspect(args)
