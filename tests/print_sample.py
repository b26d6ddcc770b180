"""A small site with one well-filled participant, for the printing tests and the bench."""

from __future__ import annotations

import datetime as dt

from citesdesk.services import records

EVENT_TYPES = ["REPERAGE", "ENTRETIEN", "DIAGNOSTIC", "ATELIER_COLLECTIF", "CONTACT",
               "IMMERSION", "EVENEMENT_ENTREPRISE", "LEVEE_FREIN"]


def make_site(db) -> None:
    records.create(db, "site", {"name": "Cité de l'emploi de Saint-Étienne-du-Rouvray",
                                "site_code": "CE76-SER", "departement": "76",
                                "coordinators": "Zoé Lefèvre|Anaïs Cœur"})


def make_participant(db, *, events: int = 60, last_name: str = "Bœuf-Ménard",
                     first_name: str = "Françoise", ft_id: str | None = "FT1234567",
                     cohort: dict | None = None, partners: list | None = None) -> dict:
    today = dt.date(2026, 9, 30)
    p = records.create(db, "participant", {
        "last_name": last_name, "first_name": first_name, "birth_date": "1990-04-12",
        "genre": "F", "phone": "06 12 34 56 78", "email": "francoise.menard@example.fr",
        "address": "12, rue de l'Église", "postcode": "76800",
        "commune": "Saint-Étienne-du-Rouvray", "resident_qpv": 1, "code_qpv": "QN07601M",
        "niveau_formation": "NV5", "situation_entree": "DE_INSCRIT",
        "anciennete_inscription": "M24P", "connu_spe": 1, "brsa": 1, "rqth": 1,
        "freins": "MOBILITE|GARDE_ENFANT", "ft_id": ft_id, "referent": "Zoé Lefèvre",
        "info_notice_date": "2025-01-15", "info_notice_version": "2",
        "info_notice_channel": "ECRIT", "opposition_evaluation": 1,
        "opposition_date": "2025-02-01",
    }, today=today)
    if partners is None:
        partners = [
            records.create(db, "partner", {"type": "FRANCE_TRAVAIL",
                                           "name": "France Travail Rouen Sud"}),
            records.create(db, "partner", {"type": "ORGANISME_FORMATION",
                                           "name": "Œuvre de formation Côte d'Albâtre"}),
        ]
    if cohort is None:
        cohort = records.create(db, "cohort", {"name": "Cohorte été 2025",
                                               "start_date": "2025-01-01"})
    records.create(db, "enrollment", {"participant_id": p["id"], "cohort_id": cohort["id"],
                                      "date_entree": "2025-01-15", "date_sortie": "2026-03-31",
                                      "motif_sortie": "CDD_6P"}, today=today)
    start = dt.date(2025, 1, 15)
    for i in range(events):
        kind = EVENT_TYPES[i % len(EVENT_TYPES)]
        values = {"participant_id": p["id"], "type": kind,
                  "date": (start + dt.timedelta(days=7 * i)).isoformat(),
                  "note": f"Étape n° {i + 1} : échange sur le projet « métier »"}
        if kind == "LEVEE_FREIN":
            values["code_frein"] = "MOBILITE"
        if i % 5 == 0:
            values["partner_id"] = partners[0]["id"]
        records.create(db, "event", values, today=today)
    ref = records.create(db, "referral", {
        "participant_id": p["id"], "partner_id": partners[1]["id"], "date": "2025-03-03",
        "reason": "Formation de cariste (coût 1 200 €)", "status": "ACCEPTEE",
        "status_date": "2025-03-10"}, today=today)
    records.create(db, "referral_status", {"referral_id": ref["id"], "status": "PROPOSEE",
                                           "date": "2025-03-03"}, today=today)
    records.create(db, "referral_status", {"referral_id": ref["id"], "status": "ACCEPTEE",
                                           "date": "2025-03-10",
                                           "comment": "Entrée prévue en avril"}, today=today)
    records.create(db, "note", {"participant_id": p["id"], "date": "2025-02-02",
                                "text": "Note partagée : cœur de métier logistique, "
                                        "aide de 150 € pour le permis !",
                                "private": 0, "author": "Zoé Lefèvre"}, today=today)
    records.create(db, "note", {"participant_id": p["id"], "date": "2025-02-03",
                                "text": "SECRET-PRIVÉ : situation familiale difficile",
                                "private": 1, "author": "Zoé Lefèvre"}, today=today)
    return p


def make_sample(db, *, events: int = 60) -> dict:
    make_site(db)
    return make_participant(db, events=events)
