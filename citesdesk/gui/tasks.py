"""The one task runner: every database operation of the GUI runs here, off the GUI thread.

A single worker thread owns the single writing connection (habit 3 of docs/design/ARCHITECTURE.md:
one writer). ``runner.submit(fn, *args, ...)`` queues ``fn(db, progress, *args)``; the
worker runs it inside ``db.atomic()`` so that it lands whole or not at all, then the
runner, back in the GUI thread, calls ``on_done(result)`` and emits
``changed(set_of_tables)`` — the tables the work wrote (``"participant"``, ``"enrollment"``,
``"event"``, ``"site"``…), as the database itself recorded them (:mod:`citesdesk.core.changes`)
— so that each view refreshes only what it shows (Anki's ``OpChanges``). Callers never
declare what they change.

Long work passes ``progress_title``: a progress dialog with a Cancel button appears after
a short delay; the ``progress(done, total, text)`` callback then raises
:class:`citesdesk.services.Cancelled` and the transaction is rolled back. One rule: the
progress dialog is closed (and can no longer show itself) before ``on_done``/``on_error``
runs, so a result message never opens under, or behind, a progress box.

Errors: :class:`CitesDeskError` (a refusal meant for people) goes to ``on_error`` or, if
there is none, to a message box; anything else is an unexpected error: logged with its
traceback to the log file, shown as a plain-language dialog.
"""

from __future__ import annotations

import itertools
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from citesdesk.core import changes as db_changes
from citesdesk.core import files
from citesdesk.core.db import SiteDatabase
from citesdesk.core.errors import CitesDeskError
from citesdesk.core.locking import friendly
from citesdesk.services import Cancelled

# Progress reports closer together than this are dropped (except the last one).
PROGRESS_INTERVAL_S = 0.05


@dataclass(eq=False)
class Task:
    id: int
    fn: Callable[..., Any]
    args: tuple
    on_done: Callable[[Any], None] | None = None
    on_error: Callable[[BaseException], None] | None = None
    on_cancel: Callable[[], None] | None = None
    progress_title: str | None = None
    atomic: bool = True
    touched: frozenset[str] = frozenset()  # the tables the work wrote (core.changes)
    cancel_event: threading.Event = field(default_factory=threading.Event)
    dialog: QProgressDialog | None = None
    last_report: float = 0.0
    owner: QObject | None = None

    def owner_gone(self) -> bool:
        return self.owner is not None and not shiboken6.isValid(self.owner)

    def cancel(self) -> None:
        self.cancel_event.set()


class _Worker(QObject):
    """Lives in the worker thread; owns the writing connection."""

    done = Signal(object, object)  # task, result
    failed = Signal(object, object, str)  # task, exception, traceback text
    progressed = Signal(object, int, int, str)  # task, done, total, text

    def __init__(self, db: SiteDatabase) -> None:
        super().__init__()
        self.db = db
        if not db.readonly:
            db_changes.track(db)

    @Slot(object)
    def run(self, task: Task) -> None:
        def progress(done: int, total: int, text: str = "") -> None:
            if task.cancel_event.is_set():
                raise Cancelled()
            now = time.monotonic()
            if now - task.last_report >= PROGRESS_INTERVAL_S or done >= total:
                task.last_report = now
                self.progressed.emit(task, int(done), int(total), str(text))

        # Only what this task writes is its change (a test may write on the same connection).
        db_changes.take(self.db)
        try:
            if task.cancel_event.is_set():
                raise Cancelled()
            if task.atomic:
                with self.db.atomic():
                    result = task.fn(self.db, progress, *task.args)
                    if task.cancel_event.is_set():
                        raise Cancelled()
            else:
                result = task.fn(self.db, progress, *task.args)
        except BaseException as exc:  # noqa: BLE001 - every failure is reported to the GUI
            task.touched = db_changes.take(self.db)  # what a non-atomic task wrote before failing
            # "database is locked" after the busy timeout, or a write in a read-only
            # window: one sentence for people, not an unexpected error.
            refusal = friendly(exc, self.db.path)
            self.failed.emit(task, refusal or exc, traceback.format_exc())
        else:
            task.touched = db_changes.take(self.db)
            self.done.emit(task, result)

    @Slot()
    def close_db(self) -> None:
        self.db.close()


