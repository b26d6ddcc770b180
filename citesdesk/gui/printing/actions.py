"""The printing actions of the window: participant file, consent form, subject-access
export, and batches (a selection or a cohort) with progress and Cancel.

Every PDF is built on the task runner's worker (never in the GUI thread) by
:mod:`citesdesk.services.printing`, in the window's language. A document that leaves the
screen (printed or saved) is recorded in the audit log, as the command line does.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu, QPushButton, QWidget

from citesdesk.gui.context import AppContext
from citesdesk.gui.dialogs import Dialog
from citesdesk.gui.forms import number_text

# -- work done on the runner's worker (plain functions: db, progress, *args) ---------------

def _document(db, progress, what: str, uuid: str | None, lang: str) -> tuple[bytes, str]:
    from citesdesk.services import printing
    from citesdesk.services.printing.batch import file_name

    buffer = io.BytesIO()
    name = "formulaire-consentement.pdf" if lang == "fr" else "consent-form.pdf"
    if what == "participant":
        printing.participant_pdf(db, uuid, buffer, lang)
    elif what == "consent":
        printing.consent_form_pdf(db, buffer, uuid, lang)
    else:
        printing.access_export_pdf(db, uuid, buffer, lang)
    if uuid:
        person = printing.data.person(db, uuid)
        prefix = {"participant": "fiche", "consent": "consentement", "access": "acces-rgpd"}
        name = f"{prefix[what]}-{file_name(person)}"
    return buffer.getvalue(), name


def _audit(db, progress, uuids: list[str], document: str) -> None:
    from citesdesk.core import audit

    for uuid in uuids:
        audit.audit(db, "print", "participant", uuid, {"document": document})


def _batch(db, progress, uuids: list[str], out: str, split: bool, lang: str):
    from citesdesk.services import printing

    result = printing.print_batch(db, uuids, out, split=split, lang=lang, progress=progress)
    with db.atomic():
        _audit(db, progress, uuids, "participant_file")
    return result


# -- actions ------------------------------------------------------------------------------

_DOCUMENTS = {"participant": "participant_file", "consent": "consent_form",
              "access": "access_export"}


def _titles() -> dict[str, str]:
    return {"participant": QCoreApplication.translate("PrintActions", "Fiche participant"),
            "consent": QCoreApplication.translate("PrintActions", "Formulaire de consentement"),
            "access": QCoreApplication.translate("PrintActions", "Export d'accès (RGPD)")}


def preview(ctx: AppContext, what: str, uuid: str | None, parent: QWidget | None) -> None:
    """Build the document on the worker, then open the preview on it (modal)."""
    from citesdesk.gui.printing.preview import PrintPreviewDialog

    def show(result) -> None:
        pdf, name = result
        dialog = PrintPreviewDialog(pdf, _titles()[what], name, parent)
        if uuid:
            dialog.delivered.connect(lambda _kind: ctx.runner.submit(
                _audit, [uuid], _DOCUMENTS[what]))
        dialog.exec()

    ctx.runner.submit(_document, what, uuid, ctx.lang, on_done=show, atomic=False)


def print_participant(ctx, uuid, parent=None) -> None:
    preview(ctx, "participant", uuid, parent)


def print_consent_form(ctx, uuid=None, parent=None) -> None:
    preview(ctx, "consent", uuid, parent)


def print_access_export(ctx, uuid, parent=None) -> None:
    preview(ctx, "access", uuid, parent)


def print_batch(ctx: AppContext, uuids: list[str], parent: QWidget | None,
                on_done: Callable | None = None) -> None:
    """Several participant files: one PDF, or one PDF per person in a folder."""
    if not uuids:
        Dialog.info(parent, QCoreApplication.translate("PrintActions", "Choisissez d'abord un ou plusieurs participants."))
        return
    choice = Dialog.ask(
        parent, QCoreApplication.translate("PrintActions", "Imprimer {n} fiches").format(n=number_text(len(uuids), ctx.lang)),
        QCoreApplication.translate("PrintActions", "Imprimer les {n} fiches dans un seul PDF, ou un PDF par personne dans un "
           "dossier ?").format(n=number_text(len(uuids), ctx.lang)),
        buttons=("cancel",), default="one",
        custom={"one": QCoreApplication.translate("PrintActions", "Un seul PDF"),
                "split": QCoreApplication.translate("PrintActions", "Un PDF par personne")})
    if choice not in ("one", "split"):
        return
    split = choice == "split"
    if split:
        out = Dialog.choose_folder(parent, QCoreApplication.translate("PrintActions", "Dossier des fiches"))
    else:
        out = Dialog.save_file(parent, QCoreApplication.translate("PrintActions", "Enregistrer les fiches"),
                               QCoreApplication.translate("PrintActions", "Documents PDF (*.pdf)"), "fiches.pdf")
        if out and not out.lower().endswith(".pdf"):
            out += ".pdf"
    if not out:
        return

    def done(result) -> None:
        Dialog.info(parent, QCoreApplication.translate("PrintActions", "{n} fiches imprimées dans « {path} ».").format(
            n=number_text(result.count, ctx.lang), path=out))
        if on_done is not None:
            on_done(result)

    ctx.runner.submit(
        _batch, list(uuids), out, split, ctx.lang, atomic=False, on_done=done,
        on_cancel=lambda: Dialog.info(parent, QCoreApplication.translate("PrintActions", "Impression annulée : aucun fichier n'a été "
                                                 "gardé.")),
        progress_title=QCoreApplication.translate("PrintActions", "Impression de {n} fiches…").format(n=number_text(len(uuids), ctx.lang)))


def print_cohort(ctx: AppContext, cohort_uuid: str, parent: QWidget | None,
                 on_done: Callable | None = None) -> None:
    from citesdesk.services.printing import cohort_members

    _, uuids = cohort_members(ctx.reader, cohort_uuid)
    print_batch(ctx, uuids, parent, on_done)


def choose_cohort(ctx: AppContext, parent: QWidget | None) -> str | None:
    rows = ctx.reader.execute(
        "SELECT uuid, name FROM cohort WHERE deleted_at IS NULL ORDER BY name").fetchall()
    if not rows:
        Dialog.info(parent, QCoreApplication.translate("PrintActions", "Aucune cohorte n'est enregistrée."))
        return None
    names = [r[1] for r in rows]
    if Dialog.headless:
        return rows[0][0]
    name, ok = QInputDialog.getItem(
        parent, QCoreApplication.translate("PrintActions", "Imprimer une cohorte"),
        QCoreApplication.translate("PrintActions", "Cohorte :"), names, 0, False)
    return rows[names.index(name)][0] if ok else None


# -- menu -------------------------------------------------------------------------------

def selected_uuids(window) -> list[str]:
    """The participants chosen in the current screen (``selected_uuids()`` if it has one)."""
    screen = current_screen(window)
    getter = getattr(screen, "selected_uuids", None)
    if getter is not None:
        return list(getter())
    current = getattr(screen, "current_uuid", None)  # the participants list
    uuid = current() if current is not None else None
    return [uuid] if uuid else []


def current_screen(window):
    return window.current_screen() if hasattr(window, "current_screen") else None


class PrintMenu(QObject):
    """The "Impression" menu of the main window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        ctx = window.ctx
        menu = window.menuBar().addMenu(QCoreApplication.translate("PrintActions", "Im&pression"))
        self.menu = menu

        def add(text: str, slot) -> QAction:
            action = QAction(text, window)
            action.triggered.connect(lambda _=False: slot())
            menu.addAction(action)
            return action

        self.file_action = add(QCoreApplication.translate("PrintActions", "Imprimer la fiche…"), self.print_selected)
        self.consent_action = add(QCoreApplication.translate("PrintActions", "Formulaire de consentement…"), lambda: print_consent_form(
            ctx, self._one_or_none(), window))
        self.access_action = add(QCoreApplication.translate("PrintActions", "Export d'accès (RGPD)…"), self.access_export)
        menu.addSeparator()
        self.cohort_action = add(QCoreApplication.translate("PrintActions", "Imprimer une cohorte…"), self.cohort)

    def _one_or_none(self) -> str | None:
        uuids = selected_uuids(self.window)
        return uuids[0] if len(uuids) == 1 else None

    def print_selected(self) -> None:
        uuids = selected_uuids(self.window)
        if len(uuids) == 1:
            print_participant(self.window.ctx, uuids[0], self.window)
        else:
            print_batch(self.window.ctx, uuids, self.window)

    def access_export(self) -> None:
        uuid = self._one_or_none()
        if uuid is None:
            Dialog.info(self.window, QCoreApplication.translate("PrintActions", "Choisissez d'abord un participant (un seul) dans "
                                        "la liste."))
            return
        print_access_export(self.window.ctx, uuid, self.window)

    def cohort(self) -> None:
        screen = current_screen(self.window)
        uuid = getattr(screen, "current", None) if getattr(screen, "key", "") == "cohorts" \
            else None  # the cohort open in the cohorts screen, else ask
        uuid = uuid or choose_cohort(self.window.ctx, self.window)
        if uuid:
            print_cohort(self.window.ctx, uuid, self.window)


