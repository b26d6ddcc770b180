"""Finding the participant a row may already be, for many rows at once.

The rules are those of :mod:`citesdesk.services.participants` (its ``name_keys``,
``email_key`` and ``REASONS``: same France Travail id; same name — accents, case,
hyphens, spaces ignored, first and last name possibly swapped — and birth date; same
phone; same e-mail), plus the import's own: same Mission locale or other id, and close
names (``difflib``, ratio ≥ 0.85) with the same birth date. Each row's keys are computed
once (the shared :class:`~citesdesk.services.participants.DuplicateIndex` computes them on
``check`` and again on ``add``; at 20,000 rows that doubling is a second).
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from citesdesk.core.text import fold_key
from citesdesk.services.participants import REASONS, email_key, name_keys

FUZZY_NAME_MIN = 0.85
EXTRA_REASONS = {
    "ml_id": ("même identifiant Mission locale", "same Mission locale id"),
    "other_id": ("même identifiant", "same id"),
    "close_name": ("nom proche et même date de naissance", "close name and same date of birth"),
}
_ORDER = ("ft_id", "name_birth_date", "ml_id", "other_id", "close_name", "phone", "email")


_ASCII_NON_ALNUM = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=20_000)
def fast_fold_key(text: str) -> str:
    """``fold_key`` (plain ASCII text takes a shortcut to the same result)."""
    if text.isascii():
        return _ASCII_NON_ALNUM.sub("", text.lower())
    return fold_key(text)


def fast_email_key(text: str | None) -> str | None:
    """``email_key`` (plain ASCII addresses take a shortcut to the same result)."""
    if text and text.isascii() and len(text.split()) == 1:
        return text.strip().lower()
    return email_key(text)


def _names(last, first, birth_name) -> set[tuple[str, str]]:
    if not (last and first):
        return set()
    if birth_name:
        return name_keys(last, first, birth_name)
    a, b = fast_fold_key(last), fast_fold_key(first)
    return {(a, b), (b, a)} if a and b else set()


def _digits(phone: str | None) -> str | None:
    return "".join(c for c in phone if c.isdigit() or c == "+") or None if phone else None


def reason_text(reason: str, lang: str = "fr") -> str:
    pair = REASONS.get(reason) or EXTRA_REASONS[reason]
    return pair[1] if lang == "en" else pair[0]


class PeopleIndex:
    """Participants of the database and rows seen so far, by every duplicate key.

    ``ref`` is a uuid for a record of the database, ``"row:N"`` for a row of the file.
    Values are cleaned ones (ISO birth date, phone as ``format_phone`` writes it).
    """

    def __init__(self, db) -> None:
        self._by: dict[str, dict] = {k: {} for k in _ORDER if k != "close_name"}
        self._birth: dict[str, list[tuple[str, str]]] = {}
        self.labels: dict[str, tuple] = {}
        for row in db.execute(
                "SELECT uuid, last_name, first_name, birth_name, birth_date, phone, email, "
                "ft_id, ml_id, other_id FROM participant WHERE deleted_at IS NULL"):
            values = dict(zip(("last_name", "first_name", "birth_name", "birth_date", "phone",
                               "email", "ft_id", "ml_id", "other_id"), row[1:], strict=True))
            self.add(row[0], values, self.keys(values))
            self.labels[row[0]] = (values["last_name"], values["first_name"],
                                   values["birth_date"])

    def keys(self, v: dict) -> dict:
        out: dict = {"names": _names(v.get("last_name"), v.get("first_name"),
                                     v.get("birth_name")),
                     "birth": v.get("birth_date") or None,
                     "phone": _digits(v.get("phone")), "email": fast_email_key(v.get("email"))}
        for key in ("ft_id", "ml_id", "other_id"):
            out[key] = fast_fold_key(str(v[key])) if v.get(key) else None
        return out

    def add(self, ref: str, v: dict, k: dict) -> None:
        birth = k["birth"]
        if birth:
            for name in k["names"]:
                self._by["name_birth_date"].setdefault((name, birth), ref)
            if k["names"]:
                self._birth.setdefault(birth, []).append(
                    (fast_fold_key(f"{v.get('last_name') or ''}{v.get('first_name') or ''}"), ref))
        for key in ("ft_id", "ml_id", "other_id", "phone", "email"):
            if k[key]:
                self._by[key].setdefault(k[key], ref)

    def match(self, v: dict, k: dict) -> tuple[str, str] | None:
        """(ref, reason) of the strongest match, or ``None``."""
        birth = k["birth"]
        for reason in _ORDER:
            if reason == "name_birth_date":
                if birth:
                    for name in k["names"]:
                        ref = self._by[reason].get((name, birth))
                        if ref:
                            return ref, reason
            elif reason == "close_name":
                if birth and k["names"] and birth in self._birth:
                    mine = fast_fold_key(f"{v.get('last_name') or ''}{v.get('first_name') or ''}")
                    for name, ref in self._birth[birth]:
                        if name != mine and difflib.SequenceMatcher(None, mine, name).ratio() \
                                >= FUZZY_NAME_MIN:
                            return ref, reason
            elif k[reason] and k[reason] in self._by[reason]:
                return self._by[reason][k[reason]], reason
        return None
