"""A colleague's ``.citesequipe`` file reaching the window other than by the Équipe screen's
button (``docs/design/SYNC.md``, "Where the user meets it"): opened from the file manager
(``citesdesk FILE.citesequipe``: the window starts on the usual database and offers to
merge it), chosen in File › Ouvrir une autre base…, or dropped anywhere on the window
(the drop is caught by :class:`citesdesk.gui.team_tasks.Drops`, loaded with the window;
this module only when a file arrives). The merge itself is the Équipe screen's (summary,
conflicts, confirmation of a first exchange).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

SUFFIX = ".citesequipe"


def is_team_file(path: str | Path) -> bool:
    return str(path).lower().endswith(SUFFIX)


def merge_files(window, paths: list[str]) -> bool:
    """Show the Équipe screen and merge ``paths`` there, one after the other."""
    screen = window.show_screen("team")
    if screen is None:
        return False
    for path in paths:
        screen.merge_file(str(path))
    return True


def offer(window, paths: list[str], readonly: bool = False) -> bool:
    """The file manager opened these files with CitésDesk: ask, then merge; whether merged."""
    from citesdesk.gui.dialogs import Dialog

    names = ", ".join(QCoreApplication.translate("TeamOpen", "« {name} »").format(
        name=Path(p).name) for p in paths)
    if readonly:
        Dialog.info(window, QCoreApplication.translate(
            "TeamOpen", "La base est ouverte dans une autre fenêtre de CitésDesk : intégrez "
            "{files} depuis celle-ci (Fichier › Intégrer un fichier d'équipe…).").format(
            files=names))
        return False
    answer = Dialog.ask(
        window, QCoreApplication.translate("TeamOpen", "Fichier d'équipe"),
        QCoreApplication.translate(
            "TeamOpen", "Intégrer {files} dans cette base ? Les changements des collègues "
            "s'ajoutent aux vôtres ; une sauvegarde automatique est faite avant.").format(
            files=names),
        buttons=("yes", "no"), default="yes")
    return answer == "yes" and merge_files(window, paths)
