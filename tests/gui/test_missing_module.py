"""A missing or broken module is an error at start, never a silently missing feature."""

from __future__ import annotations

import pytest

from citesdesk.gui.screens import SCREENS, load_screen_class, screen_classes


def test_every_screen_of_the_sidebar_loads():
    assert len(screen_classes()) == len(SCREENS)


def test_a_screen_whose_module_is_missing_stops_the_start():
    with pytest.raises(ModuleNotFoundError):
        load_screen_class("citesdesk.gui.screens.no_such_screen:NoSuchScreen")


def test_a_broken_screen_module_is_not_skipped(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "citesdesk.gui.screens.cohorts", None)  # import fails
    with pytest.raises(ImportError):
        screen_classes()


