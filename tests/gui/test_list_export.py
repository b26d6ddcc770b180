""""Exporter la liste…" on the participants list: filtered rows, visible columns."""

from __future__ import annotations

import csv
import datetime as dt

from python_calamine import CalamineWorkbook

from citesdesk.core.db import open_database
from citesdesk.gui.dialogs import Dialog
from citesdesk.services import records
from tests.gui.waiting import tasks_finished


def _fill(site_path):
    db = open_database(site_path)
    for last, first, extra in (("Dupont", "Hélène", {"resident_qpv": 1, "birth_date": "1990-04-02"}),
                               ("=Martin", "Marc", {"genre": "H"}),
                               ("Nguyen", "Élodie", {"resident_qpv": 1, "genre": "F"})):
        records.create(db, "participant", {"last_name": last, "first_name": first, **extra})
    db.close()


def _screen(gui, qtbot):
    screen = gui.window.screen("participants")
    with qtbot.waitSignal(screen.model.loaded, timeout=30000):
        screen.activated()
    return screen


def test_export_filtered_list_to_xlsx(site_path, make_app, qtbot, tmp_path):
    _fill(site_path)
    app = make_app(site_path)
    app.window.show()
    screen = _screen(app, qtbot)
    with qtbot.waitSignal(screen.model.loaded, timeout=30000):
        screen.qpv.setChecked(True)
    screen.table.setColumnHidden(4, True)  # phone hidden: not exported
    out = tmp_path / "liste.xlsx"
    Dialog.script(str(out))
    with tasks_finished(qtbot, app.runner):
        screen.export_button.click()
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Participants").to_python()
    assert rows[0][:4] == ["Nom", "Prénom", "Date de naissance", "Genre"]
    assert "Téléphone" not in rows[0] and len(rows[0]) == 9
    assert [r[0] for r in rows[1:]] == ["Dupont", "Nguyen"]
    assert rows[1][2] == dt.date(1990, 4, 2)
    assert rows[2][3] == "Femme"
    assert any(kind == "info" and "2 lignes" in text for kind, _, text in Dialog.shown)


def test_export_list_to_csv(site_path, make_app, qtbot, tmp_path):
    _fill(site_path)
    app = make_app(site_path)
    app.window.show()
    screen = _screen(app, qtbot)
    out = tmp_path / "liste.csv"
    Dialog.script(str(out))
    with tasks_finished(qtbot, app.runner):
        screen.export_button.click()
    text = out.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(text.splitlines(), delimiter=";"))
    assert rows[0][0] == "Nom" and len(rows) == 4
    by_first = {r[1]: r for r in rows[1:]}
    assert by_first["Marc"][0] == "'=Martin"  # shown as text, never evaluated
    assert by_first["Hélène"][2] == "02/04/1990"
