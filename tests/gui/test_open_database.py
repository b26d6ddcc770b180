"""File › Open runs off the GUI thread: the window stays responsive while the base opens
(an older base is migrated after a copy), then the new window replaces it; a file that
cannot be opened is said so and the base on screen stays."""

from __future__ import annotations

import time

from citesdesk.core.db import open_database
from citesdesk.core.site import get_site
from citesdesk.gui.dialogs import Dialog
from citesdesk.services import records
from tests.gui.waiting import tasks_finished, ticks_until


def _slow_open(monkeypatch, seconds: float) -> None:
    """Opening takes ``seconds`` more (a migration, a slow disk)."""
    from citesdesk.gui import app as app_module

    real = app_module.open_database

    def slow(*args, **kwargs):
        time.sleep(seconds)
        return real(*args, **kwargs)

    monkeypatch.setattr(app_module, "open_database", slow)


def test_the_window_stays_responsive_while_another_base_opens(gui, qtbot, tmp_path,
                                                               monkeypatch, site_path):
    other = tmp_path / "autre.sqlite"
    db = open_database(other, create=True)
    records.create(db, "site", {"name": "Cité de l'emploi de Bron", "site_code": "CDE-69-002"})
    db.close()
    _slow_open(monkeypatch, 0.5)
    gui.switch_database(str(other))
    assert gui.opening and gui.db_path == site_path  # still the first base meanwhile
    assert ticks_until(qtbot, lambda: not gui.opening) >= 10  # the event loop turned (≥ 0.2 s of ticks)
    assert gui.db_path == other and not gui.readonly
    assert get_site(gui.reader)["name"] == "Cité de l'emploi de Bron"
    assert gui.window.isVisible()
    # the base left behind is closed as « Quitter » closes it: nothing beside it
    assert sorted(p.name for p in tmp_path.glob("site.sqlite-*")) == []
    with tasks_finished(qtbot, gui.runner):  # this task, not the new window's own loads
        gui.runner.submit(lambda db, _p: records.create(
            db, "partner", {"name": "France Travail Bron", "type": "FRANCE_TRAVAIL"}))
    check = open_database(other, readonly=True)
    assert [p["name"] for p in records.find(check, "partner")] == ["France Travail Bron"]
    check.close()


def test_a_file_that_is_not_a_base_is_refused_and_the_window_stays(gui, qtbot, tmp_path,
                                                                   monkeypatch, site_path):
    junk = tmp_path / "notes.sqlite"
    junk.write_bytes(b"ceci n'est pas une base SQLite" * 100)
    _slow_open(monkeypatch, 0.3)
    window = gui.window
    gui.switch_database(str(junk))
    assert ticks_until(qtbot, lambda: not gui.opening) >= 5
    assert gui.db_path == site_path and gui.window is window
    errors = [shown for shown in Dialog.shown if shown[0] == "error"]
    assert len(errors) == 1 and "notes.sqlite" in errors[0][2], Dialog.shown
