"""Demo participants and what happens to them: enrollments, journey events, referrals, notes.

Used by :func:`citesdesk.services.demo.build_demo`; every choice comes from ``d.rng``.
"""

from __future__ import annotations

import datetime as dt

from citesdesk.core import codes
from citesdesk.services import demo_data as V

DAY = dt.timedelta(days=1)
# Middle-of-journey steps and their weights (events per month of journey: MONTHLY_RATE).
MIDDLE = (("CONTACT", 34), ("ENTRETIEN", 28), ("ATELIER_COLLECTIF", 13),
          ("EVENEMENT_ENTREPRISE", 7), ("IMMERSION", 5), ("AUTRE", 3))
MONTHLY_RATE = 1.5
# Partner types a step or a contract is linked to.
STEP_PARTNERS = {"IMMERSION": ("ENTREPRISE",), "EVENEMENT_ENTREPRISE": ("ENTREPRISE",),
                 "ATELIER_COLLECTIF": ("ASSOCIATION", "FRANCE_TRAVAIL", "PLIE"),
                 "FORMATION_DEBUT": ("ORGANISME_FORMATION",),
                 "LEVEE_FREIN": ("ASSOCIATION", "COLLECTIVITE", "DEPARTEMENT"),
                 "REPERAGE": ("ASSOCIATION", "COLLECTIVITE")}
CONTRACT_PARTNERS = {"IAE": ("SIAE",), "CONTRAT_AIDE": ("COLLECTIVITE", "ASSOCIATION"),
                     "FONCTION_PUBLIQUE": ("COLLECTIVITE", "DEPARTEMENT", "ETAT"),
                     "CREATION": ()}
RE_ENTRY_MOTIFS = ("ABANDON", "SANS_NOUVELLES", "CDD_6M", "INTERIM_6M", "SANTE", "AUTRE")
FINAL_STATUS = (("PROPOSEE", 3), ("ACCEPTEE", 15), ("REFUSEE", 15), ("REALISEE", 48),
                ("ABANDONNEE", 15))


def _partner(d, types) -> int | None:
    pool = [p for t in types for p in d.partners_by_type.get(t, ())]
    return d.rng.choice(pool) if pool else None


