"""Partners directory, referrals list and the dashboard's data."""

import datetime as dt

import pytest

from citesdesk.core import indicators
from citesdesk.core.errors import ValidationFailed
from citesdesk.services import dashboard, records, referrals
from citesdesk.services.partners import (
    ReferralFilter,
    contacts,
    exchanges,
    list_partners,
    list_referrals,
)

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def site(db):
    cohort = records.create(db, "cohort", {"name": "Cohorte 2026", "start_date": "2026-01-01"})
    anne = records.create(db, "participant", {"last_name": "Lefèvre", "first_name": "Anne",
                                              "genre": "F", "info_notice_date": "2026-02-01"})
    omar = records.create(db, "participant", {"last_name": "Benali", "first_name": "Omar",
                                              "genre": "H"})
    records.create(db, "enrollment", {"participant_id": anne["id"], "cohort_id": cohort["id"],
                                      "date_entree": "2026-10-02"})
    records.create(db, "enrollment", {"participant_id": omar["id"], "cohort_id": cohort["id"],
                                      "date_entree": "2026-03-01", "date_sortie": "2026-11-03",
                                      "motif_sortie": "CDI"})
    ft = records.create(db, "partner", {"type": "FRANCE_TRAVAIL", "name": "France Travail Évry"})
    pf = records.create(db, "partner", {"type": "ORGANISME_FORMATION", "name": "AFPA Corbeil",
                                        "siret": "73282932000074"})
    return {"cohort": cohort, "anne": anne, "omar": omar, "ft": ft, "pf": pf, "db": db}


def test_partner_with_two_contacts_and_an_exchange(site):
    db = site["db"]
    c1 = records.create(db, "partner_contact", {"partner_id": site["ft"]["id"],
                                                "last_name": "Martin", "first_name": "Léa",
                                                "role": "Conseillère", "phone": "0160000001"})
    c2 = records.create(db, "partner_contact", {"partner_id": site["ft"]["id"],
                                                "last_name": "Durand", "email": "d@ft.fr"})
    records.create(db, "partner_exchange", {"partner_id": site["ft"]["id"], "date": "2026-11-02",
                                            "type": "REUNION", "subject": "Comité",
                                            "contact_ids": [str(c1["id"]), str(c2["id"])]})
    assert [c["last_name"] for c in contacts(db, site["ft"]["uuid"])] == ["Durand", "Martin"]
    log = exchanges(db, site["ft"]["uuid"])
    assert log[0]["subject"] == "Comité"
    assert log[0]["contact_names"] == ["Léa Martin", "Durand"]
    rows = list_partners(db, "evry")
    assert [(r["name"], r["contacts"]) for r in rows] == [("France Travail Évry", 2)]
    assert [r["name"] for r in list_partners(db, type_code="ORGANISME_FORMATION")] == ["AFPA Corbeil"]


def test_bad_siret_is_refused(db):
    with pytest.raises(ValidationFailed) as exc:
        records.create(db, "partner", {"type": "ENTREPRISE", "name": "X", "siret": "12345678901234"})
    assert exc.value.errors[0].field == "siret"


def test_referral_through_its_statuses_and_the_filters(site):
    db = site["db"]
    ref = referrals.create_referral(db, site["anne"]["uuid"], site["pf"]["uuid"], "2026-10-05",
                                    "Formation cariste")
    referrals.change_status(db, ref["uuid"], "ACCEPTEE", "2026-10-12")
    referrals.change_status(db, ref["uuid"], "REALISEE", "2026-11-02", "Entrée en formation")
    hist = [(h["status"], h["date"]) for h in referrals.history(db, ref["uuid"])]
    assert hist == [("PROPOSEE", "2026-10-05"), ("ACCEPTEE", "2026-10-12"),
                    ("REALISEE", "2026-11-02")]
    late = referrals.create_referral(db, site["omar"]["uuid"], site["ft"]["uuid"], "2026-11-01")
    recent = referrals.create_referral(db, site["anne"]["uuid"], site["ft"]["uuid"], "2026-11-20")

    def uuids(**kw):
        return {r["uuid"] for r in list_referrals(db, ReferralFilter(**kw), TODAY)}

    assert uuids(overdue_only=True) == {late["uuid"]}
    assert uuids(status="REALISEE") == {ref["uuid"]}
    assert uuids(partner_type="FRANCE_TRAVAIL") == {late["uuid"], recent["uuid"]}
    assert uuids(date_from="2026-11-01", date_to="2026-11-30") == {late["uuid"], recent["uuid"]}
    assert uuids(participant_id=site["anne"]["id"]) == {ref["uuid"], recent["uuid"]}


def test_dashboard_numbers_are_the_indicators_modules(site):
    db = site["db"]
    referrals.create_referral(db, site["omar"]["uuid"], site["ft"]["uuid"], "2026-10-01")
    board = dashboard.build(db, TODAY)
    q = indicators.compute(db, "2026-T4")
    for code in indicators.KEY_CODES:
        assert board.key[code] == q.values[code]
    assert board.key["E_ENTREES"][0] == 1 and board.key["S_SORTIES"][0] == 1
    assert board.exits_by_group["EMPLOI_DURABLE"] == 1
    assert board.months[-1] == "2026-11" and len(board.months) == 12
    assert board.entries_per_month[board.months.index("2026-10")] == 1
    assert board.exits_per_month[-1] == 1
    assert board.active_per_cohort == [("Cohorte 2026", 2)]
    assert [r["last_name"] for r in board.todo["overdue"]] == ["Benali"]
    assert [r["last_name"] for r in board.todo["no_notice"]] == ["Benali"]
    # Anne is still enrolled and has no event at all: she needs news.
    assert [r["last_name"] for r in board.todo["no_news"]] == ["Lefèvre"]
    records.create(db, "event", {"participant_id": site["anne"]["id"], "type": "ENTRETIEN",
                                 "date": "2026-11-20"})
    assert dashboard.build(db, TODAY).todo["no_news"] == []
