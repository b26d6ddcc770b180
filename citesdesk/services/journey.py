"""A participant's journey as data: the timeline, the choices its dialogs offer, the notes.

Qt-free, read-only queries shared by the journey screen and printed files. Every query
leaves out records in the bin (``deleted_at IS NULL``). Labels come from
:mod:`citesdesk.core.codes` in the language asked for; the codes travel with them.
"""

from __future__ import annotations

import datetime as dt

from citesdesk.core import codes
from citesdesk.core.errors import NotFound
from citesdesk.core.text import date_text, fold_key

#: Timeline item kinds, in the order they are shown on the same day.
KIND_ORDER = {"entry": 0, "event": 1, "referral": 2, "exit": 3}


def participant_id(db, participant_uuid: str) -> int:
    """The local id of a participant who is not in the bin; :class:`NotFound` otherwise."""
    row = db.execute(
        "SELECT id FROM participant WHERE uuid = ? AND deleted_at IS NULL", [participant_uuid]
    ).fetchone()
    if row is None:
        raise NotFound(f"Participant introuvable ({participant_uuid}).",
                       f"Participant not found ({participant_uuid}).")
    return row[0]


def _T(lang: str, fr: str, en: str) -> str:  # noqa: N802 - a tiny bilingual chooser
    return en if lang == "en" else fr


def _enrollment_items(db, pid: int, lang: str) -> list[dict]:
    items = []
    for r in db.query("""
            SELECT e.uuid, e.date_entree, e.date_sortie, e.motif_sortie, e.created_at,
                   c.uuid AS cohort_uuid, c.name AS cohort_name
            FROM enrollment e JOIN cohort c ON c.id = e.cohort_id
            WHERE e.participant_id = ? AND e.deleted_at IS NULL AND c.deleted_at IS NULL""",
                   [pid]):
        base = {"table": "enrollment", "uuid": r["uuid"], "cohort_uuid": r["cohort_uuid"],
                "cohort_name": r["cohort_name"], "created_at": r["created_at"],
                "date_entree": r["date_entree"], "date_sortie": r["date_sortie"],
                "motif_sortie": r["motif_sortie"]}
        items.append({**base, "kind": "entry", "date": r["date_entree"], "code": None,
                      "label": _T(lang, "Entrée dans la cohorte « {c} »",
                                  "Joined the cohort '{c}'").format(c=r["cohort_name"]),
                      "detail": ""})
        if r["date_sortie"]:
            motif = r["motif_sortie"]
            group = codes.groupe_sortie(motif)
            detail = codes.MOTIF_SORTIE.label(motif, lang)
            if group:
                detail += " (" + codes.GROUPE_SORTIE.label(group, lang) + ")"
            items.append({**base, "kind": "exit", "date": r["date_sortie"], "code": motif,
                          "groupe_sortie": group,
                          "label": _T(lang, "Sortie de la cohorte « {c} »",
                                      "Left the cohort '{c}'").format(c=r["cohort_name"]),
                          "detail": detail})
    return items


def _event_items(db, pid: int, lang: str) -> list[dict]:
    items = []
    for r in db.query("""
            SELECT ev.uuid, ev.type, ev.date, ev.code_contrat, ev.code_frein, ev.note,
                   ev.created_at, p.uuid AS partner_uuid, p.name AS partner_name
            FROM event ev LEFT JOIN partner p ON p.id = ev.partner_id
            WHERE ev.participant_id = ? AND ev.deleted_at IS NULL""", [pid]):
        parts = []
        if r["code_contrat"]:
            parts.append(codes.CODE_CONTRAT.label(r["code_contrat"], lang))
        if r["code_frein"]:
            parts.append(codes.FREIN.label(r["code_frein"], lang))
        if r["partner_name"]:
            parts.append(r["partner_name"])
        items.append({"kind": "event", "table": "event", "uuid": r["uuid"], "date": r["date"],
                      "code": r["type"], "label": codes.TYPE_EVENEMENT.label(r["type"], lang),
                      "detail": " · ".join(parts), "code_contrat": r["code_contrat"],
                      "code_frein": r["code_frein"], "partner_uuid": r["partner_uuid"],
                      "partner_name": r["partner_name"], "note": r["note"],
                      "created_at": r["created_at"]})
    return items


