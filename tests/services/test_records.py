"""Records: create, update, delete to the bin, restore with children; the audit says it all."""

import json

import pytest

from citesdesk.core import audit
from citesdesk.core.errors import NotFound, ValidationFailed
from citesdesk.services import records


def audit_rows(db, uuid=None):
    where, params = ("WHERE record_uuid = ?", [uuid]) if uuid else ("", [])
    cur = db.execute(f"SELECT actor, action, table_name, record_uuid, changes, hlc, at "
                     f"FROM audit_log {where} ORDER BY id", params)
    cols = [c[0] for c in cur.description]
    return [{**dict(zip(cols, r, strict=True)), "changes": json.loads(r[4])} for r in cur]


@pytest.fixture
def site(db):
    db.set_setting("current_coordinator", "Awa Diallo")
    return db


def test_create_stores_clean_values_and_bookkeeping(site):
    row = records.create(site, "participant", {
        "last_name": " Dupont ", "first_name": "Hélène", "birth_date": "12/03/1990",
        "genre": "femme", "phone": "0612345678", "freins": "langue|mobilité"})
    stored = records.get(site, "participant", row["uuid"])
    assert stored["birth_date"] == "1990-03-12" and stored["genre"] == "F"
    assert stored["phone"] == "06 12 34 56 78" and stored["freins"] == "MOBILITE|LANGUE"
    assert stored["last_name"] == "Dupont"
    assert len(stored["uuid"]) == 36 and stored["deleted_at"] is None
    assert stored["created_at"] == stored["updated_at"] and stored["created_at"].endswith("Z")
    assert stored["hlc"]
    assert records.get(site, "participant", stored["id"])["uuid"] == row["uuid"]


def test_create_audit_says_who_and_what(site):
    row = records.create(site, "participant", {"last_name": "Dupont", "first_name": "Léa",
                                               "genre": "F"})
    [entry] = audit_rows(site, row["uuid"])
    assert entry["actor"] == "Awa Diallo" and entry["action"] == "create"
    assert entry["table_name"] == "participant"
    assert entry["changes"]["last_name"] == [None, "Dupont"]
    assert entry["changes"]["genre"] == [None, "F"]
    assert entry["hlc"] == row["hlc"]


def test_update_logs_what_changed_from_what_to_what(site):
    row = records.create(site, "participant", {"last_name": "Dupont", "first_name": "Léa",
                                               "commune": "Bobigny"})
    site.set_setting("current_coordinator", "Marc Petit")
    new = records.update(site, "participant", row["uuid"],
                         {"commune": "Pantin", "first_name": "Léa", "genre": "Femme"})
    assert new["commune"] == "Pantin" and new["updated_at"] >= row["updated_at"]
    assert new["hlc"] > row["hlc"]
    entry = audit_rows(site, row["uuid"])[-1]
    assert entry["actor"] == "Marc Petit" and entry["action"] == "update"
    # Only what differs: first name unchanged is not logged.
    assert entry["changes"] == {"commune": ["Bobigny", "Pantin"], "genre": ["NR", "F"]}
    # An update that changes nothing writes nothing.
    before = len(audit_rows(site))
    records.update(site, "participant", row["uuid"], {"commune": "Pantin"})
    assert len(audit_rows(site)) == before


def test_free_text_is_logged_as_modified_never_its_content(site):
    person = records.create(site, "participant", {"last_name": "A", "first_name": "B"})
    note = records.create(site, "note", {"participant_id": person["id"], "date": "2026-01-05",
                                         "text": "Situation familiale difficile"})
    records.update(site, "note", note["uuid"], {"text": "Rendez-vous CAF le 12"})
    log = json.dumps([e["changes"] for e in audit_rows(site, note["uuid"])], ensure_ascii=False)
    assert "Situation" not in log and "CAF" not in log
    assert audit_rows(site, note["uuid"])[0]["changes"]["text"] == [None, "modifié"]
    assert audit_rows(site, note["uuid"])[1]["changes"]["text"] == ["modifié", "modifié"]


