"""Partners, referrals, dashboard and settings, driven through their widgets."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QLabel

from citesdesk.core import indicators
from citesdesk.core import settings as options
from citesdesk.gui.dialogs import Dialog
from citesdesk.services import records, referrals
from citesdesk.services.partners import contacts
from tests.gui.waiting import tasks_finished

AGE_KEY = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p"


def _wait_task(qtbot, ctx, action):
    with tasks_finished(qtbot, ctx.runner):
        action()


def test_create_a_partner_with_two_contacts(app_ctx, qtbot, db):
    from citesdesk.gui.partner_form import ContactDialog, PartnerDialog
    from citesdesk.gui.screens.partners import PartnersScreen

    dialog = PartnerDialog(app_ctx, None)
    qtbot.addWidget(dialog)
    assert not dialog.tabs.isTabEnabled(1)  # contacts come once the partner exists
    dialog.edits["type"].setCurrentIndex(dialog.edits["type"].findData("MISSION_LOCALE"))
    dialog.edits["name"].setText("Mission locale Plaine Commune")
    dialog.edits["siret"].setText("1234")
    _wait_task(qtbot, app_ctx, dialog.save)
    assert "SIRET invalide" in dialog.form.errors["siret"].text()
    assert records.find(db, "partner") == []
    dialog.edits["siret"].setText("732 829 320 00074")
    _wait_task(qtbot, app_ctx, dialog.save)
    partner = records.find(db, "partner")[0]
    assert partner["name"] == "Mission locale Plaine Commune"
    assert partner["siret"] == "73282932000074" and partner["type"] == "MISSION_LOCALE"
    assert dialog.tabs.isTabEnabled(1)

    for last, first, phone in (("Nguyen", "Linh", "01 48 00 00 01"), ("Roux", "Théo", "")):
        contact = ContactDialog(app_ctx, partner["id"], None, dialog)
        qtbot.addWidget(contact)
        contact.edits["last_name"].setText(last)
        contact.edits["first_name"].setText(first)
        contact.edits["phone"].setText(phone)
        _wait_task(qtbot, app_ctx, contact.save)
    assert [(c["last_name"], c["phone"]) for c in contacts(db, partner["uuid"])] == [
        ("Nguyen", "01 48 00 00 01"), ("Roux", None)]
    qtbot.waitUntil(lambda: dialog.contacts_table.rowCount() == 2, timeout=30000)

    screen = PartnersScreen(app_ctx)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.loaded, timeout=30000):
        screen.activated()
    assert screen.table.item(0, 0).text() == "Mission locale Plaine Commune"
    assert screen.table.item(0, 1).text() == "Mission locale"
    assert screen.table.item(0, 4).text() == "2"
    with qtbot.waitSignal(screen.loaded, timeout=30000):
        screen.search.setText("plaine")
    assert screen.table.rowCount() == 1
    with qtbot.waitSignal(screen.loaded, timeout=30000):
        screen.type_filter.setCurrentIndex(screen.type_filter.findData("CAP_EMPLOI"))
    assert screen.table.rowCount() == 0


@pytest.fixture
def people(db):
    anne = records.create(db, "participant", {"last_name": "Lefèvre", "first_name": "Anne"})
    omar = records.create(db, "participant", {"last_name": "Benali", "first_name": "Omar"})
    pole = records.create(db, "partner", {"type": "FRANCE_TRAVAIL", "name": "France Travail Évry"})
    afpa = records.create(db, "partner", {"type": "ORGANISME_FORMATION", "name": "AFPA"})
    return anne, omar, pole, afpa


def test_a_referral_through_its_statuses_with_dates(app_ctx, qtbot, db, people):
    from citesdesk.gui.forms import set_date
    from citesdesk.gui.referral_dialogs import NewReferralDialog, StatusDialog

    anne, _omar, _pole, afpa = people
    new = NewReferralDialog(app_ctx, participant_uuid=anne["uuid"])
    qtbot.addWidget(new)
    new.partner.setCurrentIndex(new.partner.findData(afpa["uuid"]))
    set_date(new.date, "2026-09-01")
    new.reason.setPlainText("Titre professionnel cariste")
    _wait_task(qtbot, app_ctx, new.save)
    ref = new.created
    for status, day in (("ACCEPTEE", "2026-09-10"), ("REALISEE", "2026-10-01")):
        dlg = StatusDialog(app_ctx, ref["uuid"])
        qtbot.addWidget(dlg)
        dlg.status.setCurrentIndex(dlg.status.findData(status))
        set_date(dlg.date, day)
        _wait_task(qtbot, app_ctx, dlg.save)
    final = StatusDialog(app_ctx, ref["uuid"])
    qtbot.addWidget(final)
    shown = [[final.history.item(r, c).text() for c in range(2)]
             for r in range(final.history.rowCount())]
    assert shown == [["01/09/2026", "Proposée"], ["10/09/2026", "Acceptée"],
                     ["01/10/2026", "Réalisée"]]
    assert not final.save_button.isEnabled()  # REALISEE is final
    assert final.form.errors["status"].text() == "Ce statut est définitif."


def test_a_status_date_before_the_current_one_is_refused(app_ctx, qtbot, db, people):
    from citesdesk.gui.forms import set_date
    from citesdesk.gui.referral_dialogs import StatusDialog

    anne, _omar, pole, _afpa = people
    ref = referrals.create_referral(db, anne["uuid"], pole["uuid"], "2026-09-15")
    dlg = StatusDialog(app_ctx, ref["uuid"])
    qtbot.addWidget(dlg)
    set_date(dlg.date, "2026-09-01")
    _wait_task(qtbot, app_ctx, dlg.save)
    assert "précède" in dlg.form.errors["date"].text()
    assert records.get(db, "referral", ref["uuid"])["status"] == "PROPOSEE"


def test_the_overdue_filter(app_ctx, qtbot, db, people):
    from citesdesk.gui.screens.referrals import ReferralsScreen

    anne, omar, pole, afpa = people
    today = dt.date.today()
    late = referrals.create_referral(db, omar["uuid"], pole["uuid"], today - dt.timedelta(days=20))
    referrals.create_referral(db, anne["uuid"], afpa["uuid"], today - dt.timedelta(days=3))
    answered = referrals.create_referral(db, anne["uuid"], pole["uuid"],
                                         today - dt.timedelta(days=40))
    referrals.change_status(db, answered["uuid"], "REFUSEE", today)
    screen = ReferralsScreen(app_ctx)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.loaded, timeout=30000):
        screen.activated()
    assert screen.table.rowCount() == 3
    with qtbot.waitSignal(screen.loaded, timeout=30000):
        screen.overdue.setChecked(True)
    assert screen.table.rowCount() == 1
    assert screen.table.item(0, 1).text() == "Benali Omar"
    assert screen.table.item(0, 4).text() == "Proposée (en retard)"
    assert [r["uuid"] for r in screen.rows] == [late["uuid"]]


def test_dashboard_numbers_equal_the_indicators_module_on_the_demo(tmp_path, qtbot, drive):
    from citesdesk.core.db import open_database
    from citesdesk.gui.context import AppContext
    from citesdesk.gui.records_dialog import RecordsDialog
    from citesdesk.gui.screens.dashboard import DashboardScreen
    from citesdesk.gui.tasks import TaskRunner
    from citesdesk.services.demo import build_demo

    db = open_database(tmp_path / "demo.sqlite", create=True)
    build_demo(db, participants=80, seed=4)
    runner = TaskRunner(db)
    reader = open_database(db.path, readonly=True)
    ctx = AppContext(runner=runner, reader=reader, db_path=db.path)
    try:
        screen = DashboardScreen(ctx)
        qtbot.addWidget(screen)
        with qtbot.waitSignal(screen.loaded, timeout=30000):
            screen.reload()
        site = indicators.compute(reader, indicators.Quarter.containing(dt.date.today()))
        for code, button in screen.number_buttons.items():
            value = site.quarter_value(code)
            shown = button.text().split("\n")[0]
            if code.startswith("TX_"):
                expected = "—" if value is None else f"{value * 100:.0f}\u202f%"
            else:
                expected = f"{value:,}".replace(",", "\u202f")
            assert shown == expected, code
        assert site.quarter_value("P_ACTIFS") > 0
        overdue = screen.todo_lists["overdue"].count()
        assert overdue == min(500, site.quarter_value("O_EN_RETARD")) or overdue > 0
        assert screen.months_view.chart().series()[0].count() == 2  # entries and exits
        drilled = drive(RecordsDialog)
        with tasks_finished(qtbot, runner):
            screen.number_buttons["P_ACTIFS"].click()
        qtbot.waitUntil(lambda: bool(drilled), timeout=30000)
        assert drilled[0].table.rowCount() == site.quarter_value("P_ACTIFS")
    finally:
        runner.shutdown()
        reader.close()
        db.close()


def test_settings_saved_and_reloaded(app_ctx, qtbot, db):
    from citesdesk.gui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(app_ctx)
    qtbot.addWidget(dialog)
    dialog.site_name.setText("Cité de l'emploi de Grigny")
    dialog.site_code.setText("CDE-91-002")
    dialog.departement.setText("91")
    dialog.coordinators.setPlainText("Awa Diallo\nJérôme Petit")
    dialog.current.setCurrentText("Jérôme Petit")
    dialog.retention.setValue(36)
    dialog.recipients.setPlainText(AGE_KEY)
    dialog.notice_version.setText("2026-2")
    _wait_task(qtbot, app_ctx, dialog.save)
    assert options.get(db, "retention_months") == 36
    assert options.get(db, "recipients") == [AGE_KEY]
    assert db.actor() == "Jérôme Petit"

    again = SettingsDialog(app_ctx)
    qtbot.addWidget(again)
    assert again.site_name.text() == "Cité de l'emploi de Grigny"
    assert again.coordinators.toPlainText() == "Awa Diallo\nJérôme Petit"
    assert again.retention.value() == 36
    assert again.recipients.toPlainText() == AGE_KEY
    assert again.notice_version.text() == "2026-2"


def test_a_bad_age_key_is_refused_with_a_message(app_ctx, qtbot, db, tmp_path):
    from citesdesk.gui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(app_ctx)
    qtbot.addWidget(dialog)
    dialog.site_name.setText("Site")
    dialog.site_code.setText("CDE-1")
    dialog.retention.setValue(30)
    dialog.recipients.setPlainText("age1pasunecle")
    _wait_task(qtbot, app_ctx, dialog.save)
    message = dialog.form.errors["recipients"].text()
    assert "age1pasunecle" in message and "refusée" in message
    assert options.get(db, "recipients") == []
    assert options.get(db, "retention_months") == 24  # nothing saved: all or nothing

    secret = tmp_path / "national.key"
    secret.write_text("AGE-SECRET-KEY-1QQQ\n", encoding="utf-8")
    Dialog.script(str(secret))
    dialog.load_key()
    assert any("clé privée" in text for _k, _t, text in Dialog.shown)
    public = tmp_path / "national.pub"
    public.write_text(f"# created: 2026-11-27\n# public key: {AGE_KEY}\n", encoding="utf-8")
    Dialog.script(str(public))
    dialog.load_key()
    assert dialog.recipients.toPlainText().splitlines()[-1] == AGE_KEY


def test_refer_from_the_journey_and_see_it_on_the_timeline(app_ctx, qtbot, db, people, drive):
    from citesdesk.gui.journey import JourneyWidget
    from citesdesk.gui.referral_dialogs import NewReferralDialog, StatusDialog

    anne, _omar, pole, _afpa = people
    widget = JourneyWidget(app_ctx)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded, timeout=30000):
        widget.set_participant(anne["uuid"])
    assert widget.refer_button.isEnabled()
    referring, statuses = drive(NewReferralDialog), drive(StatusDialog)
    widget.refer()
    (dialog,) = referring
    assert dialog.participant.currentText() == "Lefèvre Anne"
    assert not dialog.participant.isEnabled()
    dialog.partner.setCurrentIndex(dialog.partner.findData(pole["uuid"]))
    with qtbot.waitSignal(widget.loaded, timeout=30000):
        dialog.save()
    kinds = [item["kind"] for item in widget.items]
    assert "referral" in kinds
    referral = next(i for i in widget.items if i["kind"] == "referral")
    widget.select("referral", referral["uuid"])
    widget.edit_selected()
    assert statuses[0].status.count() == 3  # accepted, refused, abandoned


def test_dashboard_lists_people_past_retention_and_the_purge_has_its_own_screen(
        app_ctx, qtbot, db):
    from citesdesk.gui.screens.dashboard import DashboardScreen
    from citesdesk.gui.screens.retention import RetentionScreen

    old = records.create(db, "participant", {"last_name": "Ancien", "first_name": "Paul"})
    records.create(db, "event", {"participant_id": old["id"], "type": "ENTRETIEN",
                                 "date": "2022-01-10"})
    records.create(db, "participant", {"last_name": "Récent", "first_name": "Léa",
                                       "info_notice_date": dt.date.today().isoformat()})
    screen = DashboardScreen(app_ctx)
    qtbot.addWidget(screen)
    screen.show()  # a visible dashboard reloads when records change
    app_ctx.runner.changed.connect(screen.refresh)
    with qtbot.waitSignal(screen.loaded, timeout=30000):
        screen.reload()
    assert screen.todo_titles["retention"].text() == "Durée de conservation dépassée\u00a0: 1"
    assert screen.todo_lists["retention"].item(0).text() == \
        "Ancien Paul — dernier contact le 10/01/2022"
    # no deletion for good among the everyday numbers: a way to its own screen
    assert not hasattr(screen, "purge_button")
    assert not screen.retention_button.isHidden()
    shown = []
    app_ctx.navigation["show_screen"] = shown.append
    screen.retention_button.click()
    assert shown == ["retention"]

    purge = RetentionScreen(app_ctx)
    qtbot.addWidget(purge)
    purge.show()
    app_ctx.runner.changed.connect(purge.refresh)
    app_ctx.runner.changed.connect(screen.refresh)
    with qtbot.waitSignal(purge.loaded, timeout=30000):
        purge.activated()
    assert purge.title() == "Conservation"
    assert "Conservation des données" in [label.text() for label in purge.findChildren(QLabel)]
    assert "24 mois après son dernier contact" in purge.rule.text()
    assert purge.table.rowCount() == 1
    assert purge.table.item(0, 0).text() == "Ancien Paul"
    assert purge.table.item(0, 1).text() == "10/01/2022"
    assert purge.purge_button.isEnabled()
    Dialog.script("no")
    purge.purge_due()
    assert Dialog.shown[-1][1] == "Supprimer définitivement 1 personne(s)"
    assert "Supprimer définitivement 1 personne(s)" in Dialog.shown[-1][2]
    assert records.find(db, "participant", "last_name = 'Ancien'") != []
    Dialog.script("yes")
    with qtbot.waitSignal(purge.loaded, timeout=30000):
        purge.purge_due()
    assert records.find(db, "participant", "last_name = 'Ancien'") == []
    assert purge.purge_button.isHidden() and not purge.empty_hint.isHidden()
    qtbot.waitUntil(lambda: screen.todo_titles["retention"].text()
                    == "Durée de conservation dépassée\u00a0: 0", timeout=30000)
    assert screen.retention_button.isHidden()



def test_the_referral_picker_searches_as_you_type(app_ctx, qtbot, db, people, type_text):
    from citesdesk.gui.referral_dialogs import NewReferralDialog

    _anne, _omar, _pole, afpa = people
    laetitia = records.create(db, "participant", {"last_name": "Lœuvre", "first_name": "Lætitia",
                                                  "birth_date": "2001-04-12"})
    new = NewReferralDialog(app_ctx)
    qtbot.addWidget(new)
    picker = new.participant
    assert len(picker.texts()) == 3  # the first ones by name, before anything is typed
    new.save()  # nobody chosen: said next to the field, nothing submitted
    assert new.form.errors["participant_id"].text().startswith("Choisissez un participant")
    assert records.find(db, "referral") == []
    with qtbot.waitSignal(picker.ready, timeout=30000):
        type_text(picker.edit, "laetitia")
    assert picker.texts() == ["Lœuvre Lætitia (12/04/2001)"]
    assert picker.currentData() == laetitia["uuid"]  # the only match is chosen
    with qtbot.waitSignal(picker.ready, timeout=30000):
        picker.edit.setText("zzz")
    assert picker.texts() == [] and picker.hint.text() == "Aucun participant ne correspond à « zzz »."
    with qtbot.waitSignal(picker.ready, timeout=30000):
        picker.edit.setText("LŒUV")
    new.partner.setCurrentIndex(new.partner.findData(afpa["uuid"]))
    _wait_task(qtbot, app_ctx, new.save)
    assert new.created["participant_id"] == laetitia["id"]
