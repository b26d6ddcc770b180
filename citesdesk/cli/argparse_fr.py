"""argparse in French: a gettext catalogue for the strings argparse itself prints.

argparse looks its own strings up with ``gettext`` (``argparse._`` and
``argparse.ngettext``). :func:`speaking` points those two names at :class:`FrenchArgparse`
while a French parser is built and used, then puts them back, so the headings
(« utilisation : », « options : »), the help of ``-h`` and the usage errors are French.
The catalogue holds the wording of Python 3.11 to 3.13; a string it does not know stays
as argparse wrote it (``tests/cli/test_cli_languages.py`` finds it).
"""

from __future__ import annotations

import argparse
import contextlib
import gettext
from collections.abc import Iterator

NBSP = "\u00a0"  # before the colon, as French typography asks

#: argparse's own messages (msgid → French).
CATALOGUE = {
    "usage: ": f"utilisation{NBSP}: ",
    "positional arguments": "arguments",
    "options": "options",
    "optional arguments": "options",
    "show this help message and exit": "afficher cette aide et quitter",
    "show program's version number and exit": "afficher la version et quitter",
    "argument %(argument_name)s: %(message)s": f"%(argument_name)s{NBSP}: %(message)s",
    "unrecognized arguments: %s": f"option ou valeur inconnue{NBSP}: %s",
    "the following arguments are required: %s": f"à indiquer obligatoirement{NBSP}: %s",
    "one of the arguments %s is required": f"indiquez l'une de ces options{NBSP}: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        f"« %(value)s » n'est pas un choix possible (choisissez parmi{NBSP}: %(choices)s)",
    "invalid choice: %(value)r, choose from %(choices)s":
        f"« %(value)s » n'est pas un choix possible (choisissez parmi{NBSP}: %(choices)s)",
    "invalid %(type)s value: %(value)r": "valeur « %(value)s » invalide",
    "expected one argument": "attend une valeur",
    "expected at most one argument": "attend au plus une valeur",
    "expected at least one argument": "attend au moins une valeur",
    "ambiguous option: %(option)s could match %(matches)s":
        "option ambiguë %(option)s (%(matches)s)",
    "not allowed with argument %s": "ne va pas avec %s",
    "ignored explicit argument %r": "valeur « %s » en trop",
    "unexpected option string: %s": f"option inattendue{NBSP}: %s",
    "%(prog)s: error: %(message)s\n": f"%(prog)s{NBSP}: erreur{NBSP}: %(message)s\n",
    "subcommands": "sous-commandes",
    "option '%(option)s' is deprecated": "l'option « %(option)s » est abandonnée",
    "command '%(parser_name)s' is deprecated": "la commande « %(parser_name)s » est abandonnée",
}

#: Plural messages: (singular, plural) → (French singular, French plural).
PLURALS = {
    ("expected %s argument", "expected %s arguments"): ("attend %s valeur", "attend %s valeurs"),
}


class FrenchArgparse(gettext.NullTranslations):
    """The French catalogue of argparse's strings, as a gettext translation."""

    def gettext(self, message: str) -> str:
        if message is None:  # argparse translates an absent description too
            return message
        return CATALOGUE.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        fr = PLURALS.get((msgid1, msgid2))
        if fr is None:
            return msgid1 if n == 1 else msgid2
        return fr[0] if n <= 1 else fr[1]


@contextlib.contextmanager
def speaking(lang: str) -> Iterator[None]:
    """argparse's own strings in ``lang`` (French catalogue, or argparse's English)."""
    saved = argparse._, argparse.ngettext
    if lang != "en":
        fr = FrenchArgparse()
        argparse._, argparse.ngettext = fr.gettext, fr.ngettext
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved
