"""A small demonstration site, built once per test session and copied for each test."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from citesdesk.core.db import open_database

_BUILT: dict[int, Path] = {}
# The demo's "today": fixed, so that what each screen shows does not depend on the day.
DEMO_TODAY = dt.date(2026, 11, 20)


def demo_copy(tmp_path_factory, target: Path, participants: int = 80) -> Path:
    """A copy at ``target`` of a demo site of ``participants`` people."""
    from citesdesk.services import demo

    source = _BUILT.get(participants)
    if source is None:
        source = tmp_path_factory.mktemp("demo") / f"demo-{participants}.sqlite"
        db = open_database(source, create=True)
        demo.build_demo(db, participants=participants, seed=1, today=DEMO_TODAY)
        db.close()
        _BUILT[participants] = source
    shutil.copyfile(source, target)
    return target
