"""An empty site: every screen says what to do first, with the button that does it; the
dashboard draws no chart (an empty chart's axes read « 1 0 0 0 0 »)."""

from __future__ import annotations

import pytest

from citesdesk.gui.screens.base import EmptyHint


def _settle(app, qtbot) -> None:
    for _ in range(2):
        qtbot.wait(50)
        qtbot.waitUntil(lambda: not app.runner.busy(), timeout=30000)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_empty_screen_says_what_to_do(make_app, site_path, qtbot, lang):
    app = make_app(site_path, lang)
    app.window.resize(1024, 700)
    app.window.show()
    hints = {}
    for screen in app.window.screens:
        app.window.show_screen(screen.key)
        _settle(app, qtbot)
        shown = [h for h in screen.findChildren(EmptyHint) if not h.isHidden()]
        hints[screen.key] = [(h.label.text(), h.button.text() if h.button else None)
                             for h in shown]
    # a sentence, and (except where nothing is to be done) the button that does it
    for key in ("dashboard", "participants", "cohorts", "partners", "referrals", "imports"):
        assert len(hints[key]) == 1, key
        text, button = hints[key][0]
        assert len(text) > 60 and button, key
    assert hints["retention"] and hints["retention"][0][1] is None
    assert len(hints["bin"]) == 1 and hints["bin"][0][1] is None  # nothing to do there
    # the team's hint names the buttons right below it (add a colleague, copy for a laptop)
    assert len(hints["team"]) == 1 and hints["team"][0][1] is None
    assert "Ajouter un collègue" in hints["team"][0][0] or "Add a colleague" in hints["team"][0][0]
    dashboard = app.window.screen("dashboard")
    assert dashboard.months_view.isHidden() and dashboard.groups_view.isHidden()
    assert dashboard.cohorts_view.isHidden() and not dashboard.no_chart.isHidden()
    if lang == "fr":
        assert hints["participants"][0][1] == "Nouveau participant"
        assert hints["cohorts"][0][1] == "Créer la première cohorte"


def test_the_hint_buttons_do_what_they_say(make_app, site_path, qtbot):
    from citesdesk.gui.participant_form import ParticipantDialog

    app = make_app(site_path)
    app.window.show()
    participants = app.window.show_screen("participants")
    _settle(app, qtbot)
    participants.empty_hint.button.click()
    from PySide6.QtWidgets import QApplication

    opened = [w for w in QApplication.topLevelWidgets()
              if isinstance(w, ParticipantDialog) and w.isVisible()]
    assert [d.windowTitle() for d in opened] == ["Nouveau participant"]
    opened[0].close()
    cohorts = app.window.show_screen("cohorts")
    _settle(app, qtbot)
    cohorts.empty_hint.button.click()
    assert cohorts.tabs.currentWidget() is cohorts.form_page
