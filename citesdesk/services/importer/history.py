"""The import history, and undoing a whole import.

Undo puts every record the import created in the bin (with what depends on them, as a
deletion does) and gives every record it updated back its previous values — except the
fields changed again since, which are kept and listed. It is one transaction.
"""

from __future__ import annotations

import json

from citesdesk.core.audit import audit
from citesdesk.core.db import utc_now
from citesdesk.core.errors import CitesDeskError, NotFound
from citesdesk.services.records import CHILDREN

_CHUNK = 500


def history(db, limit: int = 200) -> list[dict]:
    """The latest imports, newest first."""
    cur = db.execute(
        "SELECT uuid, created_at, kind, file_name, sha256, sheet, counts, actor, undone_at "
        "FROM import_log WHERE deleted_at IS NULL ORDER BY id DESC LIMIT ?", [limit])
    out = []
    for r in cur.fetchall():
        out.append({"import_id": r[0], "at": r[1], "kind": r[2], "file": r[3], "sha256": r[4],
                    "sheet": r[5], "counts": json.loads(r[6]), "actor": r[7],
                    "undone_at": r[8]})
    return out


def _tombstone(db, table: str, ids: list[int], stamp: str, hlc: str) -> None:
    for start in range(0, len(ids), _CHUNK):
        part = ids[start:start + _CHUNK]
        marks = ", ".join("?" for _ in part)
        for child, col in CHILDREN.get(table, ()):
            child_ids = [r[0] for r in db.execute(
                f"SELECT id FROM {child} WHERE {col} IN ({marks}) AND deleted_at IS NULL", part)]
            if child_ids:
                _tombstone(db, child, child_ids, stamp, hlc)
        db.execute(f"UPDATE {table} SET deleted_at = ?, updated_at = ?, hlc = ? "
                   f"WHERE id IN ({marks}) AND deleted_at IS NULL", [stamp, stamp, hlc, *part])


def undo(db, import_id: str) -> dict:
    """Undo the import ``import_id`` (its uuid) as a whole; returns what was done."""
    row = db.execute("SELECT id, changes, undone_at, file_name FROM import_log WHERE uuid = ? "
                     "AND deleted_at IS NULL", [import_id]).fetchone()
    if row is None:
        raise NotFound(f"Import introuvable ({import_id}).", f"Import not found ({import_id}).")
    if row[2]:
        raise CitesDeskError(f"L'import de « {row[3]} » a déjà été annulé le {row[2][:10]}.",
                             f"The import of '{row[3]}' was already undone on {row[2][:10]}.")
    changes = json.loads(row[1])
    from citesdesk.services.backup import snapshot

    snapshot(db, "annulation")  # what the undo removes or rewrites can be brought back
    now, hlc = utc_now(), db.clock.now()
    removed, restored, kept = 0, 0, []
    with db.atomic():
        # Dependents first (enrollments before participants), so each one is counted.
        for table, uuids in reversed(list(changes.get("created", {}).items())):
            if table == "qpv":
                for start in range(0, len(uuids), _CHUNK):
                    part = uuids[start:start + _CHUNK]
                    db.execute(f"DELETE FROM qpv WHERE code IN ({', '.join('?' for _ in part)})",
                               part)
                removed += len(uuids)
                continue
            ids = []
            for start in range(0, len(uuids), _CHUNK):
                part = uuids[start:start + _CHUNK]
                ids += [r[0] for r in db.execute(
                    f"SELECT id FROM {table} WHERE uuid IN ({', '.join('?' for _ in part)}) "
                    "AND deleted_at IS NULL", part)]
            _tombstone(db, table, ids, now, hlc)
            removed += len(ids)
        for item in reversed(changes.get("updated", [])):
            table, uuid, before, after = item["table"], item["uuid"], item["before"], \
                item["after"]
            if table == "setting":  # the QPV list in force before a QPV list import
                db.delete_setting(uuid)
                if before.get("value") is not None:
                    db.set_setting(uuid, json.loads(before["value"]))
                continue
            if table == "qpv":
                cols = list(before)
                db.execute(f"INSERT OR REPLACE INTO qpv ({', '.join(cols)}) VALUES "
                           f"({', '.join('?' for _ in cols)})", list(before.values()))
                restored += 1
                continue
            current = next(db.query(f"SELECT * FROM {table} WHERE uuid = ?", [uuid]), None)
            if current is None:
                continue
            back = {k: v for k, v in before.items() if current.get(k) == after.get(k)}
            kept += [{"table": table, "uuid": uuid, "field": k, "value": current.get(k)}
                     for k in before if k not in back]
            if back:
                sets = ", ".join(f"{k} = ?" for k in back)
                db.execute(f"UPDATE {table} SET {sets}, updated_at = ?, hlc = ? WHERE uuid = ?",
                           [*back.values(), now, hlc, uuid])
                restored += 1
        db.execute("UPDATE import_log SET undone_at = ?, updated_at = ?, hlc = ? WHERE id = ?",
                   [now, now, hlc, row[0]])
        audit(db, "undo_import", "import_log", import_id,
              {"removed": removed, "restored": restored, "kept": len(kept)})
    return {"import_id": import_id, "removed": removed, "restored": restored, "kept": kept}