def test_invalid_values_write_nothing(site):
    before = site.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    with pytest.raises(ValidationFailed):
        records.create(site, "participant", {"last_name": "A", "first_name": "B",
                                             "birth_date": "31/02/1990"})
    row = records.create(site, "participant", {"last_name": "A", "first_name": "B"})
    with pytest.raises(ValidationFailed):
        records.update(site, "participant", row["uuid"], {"email": "a@b.fr",
                                                          "birth_date": "30/02/1990"})
    assert records.get(site, "participant", row["uuid"])["email"] is None
    assert site.execute("SELECT count(*) FROM participant").fetchone()[0] == 1
    assert site.execute("SELECT count(*) FROM audit_log").fetchone()[0] == before + 1


def test_reference_to_a_missing_or_deleted_record_is_refused(site):
    with pytest.raises(ValidationFailed) as info:
        records.create(site, "event", {"participant_id": 999, "type": "ENTRETIEN",
                                       "date": "2026-01-05"})
    assert info.value.errors[0].code == "missing_ref"
    person = records.create(site, "participant", {"last_name": "A", "first_name": "B"})
    records.delete(site, "participant", person["uuid"])
    with pytest.raises(ValidationFailed):
        records.create(site, "event", {"participant_id": person["id"], "type": "ENTRETIEN",
                                       "date": "2026-01-05"})


@pytest.fixture
def family(site):
    """A participant with children of every kind, and a partner."""
    partner = records.create(site, "partner", {"type": "MISSION_LOCALE", "name": "ML Est"})
    cohort = records.create(site, "cohort", {"name": "Cohorte 1"})
    person = records.create(site, "participant", {"last_name": "Dupont", "first_name": "Léa"})
    pid = person["id"]
    kids = {
        "enrollment": records.create(site, "enrollment", {"participant_id": pid,
                                     "cohort_id": cohort["id"], "date_entree": "2026-01-05"}),
        "event": records.create(site, "event", {"participant_id": pid, "type": "ENTRETIEN",
                                                "date": "2026-01-06"}),
        "note": records.create(site, "note", {"participant_id": pid, "date": "2026-01-06",
                                              "text": "RAS"}),
        "referral": records.create(site, "referral", {"participant_id": pid,
                                   "partner_id": partner["id"], "date": "2026-01-07",
                                   "status_date": "2026-01-07"}),
    }
    kids["referral_status"] = records.create(site, "referral_status", {
        "referral_id": kids["referral"]["id"], "status": "PROPOSEE", "date": "2026-01-07"})
    return person, kids


def test_delete_sends_children_to_the_bin_and_restore_brings_them_back(site, family):
    person, kids = family
    # An event deleted earlier, on its own, must stay deleted after the restore.
    lone = records.create(site, "event", {"participant_id": person["id"], "type": "CONTACT",
                                          "date": "2026-01-08"})
    records.delete(site, "event", lone["uuid"])

    records.delete(site, "participant", person["uuid"])
    with pytest.raises(NotFound):
        records.get(site, "participant", person["uuid"])
    for kind, row in kids.items():
        assert records.get(site, kind, row["uuid"], include_deleted=True)["deleted_at"]
        assert records.find(site, kind, "uuid = ?", [row["uuid"]]) == []
    binned = [(r["kind"], r["uuid"]) for r in records.bin_contents(site)]
    assert ("participant", person["uuid"]) in binned
    assert ("event", lone["uuid"]) in binned
    assert not any(uuid == kids["event"]["uuid"] for _, uuid in binned)  # shown with parent
    assert [e["action"] for e in audit_rows(site, person["uuid"])][-1] == "delete"

    records.restore(site, "participant", person["uuid"])
    assert records.get(site, "participant", person["uuid"])["deleted_at"] is None
    for kind, row in kids.items():
        assert records.get(site, kind, row["uuid"])["deleted_at"] is None, kind
    assert records.get(site, "event", lone["uuid"], include_deleted=True)["deleted_at"]
    assert [(r["kind"], r["uuid"]) for r in records.bin_contents(site)] == [
        ("event", lone["uuid"])]
    assert [e["action"] for e in audit_rows(site, person["uuid"])][-1] == "restore"


