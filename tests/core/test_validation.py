"""Validation of every field type: stored form, or a structured error in French and English."""

import datetime as dt

import pytest

from citesdesk.core.errors import ValidationFailed
from citesdesk.core.model import KINDS, Field
from citesdesk.core.validation import clean_value, parse_date, validate_record

TODAY = dt.date(2026, 6, 15)


def ok(type_, value, **kw):
    f = Field("x", type_, "X", "X", **kw)
    clean, problems = clean_value(f, value, today=TODAY)
    assert [p for p in problems if p.severity == "error"] == [], problems
    return clean


def bad(type_, value, **kw):
    f = Field("x", type_, "X", "X", **kw)
    clean, problems = clean_value(f, value, today=TODAY)
    errors = [p for p in problems if p.severity == "error"]
    assert clean is None and len(errors) == 1, (value, problems)
    err = errors[0]
    assert err.field == "x" and err.message_fr and err.message_en
    assert err.message_fr != err.message_en
    return err


@pytest.mark.parametrize("value, stored", [
    ("2026-03-01", "2026-03-01"), ("01/03/2026", "2026-03-01"), ("1/3/2026", "2026-03-01"),
    ("01-03-2026", "2026-03-01"), ("01.03.2026", "2026-03-01"), (dt.date(2026, 3, 1), "2026-03-01"),
    (dt.datetime(2026, 3, 1, 14, 5), "2026-03-01"), ("2026-03-01 00:00:00", "2026-03-01"),
    (" 29/02/2024 ", "2024-02-29"),
    # as the English window shows dates, whatever the computer's locale
    ("01 Mar 2026", "2026-03-01"), ("1 march 2026", "2026-03-01"), ("29 FEB 2024", "2024-02-29"),
])
def test_dates(value, stored):
    assert ok("date", value) == stored


@pytest.mark.parametrize("value", ["31/02/2026", "29/02/2025", "2026-13-01", "hier", "01/03/26",
                                   "01/03/1850", "12/12/2999", "32/01/2026", "31 Feb 2026",
                                   "01 Mars 2026x", "01 Foo 2026"])
def test_impossible_dates(value):
    err = bad("date", value)
    assert err.code == "invalid_date"
    assert "jj/mm/aaaa" in err.message_fr and "dd/mm/yyyy" in err.message_en


def test_parse_date_empty_is_none():
    assert parse_date("") is None and parse_date("  ") is None and parse_date(None) is None


@pytest.mark.parametrize("value, stored", [
    ("0612345678", "06 12 34 56 78"), ("06.12.34.56.78", "06 12 34 56 78"),
    ("+33 6 12 34 56 78", "06 12 34 56 78"), ("0033 1 45 67 89 10", "01 45 67 89 10"),
    ("+44 20 7946 0958", "+44 20 7946 0958"), ("+32 470 12 34 56", "+32 470 12 34 56"),
    ("0262 20 12 34", "+262 262 20 12 34"), ("0696 12 34 56", "+596 696 12 34 56"),
])
def test_phones(value, stored):
    assert ok("phone", value) == stored


def to_check(type_, value):
    """A contact detail that fails its check: kept as typed, with one warning, no error."""
    f = Field("x", type_, "X", "X")
    clean, problems = clean_value(f, value, today=TODAY)
    assert clean == " ".join(value.split())
    assert [(p.code, p.severity) for p in problems] == [("contact_to_check", "warning")]
    assert "à vérifier" in problems[0].message_fr and "to check" in problems[0].message_en
    return problems[0]


@pytest.mark.parametrize("value", ["06 12 34 56", "12345", "téléphone", "+33 6 12", "0000000000",
                                   "0691878382"])
def test_invalid_phones_are_kept_and_flagged(value):
    assert "téléphone" in to_check("phone", value).message_fr


@pytest.mark.parametrize("value, stored", [
    ("Helene.Dupont@Example.FR", "helene.dupont@example.fr"), (" a@b.co ", "a@b.co")])
def test_emails(value, stored):
    assert ok("email", value) == stored


@pytest.mark.parametrize("value", ["helene", "a@b", "a b@c.fr", "@example.fr", "a@@b.fr"])
def test_invalid_emails_are_kept_and_flagged(value):
    assert "courriel" in to_check("email", value).message_fr


def test_siret():
    assert ok("siret", "732 829 320 00074") == "73282932000074"
    err = bad("siret", "73282932000075")
    assert err.code == "invalid_siret" and "14 chiffres" in err.message_fr
    assert bad("siret", "732829320").code == "invalid_siret"


@pytest.mark.parametrize("value, stored", [("93200", "93200"), ("1000", "01000"),
                                           ("97400", "97400"), ("20 000", "20000")])
def test_postcodes(value, stored):
    assert ok("postcode", value) == stored


@pytest.mark.parametrize("value", ["932", "00100", "99000", "ABCDE", "932000"])
def test_invalid_postcodes(value):
    assert bad("postcode", value).code == "invalid_postcode"


def test_qpv_shape_without_reference_is_accepted_not_checked():
    f = Field("code_qpv", "qpv", "Code QPV", "QPV code")
    clean, problems = clean_value(f, "qn 07501m")
    assert clean == "QN07501M"
    assert [(p.code, p.severity) for p in problems] == [("qpv_not_checked", "warning")]
    assert "non vérifié" in problems[0].message_fr and "not checked" in problems[0].message_en
    clean, problems = clean_value(f, "QP093001", qpv_reference=None)
    assert clean == "QP093001" and problems[0].code == "qpv_not_checked"


