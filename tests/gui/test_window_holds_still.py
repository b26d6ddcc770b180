"""The window holds still at 1024×700: going from screen to screen never makes it taller
than the screen (the empty site's cohort form pushed it to 728 px, its status bar out of
sight); a screen taller than the window scrolls inside it."""

from __future__ import annotations

import pytest

from tests.gui.demo_site import demo_copy


def _walk(app, qtbot) -> list[str]:
    window = app.window
    window.resize(1024, 700)
    window.show()
    jumps = []
    for screen in window.screens:
        window.show_screen(screen.key)
        qtbot.wait(50)
        qtbot.waitUntil(lambda: not app.runner.busy(), timeout=30000)
        qtbot.wait(50)
        if window.height() > 700 or window.width() > 1024:
            jumps.append(f"{screen.key}: {window.width()}×{window.height()}")
        assert window.statusBar().isVisible()
    return jumps


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_empty_site(make_app, site_path, qtbot, lang):
    assert _walk(make_app(site_path, lang), qtbot) == []


def test_demo_site(make_app, tmp_path, tmp_path_factory, qtbot):
    app = make_app(demo_copy(tmp_path_factory, tmp_path / "demo.sqlite"), "fr")
    assert _walk(app, qtbot) == []
