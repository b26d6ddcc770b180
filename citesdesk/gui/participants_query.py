"""The SQL of the participants list: filters, sort and pages (no Qt here).

Text and filters are those of the one participant search, :mod:`citesdesk.core.search`.
The list works on ids. After a keystroke, :func:`first_page` (read thread) returns the
first page of ids and their rows; sorted by name (the default) it is read from the name
index and stops after its rows. :func:`matching_ids` then returns the ids of every match,
in order, so that the row count and scrolling follow (for a huge result, just after the
first page is shown). :func:`page_rows` reads the displayed columns of one page of ids (a
few hundred rows by primary key: fast enough for the GUI thread). 100,000 ids take under
a megabyte.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass

from citesdesk.core import codes, search
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
        return f"{_text_key(expr)} {direction}"
    raise KeyError(key)


def filters(q: ListQuery) -> search.Filters:
    """The list's filters as those of the participant search."""
    return search.Filters(cohort_id=q.cohort_id, active_only=q.status == "active",
                          exited_only=q.status == "exited",
                          resident_qpv=True if q.resident_qpv else None,
                          invisibles=q.invisibles, to_check=q.to_check,
                          referent=q.referent or None)


def where(q: ListQuery) -> tuple[str, list]:
    return search.where_sql(q.text, filters(q))


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
    « Martin »). By name, the order is the name index's (:func:`search.ids_by_name`);
    other columns go through a ``sort_key`` SQL function computed once per row.
    """
    if q.sort_key == "last_name":
        return search.ids_by_name(db, q.text, filters(q), descending=q.descending)
    db.conn.create_function("sort_key", 1, _sort_key, deterministic=True)
    cond, params = where(q)
    direction = "DESC" if q.descending else "ASC"
    sql = (f"SELECT p.id FROM participant p WHERE {cond} "
           f"ORDER BY {_sort_expr(q.sort_key, q.lang, direction)}, p.id {direction}")
    return array("q", (r[0] for r in db.execute(sql, params)))


@dataclass(frozen=True)
class FirstPage:
    """What the list shows right after a keystroke: the first ids and their rows, and
    whether they are all the matches (else :func:`matching_ids` follows)."""

    ids: array
    rows: list[tuple]
    complete: bool


def first_page(db, q: ListQuery, size: int) -> FirstPage:
    """The first ``size`` matches of ``q`` with their rows: from the name index when the
    list is sorted by name, else the first ids of :func:`matching_ids` (all read)."""
    if q.sort_key == "last_name":
        ids = array("q", search.page_by_name(db, q.text, filters(q), limit=size + 1,
                                             descending=q.descending))
        complete = len(ids) <= size
    else:
        ids, complete = matching_ids(db, q), True
    return FirstPage(ids if complete else ids[:size], page_rows(db, ids[:size]), complete)


def page_rows(db, ids) -> list[tuple]:
    """``(id, uuid, *COLUMNS)`` for each id, in the order of ``ids``.

    The current cohort of the page's participants is read in one query, not one
    subquery per row."""
    if not ids:
        return []
    ids = list(ids)
    exprs = ", ".join(expr for key, expr, _ in COLUMNS if key != "cohort")
    page = "(SELECT value FROM json_each(?))"  # one statement text for every page
    listed = search.json_ids(ids)
    rows = db.execute(f"SELECT p.id, p.uuid, {exprs} FROM participant p WHERE p.id IN {page}",
                      [listed]).fetchall()
    # The cohort (last column): open enrollment first, then the latest; sorted the
    # other way round, the last one wins.
    cohort = dict(db.execute(
        "SELECT e.participant_id, c.name FROM enrollment e JOIN cohort c ON c.id = e.cohort_id "
        f"WHERE e.participant_id IN {page} AND e.deleted_at IS NULL AND c.deleted_at IS NULL "
        "ORDER BY e.date_sortie IS NULL, e.date_entree", [listed]).fetchall())
    by_id = {r[0]: (*r, cohort.get(r[0])) for r in rows}
    return [by_id[i] for i in ids if i in by_id]


def cohorts(db) -> list[tuple[int, str]]:
    return db.execute("SELECT id, name FROM cohort WHERE deleted_at IS NULL "
                      "ORDER BY name COLLATE NOCASE").fetchall()


def referents(db) -> list[str]:
    return [r[0] for r in db.execute(
        "SELECT DISTINCT referent FROM participant WHERE deleted_at IS NULL "
        "AND referent IS NOT NULL AND referent != '' ORDER BY referent COLLATE NOCASE")]
