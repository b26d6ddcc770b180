"""The indicators of docs/design/INDICATORS.md on a hand-built site (see indicator_site.py)."""

import datetime as dt

import pytest

from citesdesk.core import indicators as ind
from citesdesk.core.db import open_database
from citesdesk.core.errors import CitesDeskError
from citesdesk.core.quarter import Quarter, QuarterError
from tests.core.indicator_site import build

T2 = "2026-T2"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("ind") / "site.sqlite", create=True)
    recs = build(db)
    yield db, recs
    db.close()


# --- quarters ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["2026-T3", "2026Q3", "2026-q3", " 2026 T3 ", "2026t3"])
def test_quarter_accepted_forms(text):
    q = Quarter.parse(text)
    assert (q.label, q.d0, q.d1) == ("2026-T3", dt.date(2026, 7, 1), dt.date(2026, 9, 30))


@pytest.mark.parametrize("text", ["2026-T5", "T3", "2026-T0", "26-T3", "", "2026-3"])
def test_quarter_refused_with_accepted_forms(text):
    with pytest.raises(QuarterError) as err:
        Quarter.parse(text)
    assert isinstance(err.value, CitesDeskError)
    assert "2026-T3" in err.value.message_fr and "2026Q3" in err.value.message_fr
    assert "2026-T3" in err.value.message_en


def test_quarter_days_and_walking():
    assert Quarter.parse("2024-T1").d1 == dt.date(2024, 3, 31)
    assert Quarter.parse("2026-T4").d1 == dt.date(2026, 12, 31)
    assert Quarter.parse("2026-T4").next() == Quarter(2027, 1)
    assert Quarter.parse("2026-T1").previous() == Quarter(2025, 4)
    assert Quarter.last_finished(dt.date(2026, 11, 27)) == Quarter(2026, 3)
    assert Quarter.last_finished(dt.date(2026, 1, 1)) == Quarter(2025, 4)
    assert Quarter.containing("2026-06-30") == Quarter(2026, 2)
    assert [q.label for q in ind.quarters_between(Quarter(2025, 4), Quarter(2026, 2))] == [
        "2025-T4", "2026-T1", "2026-T2"]


# --- values --------------------------------------------------------------------------------

def test_every_code_in_order(site):
    db, _ = site
    res = ind.compute(db, T2)
    assert [i.code for i, _, _ in res.rows()] == list(ind.CODES)
    assert ind.CODES[:2] == ("P_ACTIFS", "P_ACTIFS_F")
    assert ind.CODES[-1] == "N_PARTENAIRES_MOBILISES"
    assert "O_ORIENTATIONS_FRANCE_TRAVAIL" in ind.CODES
    for i in ind.INDICATORS:
        assert i.definition_fr and i.fr and i.en


def test_stocks(site):
    db, _ = site
    v = ind.compute(db, T2).values
    # Alice (spanning), Bruno (two enrollments, counted once), Chloé (re-entry), David
    # (in and out on the last day); not Ève (after), Fanny/Gaston/Hugo (in the bin)
    assert v["P_ACTIFS"] == (4, 4)
    for code in ("F", "H", "X", "GNR", "M26", "26_49", "50P", "ANR", "QPV", "INVISIBLES",
                 "BRSA", "DELD", "RQTH", "INFRA_BAC", "BAC"):
        assert v[f"P_ACTIFS_{code}"] == (1, 1), code
    assert v["P_ACTIFS_SUP"] == (0, 0)
    assert v["P_ACTIFS_NNR"] == (2, 2)  # Chloé and David: level not stated
    # T1: Alice, and Chloé whose exit is on T1's last day; Bruno enters on T2's first
    assert ind.compute(db, "2026-T1").values["P_ACTIFS"] == (2, 2)
    # T3: Alice leaves in August, Bruno still in cohort B, Ève arrives; cumul 5
    assert ind.compute(db, "2026-T3").values["P_ACTIFS"] == (3, 5)


def test_entries_and_exits(site):
    db, _ = site
    v = ind.compute(db, T2).values
    assert v["E_ENTREES"] == (4, 6)  # Bruno twice, Chloé's re-entry, David
    assert v["E_ENTREES_H"] == (2, 2)
    assert v["E_ENTREES_F"] == (0, 1)
    assert v["E_ENTREES_M26"] == (0, 1)
    assert v["E_ENTREES_QPV"] == (0, 1)
    assert v["E_ENTREES_INVISIBLES"] == (0, 1)
    assert v["S_SORTIES"] == (3, 4)
    assert v["S_EMPLOI_TRANSITION"] == (1, 1)
    assert v["S_DROIT_COMMUN"] == (1, 1)
    assert v["S_AUTRE"] == (1, 1)
    assert v["S_FORMATION"] == (0, 1)
    assert v["S_EMPLOI_DURABLE"] == (0, 0)
    assert v["S_DYNAMIQUES"] == (1, 2)
    assert v["TX_SORTIES_DYNAMIQUES"] == (pytest.approx(1 / 3), pytest.approx(0.5))
    t3 = ind.compute(db, "2026-T3").values
    assert t3["S_EMPLOI_DURABLE"] == (1, 1)
    assert t3["TX_SORTIES_DYNAMIQUES"] == (1.0, pytest.approx(0.6))


