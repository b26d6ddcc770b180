"""The participants list: search as you type, filters, count, opening."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from citesdesk.core.db import open_database
from citesdesk.services import records


@pytest.fixture
def people(site_path):
    db = open_database(site_path)
    cohort = records.create(db, "cohort", {"name": "Cohorte printemps"})
    rows = {}
    for last, first, phone, extra in (
        ("Dupont", "Hélène", "06 12 34 56 78", {"resident_qpv": 1, "code_qpv": "QN09301M",
                                                 "connu_spe": 0, "referent": "Awa"}),
        ("Martin", "Marc", "07 81 22 33 44", {"referent": "Luc"}),
        ("Nguyen", "Élodie", None, {"situation_entree": "DE_INSCRIT"}),
    ):
        rows[first] = records.create(db, "participant", {"last_name": last, "first_name": first,
                                                         "phone": phone, **extra})
    records.create(db, "enrollment", {"participant_id": rows["Hélène"]["id"],
                                      "cohort_id": cohort["id"], "date_entree": "2026-03-02"})
    records.create(db, "enrollment", {"participant_id": rows["Marc"]["id"],
                                      "cohort_id": cohort["id"], "date_entree": "2026-03-02",
                                      "date_sortie": "2026-06-30", "motif_sortie": "CDI"})
    db.close()
    return rows


def _screen(gui, qtbot):
    screen = gui.window.show_screen("participants")  # the dashboard is the home screen
    if screen.model.loading or screen._stale:
        with qtbot.waitSignal(screen.model.loaded, timeout=30000):
            screen.activated()
    return screen


def _names(screen):
    model = screen.model
    return [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]


def _wait(screen, qtbot, action):
    with qtbot.waitSignal(screen.model.loaded, timeout=30000):
        action()


def test_list_shows_participants_sorted_with_labels(people, gui, qtbot):
    screen = _screen(gui, qtbot)
    assert _names(screen) == [("Dupont", "Hélène"), ("Martin", "Marc"), ("Nguyen", "Élodie")]
    assert screen.count_label.text() == "3 participants"
    model = screen.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:3] == ["Nom", "Prénom", "Date de naissance"]
    assert model.index(2, 7).data() == "Demandeur d'emploi inscrit à France Travail"
    assert model.index(0, 9).data() == "Cohorte printemps"
    _wait(screen, qtbot, lambda: screen.table.sortByColumn(1, Qt.SortOrder.DescendingOrder))
    assert [n[1] for n in _names(screen)] == ["Marc", "Hélène", "Élodie"]


def test_search_as_you_type_ignores_accents(people, gui, qtbot, type_text):
    screen = _screen(gui, qtbot)
    with qtbot.waitSignal(screen.model.loaded, timeout=30000):
        type_text(screen.search, "helene")
    assert _names(screen) == [("Dupont", "Hélène")]
    assert screen.count_label.text() == "1 participant"
    screen.search.clear()
    with qtbot.waitSignal(screen.model.loaded, timeout=30000):
        type_text(screen.search, "06 12")
    assert _names(screen) == [("Dupont", "Hélène")]


def test_filters(people, gui, qtbot):
    screen = _screen(gui, qtbot)
    _wait(screen, qtbot, lambda: screen.status.setCurrentIndex(screen.status.findData("active")))
    assert _names(screen) == [("Dupont", "Hélène")]
    _wait(screen, qtbot, lambda: screen.status.setCurrentIndex(screen.status.findData("exited")))
    assert _names(screen) == [("Martin", "Marc")]
    _wait(screen, qtbot, lambda: screen.status.setCurrentIndex(0))
    _wait(screen, qtbot, lambda: screen.invisibles.setChecked(True))
    assert _names(screen) == [("Dupont", "Hélène")]
    _wait(screen, qtbot, lambda: screen.invisibles.setChecked(False))
    _wait(screen, qtbot, lambda: screen.referent.setCurrentIndex(screen.referent.findData("Luc")))
    assert _names(screen) == [("Martin", "Marc")]
    _wait(screen, qtbot, lambda: screen.referent.setCurrentIndex(0))
    _wait(screen, qtbot, lambda: screen.qpv.setChecked(True))
    assert _names(screen) == [("Dupont", "Hélène")]
    assert screen.cohort.itemText(1) == "Cohorte printemps"


def test_enter_opens_the_participant(people, gui, qtbot, monkeypatch):
    screen = _screen(gui, qtbot)
    opened = []
    monkeypatch.setitem(screen.ctx.navigation, "open_participant", opened.append)
    screen.table.setFocus()
    screen.select_row(1)
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    assert opened == [people["Marc"]["uuid"]]


def test_ctrl_e_adds_a_step_to_the_selected_participant(people, gui, qtbot, drive):
    from citesdesk.gui.journey_dialogs import AddEventDialog

    screen = _screen(gui, qtbot)
    seen = []
    drive(AddEventDialog, lambda d: seen.append(d.participant_uuid))
    screen.table.setFocus()
    screen.select_row(2)
    qtbot.keyClick(screen.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert seen == [people["Élodie"]["uuid"]]


def test_several_participants_selected_for_a_batch(people, gui, qtbot):
    from PySide6.QtCore import QItemSelectionModel

    from citesdesk.gui.printing.actions import selected_uuids

    screen = _screen(gui, qtbot)
    assert screen.model.rowCount() >= 3
    screen.select_row(0)
    flags = (QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    screen.table.selectionModel().select(screen.model.index(2, 0), flags)
    expected = [screen.model.uuid_at(0), screen.model.uuid_at(2)]
    assert screen.selected_uuids() == expected
    assert selected_uuids(gui.window) == expected  # what Impression › Imprimer la fiche prints


def test_laetitia_finds_the_ligature_and_the_count_follows_the_first_page(
        people, site_path, gui, qtbot, type_text, monkeypatch):
    from citesdesk.gui import participants_model

    db = open_database(site_path)
    records.create(db, "participant", {"last_name": "Lœuvre", "first_name": "Lætitia"})
    db.close()
    monkeypatch.setattr(participants_model, "PAGE_SIZE", 2)  # 4 people: a first page of 2
    screen = _screen(gui, qtbot)
    _wait(screen, qtbot, screen.model.reload)
    assert screen.count_label.text() == "4 participants"
    assert _names(screen) == [("Dupont", "Hélène"), ("Lœuvre", "Lætitia"),
                              ("Martin", "Marc"), ("Nguyen", "Élodie")]
    with qtbot.waitSignal(screen.model.loaded, timeout=30000):
        type_text(screen.search, "laetitia")
    assert _names(screen) == [("Lœuvre", "Lætitia")]
    assert screen.count_label.text() == "1 participant"
