"""Foundation services: duplicate detection (the form's check, and the import's index),
against the bare SQL or Python that does the same lookups."""

from __future__ import annotations

import sqlite3

from citesdesk.core.db import open_database
from citesdesk.services.participants import DuplicateIndex, find_duplicates

CHECKS = 5_000


def register(bench) -> None:
    db = open_database(bench.large_db, readonly=True)
    raw = sqlite3.connect(f"file:{bench.large_db}?mode=ro", uri=True)
    people = [dict(zip(("last_name", "first_name", "birth_date", "phone", "email"), r,
                       strict=True))
              for r in raw.execute("SELECT last_name, first_name, birth_date, phone, email "
                                   "FROM participant WHERE deleted_at IS NULL "
                                   f"ORDER BY id LIMIT {CHECKS}")]
    one = people[len(people) // 2]

    def bare_one() -> None:
        # The same candidate rows fetched with no normalisation around them.
        raw.execute("SELECT id, uuid, last_name, first_name, birth_name, birth_date, phone, "
                    "email, ft_id FROM participant WHERE deleted_at IS NULL AND "
                    "(birth_date = ? OR lower(email) = ? OR phone = ?)",
                    [one["birth_date"], one["email"], one["phone"]]).fetchall()

    bench.add("duplicates of one participant (form, large)",
              lambda: find_duplicates(db, one), floor=bare_one, target_s=0.1, repeat=20)

    def bare_index() -> None:
        rows = raw.execute("SELECT last_name, first_name, birth_date, phone, email "
                           "FROM participant WHERE deleted_at IS NULL").fetchall()
        index = {}
        for r in rows:
            index.setdefault((r[0], r[1], r[2]), r)
            index.setdefault(r[3], r)
            index.setdefault(r[4], r)
        for p in people:
            index.get((p["last_name"], p["first_name"], p["birth_date"]))
            index.get(p["phone"])
            index.get(p["email"])

    def with_index() -> None:
        index = DuplicateIndex(db)
        for p in people:
            index.check(p)

    bench.add(f"duplicates index + {CHECKS:,} checks (import, large)", with_index,
              floor=bare_index, repeat=5)
