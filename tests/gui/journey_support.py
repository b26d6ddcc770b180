"""Helpers for the journey, notes, cohorts and bin screens' tests."""

from __future__ import annotations

from citesdesk.services import records


def wait_ready(qtbot, dialog) -> None:
    """Wait until a dialog has read what it shows (its ``ready`` signal)."""
    if not dialog.is_ready:
        with qtbot.waitSignal(dialog.ready, timeout=30000):
            pass


def person(db, last="Martin", first="Hélène", **kw) -> str:
    return records.create(db, "participant", {"last_name": last, "first_name": first,
                                              **kw})["uuid"]


def cohort(db, name="Cohorte printemps", **kw) -> str:
    return records.create(db, "cohort", {"name": name, **kw})["uuid"]


def fr(text: str) -> str:
    """French typography as the screens write it: no-break spaces before ``: ; ? !`` and
    inside « »."""
    nb = "\u00a0"
    for a, b in ((" :", nb + ":"), (" ;", nb + ";"), (" ?", nb + "?"), (" !", nb + "!"),
                 ("« ", "«" + nb), (" »", nb + "»")):
        text = text.replace(a, b)
    return text
