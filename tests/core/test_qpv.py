"""The official QPV list shipped with CitésDesk, and what people type for a quarter."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from citesdesk.core.db import open_database
from citesdesk.core.model import Field
from citesdesk.core.qpv import QpvList, Quarter, builtin_rows, departement_of, list_in_force
from citesdesk.core.validation import clean_value, validate_record

SHARED = Path(__file__).resolve().parents[2] / "citesdesk" / "assets" / "qpv"
F = Field("code_qpv", "qpv", "Code QPV", "QPV code")


@pytest.fixture(scope="module")
def official():
    db = open_database(":memory:")
    yield QpvList.from_db(db)
    db.close()


def test_the_shipped_list_has_the_1584_quarters_with_its_source_note():
    rows = builtin_rows()
    assert len(rows) == 1584 and len({r["code"] for r in rows}) == 1584
    last = {r["code"][-1] for r in rows}
    assert last == {"M", "I", "N", "C"}
    overseas = [r for r in rows if len(departement_of(r["code"])) == 3]
    assert len(overseas) == 222  # 971, 972, 973, 974, 976, 978 and 987 (Polynésie)
    assert departement_of("QN02A01M") == "2A" and departement_of("QN00101M") == "01"
    note = (SHARED / "qpv-2024.SOURCE.md").read_text(encoding="utf-8")
    assert "Licence Ouverte" in note and "ANCT" in note
    with (SHARED / "qpv-2024.csv").open(encoding="utf-8") as f:
        assert next(csv.reader(f)) == ["code_qpv", "libelle", "insee_communes", "communes",
                                       "departement"]


def test_every_new_database_holds_the_list_in_force():
    db = open_database(":memory:")
    info = list_in_force(db)
    assert (info["source"], info["rows"], info["date"]) == ("builtin", 1584, "2025-01-01")
    assert db.execute("SELECT name, commune FROM qpv WHERE code = 'QN97654C'").fetchone() == \
        ("Bouéni", "Bouéni")
    db.close()


@pytest.mark.parametrize("typed", [
    "QN07511M", "qn07511m", "Qn 075 11 M", " QN07511M ",  # the code, any case and spacing
    "Goutte D'Or (QN07511M)", "goutte d'or (qn07511m)", "QN07511M - Goutte d'Or",  # both
    "Goutte d'Or", "GOUTTE D OR", "goutte-d'or", "Goutte  d’Or", "gouttedor",  # the name
])
def test_each_recognised_form(official, typed):
    found = official.recognise(typed)
    assert (found.code, found.in_list, found.problems) == ("QN07511M", True, [])


def test_names_ignore_accents_and_ligatures(official):
    assert official.recognise("Quartier Intercommunal Hautchamps Longchamp - Lionderie - "
                              "3 Baudets").code == "QN05969M"
    assert official.recognise("bedier boutroux villa d este").code == "QN07501M"
    assert official.recognise("BOUENI").code == "QN97654C"  # Bouéni, Mayotte


def test_an_ambiguous_name_is_settled_by_the_site_departement():
    quarters = [Quarter("QN00201M", "Europe", "Saint-Quentin"),
                Quarter("QN03708M", "Europe", "Tours"), Quarter("QN05106M", "Europe", "Reims")]
    assert QpvList(quarters, departement="37").recognise("europe").code == "QN03708M"
    # a quarter the site covers comes first
    assert QpvList(quarters, departement="37", covered=frozenset({"QN05106M"})).recognise(
        "Europe").code == "QN05106M"
    # no département, or none of the candidates in it: a warning lists them
    for dep in (None, "93"):
        found = QpvList(quarters, departement=dep).recognise("Europe")
        assert found.code is None and found.in_list  # lives in a QPV, which one is unclear
        [problem] = found.problems
        assert (problem.code, problem.severity) == ("qpv_ambiguous", "warning")
        for label in ("QN00201M Europe (Saint-Quentin)", "QN03708M Europe (Tours)",
                      "QN05106M Europe (Reims)"):
            assert label in problem.message_fr and label in problem.message_en


def test_an_ambiguous_name_in_the_real_list(official):
    found = official.recognise("Centre")
    assert found.code is None and "QN00610M Centre (Nice)" in found.problems[0].message_fr
    # the commune in brackets settles it
    assert official.recognise("Centre (Nice)").code == "QN00610M"


def test_a_well_formed_code_not_in_the_list_is_kept_and_flagged(official):
    found = official.recognise("qn07599m")
    assert (found.code, found.in_list) == ("QN07599M", False)
    [problem] = found.problems
    assert (problem.code, problem.severity) == ("unknown_qpv", "warning")
    assert "absent de la liste officielle" in problem.message_fr
    assert "citesdesk" not in problem.message_fr  # no command line in a window message


@pytest.mark.parametrize("typed", ["Les Tilleuls de nulle part", "QN07511X", "75019"])
def test_what_is_neither_a_code_nor_a_name_is_an_error(official, typed):
    [problem] = official.recognise(typed).problems
    assert (problem.code, problem.severity) == ("invalid_qpv", "error")


@pytest.mark.parametrize("typed", ["non", "Hors QPV", "aucun", "-"])
def test_none_written_out_is_an_empty_cell(official, typed):
    found = official.recognise(typed)
    assert (found.code, found.in_list, found.problems) == (None, False, [])


def test_clean_value_uses_the_list(official):
    assert clean_value(F, "Goutte d'Or", qpv_reference=official) == ("QN07511M", [])


@pytest.mark.parametrize("given, resident, warned", [
    ({}, 1, []),  # no "résident QPV": the quarter of the list says yes
    ({"resident_qpv": ""}, 1, []),
    ({"resident_qpv": "oui"}, 1, []),
    ({"resident_qpv": "non"}, 0, ["qpv_contradiction"]),  # the row says otherwise: kept, warned
])
def test_a_quarter_of_the_list_makes_a_resident(official, given, resident, warned):
    clean, warnings = validate_record("participant", {"last_name": "A", "first_name": "B",
                                                      "code_qpv": "goutte d'or", **given},
                                      qpv_reference=official)
    assert clean["resident_qpv"] == resident and [w.code for w in warnings] == warned


def test_an_unknown_code_does_not_make_a_resident(official):
    clean, warnings = validate_record("participant", {"last_name": "A", "first_name": "B",
                                                      "code_qpv": "QN07599M"},
                                      qpv_reference=official)
    assert (clean["code_qpv"], clean["resident_qpv"]) == ("QN07599M", None)
    assert [w.code for w in warnings] == ["unknown_qpv"]
