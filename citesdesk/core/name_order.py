"""The order of every live participant by name, kept in memory for one connection.

Search as you type sorts the participants matching the text by name (accents and case
ignored, the order of the name index of migration 0008). Reading that order from SQLite
for each keystroke means a lookup per match (a few hundred to tens of thousands on a large
site); kept in memory as a rank per participant id, sorting the matches is a Python sort
of small integers, with no database page touched.

The order is read once from the name index (one walk, ≈ 20 ms for 50,000 people) and read
again only after the database changed: ``PRAGMA data_version`` moves when another
connection commits, ``total_changes`` when this one writes. A participant written
meanwhile therefore never sorts from a stale order.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass

from citesdesk.core.schema import NAME_KEY_INDEX, name_key_sql

_ATTRIBUTE = "_citesdesk_name_order"


@dataclass(frozen=True)
class NameOrder:
    """Live participant ids in name order, and each id's position in it (-1: none)."""

    version: tuple[int, int]
    ids: array
    rank: array

    def sort(self, ids, descending: bool = False, limit: int | None = None) -> list[int]:
        """``ids`` (any order; ids of tombstoned participants are left out) in name order,
        the first ``limit`` of them."""
        rank, size = self.rank, len(self.rank)
        if ids and max(ids) < size:  # the usual case: looked up at C speed
            ranks = list(map(rank.__getitem__, ids))
        else:  # a participant newer than the order cannot be live (the order is current)
            ranks = [rank[i] for i in ids if i < size]
        ranks.sort(reverse=descending)
        gone = ranks.count(-1)  # tombstoned: first when ascending, last when descending
        if gone:
            ranks = ranks[:len(ranks) - gone] if descending else ranks[gone:]
        order = self.ids
        return list(map(order.__getitem__, ranks if limit is None else ranks[:limit]))


def _version(db) -> tuple[int, int]:
    return db.execute("PRAGMA data_version").fetchone()[0], db.conn.total_changes


def name_order(db) -> NameOrder:
    """The name order of ``db``'s live participants, read again if the base changed."""
    version = _version(db)
    cached = getattr(db, _ATTRIBUTE, None)
    if cached is not None and cached.version == version:
        return cached
    ids = array("q", (r[0] for r in db.execute(
        f"SELECT p.id FROM participant p INDEXED BY {NAME_KEY_INDEX} "
        f"WHERE p.deleted_at IS NULL ORDER BY {name_key_sql('p.')}, p.id")))
    rank = array("q", [-1]) * ((max(ids) + 1) if ids else 0)
    for position, i in enumerate(ids):
        rank[i] = position
    order = NameOrder(version, ids, rank)
    setattr(db, _ATTRIBUTE, order)
    return order


def cached(db) -> NameOrder | None:
    """The order kept for ``db`` if it is still the base's, else ``None`` (nothing read)."""
    order = getattr(db, _ATTRIBUTE, None)
    return order if order is not None and order.version == _version(db) else None
