"""Journey events and partners from spreadsheets; the QPV list."""

import datetime as dt
from pathlib import Path

from citesdesk.services import importer, records

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "import"
TODAY = dt.date(2026, 11, 27)


def plan_for(db, path, kind, on_duplicate="skip"):
    table = importer.load_table(path, kind)
    mapping, _ = importer.suggest_mapping(db, table)
    return importer.analyse(db, table, mapping, on_duplicate=on_duplicate, today=TODAY)


def test_partners_grouped_by_organisation(db):
    plan = plan_for(db, FIX / "partners.xlsx", "partners")
    status = [(r.row, r.status) for r in plan.rows]
    assert status == [(2, "create"), (3, "create"), (4, "create"), (5, "error"), (6, "skip")]
    assert "SIRET invalide" in plan.rows[3].errors[0].message_fr
    assert plan.rows[4].duplicate.row == 2  # Sophie Durand twice
    assert "contact ajouté à la structure de la ligne 2" in plan.rows[1].reason("fr")
    importer.commit(db, plan, valid_only=True)
    partners = db.execute("SELECT name, type, siret, postcode FROM partner ORDER BY name"
                          ).fetchall()
    assert partners == [("Boulangerie du Canal", "ENTREPRISE", "73282932000074", "75010"),
                        ("Mission locale de Paris", "MISSION_LOCALE", None, "75019")]
    contacts = db.execute("SELECT p.name, c.last_name, c.first_name, c.role, c.phone "
                          "FROM partner_contact c JOIN partner p ON p.id = c.partner_id "
                          "ORDER BY c.id").fetchall()
    assert contacts == [
        ("Mission locale de Paris", "Durand", "Sophie", "Conseillère", "01 40 00 00 01"),
        ("Mission locale de Paris", "Petit", "Karim", "Directeur", "01 40 00 00 02"),
        ("Boulangerie du Canal", "Roux", "Anne", "Gérante", None)]


def test_partner_already_in_the_directory(db):
    ml = records.create(db, "partner", {"type": "MISSION_LOCALE",
                                        "name": "Mission Locale de Paris"})
    plan = plan_for(db, FIX / "partners.xlsx", "partners", on_duplicate="update")
    first = plan.rows[0]
    assert first.duplicate.uuid == ml["uuid"] and first.status == "update"
    assert first.changes == {"postcode": [None, "75019"], "commune": [None, "Paris"],
                             "contact": [None, "Durand Sophie"]}
    importer.commit(db, plan, valid_only=True)
    assert db.execute("SELECT count(*) FROM partner").fetchone()[0] == 2
    assert db.execute("SELECT count(*) FROM partner_contact WHERE partner_id = ?",
                      [ml["id"]]).fetchone()[0] == 2
    # skipping the organisation skips its other rows too
    plan = plan_for(db, FIX / "partners.xlsx", "partners", on_duplicate="update")
    plan.decide(2, "skip")
    assert [r.status for r in plan.rows if r.values.get("group_row") == 2] == [
        "skip", "skip", "skip"]


def _people(db):
    a = records.create(db, "participant", {"last_name": "Dupont", "first_name": "Marie",
                                           "birth_date": "1990-03-12", "ft_id": "1234567A"},
                       today=TODAY)
    b = records.create(db, "participant", {"last_name": "Martin", "first_name": "Paul",
                                           "birth_date": "1990-08-16"}, today=TODAY)
    ml = records.create(db, "partner", {"type": "MISSION_LOCALE",
                                        "name": "Mission locale de Paris"})
    return a, b, ml


def test_events_find_participant_and_partner(db):
    a, b, ml = _people(db)
    plan = plan_for(db, FIX / "events.xlsx", "events")
    rows = {r.row: r for r in plan.rows}
    assert rows[2].status == "create"
    assert rows[2].values["event"] == {"type": "ENTRETIEN", "date": "2026-03-05",
                                       "partner_id": ml["id"], "note": "Premier entretien",
                                       "participant_id": a["id"], "code_contrat": None,
                                       "code_frein": None}
    assert rows[3].values["event"]["participant_id"] == b["id"]  # by name + birth date
    assert rows[3].values["event"]["code_contrat"] == "CDI"
    assert rows[4].errors[0].code == "participant_not_found"
    assert rows[5].warnings[0].code == "partner_close"  # "Missions locales de Paris"
    assert rows[5].values["event"]["code_frein"] == "MOBILITE"
    assert rows[6].duplicate.row == 2 and rows[6].status == "skip"
    codes = {i.code for i in rows[7].errors}
    assert codes == {"partner_not_found", "not_allowed"}
    result = importer.commit(db, plan, valid_only=True)
    assert result["counts"]["created"] == 3
    # importing again: each one is now a duplicate of the database
    again = plan_for(db, FIX / "events.xlsx", "events", on_duplicate="update")
    assert again.rows[0].duplicate.uuid and again.rows[0].status == "update"
    importer.undo(db, result["import_id"])
    assert db.execute("SELECT count(*) FROM event WHERE deleted_at IS NULL").fetchone()[0] == 0


def test_qpv_list_loaded_updated_and_undone(db):
    # Every database holds the shipped list; a site's file adds codes and renames others.
    shipped = dict(db.execute("SELECT code, name FROM qpv").fetchall())
    assert len(shipped) == 1584 and "QN09301M" not in shipped
    first = importer.commit(db, plan_for(db, FIX / "qpv_2024.csv", "qpv"))
    assert first["counts"]["created"] == 1 and first["counts"]["updated"] == 3
    assert db.execute("SELECT name FROM qpv WHERE code = 'QN06901M'").fetchone()[0] == "Mermoz"
    db.execute("UPDATE qpv SET name = 'Ancien nom' WHERE code = 'QN06901M'")
    plan = plan_for(db, FIX / "qpv_2024.csv", "qpv")
    changed = [r for r in plan.rows if r.changes]
    assert [r.values["qpv"]["code"] for r in changed] == ["QN06901M"]
    assert changed[0].changes == {"name": ["Ancien nom", "Mermoz"]}
    second = importer.commit(db, plan)
    assert db.execute("SELECT name FROM qpv WHERE code = 'QN06901M'").fetchone()[0] == "Mermoz"
    importer.undo(db, second["import_id"])
    assert db.execute("SELECT name FROM qpv WHERE code = 'QN06901M'").fetchone()[0] == \
        "Ancien nom"
    db.execute("UPDATE qpv SET name = 'Mermoz' WHERE code = 'QN06901M'")
    importer.undo(db, first["import_id"])
    assert dict(db.execute("SELECT code, name FROM qpv").fetchall()) == shipped
