"""Dates in sentences follow the language like the screens do: « 03/12/2026 » in French,
« 03 Dec 2026 » in English — in the journal's changes, the refusals and the journey."""

import pytest

from citesdesk.core.errors import ValidationFailed
from citesdesk.services import audit, enrollments, journey, records, referrals


def test_journal_changes_write_dates_in_the_language():
    changes = {"today": [None, "2026-12-03"]}
    assert "03/12/2026" in audit.changes_text(changes, lang="fr")
    assert "03 Dec 2026" in audit.changes_text(changes, lang="en")


def test_refusals_and_journey_write_dates_in_the_language(db):
    records.create(db, "site", {"name": "Cité de l'emploi de Bron", "site_code": "CDE-69-002"})
    anne = records.create(db, "participant", {"last_name": "Morel", "first_name": "Anne"})
    afpa = records.create(db, "partner", {"name": "AFPA Bron", "type": "ORGANISME_FORMATION"})
    group = records.create(db, "cohort", {"name": "Cohorte 2026", "start_date": "2026-01-05"})
    enrollments.enroll(db, anne["uuid"], group["uuid"], "2026-02-01")
    with pytest.raises(ValidationFailed) as info:
        enrollments.enroll(db, anne["uuid"], group["uuid"], "2026-03-01")
    assert "depuis le 01/02/2026" in info.value.errors[0].message_fr
    assert "since 01 Feb 2026" in info.value.errors[0].message_en
    ref = referrals.create_referral(db, anne["uuid"], afpa["uuid"], "2026-11-20")
    with pytest.raises(ValidationFailed) as info:
        referrals.change_status(db, ref["uuid"], "ACCEPTEE", "2026-11-01")
    assert "(20/11/2026)" in info.value.errors[0].message_fr
    assert "(20 Nov 2026)" in info.value.errors[0].message_en
    referrals.change_status(db, ref["uuid"], "ACCEPTEE", "2026-11-25")
    details = [i["detail"] for i in journey.timeline(db, anne["uuid"], lang="en")
               if i["kind"] == "referral"]
    assert details == ["Accepted on 25 Nov 2026"]
    details = [i["detail"] for i in journey.timeline(db, anne["uuid"], lang="fr")
               if i["kind"] == "referral"]
    assert details == ["Acceptée le 25/11/2026"]