def test_rate_is_empty_without_exit(site):
    db, _ = site
    v = ind.compute(db, "2025-T2").values
    assert v["S_SORTIES"] == (0, 0)
    assert v["TX_SORTIES_DYNAMIQUES"] == (None, None)
    assert ind.compute(db, "2026-T4").values["TX_SORTIES_DYNAMIQUES"] == (None, pytest.approx(0.6))


def test_activity_referrals_partners(site):
    db, _ = site
    v = ind.compute(db, T2).values
    assert v["A_ENTRETIENS"] == (3, 3)  # Alice twice (first and last day), Ian (not enrolled)
    assert v["A_ATELIERS"] == (1, 1)
    assert v["A_IMMERSIONS"] == (0, 1)
    assert v["A_EVENEMENTS_ENTREPRISE"] == (1, 1)
    assert v["A_LEVEES_FREINS"] == (1, 1)
    assert v["O_ORIENTATIONS"] == (3, 4)
    assert v["O_ORIENTATIONS_FRANCE_TRAVAIL"] == (2, 2)
    assert v["O_ORIENTATIONS_ENTREPRISE"] == (1, 1)
    assert v["O_ORIENTATIONS_MISSION_LOCALE"] == (0, 1)
    assert v["O_REALISEES"] == (1, 1)
    assert v["O_EN_RETARD"] == (1, 1)  # Bruno's (20 days), not Chloé's (exactly 15)
    assert ind.compute(db, "2026-T1").values["O_EN_RETARD"] == (1, 1)  # David's, then refused
    assert v["N_PARTENAIRES_MOBILISES"] == (2, 2)  # the deleted partner does not count
    assert ind.compute(db, "2026-T3").values["N_PARTENAIRES_MOBILISES"] == (0, 2)


def test_per_cohort(site):
    db, recs = site
    by = {r.cohort.name: r for r in ind.compute_cohorts(db, T2)}
    assert list(by) == ["Cohorte A", "Cohorte B"]  # C is in the bin
    a, b = by["Cohorte A"].values, by["Cohorte B"].values
    assert a["P_ACTIFS"] == (3, 3) and b["P_ACTIFS"] == (2, 2)
    assert a["E_ENTREES"] == (2, 3) and b["E_ENTREES"] == (2, 3)
    assert a["S_SORTIES"] == (2, 2) and b["S_SORTIES"] == (1, 2)
    assert all(code[0] in "PES" for code in a)
    assert ind.compute(db, T2, cohort=recs["B"]["uuid"]).values == b


def test_range_equals_single_quarters(site):
    db, _ = site
    assert ind.first_quarter(db) == Quarter(2025, 1)
    many = ind.compute_range(db, "2025-T1", "2026-T4")
    assert [r.quarter.label for r in many][0] == "2025-T1" and len(many) == 8
    for res in many:
        assert res.values == ind.compute(db, res.quarter).values


def test_first_quarter_of_empty_site(db):
    assert ind.first_quarter(db) is None
    assert ind.compute(db, T2).values["P_ACTIFS"] == (0, 0)


@pytest.mark.parametrize("quarter", ["2026-T1", T2, "2026-T3"])
def test_records_behind_match_counts(site, quarter):
    db, recs = site
    res = ind.compute(db, quarter)
    for i, qv, cv in res.rows():
        for cumulative, value in ((False, qv), (True, cv)):
            behind = ind.records_behind(db, i.code, quarter, cumulative=cumulative)
            if i.is_rate:
                expected = res.values["S_SORTIES"][cumulative]
                assert len(behind) == expected
                dyn = sum(r["dynamique"] for r in behind)
                assert dyn == res.values["S_DYNAMIQUES"][cumulative]
            else:
                assert len(behind) == value, (i.code, cumulative)
            assert all(r["kind"] == i.record_kind for r in behind)
    for c in ind.compute_cohorts(db, quarter):
        for i, qv, cv in c.rows():
            assert len(ind.records_behind(db, i.code, quarter, cohort=c.cohort.uuid)) == qv
            assert len(ind.records_behind(db, i.code, quarter, True, c.cohort.id)) == cv


def test_records_behind_content(site):
    db, recs = site
    names = [r["name"] for r in ind.records_behind(db, "P_ACTIFS", T2)]
    assert names == ["Arnaud Alice", "Blanc Bruno", "Chevalier Chloé", "Durand David"]
    late = ind.records_behind(db, "O_EN_RETARD", T2)
    assert [(r["uuid"], r["participant_uuid"], r["code"], r["partner"]) for r in late] == [
        (recs["r2"]["uuid"], recs["bruno"]["uuid"], "PROPOSEE", "FT Nord")]
    exits = ind.records_behind(db, "S_AUTRE", T2)
    assert [(r["uuid"], r["date"], r["code"], r["cohort"]) for r in exits] == [
        (recs["david_a"]["uuid"], "2026-06-30", "ABANDON", "Cohorte A")]
    assert {r["name"] for r in ind.records_behind(db, "N_PARTENAIRES_MOBILISES", T2)} == {
        "Boulangerie", "FT Nord"}
    with pytest.raises(KeyError):
        ind.records_behind(db, "P_NOPE", T2)
