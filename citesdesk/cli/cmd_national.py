"""``citesdesk national keygen|consolidate``: the national evaluation's tools."""

from __future__ import annotations

import sys

from citesdesk.cli.common import JSON_HELP, not_a_folder, number, output_folder, print_json

ORDER = 60


def register(cli) -> None:
    national = cli.group("national", ("outils de l'évaluation nationale",
                                      "tools of the national evaluation"))
    p = national.command("keygen", __name__, ("créer la clé nationale",
                                              "create the national key"))
    p.add_argument("--out", required=True, metavar=cli.text(("DOSSIER", "FOLDER")), help=(
        "dossier où écrire national.key et national.pub",
        "folder to write national.key and national.pub into"))
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = national.command("consolidate", __name__, ("consolider les lots des sites",
                                                   "consolidate the sites' bundles"))
    p.add_argument("files", nargs="+", metavar=cli.text(("FICHIER", "FILE")), help=(
        "les lots des sites (.citesbundle)", "the sites' bundles (.citesbundle)"))
    p.add_argument("--identity", required=True, metavar=cli.text(("CLE", "KEY")), help=(
        "clé nationale (national.key)", "national key (national.key)"))
    p.add_argument("--out", required=True, metavar=cli.text(("DOSSIER", "FOLDER")), help=(
        "dossier du résultat (national.sqlite, national.xlsx, report.json)",
        "result folder (national.sqlite, national.xlsx, report.json)"))
    p.add_argument("--accept-new-key", action="append", default=[], metavar="CODE_SITE",
                   help=("accepter la nouvelle clé de signature de ce site",
                         "accept this site's new signing key"))
    p.add_argument("--json", action="store_true", help=JSON_HELP)


def _keygen(args) -> int:
    from citesdesk.services.national import keygen

    output_folder("--out", args.out)
    path, recipient = keygen(args.out)
    if args.json:
        print_json({"key": str(path), "recipient": recipient})
        return 0
    if args.lang == "en":
        print(f"National key written to {path} (keep it secret, keep a copy).", file=sys.stderr)
        print("Public key to give to every site:", file=sys.stderr)
    else:
        print(f"Clé nationale écrite dans {path} (gardez-la secrète, et une copie).",
              file=sys.stderr)
        print("Clé publique à transmettre à chaque site :", file=sys.stderr)
    print(recipient)
    return 0


def _consolidate(args) -> int:
    from citesdesk.services.national import consolidate

    not_a_folder("--identity", args.identity, "la clé nationale (national.key)",
                 "the national key (national.key)")
    for file in args.files:
        not_a_folder("FICHIER", file, "les lots des sites (.citesbundle)",
                     "the sites' bundles (.citesbundle)")
    output_folder("--out", args.out)
    result = consolidate(args.files, args.identity, args.out,
                         accept_new_keys=args.accept_new_key)
    if args.json:  # the same summary as report.json
        print((result.out_dir / "report.json").read_text("utf-8"), end="")
        return 1 if result.refused else 0
    fr = args.lang != "en"
    for o in result.outcomes:
        if o.status == "refused":
            print(f"{o.file} : {'REFUSÉ' if fr else 'REFUSED'} — {o.reason if fr else o.reason_en}")
        else:
            word = {"accepted": ("accepté", "accepted"),
                    "unchanged": ("déjà chargé, rien ne change", "already loaded, nothing changes")
                    }[o.status][0 if fr else 1]
            print(f"{o.file} : {word} (site {o.site_code}, "
                  f"{'lot n°' if fr else 'bundle no.'} {o.sequence})")
    out = result.out_dir
    ok, ko = number(len(result.accepted), args.lang), number(len(result.refused), args.lang)
    print((f"{ok} accepté(s), {ko} refusé(s) ; "
           f"{out / 'national.sqlite'}, {out / 'national.xlsx'}, {out / 'report.json'}")
          if fr else
          (f"{ok} accepted, {ko} refused; "
           f"{out / 'national.sqlite'}, {out / 'national.xlsx'}, {out / 'report.json'}"))
    return 1 if result.refused else 0


def run(args) -> int:
    return _keygen(args) if args._command == "keygen" else _consolidate(args)
