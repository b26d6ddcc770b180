"""A team merge takes the automatic backup « avant une fusion d'équipe » first (issue 12:
a backup before what rewrites much), once per command, never for a refused file."""

from __future__ import annotations

import pytest

from citesdesk.cli import main
from citesdesk.core import settings
from citesdesk.core.db import open_database
from citesdesk.services import backup, records, team
from tests.services.team.helpers import make_team, new_file


@pytest.fixture
def pair(tmp_path):
    a, b = make_team(tmp_path, 2)
    settings.put(b, "backup_folder", str(tmp_path / "sauvegardes"))
    yield a, b
    a.close()
    b.close()


def _fusions(tmp_path, db_path):
    return [s for s in backup.snapshots(tmp_path / "sauvegardes", db_path.stem)
            if s.reason.startswith("fusion")]


def test_merge_backs_up_the_database_as_it_was_before(tmp_path, pair):
    a, b = pair
    p = records.find(a, "participant")[0]
    records.update(a, "participant", p["uuid"], {"commune": "Bron"})
    team.merge(b, team.export(a, new_file(tmp_path)).path)
    [snap] = _fusions(tmp_path, b.path)
    # the backup holds the database before the merge: not yet the colleague's edit
    before = open_database(snap.path, readonly=True)
    try:
        assert records.get(before, "participant", p["uuid"])["commune"] != "Bron"
    finally:
        before.close()
    assert records.get(b, "participant", p["uuid"])["commune"] == "Bron"


def test_a_refused_file_takes_no_backup(tmp_path, pair):
    _a, b = pair
    bad = tmp_path / "x.citesequipe"
    bad.write_text("?", "utf-8")
    with pytest.raises(team.TeamRefused):
        team.merge(b, bad)
    assert _fusions(tmp_path, b.path) == []


def test_cli_merge_of_several_files_takes_one_backup(tmp_path, pair, capsys):
    a, b = pair
    p = records.find(a, "participant")[0]
    first = team.export(a, new_file(tmp_path)).path
    records.update(a, "participant", p["uuid"], {"commune": "Bron"})
    second = team.export(a, new_file(tmp_path)).path
    path = b.path
    b.close()
    assert main(["team", "merge", "--db", str(path), str(first), str(second)]) == 0
    assert len(_fusions(tmp_path, path)) == 1
    assert "1 modifié(s)" in capsys.readouterr().out
