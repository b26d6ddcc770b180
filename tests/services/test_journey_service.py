"""The journey queries and writes, without Qt."""

import datetime as dt

import pytest

from citesdesk.core.errors import CitesDeskError, NotFound, ValidationFailed
from citesdesk.services import cohorts, journey, journey_edit, records, recycle_bin


@pytest.fixture
def people(db):
    p = records.create(db, "participant", {"last_name": "Martin", "first_name": "Hélène"})
    q = records.create(db, "participant", {"last_name": "Durand", "first_name": "Karim"})
    c = records.create(db, "cohort", {"name": "Cohorte 2026", "start_date": "2026-01-05",
                                      "target": 20})
    partner = records.create(db, "partner", {"type": "ENTREPRISE", "name": "Boulangerie Sud"})
    return {"p": p["uuid"], "q": q["uuid"], "c": c["uuid"], "partner": partner}


def test_timeline_is_in_date_order_with_entry_first_and_exit_last(db, people):
    p = people["p"]
    enr = journey_edit.enroll(db, p, people["c"], "2026-02-01")
    journey_edit.add_event(db, p, {"type": "ENTRETIEN", "date": "2026-02-01"})
    journey_edit.add_event(db, p, {"type": "EMPLOI_DEBUT", "date": "2026-04-10",
                                   "code_contrat": "CDI",
                                   "partner_uuid": people["partner"]["uuid"]})
    journey_edit.add_event(db, p, {"type": "REPERAGE", "date": "2026-01-15"})
    records.create(db, "referral", {"participant_id": journey.participant_id(db, p),
                                    "partner_id": people["partner"]["id"],
                                    "date": "2026-03-01", "status_date": "2026-03-01"})
    journey_edit.exit_enrollment(db, enr["uuid"], "2026-04-10", "CDI")

    items = journey.timeline(db, p, today=dt.date(2026, 5, 1))
    assert [(i["date"], i["kind"], i["code"]) for i in items] == [
        ("2026-01-15", "event", "REPERAGE"),
        ("2026-02-01", "entry", None),
        ("2026-02-01", "event", "ENTRETIEN"),
        ("2026-03-01", "referral", "PROPOSEE"),
        ("2026-04-10", "event", "EMPLOI_DEBUT"),
        ("2026-04-10", "exit", "CDI"),
    ]
    assert items[1]["label"] == "Entrée dans la cohorte «\u00a0Cohorte 2026\u00a0»"
    assert items[3]["label"] == "Orientation vers Boulangerie Sud"
    assert items[3]["detail"] == "Proposée" and items[3]["overdue"] is True
    assert items[4]["detail"] == "CDI · Boulangerie Sud"
    assert items[5]["detail"] == "CDI (Emploi durable)"
    english = journey.timeline(db, p, lang="en", today=dt.date(2026, 5, 1))
    assert english[0]["label"] == "Outreach"
    assert english[5]["label"] == "Left the cohort 'Cohorte 2026'"


def test_timeline_leaves_out_the_bin(db, people):
    p = people["p"]
    ev = journey_edit.add_event(db, p, {"type": "ENTRETIEN", "date": "2026-02-01"})
    journey_edit.add_event(db, p, {"type": "CONTACT", "date": "2026-02-03"})
    journey_edit.delete_event(db, ev["uuid"])
    assert [i["code"] for i in journey.timeline(db, p)] == ["CONTACT"]
    records.delete(db, "participant", p)
    with pytest.raises(NotFound):
        journey.timeline(db, p)


def test_event_fields_follow_the_type(db, people):
    p = people["p"]
    ev = journey_edit.add_event(db, p, {"type": "EMPLOI_DEBUT", "date": "2026-02-01",
                                        "code_contrat": "CDD_6M"})
    assert records.get(db, "event", ev["uuid"])["code_contrat"] == "CDD_6M"
    journey_edit.update_event(db, ev["uuid"], {"type": "ENTRETIEN", "code_contrat": "CDI"})
    row = records.get(db, "event", ev["uuid"])
    assert (row["type"], row["code_contrat"]) == ("ENTRETIEN", None)
    with pytest.raises(ValidationFailed) as err:
        journey_edit.add_event(db, p, {"type": "LEVEE_FREIN", "date": "2026-13-01",
                                       "code_frein": "MOBILITE"})
    assert err.value.for_field("date")


def test_enroll_twice_is_refused_and_exit_before_entry_too(db, people):
    enr = journey_edit.enroll(db, people["p"], people["c"], "2026-02-01")
    with pytest.raises(CitesDeskError, match="déjà inscrit"):
        journey_edit.enroll(db, people["p"], people["c"], "2026-03-01")
    with pytest.raises(ValidationFailed) as err:
        journey_edit.exit_enrollment(db, enr["uuid"], "2026-01-01", "ABANDON")
    assert err.value.for_field("date_sortie")
    assert [e["cohort_name"] for e in journey.open_enrollments(db, people["p"])] == [
        "Cohorte 2026"]


