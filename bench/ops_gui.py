"""GUI rows: the participants list (keystroke to rows shown, full sorted list) against the
raw SQLite queries, and the cold start to a painted main window against a bare PySide6
window with a 100,000-row table.

A keystroke shows the first page of matches (``first_page``: ids from the name index and
the rows of the page, what the list does between a keystroke and rows on screen); the ids
of every match, for the row count and scrolling, follow (``matching_ids``): their rows are
printed beside, with no target (issue 18: "the row count of a huge result can come after
the first page").

The cold start counts from starting the interpreter to the first paint of the window
(the child prints ``painted``), for CitésDesk and for its floor alike; closing and leaving
the interpreter are not counted."""

from __future__ import annotations

import compileall
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from citesdesk.core.db import open_database
from citesdesk.core.search import fts_query
from citesdesk.gui.participants_model import PAGE_SIZE
from citesdesk.gui.participants_query import ListQuery, first_page, matching_ids

ROOT = Path(__file__).resolve().parent.parent
TYPED = ("m", "ma", "ben", "martin", "diallo a", "06 1")

START_APP = """
import sys
from PySide6.QtCore import QCoreApplication
from citesdesk.gui.app import Application
from citesdesk.gui.dialogs import Dialog
Dialog.headless = True
app = Application(sys.argv[1], "fr")
app.window.show()
QCoreApplication.processEvents()  # the first turn of the event loop paints the window
app.window.grab()
print("painted", flush=True)
app.close()
"""

START_BARE = """
from PySide6.QtCore import QAbstractTableModel, QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
class Model(QAbstractTableModel):
    def rowCount(self, parent=None): return 100_000
    def columnCount(self, parent=None): return 10
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return f"{index.row()}:{index.column()}" if role == Qt.ItemDataRole.DisplayRole else None
app = QApplication([])
window = QMainWindow()
view = QTableView()
view.setModel(Model())
window.setCentralWidget(view)
window.resize(1280, 800)
window.show()
QCoreApplication.processEvents()
window.grab()
print("painted", flush=True)
"""


def _painted(code: str, *args: str, env: dict | None = None) -> float:
    """Seconds from starting a fresh interpreter on ``code`` to its ``painted`` line (the
    window has painted); closing the window and leaving the interpreter are not counted
    (for CitésDesk, that includes waiting for the backup taken on opening)."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "PYTHONPATH": str(ROOT), **(env or {})}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in proc.stdout:
        if line.strip() == "painted":
            elapsed = time.perf_counter() - start
            break
    else:
        elapsed = None
    proc.stdout.close()
    if proc.wait() != 0 or elapsed is None:
        raise RuntimeError(f"the start failed (exit code {proc.returncode})")
    return elapsed


def reported(fn):
    """``fn`` returns the seconds to count (bench/run.py then takes them, not the time of
    the whole call)."""
    fn.reports_time = True
    return fn


def _list(db, query: ListQuery):
    """What the list does between a keystroke and the rows on screen (read thread): the
    first page of ordered ids and their rows."""
    return first_page(db, query, PAGE_SIZE)


def _register_list(bench, label: str, path: Path) -> None:
    db = open_database(path, readonly=True)
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    page_sql = ("SELECT * FROM participant WHERE id IN "
                f"({', '.join('?' for _ in range(PAGE_SIZE))})")

    def floor_search(query: str):
        ids = [r[0] for r in raw.execute(
            "SELECT rowid FROM participant_fts WHERE participant_fts MATCH ?", [query])]
        first = (ids + [0] * PAGE_SIZE)[:PAGE_SIZE]
        return raw.execute(page_sql, first).fetchall()

    for text in TYPED:
        bench.add(f"list search « {text} » ({label})",
                  lambda text=text: _list(db, ListQuery(text=text)),
                  floor=lambda q=fts_query(text): floor_search(q),
                  target_s=0.016, ratio_target=2, repeat=10)
    for text in ("m", "06 1"):
        bench.add(f"  then every match, ordered (count) « {text} » ({label})",
                  lambda text=text: matching_ids(db, ListQuery(text=text)), repeat=5)

    def floor_all():
        ids = [r[0] for r in raw.execute(
            "SELECT id FROM participant WHERE deleted_at IS NULL "
            "ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, id")]
        return raw.execute(page_sql, ids[:PAGE_SIZE]).fetchall()

    bench.add(f"list all, sorted by name, accents ignored ({label})",
              lambda: _list(db, ListQuery()), floor=floor_all, repeat=5)
    bench.add(f"  then every id, ordered (count) ({label})",
              lambda: matching_ids(db, ListQuery()), repeat=5)


def register(bench) -> None:
    # An installed CitésDesk starts from compiled bytecode (pip and the packaged app
    # compile it); a source checkout run with PYTHONDONTWRITEBYTECODE would compile every
    # module at every start, which is not what a coordinator waits for.
    compileall.compile_dir(ROOT / "citesdesk", quiet=1)
    _register_list(bench, "large", bench.large_db)
    if bench.huge_db is not None:
        _register_list(bench, "huge", bench.huge_db)
    copy = bench.tmp / "gui-start.sqlite"
    src = sqlite3.connect(bench.large_db)
    dst = sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    dst.close()
    bench.add("cold start to a painted main window (large)",
              reported(lambda: _painted(START_APP, str(copy))),
              floor=reported(lambda: _painted(START_BARE)),
              target_s=0.7, ratio_target=2.5, repeat=3)
