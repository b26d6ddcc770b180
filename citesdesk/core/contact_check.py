"""Contact details that fail their check: kept as typed and flagged "à vérifier".

A person is never refused (in a form or an import) because of a phone number or an
e-mail address: a value that is not in the numbering plan, or not an address, is stored
as it was written, with a warning, and the participant's ``contact_check`` field lists the
fields to check (``phone|email``) — shown on the form and in a filter of the list.
"""

from __future__ import annotations

from typing import Any

from citesdesk.core.errors import FieldError

#: The contact fields a participant may have flagged.
CONTACT_FIELDS = ("phone", "email")
TO_CHECK = "contact_to_check"


def to_check(field: str, kind: str, value: Any) -> tuple[str, list[FieldError]]:
    """The value kept as typed, and the warning that flags it (``kind``: phone or email)."""
    text = " ".join(str(value).split())
    if kind == "phone":
        fr = (f"Numéro de téléphone « {text} » à vérifier : ce n'est pas un numéro attribué "
              "(faute de frappe ?). Il est gardé tel quel et signalé « à vérifier ».")
        en = (f"Phone number '{text}' to check: it is not an allocated number (a typo?). "
              "It is kept as written and flagged 'to check'.")
    else:
        fr = (f"Adresse de courriel « {text} » à vérifier : ce n'est pas une adresse valide. "
              "Elle est gardée telle quelle et signalée « à vérifier ».")
        en = (f"E-mail address '{text}' to check: it is not a valid address. "
              "It is kept as written and flagged 'to check'.")
    return text, [FieldError(field, TO_CHECK, fr, en, text, "warning")]


def flagged(problems) -> set[str]:
    """The contact fields that a list of problems (or import issues) flags."""
    return {p.field for p in problems
            if getattr(p, "code", None) == TO_CHECK and p.field in CONTACT_FIELDS}


def merged(before: str | None, now: str, written) -> str:
    """The flags of a record after a write: those ``before`` of the fields not ``written``
    now, and those found ``now`` (a blank cell in an import leaves a field as it was)."""
    keep = set(filter(None, (before or "").split("|"))) - set(written)
    found = set(filter(None, now.split("|")))
    return "|".join(f for f in CONTACT_FIELDS if f in keep | found)


def settle_flags(clean: dict, given: dict, problems, existing: dict | None) -> None:
    """Set ``clean["contact_check"]`` from this write's warnings: on a creation, the
    fields flagged now; on an update, the record's flags with those of the fields written
    now replaced by their new state."""
    written = [f for f in CONTACT_FIELDS if f in given]
    if existing is not None and not written:
        return
    now = flagged(problems)
    before = set(filter(None, ((existing or {}).get("contact_check") or "").split("|")))
    keep = before - set(written) if existing is not None else set()
    clean["contact_check"] = "|".join(f for f in CONTACT_FIELDS if f in keep | now)
