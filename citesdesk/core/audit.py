"""The audit journal: one function writes an entry, for record writes and other operations.

Who (the site's current coordinator), when, what and which fields changed. It lives in
``core`` so that both the record write path (:mod:`citesdesk.services.records`) and the
settings registry (:mod:`citesdesk.core.settings`) write entries the same way.
"""

from __future__ import annotations

import json
import uuid as uuids

from citesdesk.core.db import SiteDatabase, utc_now


def write_entry(db: SiteDatabase, action: str, table: str, record_uuid: str | None,
                changes: dict, hlc: str, at: str) -> None:
    """One row of ``audit_log`` with the given clock value and time (and a uuid of its
    own: the entries travel to the colleagues' laptops, see ``services/team``)."""
    db.execute(
        "INSERT INTO audit_log(at, actor, action, table_name, record_uuid, changes, hlc, "
        "uuid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [at, db.actor(), action, table, record_uuid,
         json.dumps(changes, ensure_ascii=False, default=str), hlc, uuids.uuid4().hex],
    )


def audit(db: SiteDatabase, action: str, table: str, record_uuid: str | None = None,
          changes: dict | None = None) -> None:
    """An audit entry for an operation that is not a record write (import, export, bundle)."""
    write_entry(db, action, table, record_uuid, changes or {}, db.clock.now(), utc_now())
