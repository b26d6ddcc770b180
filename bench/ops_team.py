"""Team exchange rows (``docs/design/SYNC.md``): the full file of the large site (5,000
participants) merged into another copy of it (≤ 10 s), and a week's delta of one
coordinator — 50 participants touched — prepared (≤ 1 MB, size printed) and merged
(≤ 1 s), with the automatic backup every merge takes first and without it.

Two laptops are made once (not timed) with ``team copy``; every timed merge starts from
the same copy of the receiving laptop (restored by the row's setup, not timed).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from citesdesk.core.db import open_database

TOUCHED = 50


def register(bench) -> None:
    from citesdesk.services import records, team

    work = bench.tmp / "team"
    work.mkdir(exist_ok=True)
    state: dict = {}

    def laptops():
        if "a" in state:
            return
        src = open_database(bench.large_db, readonly=True)
        src.backup_to(work / "a.sqlite")
        src.close()
        a = open_database(work / "a.sqlite")
        team.copy_for_colleague(a, work / "b.sqlite", "Collègue")
        state["full"] = team.export(a, work / "full.citesequipe", full=True)
        # a week of one coordinator: 50 people touched (two fields, an event, a note)
        people = records.find(a, "participant", order_by="id")[:TOUCHED]
        for p in people:
            records.update(a, "participant", p["uuid"], {"commune": "Vaulx-en-Velin",
                                                         "referent": "Nadia"})
            records.create(a, "event", {"participant_id": p["id"], "type": "ENTRETIEN",
                                        "date": "2026-11-30"})
            records.create(a, "note", {"participant_id": p["id"], "date": "2026-11-30",
                                       "text": "Entretien de suivi : point sur la recherche "
                                               "d'emploi et les démarches de la semaine."})
        state["a"] = a
        b = open_database(work / "b.sqlite")
        # the backups every merge takes go to the bench's folder, not the user's
        b.set_setting("backup_folder", str(work / "sauvegardes"))
        b.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        b.close()
        shutil.copy(work / "b.sqlite", work / "b-pristine.sqlite")
        delta = export_delta()
        print(f"team: full file {state['full'].size:,} bytes, {state['full'].writes:,} "
              f"writes; week delta ({TOUCHED} participants) {delta.size:,} bytes "
              f"(target ≤ 1,000,000), {delta.writes} writes", file=sys.stderr)

    def export_delta():
        state["delta"] = team.export(state["a"], work / "delta.citesequipe")
        return state["delta"]

    def fresh_b():
        laptops()
        if "b" in state:
            state.pop("b").close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{work / 'b.sqlite'}{suffix}").unlink(missing_ok=True)
        shutil.copy(work / "b-pristine.sqlite", work / "b.sqlite")
        state["b"] = open_database(work / "b.sqlite")

    def merge_full():
        result = team.merge(state["b"], state["full"].path)
        assert result.skipped == 0
        return result

    def merge_delta(snapshot=True):
        result = team.merge(state["b"], state["delta"].path, snapshot=snapshot)
        assert result.updated == TOUCHED and result.created == 2 * TOUCHED, result
        return result

    bench.add("team merge full file (large site) into a copy", merge_full, target_s=10.0,
              repeat=3, setup=fresh_b)
    bench.add(f"team export week delta ({TOUCHED} participants)", export_delta,
              target_s=1.0, repeat=3, setup=laptops)
    bench.add(f"team merge week delta ({TOUCHED} participants)", merge_delta, target_s=1.0,
              repeat=3, setup=fresh_b)
    # the same merge without the automatic backup that precedes it (a copy of the whole
    # database, checked: its cost grows with the database, not with the file)
    bench.add(f"team merge week delta ({TOUCHED} participants), backup aside",
              lambda: merge_delta(snapshot=False), target_s=1.0, repeat=3, setup=fresh_b)
