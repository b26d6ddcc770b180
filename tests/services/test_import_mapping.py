"""Header row found under title rows; headers mapped from their usual French writings;
profiles saved and offered again; mapping files."""

import json
from pathlib import Path

import pytest

from citesdesk.core.errors import CitesDeskError
from citesdesk.services import importer
from citesdesk.services.importer.mapping import auto_mapping, find_header_row

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "import"


@pytest.mark.parametrize("header,key", [
    ("Nom de famille", "last_name"), ("NOM", "last_name"), ("Prénom", "first_name"),
    ("prenom", "first_name"), ("Né(e) le", "birth_date"), ("Date de naissance", "birth_date"),
    ("DATE DE NAISSANCE (jj/mm/aaaa)", "birth_date"), ("Sexe", "genre"), ("Genre", "genre"),
    ("Tél.", "phone"), ("Portable", "phone"), ("Courriel", "email"), ("Mail", "email"),
    ("E-mail", "email"), ("CP", "postcode"), ("Code postal", "postcode"),
    ("Commune", "commune"), ("Ville", "commune"), ("Quartier", "code_qpv"),
    ("QPV", "code_qpv"), ("N° France Travail", "ft_id"), ("Identifiant FT", "ft_id"),
    ("Cohorte", "cohort"), ("Date d'entrée", "date_entree"), ("Date de sortie", "date_sortie"),
    ("Motif de sortie", "motif_sortie"), ("  date   d'ENTREE ", "date_entree"),
])
def test_french_header_variants(header, key):
    assert auto_mapping("participants", [header]) == {0: key}


@pytest.mark.parametrize("header,key", [
    ("Date de naissence", "birth_date"),  # typo
    ("Prénon", "first_name"),
    ("Code postale", "postcode"),
    ("Numero France Travail", "ft_id"),
])
def test_fuzzy_matching_for_the_rest(header, key):
    assert auto_mapping("participants", [header]) == {0: key}


def test_unknown_headers_are_ignored_and_each_column_used_once():
    mapping = auto_mapping("participants", ["Nom", "Nom de famille", "Pointure", "", "Prénom"])
    assert mapping == {0: "last_name", 1: None, 2: None, 4: "first_name"}


def test_header_row_found_under_merged_titles():
    rows = [["Liste des jeunes", "", ""], ["", "", ""], ["Export du 01/03", "", ""],
            ["Nom", "Prénom", "Né le"], ["A", "B", "01/01/2000"]]
    assert find_header_row("participants", rows) == 3


def test_partner_headers_are_told_apart():
    mapping = auto_mapping("partners", ["Structure", "Type", "Nom", "Prénom", "Téléphone",
                                        "Téléphone de la structure"])
    assert mapping == {0: "name", 1: "type", 2: "contact_last_name", 3: "contact_first_name",
                       4: "contact_phone", 5: "phone"}


def test_template_headers_map_exactly(tmp_path):
    for kind in ("participants", "partners", "events"):
        cols = importer.COLUMNS[kind]
        mapping = auto_mapping(kind, [c.header for c in cols])
        assert [mapping[i] for i in range(len(cols))] == [c.key for c in cols]


def test_profile_saved_and_offered_again_for_the_same_headers(db):
    table = importer.load_table(FIX / "participants_messy.xlsx", "participants")
    mapping, source = importer.suggest_mapping(db, table)
    assert source == "auto"
    mapping[8] = None  # "Quartier": ignore it for this partner
    importer.save_profile(db, "Mission locale Paris", "participants", table.headers, mapping)
    again, source = importer.suggest_mapping(db, table)
    assert source == "profile:Mission locale Paris"
    assert again == mapping
    other = importer.load_table(FIX / "participants_win1252.csv", "participants")
    assert importer.suggest_mapping(db, other)[1] == "auto"
    stored = importer.list_profiles(db, "participants")
    assert stored[0]["name"] == "Mission locale Paris"
    assert stored[0]["mapping"]["Quartier"] is None
    assert stored[0]["mapping"]["NOM"] == "last_name"


def test_mapping_file(tmp_path):
    path = tmp_path / "map.json"
    path.write_text(json.dumps({"sheet": "Liste ML", "header_row": 4,
                                "columns": {"NOM": "last_name", "Prénom": "first_name",
                                            "C": "birth_date", "Quartier": None}}))
    data = importer.load_mapping_file(path)
    table = importer.load_table(FIX / "participants_messy.xlsx", "participants",
                                sheet=data["sheet"], header_row=data["header_row"])
    mapping = importer.mapping_from_names("participants", table.headers, data["columns"],
                                          "map.json")
    assert (mapping[0], mapping[1], mapping[2], mapping[8]) == (
        "last_name", "first_name", "birth_date", None)


@pytest.mark.parametrize("content,words", [
    ("{", "n'est pas un fichier JSON valide"),
    ('{"mapping": {}}', "« columns »"),
    ('{"columns": {"NOM": "nom_de_famille"}}', "colonne cible inconnue « nom_de_famille »"),
    ('{"columns": {"Pointure": "last_name"}}', "la colonne « Pointure » n'est pas dans le fichier"),
])
def test_bad_mapping_files(tmp_path, content, words):
    path = tmp_path / "map.json"
    path.write_text(content)
    table = importer.load_table(FIX / "participants_messy.xlsx", "participants")
    with pytest.raises(CitesDeskError) as exc:
        data = importer.load_mapping_file(path)
        importer.mapping_from_names("participants", table.headers, data["columns"], "map.json")
    assert words in exc.value.message_fr


def test_missing_required_columns_refused(db, tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("Prénom;Ville\nA;B\n")
    table = importer.load_table(path, "participants")
    with pytest.raises(CitesDeskError) as exc:
        importer.analyse(db, table, importer.auto_mapping("participants", table.headers))
    assert "colonnes indispensables introuvables : « Nom »" in exc.value.message_fr


def test_key_shortcuts_equal_the_shared_folding():
    from hypothesis import example, given, settings
    from hypothesis import strategies as st

    from citesdesk.core.text import fold_key
    from citesdesk.services.importer.people import fast_email_key, fast_fold_key
    from citesdesk.services.participants import email_key

    @settings(max_examples=300, deadline=None)
    @given(st.text(max_size=30))
    @example("0\r0")
    @example(" Marie.Dupont@Exemple.FR ")
    def same(text):
        fast_fold_key.cache_clear()
        assert fast_fold_key(text) == fold_key(text)
        assert fast_email_key(text) == email_key(text)

    same()
    assert fast_fold_key("Jean-Pierre N'Diaye") == "jeanpierrendiaye"
