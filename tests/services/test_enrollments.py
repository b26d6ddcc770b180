"""Enrollments in cohorts: entry, exit with its reason, no double enrollment."""

import pytest

from citesdesk.core.errors import ValidationFailed
from citesdesk.services import enrollments, records


@pytest.fixture
def setup(db):
    person = records.create(db, "participant", {"last_name": "Dupont", "first_name": "Léa"})
    cohort = records.create(db, "cohort", {"name": "Cohorte printemps"})
    return person, cohort


def test_enroll_and_exit(db, setup):
    person, cohort = setup
    row = enrollments.enroll(db, person["uuid"], cohort, "05/01/2026")
    assert row["date_entree"] == "2026-01-05" and row["date_sortie"] is None
    assert [r["uuid"] for r in enrollments.open_enrollments(db, person)] == [row["uuid"]]
    done = enrollments.exit_enrollment(db, row["uuid"], "30/06/2026", "cdi")
    assert done["date_sortie"] == "2026-06-30" and done["motif_sortie"] == "CDI"
    assert enrollments.open_enrollments(db, person) == []


def test_no_two_open_enrollments_in_one_cohort(db, setup):
    person, cohort = setup
    enrollments.enroll(db, person, cohort, "2026-01-05")
    with pytest.raises(ValidationFailed) as info:
        enrollments.enroll(db, person, cohort, "2026-02-01")
    err = info.value.errors[0]
    assert err.code == "already_enrolled"
    assert "déjà inscrit·e" in err.message_fr and "05/01/2026" in err.message_fr
    assert db.execute("SELECT count(*) FROM enrollment").fetchone()[0] == 1
    other = records.create(db, "cohort", {"name": "Autre"})
    enrollments.enroll(db, person, other, "2026-02-01")  # another cohort is fine


def test_re_entry_after_exit_but_not_inside_the_earlier_stay(db, setup):
    person, cohort = setup
    first = enrollments.enroll(db, person, cohort, "2026-01-05")
    enrollments.exit_enrollment(db, first, "2026-03-31", "ABANDON")
    with pytest.raises(ValidationFailed) as info:
        enrollments.enroll(db, person, cohort, "2026-02-15")
    assert info.value.errors[0].code == "overlaps"
    again = enrollments.enroll(db, person, cohort, "2026-05-02")
    assert again["date_entree"] == "2026-05-02"
    with pytest.raises(ValidationFailed) as info:
        enrollments.cancel_exit(db, first)
    assert info.value.errors[0].code == "later_enrollment"


def test_exit_checks(db, setup):
    person, cohort = setup
    row = enrollments.enroll(db, person, cohort, "2026-01-05")
    with pytest.raises(ValidationFailed) as info:
        enrollments.exit_enrollment(db, row, "2026-01-04", "CDI")
    assert info.value.errors[0].code == "exit_before_entry"
    with pytest.raises(ValidationFailed) as info:
        enrollments.exit_enrollment(db, row, "2026-02-01", "")
    assert [e.field for e in info.value.errors] == ["motif_sortie"]
    with pytest.raises(ValidationFailed) as info:
        enrollments.exit_enrollment(db, row, "2026-02-01", "VACANCES")
    assert info.value.errors[0].code == "unknown_code"
    with pytest.raises(ValidationFailed) as info:
        enrollments.exit_enrollment(db, row, "31/02/2026", "CDI")
    assert info.value.errors[0].code == "invalid_date"
    assert records.get(db, "enrollment", row["id"])["date_sortie"] is None


def test_cancel_exit(db, setup):
    person, cohort = setup
    row = enrollments.enroll(db, person, cohort, "2026-01-05")
    enrollments.exit_enrollment(db, row, "2026-02-01", "SANS_NOUVELLES")
    reopened = enrollments.cancel_exit(db, row)
    assert reopened["date_sortie"] is None and reopened["motif_sortie"] is None


def test_bad_entry_date_is_reported_as_such(db, setup):
    with pytest.raises(ValidationFailed) as info:
        enrollments.enroll(db, *setup, "hier")
    assert info.value.errors[0].code == "invalid_date"
