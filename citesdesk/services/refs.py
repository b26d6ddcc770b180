"""Finding the record a caller means, whether it gives a row, a local id or a uuid."""

from __future__ import annotations

from citesdesk.services import records


def resolve(db, kind: str, ref) -> dict:
    """The current row of a record given as a dict (with ``id``), an id or a uuid.

    Raises :class:`~citesdesk.core.errors.NotFound` when it does not exist or is in the bin.
    """
    if isinstance(ref, dict):
        ref = ref.get("id") if ref.get("id") is not None else ref.get("uuid")
    return records.get(db, kind, ref)
