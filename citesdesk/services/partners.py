"""The partners directory and the referrals list, as queries (no Qt).

Writes go through :mod:`citesdesk.services.records` (partners, contacts, exchanges) and
:mod:`citesdesk.services.referrals` (the status workflow); this module reads.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from citesdesk.core import codes
from citesdesk.core.text import fold
from citesdesk.services import records
from citesdesk.services.refs import resolve


def list_partners(db, text: str = "", type_code: str | None = None) -> list[dict]:
    """Partners not in the bin, by name, with counts of contacts and referrals.

    ``text`` matches the name, commune or SIRET ignoring case and accents.
    """
    rows = list(db.query(
        """SELECT p.id, p.uuid, p.type, p.name, p.siret, p.commune, p.phone, p.email,
                  (SELECT count(*) FROM partner_contact c
                    WHERE c.partner_id = p.id AND c.deleted_at IS NULL) AS contacts,
                  (SELECT count(*) FROM referral r WHERE r.partner_id = p.id
                    AND r.deleted_at IS NULL) AS referrals
           FROM partner p WHERE p.deleted_at IS NULL AND (? IS NULL OR p.type = ?)
           ORDER BY p.name COLLATE NOCASE""", [type_code, type_code]))
    needle = fold(text)
    if needle:
        rows = [r for r in rows
                if needle in fold(" ".join(str(r[k] or "") for k in ("name", "commune", "siret")))]
    return rows


def contacts(db, partner) -> list[dict]:
    p = resolve(db, "partner", partner)
    return records.find(db, "partner_contact", "partner_id = ?", [p["id"]],
                        order_by="last_name COLLATE NOCASE, first_name COLLATE NOCASE")


def exchanges(db, partner) -> list[dict]:
    """The partner's exchange log, newest first, with the names of the contacts involved."""
    p = resolve(db, "partner", partner)
    names = {c["id"]: " ".join(x for x in (c["first_name"], c["last_name"]) if x)
             for c in records.find(db, "partner_contact", "partner_id = ?", [p["id"]],
                                   include_deleted=True)}
    out = []
    for row in records.find(db, "partner_exchange", "partner_id = ?", [p["id"]],
                            order_by="date DESC, id DESC"):
        ids = [int(i) for i in (row["contact_ids"] or "").split("|") if i.strip().isdigit()]
        out.append({**row, "contact_names": [names[i] for i in ids if i in names]})
    return out


@dataclass(frozen=True)
class ReferralFilter:
    status: str | None = None
    partner_type: str | None = None
    partner_id: int | None = None
    participant_id: int | None = None
    date_from: str | None = None  # ISO, on the referral's date
    date_to: str | None = None
    overdue_only: bool = False


def list_referrals(db, flt: ReferralFilter = ReferralFilter(),
                   today: dt.date | None = None) -> list[dict]:
    """Referrals with participant and partner names, newest first, filtered in SQL.

    ``overdue`` is set on each row: still ``PROPOSEE`` more than 15 days after its date.
    """
    today = today or dt.date.today()
    limit = (today - dt.timedelta(days=codes.ORIENTATION_DELAI_JOURS + 1)).isoformat()
    where = ["r.deleted_at IS NULL", "pa.deleted_at IS NULL"]
    params: list = []
    for cond, value in (("r.status = ?", flt.status), ("pt.type = ?", flt.partner_type),
                        ("r.partner_id = ?", flt.partner_id),
                        ("r.participant_id = ?", flt.participant_id),
                        ("r.date >= ?", flt.date_from), ("r.date <= ?", flt.date_to)):
        if value is not None and value != "":
            where.append(cond)
            params.append(value)
    if flt.overdue_only:
        where.append("r.status = 'PROPOSEE' AND r.date <= ?")
        params.append(limit)
    rows = list(db.query(
        f"""SELECT r.id, r.uuid, r.date, r.reason, r.status, r.status_date,
                   pa.uuid AS participant_uuid, pa.last_name, pa.first_name,
                   pt.uuid AS partner_uuid, pt.name AS partner, pt.type AS partner_type,
                   (r.status = 'PROPOSEE' AND r.date <= ?) AS overdue
            FROM referral r JOIN participant pa ON pa.id = r.participant_id
            JOIN partner pt ON pt.id = r.partner_id
            WHERE {' AND '.join(where)}
            ORDER BY r.date DESC, r.id DESC""", [limit, *params]))
    for row in rows:
        row["overdue"] = bool(row["overdue"])
    return rows
