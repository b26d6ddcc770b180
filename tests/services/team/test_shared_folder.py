"""The team's shared folder: chosen through the settings registry (checked, audited),
each laptop writes its file there and merges the others' new files once."""

import pytest

from citesdesk.core import settings
from citesdesk.core.errors import ValidationFailed
from citesdesk.services import records, team
from tests.services.team.helpers import make_team


def test_shared_folder_writes_mine_and_merges_the_others(tmp_path):
    a, b = make_team(tmp_path, 2)
    shared = tmp_path / "partage"
    shared.mkdir()
    for db in (a, b):
        team.set_shared_folder(db, str(shared), 10)
    assert team.shared_folder(a) == (str(shared), 10)
    p = records.find(a, "participant")[0]
    records.update(a, "participant", p["uuid"], {"commune": "Bron"})
    first = team.sync_shared_folder(a)
    assert first["written"] is not None and first["merged"] == []
    got = team.sync_shared_folder(b)
    assert [r.updated for r in got["merged"]] == [1] and got["refused"] == []
    assert records.get(b, "participant", p["uuid"])["commune"] == "Bron"
    # nothing new in the folder: nothing merged again
    assert team.sync_shared_folder(b)["merged"] == []
    assert len(list(shared.glob("*.citesequipe"))) == 2
    a.close()
    b.close()


def test_choosing_the_shared_folder_is_audited_and_checked(tmp_path):
    (a,) = make_team(tmp_path, 1)
    team.set_shared_folder(a, str(tmp_path), 30)
    logged = a.execute(
        "SELECT record_uuid FROM audit_log WHERE table_name = 'setting' ORDER BY id").fetchall()
    assert [r[0] for r in logged][-2:] == ["team_shared_folder", "team_shared_minutes"]
    with pytest.raises(ValidationFailed) as info:
        team.set_shared_folder(a, "", 1)
    assert "5–240" in info.value.errors[0].message_fr
    # refused as a whole: the folder was not emptied either
    assert settings.get(a, "team_shared_folder") == str(tmp_path)
    assert team.sync_shared_folder(a)["written"] is not None
    a.close()


def test_without_a_folder_or_with_the_usb_key_unplugged_nothing_happens(tmp_path):
    (a,) = make_team(tmp_path, 1)
    assert team.sync_shared_folder(a) == {"written": None, "merged": [], "refused": []}
    team.set_shared_folder(a, str(tmp_path / "cle-usb-absente"), 15)
    assert team.sync_shared_folder(a) == {"written": None, "merged": [], "refused": []}
    a.close()
