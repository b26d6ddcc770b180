"""The ``citesdesk`` command (a contract: see ``docs/design/PRODUCT.md``).

With no sub-command it opens the window. Each sub-command lives in its own module and is
imported only when used, so that ``citesdesk info`` never loads Qt or reportlab.
Exit status: 0 done, 1 input refused (one clear sentence on stderr), 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from citesdesk import __version__
from citesdesk.core.errors import CitesDeskError

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def _lang(argv: list[str]) -> str:
    if "--lang" in argv:
        i = argv.index("--lang")
        if i + 1 < len(argv):
            return argv[i + 1]
    env = os.environ.get("CITESDESK_LANG") or os.environ.get("LANG", "fr")
    return "en" if env.startswith("en") else "fr"


def _bundle_to_open(argv: list[str]) -> str | None:
    """``citesdesk FILE.citesbundle`` (the file manager opening a bundle): the window's
    bundle inspector. The file is taken out of ``argv``; sub-commands are left alone."""
    if argv and not argv[0].startswith("-") and argv[0].lower().endswith(".citesbundle"):
        return argv.pop(0)
    return None


def _sub(subs, name: str, module: str, help_fr: str) -> argparse.ArgumentParser:
    p = subs.add_parser(name, help=help_fr, description=help_fr)
    p.set_defaults(_module=module, _command=name)
    return p


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="citesdesk",
        description="CitésDesk — suivi des participants des Cités de l'emploi. "
        "Sans sous-commande : ouvre l'application.",
    )
    parser.add_argument("--version", action="version", version=f"CitésDesk {__version__}")
    parser.add_argument("--db", help="base de données du site (fichier .sqlite)")
    parser.add_argument("--lang", choices=["fr", "en"], help="langue (fr par défaut)")
    parser.set_defaults(_module="citesdesk.cli.cmd_gui", _command="gui")
    subs = parser.add_subparsers(title="sous-commandes", metavar="COMMANDE")

    p = _sub(subs, "init", "citesdesk.cli.cmd_db", "créer une base de site vide")
    p.add_argument("--db", required=True)
    p.add_argument("--site-code", required=True)
    p.add_argument("--site-name", required=True)
    p.add_argument("--departement")
    p.add_argument("--coordinator")
    p.add_argument("--encrypt", action="store_true",
                   help="chiffrer la base (phrase secrète : CITESDESK_PASSPHRASE ou saisie)")

    p = _sub(subs, "demo", "citesdesk.cli.cmd_db", "créer une base remplie de données fictives")
    p.add_argument("--db", required=True)
    p.add_argument("--participants", type=int, default=500)
    p.add_argument("--seed", type=int, default=1)

    p = _sub(subs, "info", "citesdesk.cli.cmd_db", "version du schéma, site, nombre d'enregistrements")
    p.add_argument("--db", required=True)
    p.add_argument("--json", action="store_true")

    p = _sub(subs, "import", "citesdesk.cli.cmd_import", "importer un tableur")
    p.add_argument("kind", choices=["participants", "partners", "events", "qpv"])
    p.add_argument("file")
    p.add_argument("--db", required=True)
    p.add_argument("--sheet")
    p.add_argument("--mapping")
    p.add_argument("--on-duplicate", choices=["skip", "update", "create"], default="skip")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--valid-only", action="store_true",
                   help="importer les lignes valides et lister les autres")
    p.add_argument("--report")
    p.add_argument("--json", action="store_true")

    p = _sub(subs, "import-template", "citesdesk.cli.cmd_import", "écrire un modèle d'import")
    p.add_argument("kind", choices=["participants", "partners", "events"])
    p.add_argument("--out", required=True)

    p = _sub(subs, "export", "citesdesk.cli.cmd_export", "exporter un classeur")
    p.add_argument("what", choices=["quarter", "workbook"])
    p.add_argument("--db", required=True)
    p.add_argument("--quarter")
    p.add_argument("--out", required=True)
    p.add_argument("--password", help="protéger le classeur par un mot de passe")

    p = _sub(subs, "print", "citesdesk.cli.cmd_print", "imprimer en PDF")
    p.add_argument("what", choices=["participant", "consent-form", "access-export", "cohort"])
    p.add_argument("refs", nargs="*", metavar="REF")
    p.add_argument("--db", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--split", action="store_true", help="un PDF par personne dans le dossier --out")

    bundle = subs.add_parser("bundle", help="lot pour l'évaluation nationale")
    bsubs = bundle.add_subparsers(title="actions", metavar="ACTION")
    p = _sub(bsubs, "create", "citesdesk.cli.cmd_bundle", "créer le lot chiffré et signé")
    p.add_argument("--db", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--recipient", action="append", default=[])
    p.add_argument("--json", action="store_true")
    p = _sub(bsubs, "inspect", "citesdesk.cli.cmd_bundle", "examiner un lot")
    p.add_argument("file")
    p.add_argument("--identity")
    p.add_argument("--json", action="store_true")
    bundle.set_defaults(_module=None, _parser=bundle)

    national = subs.add_parser("national", help="outils de l'évaluation nationale")
    nsubs = national.add_subparsers(title="actions", metavar="ACTION")
    p = _sub(nsubs, "keygen", "citesdesk.cli.cmd_national", "créer la clé nationale")
    p.add_argument("--out", required=True)
    p = _sub(nsubs, "consolidate", "citesdesk.cli.cmd_national", "consolider les lots des sites")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--identity", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--accept-new-key", action="append", default=[], metavar="SITE_CODE")
    p.add_argument("--json", action="store_true")
    national.set_defaults(_module=None, _parser=national)

    p = _sub(subs, "backup", "citesdesk.cli.cmd_db", "sauvegarder la base")
    p.add_argument("--db", required=True)
    p.add_argument("--out", required=True)
    p = _sub(subs, "restore", "citesdesk.cli.cmd_db", "restaurer une sauvegarde")
    p.add_argument("file")
    p.add_argument("--db", required=True)
    p = _sub(subs, "passphrase", "citesdesk.cli.passphrase",
             "chiffrer la base, changer ou retirer sa phrase secrète")
    p.add_argument("--db", required=True)
    p.add_argument("--remove", action="store_true", help="déchiffrer la base")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _lang(argv)
    open_bundle = _bundle_to_open(argv)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: 0 for --help/--version, 2 for usage errors
        return int(exc.code or 0)
    if args._module is None:
        args._parser.print_help(sys.stderr)
        return EXIT_USAGE
    args.lang = args.lang or lang
    args.open_bundle = open_bundle
    module = importlib.import_module(args._module)
    try:
        from citesdesk.cli.passphrase import unlock

        unlock(args)  # an encrypted --db: CITESDESK_PASSPHRASE, or asked on a terminal
        return int(module.run(args) or 0)
    except CitesDeskError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("Interrompu." if args.lang == "fr" else "Interrupted.", file=sys.stderr)
        return 130
