"""The journey timeline and its dialogs, and the notes, driven as a person would."""

from __future__ import annotations

import pytest
from journey_support import cohort, fr, person, wait_ready

from citesdesk.gui.journey import JourneyWidget
from citesdesk.gui.journey_dialogs import AddEventDialog, EnrollDialog, EventDialog, ExitDialog
from citesdesk.gui.notes import NotesWidget
from citesdesk.services import journey, records


@pytest.fixture
def widget(app_ctx, qtbot, db):
    w = JourneyWidget(app_ctx)
    qtbot.addWidget(w)
    uuid = person(db)
    with qtbot.waitSignal(w.loaded, timeout=30000):
        w.set_participant(uuid)
    return w


def texts(w: JourneyWidget) -> list[tuple[str, str, str]]:
    tree = w.tree
    return [tuple(tree.topLevelItem(i).text(c) for c in range(3))
            for i in range(tree.topLevelItemCount())]


def test_add_edit_delete_an_event_through_the_dialog(widget, qtbot, db, drive):
    partner = records.create(db, "partner", {"type": "ENTREPRISE", "name": "Boulangerie Sud"})
    seen = {}

    def add(dlg: EventDialog):
        wait_ready(qtbot, dlg)
        assert dlg.windowTitle() == "Ajouter une étape"
        dlg.set_type("ENTRETIEN")
        seen["contract_for_interview"] = dlg.contract_combo.isVisibleTo(dlg)
        seen["barrier_for_interview"] = dlg.barrier_combo.isVisibleTo(dlg)
        dlg.set_type("EMPLOI_DEBUT")
        seen["contract_for_job"] = dlg.contract_combo.isVisibleTo(dlg)
        seen["barrier_for_job"] = dlg.barrier_combo.isVisibleTo(dlg)
        dlg.contract_combo.setCurrentIndex(dlg.contract_combo.findData("CDD_6P"))
        dlg.date.setDate(dlg.date.date().fromString("03/02/2026", "dd/MM/yyyy"))
        dlg.partner_combo.setCurrentIndex(dlg.partner_combo.findData(partner["uuid"]))
        dlg.note.setPlainText("Embauche après l'immersion.")
        with qtbot.waitSignal(dlg.saved, timeout=30000):
            dlg.ok_button.click()

    drive(EventDialog, add)
    with qtbot.waitSignal(widget.loaded, timeout=30000):
        row = widget.add_event()
    assert seen == {"contract_for_interview": False, "barrier_for_interview": False,
                    "contract_for_job": True, "barrier_for_job": False}
    stored = records.get(db, "event", row["uuid"])
    assert (stored["type"], stored["date"], stored["code_contrat"], stored["partner_id"]) == (
        "EMPLOI_DEBUT", "2026-02-03", "CDD_6P", partner["id"])
    assert texts(widget) == [("03/02/2026", "Début d'emploi",
                              "CDD de 6 mois et plus · Boulangerie Sud · "
                              "Embauche après l'immersion.")]

    def edit(dlg: EventDialog):
        wait_ready(qtbot, dlg)
        assert dlg.type_combo.currentData() == "EMPLOI_DEBUT"
        assert dlg.contract_combo.currentData() == "CDD_6P"
        assert dlg.note.toPlainText() == "Embauche après l'immersion."
        dlg.set_type("LEVEE_FREIN")
        assert not dlg.contract_combo.isVisibleTo(dlg) and dlg.barrier_combo.isVisibleTo(dlg)
        dlg.barrier_combo.setCurrentIndex(dlg.barrier_combo.findData("MOBILITE"))
        with qtbot.waitSignal(dlg.saved, timeout=30000):
            dlg.ok_button.click()

    drive(EventDialog, edit)
    assert widget.select("event", row["uuid"])
    with qtbot.waitSignal(widget.loaded, timeout=30000):
        widget.edit_selected()
    stored = records.get(db, "event", row["uuid"])
    assert (stored["type"], stored["code_contrat"], stored["code_frein"]) == (
        "LEVEE_FREIN", None, "MOBILITE")
    assert texts(widget)[0][1:] == ("Levée de frein",
                                    "Mobilité · Boulangerie Sud · Embauche après l'immersion.")

    from citesdesk.gui.dialogs import Dialog
    Dialog.script("yes")
    assert widget.select("event", row["uuid"])
    with qtbot.waitSignal(widget.loaded, timeout=30000):
        assert widget.delete_selected()
    assert Dialog.shown[-1][0] == "ask" and "corbeille" in Dialog.shown[-1][2]
    assert texts(widget) == []
    assert records.get(db, "event", row["uuid"], include_deleted=True)["deleted_at"]


