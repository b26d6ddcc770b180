"""Printing in the window: preview opened offscreen, printed to a file printer, saved,
batches with progress and Cancel, the "Impression" menu."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from citesdesk.core.db import open_database
from citesdesk.gui.dialogs import Dialog
from citesdesk.services import records
from tests.print_sample import make_participant


@pytest.fixture
def person(site_path):
    db = open_database(site_path)
    p = make_participant(db, events=60)
    db.close()
    return p


def _open_preview(gui, qtbot, drive, fn, *args):
    from citesdesk.gui.printing.preview import PrintPreviewDialog

    shown = drive(PrintPreviewDialog, lambda _dialog: None)  # its exec() would block
    fn(gui.window.ctx, *args, parent=gui.window)
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    dialog = shown[0]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _audited(site_path, uuid) -> list[str]:
    db = open_database(site_path, readonly=True)
    rows = db.execute("SELECT changes FROM audit_log WHERE action = 'print' AND "
                      "record_uuid = ?", [uuid]).fetchall()
    db.close()
    return [r[0] for r in rows]


def test_preview_opens_prints_and_saves(gui, qtbot, person, tmp_path, site_path, drive):
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

    from citesdesk.gui.printing import actions

    dialog = _open_preview(gui, qtbot, drive, actions.print_participant, person["uuid"])
    assert dialog.document.status() == QPdfDocument.Status.Ready
    assert dialog.page_count() >= 2
    assert dialog.view.document() is dialog.document
    assert dialog.windowTitle() == "Fiche participant"
    # the first page as the view renders it: not blank
    image = dialog.document.render(0, dialog.document.pagePointSize(0).toSize())
    assert not image.isNull() and image.width() > 100

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "imprime.pdf"))
    with qtbot.waitSignal(dialog.delivered, timeout=30000) as sig:
        assert dialog.print_document(printer)
    assert sig.args == ["print"]
    printed = PdfReader(str(tmp_path / "imprime.pdf"))
    assert len(printed.pages) == dialog.page_count()

    Dialog.script(str(tmp_path / "copie"))
    path = dialog.save_pdf()
    assert path.endswith("copie.pdf")
    text = "\n".join(p.extract_text() for p in PdfReader(path).pages)
    assert "Françoise BŒUF-MÉNARD" in text and "SECRET-PRIVÉ" not in text
    qtbot.waitUntil(lambda: len(_audited(site_path, person["uuid"])) == 2, timeout=30000)


def test_consent_form_and_access_export_previews(gui, qtbot, person, drive):
    from citesdesk.gui.printing import actions

    blank = _open_preview(gui, qtbot, drive, actions.print_consent_form, None)
    raw = PdfReader(io.BytesIO(blank.pdf))
    assert "Signature du ou de la participant·e" in raw.pages[-1].extract_text()
    access = _open_preview(gui, qtbot, drive, actions.print_access_export, person["uuid"])
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(access.pdf)).pages)
    assert "SECRET-PRIVÉ" in text and access.windowTitle() == "Export d'accès (RGPD)"


def _several(site_path, n):
    db = open_database(site_path)
    cohort = records.create(db, "cohort", {"name": "Automne"})
    partners = [records.create(db, "partner", {"type": "PLIE", "name": "PLIE"})] * 2
    with db.atomic():
        uuids = [make_participant(db, events=5, last_name=f"Lé{i}", ft_id=f"X{i}",
                                  cohort=cohort, partners=partners)["uuid"] for i in range(n)]
    db.close()
    return cohort, uuids


def test_batch_of_a_cohort_to_one_file(gui, qtbot, site_path, tmp_path):
    from citesdesk.gui.printing import actions

    cohort, uuids = _several(site_path, 4)
    results = []
    Dialog.script("one", str(tmp_path / "cohorte.pdf"))
    actions.print_cohort(gui.window.ctx, cohort["uuid"], gui.window, on_done=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=30000)
    assert results[0].count == 4
    texts = [p.extract_text() for p in PdfReader(str(tmp_path / "cohorte.pdf")).pages]
    assert sum("page 1 / " in t for t in texts) == 4
    assert any("fiches imprimées" in text for kind, _, text in Dialog.shown if kind == "info")


def test_batch_cancel_keeps_nothing(gui, qtbot, site_path, tmp_path):
    import threading

    from citesdesk.gui.printing import actions

    _, uuids = _several(site_path, 3)
    release = threading.Event()
    released = []
    # The worker is kept busy until the batch is cancelled (the wait is only a ceiling:
    # a loaded machine must not let the batch start before the user's Cancel).
    gui.runner.submit(lambda db, progress: released.append(release.wait(120)), atomic=False)
    try:
        Dialog.script("split", str(tmp_path / "fiches"))
        actions.print_batch(gui.window.ctx, uuids, gui.window)
        task = [t for t in gui.runner._pending.values() if t.progress_title][0]
        assert task.progress_title == "Impression de 3 fiches…"
        task.cancel()  # the user clicks Cancel on the progress dialog
    finally:
        release.set()
    qtbot.waitUntil(lambda: not gui.runner.busy(), timeout=30000)
    assert released == [True]
    assert not (tmp_path / "fiches").exists() or not list((tmp_path / "fiches").iterdir())
    assert any("annulée" in text for kind, _, text in Dialog.shown if kind == "info")


def test_print_menu_in_the_main_window(gui, qtbot, person):
    menu = gui.window.print_menu
    assert menu.menu.title() == "Im&pression"
    assert [a.text() for a in menu.menu.actions() if a.text()] == [
        "Imprimer la fiche…", "Formulaire de consentement…", "Export d'accès (RGPD)…",
        "Imprimer une cohorte…"]
    menu.access_action.trigger()  # nothing selected: the user is told what to do
    assert any("Choisissez d'abord un participant" in text for _, _, text in Dialog.shown)


def test_print_menu_in_english(make_app, site_path):
    app = make_app(site_path, "en")
    titles = [a.text() for a in app.window.print_menu.menu.actions() if a.text()]
    assert titles == ["Print the participant file…", "Consent form…",
                      "Access export (GDPR)…", "Print a cohort…"]


def test_print_menu_prints_the_participant_chosen_in_the_list(person, gui, qtbot, drive):
    from citesdesk.gui.printing.preview import PrintPreviewDialog

    screen = gui.window.show_screen("participants")
    if screen.model.loading or screen._stale:
        with qtbot.waitSignal(screen.model.loaded, timeout=30000):
            screen.activated()
    assert screen.model.rowCount() == 1
    screen.select_row(0)
    shown = drive(PrintPreviewDialog, lambda _dialog: None)
    gui.window.print_menu.file_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    qtbot.addWidget(shown[0])
    assert shown[0].windowTitle() == "Fiche participant"
    text = PdfReader(io.BytesIO(shown[0].pdf)).pages[0].extract_text()
    assert "Françoise BŒUF-MÉNARD" in text
    gui.window.print_menu.access_action.trigger()
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=30000)
    qtbot.addWidget(shown[1])
    assert shown[1].windowTitle() == "Export d'accès (RGPD)"


def test_participant_form_has_a_print_button(person, gui, qtbot, drive):
    from citesdesk.gui.participant_form import ParticipantDialog
    from citesdesk.gui.printing.preview import PrintPreviewDialog

    shown = drive(PrintPreviewDialog, lambda _dialog: None)
    form = ParticipantDialog(gui.window.ctx, person["uuid"], gui.window)
    qtbot.addWidget(form)
    button = form.print_button
    assert button.text() == "Imprimer"
    assert [a.text() for a in button.menu().actions()] == [
        "Imprimer la fiche…", "Formulaire de consentement…", "Export d'accès (RGPD)…"]
    button.refresh_actions()
    assert button.actions_by_name["access"].isEnabled()
    button.actions_by_name["consent"].trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    qtbot.addWidget(shown[0])
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(shown[0].pdf)).pages)
    assert "Bœuf-Ménard" in text and "Notice d'information" in text
    new = ParticipantDialog(gui.window.ctx, None, gui.window)
    qtbot.addWidget(new)
    new.print_button.refresh_actions()
    assert not new.print_button.actions_by_name["file"].isEnabled()
    assert new.print_button.actions_by_name["consent"].isEnabled()  # blank form
