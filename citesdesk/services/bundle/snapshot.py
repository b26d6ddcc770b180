"""The pseudonymised snapshot of a site: the rows of every bundle resource.

What is left out, by construction (only these columns are ever read): names, birth dates
(the year only), addresses (the QPV code only), phone numbers, e-mails, notes, partner
contacts and exchanges, RQTH, identifiers of other services, and every participant who
objected to the evaluation (``opposition_evaluation``) with their enrollments, events and
referrals. Tombstoned records never leave. A value that is not a known code becomes
unknown (``NR`` or empty) so that the bundle always follows its schema.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citesdesk.core import codes
from citesdesk.core.db import SiteDatabase
from citesdesk.core.site import get_site
from citesdesk.core.validation import DEPARTEMENT_RE
from citesdesk.services.bundle import keys
from citesdesk.services.bundle.package import FREINS, QPV

_YEAR = re.compile(r"^(19|20)[0-9]{2}")
_MONTH = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])")
_DATE = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")
_QPV = re.compile(QPV)
_FREINS = re.compile(FREINS)

ALIVE_PARTICIPANT = ("p.deleted_at IS NULL AND coalesce(p.opposition_evaluation, 0) = 0")


@dataclass
class Snapshot:
    site: list[tuple] = field(default_factory=list)
    cohortes: list[tuple] = field(default_factory=list)
    participants: list[tuple] = field(default_factory=list)
    inscriptions: list[tuple] = field(default_factory=list)
    evenements: list[tuple] = field(default_factory=list)
    orientations: list[tuple] = field(default_factory=list)
    partenaires: list[tuple] = field(default_factory=list)
    objectors: int = 0

    def rows(self, name: str) -> list[tuple]:
        return getattr(self, name)


def _bool(v) -> str:
    return "" if v is None else ("true" if v else "false")


def _month(v) -> str:
    return v[:7] if isinstance(v, str) and _MONTH.match(v) else ""


_VALUES: dict[str, frozenset] = {name: frozenset(cl.values) for name, cl in codes.ALL.items()}


def _code(v, codelist: codes.CodeList, unknown: str = "") -> str:
    return v if v in _VALUES[codelist.name] else unknown


def site_rows(db: SiteDatabase) -> list[tuple]:
    site = get_site(db)
    if site is None:
        return []
    dep = site["departement"] or ""
    if not DEPARTEMENT_RE.match(dep):
        dep = ""
    return [(site["site_code"], site["name"], dep)]


def objectors(db: SiteDatabase) -> int:
    return db.execute(
        "SELECT count(*) FROM participant "
        "WHERE deleted_at IS NULL AND coalesce(opposition_evaluation, 0) = 1"
    ).fetchone()[0]


def take(db: SiteDatabase, secret: bytes) -> Snapshot:
    """Every resource's rows, in a stable order (by local id); ``secret`` is the site's
    pseudonym secret."""
    pseudonym = keys.pseudonymiser(secret)
    record_id = keys.record_ids(secret)
    people: dict[str, str] = {}
    snap = Snapshot(site=site_rows(db), objectors=objectors(db))
    for uuid, name, start, end, target in db.execute(
        "SELECT uuid, name, start_date, end_date, target FROM cohort "
        "WHERE deleted_at IS NULL ORDER BY id"
    ):
        snap.cohortes.append((
            uuid, name, start if start and _DATE.match(start) else "",
            end if end and _DATE.match(end) else "", "" if target is None else int(target)))

    for row in db.execute(
        "SELECT uuid, birth_date, genre, resident_qpv, code_qpv, niveau_formation, "
        "situation_entree, anciennete_inscription, connu_spe, brsa, ass, aah, freins "
        f"FROM participant p WHERE {ALIVE_PARTICIPANT} ORDER BY id"
    ):
        (uuid, birth, genre, qpv_res, qpv, niveau, situation, anciennete,
         spe, brsa, ass, aah, freins) = row
        year = birth[:4] if isinstance(birth, str) and _YEAR.match(birth) else ""
        freins = freins or ""
        people[uuid] = pid = pseudonym(uuid)
        snap.participants.append((
            pid, year, _code(genre, codes.GENRE, "NR"), _bool(qpv_res),
            qpv if qpv and _QPV.match(qpv) else "",
            _code(niveau, codes.NIVEAU_FORMATION, "NR"),
            _code(situation, codes.SITUATION_ENTREE, "NR"),
            _code(anciennete, codes.ANCIENNETE_INSCRIPTION, "NR"),
            _bool(spe), _bool(brsa), _bool(ass), _bool(aah),
            freins if _FREINS.match(freins) else codes.freins_to_text(freins.split("|")),
        ))

    for uuid, p_uuid, c_uuid, entree, sortie, motif in db.execute(
        "SELECT e.uuid, p.uuid, c.uuid, e.date_entree, e.date_sortie, e.motif_sortie "
        "FROM enrollment e JOIN participant p ON p.id = e.participant_id "
        "JOIN cohort c ON c.id = e.cohort_id "
        f"WHERE e.deleted_at IS NULL AND c.deleted_at IS NULL AND {ALIVE_PARTICIPANT} "
        "ORDER BY e.id"
    ):
        entree_m = _month(entree)
        if not entree_m:
            continue
        motif = _code(motif, codes.MOTIF_SORTIE) if sortie else ""
        snap.inscriptions.append((
            record_id(uuid), people[p_uuid], c_uuid, entree_m, _month(sortie), motif,
            codes.groupe_sortie(motif) or ""))

    partners_used: set[int] = set()
    for uuid, p_uuid, date, type_, contrat, frein, partner_id, partner_uuid in db.execute(
        "SELECT ev.uuid, p.uuid, ev.date, ev.type, ev.code_contrat, ev.code_frein, "
        "pa.id, pa.uuid FROM event ev JOIN participant p ON p.id = ev.participant_id "
        "LEFT JOIN partner pa ON pa.id = ev.partner_id "
        f"WHERE ev.deleted_at IS NULL AND {ALIVE_PARTICIPANT} ORDER BY ev.id"
    ):
        month = _month(date)
        if not month or type_ not in _VALUES["type_evenement"]:
            continue
        if partner_id is not None:
            partners_used.add(partner_id)
        snap.evenements.append((
            record_id(uuid), people[p_uuid], month, type_,
            _code(contrat, codes.CODE_CONTRAT), _code(frein, codes.FREIN), partner_uuid or ""))

    for uuid, p_uuid, partner_id, partner_uuid, date, status, status_date in db.execute(
        "SELECT r.uuid, p.uuid, pa.id, pa.uuid, r.date, r.status, r.status_date "
        "FROM referral r JOIN participant p ON p.id = r.participant_id "
        "JOIN partner pa ON pa.id = r.partner_id "
        f"WHERE r.deleted_at IS NULL AND {ALIVE_PARTICIPANT} ORDER BY r.id"
    ):
        month = _month(date)
        if not month or status not in _VALUES["statut_orientation"]:
            continue
        partners_used.add(partner_id)
        snap.orientations.append((
            record_id(uuid), people[p_uuid], partner_uuid, month, status,
            _month(status_date) or month))

    # Organisations only (no contacts, addresses, phones or notes); a partner in the bin
    # still referred to by an exported row is kept so that every reference resolves.
    for pid, uuid, type_, name, siret, deleted in db.execute(
        "SELECT id, uuid, type, name, siret, deleted_at FROM partner ORDER BY id"
    ):
        if deleted is None or pid in partners_used:
            snap.partenaires.append((
                uuid, _code(type_, codes.TYPE_PARTENAIRE, "AUTRE"), name,
                siret if siret and siret.isdigit() and len(siret) == 14 else ""))
    return snap
