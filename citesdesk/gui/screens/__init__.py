"""The screens of the main window's sidebar, in order.

To add a screen: write ``citesdesk/gui/screens/<name>.py`` with a ``Screen`` subclass
and add ONE line ``"module:Class",`` below at its place. A line whose module is missing
or broken is an error at start (never a silently missing screen).
"""

from __future__ import annotations

import importlib

SCREENS: list[str] = [
    "citesdesk.gui.screens.dashboard:DashboardScreen",
    "citesdesk.gui.screens.participants:ParticipantsScreen",
    "citesdesk.gui.screens.cohorts:CohortsScreen",
    "citesdesk.gui.screens.partners:PartnersScreen",
    "citesdesk.gui.screens.referrals:ReferralsScreen",
    "citesdesk.gui.screens.imports:ImportsScreen",
    "citesdesk.gui.screens.exports:ExportsScreen",
    "citesdesk.gui.screens.evaluation:EvaluationScreen",
    "citesdesk.gui.screens.team:TeamScreen",
    "citesdesk.gui.screens.bin:BinScreen",
    "citesdesk.gui.screens.retention:RetentionScreen",
    "citesdesk.gui.screens.audit:AuditScreen",
]


def load_screen_class(entry: str) -> type:
    """The class of one ``"module:Class"`` entry (an import error propagates)."""
    module_name, _, class_name = entry.partition(":")
    return getattr(importlib.import_module(module_name), class_name)


def screen_classes() -> list[type]:
    return [load_screen_class(entry) for entry in SCREENS]