def test_qpv_not_in_the_reference_is_kept_and_flagged():
    f = Field("code_qpv", "qpv", "Code QPV", "QPV code")
    clean, problems = clean_value(f, "QN09301M", qpv_reference={"QN09301M"})
    assert clean == "QN09301M" and problems == []
    clean, problems = clean_value(f, "QN09302N", qpv_reference={"QN09301M"})
    assert clean == "QN09302N"
    assert [(p.code, p.severity) for p in problems] == [("unknown_qpv", "warning")]


@pytest.mark.parametrize("value", ["QN07501M", "QN02A01I", "QN09140N", "QN97654C"])
def test_qpv_codes_end_in_m_i_n_or_c(value):
    assert ok("qpv", value) == value


@pytest.mark.parametrize("value", ["QN0750M", "Q07501M", "QN07501", "QP12345", "75001",
                                   "QN07501A", "QN07501Z"])
def test_qpv_bad_shape(value):
    assert bad("qpv", value).code == "invalid_qpv"


@pytest.mark.parametrize("value, stored", [(True, 1), (0, 0), ("oui", 1), ("Non", 0),
                                           ("x", 1), ("VRAI", 1), ("no", 0)])
def test_booleans(value, stored):
    assert ok("bool", value) == stored


def test_invalid_boolean():
    assert bad("bool", "peut-être").code == "invalid_bool"


def test_every_coded_field_accepts_codes_and_labels_and_refuses_others():
    coded = [(k, f) for k in KINDS.values() for f in k.fields if f.type in ("code", "codes")]
    assert len(coded) >= 10
    from citesdesk.core import codes

    for _kind, f in coded:
        codelist = codes.ALL[f.codelist]
        for c in codelist:
            assert clean_value(f, c.code)[0] == c.code
            assert clean_value(f, f"  {c.fr.upper()} ")[0] == c.code
        clean, problems = clean_value(f, "ZZZ_INCONNU")
        assert problems[0].code == "unknown_code"
        assert "Code inconnu « ZZZ_INCONNU »" in problems[0].message_fr
        assert codelist.values[0] in problems[0].message_fr  # says what is accepted


def test_several_codes():
    f = KINDS["participant"].field("freins")
    assert clean_value(f, "langue|Mobilité")[0] == "MOBILITE|LANGUE"
    assert clean_value(f, ["SANTE", "garde d'enfant"])[0] == "GARDE_ENFANT|SANTE"
    assert clean_value(f, "LANGUE|VOITURE")[1][0].code == "unknown_code"


def test_text_is_normalised():
    assert ok("text", "  He\u0301le\u0300ne ") == "Hélène"


def test_departement_and_url():
    assert ok("departement", "93") == "93" and ok("departement", "2a") == "2A"
    assert ok("departement", "974") == "974" and ok("departement", "1") == "01"
    assert bad("departement", "96").code == "invalid_departement"
    assert ok("url", "https://www.example.fr") == "https://www.example.fr"
    assert bad("url", "pas une adresse").code == "invalid_url"


def test_int_and_required():
    assert ok("int", "12") == 12
    assert bad("int", "douze").code == "invalid_int"
    assert bad("int", -3).code == "invalid_int"
    f = Field("x", "text", "X", "X", required=True)
    clean, problems = clean_value(f, "  ")
    assert problems[0].code == "required" and "obligatoire" in problems[0].message_fr


def test_record_errors_are_collected_together():
    with pytest.raises(ValidationFailed) as info:
        validate_record("participant", {"last_name": "", "first_name": "Zoé",
                                        "birth_date": "31/02/2000", "genre": "Z",
                                        "email": "zoe", "couleur": "bleu"}, today=TODAY)
    err = info.value
    assert {(e.field, e.code) for e in err.errors} == {
        ("last_name", "required"), ("birth_date", "invalid_date"), ("genre", "unknown_code"),
        ("couleur", "unknown_field")}  # the bad e-mail only warns: kept, flagged
    assert "birth_date : Date impossible" in err.message_fr
    assert "birth_date: Impossible date" in err.message_en
    assert err.for_field("genre")[0].value == "Z"


def test_record_cross_checks():
    with pytest.raises(ValidationFailed) as info:
        validate_record("participant", {"last_name": "A", "first_name": "B",
                                        "birth_date": "2027-01-01"}, today=TODAY)
    assert info.value.errors[0].code == "future_date"
    clean, warnings = validate_record("participant", {"last_name": "A", "first_name": "B",
                                                      "birth_date": "2020-01-01"}, today=TODAY)
    assert [w.code for w in warnings] == ["unlikely_age"]
    with pytest.raises(ValidationFailed) as info:
        validate_record("enrollment", {"participant_id": 1, "cohort_id": 1,
                                       "date_entree": "2026-02-01", "date_sortie": "2026-01-01",
                                       "motif_sortie": "CDI"})
    assert [e.code for e in info.value.errors] == ["exit_before_entry"]
    with pytest.raises(ValidationFailed) as info:
        validate_record("event", {"participant_id": 1, "type": "ENTRETIEN", "date": "2026-01-01",
                                  "code_contrat": "CDI"})
    assert info.value.errors[0].code == "not_allowed"
