"""The window opening a database copied from another computer asks, before its first
write, whether it is the copy for a new laptop (SYNC.md, point 7)."""

from __future__ import annotations

import pytest

from citesdesk.core import node
from citesdesk.core.db import open_database
from citesdesk.gui.dialogs import Dialog
from citesdesk.gui.team_moved import ask_policy
from tests.services.team.helpers import make_site

QUESTION = ("Cette base a été copiée depuis un autre ordinateur ou un autre compte. "
            "Est-ce la copie pour un nouveau poste\u00a0?")


@pytest.fixture
def copied(tmp_path, monkeypatch):
    monkeypatch.setattr(node, "ON_MOVED", dict(node.ON_MOVED))
    ask_policy()
    db = make_site(tmp_path / "copie.sqlite")
    old = db.clock.node
    db.set_setting(node.HOST_SETTING, "ancien-portable|nadia")
    db.close()
    Dialog.reset()
    yield tmp_path / "copie.sqlite", old
    Dialog.reset()


@pytest.mark.parametrize("answer", ["yes", "no"])
def test_the_window_asks_and_does_what_was_answered(copied, make_app, answer):
    path, old = copied
    Dialog.script(answer)
    app = make_app(path, "fr")
    asked = [s for s in Dialog.shown if s[0] == "ask"]
    assert asked == [("ask", "Base copiée", QUESTION)]
    assert (app.writer.clock.node != old) == (answer == "yes")
    app.close()
    db = open_database(path)
    try:
        assert db.moved is False  # settled: not asked again
        assert (db.setting("clock_node") != old) == (answer == "yes")
    finally:
        db.close()


def test_a_database_not_moved_asks_nothing(tmp_path, make_app, monkeypatch):
    monkeypatch.setattr(node, "ON_MOVED", dict(node.ON_MOVED))
    ask_policy()
    make_site(tmp_path / "ici.sqlite").close()
    Dialog.reset()
    make_app(tmp_path / "ici.sqlite", "fr")
    assert [s for s in Dialog.shown if s[0] == "ask"] == []