def test_a_refused_step_shows_the_message_in_the_dialog(widget, qtbot, db, drive):
    records.delete(db, "participant", widget.participant_uuid)
    shown = {}

    def add(dlg: EventDialog):
        wait_ready(qtbot, dlg)
        with qtbot.waitSignal(dlg.failed, timeout=30000):
            dlg.ok_button.click()
        shown.update(dlg.errors.texts())

    drive(EventDialog, add)
    assert widget.add_event() is None
    assert "introuvable" in shown[""]


def test_enroll_and_exit_a_cohort_through_the_dialogs(widget, qtbot, db, drive):
    c = cohort(db, start_date="2026-01-01")

    def enroll(dlg: EnrollDialog):
        wait_ready(qtbot, dlg)
        dlg.cohort_combo.setCurrentIndex(dlg.cohort_combo.findData(c))
        dlg.date.setDate(dlg.date.date().fromString("05/01/2026", "dd/MM/yyyy"))
        with qtbot.waitSignal(dlg.saved, timeout=30000):
            dlg.ok_button.click()

    drive(EnrollDialog, enroll)
    with qtbot.waitSignal(widget.loaded, timeout=30000):
        enrollment = widget.enroll()
    assert records.get(db, "enrollment", enrollment["uuid"])["date_entree"] == "2026-01-05"
    assert texts(widget) == [("05/01/2026", fr("Entrée dans la cohorte « Cohorte printemps »"), "")]

    seen = {}

    def leave(dlg: ExitDialog):
        wait_ready(qtbot, dlg)
        assert dlg.enrollment_combo.currentText() == (
            "Cohorte printemps (entrée le 05/01/2026)")
        dlg.date.setDate(dlg.date.date().fromString("01/01/2026", "dd/MM/yyyy"))
        dlg.set_motif("INTERIM_6M")
        seen["group"] = dlg.group_label.text()
        seen["item"] = dlg.motif_combo.currentText()
        with qtbot.waitSignal(dlg.failed, timeout=30000):
            dlg.ok_button.click()  # exit before entry: refused, said under the field
        seen["error"] = dlg.errors.texts()
        dlg.date.setDate(dlg.date.date().fromString("30/04/2026", "dd/MM/yyyy"))
        with qtbot.waitSignal(dlg.saved, timeout=30000):
            dlg.ok_button.click()

    drive(ExitDialog, leave)
    with qtbot.waitSignal(widget.loaded, timeout=30000):
        widget.exit_cohort()
    assert seen["item"] == "Intérim de moins de 6 mois — Emploi de transition"
    assert seen["group"] == fr("Groupe : Emploi de transition — sortie dynamique")
    assert seen["error"] == {"date_sortie": "La date de sortie précède la date d'entrée."}
    stored = records.get(db, "enrollment", enrollment["uuid"])
    assert (stored["date_sortie"], stored["motif_sortie"]) == ("2026-04-30", "INTERIM_6M")
    assert texts(widget)[-1] == ("30/04/2026", fr("Sortie de la cohorte « Cohorte printemps »"),
                                 "Intérim de moins de 6 mois (Emploi de transition)")