def _person(d, pickers) -> dict:
    rng = d.rng
    genre = pickers["genre"]()
    female = genre == "F" or (genre in ("X", "NR") and rng.random() < 0.5)
    diverse = rng.random() < 0.35
    if diverse:
        first = rng.choice(V.FIRST_NAMES_F if female else V.FIRST_NAMES_H)
        last = rng.choice(V.LAST_NAMES)
    else:
        first = d.fake.first_name_female() if female else d.fake.first_name_male()
        last = d.fake.last_name()
    known = rng.random() < 0.7  # 30 % are "publics invisibles"
    situation = pickers["situation_connu" if known else "situation_invisible"]()
    resident = rng.random() < 0.86
    commune, postcode = ((d.commune, d.postcode) if resident or rng.random() < 0.4
                         else rng.choice(d.neighbours))
    freins = [code for code, p in V.FREINS if rng.random() < p]
    if female and "GARDE_ENFANT" not in freins and rng.random() < 0.1:
        freins.append("GARDE_ENFANT")
    person = {
        "last_name": last, "first_name": first,
        "birth_name": d.fake.last_name() if female and rng.random() < 0.08 else None,
        "genre": genre, "phone": d.mobile() if rng.random() < 0.93 else None,
        "email": d.email(first, last) if rng.random() < 0.65 else None,
        "address": d.address(), "postcode": postcode, "commune": commune,
        "resident_qpv": None if rng.random() < 0.02 else int(resident),
        "code_qpv": rng.choice(d.qpv_codes) if resident else None,
        "niveau_formation": pickers["niveau"](), "situation_entree": situation,
        "anciennete_inscription": pickers["anciennete"]() if situation == "DE_INSCRIT" else "NR",
        "connu_spe": int(known),
        "brsa": None if rng.random() < 0.03 else int(rng.random() < 0.24),
        "ass": int(situation == "DE_INSCRIT" and rng.random() < 0.07),
        "aah": None if rng.random() < 0.03 else int(rng.random() < 0.05),
        "rqth": None if rng.random() < 0.05 else int(rng.random() < 0.04),
        "freins": codes.freins_to_text(freins),
        "ft_id": (d.digits(7) + rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ"))
        if known and (situation == "DE_INSCRIT" or rng.random() < 0.8) else None,
        "ml_id": None, "other_id": None, "referent": rng.choice(d.coordinators),
        "info_notice_date": None, "info_notice_version": None, "info_notice_channel": None,
        "opposition_evaluation": 0, "opposition_date": None,
    }
    if person["resident_qpv"] is None:  # unknown: a quarter of the list would make it "yes"
        person["code_qpv"] = None
    return person


def _enrollment_dates(d, cohort) -> tuple[dt.date, dt.date | None]:
    entry = d.day_between(cohort["start"], cohort["window_end"])
    exit_day = entry + dt.timedelta(days=round(d.rng.triangular(40, 720, 230)))
    return entry, (exit_day if exit_day < d.today else None)


def _event(d, pid, etype, day, partner=None, contract=None, frein=None, note=None):
    day = min(day, d.today)
    if note is None and etype in V.EVENT_NOTES and d.rng.random() < 0.5:
        note = d.rng.choice(V.EVENT_NOTES[etype])
    return (day, etype, contract, frein, partner, note)


def _journey(d, pid, person, entry, exit_day, motif, reperage) -> list[tuple]:
    rng, end = d.rng, exit_day or d.today
    ev = []
    if reperage:
        ev.append(_event(d, pid, "REPERAGE", reperage,
                         _partner(d, STEP_PARTNERS["REPERAGE"]) if rng.random() < 0.4 else None))
    ev.append(_event(d, pid, "ENTRETIEN", entry, note="Entretien d'accueil dans la cohorte."))
    ev.append(_event(d, pid, "DIAGNOSTIC", min(entry + rng.randint(7, 30) * DAY, end)))
    span = max((end - entry).days, 1)
    for _ in range(round(span / 30.4 * MONTHLY_RATE * rng.uniform(0.6, 1.4))):
        etype = rng.choices(*zip(*MIDDLE, strict=True))[0]
        partner = _partner(d, STEP_PARTNERS[etype]) if etype in STEP_PARTNERS else None
        ev.append(_event(d, pid, etype, d.day_between(entry + 14 * DAY, end), partner))
    for frein in codes.freins_from_text(person["freins"]):
        if rng.random() < 0.55:
            ev.append(_event(d, pid, "LEVEE_FREIN", d.day_between(entry + 21 * DAY, end),
                             _partner(d, STEP_PARTNERS["LEVEE_FREIN"]), frein=frein))
    if span > 120 and rng.random() < 0.15:  # a short job along the way
        start = d.day_between(entry + 30 * DAY, end - 60 * DAY)
        contract = rng.choice(("CDD_6M", "INTERIM_6M"))
        ev.append(_event(d, pid, "EMPLOI_DEBUT", start, _partner(d, ("ENTREPRISE",)), contract))
        ev.append(_event(d, pid, "EMPLOI_FIN", start + rng.randint(14, 60) * DAY))
    if span > 150 and rng.random() < 0.15 and not (motif or "").startswith("FORMATION"):
        start = d.day_between(entry + 30 * DAY, end - 90 * DAY)
        ev.append(_event(d, pid, "FORMATION_DEBUT", start, _partner(d, ("ORGANISME_FORMATION",))))
        ev.append(_event(d, pid, "FORMATION_FIN", start + rng.randint(20, 80) * DAY))
    if motif:
        group = codes.groupe_sortie(motif)
        if group in ("EMPLOI_DURABLE", "EMPLOI_TRANSITION"):
            types = CONTRACT_PARTNERS.get(motif, ("ENTREPRISE",))
            ev.append(_event(d, pid, "EMPLOI_DEBUT", exit_day, _partner(d, types), motif))
            if exit_day + 90 * DAY <= d.today and rng.random() < 0.5:
                ev.append(_event(d, pid, "CONTACT", exit_day + 90 * DAY,
                                 note="Suivi dans l'emploi à trois mois."))
        elif group == "FORMATION":
            ev.append(_event(d, pid, "FORMATION_DEBUT", exit_day,
                             _partner(d, ("ORGANISME_FORMATION",))))
        elif motif == "RELAIS_DROIT_COMMUN":
            ev.append(_event(d, pid, "ENTRETIEN", exit_day, _partner(d, ("FRANCE_TRAVAIL",)),
                             note="Passage de relais au conseiller France Travail."))
        else:
            ev.append(_event(d, pid, "CONTACT", exit_day, note="Dernier contact avant sortie."))
    return ev


def _referral(d, pid, person, young, first_day, last_day, statuses) -> None:
    rng = d.rng
    reasons = [(r, t) for r, t in V.REFERRAL_REASONS
               if (young or "MISSION_LOCALE" not in t) and (person["rqth"] or "CAP_EMPLOI" not in t)]
    reason, types = rng.choice(reasons)
    day = d.day_between(first_day, last_day)
    age = (d.today - day).days
    if age < codes.ORIENTATION_DELAI_JOURS:
        final = "PROPOSEE" if rng.random() < 0.7 else "ACCEPTEE"
    else:
        final = statuses() if age > 60 else rng.choice(("ACCEPTEE", "REFUSEE", "PROPOSEE"))
    steps = ["PROPOSEE"]
    if final == "REALISEE" or (final in ("ACCEPTEE", "ABANDONNEE") and rng.random() < 0.6):
        steps.append("ACCEPTEE")
    if final not in steps:
        steps.append(final)
    history, when = [], day
    for i, status in enumerate(steps):
        if i:
            when = min(when + rng.randint(2, 25) * DAY, d.today)
        history.append((status, when))
    rid = d.add("referral", day, {
        "participant_id": pid, "partner_id": _partner(d, types), "date": day.isoformat(),
        "reason": reason, "status": final, "status_date": history[-1][1].isoformat()},
        updated=history[-1][1])
    for status, when in history:
        comment = rng.choice(V.STATUS_COMMENTS.get(status, (None,)))
        d.add("referral_status", when, {"referral_id": rid, "status": status,
                                         "date": when.isoformat(), "comment": comment})


def add_participant(d, pickers) -> None:
    """Queue one participant with everything that happened to them."""
    rng = d.rng
    person = _person(d, pickers)
    cohort_index = rng.randrange(len(d.cohorts))
    entry, exit_day = _enrollment_dates(d, d.cohorts[cohort_index])
    age_years = rng.triangular(16.5, 63, 27)
    birth = entry - dt.timedelta(days=round(age_years * 365.25))
    young = age_years < 26
    person["birth_date"] = birth.isoformat()
    if young and person["connu_spe"] and rng.random() < 0.7:
        person["ml_id"] = d.digits(7)
    if rng.random() < 0.93:
        notice = min(entry + rng.randint(0, 10) * DAY, d.today)
        person["info_notice_date"] = notice.isoformat()
        period = (d.today - d.start).days + 1
        version = (notice - d.start).days * len(V.NOTICE_VERSIONS) // period
        person["info_notice_version"] = V.NOTICE_VERSIONS[max(0, min(version, 2))]
        person["info_notice_channel"] = "ECRIT" if rng.random() < 0.7 else "ORAL"
        if rng.random() < 0.032:
            person["opposition_evaluation"] = 1
            person["opposition_date"] = min(notice + rng.randint(0, 60) * DAY, d.today).isoformat()
    created = entry - rng.randint(0, 40) * DAY
    opposed = person["opposition_date"]
    pid = d.add("participant", created, person,
                updated=dt.date.fromisoformat(opposed) if opposed else None)

    spells = []
    motif = pickers["motif"]() if exit_day else None
    spells.append((d.cohorts[cohort_index]["id"], entry, exit_day, motif))
    if motif in RE_ENTRY_MOTIFS and cohort_index + 1 < len(d.cohorts) and rng.random() < 0.35:
        later = d.cohorts[rng.randrange(cohort_index + 1, len(d.cohorts))]
        back = max(later["start"], exit_day + rng.randint(30, 120) * DAY)
        if back <= later["window_end"]:
            out = back + rng.randint(60, 540) * DAY
            out = out if out < d.today else None
            spells.append((later["id"], back, out, pickers["motif"]() if out else None))
    events = []
    for i, (cohort_id, e_in, e_out, e_motif) in enumerate(spells):
        d.add("enrollment", e_in, {
            "participant_id": pid, "cohort_id": cohort_id, "date_entree": e_in.isoformat(),
            "date_sortie": e_out.isoformat() if e_out else None, "motif_sortie": e_motif},
            updated=e_out)
        events += _journey(d, pid, person, e_in, e_out, e_motif, created if i == 0 else None)
    for day, etype, contract, frein, partner, note in sorted(events, key=lambda e: e[0]):
        d.add("event", day, {"participant_id": pid, "type": etype, "date": day.isoformat(),
                             "code_contrat": contract, "code_frein": frein,
                             "partner_id": partner, "note": note})
    last_day = spells[-1][2] or d.today
    for _ in range(rng.choice((0, 1, 1, 2, 2, 2, 3, 3, 4))):
        _referral(d, pid, person, young, entry, last_day, pickers["status"])
    for _ in range(rng.choice((0, 0, 1, 1, 1, 2, 3))):
        private = rng.random() < 0.25
        day = d.day_between(entry, last_day)
        d.add("note", day, {"participant_id": pid, "date": day.isoformat(),
                            "text": rng.choice(V.PRIVATE_NOTES if private else V.NOTES),
                            "private": int(private), "author": person["referent"]})
