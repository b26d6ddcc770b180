"""Participants: duplicate detection, shared by the form and the spreadsheet import.

Two records are likely the same person when they share
- the same name (accents, case, hyphens and spaces ignored; first and last name may be
  swapped; the birth name counts as a last name) **and** the same date of birth;
- or the same phone number (compared as digits, however it is written);
- or the same e-mail address (case ignored);
- or the same France Travail identifier.

:func:`find_duplicates` checks one set of values against the database;
:class:`DuplicateIndex` holds every participant in memory for checking many rows (an
import), and learns the rows added as it goes so that duplicates inside one file are
found too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from citesdesk.core.text import fold, fold_key
from citesdesk.core.validation import parse_date

#: Reason codes, strongest first, with their labels.
REASONS: dict[str, tuple[str, str]] = {
    "ft_id": ("même identifiant France Travail", "same France Travail id"),
    "name_birth_date": ("même nom et même date de naissance", "same name and date of birth"),
    "phone": ("même numéro de téléphone", "same phone number"),
    "email": ("même courriel", "same e-mail address"),
}

_COLUMNS = "id, uuid, last_name, first_name, birth_name, birth_date, phone, email, ft_id"


@dataclass(frozen=True)
class DuplicateMatch:
    """An existing participant that looks like the one being entered, and why."""

    id: int
    uuid: str
    last_name: str
    first_name: str
    birth_date: str | None
    phone: str | None
    email: str | None
    reasons: tuple[str, ...]

    def reason_text(self, lang: str = "fr") -> str:
        return ", ".join(REASONS[r][1 if lang == "en" else 0] for r in self.reasons)


def phone_key(value: Any) -> str | None:
    """A phone number as comparable digits, ``None`` when empty.

    The last nine digits: the national number without its trunk ``0`` or country code,
    so that ``06 12 34 56 78``, ``+33 6 12 34 56 78`` and ``0033612345678`` compare equal,
    and so do ``0262 20 12 34`` and ``+262 262 20 12 34`` (La Réunion).
    """
    if value is None:
        return None
    digits = "".join(c for c in str(value) if c.isdigit())
    return digits[-9:] or None


def email_key(value: Any) -> str | None:
    text = fold(value) if value is not None else ""
    return text or None


def date_key(value: Any) -> str | None:
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        try:
            return dt.date.fromisoformat(value).isoformat()  # stored form: the fast way
        except ValueError:
            pass
    try:
        d = parse_date(value)
    except ValueError:
        return None
    return d.isoformat() if isinstance(d, dt.date) else None


def name_keys(last_name: Any, first_name: Any, birth_name: Any = None) -> set[tuple[str, str]]:
    """The (last, first) pairs a person may be filed under, folded; swapped names too."""
    first = fold_key(first_name)
    keys: set[tuple[str, str]] = set()
    for last in {fold_key(last_name), fold_key(birth_name)}:
        if last and first:
            keys.add((last, first))
            keys.add((first, last))
    return keys


@dataclass
class _Person:
    row: dict
    names: set[tuple[str, str]] = field(default_factory=set)
    birth: str | None = None
    phone: str | None = None
    email: str | None = None
    ft_id: str | None = None

    @classmethod
    def of(cls, row: dict) -> _Person:
        return cls(row, name_keys(row.get("last_name"), row.get("first_name"),
                                  row.get("birth_name")),
                   date_key(row.get("birth_date")), phone_key(row.get("phone")),
                   email_key(row.get("email")), fold_key(row.get("ft_id")) or None)

    def reasons_against(self, other: _Person) -> tuple[str, ...]:
        found = []
        if self.ft_id and self.ft_id == other.ft_id:
            found.append("ft_id")
        if self.birth and self.birth == other.birth and self.names & other.names:
            found.append("name_birth_date")
        if self.phone and self.phone == other.phone:
            found.append("phone")
        if self.email and self.email == other.email:
            found.append("email")
        return tuple(found)


def _match(person: _Person, reasons: tuple[str, ...]) -> DuplicateMatch:
    r = person.row
    return DuplicateMatch(r["id"], r["uuid"], r["last_name"], r["first_name"],
                          r.get("birth_date"), r.get("phone"), r.get("email"), reasons)


def _sorted(matches: list[DuplicateMatch]) -> list[DuplicateMatch]:
    order = list(REASONS)
    return sorted(matches, key=lambda m: (-len(m.reasons), order.index(m.reasons[0]),
                                          m.last_name, m.first_name, m.id))


def _people(db, where: str, params: list):
    """The participants (not in the bin) matching ``where``, as dicts."""
    return db.query(f"SELECT {_COLUMNS} FROM participant WHERE deleted_at IS NULL "
                    f"AND ({where})", params)


def find_duplicates(db, values: dict, exclude_uuid: str | None = None) -> list[DuplicateMatch]:
    """Participants (not in the bin) that may be the person described by ``values``.

    ``values`` uses the participant field names, raw or cleaned (``birth_date`` as
    ``dd/mm/yyyy`` or ISO, phone written any way). ``exclude_uuid``: the record being
    edited, which is not its own duplicate. Strongest matches first.
    """
    me = _Person.of({"id": 0, "uuid": "", **values})
    conds, params = [], []
    if me.birth and me.names:
        conds.append("birth_date = ?")
        params.append(me.birth)
    if me.email:
        conds.append("lower(email) = ?")
        params.append(me.email)
    if me.ft_id:
        conds.append("lower(replace(replace(ft_id, ' ', ''), '-', '')) = ?")
        params.append(me.ft_id)
    if me.phone:
        # Stored phones are written by format_phone: compare on their last nine digits,
        # then exactly in Python.
        conds.append("replace(replace(replace(phone, ' ', ''), '.', ''), '-', '') LIKE ?")
        params.append("%" + me.phone)
    if not conds:
        return []
    found = []
    for row in _people(db, " OR ".join(conds), params):
        if exclude_uuid and row["uuid"] == exclude_uuid:
            continue
        other = _Person.of(row)
        reasons = me.reasons_against(other)
        if reasons:
            found.append(_match(other, reasons))
    return _sorted(found)


class DuplicateIndex:
    """Every participant in memory, for checking many rows quickly (an import).

    ``check(values)`` returns the matches among the database's participants and the rows
    ``add``-ed so far (their ``id`` is whatever the caller gives, e.g. ``-row_number``).
    """

    def __init__(self, db) -> None:
        self._by: dict[str, dict[Any, list[_Person]]] = {
            "names": {}, "phone": {}, "email": {}, "ft_id": {}}
        for row in _people(db, "1", []):
            self.add(row)

    def add(self, row: dict) -> None:
        person = _Person.of(row)
        for name in person.names:
            if person.birth:
                self._by["names"].setdefault((name, person.birth), []).append(person)
        for key in ("phone", "email", "ft_id"):
            value = getattr(person, key)
            if value:
                self._by[key].setdefault(value, []).append(person)

    def check(self, values: dict, exclude_uuid: str | None = None) -> list[DuplicateMatch]:
        me = _Person.of({"id": 0, "uuid": "", **values})
        candidates: dict[int, _Person] = {}
        keys = [("names", (n, me.birth)) for n in me.names if me.birth]
        keys += [(k, getattr(me, k)) for k in ("phone", "email", "ft_id") if getattr(me, k)]
        for index, key in keys:
            for person in self._by[index].get(key, ()):
                candidates[id(person)] = person
        found = []
        for person in candidates.values():
            if exclude_uuid and person.row.get("uuid") == exclude_uuid:
                continue
            reasons = me.reasons_against(person)
            if reasons:
                found.append(_match(person, reasons))
        return _sorted(found)
