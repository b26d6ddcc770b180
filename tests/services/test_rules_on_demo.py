"""The demo site obeys the foundation's rules, and search finds every one of its people."""

import pytest

from citesdesk.core import codes, search
from citesdesk.services import records
from citesdesk.services.demo import build_demo


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from citesdesk.core.db import open_database

    db = open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite", create=True)
    build_demo(db, participants=60, seed=3)
    yield db
    db.close()


def test_the_index_holds_every_participant(demo):
    assert demo.execute("SELECT count(*) FROM participant_fts").fetchone()[0] == \
        demo.execute("SELECT count(*) FROM participant").fetchone()[0]


def test_every_participant_is_found_by_name_phone_and_prefix(demo):
    for person in records.find(demo, "participant"):
        full = f"{person['first_name']} {person['last_name']}"
        assert person["uuid"] in [r["uuid"] for r in search.search_participants(demo, full)]
        prefix = f"{person['first_name'][:3]} {person['last_name'][:3]}"
        hits = [r["uuid"] for r in search.search_participants(demo, prefix, limit=500)]
        assert person["uuid"] in hits, prefix
        if person["phone"]:
            assert person["uuid"] in [r["uuid"] for r in
                                      search.search_participants(demo, person["phone"])]


def test_referral_histories_follow_the_workflow(demo):
    for ref in records.find(demo, "referral"):
        history = records.find(demo, "referral_status", "referral_id = ?", [ref["id"]],
                               order_by="date, id")
        assert history[0]["status"] == "PROPOSEE" and history[0]["date"] == ref["date"]
        assert (history[-1]["status"], history[-1]["date"]) == (ref["status"], ref["status_date"])
        for before, after in zip(history, history[1:], strict=False):
            assert after["status"] in codes.TRANSITIONS_ORIENTATION[before["status"]]
            assert after["date"] >= before["date"]


def test_enrollments_follow_the_rules(demo):
    assert demo.execute(
        "SELECT count(*) FROM (SELECT 1 FROM enrollment WHERE date_sortie IS NULL "
        "AND deleted_at IS NULL GROUP BY participant_id, cohort_id HAVING count(*) > 1)"
    ).fetchone()[0] == 0
    assert demo.execute("SELECT count(*) FROM enrollment WHERE date_sortie < date_entree"
                        ).fetchone()[0] == 0
    assert demo.execute("SELECT count(*) FROM enrollment WHERE (date_sortie IS NULL) "
                        "!= (motif_sortie IS NULL)").fetchone()[0] == 0
