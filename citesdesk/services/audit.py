"""Reading the audit log: who did what, when, to which record (no Qt).

Every write of a record leaves an entry (``records.audit``). :func:`entries` filters them
by participant (the person and every record about them: enrolments, steps, referrals and
their status changes, notes), by record, by date and by coordinator. The window's audit
viewer and the RGPD access export (``services/printing/data.py``) both read through it;
:func:`export` writes what the viewer shows to .xlsx or .csv.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from citesdesk.core.text import date_text, fold

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


ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: Keys of entries that are not a record's fields (counts, files, reasons), in people's words.
OTHER_KEYS = {
    "participants": ("personnes", "people"), "rows": ("lignes", "rows"),
    "file": ("fichier", "file"), "motif": ("motif", "reason"), "rule": ("règle", "rule"),
    "document": ("document", "document"), "for": ("pour", "for"),
    "seed": ("graine du tirage", "random seed"), "today": ("date du jour", "today's date"),
}


def changes_text(changes: dict, table: str | None = None, lang: str = "fr") -> str:
    """``champ : avant → après ; …`` as one line. With the entry's ``table``, a record's
    fields are named by their label and coded values by their code list's label (never
    ``situation_entree : EMPLOI_PRECAIRE``), in ``lang``."""
    from citesdesk.core import codes
    from citesdesk.core.model import KINDS

    kind = KINDS.get(table or "")

    def field(key: str):
        try:
            return kind.field(key) if kind is not None else None
        except KeyError:
            return None

    def name(key: str) -> str:
        f = field(key)
        if f is not None:
            return f.en if lang == "en" else f.fr
        if key in KINDS:
            return KINDS[key].en if lang == "en" else KINDS[key].fr
        if key in OTHER_KEYS:
            return OTHER_KEYS[key][1 if lang == "en" else 0]
        return key

    def value(key: str, v) -> str:
        if v is None or v == "":
            return "—"
        f = field(key)
        if f is not None and f.codelist and f.codelist in codes.ALL:
            return codes.ALL[f.codelist].label(str(v), lang)
        if f is not None and f.type == "bool" and v in (0, 1, "0", "1"):
            yes_no = ("yes", "no") if lang == "en" else ("oui", "non")
            return yes_no[0] if int(v) else yes_no[1]
        if isinstance(v, str) and ISO_DATE.match(v):
            return date_text(v, lang)
        return str(v)

    colon, semicolon = (": ", "; ") if lang == "en" else ("\u00a0: ", "\u00a0; ")
    parts = []
    for key, v in (changes or {}).items():
        if isinstance(v, list) and len(v) == 2:
            old, new = v
            parts.append(f"{name(key)}{colon}{value(key, old)} → {value(key, new)}")
        else:
            parts.append(f"{name(key)}{colon}{value(key, v)}")
    return semicolon.join(parts)


def export(rows: list[list[str]], out: str | Path, headers: list[str]) -> Path:
    """Write the entries as the viewer shows them (one list of texts per entry)."""
    from citesdesk.services.export.lists import ListColumn, export_list

    return export_list(out, [ListColumn(h) for h in headers], rows, sheet="Journal").path
