"""``citesdesk bundle create|inspect``: the sync bundle for the national evaluation."""

from __future__ import annotations

import json
import sys

from citesdesk.core.db import open_database

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
    db = open_database(args.db)
    try:
        result = create_bundle(db, args.out, recipients=args.recipient,
                               progress=_progress(args))
    finally:
        db.close()
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return 0
    c = result.counts
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

    info = inspect(args.file, args.identity)
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return 0 if info.get("valid", True) else 1
    fr = args.lang != "en"
    print(f"{info['file']} — {info['size']} {'octets' if fr else 'bytes'}")
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
        print(f"  {r['path']:<24} {r['rows']:>8} {'lignes' if fr else 'rows'}  {r['hash']}")
    return 0


def run(args) -> int:
    return _create(args) if args._command == "create" else _inspect(args)
