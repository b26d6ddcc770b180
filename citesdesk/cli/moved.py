"""A database copied to another computer or account, opened by a command (``docs/design/
SYNC.md``, point 7): the command line asks nothing, so the database takes a new node at
once — never wrong for the team's merges — and the command says so in one line on stderr
(see :mod:`citesdesk.core.node`)."""

from __future__ import annotations

import sys


def install(lang: str) -> dict:
    """Take a new node and say so (for the command being run); what was set before."""
    from citesdesk.core import node

    before = dict(node.ON_MOVED)

    def notice(db, old: str | None, new: str) -> None:
        name = db.path.name if db.path is not None else ""
        if lang == "en":
            text = (f"'{name}' was copied from another computer or account: it now writes "
                    f"as a new laptop ({new}, was {old}) so that the team's exchanges stay "
                    "right. For a colleague's laptop, 'citesdesk team copy' also gives it "
                    "keys of its own.")
        else:
            text = (f"« {name} » a été copiée depuis un autre ordinateur ou un autre compte : "
                    f"elle écrit désormais comme un nouveau poste ({new}, auparavant {old}) "
                    "pour que les échanges d'équipe restent justes. Pour le poste d'un·e "
                    "collègue, « citesdesk team copy » lui donne aussi ses propres clés.")
        print(text, file=sys.stderr)

    node.ON_MOVED.update(policy="new", notice=notice)
    return before


def restore(before: dict) -> None:
    """The command is over (``main`` may be called again in the same process)."""
    from citesdesk.core import node

    node.ON_MOVED.update(before)
