"""Full-text search over participants (FTS5 table ``participant_fts``, migration 0002).

The index is kept in step with the ``participant`` table by triggers, whatever writes to
it; tombstoned participants stay in the index and are left out here, so that a restore
needs no re-indexing. The index folds accents and case (``remove_diacritics 2``).

User text is never passed to FTS5 as it is: :func:`fts_query` cuts it into words the way
the index does, quotes each word and makes it a prefix (search as you type), so that
quotes, dashes, colons or parentheses typed by a user can never raise a syntax error.

- :func:`search_participants` / :func:`count_matches` — ranked results (bm25, names weigh
  most), with a few filters;
- :func:`page_by_name` / :func:`ids_by_name` / :func:`rows_by_name` — matches sorted by
  name (accents and case ignored), read in the order of the name index of migration 0008:
  the participants list, every picker (cohort members, referrals) and the CLI use them;
- :func:`match_clause` / :func:`where_sql` — SQL conditions for "participants matching
  this text and these filters", for views that add their own sort.

The ids matching the text are read once from the full-text index. With no other filter,
they are sorted by the name order kept in memory (:mod:`citesdesk.core.name_order`). With
filters, few are sorted (their names read from a small index by id); many are found by
walking the name index in order, which stops as soon as the page is full.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass
from typing import Any

from citesdesk.core.name_order import cached as name_order_cached
from citesdesk.core.name_order import name_order
from citesdesk.core.schema import ALIVE_INDEX, NAME_KEY_INDEX, name_key, name_key_sql

#: Column weights for bm25, in the order of the ``participant_fts`` columns:
#: last_name (+ birth name), first_name, external ids, phone, e-mail, commune.
WEIGHTS = (10.0, 8.0, 5.0, 3.0, 3.0, 1.0)

_WORD = re.compile(r"[^\W_]+")
_PHONE_CHARS = re.compile(r"^[\d\s.+()/-]+$")
_LIGATURES = (("oe", "œ"), ("ae", "æ"))


def _words(text: str) -> list[str]:
    """The words of ``text`` as the ``unicode61`` tokenizer would see them."""
    return _WORD.findall(unicodedata.normalize("NFC", text))


def _variants(word: str) -> list[str]:
    """The word, plus its spellings with or without ligatures (``Lætitia`` / ``Laetitia``).

    The index removes accents but keeps ``œ``/``æ`` as letters of their own.
    """
    low = word.lower()
    out = [low]
    for plain, lig in _LIGATURES:
        if plain in low:
            out.append(low.replace(plain, lig))
        if lig in low:
            out.append(low.replace(lig, plain))
    return list(dict.fromkeys(out))


def _term(word: str) -> str:
    variants = [f'"{v}"*' for v in _variants(word)]
    return variants[0] if len(variants) == 1 else "(" + " OR ".join(variants) + ")"


def _compact_phone(text: str) -> str | None:
    """``"06 12"`` → ``"0612"``, ``"+33 6 12"`` → ``"0612"``; ``None`` if not phone-like."""
    text = text.strip()
    if not _PHONE_CHARS.match(text) or sum(c.isdigit() for c in text) < 2:
        return None
    digits = re.sub(r"[^\d+]", "", text)
    for prefix in ("+33", "0033"):
        if digits.startswith(prefix):
            digits = "0" + digits[len(prefix):]
    if digits.startswith("00"):
        digits = digits[2:]
    digits = digits.replace("+", "")
    return digits or None


def fts_query(text: str | None) -> str | None:
    """A safe FTS5 query for what a user typed, or ``None`` when there is nothing to find.

    Every word must match (as a prefix, accents and case ignored). Digits typed in groups
    (``06 12``, ``06.12.34``, ``+33 6 12``) also match the phone written without spaces.
    """
    if not text:
        return None
    words = _words(text)
    if not words:
        return None
    query = " AND ".join(_term(w) for w in words)
    phone = _compact_phone(text)
    if phone and (len(words) > 1 or phone != words[0]):
        query = f'({query}) OR "{phone}"*' if len(words) > 1 else f'{query} OR "{phone}"*'
    return query


def match_clause(text: str | None, column: str = "participant.id") -> tuple[str, list]:
    """SQL condition and parameters for "participants matching ``text``".

    ``("1", [])`` when the text holds no word (everyone matches). ``column`` is how the
    caller's query names the participant id (``"p.id"`` when it aliases the table).
    Tombstones are not filtered here: the caller's query does that.
    """
    query = fts_query(text)
    if query is None:
        return "1", []
    return (f"{column} IN (SELECT rowid FROM participant_fts "
            "WHERE participant_fts MATCH ?)", [query])


@dataclass(frozen=True)
class Filters:
    """Filters that combine with the text (all optional)."""

    #: Only participants with an enrollment (not deleted) in this cohort id.
    cohort_id: int | None = None
    #: Only participants with an open enrollment (no exit date), in the cohort if given.
    active_only: bool = False
    #: Only participants enrolled (in the cohort if given) with no open enrollment.
    exited_only: bool = False
    referent: str | None = None
    genre: str | None = None
    resident_qpv: bool | None = None
    #: « Publics invisibles »: not known to the public employment services at entry.
    invisibles: bool = False
    #: Only participants with a phone or e-mail kept as typed, flagged « à vérifier ».
    to_check: bool = False
    #: Leave out the current members (no exit date) of this cohort (uuid): a picker of
    #: people to add to it.
    exclude_cohort: str | None = None

    def sql(self) -> tuple[list[str], list[Any]]:
        conds: list[str] = []
        params: list[Any] = []
        enrolled = ("EXISTS (SELECT 1 FROM enrollment e WHERE e.participant_id = p.id "
                    "AND e.deleted_at IS NULL{})")
        cohort = " AND e.cohort_id = ?" if self.cohort_id is not None else ""
        cohort_params = [self.cohort_id] if self.cohort_id is not None else []
        if self.active_only:
            conds.append(enrolled.format(cohort + " AND e.date_sortie IS NULL"))
            params += cohort_params
        elif self.exited_only:
            conds.append(enrolled.format(cohort))
            conds.append("NOT " + enrolled.format(cohort + " AND e.date_sortie IS NULL"))
            params += cohort_params * 2
        elif self.cohort_id is not None:
            conds.append(enrolled.format(cohort))
            params += cohort_params
        if self.referent:
            conds.append("p.referent = ?")
            params.append(self.referent)
        if self.genre:
            conds.append("p.genre = ?")
            params.append(self.genre)
        if self.resident_qpv is not None:
            conds.append("p.resident_qpv = ?")
            params.append(int(self.resident_qpv))
        if self.invisibles:
            conds.append("p.connu_spe = 0")
        if self.to_check:
            conds.append("p.contact_check != ''")
        if self.exclude_cohort:
            # one list of the cohort's current members, not one lookup per participant
            conds.append("p.id NOT IN (SELECT e.participant_id FROM enrollment e "
                         "WHERE e.cohort_id = (SELECT id FROM cohort WHERE uuid = ?) "
                         "AND e.date_sortie IS NULL AND e.deleted_at IS NULL)")
            params.append(self.exclude_cohort)
        return conds, params


def _where(text: str | None, filters: Filters) -> tuple[str, list, bool]:
    conds, params = filters.sql()
    conds.insert(0, "p.deleted_at IS NULL")
    query = fts_query(text)
    if query is not None:
        conds.insert(0, "participant_fts MATCH ?")
        params.insert(0, query)
    return " AND ".join(conds), params, query is not None


def search_participants(db, text: str | None, *, limit: int = 50, offset: int = 0,
                        filters: Filters | None = None, **filter_values: Any) -> list[dict]:
    """Participants matching ``text``, best first; every participant (by name) when empty.

    Filters are given as a :class:`Filters` or as keywords (``cohort_id=3``,
    ``active_only=True``…). Each row is the participant's record plus ``score`` (bm25:
    lower is better; ``None`` without text).
    """
    filters = filters or Filters(**filter_values)
    where, params, has_text = _where(text, filters)
    if has_text:
        weights = ", ".join(str(w) for w in WEIGHTS)
        sql = (f"SELECT p.*, bm25(participant_fts, {weights}) AS score "
               "FROM participant_fts JOIN participant p ON p.id = participant_fts.rowid "
               f"WHERE {where} ORDER BY score, p.last_name, p.first_name, p.id "
               "LIMIT ? OFFSET ?")
    else:
        sql = (f"SELECT p.*, NULL AS score FROM participant p WHERE {where} "
               "ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, p.id "
               "LIMIT ? OFFSET ?")
    return list(db.query(sql, [*params, limit, offset]))


def count_matches(db, text: str | None, *, filters: Filters | None = None,
                  **filter_values: Any) -> int:
    """How many participants (not in the bin) :func:`search_participants` would return."""
    filters = filters or Filters(**filter_values)
    where, params, has_text = _where(text, filters)
    if has_text:
        sql = ("SELECT count(*) FROM participant_fts JOIN participant p "
               f"ON p.id = participant_fts.rowid WHERE {where}")
    else:
        sql = f"SELECT count(*) FROM participant p WHERE {where}"
    return db.execute(sql, params).fetchone()[0]


# -- sorted by name, from the name index ------------------------------------------------

#: The name key of migration 0008, as the list queries must write it to read the index.
NAME_KEY = name_key_sql("p.")

#: Below this many text matches, the matches are always sorted; from it on, the cheaper
#: of sorting them and walking the name index in order is chosen (:func:`_plan`).
FEW = 200


def where_sql(text: str | None, filters: Filters | None = None) -> tuple[str, list]:
    """SQL condition (on ``participant p``) and parameters: not in the bin, matching
    ``text`` (every word as a prefix, accents ignored) and ``filters``."""
    conds, params = (filters or Filters()).sql()
    clause, text_params = match_clause(text, column="p.id")
    if text_params:
        conds.insert(0, clause)
        params[:0] = text_params
    conds.insert(0, "p.deleted_at IS NULL")
    return " AND ".join(conds), params


def json_ids(ids) -> str:
    """Integer ids as a JSON array, for ``IN (SELECT value FROM json_each(?))``: one
    statement text whatever the number of ids (its plan is cached), and quicker to write
    than ``json.dumps``."""
    return "[" + ",".join(map(str, ids)) + "]"


def _text_ids(db, query: str) -> list[int]:
    return [r[0] for r in db.execute("SELECT rowid FROM participant_fts "
                                     "WHERE participant_fts MATCH ?", [query])]


#: How many times its expected length a walk of the name index in Python may run before
#: SQLite takes over (:func:`_by_name`).
PYTHON_WALK_BUDGET = 3


def _site(db) -> int:
    """About how many participants the site has (cheap: the largest id)."""
    return db.execute("SELECT max(id) FROM participant").fetchone()[0] or 1


def _plan(db, matches: int, limit: int | None) -> str:
    """How to sort ``matches`` text matches by name: ``"sort"`` them (in Python, their
    names read from the index by id), walk the name index
    in SQLite (``"walk"``: it first builds its own copy of the matches) or in Python
    (``"python"``: each step a set lookup, slower, but nothing to build first).

    Relative costs measured on the bench (µs per row sorted, copied, or index entry
    walked), the walk expected to cover ``limit × site / matches`` entries (the matches
    spread over the alphabet; a text matching one cluster of names costs more).
    """
    if matches < FEW:
        return "sort"
    site = _site(db)
    walked = site if limit is None else min(site, limit * site / matches)
    costs = {"sort": 3.0 * matches, "walk": 0.3 * matches + 0.35 * walked}
    if limit is not None:
        costs["python"] = 0.05 * matches + 0.7 * walked
    return min(costs, key=costs.__getitem__)


def _by_name(db, text: str | None, filters: Filters | None, descending: bool,
             limit: int | None) -> list[int]:
    conds, params = (filters or Filters()).sql()
    cond = " AND ".join(["p.deleted_at IS NULL", *conds])
    order = "DESC" if descending else "ASC"
    sort = f"ORDER BY {NAME_KEY} {order}, p.id {order}"
    cap = "" if limit is None else f" LIMIT {int(limit)}"
    walk = f"SELECT p.id FROM participant p INDEXED BY {NAME_KEY_INDEX} WHERE {cond}"
    query = fts_query(text)
    if query is None:  # everyone: the index, in order
        if not conds and limit is None:
            everyone = name_order(db).ids
            return everyone[::-1] if descending else everyone
        return [r[0] for r in db.execute(f"{walk} {sort}{cap}", params)]
    ids = _text_ids(db, query)
    if not ids:
        return []
    if not conds:  # the text alone: sorted by the name order kept in memory
        order = name_order_cached(db)
        if order is not None or len(ids) >= FEW:
            return (order or name_order(db)).sort(ids, descending, limit)
    matches = "p.id IN (SELECT value FROM json_each(?))"
    plan = _plan(db, len(ids), limit)
    if plan == "sort":  # their names read from the small index by id, sorted here
        sql = (f"SELECT p.id, p.last_name, p.first_name FROM participant p "
               f"INDEXED BY {ALIVE_INDEX} WHERE {matches} AND {cond}")
        rows = db.execute(sql, [json_ids(ids), *params]).fetchall()
        rows.sort(key=lambda r: (name_key(r[1], r[2]), r[0]), reverse=descending)
        return [r[0] for r in (rows if limit is None else rows[:limit])]
    if plan == "python":
        # Matches bunched at one end of the alphabet make the walk long: past a few
        # times the expected number of steps, SQLite walks instead.
        wanted, page = set(ids), []
        budget = max(2_000, PYTHON_WALK_BUDGET * (limit or 0) * _site(db) // len(ids))
        for steps, (i,) in enumerate(db.execute(f"{walk} {sort}", params), 1):
            if i in wanted:
                page.append(i)
                if len(page) >= (limit or 0):
                    return page
            elif steps > budget:
                break
        else:
            return page
    return [r[0] for r in db.execute(f"{walk} AND {matches} {sort}{cap}",
                                     [*params, json_ids(ids)])]


def page_by_name(db, text: str | None = None, filters: Filters | None = None, *,
                 limit: int = 200, descending: bool = False) -> list[int]:
    """Ids of the first ``limit`` participants matching ``text`` and ``filters``, sorted
    by name (last name then first name, accents and case ignored, then id)."""
    return _by_name(db, text, filters, descending, limit)


def ids_by_name(db, text: str | None = None, filters: Filters | None = None, *,
                descending: bool = False) -> array:
    """Ids of every participant matching, in the order of :func:`page_by_name`."""
    return array("q", _by_name(db, text, filters, descending, None))


#: Columns a picker shows.
PICKER_COLUMNS = ("id", "uuid", "last_name", "first_name", "birth_date", "commune")


def rows_by_name(db, text: str | None = None, filters: Filters | None = None, *,
                 limit: int = 50, columns: tuple[str, ...] = PICKER_COLUMNS) -> list[dict]:
    """The first ``limit`` participants matching, sorted by name, as dicts of
    ``columns`` (``id`` among them): what a picker shows as the user types."""
    ids = page_by_name(db, text, filters, limit=limit)
    if not ids:
        return []
    cols = ", ".join(columns)
    marks = ", ".join("?" for _ in ids)
    rows = {r["id"]: r for r in db.query(
        f"SELECT {cols} FROM participant "
        f"WHERE id IN ({marks})", ids)}
    return [rows[i] for i in ids if i in rows]