def test_timeline_order_and_refresh_from_changes(widget, qtbot, db):
    uuid = widget.participant_uuid
    c = cohort(db)
    pid = journey.participant_id(db, uuid)
    partner = records.create(db, "partner", {"type": "MISSION_LOCALE", "name": "ML Est"})
    records.create(db, "event", {"participant_id": pid, "type": "DIAGNOSTIC",
                                 "date": "2026-03-02"})
    records.create(db, "event", {"participant_id": pid, "type": "REPERAGE",
                                 "date": "2025-12-01"})
    records.create(db, "enrollment", {"participant_id": pid, "cohort_id": records.get(
        db, "cohort", c)["id"], "date_entree": "2026-01-10"})
    records.create(db, "referral", {"participant_id": pid, "partner_id": partner["id"],
                                    "date": "2026-02-15", "status_date": "2026-02-15",
                                    "status": "ACCEPTEE"})
    with qtbot.waitSignal(widget.loaded, timeout=30000):
        widget.runner.changed.emit({"event"})
    assert [(d, what) for d, what, _ in texts(widget)] == [
        ("01/12/2025", "Repérage / aller-vers"),
        ("10/01/2026", fr("Entrée dans la cohorte « Cohorte printemps »")),
        ("15/02/2026", "Orientation vers ML Est"),
        ("02/03/2026", "Diagnostic"),
    ]
    assert texts(widget)[2][2] == "Acceptée le 15/02/2026"


def test_quick_add_event_seam(app_ctx, qtbot, db, drive):
    uuid = person(db, "Durand", "Karim")

    def add(dlg):
        wait_ready(qtbot, dlg)
        dlg.set_type("CONTACT")
        with qtbot.waitSignal(dlg.saved, timeout=30000):
            dlg.ok_button.click()

    drive(EventDialog, add)
    row = AddEventDialog.ask(None, app_ctx.runner, uuid)
    assert row["type"] == "CONTACT"
    assert [i["code"] for i in journey.timeline(db, uuid)] == ["CONTACT"]


def test_private_and_shared_notes(app_ctx, qtbot, db):
    notes = NotesWidget(app_ctx)
    qtbot.addWidget(notes)
    uuid = person(db)
    with qtbot.waitSignal(notes.loaded, timeout=30000):
        notes.set_participant(uuid)
    assert "CNIL" in notes.reminder.text() and "santé" in notes.reminder.text()
    assert "lire ses notes" in notes.reminder.text()
    assert not notes.empty_label.isHidden()

    notes.text.setPlainText("Rendez-vous pris à la Mission locale.")
    with qtbot.waitSignal(notes.loaded, timeout=30000):
        notes.save_button.click()
    notes.new_note()
    notes.text.setPlainText("Relancer l'employeur vendredi.")
    notes.private.setChecked(True)
    with qtbot.waitSignal(notes.loaded, timeout=30000):
        notes.save_button.click()

    assert notes.empty_label.isHidden()
    stored = {r["text"]: r["private"] for r in journey.notes(db, uuid)}
    assert stored == {"Rendez-vous pris à la Mission locale.": 0,
                      "Relancer l'employeur vendredi.": 1}
    from PySide6.QtCore import Qt
    shown = [(notes.list.item(i).text(),
              notes.list.item(i).data(Qt.ItemDataRole.AccessibleTextRole),
              notes.list.item(i).icon().isNull())
             for i in range(notes.list.count())]
    private = [s for s in shown if "Relancer" in s[0]][0]
    shared = [s for s in shown if "Rendez-vous" in s[0]][0]
    assert " — privée — " in private[0] and private[1].startswith("Note privée du ")
    assert private[2] is False  # the lock icon
    assert "privée" not in shared[0] and shared[1].startswith("Note partagée du ")
    assert shared[2] is True

    # make the private note shared
    row = [i for i in range(notes.list.count()) if "Relancer" in notes.list.item(i).text()][0]
    notes.list.setCurrentRow(row)
    assert notes.private.isChecked()
    notes.private.setChecked(False)
    with qtbot.waitSignal(notes.loaded, timeout=30000):
        notes.save_button.click()
    assert all(r["private"] == 0 for r in journey.notes(db, uuid))

    # an empty note is refused under the text
    notes.new_note()
    with qtbot.waitSignal(notes.save_failed, timeout=30000):
        notes.save_button.click()
    assert notes.errors.texts() == {"text": "Ce champ est obligatoire."}

    from citesdesk.gui.dialogs import Dialog
    notes.list.setCurrentRow(0)
    Dialog.script("yes")
    with qtbot.waitSignal(notes.loaded, timeout=30000):
        notes.delete_button.click()
    assert len(journey.notes(db, uuid)) == 1


