"""A partner's list saved by LibreOffice, QPV column in every writing, bad mobiles: every
person is imported and the QPV indicators are those counted by hand from the file."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
import python_calamine

from citesdesk.core import indicators
from citesdesk.core.db import open_database
from citesdesk.services import importer, site

FILE = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "partner_list_qpv_lo.ods"
T2 = (dt.date(2025, 4, 1), dt.date(2025, 6, 30))
#: Read by hand in the official list: what each QPV cell of the file means for a site of
#: the 93 (the code it gives, and whether the person lives in a quarter of the list).
BY_HAND = {
    "QN09337M": ("QN09337M", True), "qn09338m": ("QN09338M", True),
    "Floréal Saussaie Allende (QN09339M)": ("QN09339M", True),
    "Franc Moisin - Cosmonautes - Cristino Garcia - Landy": ("QN09328M", True),
    "franc moisin cosmonautes cristino garcia landy": ("QN09328M", True),
    "Plaine-Landy-Bailly": ("QN09337M", True),
    "centre ville": ("QN09329M", True),  # Épinay-sur-Seine: the one "Centre Ville" of the 93
    "Europe": (None, True),  # three "Europe" in France, none in the 93: which one is unclear
    "QN09398M": ("QN09398M", False),  # not in the list: kept, not counted
    "": (None, False), "Hors QPV": (None, False),
    "Grand Centre - Sémard": ("QN09338M", True),
}


def _day(value):
    return value if isinstance(value, dt.date) or value in ("", None) else \
        dt.date.fromisoformat(str(value)[:10])


def file_rows() -> list[dict]:
    """The people of the file, read straight from the .ods (the repeated person once)."""
    sheet = python_calamine.CalamineWorkbook.from_path(str(FILE)).get_sheet_by_index(0)
    header, *rows = sheet.to_python()
    people, seen = [], set()
    for raw in rows:
        row = dict(zip(header, raw, strict=True))
        key = (row["Nom"], row["Prénom"], _day(row["Date de naissance"]))
        if key in seen:
            continue
        seen.add(key)
        row["entry"], row["exit"] = _day(row["Date d'entrée"]), _day(row["Date de sortie"]) or None
        people.append(row)
    return people


@pytest.fixture
def site_db(tmp_path):
    db = open_database(tmp_path / "site.sqlite", create=True)
    site.save_site(db, {"name": "Cité de l'emploi de Saint-Denis", "site_code": "CE93-01",
                        "departement": "93"})
    yield db
    db.close()


def test_the_file_was_written_by_libreoffice():
    import zipfile

    with zipfile.ZipFile(FILE) as z:
        assert b"<meta:generator>LibreOffice" in z.read("meta.xml")


def test_everyone_is_imported_and_the_qpv_indicators_match_the_hand_count(site_db):
    people = file_rows()
    assert len(people) == 60 and {p["QPV"] for p in people} == set(BY_HAND)
    table = importer.load_table(FILE, "participants")
    mapping, _ = importer.suggest_mapping(site_db, table)
    plan = importer.analyse(site_db, table, mapping, today=dt.date(2025, 9, 30))
    assert plan.errors == []
    result = importer.commit(site_db, plan)  # all or nothing: nothing refused
    assert result["counts"]["created"] == 60 and result["counts"]["skipped"] == 1

    stored = {(r[0], r[1]): r[2:] for r in site_db.execute(
        "SELECT last_name, first_name, code_qpv, resident_qpv, phone, contact_check "
        "FROM participant")}
    assert len(stored) == 60
    for p in people:
        code, lives_in_a_qpv = BY_HAND[p["QPV"]]
        got_code, resident, phone, check = stored[(p["Nom"], p["Prénom"])]
        assert (got_code, resident == 1) == (code, lives_in_a_qpv), p["QPV"]
        typed = str(p["Tél. portable"])
        if "phone" in check:  # kept exactly as typed
            assert phone == typed
    flagged = sorted(phone for phone, check in ((v[2], v[3]) for v in stored.values())
                     if "phone" in check)
    assert flagged == sorted(["0691878382", "06 12 34 56", "07 00 00 00 0", "0691 87 83 81",
                              "+33 6 91 87 83 83", "06 12 3A 56 78"])

    # by hand: active in 2025-T2 (entered by its end, not out before its start), entries
    active = [p for p in people if p["entry"] <= T2[1] and (p["exit"] is None
                                                             or p["exit"] >= T2[0])]
    entries = [p for p in people if T2[0] <= p["entry"] <= T2[1]]
    qpv = [p for p in active if BY_HAND[p["QPV"]][1]]
    qpv_entries = [p for p in entries if BY_HAND[p["QPV"]][1]]
    got = indicators.compute(site_db, "2025-T2")
    assert got.quarter_value("P_ACTIFS") == len(active)
    assert got.quarter_value("P_ACTIFS_QPV") == len(qpv) > 0
    assert got.quarter_value("E_ENTREES") == len(entries)
    assert got.quarter_value("E_ENTREES_QPV") == len(qpv_entries) > 0


def test_the_same_through_the_command_line(tmp_path):
    db = tmp_path / "site.sqlite"
    run = [sys.executable, "-m", "citesdesk"]
    subprocess.run([*run, "init", "--db", str(db), "--site-code", "CE93-01", "--site-name",
                    "Saint-Denis", "--departement", "93"], check=True, capture_output=True)
    out = subprocess.run([*run, "import", "participants", str(FILE), "--db", str(db)],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "60 créé(s)" in out.stdout + out.stderr
    assert "« 0691878382 » à vérifier" in out.stdout + out.stderr
    info = subprocess.run([*run, "info", "--db", str(db)], capture_output=True, text=True,
                          check=True).stdout
    assert "Liste des QPV en vigueur : Liste officielle des QPV 2024 (ANCT), du 01/01/2025 : " \
        "1\u202f584 quartiers" in info


def test_an_update_clears_the_flag_of_a_corrected_phone_only(site_db, tmp_path):
    from citesdesk.services import records

    person = records.create(site_db, "participant", {
        "last_name": "Sow", "first_name": "Awa", "birth_date": "1990-05-04",
        "phone": "0691878382", "email": "awa@exemple"})
    assert person["contact_check"] == "phone|email"
    path = tmp_path / "maj.csv"
    # the phone corrected, no e-mail column: the e-mail's flag stays
    path.write_text("Nom;Prénom;Date de naissance;Téléphone\nSow;Awa;04/05/1990;06 12 34 56 78\n",
                    encoding="utf-8")
    table = importer.load_table(path, "participants")
    mapping, _ = importer.suggest_mapping(site_db, table)
    plan = importer.analyse(site_db, table, mapping, on_duplicate="update")
    importer.commit(site_db, plan)
    row = records.get(site_db, "participant", person["uuid"])
    assert (row["phone"], row["email"], row["contact_check"]) == ("06 12 34 56 78",
                                                                  "awa@exemple", "email")
    # a blank phone cell erases nothing, flag included
    path.write_text("Nom;Prénom;Date de naissance;Téléphone;Courriel\nSow;Awa;04/05/1990;;\n",
                    encoding="utf-8")
    table = importer.load_table(path, "participants")
    mapping, _ = importer.suggest_mapping(site_db, table)
    importer.commit(site_db, importer.analyse(site_db, table, mapping, on_duplicate="update"))
    assert records.get(site_db, "participant", person["uuid"])["contact_check"] == "email"
