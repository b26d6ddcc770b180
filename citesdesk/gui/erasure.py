"""Erasure on request (RGPD, art. 17) from the window: the same erasure as
``citesdesk erase REF --yes`` (:func:`citesdesk.services.retention.erase_on_request`).

A confirmation first shows what will be erased — the person's name, their references, how
many steps, referrals, notes and cohort enrolments — and asks the user to type the
person's last name; Cancel (the default) erases nothing. The erasure then runs on the task
runner, is audited as the command line's is (``erase``), and the windows refresh from the
runner's ``changed`` signal: the person leaves every list.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from citesdesk.core.text import fold
from citesdesk.gui.dialogs import Dialog
from citesdesk.gui.forms import number_text, resize_within_screen
from citesdesk.gui.icons import icon
from citesdesk.services import retention


def title(found: dict) -> str:
    return QCoreApplication.translate("Erasure", "Effacer définitivement {name}").format(
        name=found["name"])


def describe(found: dict, lang: str) -> str:
    """The confirmation's text: who, which references, how many records."""
    refs = [QCoreApplication.translate("Erasure", "référence interne {uuid}").format(
        uuid=found["uuid"])]
    labels = {
        "ft_id": QCoreApplication.translate("Erasure", "identifiant France Travail {id}"),
        "ml_id": QCoreApplication.translate("Erasure", "identifiant Mission locale {id}"),
        "other_id": QCoreApplication.translate("Erasure", "autre identifiant {id}"),
    }
    refs += [label.format(id=found[key]) for key, label in labels.items() if found.get(key)]
    where = (QCoreApplication.translate("Erasure", " (fiche à la corbeille)")
             if found.get("in_bin") else "")
    return QCoreApplication.translate(
        "Erasure",
        "Effacer pour de bon {name}{where} — {refs} — et tout ce qui concerne cette "
        "personne : {event} étape(s) de parcours, {referral} orientation(s), {note} "
        "note(s), {enrollment} inscription(s) en cohorte, ainsi que ses traces dans le "
        "fichier (recherche, historique des imports, journal des modifications).\n\n"
        "C'est le droit à l'effacement (RGPD, article 17), à la demande de la personne. "
        "L'effacement ne peut pas être annulé : la fiche ne passe pas par la corbeille.",
    ).format(name=found["name"], where=where, refs=", ".join(refs),
             event=number_text(found["event"], lang),
             referral=number_text(found["referral"], lang),
             note=number_text(found["note"], lang),
             enrollment=number_text(found["enrollment"], lang))