class TaskRunner(QObject):
    """Queue database work on the one worker thread and report back in the GUI thread."""

    # The kinds of record that a finished task changed.
    changed = Signal(set)
    # A task finished (successfully, with an error or cancelled): its id.
    task_finished = Signal(int)
    # A task failed with an unexpected error (exception, traceback text), after logging.
    unexpected = Signal(object, str)
    _submit = Signal(object)
    _close = Signal()

    def __init__(self, db: SiteDatabase, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = db.path
        self.lang = "fr"
        self.dialog_parent: QWidget | None = None
        self.initiator: QObject | None = None  # the owner of the task being announced
        self._ids = itertools.count(1)
        self._pending: dict[int, Task] = {}
        self._thread = QThread()
        self._thread.setObjectName("citesdesk-db")
        self._worker = _Worker(db)
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run, Qt.ConnectionType.QueuedConnection)
        self._close.connect(self._worker.close_db, Qt.ConnectionType.BlockingQueuedConnection)
        self._worker.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._worker.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._worker.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._thread.start()

    # -- submitting ------------------------------------------------------------------
    def submit(self, fn: Callable[..., Any], *args: Any,
               on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None,
               on_cancel: Callable[[], None] | None = None,
               progress_title: str | None = None,
               atomic: bool = True, owner: QObject | None = None) -> Task:
        """Run ``fn(db, progress, *args)`` on the worker; returns the queued :class:`Task`.

        ``owner``: the widget the callbacks belong to; if it has been deleted by the time
        the work ends, the callbacks are skipped (``changed`` is still emitted).
        """
        task = Task(next(self._ids), fn, args, on_done, on_error, on_cancel, progress_title,
                    atomic, owner=owner)
        self._pending[task.id] = task
        if progress_title:
            task.dialog = self._make_dialog(task)
        self._submit.emit(task)
        return task

    def busy(self) -> bool:
        return bool(self._pending)

    def shutdown(self) -> None:
        """Cancel what is queued, let the running task end, close the connection.

        What the worker reported meanwhile is still queued for the GUI thread: it is
        dropped, so that no callback reaches a window being closed (or, after a change of
        database, the new one), and the progress dialogs are closed.
        """
        for task in list(self._pending.values()):
            task.cancel()
        if self._thread.isRunning():
            self._close.emit()
            self._thread.quit()
            self._thread.wait()
        QCoreApplication.removePostedEvents(self)
        for task in list(self._pending.values()):
            self._finish(task)

    # -- progress dialog -------------------------------------------------------------
    def _make_dialog(self, task: Task) -> QProgressDialog:
        # Over the window the user is working in: a modal dialog (the import wizard)
        # if one is open, so that the box is never hidden behind it.
        modal = QApplication.activeModalWidget()
        parent = modal if modal is not None and not isinstance(modal, QProgressDialog) \
            else self.dialog_parent
        dialog = QProgressDialog(task.progress_title, self.tr("Annuler"), 0, 0, parent)
        dialog.setWindowTitle(task.progress_title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(task.cancel)
        # Qt shows the dialog by itself once minimumDuration has passed.
        return dialog

    @Slot(object, int, int, str)
    def _on_progress(self, task: Task, done: int, total: int, text: str) -> None:
        dialog = task.dialog
        if dialog is None:
            return
        dialog.setMaximum(max(total, 0))
        # A shown modal progress dialog processes events in setValue(): the task's end may
        # be delivered there and close the dialog (task.dialog is then None).
        dialog.setValue(min(done, total) if total > 0 else 0)
        if text and task.dialog is dialog:
            dialog.setLabelText(text)

    def _finish(self, task: Task) -> None:
        self._pending.pop(task.id, None)
        dialog, task.dialog = task.dialog, None
        if dialog is not None:
            # The one rule for long work: the progress box is gone before any result
            # message opens. reset() stops the timer that would show a not-yet-shown box
            # later — over the result message, inside its event loop — and hide() closes
            # a shown one. Only our own connection is cut: the Cancel button keeps its own.
            dialog.canceled.disconnect(task.cancel)
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()

    # -- results ---------------------------------------------------------------------
    @Slot(object, object)
    def _on_done(self, task: Task, result: Any) -> None:
        self._finish(task)
        try:
            if task.on_done is not None and not task.owner_gone():
                task.on_done(result)
            self._announce(task)
        finally:
            self.task_finished.emit(task.id)

    def _announce(self, task: Task) -> None:
        """Emit ``changed`` with what the task wrote; during the emission ``initiator`` is the
        task's owner, so that a screen can skip a change it asked for and already shows
        (Anki's ``handler``)."""
        if not task.touched:
            return
        self.initiator = task.owner
        try:
            self.changed.emit(set(task.touched))
        finally:
            self.initiator = None

    @Slot(object, object, str)
    def _on_failed(self, task: Task, exc: BaseException, tb: str) -> None:
        self._finish(task)
        exc = files.user_error(exc, getattr(exc, "filename", None)) or exc  # full disk: 1 sentence
        try:
            self._announce(task)
            if isinstance(exc, Cancelled):
                if task.on_cancel is not None and not task.owner_gone():
                    task.on_cancel()
            elif isinstance(exc, CitesDeskError):
                if task.on_error is not None and not task.owner_gone():
                    task.on_error(exc)
                else:
                    from citesdesk.gui.dialogs import Dialog

                    Dialog.error(self.dialog_parent, exc.message(self.lang))
            else:
                from citesdesk.gui.errors import report_unexpected

                report_unexpected(exc, tb, self.dialog_parent)
                self.unexpected.emit(exc, tb)
                if task.on_error is not None and not task.owner_gone():
                    task.on_error(exc)
        finally:
            self.task_finished.emit(task.id)
