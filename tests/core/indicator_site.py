"""A small hand-built site whose indicators are worked out by hand in the tests.

Quarter 2026-T2 runs from 2026-04-01 to 2026-06-30.
"""

from __future__ import annotations

from citesdesk.services import records

TODAY = "2026-11-27"


def _p(db, last, first, **kw):
    return records.create(db, "participant", {"last_name": last, "first_name": first, **kw})


def _enroll(db, person, cohort, entree, sortie=None, motif=None):
    values = {"participant_id": person["id"], "cohort_id": cohort["id"], "date_entree": entree}
    if sortie:
        values.update(date_sortie=sortie, motif_sortie=motif)
    return records.create(db, "enrollment", values)


def _event(db, person, type_, date, **kw):
    return records.create(db, "event", {"participant_id": person["id"], "type": type_,
                                        "date": date, **kw})


def _referral(db, person, partner, date, history=()):
    ref = records.create(db, "referral", {"participant_id": person["id"],
                                          "partner_id": partner["id"], "date": date,
                                          "status": "PROPOSEE", "status_date": date})
    records.create(db, "referral_status", {"referral_id": ref["id"], "status": "PROPOSEE",
                                           "date": date})
    for status, day in history:
        records.create(db, "referral_status", {"referral_id": ref["id"], "status": status,
                                               "date": day})
        records.update(db, "referral", ref["id"], {"status": status, "status_date": day})
    return ref


def build(db) -> dict:
    """Fill ``db``; returns the records by name."""
    r: dict = {}
    a = r["A"] = records.create(db, "cohort", {"name": "Cohorte A", "start_date": "2025-01-01"})
    b = r["B"] = records.create(db, "cohort", {"name": "Cohorte B", "start_date": "2026-01-01"})
    c = r["C"] = records.create(db, "cohort", {"name": "Cohorte C", "start_date": "2026-02-01"})

    alice = r["alice"] = _p(db, "Arnaud", "Alice", genre="F", birth_date="2000-05-10",
                            resident_qpv=1, code_qpv="QN07501M", connu_spe=0,
                            niveau_formation="NV4")
    # spans 2025-T1 … 2026-T3, exits with a CDI (lasting employment) in T3
    r["alice_a"] = _enroll(db, alice, a, "2025-03-01", "2026-08-15", "CDI")

    bruno = r["bruno"] = _p(db, "Blanc", "Bruno", genre="H", birth_date="1970-01-01", brsa=1,
                            anciennete_inscription="M24P", rqth=1, niveau_formation="AFS",
                            connu_spe=1)
    # enters on the first day, leaves on the last day; a second enrollment in another cohort
    r["bruno_a"] = _enroll(db, bruno, a, "2026-04-01", "2026-06-30", "CDD_6M")
    r["bruno_b"] = _enroll(db, bruno, b, "2026-06-30")

    chloe = r["chloe"] = _p(db, "Chevalier", "Chloé", genre="X")  # no birth date, level NR
    # leaves on the last day of T1 for training, then re-enters in T2
    r["chloe_b1"] = _enroll(db, chloe, b, "2026-01-15", "2026-03-31", "FORMATION_QUALIFIANTE")
    r["chloe_b2"] = _enroll(db, chloe, b, "2026-05-10", "2026-06-01", "RELAIS_DROIT_COMMUN")

    david = r["david"] = _p(db, "Durand", "David", birth_date="1990-06-30")  # gender NR
    # enters and leaves on the last day
    r["david_a"] = _enroll(db, david, a, "2026-06-30", "2026-06-30", "ABANDON")

    eve = r["eve"] = _p(db, "Étienne", "Ève", genre="F", birth_date="1980-02-02")
    r["eve_a"] = _enroll(db, eve, a, "2026-07-01")  # after T2

    fanny = r["fanny"] = _p(db, "Faure", "Fanny", genre="F", birth_date="1995-01-01")
    _enroll(db, fanny, a, "2026-05-01")
    _event(db, fanny, "ENTRETIEN", "2026-05-01")
    records.delete(db, "participant", fanny["id"])  # in the bin with her records

    gaston = r["gaston"] = _p(db, "Garnier", "Gaston", genre="H")
    g_enr = _enroll(db, gaston, a, "2026-05-01")
    records.delete(db, "enrollment", g_enr["id"])  # his only enrollment is in the bin

    hugo = r["hugo"] = _p(db, "Henry", "Hugo", genre="H")
    _enroll(db, hugo, c, "2026-05-01")
    records.delete(db, "cohort", c["id"])  # the cohort and its enrollments are in the bin

    ian = r["ian"] = _p(db, "Ibert", "Ian", genre="H")  # never enrolled

    p1 = r["p1"] = records.create(db, "partner", {"type": "ENTREPRISE", "name": "Boulangerie"})
    p2 = r["p2"] = records.create(db, "partner", {"type": "FRANCE_TRAVAIL", "name": "FT Nord"})
    p3 = r["p3"] = records.create(db, "partner", {"type": "MISSION_LOCALE", "name": "ML Sud"})

    _event(db, alice, "ENTRETIEN", "2026-04-01")
    _event(db, alice, "DIAGNOSTIC", "2026-06-30")
    _event(db, alice, "ATELIER_COLLECTIF", "2026-05-05")
    _event(db, alice, "IMMERSION", "2026-03-31")
    _event(db, alice, "EVENEMENT_ENTREPRISE", "2026-05-20", partner_id=p1["id"])
    _event(db, alice, "LEVEE_FREIN", "2026-06-15", code_frein="MOBILITE")
    _event(db, alice, "CONTACT", "2026-06-16")
    _event(db, ian, "ENTRETIEN", "2026-05-01")  # not enrolled: still counted
    gone = _event(db, ian, "ENTRETIEN", "2026-05-02")
    records.delete(db, "event", gone["id"])

    r["r1"] = _referral(db, alice, p2, "2026-04-10",
                        [("ACCEPTEE", "2026-04-20"), ("REALISEE", "2026-05-02")])
    r["r2"] = _referral(db, bruno, p2, "2026-06-10")  # 20 days on 30/06: overdue
    r["r3"] = _referral(db, chloe, p1, "2026-06-15")  # exactly 15 days: not overdue
    r["r4"] = _referral(db, david, p3, "2026-03-01", [("REFUSEE", "2026-04-05")])
    gone = _referral(db, alice, p1, "2026-05-01")
    records.delete(db, "referral", gone["id"])
    records.delete(db, "partner", p3["id"])
    return r
