"""``citesdesk national keygen|consolidate``: the national evaluation's tools."""

from __future__ import annotations

import sys


def _keygen(args) -> int:
    from citesdesk.services.national import keygen

    path, recipient = keygen(args.out)
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
    print((f"{len(result.accepted)} accepté(s), {len(result.refused)} refusé(s) ; "
           f"{out / 'national.sqlite'}, {out / 'national.xlsx'}, {out / 'report.json'}")
          if fr else
          (f"{len(result.accepted)} accepted, {len(result.refused)} refused; "
           f"{out / 'national.sqlite'}, {out / 'national.xlsx'}, {out / 'report.json'}"))
    return 1 if result.refused else 0


def run(args) -> int:
    return _keygen(args) if args._command == "keygen" else _consolidate(args)
