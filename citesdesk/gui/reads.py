"""Reads for views that may take longer than a few milliseconds, off the GUI thread.

The writing connection belongs to the :class:`~citesdesk.gui.tasks.TaskRunner`. Views
that need a query over many rows (the sorted, filtered ids of 100,000 participants, the
distinct referents…) submit it here: one thread with its own read-only connection runs
``fn(db, *args)``. Requests carry a key; a newer request with the same key makes older
ones stale — they are skipped if not started, and their results are dropped — so typing
fast in a search field runs only the queries that still matter.

``Reader(None)`` is the same thread without a database (``fn(None, *args)``): for slow work
that needs none — decrypting a bundle, creating the first site before any connection
exists — in a window that has no site database open.
"""

from __future__ import annotations

import itertools
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from citesdesk.core.db import SiteDatabase, open_database


class _ReadWorker(QObject):
    done = Signal(object, int, object)  # key, generation, result
    failed = Signal(object, int, object, str)

    def __init__(self, path: Path | None, latest: dict) -> None:
        super().__init__()
        self.path = path
        self.latest = latest
        self.db: SiteDatabase | None = None

    @Slot(object, int, object, tuple)
    def run(self, key: object, generation: int, fn: Callable, args: tuple) -> None:
        if self.latest.get(key, generation) > generation:
            return  # a newer request for the same view is queued
        try:
            if self.db is None and self.path is not None:
                self.db = open_database(self.path, readonly=True)
            result = fn(self.db, *args)
        except Exception as exc:  # noqa: BLE001 - reported to the GUI thread
            self.failed.emit(key, generation, exc, traceback.format_exc())
        else:
            self.done.emit(key, generation, result)

    @Slot()
    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None


class Reader(QObject):
    """One read thread for the views; latest request per key wins."""

    _run = Signal(object, int, object, tuple)
    _close = Signal()

    def __init__(self, db_path: str | Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._latest: dict[object, int] = {}
        self._callbacks: dict[tuple[object, int], tuple[Callable[[Any], None],
                                                        Callable[[BaseException], None] | None]] = {}
        self._generation = itertools.count(1)
        self._thread = QThread()
        self._thread.setObjectName("citesdesk-read")
        self._worker = _ReadWorker(None if db_path is None else Path(db_path), self._latest)
        self._worker.moveToThread(self._thread)
        self._run.connect(self._worker.run, Qt.ConnectionType.QueuedConnection)
        self._close.connect(self._worker.close, Qt.ConnectionType.BlockingQueuedConnection)
        self._worker.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._worker.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._thread.start()

    def submit(self, key: object, fn: Callable[..., Any], *args: Any,
               on_done: Callable[[Any], None],
               on_error: Callable[[BaseException], None] | None = None) -> int:
        """Run ``fn(db, *args)`` on the read thread; ``on_done(result)`` here, or
        ``on_error(exception)`` (without it, an error is reported as unexpected)."""
        generation = next(self._generation)
        self._latest[key] = generation
        self._callbacks[(key, generation)] = (on_done, on_error)
        self._run.emit(key, generation, fn, args)
        return generation

    def _stale(self, key: object, generation: int) -> bool:
        return self._latest.get(key) != generation

    @Slot(object, int, object)
    def _on_done(self, key: object, generation: int, result: Any) -> None:
        callbacks = self._callbacks.pop((key, generation), None)
        self._drop_older(key, generation)
        if callbacks is not None and not self._stale(key, generation):
            callbacks[0](result)

    @Slot(object, int, object, str)
    def _on_failed(self, key: object, generation: int, exc: BaseException, tb: str) -> None:
        callbacks = self._callbacks.pop((key, generation), None)
        self._drop_older(key, generation)
        if callbacks is not None and callbacks[1] is not None:
            if not self._stale(key, generation):
                callbacks[1](exc)
            return
        from citesdesk.gui.errors import report_unexpected

        report_unexpected(exc, tb)

    def _drop_older(self, key: object, generation: int) -> None:
        for k, g in list(self._callbacks):
            if k == key and g < generation:
                del self._callbacks[(k, g)]

    def shutdown(self) -> None:
        """Stop the read thread; results it sent meanwhile are dropped, not delivered
        to views that are going away."""
        if self._thread.isRunning():
            self._close.emit()
            self._thread.quit()
            self._thread.wait()
        QCoreApplication.removePostedEvents(self)
        self._callbacks.clear()


#: The one-off threads at work (kept here so that none is collected while it runs).
_ONE_OFF: set[Reader] = set()


def in_background(owner: QObject, fn: Callable[..., Any], *args: Any,
                  on_done: Callable[[Any], None],
                  on_error: Callable[[BaseException], None]) -> Reader:
    """Run ``fn(None, *args)`` once, on a thread of its own that ends with the work.

    For a window without a site database (the bundle inspector, the first-run dialog):
    ``on_done(result)`` or ``on_error(exception)`` is then called here; if ``owner`` is
    deleted first, the thread is stopped and neither is called.
    """
    work = Reader(None)
    _ONE_OFF.add(work)

    def stop() -> None:
        work.shutdown()
        _ONE_OFF.discard(work)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        owner.destroyed.disconnect(stop)
        stop()
        callback(value)

    owner.destroyed.connect(stop)
    work.submit("once", fn, *args, on_done=lambda result: finish(on_done, result),
                on_error=lambda exc: finish(on_error, exc))
    return work