def _referral_items(db, pid: int, lang: str, today: dt.date) -> list[dict]:
    items = []
    limit = (today - dt.timedelta(days=codes.ORIENTATION_DELAI_JOURS)).isoformat()
    for r in db.query("""
            SELECT rf.uuid, rf.date, rf.reason, rf.status, rf.status_date, rf.created_at,
                   p.uuid AS partner_uuid, p.name AS partner_name
            FROM referral rf JOIN partner p ON p.id = rf.partner_id
            WHERE rf.participant_id = ? AND rf.deleted_at IS NULL""", [pid]):
        status = codes.STATUT_ORIENTATION.label(r["status"], lang)
        if r["status"] != "PROPOSEE" and r["status_date"]:
            status = _T(lang, "{s} le {d}", "{s} on {d}").format(
                s=status, d=date_text(r["status_date"], lang))
        overdue = r["status"] == "PROPOSEE" and r["date"] < limit
        items.append({"kind": "referral", "table": "referral", "uuid": r["uuid"],
                      "date": r["date"], "code": r["status"],
                      "label": _T(lang, "Orientation vers {p}", "Referral to {p}").format(
                          p=r["partner_name"]),
                      "detail": status, "status": r["status"], "status_date": r["status_date"],
                      "overdue": overdue, "reason": r["reason"],
                      "partner_uuid": r["partner_uuid"], "partner_name": r["partner_name"],
                      "created_at": r["created_at"]})
    return items


def timeline(db, participant_uuid: str, *, lang: str = "fr",
             today: dt.date | None = None) -> list[dict]:
    """Enrollments (entry and exit as two items), events and referrals, oldest first.

    Each item has ``kind`` (``entry``, ``exit``, ``event``, ``referral``), ``table`` and
    ``uuid`` of the record, ``date`` (ISO), ``code`` (event type, exit reason or referral
    status), ``label`` and ``detail`` (worded in ``lang``), plus the fields of its kind.
    On the same day, an entry comes first and an exit last.
    """
    pid = participant_id(db, participant_uuid)
    today = today or dt.date.today()
    items = (_enrollment_items(db, pid, lang) + _event_items(db, pid, lang)
             + _referral_items(db, pid, lang, today))
    items.sort(key=lambda i: (i["date"], KIND_ORDER[i["kind"]], i["created_at"]))
    return items


def partner_choices(db) -> list[dict]:
    """Partners to pick from (``uuid``, ``id``, ``name``, ``type``), by name."""
    rows = list(db.query("SELECT id, uuid, name, type FROM partner WHERE deleted_at IS NULL", []))
    rows.sort(key=lambda r: fold_key(r["name"]))
    return rows


def cohort_choices(db) -> list[dict]:
    """Cohorts to enroll in (``uuid``, ``id``, ``name``, dates), most recent first."""
    return list(db.query("""SELECT id, uuid, name, start_date, end_date FROM cohort
                        WHERE deleted_at IS NULL
                        ORDER BY coalesce(start_date, '') DESC, name""", []))


def open_enrollments(db, participant_uuid: str) -> list[dict]:
    """The participant's enrollments with no exit yet, with their cohort's name."""
    pid = participant_id(db, participant_uuid)
    return list(db.query("""
        SELECT e.id, e.uuid, e.date_entree, c.uuid AS cohort_uuid, c.name AS cohort_name
        FROM enrollment e JOIN cohort c ON c.id = e.cohort_id
        WHERE e.participant_id = ? AND e.date_sortie IS NULL
          AND e.deleted_at IS NULL AND c.deleted_at IS NULL
        ORDER BY e.date_entree""", [pid]))


def event_record(db, event_uuid: str) -> dict:
    """One event with its partner's uuid, as the edit dialog needs it."""
    rows = list(db.query("""
        SELECT ev.uuid, ev.type, ev.date, ev.code_contrat, ev.code_frein, ev.note,
               p.uuid AS partner_uuid
        FROM event ev LEFT JOIN partner p ON p.id = ev.partner_id
        WHERE ev.uuid = ? AND ev.deleted_at IS NULL""", [event_uuid]))
    if not rows:
        raise NotFound(f"Étape introuvable ({event_uuid}).",
                       f"Journey step not found ({event_uuid}).")
    return rows[0]


def notes(db, participant_uuid: str) -> list[dict]:
    """The participant's notes, most recent first (``private`` is 0 or 1)."""
    pid = participant_id(db, participant_uuid)
    return list(db.query("""SELECT uuid, date, text, private, author, created_at FROM note
                        WHERE participant_id = ? AND deleted_at IS NULL
                        ORDER BY date DESC, created_at DESC""", [pid]))


def participant_name(db, participant_uuid: str) -> str:
    """"First Last" of a participant (for dialog titles)."""
    row = db.execute("SELECT first_name, last_name FROM participant WHERE uuid = ?",
                     [participant_uuid]).fetchone()
    return f"{row[0]} {row[1]}" if row else ""
