"""Which laptop a database belongs to (``docs/design/SYNC.md``, point 7).

Each database writes with its own clock node. A database file copied by hand to another
machine or user would share its node with the original, and every merge between them
would be wrong; so the database remembers the machine and user that own its node
(``node_host``), and one opened elsewhere takes a new node before its first write. The
writes of the previous node stay known in the version vector.
"""

from __future__ import annotations

import getpass
import secrets
import socket

HOST_SETTING = "node_host"
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


def claim(db) -> bool:
    """On opening for writing: True when the database was moved and took a new node."""
    stored = db.setting(HOST_SETTING)
    here = host_id()
    if stored == here:
        return False
    if not stored:  # a new database, or a copy made for a colleague: it is ours now
        db.set_setting(HOST_SETTING, here)
        return False
    new_node(db)
    return True
