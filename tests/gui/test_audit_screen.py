"""The audit log screen: filters by participant, record, date and coordinator; export."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from citesdesk.core.db import open_database
from citesdesk.gui.dialogs import Dialog
from citesdesk.services import records
from tests.gui.waiting import tasks_finished


def _fill(path):
    db = open_database(path)
    db.set_setting("current_coordinator", "Awa Diallo")
    a = records.create(db, "participant", {"last_name": "Benali", "first_name": "Yanis"})
    b = records.create(db, "participant", {"last_name": "Durand", "first_name": "Léa"})
    records.create(db, "note", {"participant_id": a["id"], "text": "Premier rendez-vous",
                                "date": "2026-11-02"})
    db.set_setting("current_coordinator", "Marc Petit")
    records.update(db, "participant", b["uuid"], {"first_name": "Léane"})
    db.close()
    return a, b


def show(gui, qtbot):
    screen = gui.window.show_screen("audit")
    with qtbot.waitSignal(screen.loaded, timeout=30_000):
        screen.reload()
    return screen


def column(screen, c):
    return [screen.table.item(r, c).text() for r in range(screen.table.rowCount())]


def test_filters_and_export(gui, site_path, qtbot, tmp_path):
    a, b = _fill(site_path)
    screen = show(gui, qtbot)
    assert screen.title() == "Journal"
    assert {"Awa Diallo", "Marc Petit"} <= set(column(screen, 1))
    screen.who.setText("benali")
    with qtbot.waitSignal(screen.loaded, timeout=30_000):
        screen.reload()
    assert column(screen, 3) == ["Participant", "Note"]  # the person and her note
    assert column(screen, 2) == ["création", "création"]
    screen.who.clear()
    screen.record.setText(b["uuid"][:8])
    with qtbot.waitSignal(screen.loaded, timeout=30_000):
        screen.reload()
    assert column(screen, 2) == ["création", "modification"]
    assert "Léa → Léane" in column(screen, 5)[1]
    screen.record.clear()
    screen.actor.setCurrentIndex(screen.actor.findData("Marc Petit"))
    with qtbot.waitSignal(screen.loaded, timeout=30_000):
        screen.reload()
    assert set(column(screen, 1)) == {"Marc Petit"} and screen.table.rowCount() == 1
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    screen.actor.setCurrentIndex(0)
    screen.since.setDate(tomorrow)
    with qtbot.waitSignal(screen.loaded, timeout=30_000):
        screen.reload()
    assert screen.table.rowCount() == 0 and not screen.export_button.isEnabled()
    screen.clear_filters()
    qtbot.waitUntil(lambda: screen.table.rowCount() >= 4)
    shown = screen.table.rowCount()
    out = tmp_path / "journal.xlsx"
    Dialog.script(str(out))
    with tasks_finished(qtbot, gui.runner):
        screen.export()
    sheet = openpyxl.load_workbook(out).active
    values = list(sheet.values)
    assert values[0] == ("Date", "Coordinateur·rice", "Action", "Type", "Enregistrement",
                         "Changements")
    assert len(values) - 1 == shown
    assert values[-1][1:4] == ("Marc Petit", "modification", "Participant")
    assert values[-1][0].startswith(dt.date.today().strftime("%d/%m/%Y"))
    assert values[-1][4] == b["uuid"] and "Léa → Léane" in values[-1][5]
    assert gui.reader.execute("SELECT count(*) FROM audit_log WHERE action = 'export' AND "
                              "table_name = 'audit_log'").fetchone()[0] == 1



@pytest.mark.parametrize("lang, expected", [
    ("fr", "Situation à l'entrée\u00a0: En emploi précaire → Inactif"),
    ("en", "Situation at entry: In precarious employment → Inactive")])
def test_changes_in_peoples_words(make_app, site_path, qtbot, lang, expected):
    """A field is named by its label and a coded value by its label, never the code."""
    db = open_database(site_path)
    p = records.create(db, "participant", {"last_name": "Durand", "first_name": "Léa",
                                           "situation_entree": "EMPLOI_PRECAIRE"})
    records.update(db, "participant", p["uuid"], {"situation_entree": "INACTIF", "rqth": 1})
    db.close()
    app = make_app(site_path, lang)
    app.window.show()
    screen = app.window.show_screen("audit")
    with qtbot.waitSignal(screen.loaded, timeout=30_000):
        screen.reload()
    changes = column(screen, 5)[-1]
    assert expected in changes
    for code in ("situation_entree", "EMPLOI_PRECAIRE", "INACTIF", "rqth"):
        assert code not in changes
