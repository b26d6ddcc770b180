"""Forms that hold still: messages keep their room (nothing moves under the pointer), the
banner goes with the last error, required fields are marked, each field is checked when it
is left."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt


def _save_refused(dialog, qtbot):
    with qtbot.waitSignal(dialog.save_refused, timeout=30000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def _where(widget) -> QPoint:
    return widget.mapTo(widget.window(), QPoint(0, 0))


def test_messages_keep_their_room_and_the_banner_goes_with_the_last_error(
        gui, qtbot, type_text):
    dialog = gui.window.open_participant(None)
    dialog.resize(1000, 680)
    ed = dialog.editors
    qtbot.wait(50)
    before = {name: _where(ed[name].widget) for name in ("first_name", "birth_date", "phone")}
    tabs_before = _where(dialog.tabs)
    type_text(ed["first_name"].widget, "Sam")
    type_text(ed["birth_date"].widget, "31/02/1990")  # an impossible date blocks the save
    _save_refused(dialog, qtbot)
    qtbot.wait(50)
    assert not ed["last_name"].error.isHidden() and not dialog.general_error.isHidden()
    assert "corrigez" in dialog.general_error.text()
    # nothing moved: the banner and the messages had their room already
    assert _where(dialog.tabs) == tabs_before
    assert {name: _where(ed[name].widget) for name in before} == before

    type_text(ed["last_name"].widget, "Martin")  # fixed: its message goes as it is typed
    assert ed["last_name"].error.isHidden()
    assert not dialog.general_error.isHidden()  # the birth date is still wrong
    dialog.tabs.setCurrentIndex(dialog.tab_of["birth_date"])
    ed["birth_date"].widget.clear()
    type_text(ed["birth_date"].widget, "28/02/1990")
    assert ed["birth_date"].error.isHidden()
    assert dialog.general_error.isHidden()  # the last error fixed: the banner goes


def test_required_fields_are_marked(gui):
    dialog = gui.window.open_participant(None)
    from citesdesk.core.model import PARTICIPANT

    for name, editor in dialog.editors.items():
        required = PARTICIPANT.field(name).required
        assert editor.label_text.endswith(" *") == required, name
    assert dialog.editors["last_name"].label_text == "Nom *"


def test_a_future_birth_date_is_said_when_the_field_is_left(gui, qtbot, type_text):
    dialog = gui.window.open_participant(None)
    field = dialog.editors["birth_date"]
    type_text(field.widget, "01/01/2099")
    field.widget.editingFinished.emit()  # the field loses the focus
    assert not field.error.isHidden()
    assert field.error.text() == "La date de naissance est dans le futur."
    field.widget.clear()
    type_text(field.widget, "01/01/1990")
    assert field.error.isHidden()


def test_required_fields_are_marked_in_the_other_forms(gui, qtbot):
    from PySide6.QtWidgets import QLabel

    from citesdesk.gui.partner_form import PartnerDialog
    from citesdesk.gui.referral_dialogs import NewReferralDialog

    partner = PartnerDialog(gui.window.ctx, None, gui.window)
    qtbot.addWidget(partner)
    texts = {label.text() for label in partner.findChildren(QLabel)}
    assert {"&Type *", "&Nom *", "&SIRET"} <= texts
    referral = NewReferralDialog(gui.window.ctx, parent=gui.window)
    qtbot.addWidget(referral)
    texts = {label.text() for label in referral.findChildren(QLabel)}
    assert {"&Participant *", "P&artenaire *", "&Date *", "&Motif"} <= texts
    cohorts = gui.window.show_screen("cohorts")
    texts = {label.text() for label in cohorts.findChildren(QLabel)}
    assert {"Nom *", "Date de début"} <= texts


def test_the_cohort_form_checks_a_field_when_it_is_left(gui, qtbot, type_text):
    cohorts = gui.window.show_screen("cohorts")
    label = cohorts.errors.labels["start_date"]
    type_text(cohorts.start, "31/02/2026")
    cohorts.start.editingFinished.emit()
    assert not label.isHidden()
    assert label.text().startswith("Date impossible")
    cohorts.start.clear()
    type_text(cohorts.start, "01/02/2026")  # corrected: the message goes as it is typed
    assert label.isHidden()


def test_the_partner_form_checks_a_field_when_it_is_left(gui, qtbot, type_text):
    from citesdesk.gui.partner_form import PartnerDialog

    partner = PartnerDialog(gui.window.ctx, None, gui.window)
    qtbot.addWidget(partner)
    partner.show()
    siret, label = partner.edits["siret"], partner.form.errors["siret"]
    email_at = partner.edits["email"].mapTo(partner, partner.edits["email"].rect().topLeft())
    type_text(siret, "1234")
    siret.editingFinished.emit()  # the field loses the focus: checked at once, not at save
    assert not label.isHidden() and "SIRET invalide" in label.text()
    assert label.objectName() == "fieldError"
    qtbot.wait(20)
    assert partner.edits["email"].mapTo(partner, partner.edits["email"].rect().topLeft()) \
        == email_at  # the message took its reserved room: the next field did not move
    siret.clear()
    type_text(siret, "732 829 320 00074")  # corrected: the message goes as it is typed
    assert label.isHidden()
    email, said = partner.edits["email"], partner.form.errors["email"]
    type_text(email, "pas-un-courriel")
    email.editingFinished.emit()  # saved all the same, but said at once: a warning
    assert not said.isHidden() and said.objectName() == "fieldWarning", said.text()


def test_the_journey_dialogs_mark_what_must_be_filled(gui, qtbot, drive):
    from PySide6.QtWidgets import QLabel

    from citesdesk.gui.journey_dialogs import EnrollDialog, EventDialog, ExitDialog

    labels = {}
    for cls in (EventDialog, EnrollDialog, ExitDialog):
        drive(cls, lambda d: labels.setdefault(type(d).__name__, {
            label.text() for label in d.findChildren(QLabel) if label.text()}))
        cls.ask(gui.window, gui.runner, "no-one")
    assert {"Étape *", "Date *", "Partenaire", "Commentaire"} <= labels["EventDialog"]
    assert {"Cohorte *", "Date d'entrée *"} <= labels["EnrollDialog"]
    assert {"Cohorte *", "Date de sortie *", "Motif de sortie *"} <= labels["ExitDialog"]


def test_the_welcome_form_marks_the_site_s_required_fields(qtbot, tmp_path):
    from PySide6.QtWidgets import QLabel

    from citesdesk.gui.welcome import WelcomeDialog

    dialog = WelcomeDialog(tmp_path / "neuf.sqlite", "fr")
    qtbot.addWidget(dialog)
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"Nom du site *", "Code du site *", "Département", "Coordinateur·rice"} <= texts
    dialog.create()  # nothing filled: each message under its field, in its reserved room
    qtbot.waitUntil(lambda: not dialog.working, timeout=30000)  # the site is made off-thread
    assert not dialog.errors["name"].isHidden() and not dialog.errors["site_code"].isHidden()
    assert dialog.errors["departement"].isHidden()