class ErasureDialog(QDialog):
    """The confirmation: the preview, then the person's last name typed by the user; the
    « Effacer définitivement » button is enabled only once the name matches."""

    def __init__(self, found: dict, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.found = found
        self.setWindowTitle(title(found))
        layout = QVBoxLayout(self)
        self.text = QLabel(describe(found, lang), self)
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        self.word = found["last_name"] or found["name"]
        self.prompt = QLabel(self.tr("Pour confirmer, tapez le nom de famille de la personne "
                                     "(« {word} ») :").format(word=self.word), self)
        self.prompt.setWordWrap(True)
        layout.addWidget(self.prompt)
        self.confirm = QLineEdit(self)
        self.confirm.setAccessibleName(self.tr("Nom de famille, pour confirmer l'effacement"))
        self.prompt.setBuddy(self.confirm)
        layout.addWidget(self.confirm)
        buttons = QDialogButtonBox(self)
        self.erase_button = QPushButton(icon("trash"), self.tr("Effacer définitivement"), self)
        self.erase_button.setEnabled(False)
        self.erase_button.setAutoDefault(False)
        buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Annuler"))
        self.cancel_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.confirm.textChanged.connect(self._check)
        self.confirm.setFocus()
        fit_text(self, self.text)

    def _check(self, text: str) -> None:
        ok = fold(text) == fold(self.word)  # case, accents and « œ » ignored
        self.erase_button.setEnabled(ok)
        self.erase_button.setDefault(ok)

    def accept(self) -> None:
        if self.erase_button.isEnabled():
            super().accept()


def fit_text(dialog: QDialog, label: QLabel, chars: int = 72) -> None:
    """A wide enough dialog, as tall as its wrapped text needs: every line shows (a fixed
    size cut the last line of the confirmation at 1024×700)."""
    fm = label.fontMetrics()
    screen = dialog.screen().availableGeometry() if dialog.screen() else None
    width = fm.averageCharWidth() * chars
    if screen is not None:
        width = min(width, screen.width() - 80)
    label.setMinimumWidth(width)
    label.setMinimumHeight(label.heightForWidth(width))
    dialog.adjustSize()


def confirm(parent: QWidget | None, found: dict, lang: str) -> bool:
    """Ask; tests answer with ``Dialog.script("erase")`` (anything else: Cancel)."""
    done, answer = Dialog._scripted("erase", title(found), describe(found, lang), "cancel")
    if done:
        return answer == "erase"
    dialog = ErasureDialog(found, lang, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return accepted


def erase(ctx, parent: QWidget | None, uuid: str,
          on_erased: Callable[[], None] | None = None) -> None:
    """Preview, confirmation, then the erasure on the task runner and one message saying
    what was erased. ``on_erased`` runs before the message (e.g. to close the file)."""
    found = retention.erasure_preview(ctx.reader, uuid)
    if not confirm(parent, found, ctx.lang):
        return

    def done(_count: int) -> None:
        if on_erased is not None:
            on_erased()
        # The message after the runner has announced the change: the lists refresh first,
        # so the person is no longer behind the message that says they are gone.
        QTimer.singleShot(0, ctx.runner, lambda: Dialog.info(
            ctx.runner.dialog_parent, QCoreApplication.translate(
                "Erasure", "La fiche de {name} a été effacée pour de bon, avec tout ce qui "
                "concernait cette personne.").format(name=found["name"]),
            QCoreApplication.translate("Erasure", "Effacement effectué")))

    # Not inside the runner's transaction: the erasure is one of its own, after which it
    # empties the write-ahead log of the erased values (as the retention purge does).
    ctx.runner.submit(
        lambda db, _progress: retention.erase_on_request(db, found["uuid"]),
        atomic=False, on_done=done, progress_title=QCoreApplication.translate(
            "Erasure", "Effacement de {name}…").format(name=found["name"]))


def erasure_button(form) -> QPushButton:
    """The participant file's « Effacer définitivement… » button (``form`` has ``ctx``,
    ``uuid``, ``dirty`` and ``close``): shown once the file is saved, in the bin too."""
    button = QPushButton(QCoreApplication.translate("Erasure", "Effacer définitivement…"), form)
    button.setToolTip(QCoreApplication.translate(
        "Erasure", "Droit à l'effacement (RGPD, article 17) : efface pour de bon cette "
        "personne et tout ce qui la concerne, à sa demande. Ne peut pas être annulé."))

    def closed() -> None:
        form.dirty = False  # nothing left to save: the person is gone
        form.close()

    button.clicked.connect(lambda: form.uuid and erase(form.ctx, form, form.uuid, closed))
    return button


class ChooseDialog(QDialog):
    """« Effacer une personne à sa demande » from the Conservation screen: choose whom, by
    typing (the participant search); the erasure's own confirmation follows."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        from citesdesk.gui.participant_picker import ParticipantPicker

        super().__init__(parent)
        self.setWindowTitle(self.tr("Effacer une personne à sa demande"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Droit à l'effacement (RGPD, article 17) : choisissez la personne qui demande "
            "l'effacement de ses données. Pour une fiche à la corbeille, ouvrez-la depuis la "
            "Corbeille et utilisez son bouton « Effacer définitivement… »."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.picker = ParticipantPicker(ctx, self)
        layout.addWidget(self.picker, 1)
        buttons = QDialogButtonBox(self)
        self.next_button = buttons.addButton(self.tr("Continuer…"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.next_button.setEnabled(False)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Annuler"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.picker.changed.connect(
            lambda: self.next_button.setEnabled(self.picker.currentData() is not None))
        self.picker.setFocus()
        fm = self.fontMetrics()
        resize_within_screen(self, fm.averageCharWidth() * 70, fm.height() * 24)


def choose_and_erase(ctx, parent: QWidget | None) -> None:
    """Choose the person (tests: ``Dialog.script(uuid)``), then :func:`erase`."""
    done, uuid = Dialog._scripted("choose_participant", QCoreApplication.translate(
        "Erasure", "Effacer une personne à sa demande"), "", "")
    if not done:
        dialog = ChooseDialog(ctx, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        uuid = dialog.picker.currentData() if accepted else ""
        dialog.deleteLater()
    if uuid:
        erase(ctx, parent, uuid)
