"""Code lists: lookups ignore case, accents and surrounding spaces (property tests)."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citesdesk.core import codes

ENTRIES = [(cl, c) for cl in codes.ALL.values() for c in cl]


def strip_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", text)
                   if not unicodedata.combining(ch))


def mangle(text: str, data) -> str:
    """The text as a spreadsheet may hold it: random case, accents maybe lost, spaces."""
    if data.draw(st.booleans(), "drop accents"):
        text = strip_accents(text)
    flips = data.draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)), "case")
    text = "".join(ch.upper() if up else ch.lower() for ch, up in zip(text, flips, strict=True))
    if data.draw(st.booleans(), "decomposed"):
        text = unicodedata.normalize("NFD", text)
    space = st.text(alphabet=" \t\u00a0\u202f\n", max_size=3)
    return data.draw(space, "before") + text + data.draw(space, "after")


@given(entry=st.sampled_from(ENTRIES), which=st.sampled_from(["code", "fr", "en"]),
       data=st.data())
def test_any_code_or_label_finds_its_entry(entry, which, data):
    codelist, code = entry
    found = codelist.lookup(mangle(getattr(code, which), data))
    # Labels shared by two entries of one list (none today) would be ambiguous: same label.
    assert found is not None
    assert getattr(found, which).casefold() == getattr(code, which).casefold() or found == code
    if which == "code":
        assert found == code


def test_labels_are_unambiguous_within_a_list():
    from citesdesk.core.text import fold

    for codelist in codes.ALL.values():
        keys = {}
        for c in codelist:
            for key in {fold(c.code), fold(c.fr), fold(c.en)}:
                assert keys.setdefault(key, c.code) == c.code, (codelist.name, key)


@given(text=st.text(max_size=20))
def test_lookup_never_raises_and_finds_only_real_entries(text):
    for codelist in codes.ALL.values():
        found = codelist.lookup(text)
        assert found is None or found in codelist.codes


@pytest.mark.parametrize("text, expected", [
    ("femme", "F"), ("  FEMME ", "F"), ("Non-binaire", "X"), ("non renseigne", "NR"),
    ("bac+5 et plus", "NV1"), ("primaire a 4E", "CP4"), ("cdi", "CDI"),
    ("Création d'entreprise", "CREATION"), ("creation d'entreprise", "CREATION"),
])
def test_known_spellings(text, expected):
    hits = [cl.lookup(text) for cl in codes.ALL.values()]
    assert expected in [h.code for h in hits if h]


def test_groups():
    assert codes.groupe_niveau("NV5") == "INFRA_BAC"
    assert codes.groupe_niveau("NV4") == "BAC"
    assert codes.groupe_niveau("NV1") == "SUP"
    assert codes.groupe_niveau(None) == "NR"
    assert codes.groupe_sortie("CDD_6P") == "EMPLOI_DURABLE"
    assert codes.groupe_sortie("IAE") == "EMPLOI_TRANSITION"
    assert codes.groupe_sortie("RELAIS_DROIT_COMMUN") == "DROIT_COMMUN"
    assert codes.est_sortie_dynamique("FORMATION_QUALIFIANTE")
    assert not codes.est_sortie_dynamique("DEMENAGEMENT")
    assert codes.est_deld("M12_23") and codes.est_deld("M24P") and not codes.est_deld("M6_11")
    assert codes.freins_to_text(["LANGUE", "MOBILITE"]) == "MOBILITE|LANGUE"


def test_contract_and_barrier_codes_belong_to_one_step_type_each():
    from citesdesk.core.codes import event_field_applies

    assert event_field_applies("code_contrat", "EMPLOI_DEBUT")
    assert not event_field_applies("code_contrat", "ENTRETIEN")
    assert event_field_applies("code_frein", "LEVEE_FREIN")
    assert not event_field_applies("code_frein", "EMPLOI_DEBUT")
    assert event_field_applies("note", "ENTRETIEN")  # other fields go with every type
