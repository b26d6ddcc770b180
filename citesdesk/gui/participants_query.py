"""The SQL of the participants list: filters, sort and pages (no Qt here).

The list works on ids: :func:`matching_ids` returns the ids of every participant that
matches the filters, in the chosen order, computed by SQLite (run off the GUI thread);
:func:`page_rows` then reads the displayed columns of one page of ids (a few hundred rows
by primary key: fast enough for the GUI thread). 100,000 ids take under a megabyte.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass

from citesdesk.core import codes
from citesdesk.core.search import match_clause
from citesdesk.core.text import fold

# Name of the participant's current cohort (open enrollment first, then the latest).
CURRENT_COHORT = (
    "(SELECT c.name FROM enrollment e JOIN cohort c ON c.id = e.cohort_id "
    "WHERE e.participant_id = p.id AND e.deleted_at IS NULL AND c.deleted_at IS NULL "
    "ORDER BY e.date_sortie IS NULL DESC, e.date_entree DESC LIMIT 1)"
)

# Displayed columns: key, SQL expression, code list (labels) or None.
COLUMNS: tuple[tuple[str, str, str | None], ...] = (
    ("last_name", "p.last_name", None),
    ("first_name", "p.first_name", None),
    ("birth_date", "p.birth_date", None),
    ("genre", "p.genre", "genre"),
    ("phone", "p.phone", None),
    ("commune", "p.commune", None),
    ("resident_qpv", "p.resident_qpv", None),
    ("situation_entree", "p.situation_entree", "situation_entree"),
    ("referent", "p.referent", None),
    ("cohort", CURRENT_COHORT, None),
)
COLUMN_KEYS = tuple(c[0] for c in COLUMNS)

STATUSES = ("all", "active", "exited")


@dataclass(frozen=True)
class ListQuery:
    """What the list shows: text, filters, sort."""

    text: str = ""
    cohort_id: int | None = None
    # ``all`` · ``active`` (an open enrollment) · ``exited`` (enrolled, none open)
    status: str = "all"
    resident_qpv: bool = False
    # Publics invisibles: not known to the public employment services at entry.
    invisibles: bool = False
    # Phone or e-mail kept as typed but failing its check ("à vérifier").
    to_check: bool = False
    referent: str | None = None
    sort_key: str = "last_name"
    descending: bool = False
    lang: str = "fr"


def _text_key(expr: str) -> str:
    """Sort key of a text column: SQLite's ``lower()`` for plain ASCII (most names), the
    Python ``sort_key`` only for text with other characters (accents, ligatures) — the
    same order, with a Python call only where it is needed."""
    return f"(CASE WHEN {expr} GLOB '*[^ -~]*' THEN sort_key({expr}) ELSE lower({expr}) END)"


def _sort_expr(key: str, lang: str, direction: str) -> str:
    """ORDER BY terms for a column; code columns sort by their label in ``lang``."""
    for name, expr, codelist in COLUMNS:
        if name != key:
            continue
        if codelist:
            ranked = sorted(codes.ALL[codelist], key=lambda c: fold(c.label(lang)))
            cases = " ".join(f"WHEN '{c.code}' THEN {rank}" for rank, c in enumerate(ranked))
            return f"(CASE {expr} {cases} ELSE {len(ranked)} END) {direction}"
        if key in ("birth_date", "resident_qpv"):
            return f"{expr} {direction}"
        if key == "last_name":
            return (f"{_text_key('p.last_name')} {direction}, "
                    f"{_text_key('p.first_name')} {direction}")
        return f"{_text_key(expr)} {direction}"
    raise KeyError(key)


def where(q: ListQuery) -> tuple[str, list]:
    conds = ["p.deleted_at IS NULL"]
    params: list = []
    clause, clause_params = match_clause(q.text, column="p.id")
    if clause != "1":
        conds.append(clause)
        params.extend(clause_params)
    enrolled = ("EXISTS (SELECT 1 FROM enrollment e WHERE e.participant_id = p.id "
                "AND e.deleted_at IS NULL{extra})")
    cohort = " AND e.cohort_id = ?" if q.cohort_id is not None else ""
    cohort_params = [q.cohort_id] if q.cohort_id is not None else []
    if q.status == "active":
        conds.append(enrolled.format(extra=cohort + " AND e.date_sortie IS NULL"))
        params.extend(cohort_params)
    elif q.status == "exited":
        conds.append(enrolled.format(extra=cohort))
        params.extend(cohort_params)
        conds.append("NOT " + enrolled.format(extra=cohort + " AND e.date_sortie IS NULL"))
        params.extend(cohort_params)
    elif q.cohort_id is not None:
        conds.append(enrolled.format(extra=cohort))
        params.extend(cohort_params)
    if q.resident_qpv:
        conds.append("p.resident_qpv = 1")
    if q.invisibles:
        conds.append("p.connu_spe = 0")
    if q.to_check:
        conds.append("p.contact_check != ''")
    if q.referent:
        conds.append("p.referent = ?")
        params.append(q.referent)
    return " AND ".join(conds), params


_ACCENTS = str.maketrans({
    **{c: "a" for c in "àâäáãå"}, **{c: "e" for c in "éèêë"}, **{c: "i" for c in "îïíì"},
    **{c: "o" for c in "ôöóòõ"}, **{c: "u" for c in "ùûüú"}, "ç": "c", "ñ": "n", "ÿ": "y",
    "œ": "oe", "æ": "ae"})


def _sort_key(value):
    """The sort key of a text: lower case, French accents removed (fast path), else fold."""
    if not isinstance(value, str):
        return value
    key = value.lower().translate(_ACCENTS)
    return key if key.isascii() else fold(value)


def matching_ids(db, q: ListQuery) -> array:
    """Ids of the participants matching ``q``, in display order.

    Text sorts the French way: accents and case ignored (« Élodie » between « Dupont » and
    « Martin »), through a ``sort_key`` SQL function computed once per row.
    """
    db.conn.create_function("sort_key", 1, _sort_key, deterministic=True)
    cond, params = where(q)
    direction = "DESC" if q.descending else "ASC"
    sql = (f"SELECT p.id FROM participant p WHERE {cond} "
           f"ORDER BY {_sort_expr(q.sort_key, q.lang, direction)}, p.id {direction}")
    return array("q", (r[0] for r in db.execute(sql, params)))


def page_rows(db, ids) -> list[tuple]:
    """``(id, uuid, *COLUMNS)`` for each id, in the order of ``ids``."""
    if not ids:
        return []
    exprs = ", ".join(expr for _, expr, _ in COLUMNS)
    marks = ", ".join("?" for _ in ids)
    rows = db.execute(f"SELECT p.id, p.uuid, {exprs} FROM participant p WHERE p.id IN ({marks})",
                      list(ids)).fetchall()
    by_id = {r[0]: r for r in rows}
    return [by_id[i] for i in ids if i in by_id]


def cohorts(db) -> list[tuple[int, str]]:
    return db.execute("SELECT id, name FROM cohort WHERE deleted_at IS NULL "
                      "ORDER BY name COLLATE NOCASE").fetchall()


def referents(db) -> list[str]:
    return [r[0] for r in db.execute(
        "SELECT DISTINCT referent FROM participant WHERE deleted_at IS NULL "
        "AND referent IS NOT NULL AND referent != '' ORDER BY referent COLLATE NOCASE")]
