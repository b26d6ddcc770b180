"""Referrals: first status, workflow, dated history, overdue rule."""

import datetime as dt

import pytest

from citesdesk.core.errors import NotFound, ValidationFailed
from citesdesk.services import records, referrals


@pytest.fixture
def pair(db):
    person = records.create(db, "participant", {"last_name": "Dupont", "first_name": "Léa"})
    partner = records.create(db, "partner", {"type": "SIAE", "name": "Régie de quartier"})
    return person, partner


def test_create_writes_the_first_status(db, pair):
    person, partner = pair
    ref = referrals.create_referral(db, person["uuid"], partner, "05/01/2026", "Emploi IAE")
    assert ref["status"] == "PROPOSEE" and ref["status_date"] == "2026-01-05"
    assert ref["participant_id"] == person["id"] and ref["partner_id"] == partner["id"]
    assert [(h["status"], h["date"]) for h in referrals.history(db, ref)] == [
        ("PROPOSEE", "2026-01-05")]


def test_workflow_with_dated_history(db, pair):
    ref = referrals.create_referral(db, *pair, "2026-01-05")
    ref = referrals.change_status(db, ref["uuid"], "acceptée", "12/01/2026", "RDV le 20")
    assert ref["status"] == "ACCEPTEE" and ref["status_date"] == "2026-01-12"
    ref = referrals.change_status(db, ref, "REALISEE", "2026-01-20")
    assert [(h["status"], h["date"], h["comment"]) for h in referrals.history(db, ref)] == [
        ("PROPOSEE", "2026-01-05", None), ("ACCEPTEE", "2026-01-12", "RDV le 20"),
        ("REALISEE", "2026-01-20", None)]
    actions = [r[0] for r in db.execute(
        "SELECT action FROM audit_log WHERE table_name = 'referral' AND record_uuid = ?",
        [ref["uuid"]])]
    assert actions == ["create", "update", "update"]


@pytest.mark.parametrize("path, refused", [
    (["REALISEE"], "REALISEE"),                 # must be accepted first
    (["REFUSEE", "ACCEPTEE"], "ACCEPTEE"),      # refused is final
    (["ACCEPTEE", "PROPOSEE"], "PROPOSEE"),     # no way back
    (["ABANDONNEE", "REALISEE"], "REALISEE"),
])
def test_transitions_outside_the_workflow_are_refused(db, pair, path, refused):
    ref = referrals.create_referral(db, *pair, "2026-01-05")
    for status in path[:-1]:
        ref = referrals.change_status(db, ref, status, "2026-01-10")
    before = db.execute("SELECT count(*) FROM referral_status").fetchone()[0]
    with pytest.raises(ValidationFailed) as info:
        referrals.change_status(db, ref, refused, "2026-01-11")
    err = info.value.errors[0]
    assert err.field == "status" and err.code == "transition_not_allowed"
    assert "ne peut pas passer" in err.message_fr and "cannot become" in err.message_en
    assert db.execute("SELECT count(*) FROM referral_status").fetchone()[0] == before
    assert records.get(db, "referral", ref["id"])["status"] == ref["status"]


def test_unknown_status_and_bad_dates(db, pair):
    ref = referrals.create_referral(db, *pair, "2026-01-05")
    with pytest.raises(ValidationFailed) as info:
        referrals.change_status(db, ref, "PERDUE", "2026-01-10")
    assert info.value.errors[0].code == "unknown_code"
    with pytest.raises(ValidationFailed) as info:
        referrals.change_status(db, ref, "ACCEPTEE", "2026-01-04")
    assert info.value.errors[0].code == "before_previous_status"
    assert "05/01/2026" in info.value.errors[0].message_fr
    with pytest.raises(ValidationFailed) as info:
        referrals.change_status(db, ref, "ACCEPTEE", "31/02/2026")
    assert info.value.errors[0].code == "invalid_date"
    with pytest.raises(ValidationFailed):
        referrals.create_referral(db, *pair, "")


def test_referral_needs_live_participant_and_partner(db, pair):
    person, partner = pair
    records.delete(db, "partner", partner["uuid"])
    with pytest.raises(NotFound):
        referrals.create_referral(db, person, partner, "2026-01-05")
    assert db.execute("SELECT count(*) FROM referral").fetchone()[0] == 0


def test_overdue_after_fifteen_days(db, pair):
    ref = referrals.create_referral(db, *pair, "2026-01-05")
    assert not referrals.is_overdue(ref, dt.date(2026, 1, 20))   # 15 days: not yet
    assert referrals.is_overdue(ref, dt.date(2026, 1, 21))       # 16 days: overdue
    assert referrals.overdue_referrals(db, dt.date(2026, 1, 20)) == []
    assert [r["uuid"] for r in referrals.overdue_referrals(db, dt.date(2026, 1, 21))] == [
        ref["uuid"]]
    accepted = referrals.change_status(db, ref, "ACCEPTEE", "2026-01-25")
    assert not referrals.is_overdue(accepted, dt.date(2026, 3, 1))
    assert referrals.overdue_referrals(db, dt.date(2026, 3, 1)) == []


def test_allowed_next():
    assert referrals.allowed_next("PROPOSEE") == ("ACCEPTEE", "REFUSEE", "ABANDONNEE")
    assert referrals.allowed_next("REALISEE") == ()
