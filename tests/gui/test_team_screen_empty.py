"""The « Équipe » screen before any exchange: its empty lists say what to do, and
« Garder cette valeur » waits until a value is chosen."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_empty_team_screen_says_what_to_do(make_app, site_path, qtbot, lang):
    app = make_app(site_path, lang)
    app.window.resize(1024, 700)
    app.window.show()
    screen = app.window.show_screen("team")
    qtbot.waitUntil(lambda: screen.data is not None, timeout=30000)
    assert screen.members.rowCount() == 0 and screen.conflicts.rowCount() == 0
    assert screen.no_members.isVisible() and screen.no_conflicts.isVisible()
    words = {"fr": ("Ajouter un collègue", "Garder cette valeur"),
             "en": ("Add a colleague", "Keep this value")}[lang]
    assert words[0] in screen.no_members.label.text()
    assert words[1] in screen.no_conflicts.text()
    assert not screen.keep_button.isEnabled()
    # the conflicts keep their room: the colleagues' list does not take the whole screen
    assert screen.conflicts.height() >= screen.fontMetrics().height() * 3
