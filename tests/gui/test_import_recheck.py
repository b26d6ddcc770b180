"""The import wizard when the base changes between the dry run and the commit (issue 12,
point 2): the duplicates are looked for again when writing, and the last page says so."""

from __future__ import annotations

from citesdesk.core.db import open_database
from citesdesk.gui.dialogs import Dialog
from citesdesk.services import importer


def test_people_added_meanwhile_are_found_when_the_wizard_writes(gui, site_path, qtbot,
                                                                   tmp_path):
    file = tmp_path / "gens.csv"
    file.write_text("Nom;Prénom;Date de naissance\nAlbane;Rose;01/02/1990\n"
                    "Bertin;Hugo;03/04/1985\nCastel;Inès;05/06/2000\n", encoding="utf-8")
    screen = gui.window.show_screen("imports")
    wizard = screen.open_wizard()
    qtbot.addWidget(wizard)
    Dialog.script(str(file))
    with qtbot.waitSignal(wizard.file_loaded, timeout=30000):
        wizard.file_page.browse()
    wizard.next()  # mapping
    with qtbot.waitSignal(wizard.dry_run_done, timeout=30000):
        wizard.next()  # dry run
    assert "3 à créer" in wizard.dry_run_page.summary.text()

    # meanwhile, the same file is imported (another import, or the same people typed in)
    other = open_database(site_path)
    table = importer.load_table(file, "participants")
    importer.commit(other, importer.analyse(other, table, importer.suggest_mapping(
        other, table)[0]))
    other.close()

    with qtbot.waitSignal(wizard.committed, timeout=30000):
        wizard.next()
    text = wizard.done_page.label.text()
    assert text.startswith("0 ligne(s) créée(s), 0 mise(s) à jour, 3 ignorée(s)")
    assert "La base a changé depuis la vérification" in text
    wizard.close()
    n = gui.reader.execute("SELECT count(*) FROM participant").fetchone()[0]
    assert n == 3
