"""Values as spreadsheets give them, converted and checked, with the cell named."""

import datetime as dt
from pathlib import Path

import pytest

from citesdesk.core.model import KINDS
from citesdesk.services import importer
from citesdesk.services.importer.values import convert

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "import"
TODAY = dt.date(2026, 11, 27)
P = KINDS["participant"]


def conv(field, value):
    return convert(P.field(field), value, TODAY)


@pytest.mark.parametrize("value", [
    dt.date(2024, 3, 12), dt.datetime(2024, 3, 12, 0, 0), 45363, 45363.0, "45363",
    "12/03/2024", "12/03/24", "2024-03-12", "12 mars 2024", "12 Mars 2024", "12-03-2024",
    "12.03.2024", "2024-03-12 00:00:00", " 12/03/2024 ", "12 mar. 2024",
])
def test_dates_in_every_form(value):
    assert conv("birth_date", value) == ("2024-03-12", [])


def test_first_of_month_and_two_digit_years():
    assert conv("birth_date", "1er mars 2024")[0] == "2024-03-01"
    assert conv("birth_date", "12/03/90")[0] == "1990-03-12"
    assert conv("birth_date", "12/03/26")[0] == "2026-03-12"


@pytest.mark.parametrize("value", ["31/02/2024", "2024-13-01", "demain", "32 mars 2024"])
def test_impossible_dates_are_errors(value):
    stored, problems = conv("birth_date", value)
    assert stored is None
    assert problems[0].code in ("invalid_date", "invalid")
    assert "Date impossible" in problems[0].message_fr


def test_floats_back_to_ints_and_postcodes_padded():
    assert conv("postcode", 75001.0) == ("75001", [])
    assert conv("postcode", "75001.0") == ("75001", [])
    assert conv("postcode", 1000) == ("01000", [])
    assert conv("postcode", " 1000 ") == ("01000", [])
    assert conv("ft_id", 1234567.0) == ("1234567", [])
    assert conv("postcode", "7500")[0] == "07500"
    assert conv("postcode", "ABCDE")[1][0].code.startswith("invalid")


@pytest.mark.parametrize("value", ["06 12 34 56 78", "06.12.34.56.78", "0612345678",
                                   "+33 6 12 34 56 78", "+33612345678", "0033612345678",
                                   612345678, 612345678.0, "06-12-34-56-78", "(06) 12 34 56 78"])
def test_phones_in_any_french_writing(value):
    assert conv("phone", value) == ("06 12 34 56 78", [])


@pytest.mark.parametrize("cell, kept", [("12345", "12345"), ("06 91 87 83 82", "06 91 87 83 82"),
                                        (691878382.0, "0691878382")])
def test_bad_phone_is_kept_as_typed_and_flagged(cell, kept):
    stored, problems = conv("phone", cell)
    assert stored == kept
    assert [(p.code, p.severity) for p in problems] == [("contact_to_check", "warning")]
    assert "à vérifier" in problems[0].message_fr


@pytest.mark.parametrize("value,expected", [
    ("oui", 1), ("Oui", 1), ("OUI ", 1), ("x", 1), ("X", 1), ("1", 1), (1, 1), (1.0, 1),
    ("vrai", 1), (True, 1), ("non", 0), ("NON", 0), ("0", 0), (0, 0), ("faux", 0),
    (False, 0), ("", None), (None, None),
])
def test_booleans(value, expected):
    assert conv("brsa", value) == (expected, [])


def test_bad_boolean():
    assert "attendu oui ou non" in conv("brsa", "peut-être")[1][0].message_fr


@pytest.mark.parametrize("value,code", [
    ("F", "F"), ("femme", "F"), ("Femme", "F"), ("FEMME", "F"), ("Mme", "F"), ("Madame", "F"),
    ("Homme", "H"), ("M.", "H"), ("Monsieur", "H"), ("non-binaire", "X"),
])
def test_codes_or_labels(value, code):
    assert conv("genre", value) == (code, [])


def test_levels_and_barriers_by_label():
    assert conv("niveau_formation", "Bac")[0] == "NV4"
    assert conv("niveau_formation", "cap, bep")[0] == "NV5"
    assert conv("freins", "Mobilité, Garde d'enfant")[0] == "MOBILITE|GARDE_ENFANT"
    assert conv("freins", "langue | LOGEMENT")[0] == "LANGUE|LOGEMENT"


