"""What the printed documents show, read from the database in a few queries.

No reportlab here: :func:`dossier` returns plain dicts that the layouts turn into PDF, so
that the data (what prints, what never prints) can be tested apart from the drawing.
"""

from __future__ import annotations

from typing import Any

from citesdesk.core.db import SiteDatabase
from citesdesk.core.errors import NotFound
from citesdesk.core.site import get_site
from citesdesk.services.retention import last_contact, retention_months


def resolve(db: SiteDatabase, ref: str) -> dict:
    """The participant whose uuid, France Travail, Mission locale or other id is ``ref``."""
    ref = (ref or "").strip()
    rows = list(db.query(
        "SELECT * FROM participant WHERE deleted_at IS NULL AND "
        "(uuid = ? OR ft_id = ? OR ml_id = ? OR other_id = ?) ORDER BY id",
        [ref, ref, ref, ref],
    ))
    if not rows:
        raise NotFound(
            f"Aucun participant ne correspond à « {ref} » (ni uuid, ni identifiant France "
            "Travail, Mission locale ou autre). Vérifiez la référence ; une fiche à la "
            "corbeille ne s'imprime pas.",
            f"No participant matches '{ref}' (neither a uuid nor a France Travail, Mission "
            "locale or other id). Check the reference; a record in the bin does not print.",
        )
    if len(rows) > 1:
        names = ", ".join(f"{r['first_name']} {r['last_name']} ({r['uuid']})" for r in rows)
        raise NotFound(
            f"La référence « {ref} » désigne plusieurs participants : {names}. "
            "Utilisez l'uuid.",
            f"The reference '{ref}' matches several participants: {names}. Use the uuid.",
        )
    return rows[0]


def cohort_members(db: SiteDatabase, name_or_uuid: str) -> tuple[dict, list[str]]:
    """A cohort (by uuid or exact name, case-insensitive) and its participants' uuids."""
    rows = list(db.query(
        "SELECT * FROM cohort WHERE deleted_at IS NULL AND (uuid = ? OR lower(name) = lower(?))",
        [name_or_uuid, name_or_uuid],
    ))
    if not rows:
        raise NotFound(
            f"Aucune cohorte ne s'appelle « {name_or_uuid} ». Vérifiez son nom ou son uuid.",
            f"No cohort is called '{name_or_uuid}'. Check its name or uuid.",
        )
    cohort = rows[0]
    uuids = [r[0] for r in db.execute(
        "SELECT DISTINCT p.uuid FROM enrollment e JOIN participant p ON p.id = e.participant_id "
        "WHERE e.cohort_id = ? AND e.deleted_at IS NULL AND p.deleted_at IS NULL "
        "ORDER BY p.last_name, p.first_name, p.id", [cohort["id"]])]
    return cohort, uuids


def person(db: SiteDatabase, participant_uuid: str) -> dict:
    """The participant row (not in the bin); :class:`NotFound` otherwise."""
    rows = list(db.query("SELECT * FROM participant WHERE uuid = ? AND deleted_at IS NULL",
                         [participant_uuid]))
    if not rows:
        raise NotFound(f"Participant introuvable ({participant_uuid}).",
                       f"Participant not found ({participant_uuid}).")
    return rows[0]


def site(db: SiteDatabase) -> dict:
    return get_site(db) or {"name": "", "site_code": "", "coordinators": ""}


