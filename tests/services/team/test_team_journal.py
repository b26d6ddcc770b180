"""The audit journal travels between the team's laptops (SYNC.md, model point 2): a union
by uuid, with the erasure rules."""

from __future__ import annotations

import json

import pytest

from citesdesk.core import settings
from citesdesk.core.schema import purge_key
from citesdesk.services import records, retention, team
from tests.services.team.helpers import make_team, new_file


@pytest.fixture
def pair(tmp_path):
    a, b = make_team(tmp_path, 2)
    yield a, b
    a.close()
    b.close()


def _entries(db, uuid):
    return db.execute("SELECT uuid, actor, action, changes FROM audit_log "
                      "WHERE record_uuid = ? ORDER BY hlc", [uuid]).fetchall()


def test_a_colleagues_entries_arrive_once_with_who_did_what(tmp_path, pair):
    a, b = pair
    settings.put(a, "current_coordinator", "Nadia Ferhat")
    p = records.find(a, "participant")[0]
    records.update(a, "participant", p["uuid"], {"commune": "Bron"})
    mine = _entries(a, p["uuid"])
    assert mine[-1][1:3] == ("Nadia Ferhat", "update")
    f = team.export(a, new_file(tmp_path))
    assert f.as_dict()["path"].endswith(".citesequipe")
    result = team.merge(b, f.path)
    assert result.journal >= 1
    # b's journal holds a's entries about the person, same uuid, who and what changed
    assert _entries(b, p["uuid"]) == mine
    assert json.loads(_entries(b, p["uuid"])[-1][3])["commune"][1] == "Bron"
    size = b.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    again = team.merge(b, f.path)  # a replay adds only the line saying it was merged
    assert again.journal == 0
    assert b.execute("SELECT count(*) FROM audit_log").fetchone()[0] == size + 1
    # and back: a does not double its own entries
    team.merge(a, team.export(b, new_file(tmp_path)).path)
    assert _entries(a, p["uuid"]) == mine


def test_entries_about_an_erased_person_never_travel_nor_come_back(tmp_path, pair):
    a, b = pair
    p = records.find(a, "participant")[0]
    records.update(b, "participant", p["uuid"], {"commune": "Bron"})
    before_erasure = team.export(b, new_file(tmp_path)).path  # b's entries about p
    assert b.execute("SELECT count(*) FROM audit_log WHERE record_uuid = ?",
                     [p["uuid"]]).fetchone()[0] >= 1
    retention.purge(a, [p["uuid"]], on_request=True)
    assert _entries(a, p["uuid"]) == []
    team.merge(a, before_erasure)  # arriving after the erasure: not written
    assert _entries(a, p["uuid"]) == []
    from_a = team.export(a, new_file(tmp_path), full=True).path
    team.merge(b, from_a)  # the purge arrives: b's entries about p are gone too
    assert _entries(b, p["uuid"]) == []
    # and the file itself says nothing of p: no uuid, only the purge mark's hash
    from citesdesk.services.team import fileformat, keys

    body = fileformat.open_file(from_a, keys.age_identity(b)).changes.decode("utf-8")
    assert p["uuid"] not in body and purge_key(p["uuid"]) in body
