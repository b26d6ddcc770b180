"""Journey rows: a participant's timeline (the "open a participant with 50 events" target of
``docs/design/PERFORMANCE.md``), the cohorts list with its counts, the participant picker of "add
several participants", the bin.

Each floor is the bare SQL that fetches the same rows through ``sqlite3`` with nothing of
ours around it (no labels, dicts or sorting in Python).

Run through ``python bench/run.py --only journey``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from citesdesk.core.db import open_database
from citesdesk.services import cohorts, journey, recycle_bin

_TIMELINE_FLOOR = (
    "SELECT e.*, c.name FROM enrollment e JOIN cohort c ON c.id = e.cohort_id "
    "WHERE e.participant_id = ? AND e.deleted_at IS NULL",
    "SELECT ev.*, p.name FROM event ev LEFT JOIN partner p ON p.id = ev.partner_id "
    "WHERE ev.participant_id = ? AND ev.deleted_at IS NULL",
    "SELECT rf.*, p.name FROM referral rf JOIN partner p ON p.id = rf.partner_id "
    "WHERE rf.participant_id = ? AND rf.deleted_at IS NULL",
)


def _busiest(raw: sqlite3.Connection, near: int = 50) -> tuple[int, str, int]:
    """The participant whose number of events is closest to ``near`` (id, uuid, events)."""
    pid, n = raw.execute(
        "SELECT participant_id, count(*) AS n FROM event WHERE deleted_at IS NULL "
        "GROUP BY participant_id ORDER BY abs(n - ?), participant_id LIMIT 1", [near]
    ).fetchone()
    uuid = raw.execute("SELECT uuid FROM participant WHERE id = ?", [pid]).fetchone()[0]
    return pid, uuid, n


def _register(bench, label: str, path: Path) -> None:
    db = open_database(path, readonly=True)
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    pid, uuid, events = _busiest(raw)

    def timeline_floor():
        return [raw.execute(sql, [pid]).fetchall() for sql in _TIMELINE_FLOOR]

    bench.add(f"timeline of a participant with {events} events ({label})",
              lambda: journey.timeline(db, uuid), floor=timeline_floor,
              target_s=0.100, ratio_target=3, repeat=20)
    bench.add(f"notes of a participant ({label})", lambda: journey.notes(db, uuid),
              floor=lambda: raw.execute(
                  "SELECT * FROM note WHERE participant_id = ? AND deleted_at IS NULL "
                  "ORDER BY date DESC", [pid]).fetchall(), repeat=20)
    bench.add(f"cohorts list with counts ({label})", lambda: cohorts.summaries(db),
              floor=lambda: raw.execute(
                  "SELECT cohort_id, count(*), count(date_sortie) FROM enrollment "
                  "WHERE deleted_at IS NULL GROUP BY cohort_id").fetchall(),
              target_s=0.100, repeat=10)
    first_cohort = raw.execute("SELECT uuid FROM cohort ORDER BY id LIMIT 1").fetchone()[0]
    bench.add(f"cohort members ({label})", lambda: cohorts.members(db, first_cohort),
              repeat=10)
    for text, shown in (("", "no search"), ("mar", "« mar »")):
        bench.add(f"add-participants picker, {shown} ({label})",
                  lambda text=text: cohorts.search_participants(
                      db, text, limit=500, exclude_cohort=first_cohort),
                  target_s=0.030, repeat=20)
    bench.add(f"bin contents ({label})", lambda: recycle_bin.bin_items(db),
              floor=lambda: [raw.execute(f"SELECT * FROM {t} WHERE deleted_at IS NOT NULL")
                             .fetchall() for t in ("participant", "cohort", "partner",
                                                   "enrollment", "event", "referral", "note",
                                                   "partner_contact", "partner_exchange")],
              target_s=0.100, repeat=5)


def register(bench) -> None:
    _register(bench, "large", bench.large_db)
    if bench.huge_db is not None:
        _register(bench, "huge", bench.huge_db)