def dossier(db: SiteDatabase, participant_uuid: str, *, full: bool = False,
            lang: str = "fr") -> dict[str, Any]:
    """Everything a printed document about one participant needs.

    ``full=False`` (the participant file): live records only, shared notes only.
    ``full=True`` (the subject-access export): private notes too, records in the bin
    (flagged ``deleted_at``), the audit entries about any of their records, the partners
    their data went to, the date of last contact and the purge date of the retention rule.
    """
    p = list(db.query("SELECT * FROM participant WHERE uuid = ?", [participant_uuid]))
    if not p or (p[0]["deleted_at"] and not full):
        raise NotFound(f"Participant introuvable ({participant_uuid}).",
                       f"Participant not found ({participant_uuid}).")
    person = p[0]
    pid = person["id"]
    live = "" if full else " AND {t}.deleted_at IS NULL"

    def alive(alias: str) -> str:
        return live.format(t=alias)

    enrollments = list(db.query(
        "SELECT e.*, c.name AS cohort_name, c.uuid AS cohort_uuid FROM enrollment e "
        "JOIN cohort c ON c.id = e.cohort_id WHERE e.participant_id = ?"
        + alive("e") + " ORDER BY e.date_entree, e.id", [pid]))
    events = list(db.query(
        "SELECT ev.*, pa.name AS partner_name, pa.type AS partner_type, pa.uuid AS partner_uuid "
        "FROM event ev LEFT JOIN partner pa ON pa.id = ev.partner_id "
        "WHERE ev.participant_id = ?" + alive("ev") + " ORDER BY ev.date, ev.id", [pid]))
    referrals = list(db.query(
        "SELECT r.*, pa.name AS partner_name, pa.type AS partner_type, pa.uuid AS partner_uuid "
        "FROM referral r JOIN partner pa ON pa.id = r.partner_id "
        "WHERE r.participant_id = ?" + alive("r") + " ORDER BY r.date, r.id", [pid]))
    if referrals:
        ids = [r["id"] for r in referrals]
        marks = ",".join("?" * len(ids))
        statuses = list(db.query(
            f"SELECT s.* FROM referral_status s WHERE s.referral_id IN ({marks})"
            + alive("s") + " ORDER BY s.date, s.id", ids))
        by_ref: dict[int, list[dict]] = {}
        for s in statuses:
            by_ref.setdefault(s["referral_id"], []).append(s)
        for r in referrals:
            r["history"] = by_ref.get(r["id"], [])
    notes = list(db.query(
        "SELECT n.* FROM note n WHERE n.participant_id = ?" + alive("n")
        + ("" if full else " AND n.private = 0") + " ORDER BY n.date, n.id", [pid]))
    result: dict[str, Any] = {
        "participant": person, "site": site(db), "enrollments": enrollments,
        "events": events, "referrals": referrals, "notes": notes,
    }
    if full:
        result.update(_rights(db, result))
    else:
        result["timeline"] = _timeline(db, participant_uuid, lang)
    return result


def _timeline(db: SiteDatabase, participant_uuid: str, lang: str) -> list[dict]:
    """The journey as the window shows it (entries, steps, referrals, exits), from
    :mod:`citesdesk.services.journey`."""
    from citesdesk.services.journey import timeline

    return timeline(db, participant_uuid, lang=lang)


def _rights(db: SiteDatabase, d: dict) -> dict[str, Any]:
    """Audit entries, recipients, last contact and purge date (the access export only)."""
    person = d["participant"]
    uuids = [person["uuid"]]
    for key in ("enrollments", "events", "referrals", "notes"):
        uuids += [r["uuid"] for r in d[key]]
    for r in d["referrals"]:
        uuids += [s["uuid"] for s in r.get("history", [])]
    from citesdesk.services.audit import entries  # the window's audit viewer reads it too

    audit: list[dict] = []
    for i in range(0, len(uuids), 500):
        audit += entries(db, records=uuids[i:i + 500], limit=None)
    audit.sort(key=lambda a: (a["at"], a["table_name"]))

    recipients: dict[str, dict] = {}
    for kind, rows in (("referral", d["referrals"]), ("event", d["events"])):
        for r in rows:
            if not r.get("partner_uuid"):
                continue
            entry = recipients.setdefault(r["partner_uuid"], {
                "name": r["partner_name"], "type": r["partner_type"], "dates": [],
                "kinds": set()})
            entry["dates"].append(r["date"])
            entry["kinds"].add(kind)
    partners = sorted(
        ({**v, "first": min(v["dates"]), "last": max(v["dates"]), "kinds": sorted(v["kinds"])}
         for v in recipients.values()), key=lambda v: (v["first"], v["name"]))

    last, purge = last_contact(db, person["id"])
    months = retention_months(db)
    from citesdesk.services.team.keys import holders

    return {"audit": audit, "recipients": partners, "last_contact": last,
            "retention_months": months, "purge_date": purge, "laptops": holders(db)}
