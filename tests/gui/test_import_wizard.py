"""The import wizard's main path, and undo from the Imports screen."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtWidgets import QWizard

from citesdesk.core.db import open_database
from citesdesk.gui.dialogs import Dialog
from citesdesk.services import Cancelled

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def _live(path, table="participant"):
    db = open_database(path)
    try:
        return db.execute(f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL").fetchone()[0]
    finally:
        db.close()


def _wait_shown(qtbot, words: str) -> None:
    qtbot.waitUntil(lambda: any(words in text for _, _, text in Dialog.shown), timeout=30000)


def _open_wizard(gui, qtbot, path):
    screen = gui.window.show_screen("imports")
    assert screen is not None
    wizard = screen.open_wizard()
    qtbot.addWidget(wizard)
    Dialog.script(str(path))
    with qtbot.waitSignal(wizard.file_loaded, timeout=30000):
        wizard.file_page.browse()
    return screen, wizard


def test_main_path_map_check_choose_commit_undo(gui, site_path, qtbot, tmp_path):
    screen, wizard = _open_wizard(gui, qtbot, FIX / "participants_messy.xlsx")
    page = wizard.file_page
    assert "7 ligne(s) de données, en-têtes en ligne 4" in page.status.text()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()

    wizard.next()  # mapping
    mapping = wizard.mapping_page
    assert mapping.table.item(0, 1).text() == "NOM"
    assert mapping.combos[0].currentData() == "last_name"
    assert mapping.combos[2].currentData() == "birth_date"
    assert "Dupont" in mapping.table.item(0, 2).text()
    mapping.set_field(8, None)  # ignore "Quartier"
    mapping.profile_edit.setText("Mission locale")
    Dialog.script(None)
    mapping.save_profile_button.click()
    _wait_shown(qtbot, "Profil « Mission locale » enregistré")

    with qtbot.waitSignal(wizard.dry_run_done, timeout=30000):
        wizard.next()  # dry run
    dry = wizard.dry_run_page
    assert "7 ligne(s) : 4 à créer, 0 à mettre à jour, 1 ignorée(s), 2 en erreur" in \
        dry.summary.text()
    assert "Cohortes créées : Cohorte printemps." in dry.summary.text()
    rows = {dry.table.item(r, 0).text(): r for r in range(dry.table.rowCount())}
    bad = rows["10"]
    assert dry.table.item(bad, 1).text() == "en erreur"
    assert "colonne C (« Né(e) le ») : Date impossible" in dry.table.item(bad, 3).text()
    assert dry.table.item(bad, 1).background().color().name() == "#f6cfcf"
    assert dry.table.item(rows["5"], 1).background().color().name() == "#ddf2dd"
    assert not dry.isComplete()  # errors: all or nothing refuses

    # the error report
    Dialog.script(str(tmp_path / "rapport"), None)
    dry.report_button.click()
    _wait_shown(qtbot, "Rapport enregistré")
    assert openpyxl.load_workbook(tmp_path / "rapport.xlsx").sheetnames == ["Lignes", "Résumé"]

    # the duplicate (row 12 = row 5): create it anyway, per row
    combo = dry.action_combos[12]
    assert combo.currentData() == "skip"
    combo.setCurrentIndex(combo.findData("create"))
    assert "5 à créer" in dry.summary.text()

    dry.valid_only_check.setChecked(True)
    assert dry.isComplete()
    with qtbot.waitSignal(wizard.committed, timeout=30000):
        wizard.next()
    assert wizard.currentPage() is wizard.done_page
    assert "5 ligne(s) créée(s)" in wizard.done_page.label.text()
    assert _live(site_path) == 5
    wizard.close()

    # history, then undo the whole import
    qtbot.waitUntil(lambda: screen.table.rowCount() == 1, timeout=30000)
    assert screen.table.item(0, 2).text() == "participants_messy.xlsx"
    assert screen.table.item(0, 5).text() == "enregistré"
    screen.table.selectRow(0)
    assert screen.undo_button.isEnabled()
    Dialog.script("yes", None)
    screen.undo_selected()
    _wait_shown(qtbot, "Import annulé : 8 fiche(s)")
    assert _live(site_path) == 0
    qtbot.waitUntil(lambda: screen.table.item(0, 5).text().startswith("annulé le"),
                    timeout=30000)


def test_saved_profile_is_offered_again(gui, qtbot):
    screen, wizard = _open_wizard(gui, qtbot, FIX / "participants_win1252.csv")
    assert wizard.mapping_source == "auto"
    wizard.next()
    wizard.mapping_page.set_field(6, None)
    wizard.mapping_page.profile_edit.setText("CCAS")
    Dialog.script(None)
    wizard.mapping_page.save_profile()
    _wait_shown(qtbot, "Profil « CCAS » enregistré")
    wizard.close()
    _, again = _open_wizard(gui, qtbot, FIX / "participants_win1252.csv")
    assert again.mapping_source == "profile:CCAS"
    again.next()
    assert "Profil enregistré reconnu : « CCAS »" in again.mapping_page.source_label.text()
    assert again.mapping_page.combos[6].currentData() is None
    again.close()


def test_bad_file_message_and_cancelled_commit_writes_nothing(gui, site_path, qtbot):
    screen, wizard = _open_wizard(gui, qtbot, FIX / "participants_tab.txt")
    Dialog.script(str(FIX / "password.xlsx"))
    wizard.file_page.browse()
    qtbot.waitUntil(lambda: "protégé par un mot de passe" in wizard.file_page.status.text(),
                    timeout=30000)
    assert not wizard.file_page.isComplete()
    Dialog.script(str(FIX / "participants_tab.txt"))
    with qtbot.waitSignal(wizard.file_loaded, timeout=30000):
        wizard.file_page.browse()
    wizard.next()
    with qtbot.waitSignal(wizard.dry_run_done, timeout=30000):
        wizard.next()
    assert wizard.dry_run_page.isComplete()
    # cancel the commit as the progress dialog's Cancel button does: the progress callback
    # raises Cancelled (here once every row is written, just before the end)
    original = gui.runner.submit

    def submit_and_cancel(fn, *args, **kw):
        def cancelled(db, progress, *a):
            def cancel(done, total, text=""):
                if done >= total:
                    raise Cancelled()

            return fn(db, cancel, *a)

        return original(cancelled, *args, **kw)

    gui.runner.submit = submit_and_cancel
    Dialog.script(None)
    try:
        assert wizard.currentPage() is wizard.dry_run_page and wizard.dry_run_page.isComplete()
        wizard.next()
        _wait_shown(qtbot, "Import annulé : rien n'a été enregistré")
    finally:
        gui.runner.submit = original
    assert wizard.currentPage() is wizard.dry_run_page
    assert _live(site_path) == 0
    wizard.close()


def test_template_saved_from_the_screen(gui, qtbot, tmp_path):
    screen = gui.window.show_screen("imports")
    screen.template_combo.setCurrentIndex(screen.template_combo.findData("events"))
    Dialog.script(str(tmp_path / "modele"), None)
    screen.template_button.click()
    _wait_shown(qtbot, "Modèle enregistré")
    assert openpyxl.load_workbook(tmp_path / "modele.xlsx").sheetnames[0] == "Étapes"


def test_in_english(make_app, site_path, qtbot):
    app = make_app(site_path, "en")
    app.window.show()
    screen = app.window.show_screen("imports")
    assert screen.title() == "Imports"
    assert screen.import_button.text() == "Import a spreadsheet…"
    wizard = screen.open_wizard()
    qtbot.addWidget(wizard)
    assert wizard.file_page.title() == "File to import"
    Dialog.script(str(FIX / "password.xlsx"))
    wizard.file_page.browse()
    qtbot.waitUntil(lambda: "is password-protected" in wizard.file_page.status.text(),
                    timeout=30000)
    wizard.close()


def test_sheet_chooser(gui, qtbot, tmp_path):
    import xlsxwriter

    path = tmp_path / "deux.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    wb.add_worksheet("Lisez-moi").write_string(0, 0, "Liste envoyée par le CCAS")
    ws = wb.add_worksheet("Jeunes")
    ws.write_row(0, 0, ["Nom", "Prénom", "Né le"])
    ws.write_row(1, 0, ["Roux", "Anne", "01/01/2000"])
    ws.write_row(2, 0, ["Petit", "Léa", "02/02/2001"])
    wb.close()
    screen = gui.window.show_screen("imports")
    wizard = screen.open_wizard()
    qtbot.addWidget(wizard)
    Dialog.script(str(path))
    wizard.file_page.browse()
    page = wizard.file_page
    qtbot.waitUntil(lambda: page.sheet_combo.count() == 2, timeout=30000)
    assert page.sheet_combo.isEnabled() and page.sheet_combo.currentText() == "Lisez-moi"
    assert not page.isComplete()  # a sheet with one line: no table
    with qtbot.waitSignal(wizard.file_loaded, timeout=30000):
        page.sheet_combo.setCurrentText("Jeunes")
    assert wizard.table.sheet == "Jeunes" and len(wizard.table.rows) == 2
    assert "2 ligne(s) de données" in page.status.text()
    wizard.close()


def test_cancelled_check_says_so(gui, qtbot):
    screen, wizard = _open_wizard(gui, qtbot, FIX / "participants_tab.txt")
    wizard.next()
    original = gui.runner.submit

    def submit_and_cancel(fn, *args, **kw):
        def cancelled(db, progress, *a):
            def cancel(done, total, text=""):
                raise Cancelled()

            return fn(db, cancel, *a)

        return original(cancelled, *args, **kw)

    gui.runner.submit = submit_and_cancel
    try:
        wizard.next()
        qtbot.waitUntil(lambda: "Vérification annulée" in wizard.dry_run_page.summary.text(),
                        timeout=10000)
    finally:
        gui.runner.submit = original
    assert not wizard.dry_run_page.isComplete()
    wizard.close()


def test_partner_list_with_bad_mobiles_and_qpv_names_imports_everyone(gui, site_path, qtbot):
    """The wizard applies the import's rules: bad mobiles and an unknown QPV code only warn
    (nothing blocks), names of quarters are understood, everyone is created."""
    _, wizard = _open_wizard(gui, qtbot, FIX / "partner_list_qpv_lo.ods")
    wizard.next()  # mapping
    with qtbot.waitSignal(wizard.dry_run_done, timeout=30000):
        wizard.next()  # dry run
    dry = wizard.dry_run_page
    assert "61 ligne(s) : 60 à créer, 0 à mettre à jour, 1 ignorée(s), 0 en erreur" in \
        dry.summary.text()
    rows = {dry.table.item(r, 0).text(): r for r in range(dry.table.rowCount())}
    said = dry.table.item(rows["6"], 3).text()
    assert "colonne D (« Tél. portable ») : Numéro de téléphone « 0691878382 » à vérifier" \
        in said
    assert dry.isComplete()  # warnings only: all or nothing goes through
    with qtbot.waitSignal(wizard.committed, timeout=30000):
        wizard.next()
    assert "60 ligne(s) créée(s)" in wizard.done_page.label.text()
    db = open_database(site_path)
    try:
        assert db.execute("SELECT count(*) FROM participant WHERE contact_check != ''"
                          ).fetchone()[0] == 7  # six phones, one e-mail
        assert db.execute("SELECT code_qpv, resident_qpv FROM participant WHERE last_name = "
                          "'Martin' AND first_name = 'Lucas'").fetchone() == ("QN09338M", 1)
    finally:
        db.close()
    wizard.close()
