"""The retention rule (RGPD): a person's data is kept for the site's retention period after
their last contact, then deleted for good.

Last contact is the latest date among the person's notice and objection dates, cohort
entries and exits, journey steps, notes, referrals and referral status changes — records in
the bin included — or, with none, the day the record was created. It is the rule the
subject-access export prints ("vos données seront supprimées le …").

:func:`purge` deletes the people and everything about them (enrollments, steps, notes,
referrals with their history, and the audit entries about those records, which hold the
values written), in one transaction. It leaves one audit entry saying how many people were
deleted, with no personal data.
"""

from __future__ import annotations

import calendar
import datetime as dt

from citesdesk.core import settings
from citesdesk.core.audit import audit
from citesdesk.core.errors import NotFound
from citesdesk.services import erasure
from citesdesk.services.team import clocks as team_clocks


def retention_months(db) -> int:
    """The site's retention period in months (setting ``retention_months``, 24 by default)."""
    return settings.get(db, "retention_months")


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` months, moved back to the month's last day when needed."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


_LAST_CONTACT = """
WITH dates(pid, d) AS (
    SELECT id, info_notice_date FROM participant
    UNION ALL SELECT id, opposition_date FROM participant
    UNION ALL SELECT participant_id, date_entree FROM enrollment
    UNION ALL SELECT participant_id, date_sortie FROM enrollment
    UNION ALL SELECT participant_id, date FROM event
    UNION ALL SELECT participant_id, date FROM note
    UNION ALL SELECT participant_id, date FROM referral
    UNION ALL SELECT participant_id, status_date FROM referral
    UNION ALL SELECT r.participant_id, s.date FROM referral_status s
              JOIN referral r ON r.id = s.referral_id
)
SELECT p.id, p.uuid, p.last_name, p.first_name, p.deleted_at IS NOT NULL AS in_bin,
       coalesce(max(substr(d.d, 1, 10)), substr(p.created_at, 1, 10)) AS last_contact
FROM participant p LEFT JOIN dates d ON d.pid = p.id AND length(d.d) >= 10
WHERE {where}
GROUP BY p.id
"""


def last_contacts(db) -> list[dict]:
    """Every participant (in the bin too) with the date of their last contact."""
    return list(db.query(_LAST_CONTACT.format(where="1")))


def last_contact(db, participant_id: int) -> tuple[str, str]:
    """One participant's last contact and purge date (ISO), as the access export prints."""
    row = db.execute(_LAST_CONTACT.format(where="p.id = ?"), [participant_id]).fetchone()
    last = row[-1] if row else ""
    if not last:
        return "", ""
    return last, add_months(dt.date.fromisoformat(last), retention_months(db)).isoformat()


def due(db, today: dt.date | None = None) -> list[dict]:
    """People whose retention period has run out by ``today``, oldest contact first."""
    today = today or dt.date.today()
    months = retention_months(db)
    out = []
    for row in last_contacts(db):
        purge_on = add_months(dt.date.fromisoformat(row["last_contact"]), months)
        if purge_on <= today:
            out.append({**row, "in_bin": bool(row["in_bin"]), "purge_date": purge_on.isoformat()})
    out.sort(key=lambda r: (r["last_contact"], r["last_name"] or ""))
    return out


def purge(db, participant_uuids: list[str], *, on_request: bool = False) -> int:
    """Delete these people and every record about them, for good; returns how many.

    ``on_request``: an erasure the person asked for (RGPD, art. 17), whatever the retention
    period; the same erasure, with its own audit entry (:func:`erase_on_request`).

    For good means no trace left in the file either (:mod:`citesdesk.services.erasure`):
    the search index's segments are merged, the import history forgets them, deleted
    content is overwritten (``secure_delete``), and — when not called inside a larger
    transaction — the write-ahead log is checkpointed and truncated.
    """
    count = 0
    if participant_uuids and not on_request:
        from citesdesk.services.backup import snapshot

        # kept encrypted, thinned out by the rotation (12 months); not before an erasure
        # the person asked for: a new copy would keep them a year longer
        snapshot(db, "purge")
    erased: set[str] = set()
    with db.atomic():
        for uuid in participant_uuids:
            row = db.execute("SELECT id FROM participant WHERE uuid = ?", [uuid]).fetchone()
            if row is None:
                continue
            pid = row[0]
            uuids = [uuid]
            referral_ids = [r[0] for r in db.execute(
                "SELECT id FROM referral WHERE participant_id = ?", [pid])]
            for table, where, params in (
                    ("referral_status", f"referral_id IN ({','.join('?' * len(referral_ids))})",
                     referral_ids),
                    ("referral", "participant_id = ?", [pid]),
                    ("event", "participant_id = ?", [pid]),
                    ("note", "participant_id = ?", [pid]),
                    ("enrollment", "participant_id = ?", [pid])):
                if not params:
                    continue
                uuids += [r[0] for r in db.execute(f"SELECT uuid FROM {table} WHERE {where}",
                                                   params)]
                db.execute(f"DELETE FROM {table} WHERE {where}", params)
            for start in range(0, len(uuids), 500):
                chunk = uuids[start:start + 500]
                db.execute("DELETE FROM audit_log WHERE record_uuid IN "
                           f"({','.join('?' * len(chunk))})", chunk)
            db.execute("DELETE FROM participant WHERE id = ?", [pid])
            erased.update(uuids)
            count += 1
        if count:
            erasure.scrub_import_log(db, erased)
            erasure.compact_search_index(db)
            # the marks that tell the colleagues' laptops: a hash, never the uuid
            team_clocks.stamp_purges(db)
            if on_request:
                audit(db, "erase", "participant", None,
                      {"participants": count, "motif": "demande de la personne (RGPD, art. 17)"})
            else:
                audit(db, "purge", "participant", None,
                      {"participants": count, "rule": f"{retention_months(db)} mois"})
    if count:
        erasure.flush_wal(db)
    return count


def erasure_preview(db, ref: str) -> dict:
    """The person that ``ref`` names (uuid, France Travail, Mission locale or other id; in
    the bin too) and how many records about them an erasure deletes: ``uuid``, ``name``,
    ``last_name``, the references ``ft_id``, ``ml_id``, ``other_id``, ``in_bin``, and counts
    of ``event``, ``referral``, ``note``, ``enrollment``. Refuses an unknown reference in one
    sentence."""
    ref = (ref or "").strip()
    row = db.execute(
        "SELECT id, uuid, first_name, last_name, ft_id, ml_id, other_id, deleted_at "
        "FROM participant "
        "WHERE uuid = ? OR ft_id = ? OR ml_id = ? OR other_id = ? ORDER BY id LIMIT 1",
        [ref, ref, ref, ref]).fetchone()
    if row is None or not ref:
        raise NotFound(
            f"Aucun participant ne correspond à « {ref} » (ni uuid, ni identifiant France "
            "Travail, Mission locale ou autre, corbeille comprise). Vérifiez la référence.",
            f"No participant matches '{ref}' (neither a uuid nor a France Travail, Mission "
            "locale or other id, bin included). Check the reference.")
    pid, uuid, first, last, ft_id, ml_id, other_id, deleted_at = row
    counts = {table: db.execute(f"SELECT count(*) FROM {table} WHERE participant_id = ?",
                                [pid]).fetchone()[0]
              for table in ("event", "referral", "note", "enrollment")}
    return {"uuid": uuid, "name": f"{first or ''} {(last or '').upper()}".strip(),
            "last_name": last or "", "ft_id": ft_id, "ml_id": ml_id, "other_id": other_id,
            "in_bin": bool(deleted_at), **counts}


def erase_on_request(db, participant_uuid: str) -> int:
    """Erase one person for good because they asked (RGPD, art. 17): every record about
    them and every trace in the file, as the purge does; returns 1, or 0 if already gone."""
    return purge(db, [participant_uuid], on_request=True)