def test_restoring_a_child_of_a_deleted_parent_is_refused(site, family):
    person, kids = family
    records.delete(site, "participant", person["uuid"])
    with pytest.raises(ValidationFailed) as info:
        records.restore(site, "event", kids["event"]["uuid"])
    assert "introuvable" in info.value.message_fr


def test_get_unknown_record(site):
    with pytest.raises(NotFound) as info:
        records.get(site, "participant", "00000000-0000-0000-0000-000000000000")
    assert "Participant introuvable" in info.value.message_fr


def test_audit_for_other_operations(site):
    audit.audit(site, "export", "participant", None, {"file": "trimestre.xlsx"})
    [entry] = audit_rows(site)
    assert entry["action"] == "export" and entry["changes"] == {"file": "trimestre.xlsx"}
    assert entry["actor"] == "Awa Diallo"


def test_actor_falls_back_to_the_sites_first_coordinator(db):
    records.create(db, "site", {"name": "Cité de l'emploi de Bobigny", "site_code": "CE93-01",
                                "coordinators": "Inès Martin|Paul Roy"})
    assert db.actor() == "Inès Martin"
    row = records.create(db, "cohort", {"name": "C"})
    assert audit_rows(db, row["uuid"])[0]["actor"] == "Inès Martin"


def test_a_child_whose_other_parent_is_in_the_bin_stays_there(site, family):
    person, kids = family
    records.delete(site, "participant", person["uuid"])
    cohort_id = kids["enrollment"]["cohort_id"]
    records.delete(site, "cohort", cohort_id)
    records.restore(site, "participant", person["uuid"])
    assert records.get(site, "event", kids["event"]["uuid"])["deleted_at"] is None
    enrollment = records.get(site, "enrollment", kids["enrollment"]["uuid"], include_deleted=True)
    assert enrollment["deleted_at"] is not None
    assert ("enrollment", enrollment["uuid"]) in [(r["kind"], r["uuid"])
                                                  for r in records.bin_contents(site)]
    records.restore(site, "cohort", cohort_id)
    records.restore(site, "enrollment", enrollment["uuid"])
    assert records.get(site, "enrollment", enrollment["uuid"])["deleted_at"] is None


def test_participant_qpv_code_against_the_reference(site):
    # the official list is in every database: a code of it makes a QPV resident
    row = records.create(site, "participant", {"last_name": "C", "first_name": "D",
                                               "code_qpv": "qn07511m"})
    assert row["warnings"] == [] and (row["code_qpv"], row["resident_qpv"]) == ("QN07511M", 1)
    # a well-formed code not in the list: kept, flagged, not counted as a resident
    row = records.create(site, "participant", {"last_name": "E", "first_name": "F",
                                               "code_qpv": "QN07599M"})
    assert [w.code for w in row["warnings"]] == ["unknown_qpv"]
    assert (row["code_qpv"], row["resident_qpv"]) == ("QN07599M", None)
    # "résident QPV: non" with a quarter of the list: kept as said, with a warning
    row = records.create(site, "participant", {"last_name": "G", "first_name": "H",
                                               "code_qpv": "Goutte d'or", "resident_qpv": "non"})
    assert [w.code for w in row["warnings"]] == ["qpv_contradiction"]
    assert (row["code_qpv"], row["resident_qpv"]) == ("QN07511M", 0)


def test_the_delete_cascade_names_every_table_it_writes(site):
    """The participant form refreshes the screens of exactly what a deletion wrote: the
    referrals' status history goes to the bin with its referral."""
    tables = records.cascade_tables("participant")
    assert tables == {"participant", "enrollment", "event", "referral", "referral_status", "note"}
    assert records.cascade_tables("partner") == {"partner", "partner_contact", "partner_exchange"}
