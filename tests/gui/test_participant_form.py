"""The participant form: create, validation, duplicates, unsaved changes, bin, English."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from citesdesk.core.db import open_database
from citesdesk.gui.dialogs import Dialog
from citesdesk.gui.participant_form import ParticipantDialog
from citesdesk.services import records


@pytest.fixture
def helene(site_path):
    db = open_database(site_path)
    row = records.create(db, "participant", {"last_name": "Dupont", "first_name": "Hélène",
                                              "birth_date": "1990-03-14",
                                              "phone": "06 12 34 56 78"})
    db.close()
    return row


def _list(gui, qtbot):
    screen = gui.window.screen("participants")
    if not screen._started:
        with qtbot.waitSignal(screen.model.loaded, timeout=30000):
            screen.activated()
    return screen


def _rows(screen):
    m = screen.model
    return [(m.index(r, 0).data(), m.index(r, 1).data()) for r in range(m.rowCount())]


def _save(dialog, qtbot, signal="saved"):
    with qtbot.waitSignal(getattr(dialog, signal), timeout=30000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_create_a_participant_through_the_form(gui, qtbot, type_text):
    screen = _list(gui, qtbot)
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    dialog = next(w for w in gui.window.findChildren(ParticipantDialog) if w.isVisible())
    assert dialog.windowTitle() == "Nouveau participant"
    ed = dialog.editors
    type_text(ed["last_name"].widget, "Benali")
    type_text(ed["first_name"].widget, "Inès")
    type_text(ed["birth_date"].widget, "02/05/1998")
    type_text(ed["phone"].widget, "0612345679")
    ed["genre"].widget.setCurrentIndex(ed["genre"].widget.findData("F"))
    dialog.tabs.setCurrentIndex(dialog.tab_of["freins"])
    qtbot.keyClick(ed["freins"].checks["MOBILITE"], Qt.Key.Key_Space)
    ed["connu_spe"].widget.setCurrentIndex(ed["connu_spe"].widget.findData(0))
    with qtbot.waitSignal(screen.model.loaded, timeout=30000):
        _save(dialog, qtbot)
    assert dialog.header.text() == "Inès Benali"
    assert not dialog.dirty
    assert ed["phone"].widget.text() == "06 12 34 56 79"
    assert ("Benali", "Inès") in _rows(screen)
    db = open_database(gui.db_path, readonly=True)
    row = db.execute("SELECT birth_date, genre, phone, freins, connu_spe FROM participant "
                     "WHERE last_name = 'Benali'").fetchone()
    db.close()
    assert row == ("1998-05-02", "F", "06 12 34 56 79", "MOBILITE", 0)


def test_services_messages_show_under_the_fields(gui, qtbot, type_text):
    dialog = gui.window.open_participant(None)
    ed = dialog.editors
    type_text(ed["first_name"].widget, "Sam")
    type_text(ed["email"].widget, "sam-at-example")
    dialog.tabs.setCurrentIndex(dialog.tab_of["freins"])
    _save(dialog, qtbot, "save_refused")
    assert ed["last_name"].error.text() == "Ce champ est obligatoire."
    assert "courriel invalide" in ed["email"].error.text()
    assert dialog.tabs.currentIndex() == dialog.tab_of["last_name"]
    assert not dialog.general_error.isHidden()
    db = open_database(gui.db_path, readonly=True)
    assert db.execute("SELECT count(*) FROM participant").fetchone()[0] == 0
    db.close()


def test_duplicate_warning_links_to_the_existing_record(helene, gui, qtbot, type_text):
    dialog = gui.window.open_participant(None)
    ed = dialog.editors
    type_text(ed["last_name"].widget, "DUPONT")
    type_text(ed["first_name"].widget, "helene")
    type_text(ed["birth_date"].widget, "14/03/1990")
    _save(dialog, qtbot, "save_refused")
    assert dialog.duplicate_banner.isVisible()
    text = dialog.duplicate_label.text()
    assert "Hélène Dupont" in text and "même nom et même date de naissance" in text
    assert "14/03/1990" in text
    qtbot.mouseClick(dialog.open_existing_button, Qt.MouseButton.LeftButton)
    existing = ParticipantDialog._open[helene["uuid"]]
    assert existing.isVisible() and existing.header.text() == "Hélène Dupont"
    _save_anyway = dialog.save_anyway_button
    with qtbot.waitSignal(dialog.saved, timeout=30000):
        qtbot.mouseClick(_save_anyway, Qt.MouseButton.LeftButton)
    db = open_database(gui.db_path, readonly=True)
    assert db.execute("SELECT count(*) FROM participant").fetchone()[0] == 2
    db.close()


def test_closing_with_unsaved_changes_asks(helene, gui, qtbot, type_text):
    dialog = gui.window.open_participant(helene["uuid"])
    type_text(dialog.editors["commune"].widget, "Bobigny")
    assert dialog.dirty
    Dialog.script("cancel")
    dialog.close()
    assert dialog.isVisible()
    assert Dialog.shown[-1][1] == "Modifications non enregistrées"
    Dialog.script("save")
    with qtbot.waitSignal(dialog.saved, timeout=30000):
        dialog.close()
    assert not dialog.isVisible()
    db = open_database(gui.db_path, readonly=True)
    assert db.execute("SELECT commune FROM participant").fetchone()[0] == "Bobigny"
    db.close()


def test_delete_to_the_bin_and_restore(helene, gui, qtbot):
    screen = _list(gui, qtbot)
    assert _rows(screen) == [("Dupont", "Hélène")]
    dialog = gui.window.open_participant(helene["uuid"])
    Dialog.script("yes")
    with qtbot.waitSignal(screen.model.loaded, timeout=30000), \
            qtbot.waitSignal(dialog.bin_changed, timeout=30000):
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert _rows(screen) == []
    assert dialog.bin_banner.isVisible() and not dialog.save_button.isEnabled()
    with qtbot.waitSignal(screen.model.loaded, timeout=30000):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert _rows(screen) == [("Dupont", "Hélène")]
    assert not dialog.bin_banner.isVisible()


def test_form_in_english(helene, make_app, site_path, qtbot):
    app = make_app(site_path, "en")
    dialog = app.window.open_participant(helene["uuid"])
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert titles[:5] == ["Identity and contact", "Situation", "Barriers", "Consent", "Ids"]
    assert dialog.editors["genre"].widget.currentText() == "Not stated"
    assert dialog.save_button.text() == "Save"
