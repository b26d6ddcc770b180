"""Erasure on request (RGPD, art. 17) from the window: from the participant's file, from
the Conservation screen, and from a file in the bin. The confirmation names the person, their
references and what goes; afterwards the person is gone from the list, their file is
closed, their values are gone from the database file, and the audit says « erase » as the
command line's does. Cancel erases nothing."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QApplication

from citesdesk.core.db import open_database
from citesdesk.gui.dialogs import Dialog
from citesdesk.gui.erasure import ErasureDialog
from citesdesk.gui.participant_form import ParticipantDialog
from citesdesk.services import records, retention
from tests.gui.waiting import tasks_finished

VALUES = ["Lefèvre", "Zéphyrine", "06 11 22 33 44", "Secret de Zéphyrine jamais relu"]


@pytest.fixture
def person(site_path) -> dict:
    db = open_database(site_path)
    p = records.create(db, "participant", {
        "last_name": "Lefèvre", "first_name": "Zéphyrine", "phone": "06 11 22 33 44",
        "ft_id": "FT1234567"})
    records.create(db, "participant", {"last_name": "Martin", "first_name": "Marc"})
    records.create(db, "event", {"participant_id": p["id"], "type": "ENTRETIEN",
                                 "date": "2026-01-10"})
    records.create(db, "note", {"participant_id": p["id"], "date": "2026-01-10",
                                "text": "Secret de Zéphyrine jamais relu"})
    db.close()
    return p


def _names(gui, qtbot) -> list[str]:
    screen = gui.window.show_screen("participants")
    qtbot.waitUntil(lambda: not screen.model.loading and not screen._stale, timeout=30000)
    qtbot.waitUntil(lambda: not gui.runner.busy(), timeout=30000)
    model = screen.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def _in_file(path) -> list[str]:
    data = b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal"))
                    if p.exists())
    return [v for v in VALUES if v.encode() in data]


def _erasures(gui) -> list[dict]:
    return [json.loads(c) for (c,) in gui.reader.execute(
        "SELECT changes FROM audit_log WHERE action = 'erase'")]


def _open_files() -> list[ParticipantDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, ParticipantDialog) and w.isVisible()]


def test_erase_from_the_participants_file(gui, qtbot, person, site_path):
    assert _names(gui, qtbot) == ["Lefèvre", "Martin"]
    dialog = gui.window.open_participant(person["uuid"])
    assert dialog.erase_button.isVisible()
    Dialog.reset()
    order = []
    gui.runner.changed.connect(  # the erasure's change, not the opening backup's setting
        lambda tables: order.append("changed") if "participant" in tables else None)
    Dialog.script("erase", lambda kind, *_: order.append(kind))
    with tasks_finished(qtbot, gui.runner):
        dialog.erase_button.click()
    qtbot.waitUntil(lambda: len(Dialog.shown) == 2, timeout=30000)
    # the windows were told before the message: the person is not behind it any more
    assert order[:2] == ["changed", "info"]
    kind, title, text = Dialog.shown[0]
    assert (kind, title) == ("erase", "Effacer définitivement Zéphyrine LEFÈVRE")
    for words in ("Zéphyrine LEFÈVRE", person["uuid"], "FT1234567", "1 étape(s)",
                  "0 orientation(s)", "1 note(s)", "ne peut pas être annulé"):
        assert words in text, words
    assert Dialog.shown[1][0] == "info" and "Zéphyrine LEFÈVRE" in Dialog.shown[1][2]
    assert _open_files() == []  # the file closed itself: there is nothing left to show
    assert _names(gui, qtbot) == ["Martin"]
    assert gui.reader.execute("SELECT count(*) FROM participant WHERE uuid = ?",
                              [person["uuid"]]).fetchone()[0] == 0
    assert _in_file(site_path) == []
    assert _erasures(gui) == [{"participants": 1,
                               "motif": "demande de la personne (RGPD, art. 17)"}]


def test_cancel_erases_nothing(gui, qtbot, person, site_path):
    dialog = gui.window.open_participant(person["uuid"])
    Dialog.reset()
    Dialog.script("cancel")
    submitted = []
    submit = gui.runner.submit
    gui.runner.submit = lambda *a, **k: submitted.append(a) or submit(*a, **k)
    try:
        dialog.erase_button.click()
        qtbot.wait(100)
    finally:
        del gui.runner.submit
    assert [k for k, _t, _x in Dialog.shown] == ["erase"]  # no message: nothing happened
    assert [a[0] for a in submitted if a[0].__qualname__.startswith("erase")] == []
    assert _open_files() == [dialog]
    assert _names(gui, qtbot) == ["Lefèvre", "Martin"]
    assert set(_in_file(site_path)) == set(VALUES)
    assert _erasures(gui) == []
    dialog.close()


def test_the_confirmation_asks_for_the_last_name(gui, qtbot, person):
    found = retention.erasure_preview(gui.reader, person["uuid"])
    confirm = ErasureDialog(found, "fr", gui.window)
    qtbot.addWidget(confirm)
    assert confirm.windowTitle() == "Effacer définitivement Zéphyrine LEFÈVRE"
    assert "FT1234567" in confirm.text.text() and person["uuid"] in confirm.text.text()
    assert not confirm.erase_button.isEnabled() and confirm.cancel_button.isDefault()
    confirm.confirm.setText("Martin")
    assert not confirm.erase_button.isEnabled()
    confirm.accept()  # Enter with the wrong name: nothing
    assert confirm.result() != confirm.DialogCode.Accepted
    confirm.confirm.setText("  lefevre ")  # case and accents ignored
    assert confirm.erase_button.isEnabled()
    confirm.show()
    qtbot.waitExposed(confirm)
    label = confirm.text  # every line of the preview shows (none cut at the bottom)
    assert label.height() >= label.heightForWidth(label.width())
    assert confirm.width() <= confirm.screen().availableGeometry().width()


def test_erase_from_the_conservation_screen(gui, qtbot, person, site_path):
    screen = gui.window.show_screen("retention")
    assert screen.erase_button.isVisible()  # also when nobody is past the period
    Dialog.reset()
    Dialog.script(person["uuid"], "cancel")
    screen.erase_button.click()
    assert [k for k, _t, _x in Dialog.shown] == ["choose_participant", "erase"]
    assert _names(gui, qtbot) == ["Lefèvre", "Martin"]
    gui.window.show_screen("retention")
    Dialog.script(person["uuid"], "erase")
    with tasks_finished(qtbot, gui.runner):
        screen.erase_button.click()
    assert _names(gui, qtbot) == ["Martin"]
    assert _in_file(site_path) == []
    assert len(_erasures(gui)) == 1


def test_erase_a_file_in_the_bin(gui, qtbot, person, site_path):
    db = open_database(site_path)
    records.delete(db, "participant", person["uuid"])
    db.close()
    dialog = gui.window.open_participant(person["uuid"])
    assert dialog.deleted and dialog.erase_button.isVisible()
    Dialog.reset()
    Dialog.script("erase")
    with tasks_finished(qtbot, gui.runner):
        dialog.erase_button.click()
    assert "(fiche à la corbeille)" in Dialog.shown[0][2]
    assert _open_files() == []
    assert gui.reader.execute("SELECT count(*) FROM participant").fetchone()[0] == 1
    assert _in_file(site_path) == []