def form_print_button(form) -> QPushButton:
    """The "Imprimer" button of the participant form, with its menu of documents.

    ``form`` has ``ctx``, ``uuid`` (None while the participant is not saved yet) and
    ``deleted``; the documents of a saved participant need the uuid, the blank consent
    form does not."""
    button = QPushButton(QCoreApplication.translate("PrintActions", "Imprimer"), form)
    menu = QMenu(button)
    file_action = menu.addAction(QCoreApplication.translate("PrintActions",
                                                            "Imprimer la fiche…"))
    consent_action = menu.addAction(QCoreApplication.translate(
        "PrintActions", "Formulaire de consentement…"))
    access_action = menu.addAction(QCoreApplication.translate(
        "PrintActions", "Export d'accès (RGPD)…"))
    file_action.triggered.connect(lambda _=False: print_participant(form.ctx, form.uuid, form))
    consent_action.triggered.connect(
        lambda _=False: print_consent_form(form.ctx, form.uuid if not form.deleted else None,
                                           form))
    access_action.triggered.connect(
        lambda _=False: print_access_export(form.ctx, form.uuid, form))

    def enable() -> None:
        saved = bool(form.uuid) and not form.deleted
        file_action.setEnabled(saved)
        access_action.setEnabled(saved)

    menu.aboutToShow.connect(enable)
    button.setMenu(menu)
    button.actions_by_name = {"file": file_action, "consent": consent_action,
                              "access": access_action}
    button.refresh_actions = enable
    return button


def install_menu(window) -> PrintMenu:
    window.print_menu = PrintMenu(window)
    return window.print_menu
