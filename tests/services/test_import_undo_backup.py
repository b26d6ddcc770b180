"""Undoing an import takes the automatic backup « avant l'annulation d'un import » first
(issue 12: a backup before what rewrites much)."""

from __future__ import annotations

from pathlib import Path

from citesdesk.core import settings
from citesdesk.core.db import open_database
from citesdesk.services import backup, importer

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def test_undo_of_an_import_backs_up_the_people_it_removes(db, tmp_path):
    settings.put(db, "backup_folder", str(tmp_path / "sauvegardes"))
    table = importer.load_table(FIX / "participants_messy.xlsx", "participants")
    mapping, _ = importer.suggest_mapping(db, table)
    plan = importer.analyse(db, table, mapping, on_duplicate="skip")
    done = importer.commit(db, plan, valid_only=True)
    importer.undo(db, done["import_id"])
    [snap] = [s for s in backup.snapshots(tmp_path / "sauvegardes", db.path.stem)
              if s.reason == "annulation"]
    before = open_database(snap.path, readonly=True)
    try:  # the people the undo removed are in the backup, alive
        assert before.execute("SELECT count(*) FROM participant WHERE deleted_at IS NULL"
                              ).fetchone()[0] == 4
    finally:
        before.close()
    assert db.execute("SELECT count(*) FROM participant WHERE deleted_at IS NULL"
                      ).fetchone()[0] == 0