def test_unknown_code_lists_accepted_codes():
    stored, problems = conv("genre", "Z")
    assert stored is None and "Code inconnu « Z »" in problems[0].message_fr
    assert "F, H, X, NR" in problems[0].message_fr


def test_spaces_trimmed_and_email_lowered():
    assert conv("last_name", "  Dupont ")[0] == "Dupont"
    assert conv("email", " Marie.Dupont@Exemple.FR ")[0] == "marie.dupont@exemple.fr"
    assert conv("email", "mailto:a@b.fr")[0] == "a@b.fr"


@pytest.fixture
def messy_plan(db):
    table = importer.load_table(FIX / "participants_messy.xlsx", "participants")
    mapping, source = importer.suggest_mapping(db, table)
    assert source == "auto"
    return importer.analyse(db, table, mapping, today=TODAY)


def test_messy_file_values(messy_plan):
    rows = {r.row: r for r in messy_plan.rows}
    marie = rows[5].values["participant"]
    assert marie["birth_date"] == "1990-03-12" and marie["postcode"] == "75019"
    assert marie["freins"] == "MOBILITE|GARDE_ENFANT" and marie["brsa"] == 1
    assert marie["niveau_formation"] == "NV4" and marie["email"] == "marie.dupont@exemple.fr"
    paul = rows[6].values["participant"]
    assert paul["birth_date"] == "1990-08-16"  # Excel serial 33101
    assert paul["postcode"] == "01000" and paul["genre"] == "H"
    assert rows[6].values["enrollment"] == {"cohort": "Cohorte printemps",
                                            "date_entree": "2026-03-12",
                                            "date_sortie": "2026-06-30", "motif_sortie": "CDI"}
    assert rows[7].values["participant"]["birth_date"] == "1985-03-12"
    assert rows[8].values["participant"]["phone"] == "06 12 34 56 81"


def test_errors_name_the_cell(messy_plan):
    rows = {r.row: r for r in messy_plan.rows}
    err = rows[10].errors[0]
    assert (err.row, err.column, err.header) == (10, "C", "Né(e) le")
    assert err.text("fr") == ("ligne 10, colonne C (« Né(e) le ») : Date impossible "
                              "« 31/02/1990 » : écrivez-la jj/mm/aaaa.")
    assert err.text("en").startswith("row 10, column C ('Né(e) le'): Impossible date")
    chloe = rows[11]
    assert {(i.column, i.code) for i in chloe.errors} == {("D", "unknown_code"),
                                                          ("L", "invalid")}
    assert [(w.column, w.code) for w in chloe.warnings] == [("C", "unlikely_age")]
    assert "Âge peu vraisemblable (11 ans)" in chloe.warnings[0].message_fr


def test_birth_date_in_the_future_is_an_error(db, tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("Nom;Prénom;Date de naissance\nA;B;01/01/2030\nC;D;01/01/1930\n")
    plan = importer.analyse(db, importer.load_table(path, "participants"),
                            {0: "last_name", 1: "first_name", 2: "birth_date"}, today=TODAY)
    assert plan.rows[0].errors[0].code == "future_date"
    assert plan.rows[0].errors[0].column == "C"
    assert plan.rows[1].warnings[0].code == "unlikely_age"  # 96 years old


def test_fast_french_phone_formatting_matches_format_phone():
    import random

    from citesdesk.core.validation import format_phone
    from citesdesk.services.importer.values import french_phone

    rnd = random.Random(7)
    checked = 0
    for _ in range(20_000):
        digits = "0" + rnd.choice("123456789") + "".join(rnd.choice("0123456789")
                                                         for _ in range(8))
        fast = french_phone(digits)
        try:
            slow = format_phone(digits)
        except ValueError:
            slow = None
        if fast is not None:
            assert fast == slow, digits
            checked += 1
        elif slow is not None:  # not on the fast path: the parser decides (08…, overseas)
            assert digits[1] == "8" or not slow.startswith("0")
    assert checked > 10_000
