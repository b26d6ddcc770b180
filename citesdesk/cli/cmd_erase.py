"""``citesdesk erase REF --yes``: erase one person for good, at their request (RGPD, art. 17).

The same erasure as the retention purge (:func:`citesdesk.services.retention.purge`): the
person, every record about them and every trace of them in the file (search index, import
history, write-ahead log). It cannot be undone: without ``--yes`` the command says what it
would erase and erases nothing (exit 1).
"""

from __future__ import annotations

from citesdesk.cli.common import JSON_HELP, Refusal, print_json, say
from citesdesk.core.db import open_database

ORDER = 42


def register(cli) -> None:
    p = cli.command("erase", __name__, (
        "effacer pour de bon une personne qui le demande (RGPD, art. 17)",
        "erase for good a person who asks for it (GDPR art. 17)"), db=True)
    p.add_argument("ref", metavar="REF", help=(
        "uuid ou identifiant externe (France Travail, Mission locale, autre) du participant, "
        "corbeille comprise",
        "the participant's uuid or external id (France Travail, Mission locale, other), bin "
        "included"))
    p.add_argument("--yes", action="store_true", help=(
        "confirmer l'effacement, qui ne peut pas être annulé",
        "confirm the erasure, which cannot be undone"))
    p.add_argument("--json", action="store_true", help=JSON_HELP)


def _what(args, found: dict) -> str:
    fr = (f"{found['name']} ({found['uuid']}) : {found['event']} étape(s), "
          f"{found['referral']} orientation(s), {found['note']} note(s), "
          f"{found['enrollment']} inscription(s) en cohorte")
    en = (f"{found['name']} ({found['uuid']}): {found['event']} step(s), "
          f"{found['referral']} referral(s), {found['note']} note(s), "
          f"{found['enrollment']} cohort enrolment(s)")
    return say(args, fr, en)


def run(args) -> int:
    from citesdesk.services import retention

    db = open_database(args.db)
    try:
        found = retention.erasure_preview(db, args.ref)
        if not args.yes:
            raise Refusal(
                f"Rien n'a été effacé. L'effacement supprimerait pour de bon {_what(args, found)}"
                ", sans retour possible : relancez la commande avec --yes pour confirmer.",
                f"Nothing was erased. The erasure would delete for good {_what(args, found)}, "
                "with no way back: run the command again with --yes to confirm.")
        retention.erase_on_request(db, found["uuid"])
    finally:
        db.close()
    if args.json:
        print_json({"erased": found["uuid"], "event": found["event"],
                    "referral": found["referral"], "note": found["note"],
                    "enrollment": found["enrollment"]})
        return 0
    print(say(args, f"Effacé pour de bon : {_what(args, found)}.",
              f"Erased for good: {_what(args, found)}."))
    return 0
