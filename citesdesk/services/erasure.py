"""What deleting a person for good must also wipe, beyond the rows themselves.

SQLite keeps deleted data in several places a ``DELETE`` does not reach:

- **the search index** (``participant_fts``, an FTS5 table that stores its own copy of the
  indexed text): deleting a row adds a "delete" marker, but the person's tokens stay in
  the index's segments (``participant_fts_data``) until they are merged —
  :func:`compact_search_index` merges them all (FTS5 ``optimize``);
- **the import history**: ``import_log.changes`` lists the uuids an import created and,
  for each update, the values before and after — :func:`scrub_import_log` removes the
  person's entries (the import itself stays listed, with its counts);
- **freed space in the file**: ``PRAGMA secure_delete`` (on for every connection, see
  :func:`citesdesk.core.db.open_database`) overwrites deleted content with zeros;
- **the write-ahead log** (``NAME.sqlite-wal``), which holds copies of every page written
  since the last checkpoint, the person's values included: :func:`flush_wal` copies it
  into the database and truncates it to nothing.

The audit entries about the person's records are deleted by the purge itself
(:func:`citesdesk.services.retention.purge`).
"""

from __future__ import annotations

import json
import logging
import time

#: How often, and how long apart, a checkpoint is retried while a reader holds the log.
CHECKPOINT_TRIES, CHECKPOINT_PAUSE_S = 100, 0.1  # up to 10 s: an automatic backup reading


def scrub_import_log(db, uuids: set[str]) -> int:
    """Remove these records from every import's list of changes; how many imports changed.

    Inside the caller's transaction."""
    changed = 0
    rows = db.execute("SELECT id, changes FROM import_log WHERE changes IS NOT NULL "
                      "AND changes != ''").fetchall()
    for log_id, text in rows:
        try:
            changes = json.loads(text)
        except ValueError:
            continue
        created = changes.get("created") or {}
        updated = changes.get("updated") or []
        new_created = {t: [u for u in us if u not in uuids] for t, us in created.items()}
        new_updated = [u for u in updated if u.get("uuid") not in uuids]
        if new_created != created or new_updated != updated:
            changes["created"], changes["updated"] = new_created, new_updated
            db.execute("UPDATE import_log SET changes = ? WHERE id = ?",
                       [json.dumps(changes, ensure_ascii=False, default=str), log_id])
            changed += 1
    return changed


def compact_search_index(db) -> None:
    """Merge the search index's segments, dropping the tokens of deleted rows."""
    db.execute("INSERT INTO participant_fts(participant_fts) VALUES ('optimize')")


def flush_wal(db) -> bool:
    """Checkpoint the write-ahead log into the database and truncate it to zero bytes.

    Outside any transaction. Retried for a short while if a reader (the window's read
    connection in the middle of a query) still uses the log; True when it was truncated.
    """
    if db.conn.in_transaction or db.path is None:
        return False
    for _ in range(CHECKPOINT_TRIES):
        busy, _log, _done = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if not busy:
            return True
        time.sleep(CHECKPOINT_PAUSE_S)
    # A reader kept the log busy: it is emptied at the next checkpoint or when the last
    # connection closes. Said in the log file, for whoever checks an erasure.
    logging.getLogger(__name__).warning(
        "write-ahead log of %s not truncated after an erasure (a reader was busy)", db.path)
    return False
