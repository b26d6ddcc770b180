"""« Cette base a été copiée… » — asked once when the window opens a database that was last
written on another computer or account (``docs/design/SYNC.md``, point 7), before anything
is written: yes, it is the copy for a new laptop (a new node and team keys of its own);
no, it is the same laptop's database moved (the same person on a new computer)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from citesdesk.core import node


def ask_policy() -> None:
    """The window asks (the command line takes a new node at once)."""
    node.ON_MOVED.update(policy="ask", notice=None)


def settle_if_moved(db, parent=None) -> bool | None:
    """Ask when ``db`` was opened moved; the answer (True: a new laptop), else ``None``."""
    if getattr(db, "moved", False) != "ask":
        return None
    from citesdesk.gui.dialogs import Dialog

    answer = Dialog.ask(
        parent, QCoreApplication.translate("TeamMoved", "Base copiée"),
        QCoreApplication.translate(
            "TeamMoved", "Cette base a été copiée depuis un autre ordinateur ou un autre "
            "compte. Est-ce la copie pour un nouveau poste ?"),
        buttons=("yes", "no"), default="yes",
        informative=QCoreApplication.translate(
            "TeamMoved", "Oui : ce poste prend sa propre identité et ses propres clés "
            "d'équipe ; ajoutez sa clé sur les postes des collègues (écran Équipe).\nNon : "
            "c'est le même poste, déplacé (par exemple la même personne sur un nouvel "
            "ordinateur) ; rien ne change pour l'équipe."))
    new_laptop = answer != "no"  # closing the question is the safe choice: a new laptop
    node.settle(db, new_laptop)
    return new_laptop
