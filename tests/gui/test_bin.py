"""The bin screen: what was deleted, and restore."""

from __future__ import annotations

from journey_support import cohort, person

from citesdesk.gui.screens.bin import BinScreen
from citesdesk.services import journey, journey_edit, records


def test_bin_lists_and_restores(app_ctx, qtbot, db):
    uuid = person(db)
    ev = journey_edit.add_event(db, uuid, {"type": "DIAGNOSTIC", "date": "2026-02-03"})
    journey_edit.add_event(db, uuid, {"type": "CONTACT", "date": "2026-02-04"})
    c = cohort(db, name="Cohorte hiver", start_date="2026-01-01")
    journey_edit.delete_event(db, ev["uuid"])
    records.delete(db, "cohort", c)

    screen = BinScreen(app_ctx)
    qtbot.addWidget(screen)
    app_ctx.runner.changed.connect(screen.refresh)
    screen.show()  # a screen on view reads again what changed (a hidden one when shown)
    with qtbot.waitSignal(screen.loaded, timeout=30000):
        screen.activated()
    assert screen.title() == "Corbeille"
    rows = {tuple(screen.table.item(r, col).text() for col in range(3))
            for r in range(screen.table.rowCount())}
    assert rows == {("Étape", "Hélène Martin — Diagnostic", "03/02/2026"),
                    ("Cohorte", "Cohorte hiver", "01/01/2026")}
    assert all(screen.table.item(r, 3).text().count("/") == 2
               for r in range(screen.table.rowCount()))
    assert not screen.restore_button.isEnabled()

    row = next(r for r in range(screen.table.rowCount())
               if screen.table.item(r, 0).text() == "Étape")
    screen.select_row(row)
    assert screen.restore_button.isEnabled()
    with qtbot.waitSignal(screen.loaded, timeout=30000):
        screen.restore_button.click()
    assert [screen.table.item(r, 1).text() for r in range(screen.table.rowCount())] == [
        "Cohorte hiver"]
    assert [i["code"] for i in journey.timeline(db, uuid)] == ["DIAGNOSTIC", "CONTACT"]
    assert records.get(db, "event", ev["uuid"])["deleted_at"] is None
    # nothing else than restore: no purge button
    from PySide6.QtWidgets import QPushButton
    assert [b.text() for b in screen.findChildren(QPushButton)] == ["Restaurer"]


def test_empty_bin_says_so(app_ctx, qtbot):
    screen = BinScreen(app_ctx)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.loaded, timeout=30000):
        screen.activated()
    assert screen.table.rowCount() == 0 and not screen.empty_hint.isHidden()
