"""Reading the audit log: the filters of the window's viewer, and the access export."""

import datetime as dt

import pytest

from citesdesk.services import audit, records
from citesdesk.services.printing import data


@pytest.fixture
def people(db):
    db.set_setting("current_coordinator", "Awa Diallo")
    a = records.create(db, "participant", {"last_name": "Benali", "first_name": "Yanis",
                                           "ft_id": "FT123456"})
    b = records.create(db, "participant", {"last_name": "Durand", "first_name": "Léa"})
    note = records.create(db, "note", {"participant_id": a["id"], "date": "2026-11-02",
                                       "text": "Premier rendez-vous"})
    db.set_setting("current_coordinator", "Marc Petit")
    records.update(db, "participant", b["uuid"], {"first_name": "Léane"})
    records.delete(db, "note", note["uuid"])
    return a, b, note


def kinds(rows):
    return [(r["action"], r["table_name"]) for r in rows]


def test_by_participant_includes_their_records_even_in_the_bin(db, people):
    a, b, note = people
    assert kinds(audit.entries(db, participant=a["uuid"])) == [
        ("create", "participant"), ("create", "note"), ("delete", "note")]
    assert audit.participant_records(db, a["uuid"]) == [a["uuid"], note["uuid"]]
    assert [p["name"] for p in audit.find_participants(db, "benali")] == ["Benali Yanis"]
    assert [p["name"] for p in audit.find_participants(db, "ft1234")] == ["Benali Yanis"]
    assert [p["name"] for p in audit.find_participants(db, "LEANE")] == ["Durand Léane"]


def test_by_record_date_and_coordinator(db, people):
    a, b, note = people
    rows = audit.entries(db, record=b["uuid"][:8])
    assert kinds(rows) == [("create", "participant"), ("update", "participant")]
    assert rows[1]["changes"] == {"first_name": ["Léa", "Léane"]}
    assert audit.changes_text(rows[1]["changes"]) == "first_name\u00a0: Léa → Léane"
    assert audit.changes_text(rows[1]["changes"], "participant", "en") == "First name: Léa → Léane"
    assert audit.entries(db, record="%") == []  # a wildcard is a character here
    assert {r["actor"] for r in audit.entries(db, actor="Marc Petit")} == {"Marc Petit"}
    assert len(audit.entries(db, actor="Marc Petit")) == 2
    today = dt.date.today().isoformat()
    assert len(audit.entries(db, since=today, until=today)) == len(audit.entries(db))
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    assert audit.entries(db, since=tomorrow) == []
    assert audit.entries(db, until="2000-01-01") == []
    assert audit.actors(db)[:2] == ["Awa Diallo", "Marc Petit"]
    assert len(audit.entries(db, limit=2)) == 2
    assert audit.entries(db, limit=2) == audit.entries(db)[-2:]  # the newest, oldest first


def test_the_access_export_shows_what_the_viewer_shows(db, people):
    a, _, _ = people
    records.create(db, "site", {"name": "Cité", "site_code": "CDE-93-001"})
    d = data.dossier(db, a["uuid"], full=True)
    viewer = audit.entries(db, participant=a["uuid"])
    assert [(e["at"], e["action"], e["record_uuid"]) for e in d["audit"]] == \
        [(e["at"], e["action"], e["record_uuid"]) for e in viewer]
