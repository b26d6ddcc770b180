"""A base already open in another CitésDesk: say who holds it and offer to read it.

Only one program at a time may write to a site database (see
:mod:`citesdesk.core.locking`). When the window is asked to open a base that another
window or a ``citesdesk`` command holds, :func:`offer_readonly` names that program and
offers to open the base read-only — to look up a file while a colleague's import runs, or
when the other window is on another session of the same computer. A read-only window says
so in its title and status bar (:func:`mark_readonly`); a save there is refused in one
sentence by the task runner.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from citesdesk.core.locking import DatabaseInUse, Holder, current_holder
from citesdesk.gui.dialogs import Dialog


def _who(holder: Holder | None, lang: str) -> str:
    return holder.describe(lang) if holder else QCoreApplication.translate("Instance", "un autre programme CitésDesk")


def offer_readonly(parent: QWidget | None, exc: DatabaseInUse, lang: str = "fr") -> bool:
    """Ask whether to open the held base read-only; True to do so."""
    text = QCoreApplication.translate("Instance",
        "La base « {name} » est déjà ouverte par {who}.\n\n"
        "Deux programmes ne peuvent pas la modifier en même temps : vos saisies risqueraient "
        "de se perdre. Vous pouvez l'ouvrir en lecture seule pour consulter les dossiers, "
        "sans rien pouvoir enregistrer."
    ).format(name=exc.path.name, who=_who(exc.holder, lang))
    informative = QCoreApplication.translate("Instance",
        "Pour modifier la base, fermez d'abord l'autre fenêtre ou attendez la fin de la "
        "commande, puis rouvrez-la. Un programme arrêté brutalement (panne, arrêt forcé) "
        "libère la base de lui-même. Voir l'aide : « Bien démarrer », section « Une base déjà "
        "ouverte ».")
    answer = Dialog.ask(parent, QCoreApplication.translate("Instance", "Base déjà ouverte"), text, buttons=("cancel",),
                        default="readonly", informative=informative,
                        custom={"readonly": QCoreApplication.translate("Instance", "Ouvrir en &lecture seule")})
    return answer == "readonly"


def mark_readonly(window: QMainWindow, db_path, lang: str = "fr") -> QLabel:
    """Title and status bar of a read-only window."""
    window.setWindowTitle(QCoreApplication.translate("Instance", "CitésDesk — lecture seule"))
    holder = current_holder(db_path)
    label = QLabel(QCoreApplication.translate("Instance", "Lecture seule : la base est ouverte par {who}").format(
        who=_who(holder, lang)), window)
    label.setObjectName("readonlyBanner")
    label.setAccessibleName(QCoreApplication.translate("Instance", "Lecture seule"))
    label.setStyleSheet("font-weight: bold;")
    window.statusBar().insertPermanentWidget(0, label)
    return label
