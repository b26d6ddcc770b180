"""Leaving the window, by « Quitter » or by SIGTERM (the session or the computer shutting
down): nothing is left beside the database — no write-ahead log, no shared-memory file,
no instance lock — and the database is whole."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _sidecars(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir()
                  if p.name.startswith(path.name) and p.name != path.name)


def _window(site_path: Path, **extra) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", **extra}
    return subprocess.Popen([sys.executable, "-m", "citesdesk", "--db", str(site_path)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True)


def _whole(path: Path) -> None:
    conn = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM site").fetchone() == (1,)
    finally:
        conn.close()


def test_quitting_leaves_nothing_beside_the_database(site_path):
    proc = _window(site_path, CITESDESK_SMOKE_TEST="1")  # paints, then quits as « Quitter »
    out, _ = proc.communicate(timeout=120)
    assert proc.returncode == 0 and "window shown" in out
    assert _sidecars(site_path) == []
    _whole(site_path)


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or sys.platform == "win32",
                    reason="SIGTERM is how Unix sessions end a program")
def test_sigterm_closes_the_window_as_quitting_does(site_path):
    proc = _window(site_path)
    lock = site_path.with_name(site_path.name + ".lock")
    deadline = time.monotonic() + 60
    while not lock.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert lock.exists(), "the window did not open its database"
    time.sleep(3)  # the window painted, its first reads and the opening backup under way
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == 0  # left cleanly, not killed by the signal
    assert _sidecars(site_path) == []
    _whole(site_path)
