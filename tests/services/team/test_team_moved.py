"""A database file copied by hand to another computer or account (SYNC.md, point 7): the
window asks whether it is the copy for a new laptop; a command takes a new node at once and
says so in one line."""

from __future__ import annotations

import pytest

from citesdesk.cli import main
from citesdesk.core import node
from citesdesk.core.db import open_database
from citesdesk.services import records
from citesdesk.services.team import keys
from tests.services.team.helpers import make_site


@pytest.fixture
def moved(tmp_path):
    """A site database last written on another computer; its node and fingerprint."""
    db = make_site(tmp_path / "copie.sqlite")
    before = (db.clock.node, keys.my_key(db).fingerprint)
    db.set_setting(node.HOST_SETTING, "ancien-portable|nadia")
    db.close()
    return tmp_path / "copie.sqlite", before


def test_the_window_policy_changes_nothing_until_answered_no_keeps_the_laptop(
        moved, monkeypatch):
    path, (old, fingerprint) = moved
    monkeypatch.setitem(node.ON_MOVED, "policy", "ask")
    db = open_database(path)
    try:
        assert db.moved == "ask" and db.clock.node == old
        assert db.setting(node.HOST_SETTING) == "ancien-portable|nadia"
        node.settle(db, new_laptop=False)  # the same person, a new computer
        assert db.clock.node == old and keys.my_key(db).fingerprint == fingerprint
        p = records.create(db, "participant", {"last_name": "Neuf", "first_name": "Ana"})
        assert p["hlc"].endswith(old)
    finally:
        db.close()
    again = open_database(path)  # settled: not asked again
    assert again.moved is False
    again.close()


def test_answered_yes_a_new_laptop_with_its_own_node_and_keys(moved, monkeypatch):
    path, (old, fingerprint) = moved
    monkeypatch.setitem(node.ON_MOVED, "policy", "ask")
    db = open_database(path)
    try:
        node.settle(db, new_laptop=True)
        assert db.moved is True and db.clock.node != old
        assert db.setting("clock_node") == db.clock.node
        assert keys.my_key(db).fingerprint != fingerprint  # keys of its own
        assert old in dict(db.execute("SELECT node, hlc FROM version_vector").fetchall())
        p = records.create(db, "participant", {"last_name": "Neuf", "first_name": "Ana"})
        assert p["hlc"].endswith(db.clock.node)
    finally:
        db.close()
    again = open_database(path)
    assert again.moved is False
    again.close()


def test_a_command_takes_a_new_node_and_says_so(moved, capsys):
    path, (old, fingerprint) = moved
    assert main(["team", "conflicts", "--db", str(path)]) == 0
    err = capsys.readouterr().err
    assert err.startswith("« copie.sqlite » a été copiée depuis un autre ordinateur ou un "
                          "autre compte : elle écrit désormais comme un nouveau poste (")
    assert f"auparavant {old})" in err and "citesdesk team copy" in err
    db = open_database(path)
    try:
        assert db.clock.node != old and db.moved is False
        assert keys.my_key(db).fingerprint == fingerprint  # a command keeps the keys
    finally:
        db.close()
    assert main(["team", "conflicts", "--db", str(path), "--lang", "en"]) == 0
    assert capsys.readouterr().err == ""  # once only
