"""Full-text search over participants (FTS5 table ``participant_fts``, migration 0002).

The index is kept in step with the ``participant`` table by triggers, whatever writes to
it; tombstoned participants stay in the index and are left out here, so that a restore
needs no re-indexing. The index folds accents and case (``remove_diacritics 2``).

User text is never passed to FTS5 as it is: :func:`fts_query` cuts it into words the way
the index does, quotes each word and makes it a prefix (search as you type), so that
quotes, dashes, colons or parentheses typed by a user can never raise a syntax error.

- :func:`search_participants` / :func:`count_matches` — ranked results (bm25, names weigh
  most), with a few filters;
- :func:`match_clause` — a SQL condition for "participants matching this text", for list
  views that add their own filters and sort.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

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
    #: Only participants with an open enrollment (no exit date) in any cohort.
    active_only: bool = False
    referent: str | None = None
    genre: str | None = None
    resident_qpv: bool | None = None

    def sql(self) -> tuple[list[str], list[Any]]:
        conds: list[str] = []
        params: list[Any] = []
        if self.cohort_id is not None:
            conds.append("EXISTS (SELECT 1 FROM enrollment e WHERE e.participant_id = p.id "
                         "AND e.cohort_id = ? AND e.deleted_at IS NULL)")
            params.append(self.cohort_id)
        if self.active_only:
            conds.append("EXISTS (SELECT 1 FROM enrollment e WHERE e.participant_id = p.id "
                         "AND e.date_sortie IS NULL AND e.deleted_at IS NULL)")
        if self.referent:
            conds.append("p.referent = ?")
            params.append(self.referent)
        if self.genre:
            conds.append("p.genre = ?")
            params.append(self.genre)
        if self.resident_qpv is not None:
            conds.append("p.resident_qpv = ?")
            params.append(int(self.resident_qpv))
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
    cur = db.execute(sql, [*params, limit, offset])
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


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
