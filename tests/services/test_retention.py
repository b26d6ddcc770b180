"""The retention rule: who is due for deletion, and deleting them for good."""

import datetime as dt

from citesdesk.core import search
from citesdesk.core import settings as options
from citesdesk.services import records, referrals, retention
from citesdesk.services.printing.data import dossier

TODAY = dt.date(2026, 11, 27)


def _person(db, last, first, event_date):
    p = records.create(db, "participant", {"last_name": last, "first_name": first,
                                           "phone": "06 12 34 56 78"})
    records.create(db, "event", {"participant_id": p["id"], "type": "ENTRETIEN",
                                 "date": event_date})
    return p


def test_due_after_the_retention_period_since_the_last_contact(db):
    old = _person(db, "Ancien", "Paul", "2024-10-01")
    recent = _person(db, "Récent", "Léa", "2025-11-01")
    due = retention.due(db, TODAY)
    assert [(r["uuid"], r["last_contact"], r["purge_date"]) for r in due] == [
        (old["uuid"], "2024-10-01", "2026-10-01")]
    options.put(db, "retention_months", 12)
    assert {r["uuid"] for r in retention.due(db, TODAY)} == {old["uuid"], recent["uuid"]}


def test_the_rule_is_the_one_the_access_export_prints(db):
    p = _person(db, "Ancien", "Paul", "2024-10-01")
    partner = records.create(db, "partner", {"type": "FRANCE_TRAVAIL", "name": "FT"})
    referrals.create_referral(db, p["uuid"], partner["uuid"], "2024-11-05")
    printed = dossier(db, p["uuid"], full=True)
    (row,) = [r for r in retention.last_contacts(db) if r["uuid"] == p["uuid"]]
    assert row["last_contact"] == printed["last_contact"] == "2024-11-05"


def test_purge_deletes_everything_about_the_person_and_nothing_else(db):
    old = _person(db, "Ancien", "Paul", "2024-10-01")
    kept = _person(db, "Récent", "Léa", "2026-11-01")
    partner = records.create(db, "partner", {"type": "FRANCE_TRAVAIL", "name": "FT"})
    ref = referrals.create_referral(db, old["uuid"], partner["uuid"], "2024-10-02")
    records.create(db, "note", {"participant_id": old["id"], "date": "2024-10-01",
                                "text": "Texte à effacer"})
    assert retention.purge(db, [old["uuid"]]) == 1
    assert db.execute("SELECT count(*) FROM participant").fetchone()[0] == 1
    for table in ("event", "note", "referral", "referral_status"):
        left = db.execute(f"SELECT count(*) FROM {table} WHERE participant_id = ?"
                          if table != "referral_status" else
                          "SELECT count(*) FROM referral_status WHERE referral_id = ?",
                          [old["id"] if table != "referral_status" else ref["id"]]).fetchone()[0]
        assert left == 0, table
    assert db.execute("SELECT count(*) FROM audit_log WHERE record_uuid = ?",
                      [old["uuid"]]).fetchone()[0] == 0
    dump = " ".join(str(r) for r in db.execute("SELECT changes FROM audit_log"))
    assert "Ancien" not in dump and "Texte" not in dump
    assert db.execute("SELECT changes FROM audit_log WHERE action = 'purge'").fetchone()[0] \
        == '{"participants": 1, "rule": "24 mois"}'
    assert [r["uuid"] for r in search.search_participants(db, "ancien")] == []
    assert records.get(db, "participant", kept["uuid"])["last_name"] == "Récent"
    assert records.get(db, "partner", partner["uuid"])["name"] == "FT"
