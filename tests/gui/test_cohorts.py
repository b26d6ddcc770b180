"""The cohorts screen: counts, create and edit with inline errors, add several at once."""

from __future__ import annotations

import datetime as dt

import pytest
from journey_support import cohort, person, wait_ready

from citesdesk.gui.cohort_dialogs import AddMembersDialog
from citesdesk.gui.screens.cohorts import CohortsScreen
from citesdesk.services import cohorts, journey_edit, records


@pytest.fixture
def screen(app_ctx, qtbot):
    s = CohortsScreen(app_ctx)
    qtbot.addWidget(s)
    app_ctx.runner.changed.connect(s.refresh)  # what the main window does
    s.show()  # on view: it reads again what changed (a hidden screen, when next shown)
    return s


def test_list_shows_counts_and_members(screen, qtbot, db):
    today = dt.date.today()
    c = cohort(db, start_date="2025-09-01", target=12)
    a, b, x = person(db), person(db, "Durand", "Karim"), person(db, "Petit", "Léa")
    e = journey_edit.enroll(db, a, c, "2025-09-02")
    journey_edit.enroll(db, b, c, "2025-09-03")
    journey_edit.enroll(db, x, c, "2025-09-03")
    journey_edit.exit_enrollment(db, e["uuid"], (today - dt.timedelta(days=1)).isoformat(),
                                 "CDI")
    with qtbot.waitSignal(screen.loaded, timeout=30000):
        screen.activated()
    assert screen.title() == "Cohortes"
    row = screen.row_of(c)
    assert [screen.cell_text(row, col) for col in range(7)] == [
        "Cohorte printemps", "01/09/2025", "", "12", "2", "3", "1"]
    with qtbot.waitSignal(screen.members_loaded, timeout=30000):
        screen.select_cohort(c)
    assert screen.name.text() == "Cohorte printemps" and screen.target.text() == "12"
    members = [[screen.members.item(r, col).text() for col in range(5)]
               for r in range(screen.members.rowCount())]
    assert members[1] == ["Martin", "Hélène", "02/09/2025",
                          (today - dt.timedelta(days=1)).strftime("%d/%m/%Y"),
                          "CDI (Emploi durable)"]


def test_create_and_edit_with_inline_errors(screen, qtbot, db):
    with qtbot.waitSignal(screen.loaded, timeout=30000):
        screen.activated()
    screen.new_cohort()
    screen.name.setText("Cohorte automne")
    screen.start.setText("01/10/2026")
    screen.end.setText("31/02/2027")
    screen.target.setText("vingt")
    with qtbot.waitSignal(screen.save_failed, timeout=30000):
        screen.save_button.click()
    assert screen.errors.texts() == {
        "end_date": "Date impossible « 31/02/2027 » : écrivez-la jj/mm/aaaa.",
        "target": "Nombre entier attendu, pas « vingt »."}
    assert cohorts.summaries(db) == []

    screen.end.setText("30/06/2027")
    screen.target.setText("20")
    screen.referent.setText("Nadia B.")
    with qtbot.waitSignal(screen.loaded, timeout=30000):
        screen.save_button.click()
    assert screen.errors.texts() == {}
    [row] = cohorts.summaries(db)
    assert (row["name"], row["start_date"], row["end_date"], row["target"],
            row["referent"]) == ("Cohorte automne", "2026-10-01", "2027-06-30", 20, "Nadia B.")
    assert screen.cell_text(0, 0) == "Cohorte automne"

    screen.select_cohort(row["uuid"])
    screen.end.setText("01/01/2026")
    with qtbot.waitSignal(screen.save_failed, timeout=30000):
        screen.save_button.click()
    assert screen.errors.texts() == {"end_date": "La date de fin précède la date de début."}
    screen.name.setText("Cohorte automne 2026")
    screen.end.setText("")
    with qtbot.waitSignal(screen.loaded, timeout=30000):
        screen.save_button.click()
    stored = records.get(db, "cohort", row["uuid"])
    assert (stored["name"], stored["end_date"]) == ("Cohorte automne 2026", None)


def test_add_several_participants_at_once(screen, qtbot, db, drive):
    c = cohort(db, start_date="2026-01-01")
    a, b = person(db), person(db, "Durand", "Karim")
    already = person(db, "Petit", "Léa")
    journey_edit.enroll(db, already, c, "2026-01-02")
    with qtbot.waitSignal(screen.loaded, timeout=30000):
        screen.activated()
    with qtbot.waitSignal(screen.members_loaded, timeout=30000):
        screen.select_cohort(c)
    seen = {}

    def pick(dlg: AddMembersDialog):
        wait_ready(qtbot, dlg)
        seen["offered"] = sorted(dlg.list.item(i).text() for i in range(dlg.list.count()))
        assert dlg.check(b)
        with qtbot.waitSignal(dlg.ready, timeout=30000):
            dlg.search.setText("helene")
        seen["found"] = [dlg.list.item(i).text() for i in range(dlg.list.count())]
        assert dlg.check(a)
        seen["count"] = dlg.count_label.text()
        dlg.date.setDate(dlg.date.date().fromString("15/01/2026", "dd/MM/yyyy"))
        with qtbot.waitSignal(dlg.saved, timeout=30000):
            dlg.ok_button.click()

    drive(AddMembersDialog, pick)
    with qtbot.waitSignal(screen.members_loaded, timeout=30000):
        result = screen.add_members()
    assert seen["offered"] == ["Durand Karim", "Martin Hélène"]  # not the one already in
    assert seen["found"] == ["Martin Hélène"]
    assert seen["count"] == "2 participant(s) choisi(s)"
    assert sorted(result["enrolled"]) == sorted([a, b])
    # (a members list asked for earlier may be shown first: the new one follows)
    qtbot.waitUntil(lambda: screen.members.rowCount() == 3, timeout=30000)
    assert cohorts.summary(db, c)["entries"] == 3
    dates = {m["last_name"]: m["date_entree"] for m in cohorts.members(db, c)}
    assert dates == {"Martin": "2026-01-15", "Durand": "2026-01-15", "Petit": "2026-01-02"}


def test_the_add_several_picker_finds_laetitia_typed_without_ligature(screen, qtbot, db,
                                                                       drive):
    c = cohort(db, start_date="2026-01-01")
    laetitia = person(db, "Lœuvre", "Lætitia", birth_date="2001-04-12")
    person(db, "Durand", "Karim")
    with qtbot.waitSignal(screen.loaded, timeout=30000):
        screen.activated()
    with qtbot.waitSignal(screen.members_loaded, timeout=30000):
        screen.select_cohort(c)
    seen = {}

    def pick(dlg: AddMembersDialog):
        wait_ready(qtbot, dlg)
        with qtbot.waitSignal(dlg.ready, timeout=30000):
            dlg.search.setText("laetitia")
        seen["found"] = [dlg.list.item(i).text() for i in range(dlg.list.count())]
        assert dlg.check(laetitia)
        with qtbot.waitSignal(dlg.saved, timeout=30000):
            dlg.ok_button.click()

    drive(AddMembersDialog, pick)
    with qtbot.waitSignal(screen.members_loaded, timeout=30000):
        screen.add_members()
    assert seen["found"] == ["Lœuvre Lætitia (12/04/2001)"]
    assert [m["first_name"] for m in cohorts.members(db, c)] == ["Lætitia"]
