"""Foundation rows: demo generation, opening a database, search as you type (large and
huge sites) against the raw FTS5 query on the same table."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from citesdesk.core.db import open_database
from citesdesk.core.search import WEIGHTS, fts_query, search_participants
from citesdesk.services.demo import build_demo

#: What a coordinator types: one letter and two letters (the most hits to rank), a name
#: prefix, a whole name, last name and initial, a phone prefix.
TYPED = ("m", "ma", "ben", "martin", "diallo a", "06 1")
LIMIT = 50  # rows a list shows at once


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _register_search(bench, label: str, path: Path) -> None:
    db = open_database(path, readonly=True)
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    weights = ", ".join(str(w) for w in WEIGHTS)
    # The floor: the same FTS5 query, ranked, fetching the same participant rows, with
    # nothing of ours around it (no query building, filters or dicts).
    raw_sql = (f"SELECT p.*, bm25(participant_fts, {weights}) AS score FROM participant_fts "
               "JOIN participant p ON p.id = participant_fts.rowid "
               "WHERE participant_fts MATCH ? ORDER BY score LIMIT ?")
    for text in TYPED:
        query = fts_query(text)
        bench.add(
            f"search « {text} » ({label})",
            lambda text=text: search_participants(db, text, limit=LIMIT),
            floor=lambda query=query: raw.execute(raw_sql, [query, LIMIT]).fetchall(),
            target_s=0.030, ratio_target=3, repeat=20)


def register(bench) -> None:
    target = bench.tmp / "demo.sqlite"
    bench.add("demo generation, 5,000 participants",
              lambda: _build(target, 5_000), setup=lambda: _remove(target),
              target_s=30, repeat=3)
    bench.add("open the large database",
              lambda: open_database(bench.large_db).close(),
              floor=lambda: _bare_open(bench.large_db), target_s=0.1, repeat=10)
    _register_search(bench, "large", bench.large_db)
    if bench.huge_db is not None:
        bench.add("open the huge database",
                  lambda: open_database(bench.huge_db).close(),
                  floor=lambda: _bare_open(bench.huge_db), target_s=0.1, repeat=10)
        _register_search(bench, "huge", bench.huge_db)


def _build(path: Path, participants: int) -> None:
    db = open_database(path, create=True)
    try:
        build_demo(db, participants=participants, seed=1)
    finally:
        db.close()


def _bare_open(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()
