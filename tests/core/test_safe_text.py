"""Invisible characters and endless values, at every entry point (core.safe_text)."""

import pytest

from citesdesk.core.errors import ValidationFailed
from citesdesk.core.model import KINDS
from citesdesk.core.safe_text import strip_unsafe, xml_safe
from citesdesk.core.validation import clean_value, validate_record
from citesdesk.services import records

LAST_NAME = KINDS["participant"].field("last_name")
NOTE_TEXT = next(f for f in KINDS["note"].fields if f.type == "longtext")


@pytest.mark.parametrize("raw, clean", [
    ("Dupont\ufffe", "Dupont"),
    ("Du\uffffpont", "Dupont"),
    ("\ufdd0Léa", "Léa"),
    ("Ben\U0010fffeAli", "BenAli"),
    ("Mar\x00tin\x07", "Martin"),
    ("\u202eniloM", "niloM"),  # right-to-left override
    ("Zoé\u2066x\u2069", "Zoéx"),  # isolates
    ("\ufeffRenée", "Renée"),
    ("Jean\x85Paul", "Jean Paul"),  # next line (C1) in a one-line field: a space
    ("Jean\tPaul", "Jean Paul"),
])
def test_strip_unsafe_one_line(raw, clean):
    assert strip_unsafe(raw)[0] == clean


def test_strip_unsafe_keeps_what_people_write():
    for text in ("Hélène Œuvray-N'Diaye", "محمد", "李雷", "Zoë 😀", "L'Haÿ-les-Roses",
                 "5\u202f000\u00a0€"):
        assert strip_unsafe(text) == (text, 0)
    assert strip_unsafe("ligne 1\r\nligne 2\tfin", multiline=True) == ("ligne 1\nligne 2\tfin", 0)


def test_a_non_character_is_removed_with_a_warning():
    value, problems = clean_value(LAST_NAME, "Dupont\ufffe\u202e")
    assert value == "Dupont"
    assert [(p.code, p.severity) for p in problems] == [("invisible_removed", "warning")]
    assert "Nom : 2 caractère(s) invisible(s)" in problems[0].message_fr


def test_a_too_long_value_is_refused_naming_the_field():
    value, problems = clean_value(LAST_NAME, "A" * 100_000)
    assert value is None and problems[0].code == "too_long"
    assert problems[0].message_fr == ("Nom : 100\u202f000 caractères, c'est plus que la "
                                      "limite de 300 caractères pour ce champ. "
                                      "Raccourcissez-le.")
    assert problems[0].message_en.startswith("Last name: 100,000 characters")
    assert clean_value(NOTE_TEXT, "mot " * 4000)[1] == []  # a long note is fine


def test_records_refuse_and_strip_at_every_entry(db):
    with pytest.raises(ValidationFailed) as exc:
        validate_record("participant", {"last_name": "X" * 301, "first_name": "Léa"})
    assert exc.value.errors[0].field == "last_name"
    row = records.create(db, "participant", {"last_name": "\u202eMartin\x1b",
                                             "first_name": "Léa\ufffe"})
    assert (row["last_name"], row["first_name"]) == ("Martin", "Léa")
    assert {w.code for w in row["warnings"]} == {"invisible_removed"}


def test_xml_safe_removes_only_what_xml_forbids():
    assert xml_safe("a\ufffeb\uffffc") == "abc"
    assert xml_safe("tab\there") == "tab\there"
