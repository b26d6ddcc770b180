"""Declared settings (types, defaults, audit) and the site row."""

import json

import pytest
from pyrage import x25519

from citesdesk.core import settings
from citesdesk.core.errors import ValidationFailed
from citesdesk.services import site


def test_defaults(db):
    values = settings.all_settings(db)
    assert values["language"] == "fr"
    assert values["retention_months"] == 24
    assert values["recipients"] == []
    assert values["current_coordinator"] == ""
    assert values["notice_version"] == "1"
    assert values["export_folder"] and values["backup_folder"]


def test_put_checks_types_and_audits(db):
    assert settings.put(db, "retention_months", "36") == 36
    assert settings.get(db, "retention_months") == 36
    assert db.setting("retention_months") == 36
    entry = db.execute("SELECT action, table_name, record_uuid, changes FROM audit_log "
                       "ORDER BY id DESC").fetchone()
    assert entry[:3] == ("update", "setting", "retention_months")
    assert json.loads(entry[3]) == {"retention_months": [None, 36]}
    for key, value in [("retention_months", "deux ans"), ("retention_months", 0),
                       ("language", "de"), ("recipients", ["age1pasunecle"]), ("couleur", "x")]:
        with pytest.raises(ValidationFailed) as info:
            settings.put(db, key, value)
        assert info.value.errors[0].message_fr and info.value.errors[0].message_en
    assert settings.get(db, "retention_months") == 36


def test_recipients_are_age_keys(db):
    key = str(x25519.Identity.generate().to_public())
    assert settings.put(db, "recipients", f"{key}\n") == [key]
    assert settings.get(db, "recipients") == [key]


def test_unusable_stored_value_falls_back_to_default(db):
    db.set_setting("language", "klingon")
    db.set_setting("retention_months", "beaucoup")
    assert settings.get(db, "language") == "fr"
    assert settings.get(db, "retention_months") == 24


def test_current_coordinator_is_the_audit_actor(db):
    settings.put(db, "current_coordinator", "  Awa Diallo ")
    assert db.actor() == "Awa Diallo"


def test_site_is_one_row(db):
    assert site.get_site(db) is None
    row = site.save_site(db, {"name": "Cité de l'emploi de Bobigny", "site_code": "CE93-01",
                              "departement": "93", "qpv_codes": ["qn09310m", "Franc Moisin - "
                                                                  "Cosmonautes - Cristino Garcia - Landy"],
                              "coordinators": ["Awa Diallo", "Marc Petit"]})
    assert row["qpv_codes"] == "QN09310M|QN09328M"
    assert row["warnings"] == []
    site.save_site(db, {"name": "Cité de l'emploi Bobigny-Drancy"})
    assert db.execute("SELECT count(*) FROM site").fetchone()[0] == 1
    current = site.get_site(db)
    assert current["name"] == "Cité de l'emploi Bobigny-Drancy" and current["site_code"] == "CE93-01"
    assert site.coordinators(db) == ["Awa Diallo", "Marc Petit"]
    assert db.actor() == "Awa Diallo"


def test_site_qpvs_checked_against_the_loaded_list(db):
    db.execute("INSERT INTO qpv(code, name, loaded_at) VALUES ('QN09301M', 'Karl Marx', '2026')")
    row = site.save_site(db, {"name": "S", "site_code": "C", "qpv_codes": "QN09301M"})
    assert row["warnings"] == []
    row = site.save_site(db, {"qpv_codes": "QN09301M|QN09399M"})  # kept, flagged
    assert row["qpv_codes"] == "QN09301M|QN09399M"
    assert [w.code for w in row["warnings"]] == ["unknown_qpv"]
    with pytest.raises(ValidationFailed) as info:
        site.save_site(db, {"qpv_codes": "QN09399Z"})
    assert info.value.errors[0].code == "invalid_qpv"
    with pytest.raises(ValidationFailed) as info:
        site.save_site(db, {"departement": "99"})
    assert info.value.errors[0].code == "invalid_departement"


def test_national_keys_go_through_the_registry_and_are_audited(db):
    from citesdesk.services.bundle import keys

    one, two = (str(x25519.Identity.generate().to_public()) for _ in range(2))
    assert keys.set_recipients(db, [one, f"  {two} ", one]) == [one, two]
    assert settings.get(db, "recipients") == [one, two]
    entry = db.execute("SELECT record_uuid, changes FROM audit_log WHERE table_name = 'setting' "
                       "ORDER BY id DESC LIMIT 1").fetchone()
    assert entry[0] == "recipients" and json.loads(entry[1]) == {"recipients": [None, [one, two]]}
    # the settings dialog and a key file are read by the same pattern
    assert settings.recipients_in(f"# clé\n{two}\nAGE-SECRET-KEY-1XYZ\n{one} {two}") == [two, one]
