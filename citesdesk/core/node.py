"""Which laptop a database belongs to (``docs/design/SYNC.md``, point 7).

Each database writes with its own clock node. A database file copied by hand to another
machine or user would share its node with the original, and every merge between them
would be wrong; so the database remembers the machine and user that own its node
(``node_host``), and one opened elsewhere does not write before it is settled whether it is
the copy for a new laptop. The writes of the previous node stay known in the version vector.

What happens depends on :data:`ON_MOVED` (set by the program that opens the database):

- ``"new"`` (the command line, which asks nothing): the database takes a new node at once
  and keeps its team keys; the command says so in one line on stderr. A new node is never
  wrong for the merges (the same person on a new computer only shows as a new laptop);
  a colleague's laptop is best set up with ``citesdesk team copy``, which also gives it
  keys of its own.
- ``"ask"`` (the window): nothing is changed on opening; ``db.moved`` is ``"ask"`` and the
  window asks before anything else whether it is the copy for a new laptop —
  :func:`settle` then gives it a new node and keys of its own (yes), or keeps them and
  notes the new computer (no: the same person moved to another computer).
"""

from __future__ import annotations

import getpass
import secrets
import socket

HOST_SETTING = "node_host"
#: ``{"policy": "new" | "ask"}``: what a database that finds itself moved does (see above);
#: ``"notice"``: called with (db, old node, new node) when it took a new node.
ON_MOVED: dict = {"policy": "new", "notice": None}
#: The team keys a copy for a new laptop leaves behind (it creates its own on first use).
TEAM_KEYS = ("team_age_identity", "team_signing_key", "team_laptop_name")
#: The last change of node (old, new, on which machine), shown on the Équipe screen.
CHANGED_SETTING = "node_changed"


def host_id() -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "?"
    return f"{socket.gethostname()}|{user}"


def new_node(db) -> str:
    """Give the database a new clock node; the old node's writes stay in the vector."""
    old = db.setting("clock_node")
    node = secrets.token_hex(4)
    with db.atomic():
        if old and _has_vector(db):
            last = db.execute("SELECT max(hlc) FROM audit_log").fetchone()[0] or ""
            last = max(last, db.execute("SELECT coalesce(max(hlc), '') FROM field_clock")
                       .fetchone()[0])
            if last:
                db.execute("INSERT INTO version_vector(node, hlc) VALUES (?, ?) "
                           "ON CONFLICT(node) DO UPDATE SET hlc = max(hlc, excluded.hlc)",
                           [old, f"{last[:23]}{old}" if last[23:] != old else last])
        db.set_setting("clock_node", node)
        db.set_setting(HOST_SETTING, host_id())
        db.set_setting(CHANGED_SETTING, {"old": old, "new": node, "host": host_id()})
    return node


def _has_vector(db) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE name = 'version_vector'").fetchone() \
        is not None


def claim(db) -> bool | str:
    """On opening for writing: ``True`` when the database was moved and took a new node,
    ``"ask"`` when it was moved and the window is to ask (:func:`settle`), else ``False``."""
    stored = db.setting(HOST_SETTING)
    here = host_id()
    if stored == here:
        return False
    if not stored:  # a new database, or a copy made for a colleague: it is ours now
        db.set_setting(HOST_SETTING, here)
        return False
    if ON_MOVED["policy"] == "ask":
        return "ask"
    old = db.setting("clock_node")
    new = new_node(db)
    notice = ON_MOVED.get("notice")
    if notice is not None:
        notice(db, old, new)
    return True


def settle(db, new_laptop: bool) -> None:
    """The answer to « is this the copy for a new laptop? » for a database opened with
    ``db.moved == "ask"``: yes, a new node and team keys of its own (the colleagues add its
    key, as for ``team copy``); no, the same node and keys on this computer from now on."""
    from citesdesk.core.clock import HybridLogicalClock

    with db.atomic():
        if new_laptop:
            for key in TEAM_KEYS:
                db.delete_setting(key)
            node = new_node(db)
            db.clock = HybridLogicalClock(node, db.clock.last)
        else:
            db.set_setting(HOST_SETTING, host_id())
    db.moved = bool(new_laptop)
