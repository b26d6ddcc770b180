"""The conflict list: concurrent edits of one field, both values, who and when; and
"garder cette valeur", a new write that travels like any other."""

from __future__ import annotations

import datetime as dt
import json

from citesdesk.core.db import SiteDatabase
from citesdesk.core.errors import CitesDeskError, NotFound
from citesdesk.core.model import KINDS
from citesdesk.core.text import datetime_text
from citesdesk.services import records
from citesdesk.services.team import keys
from citesdesk.services.team.clocks import REFS


def _when(hlc: str, lang: str) -> str:
    """The local date and time of a clock value: ``03/12/2026 15:29``, ``03 Dec 2026 15:29``."""
    return datetime_text(dt.datetime.fromtimestamp(int(hlc[:15]) / 1000), lang)


def _label(db: SiteDatabase, table: str, uuid: str) -> str:
    if table == "participant":
        row = db.execute("SELECT last_name, first_name FROM participant WHERE uuid = ?",
                         [uuid]).fetchone()
        return f"{row[0]} {row[1]}" if row else uuid
    column = "participant_id" if "participant_id" in REFS.get(table, {}) else None
    if column:
        row = db.execute(f"SELECT p.last_name, p.first_name FROM {table} t JOIN participant p "
                         f"ON p.id = t.{column} WHERE t.uuid = ?", [uuid]).fetchone()
        if row:
            return f"{row[0]} {row[1]}"
    if table in ("partner", "cohort", "site"):
        row = db.execute(f"SELECT name FROM {table} WHERE uuid = ?", [uuid]).fetchone()
        if row:
            return row[0]
    return uuid


def _field_label(table: str, field: str, lang: str) -> str:
    kind = KINDS.get(table)
    f = kind.field(field) if kind else None
    if f is None:
        return field
    return f.fr if lang == "fr" else f.en


def conflicts(db: SiteDatabase, *, waiting_only: bool = False, lang: str = "fr") -> list[dict]:
    """Every conflict, waiting ones first, newest first."""
    where = "WHERE resolved_hlc IS NULL" if waiting_only else ""
    out = []
    for c in list(db.query(f"SELECT * FROM sync_conflict {where} "
                           "ORDER BY resolved_hlc IS NOT NULL, hlc_b DESC")):
        kind = KINDS.get(c["tbl"])
        out.append({
            "key": c["key"], "table": c["tbl"], "uuid": c["uuid"], "field": c["field"],
            "record": _label(db, c["tbl"], c["uuid"]),
            "kind": (kind.fr if lang == "fr" else kind.en) if kind else c["tbl"],
            "field_label": _field_label(c["tbl"], c["field"], lang),
            "a": {"value": _value(db, c, c["value_a"]), "by": c["author_a"],
                  "at": _when(c["hlc_a"], lang), "hlc": c["hlc_a"]},
            "b": {"value": _value(db, c, c["value_b"]), "by": c["author_b"],
                  "at": _when(c["hlc_b"], lang), "hlc": c["hlc_b"]},
            "applied": "b",
            "resolved": c["resolved_hlc"] is not None,
            "kept": _value(db, c, c["resolved_value"]) if c["resolved_hlc"] else None,
            "resolved_by": c["resolved_by"],
        })
    return out


def _value(db: SiteDatabase, c: dict, text: str | None):
    if text is None:
        return None
    value = json.loads(text)
    ref = REFS.get(c["tbl"], {}).get(c["field"])
    if ref and value:
        row = db.execute(f"SELECT id FROM {ref} WHERE uuid = ?", [value]).fetchone()
        return row[0] if row else None
    return value


def waiting_count(db: SiteDatabase) -> int:
    # (a record's conflicts are deleted with it: a purged record leaves none)
    return db.execute("SELECT count(*) FROM sync_conflict WHERE resolved_hlc IS NULL"
                      ).fetchone()[0]


def keep(db: SiteDatabase, key: str, side: str) -> dict:
    """Keep value ``a`` or ``b`` of a conflict: written as a new edit, the conflict closed."""
    if side not in ("a", "b"):
        raise ValueError(side)
    row = db.execute("SELECT tbl, uuid, field, value_a, value_b FROM sync_conflict "
                     "WHERE key = ?", [key]).fetchone()
    if row is None:
        raise NotFound(f"Conflit introuvable ({key}).", f"Conflict not found ({key}).")
    table, uuid, field, va, vb = row
    chosen = va if side == "a" else vb
    c = {"tbl": table, "field": field}
    value = _value(db, c, chosen)
    with db.atomic():
        try:
            current = records.get(db, table, uuid, include_deleted=True)
        except NotFound:
            raise CitesDeskError("L'enregistrement de ce conflit n'existe plus.",
                                 "The record of this conflict no longer exists.") from None
        if current.get(field) != value:
            if field == "deleted_at":
                if value is None:
                    records.restore(db, table, uuid)
                else:
                    records.delete(db, table, uuid)
            else:
                records.update(db, table, uuid, {field: value})
        db.execute("UPDATE sync_conflict SET resolved_hlc = ?, resolved_value = ?, "
                   "resolved_by = ? WHERE key = ?",
                   [db.clock.now(), chosen, keys.laptop_name(db), key])
    return {"key": key, "field": field, "value": value,
            "label": {lang: _field_label(table, field, lang) for lang in ("fr", "en")}}
