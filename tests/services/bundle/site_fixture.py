"""A small hand-built site with recognisable personal data, keys and a national key."""

from __future__ import annotations

import datetime as dt

import pyrage
import pytest

from citesdesk.core.db import open_database
from citesdesk.services import records
from citesdesk.services.bundle import keys

TODAY = dt.date(2026, 11, 27)

#: Personal values that must never appear in a bundle.
SECRETS = {
    "names": ["Zéphyrine", "Trouvelot", "Anatole", "Quimperlé", "Bérangère", "Ossoulian",
              "Hortense", "Vercingétorix-Dupont"],
    "birth": ["1987-04-13", "13/04/1987", "2001-12-25", "1963-07-02"],
    "phones": ["06 12 34 56 78", "0612345678", "07 98 76 54 32", "0798765432"],
    "emails": ["zephyrine.trouvelot@example.org", "anatole@example.net"],
    "addresses": ["12 rue des Glycines", "Allée du Petit-Prince"],
    "notes": ["Confidentiel : situation familiale difficile", "Rappeler mardi matin",
              "Contact du partenaire très réactif"],
}


def build_site(db, code: str = "CE-075-01", name: str = "Cité de l'emploi Paris 19",
               objector: bool = True) -> dict:
    """Two cohorts, four participants (one objecting), enrollments, events, referrals."""
    records.create(db, "site", {"name": name, "site_code": code, "departement": "75",
                                "coordinators": "Camille Martin"})
    c1 = records.create(db, "cohort", {"name": "Cohorte printemps 2025",
                                       "start_date": "2025-03-01", "target": 40})
    c2 = records.create(db, "cohort", {"name": "Cohorte automne 2025",
                                       "start_date": "2025-09-15"})
    ft = records.create(db, "partner", {"type": "FRANCE_TRAVAIL", "name": "France Travail Paris 19",
                                        "address": SECRETS["addresses"][1],
                                        "phone": "01 44 55 66 77",
                                        "notes": SECRETS["notes"][2]})
    siae = records.create(db, "partner", {"type": "SIAE", "name": "Régie de quartier Flandre"})
    records.create(db, "partner_contact", {"partner_id": ft["id"], "last_name": "Ossoulian",
                                           "first_name": "Hortense",
                                           "email": "anatole@example.net"})
    people = [
        dict(last_name="Trouvelot", first_name="Zéphyrine", birth_date="1987-04-13", genre="F",
             phone="06 12 34 56 78", email="zephyrine.trouvelot@example.org",
             address="12 rue des Glycines", postcode="75019", commune="Paris",
             resident_qpv=1, code_qpv="QN07501M", niveau_formation="NV4",
             situation_entree="DE_INSCRIT", anciennete_inscription="M24P", connu_spe=1,
             brsa=1, rqth=1, freins="MOBILITE|LANGUE"),
        dict(last_name="Quimperlé", first_name="Anatole", birth_date="2001-12-25", genre="H",
             phone="07 98 76 54 32", connu_spe=0, niveau_formation="C3A", freins="LOGEMENT"),
        dict(last_name="Vercingétorix-Dupont", first_name="Bérangère", genre="X"),
        dict(last_name="Ossoulian", first_name="Hortense", birth_date="1963-07-02", genre="F",
             opposition_evaluation=1 if objector else 0, brsa=1),
    ]
    made = [records.create(db, "participant", p) for p in people]
    for i, p in enumerate(made):
        cohort = c1 if i % 2 == 0 else c2
        records.create(db, "enrollment", {"participant_id": p["id"], "cohort_id": cohort["id"],
                                          "date_entree": f"2025-0{3 + i}-1{i}"})
        records.create(db, "event", {"participant_id": p["id"], "type": "ENTRETIEN",
                                     "date": f"2025-0{4 + i}-02", "note": SECRETS["notes"][0]})
        records.create(db, "note", {"participant_id": p["id"], "date": "2025-05-01",
                                    "text": SECRETS["notes"][1]})
        ref = records.create(db, "referral", {"participant_id": p["id"], "partner_id": siae["id"],
                                              "date": f"2025-0{5 + i}-03",
                                              "status_date": f"2025-0{5 + i}-03",
                                              "reason": SECRETS["notes"][1]})
        assert ref["id"]
    # an exit, an event with a partner, a deleted participant
    enr = records.find(db, "enrollment", "participant_id = ?", [made[0]["id"]])[0]
    records.update(db, "enrollment", enr["id"], {"date_sortie": "2026-02-20",
                                                 "motif_sortie": "CDI"})
    records.create(db, "event", {"participant_id": made[0]["id"], "type": "EMPLOI_DEBUT",
                                 "code_contrat": "CDI", "date": "2026-02-21",
                                 "partner_id": ft["id"]})
    gone = records.create(db, "participant", {"last_name": "Effacé", "first_name": "Personne"})
    records.delete(db, "participant", gone["id"])
    return {"participants": made, "cohorts": [c1, c2], "partners": [ft, siae]}


@pytest.fixture
def national(tmp_path):
    """(identity file, recipient) of a national key."""
    ident = pyrage.x25519.Identity.generate()
    path = tmp_path / "national.key"
    path.write_text(f"# public key: {ident.to_public()}\n{ident}\n")
    return path, str(ident.to_public())


@pytest.fixture
def site(tmp_path, national):
    """A small site database with a recipient set, and its data."""
    db = open_database(tmp_path / "site.sqlite", create=True)
    data = build_site(db)
    keys.set_recipients(db, [national[1]])
    data["db"] = db
    yield data
    db.close()
