"""What every screen receives: the task runner, a read connection, the language, and
navigation towards other screens (set by the main window)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from citesdesk.core.db import SiteDatabase
from citesdesk.gui.reads import Reader
from citesdesk.gui.tasks import TaskRunner


@dataclass
class AppContext:
    runner: TaskRunner
    # A read-only connection for small page queries in the GUI thread (a few ms each).
    # Anything longer, and every write, goes through ``runner.submit``.
    reader: SiteDatabase
    db_path: Path
    lang: str = "fr"
    # Filled by the main window: ``open_participant(uuid or None)`` (None = new),
    # ``show_screen(key)``.
    navigation: dict[str, Callable[..., Any]] = field(default_factory=dict)
    # The read thread for view queries over many rows (``None``: run them in place).
    reads: Reader | None = None

    def read(self, key: object, fn: Callable[..., Any], *args: Any,
             on_done: Callable[[Any], None]) -> None:
        """Run ``fn(db, *args)`` on a read connection and call ``on_done(result)`` here.

        Off the GUI thread when the application has a read thread; the latest request
        per ``key`` wins.
        """
        if self.reads is None:
            on_done(fn(self.reader, *args))
        else:
            self.reads.submit(key, fn, *args, on_done=on_done)

    def open_participant(self, uuid: str | None = None) -> None:
        handler = self.navigation.get("open_participant")
        if handler is not None:
            handler(uuid)

    def show_screen(self, key: str) -> None:
        handler = self.navigation.get("show_screen")
        if handler is not None:
            handler(key)