def test_cohort_counts_are_computed_in_sql(db, people):
    c = people["c"]
    a = journey_edit.enroll(db, people["p"], c, "2026-02-01")
    journey_edit.enroll(db, people["q"], c, "2026-02-10")
    journey_edit.exit_enrollment(db, a["uuid"], "2026-03-01", "CDI")
    s = cohorts.summary(db, c, today=dt.date(2026, 4, 1))
    assert (s["target"], s["entries"], s["exits"], s["active"]) == (20, 2, 1, 1)
    # before the first exit both were active
    assert cohorts.summary(db, c, today=dt.date(2026, 2, 15))["active"] == 2
    members = cohorts.members(db, c)
    assert [(m["last_name"], m["motif_label"]) for m in members] == [
        ("Durand", ""), ("Martin", "CDI (Emploi durable)")]


def test_enroll_many_is_one_transaction(db, people):
    c = people["c"]
    journey_edit.enroll(db, people["p"], c, "2026-02-01")
    result = journey_edit.enroll_many(db, c, [people["p"], people["q"]], "2026-03-01")
    assert result == {"enrolled": [people["q"]], "already": [people["p"]]}
    before = cohorts.summary(db, c)["entries"]
    with pytest.raises(NotFound):
        journey_edit.enroll_many(db, c, [people["q"], "no-such-uuid"], "2026-03-02")
    assert cohorts.summary(db, c)["entries"] == before


def test_search_participants_ignores_accents(db, people):
    assert [r["first_name"] for r in cohorts.search_participants(db, "helene")] == ["Hélène"]
    assert len(cohorts.search_participants(db, "")) == 2
    journey_edit.enroll(db, people["p"], people["c"], "2026-02-01")
    left = cohorts.search_participants(db, "", exclude_cohort=people["c"])
    assert [r["last_name"] for r in left] == ["Durand"]


def test_notes_private_and_shared(db, people):
    p = people["p"]
    journey_edit.add_note(db, p, "A rendez-vous mardi.", private=False, date="2026-02-01")
    n = journey_edit.add_note(db, p, "Relancer France Travail.", private=True,
                              date="2026-02-03")
    rows = journey.notes(db, p)
    assert [(r["text"], r["private"]) for r in rows] == [
        ("Relancer France Travail.", 1), ("A rendez-vous mardi.", 0)]
    journey_edit.update_note(db, n["uuid"], "Relancé.", private=False)
    assert journey.notes(db, p)[0]["private"] == 0
    journey_edit.delete_note(db, n["uuid"])
    assert len(journey.notes(db, p)) == 1


def test_bin_items_have_labels_and_restore(db, people):
    ev = journey_edit.add_event(db, people["p"], {"type": "ENTRETIEN", "date": "2026-02-01"})
    journey_edit.delete_event(db, ev["uuid"])
    records.delete(db, "cohort", people["c"])
    items = recycle_bin.bin_items(db)
    assert {(i["kind_label"], i["label"]) for i in items} == {
        ("Étape", "Hélène Martin — Entretien individuel"), ("Cohorte", "Cohorte 2026")}
    recycle_bin.restore(db, "event", ev["uuid"])
    assert [i["code"] for i in journey.timeline(db, people["p"])] == ["ENTRETIEN"]
    assert [i["kind"] for i in recycle_bin.bin_items(db)] == ["cohort"]


def test_members_in_alphabetical_order_ignoring_accents(db, people):
    c = people["c"]
    for last in ("Boulay", "Boërio", "Bocquet", "Élie", "Eddine"):
        u = records.create(db, "participant", {"last_name": last, "first_name": "A"})["uuid"]
        journey_edit.enroll(db, u, c, "2026-02-01")
    assert [m["last_name"] for m in cohorts.members(db, c)] == [
        "Bocquet", "Boërio", "Boulay", "Eddine", "Élie"]
    assert [r["last_name"] for r in cohorts.search_participants(db, "bo")] == [
        "Bocquet", "Boërio", "Boulay"]


def test_restoring_a_step_of_a_participant_in_the_bin_says_what_to_do(db, people):
    ev = journey_edit.add_event(db, people["p"], {"type": "ENTRETIEN", "date": "2026-02-01"})
    journey_edit.delete_event(db, ev["uuid"])
    records.delete(db, "participant", people["p"])
    with pytest.raises(CitesDeskError) as err:
        recycle_bin.restore(db, "event", ev["uuid"])
    assert "Restaurez d'abord la fiche «\u00a0participant\u00a0»" in err.value.message_fr
    assert "Restore the participant first" in err.value.message_en
    recycle_bin.restore(db, "participant", people["p"])
    recycle_bin.restore(db, "event", ev["uuid"])
    assert [i["code"] for i in journey.timeline(db, people["p"])] == ["ENTRETIEN"]


def test_the_add_several_picker_finds_ligatures_and_phones(db, people):
    u = records.create(db, "participant", {"last_name": "Lœuvre", "first_name": "Lætitia",
                                           "phone": "06 98 76 54 32"})["uuid"]
    for typed in ("laetitia", "LOEUVRE", "Lætitia", "0698"):
        assert [r["uuid"] for r in cohorts.search_participants(db, typed)] == [u], typed
