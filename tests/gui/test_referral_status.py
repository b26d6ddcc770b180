"""A referral's status from a selected row (button and Enter), in the Orientations screen
and in the journey; the dialogs say which participant and which partner."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from citesdesk.services import records, referrals


@pytest.fixture
def referral(db):
    anne = records.create(db, "participant", {"last_name": "Lefèvre", "first_name": "Anne"})
    pole = records.create(db, "partner", {"type": "FRANCE_TRAVAIL",
                                          "name": "France Travail Nord"})
    return anne, pole, referrals.create_referral(db, anne["uuid"], pole["uuid"],
                                                 dt.date.today().isoformat())


def test_status_from_the_selected_row_with_the_button_or_enter(app_ctx, qtbot, referral,
                                                               drive):
    from citesdesk.gui.referral_dialogs import StatusDialog
    from citesdesk.gui.screens.referrals import ReferralsScreen

    _anne, _pole, ref = referral
    screen = ReferralsScreen(app_ctx)
    qtbot.addWidget(screen)
    screen.show()
    with qtbot.waitSignal(screen.loaded, timeout=30000):
        screen.activated()
    assert screen.findChild(type(screen.count), "screenTitle").text() == "Orientations"
    assert not screen.status_button.isEnabled()  # nothing chosen yet
    screen.table.selectRow(0)
    assert screen.status_button.isEnabled() and screen.open_button.isEnabled()
    opened = drive(StatusDialog)
    screen.status_button.click()
    dialog = opened[-1]
    assert dialog.windowTitle() == "Statut de l'orientation — Lefèvre Anne → France Travail Nord"
    assert dialog.heading.text().startswith("Orientation de Lefèvre Anne vers France Travail "
                                            "Nord, du ")
    dialog.close()
    screen.table.setFocus()
    QTest.keyClick(screen.table, Qt.Key.Key_Return)
    assert len(opened) == 2 and opened[1].referral["uuid"] == ref["uuid"]
    opened[1].close()


def test_the_journey_button_acts_on_a_selected_referral(app_ctx, qtbot, referral, drive):
    from citesdesk.gui.journey import JourneyWidget
    from citesdesk.gui.referral_dialogs import StatusDialog

    anne, _pole, ref = referral
    widget = JourneyWidget(app_ctx)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded, timeout=30000):
        widget.set_participant(anne["uuid"])
    assert not widget.edit_button.isEnabled()
    widget.select("referral", ref["uuid"])
    assert widget.edit_button.isEnabled()  # it used to stay grey: only a double-click worked
    assert widget.edit_button.text() == "Changer le statut…"
    opened = drive(StatusDialog)
    widget.edit_button.click()
    assert [d.referral["uuid"] for d in opened] == [ref["uuid"]]
    assert "Lefèvre Anne → France Travail Nord" in opened[0].windowTitle()
    opened[0].close()


def test_new_referral_on_an_empty_site_says_what_to_create_first(app_ctx, qtbot, drive):
    from citesdesk.gui.referral_dialogs import NewReferralDialog
    from citesdesk.gui.screens.referrals import ReferralsScreen

    screen = ReferralsScreen(app_ctx)
    qtbot.addWidget(screen)
    screen.show()
    with qtbot.waitSignal(screen.loaded, timeout=30000):
        screen.activated()
    assert not screen.empty_hint.isHidden() and screen.table.isHidden()
    assert "Aucune orientation pour l'instant" in screen.empty_hint.label.text()
    opened = drive(NewReferralDialog)
    screen.empty_hint.button.click()
    assert len(opened) == 1
    dialog = opened[0]
    assert "Aucun participant n'est encore enregistré" in dialog.missing.text()
    assert "Aucun partenaire n'est encore enregistré" in dialog.missing.text()
    from PySide6.QtWidgets import QDialogButtonBox

    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()
    dialog.save()  # even if forced: a message under the field, never « introuvable (None) »
    assert dialog.form.errors["participant_id"].text() == \
        "Choisissez un participant : tapez son nom, puis sélectionnez-le dans la liste."
    dialog.close()


def test_dialogs_opened_from_a_file_name_its_record(gui, qtbot, drive):
    from citesdesk.core.db import open_database
    from citesdesk.gui.journey_dialogs import EnrollDialog, EventDialog
    from citesdesk.gui.partner_form import ContactDialog, PartnerDialog

    db = open_database(gui.db_path)
    person = records.create(db, "participant", {"last_name": "Lefèvre", "first_name": "Anne"})
    partner = records.create(db, "partner", {"type": "ENTREPRISE", "name": "Boulangerie Nord"})
    db.close()
    file = gui.window.open_participant(person["uuid"])
    titles = []
    for cls in (EnrollDialog, EventDialog):
        drive(cls, lambda d: titles.append(d.windowTitle()))
    EnrollDialog.ask(file.journey, gui.runner, person["uuid"])
    EventDialog.ask(file.journey, gui.runner, person["uuid"])
    assert titles == ["Inscrire dans une cohorte — Anne Lefèvre",
                      "Ajouter une étape — Anne Lefèvre"]
    partner_file = PartnerDialog(gui.window.ctx, partner["uuid"], gui.window)
    qtbot.addWidget(partner_file)
    assert partner_file.heading.text() == "Boulangerie Nord"
    contact = ContactDialog(gui.window.ctx, partner["id"], None, partner_file)
    qtbot.addWidget(contact)
    assert contact.windowTitle() == "Contact — Boulangerie Nord"


def test_the_list_shows_the_new_status_once_saved(gui, qtbot, drive):
    """A coordinator changes a status from the Orientations screen: the row says so."""
    from citesdesk.core.db import open_database
    from citesdesk.gui.referral_dialogs import StatusDialog

    db = open_database(gui.db_path)
    anne = records.create(db, "participant", {"last_name": "Lefèvre", "first_name": "Anne"})
    pole = records.create(db, "partner", {"type": "FRANCE_TRAVAIL",
                                          "name": "France Travail Nord"})
    referrals.create_referral(db, anne["uuid"], pole["uuid"], dt.date.today().isoformat())
    db.close()
    screen = gui.window.show_screen("referrals")
    qtbot.waitUntil(lambda: screen.table.rowCount() == 1, timeout=30000)
    assert screen.table.item(0, 4).text() == "Proposée"
    screen.table.selectRow(0)
    opened = drive(StatusDialog)
    screen.status_button.click()
    dialog = opened[-1]
    dialog.status.setCurrentIndex(dialog.status.findData("ACCEPTEE"))
    dialog.save()
    qtbot.waitUntil(lambda: screen.table.item(0, 4).text() == "Acceptée", timeout=30000)
