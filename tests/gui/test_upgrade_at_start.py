"""A base left by an earlier version is upgraded at start off the GUI thread, behind a
window that says so; the main window then opens on the upgraded base, its data whole."""

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sqlite_utils import Database

from citesdesk.core import schema
from citesdesk.core.db import needs_upgrade, open_database
from citesdesk.core.site import get_site
from citesdesk.gui import upgrade
from citesdesk.gui.upgrade import upgrade_before_window

ROOT = Path(__file__).resolve().parents[2]
LAST = schema.migrations._migrations[-2].name  # the base stops before the last two steps


def older_site(path: Path) -> Path:
    """A site base as the version before the team exchange left it."""
    conn = sqlite3.connect(path)
    conn.isolation_level = None
    schema.migrations.apply(Database(conn), stop_before=[LAST])
    applied = len(schema.migrations.applied(Database(conn)))
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {applied}")
    conn.execute(
        "INSERT INTO site(uuid, created_at, updated_at, hlc, name, site_code) VALUES "
        "('s-1', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z', "
        "'001735689600000-000000-x', 'Cité de l''emploi de Vénissieux', 'CDE-69-003')")
    conn.close()
    return path


def _copies_aside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.glob(f"{path.stem}.avant-migration-v*"))


def test_an_older_base_is_upgraded_with_the_loop_turning_and_a_window_saying_so(
        qapp, tmp_path, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    path = older_site(tmp_path / "site.sqlite")
    assert needs_upgrade(path)
    real = upgrade.open_database

    def slow(*args, **kwargs):
        time.sleep(0.5)  # a large base
        return real(*args, **kwargs)

    monkeypatch.setattr(upgrade, "open_database", slow)
    seen, ticks = [], []

    def tick() -> None:
        ticks.append(1)
        seen.extend(w.findChild(type(w.label)).text() for w in QApplication.topLevelWidgets()
                    if w.objectName() == "upgrade" and w.isVisible())

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(tick)
    timer.start()
    try:
        assert upgrade_before_window(path) is True
    finally:
        timer.stop()
    assert len(ticks) >= 10  # the event loop turned through the 0.5 s
    assert seen and "Mise à jour de la base « site.sqlite »" in seen[0]
    assert "copie de la base d'avant" in seen[0]
    assert not [w for w in QApplication.topLevelWidgets()
                if w.objectName() == "upgrade" and w.isVisible()]
    assert not needs_upgrade(path)
    assert len(_copies_aside(path)) == 1
    db = open_database(path, readonly=True)
    try:
        assert db.schema_version() == schema.SCHEMA_VERSION
        assert get_site(db)["name"] == "Cité de l'emploi de Vénissieux"
    finally:
        db.close()


def test_a_current_base_opens_without_the_upgrade_window(qapp, site_path):
    from PySide6.QtWidgets import QApplication

    assert not needs_upgrade(site_path)
    assert upgrade_before_window(site_path) is False
    assert not [w for w in QApplication.topLevelWidgets()
                if w.objectName() == "upgrade" and w.isVisible()]
    assert _copies_aside(site_path) == []


def test_the_program_started_on_an_older_base_opens_its_window_on_it(tmp_path):
    path = older_site(tmp_path / "site.sqlite")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "CITESDESK_SMOKE_TEST": "1"}
    proc = subprocess.run([sys.executable, "-m", "citesdesk", "--db", str(path)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "window shown" in proc.stdout
    assert len(_copies_aside(path)) == 1 and not needs_upgrade(path)
