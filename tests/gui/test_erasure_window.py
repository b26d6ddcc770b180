"""The retention purge from the window (issue 12, point 4): with the window and its read
connections open, none of the person's values is left in the database file or its
write-ahead log once the purge has run."""

from citesdesk.core.db import open_database
from citesdesk.gui.dialogs import Dialog
from citesdesk.services import records
from tests.gui.waiting import tasks_finished

VALUES = ["Quincampoix", "Zébulonne", "06 98 76 54 32", "0698765432", "Zuydcoote",
          "zebulonne", "zuydcoote", "Confidence jamais lue ailleurs", "17 impasse des Glycines"]


def _found(path, needles) -> dict:
    out = {}
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-journal")):
        if p.exists():
            data = p.read_bytes()
            hits = [n for n in needles if n.encode() in data]
            if hits:
                out[p.name] = hits
    return out


def test_purge_from_the_dashboard_leaves_no_trace_while_the_window_is_open(
        gui, qtbot, site_path):
    from citesdesk.gui.screens.retention import RetentionScreen

    db = open_database(site_path)  # this process already holds the base: shared
    p = records.create(db, "participant", {
        "last_name": "Quincampoix", "first_name": "Zébulonne", "phone": "06 98 76 54 32",
        "commune": "Zuydcoote", "address": "17 impasse des Glycines"})
    records.create(db, "event", {"participant_id": p["id"], "type": "ENTRETIEN",
                                 "date": "2021-01-10"})
    records.create(db, "note", {"participant_id": p["id"], "date": "2021-01-10",
                                "text": "Confidence jamais lue ailleurs"})
    db.close()
    gui.window.show_screen("retention")  # the « Conservation des données » screen
    screen = gui.window.findChild(RetentionScreen)
    with qtbot.waitSignal(screen.loaded, timeout=30000):
        screen.reload()
    assert screen.purge_button.isEnabled()
    assert _found(site_path, VALUES)
    Dialog.script("yes")
    with tasks_finished(qtbot, gui.runner):  # the purge itself, not any task
        screen.purge_due()
    assert _found(site_path, VALUES) == {}
    assert gui.reader.execute("SELECT count(*) FROM participant").fetchone()[0] == 0
