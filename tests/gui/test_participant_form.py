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
    screen = gui.window.show_screen("participants")  # on view: it follows changes
    if screen.model.loading or screen._stale:
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
    type_text(ed["birth_date"].widget, "31/02/1990")
    dialog.tabs.setCurrentIndex(dialog.tab_of["freins"])
    _save(dialog, qtbot, "save_refused")
    assert ed["last_name"].error.text() == "Ce champ est obligatoire."
    assert "Date impossible" in ed["birth_date"].error.text()
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


def test_a_mistyped_phone_is_saved_and_flagged(gui, qtbot, type_text):
    """A phone number that is not allocated never blocks the form: the person is saved,
    the number kept as typed, "à vérifier" shown, and the list's filter finds them."""
    screen = _list(gui, qtbot)
    dialog = gui.window.open_participant(None)
    ed = dialog.editors
    type_text(ed["last_name"].widget, "Sow")
    type_text(ed["first_name"].widget, "Awa")
    type_text(ed["phone"].widget, "06 91 87 83 82")
    type_text(ed["email"].widget, "awa.sow@example")
    with qtbot.waitSignal(screen.model.loaded, timeout=30000):
        _save(dialog, qtbot)
    assert dialog.general_error.isHidden()
    assert ed["phone"].widget.text() == "06 91 87 83 82"
    assert "à vérifier" in ed["phone"].error.text() and not ed["phone"].error.isHidden()
    assert "à vérifier" in ed["email"].error.text()
    assert ed["phone"].error.objectName() == "fieldWarning"
    db = open_database(gui.db_path, readonly=True)
    row = db.execute("SELECT phone, email, contact_check FROM participant").fetchone()
    db.close()
    assert row == ("06 91 87 83 82", "awa.sow@example", "phone|email")
    # opened again later: the flag is still shown
    uuid = dialog.uuid
    dialog.close()
    again = gui.window.open_participant(uuid)
    assert "À vérifier" in again.editors["phone"].error.text()
    # the list's filter "Coordonnées à vérifier"
    with qtbot.waitSignal(screen.model.loaded, timeout=30000):
        screen.to_check.setChecked(True)
    assert _rows(screen) == [("Sow", "Awa")]
    # corrected: the flag goes
    again.editors["phone"].widget.clear()
    type_text(again.editors["phone"].widget, "06 12 34 56 78")
    _save(again, qtbot)
    db = open_database(gui.db_path, readonly=True)
    assert db.execute("SELECT contact_check FROM participant").fetchone()[0] == "email"
    db.close()


def test_qpv_picker_takes_a_code_or_a_name(gui, qtbot, type_text):
    """The QPV field: a name, accents and case ignored, is understood as its code; the
    completion shows code, name and commune; saving makes the person a resident."""
    dialog = gui.window.open_participant(None)
    ed = dialog.editors
    type_text(ed["last_name"].widget, "Diallo")
    type_text(ed["first_name"].widget, "Mamadou")
    qpv = ed["code_qpv"].widget
    dialog.tabs.setCurrentIndex(dialog.tab_of["code_qpv"])
    type_text(qpv, "goutte d or")
    assert qpv.understood.text() == "Compris : QN07511M Goutte D'Or (Paris)"
    assert "QN07511M Goutte D'Or (Paris)" in qpv._model.stringList()
    _save(dialog, qtbot)
    assert qpv.text() == "QN07511M"
    assert ed["resident_qpv"].widget.currentData() == 1
    db = open_database(gui.db_path, readonly=True)
    assert db.execute("SELECT code_qpv, resident_qpv FROM participant").fetchone() == \
        ("QN07511M", 1)
    db.close()
    # a well-formed code not in the list: kept, with the same message as an import gives
    qpv.clear()
    type_text(qpv, "qn07599m")
    _save(dialog, qtbot)
    assert "absent de la liste officielle en vigueur" in ed["code_qpv"].error.text()
    assert "citesdesk" not in ed["code_qpv"].error.text()
