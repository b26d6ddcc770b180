"""Reading the audit log: who did what, when, to which record (no Qt).

Every write of a record leaves an entry (``records.audit``). :func:`entries` filters them
by participant (the person and every record about them: enrolments, steps, referrals and
their status changes, notes), by record, by date and by coordinator. The window's audit
viewer and the RGPD access export (``services/printing/data.py``) both read through it;
:func:`export` writes what the viewer shows to .xlsx or .csv.
"""

from __future__ import annotations

import json
from pathlib import Path

from citesdesk.core.text import fold

COLUMNS = ("at", "actor", "action", "table_name", "record_uuid", "changes")
#: Records about a participant: table, and how it points to the participant.
CHILDREN = (("enrollment", "participant_id = ?"), ("event", "participant_id = ?"),
            ("referral", "participant_id = ?"), ("note", "participant_id = ?"),
            ("referral_status", "referral_id IN (SELECT id FROM referral "
                                "WHERE participant_id = ?)"))
LIMIT = 5000


def participant_records(db, participant_uuid: str) -> list[str]:
    """The uuids of a participant and of every record about them (in the bin too)."""
    row = db.execute("SELECT id FROM participant WHERE uuid = ?", [participant_uuid]).fetchone()
    if row is None:
        return [participant_uuid]  # purged: only what the log still says
    uuids = [participant_uuid]
    for table, where in CHILDREN:
        uuids += [r[0] for r in db.execute(f"SELECT uuid FROM {table} WHERE {where}", [row[0]])]
    return uuids


def find_participants(db, text: str, limit: int = 50) -> list[dict]:
    """Participants whose name, identifier (France Travail, Mission locale, other) or
    uuid contains ``text``, accents and case aside; in the bin too."""
    needle = fold(text.strip())
    if not needle:
        return []
    out = []
    for uuid, last, first, *ids in db.execute(
            "SELECT uuid, last_name, first_name, birth_name, ft_id, ml_id, other_id "
            "FROM participant ORDER BY id"):
        hay = fold(" ".join(x or "" for x in (last, first, *ids, uuid)))
        if needle in hay:
            out.append({"uuid": uuid, "name": " ".join(x for x in (last, first) if x)})
            if len(out) >= limit:
                break
    return out


def entries(db, *, records: list[str] | None = None, participant: str | None = None,
            record: str | None = None, since: str | None = None, until: str | None = None,
            actor: str | None = None, limit: int | None = LIMIT) -> list[dict]:
    """Audit entries, oldest first, matching every filter given.

    ``records``: exact record uuids; ``participant``: a participant's uuid (their records
    are included); ``record``: the start of a record uuid; ``since``/``until``: days
    (``YYYY-MM-DD``, inclusive, UTC as stored); ``actor``: the coordinator's name.
    """
    where, params = [], []
    if participant:
        records = (records or []) + participant_records(db, participant)
    if records is not None:
        if not records:
            return []
        where.append(f"record_uuid IN ({','.join('?' * len(records))})")
        params += records
    if record:
        where.append("record_uuid LIKE ? ESCAPE '\\'")
        params.append(record.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                      + "%")
    if since:
        where.append("at >= ?")
        params.append(since[:10])
    if until:
        where.append("at < ?")
        params.append(until[:10] + "T99")  # the whole day
    if actor:
        where.append("actor = ?")
        params.append(actor)
    base = (f"SELECT id, {', '.join(COLUMNS)} FROM audit_log"
            + (f" WHERE {' AND '.join(where)}" if where else ""))
    if limit:  # the newest ``limit`` entries, still shown oldest first
        sql = (f"SELECT * FROM ({base} ORDER BY at DESC, id DESC LIMIT {int(limit)}) "
               "ORDER BY at, id")
    else:
        sql = base + " ORDER BY at, id"
    out = []
    for row in db.execute(sql, params):
        entry = dict(zip(COLUMNS, row[1:], strict=True))
        try:
            entry["changes"] = json.loads(entry["changes"] or "{}")
        except ValueError:
            entry["changes"] = {}
        out.append(entry)
    return out


def actors(db) -> list[str]:
    """Everyone who wrote in the log, for the coordinator filter."""
    return [r[0] for r in db.execute(
        "SELECT DISTINCT actor FROM audit_log WHERE actor IS NOT NULL AND actor != '' "
        "ORDER BY actor")]


def changes_text(changes: dict) -> str:
    """``champ : avant → après ; …`` as one line."""
    parts = []
    for key, value in (changes or {}).items():
        if isinstance(value, list) and len(value) == 2:
            old, new = value
            parts.append(f"{key} : {'' if old is None else old} → {'' if new is None else new}")
        else:
            parts.append(f"{key} : {value}")
    return " ; ".join(parts)


def export(rows: list[list[str]], out: str | Path, headers: list[str]) -> Path:
    """Write the entries as the viewer shows them (one list of texts per entry)."""
    from citesdesk.services.export.lists import ListColumn, export_list

    return export_list(out, [ListColumn(h) for h in headers], rows, sheet="Journal").path
