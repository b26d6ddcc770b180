"""Duplicate detection for the participant form and the import."""

import pytest

from citesdesk.services import records
from citesdesk.services.participants import DuplicateIndex, find_duplicates


@pytest.fixture
def helene(db):
    return records.create(db, "participant", {
        "last_name": "Dupont-Martin", "first_name": "Hélène", "birth_date": "12/03/1990",
        "phone": "06 12 34 56 78", "email": "Helene.Dupont@example.fr", "ft_id": "1234567A"})


def reasons(matches):
    return [(m.first_name, m.reasons) for m in matches]


@pytest.mark.parametrize("last, first", [
    ("dupont martin", "helene"), ("DUPONT-MARTIN", "HÉLÈNE"), ("Dupontmartin", "Hélène "),
    ("Hélène", "Dupont Martin"),  # first and last name swapped
])
def test_same_name_and_birth_date(db, helene, last, first):
    found = find_duplicates(db, {"last_name": last, "first_name": first,
                                 "birth_date": "1990-03-12"})
    assert reasons(found) == [("Hélène", ("name_birth_date",))]
    assert found[0].uuid == helene["uuid"]
    assert found[0].reason_text() == "même nom et même date de naissance"
    assert found[0].reason_text("en") == "same name and date of birth"


def test_same_name_other_birth_date_is_not_a_duplicate(db, helene):
    assert find_duplicates(db, {"last_name": "Dupont-Martin", "first_name": "Hélène",
                                "birth_date": "13/03/1990"}) == []
    assert find_duplicates(db, {"last_name": "Dupont-Martin", "first_name": "Hélène"}) == []


def test_birth_name_counts_as_a_name(db):
    records.create(db, "participant", {"last_name": "Benali", "birth_name": "Kaci",
                                       "first_name": "Samira", "birth_date": "1985-01-02"})
    found = find_duplicates(db, {"last_name": "Kaci", "first_name": "Samira",
                                 "birth_date": "02/01/1985"})
    assert reasons(found) == [("Samira", ("name_birth_date",))]


@pytest.mark.parametrize("phone", ["0612345678", "06.12.34.56.78", "+33 6 12 34 56 78",
                                   "0033612345678"])
def test_same_phone_however_written(db, helene, phone):
    found = find_duplicates(db, {"last_name": "X", "first_name": "Y", "phone": phone})
    assert reasons(found) == [("Hélène", ("phone",))]


def test_same_email_and_ft_id(db, helene):
    found = find_duplicates(db, {"last_name": "X", "first_name": "Y",
                                 "email": " helene.dupont@EXAMPLE.fr", "ft_id": "1234567a"})
    assert reasons(found) == [("Hélène", ("ft_id", "email"))]


def test_strongest_match_first_and_excluding_the_edited_record(db, helene):
    other = records.create(db, "participant", {"last_name": "Autre", "first_name": "Ami",
                                               "email": "helene.dupont@example.fr"})
    values = {"last_name": "Dupont Martin", "first_name": "Helene", "birth_date": "1990-03-12",
              "phone": "06 12 34 56 78", "email": "helene.dupont@example.fr"}
    found = find_duplicates(db, values)
    assert reasons(found) == [("Hélène", ("name_birth_date", "phone", "email")),
                              ("Ami", ("email",))]
    found = find_duplicates(db, values, exclude_uuid=helene["uuid"])
    assert [m.uuid for m in found] == [other["uuid"]]


def test_deleted_participants_are_not_duplicates(db, helene):
    records.delete(db, "participant", helene["uuid"])
    assert find_duplicates(db, {"last_name": "X", "first_name": "Y",
                                "phone": "0612345678"}) == []


def test_nothing_to_compare(db, helene):
    assert find_duplicates(db, {}) == []
    assert find_duplicates(db, {"last_name": "Dupont-Martin", "phone": "pas de tél"}) == []


def test_index_for_many_rows_finds_the_same_and_learns_new_rows(db, helene):
    index = DuplicateIndex(db)
    values = {"last_name": "helene", "first_name": "DUPONT MARTIN", "birth_date": "12/03/1990",
              "phone": "+33612345678"}
    assert index.check(values) == find_duplicates(db, values)
    assert reasons(index.check(values)) == [("Hélène", ("name_birth_date", "phone"))]
    row = {"id": -7, "uuid": "", "last_name": "Neuf", "first_name": "Nina",
           "email": "nina@example.fr"}
    assert index.check(row) == []
    index.add(row)
    found = index.check({"last_name": "Autre", "first_name": "N", "email": "NINA@example.fr"})
    assert [(m.id, m.reasons) for m in found] == [(-7, ("email",))]


def test_overseas_phone_written_both_ways(db):
    records.create(db, "participant", {"last_name": "Payet", "first_name": "Jean",
                                       "phone": "0262 20 12 34"})
    found = find_duplicates(db, {"last_name": "X", "first_name": "Y",
                                 "phone": "+262 262 201 234"})
    assert [(m.last_name, m.reasons) for m in found] == [("Payet", ("phone",))]


def test_names_match_however_mangled():
    import unicodedata

    from hypothesis import given
    from hypothesis import strategies as st

    from citesdesk.services.participants import name_keys

    letters = st.text(alphabet="abcdeéèêëfghiïîjklmnoôöpqrstuùüvwxyzç", min_size=1, max_size=8)

    @given(last=st.lists(letters, min_size=1, max_size=3),
           first=st.lists(letters, min_size=1, max_size=2),
           sep=st.sampled_from([" ", "-", "  ", " - "]), upper=st.booleans(),
           strip=st.booleans(), swap=st.booleans())
    def check(last, first, sep, upper, strip, swap):
        a_last, a_first = "-".join(last), " ".join(first)
        b_last, b_first = sep.join(last), sep.join(first)
        if strip:
            b_last, b_first = (
                "".join(c for c in unicodedata.normalize("NFD", t)
                        if not unicodedata.combining(c)) for t in (b_last, b_first))
        if upper:
            b_last, b_first = b_last.upper(), b_first.upper()
        if swap:
            b_last, b_first = b_first, b_last
        assert name_keys(a_last, a_first) & name_keys(f" {b_last} ", b_first)

    check()


def test_a_ligature_typed_out_is_still_a_duplicate(db):
    records.create(db, "participant", {"last_name": "Lœuvre", "first_name": "Lætitia",
                                       "birth_date": "2001-04-12"})
    found = find_duplicates(db, {"last_name": "LOEUVRE", "first_name": "laetitia",
                                 "birth_date": "12/04/2001"})
    assert [(m.first_name, m.reasons) for m in found] == [("Lætitia", ("name_birth_date",))]
