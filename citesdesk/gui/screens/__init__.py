"""The screens of the main window's sidebar, in order.

To add a screen: write ``citesdesk/gui/screens/<name>.py`` with a ``Screen`` subclass
and add ONE line ``"module:Class",`` below at its place. Entries whose module does not
exist (yet) are skipped, so a line can land before its module.
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
    "citesdesk.gui.screens.bin:BinScreen",
    "citesdesk.gui.screens.audit:AuditScreen",
]


def load_screen_class(entry: str) -> type | None:
    """The class of one ``"module:Class"`` entry; ``None`` if its module does not exist."""
    module_name, _, class_name = entry.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            return None
        raise
    return getattr(module, class_name)


def screen_classes() -> list[type]:
    return [cls for cls in map(load_screen_class, SCREENS) if cls is not None]
