"""The indicators on the demo site: internal consistency and the records behind them."""

import datetime as dt

import pytest

from citesdesk.core import indicators as ind
from citesdesk.core.db import open_database
from citesdesk.core.quarter import Quarter
from citesdesk.services import records
from citesdesk.services.demo import build_demo

TODAY = dt.date(2026, 11, 27)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite", create=True)
    build_demo(db, participants=60, seed=5, today=TODAY)
    yield db
    db.close()


def test_range_consistent_and_sums(demo):
    first = ind.first_quarter(demo)
    assert first is not None and first <= Quarter(2026, 1)
    every = ind.compute_range(demo, first, Quarter.containing(TODAY))
    previous = None
    for res in every:
        v = res.values
        assert v == ind.compute(demo, res.quarter).values
        groups = sum(v[c][0] for c in ("S_EMPLOI_DURABLE", "S_EMPLOI_TRANSITION",
                                       "S_FORMATION", "S_DROIT_COMMUN", "S_AUTRE"))
        assert groups == v["S_SORTIES"][0]
        assert sum(v[f"P_ACTIFS_{g}"][0] for g in ("F", "H", "X", "GNR")) == v["P_ACTIFS"][0]
        assert sum(v[f"P_ACTIFS_{a}"][1] for a in ("M26", "26_49", "50P", "ANR")) \
            == v["P_ACTIFS"][1]
        by_type = sum(v[c][0] for c in ind.CODES if c.startswith("O_ORIENTATIONS_"))
        assert by_type == v["O_ORIENTATIONS"][0]
        if previous is not None:  # cumulative flows never go down
            for code in ("E_ENTREES", "S_SORTIES", "A_ENTRETIENS", "O_ORIENTATIONS",
                         "N_PARTENAIRES_MOBILISES", "P_ACTIFS"):
                assert v[code][1] >= previous[code][1]
                if code not in ("N_PARTENAIRES_MOBILISES", "P_ACTIFS"):
                    assert v[code][1] == previous[code][1] + v[code][0]
        previous = v
    assert every[-2].values["P_ACTIFS"][0] > 0


def test_cohorts_add_up(demo):
    q = Quarter.last_finished(TODAY)
    site = ind.compute(demo, q).values
    per = ind.compute_cohorts(demo, q)
    for code in ("E_ENTREES", "S_SORTIES", "S_DYNAMIQUES"):
        assert sum(c.values[code][0] for c in per) == site[code][0]
        assert sum(c.values[code][1] for c in per) == site[code][1]
    assert sum(c.values["P_ACTIFS"][0] for c in per) >= site["P_ACTIFS"][0]


def test_records_behind_on_demo(demo):
    q = Quarter.last_finished(TODAY)
    res = ind.compute(demo, q)
    for i, qv, cv in res.rows():
        if i.is_rate:
            continue
        assert len(ind.records_behind(demo, i.code, q)) == qv, i.code
        assert len(ind.records_behind(demo, i.code, q, cumulative=True)) == cv, i.code


def test_deleting_a_participant_removes_them_everywhere(demo, tmp_path):
    path = tmp_path / "copy.sqlite"
    demo.backup_to(path)
    db = open_database(path)
    q = Quarter.last_finished(TODAY)
    before = ind.compute(db, q).values
    person = ind.records_behind(db, "P_ACTIFS", q)[0]
    records.delete(db, "participant", person["uuid"])
    after = ind.compute(db, q).values
    assert after["P_ACTIFS"][0] == before["P_ACTIFS"][0] - 1
    assert person["uuid"] not in {r["participant_uuid"]
                                  for code in ("P_ACTIFS", "E_ENTREES", "A_ENTRETIENS",
                                               "O_ORIENTATIONS")
                                  for r in ind.records_behind(db, code, q, True)}
    db.close()