def test_in_english(app_ctx, qtbot, db, drive):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from citesdesk.gui.icons import assets_dir

    translator = QTranslator()
    assert translator.load(str(assets_dir() / "i18n" / "journey_en.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        app_ctx.runner.lang = "en"
        uuid = person(db)
        seen = {}

        def look(dlg):
            wait_ready(qtbot, dlg)
            dlg.set_type("EMPLOI_DEBUT")
            seen["title"] = dlg.windowTitle()
            seen["ok"] = dlg.ok_button.text()
            seen["type"] = dlg.type_combo.currentText()
            dlg.reject()

        drive(EventDialog, look)
        assert EventDialog.ask(None, app_ctx.runner, uuid) is None
        assert seen == {"title": "Add a journey step", "ok": "Save", "type": "Job starts"}
        notes = NotesWidget(app_ctx)
        qtbot.addWidget(notes)
        assert notes.reminder.text().startswith("<b>What you may write</b> (CNIL rules)")
    finally:
        QCoreApplication.removeTranslator(translator)


def test_participant_in_the_bin_shows_an_empty_journey_without_error(app_ctx, qtbot, db):
    from citesdesk.gui.dialogs import Dialog

    uuid = person(db)
    records.create(db, "note", {"participant_id": journey.participant_id(db, uuid),
                                "date": "2026-02-01", "text": "Rendez-vous."})
    records.delete(db, "participant", uuid)
    w, notes = JourneyWidget(app_ctx), NotesWidget(app_ctx)
    qtbot.addWidget(w)
    qtbot.addWidget(notes)
    with qtbot.waitSignal(w.loaded, timeout=30000), qtbot.waitSignal(notes.loaded, timeout=30000):
        w.set_participant(uuid)
        notes.set_participant(uuid)
    assert texts(w) == [] and notes.list.count() == 0
    assert not w.add_button.isEnabled() and not notes.save_button.isEnabled()
    assert Dialog.shown == []


def test_delete_an_enrollment_from_the_timeline(widget, qtbot, db):
    from citesdesk.gui.dialogs import Dialog
    from citesdesk.services import journey_edit

    c = cohort(db)
    enrollment = journey_edit.enroll(db, widget.participant_uuid, c, "2026-01-05")
    journey_edit.exit_enrollment(db, enrollment["uuid"], "2026-03-01", "ABANDON")
    with qtbot.waitSignal(widget.loaded, timeout=30000):
        widget.reload()
    assert widget.select("exit", enrollment["uuid"])
    assert widget.delete_button.isEnabled() and not widget.edit_button.isEnabled()
    Dialog.script("no")
    assert not widget.delete_selected()
    Dialog.script("yes")
    with qtbot.waitSignal(widget.loaded, timeout=30000):
        assert widget.delete_selected()
    assert fr("« Cohorte printemps » (entrée le 05/01/2026)") in Dialog.shown[-1][2]
    assert texts(widget) == []
    assert records.get(db, "enrollment", enrollment["uuid"], include_deleted=True)["deleted_at"]
