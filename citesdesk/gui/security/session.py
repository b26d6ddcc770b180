"""What watches over the open database for as long as the application runs.

* Automatic backups: a snapshot when the database is opened (once the window has first
  painted), then every 30 minutes if something changed (the audit log moved), copied in a
  thread of its own from a read connection (saves are not held up), its date then
  recorded by the task runner.
* Auto-lock (encrypted databases): after ``autolock_minutes`` without a key or a click,
  every window is covered and its title hidden, input goes nowhere else, and the
  passphrase must be typed again; a wrong one counts like at start.
"""

from __future__ import annotations

import contextlib
import hmac
import logging
import threading
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from citesdesk.core import cipher, settings
from citesdesk.gui.first_paint import after_first_paint
from citesdesk.gui.security import passphrase

log = logging.getLogger(__name__)
SNAPSHOT_EVERY_S = 30 * 60
CHECK_EVERY_MS = 15_000
INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
         QEvent.Type.MouseButtonDblClick, QEvent.Type.TouchBegin, QEvent.Type.ShortcutOverride,
         QEvent.Type.Shortcut}



class Overlay(QWidget):
    """An opaque cover over one window while the application is locked."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lockOverlay")
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        label = QLabel(QCoreApplication.translate(
            "Lock", "CitésDesk est verrouillé : tapez la phrase secrète pour continuer."), self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.setGeometry(window.rect())
        self.raise_()
        self.show()


class Session(QObject):
    copied = Signal()  # a snapshot was written (from its thread)

    def __init__(self, app) -> None:
        super().__init__(app.qapp)
        self._thread: threading.Thread | None = None
        self.copied.connect(self._record)
        self.app = app
        self.last_input = time.monotonic()
        self.locked = False
        self._covers: dict[QWidget, tuple[Overlay, str]] = {}
        self._prompt: passphrase.PassphraseDialog | None = None
        self._snapshot_at = 0.0
        self._fingerprint = None
        app.qapp.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self.after_opening()

    def after_opening(self) -> None:
        """The copy taken on opening a base waits for its window's first paint: on a
        loaded two-core laptop it would otherwise compete with the start for the
        processor."""
        after_first_paint(self.app.window, lambda: self.snapshot("ouverture"))

    # -- automatic backups -------------------------------------------------------------
    def fingerprint(self):
        return tuple(self.app.reader.execute("SELECT max(hlc), count(*) FROM audit_log")
                     .fetchone())

    def snapshot(self, reason: str) -> None:
        """Copy the database in a thread of its own, on a read connection: saves made
        meanwhile are not held up (WAL); the date is then recorded by the runner."""
        self._fingerprint = self.fingerprint()
        self._snapshot_at = time.monotonic()
        self.wait()
        self._thread = threading.Thread(target=self._copy, args=(self.app.db_path, reason),
                                        name="snapshot", daemon=True)
        self._thread.start()

    def _copy(self, path, reason: str) -> None:
        from citesdesk.core.db import open_database
        from citesdesk.services import backup

        try:
            db = open_database(path, readonly=True)
            try:
                done = backup.snapshot(db, reason) is not None
            finally:
                db.close()
        except Exception:  # logged: an automatic backup never stops the work
            log.exception("automatic backup (%s) failed", reason)
            return
        if done:
            self.copied.emit()

    def _record(self) -> None:
        from citesdesk.services import backup

        # No "changed" announced: only the status bar shows the date, refreshed here.
        self.app.runner.submit(lambda db, progress: backup.record_backup(db, audited=False),
                               atomic=False, on_done=lambda _: self._show_date())

    def _show_date(self) -> None:
        window = self.app.window
        if window is not None and hasattr(window, "update_status"):
            window.update_status()

    def wait(self) -> None:
        """Let a snapshot being written end (before the database file is replaced)."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def tick(self) -> None:
        now = time.monotonic()
        if now - self._snapshot_at >= SNAPSHOT_EVERY_S and self.fingerprint() != self._fingerprint:
            self.snapshot("periodique")
        minutes = self.lock_minutes()
        if minutes and not self.locked and now - self.last_input >= minutes * 60:
            self.lock()

    # -- auto-lock ---------------------------------------------------------------------
    def lock_minutes(self) -> int:
        if not cipher.key_for(self.app.db_path):
            return 0  # nothing to type to unlock a plain database
        return settings.get(self.app.reader, "autolock_minutes")

    def _inside_prompt(self, obj) -> bool:
        prompt = self._prompt
        if prompt is not None and isinstance(obj, QWindow):  # keys reach the window first
            return obj is prompt.windowHandle()
        while obj is not None and prompt is not None:
            if obj is prompt:
                return True
            obj = obj.parent() if isinstance(obj, QObject) else None
        return False

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in INPUT:
            if self.locked and not self._inside_prompt(obj):
                return True  # nothing reaches the covered windows
            self.last_input = time.monotonic()
        elif self.locked and kind == QEvent.Type.Resize and obj in self._covers:
            self._covers[obj][0].setGeometry(obj.rect())
        elif (self.locked and kind == QEvent.Type.Show and isinstance(obj, QWidget)
              and obj.isWindow() and obj not in self._covers and not self._inside_prompt(obj)):
            self._cover(obj)  # a message that a background task opened meanwhile
        return False

    def _cover(self, window: QWidget) -> None:
        self._covers[window] = (Overlay(window), window.windowTitle())
        window.setWindowTitle(QCoreApplication.translate("Lock", "CitésDesk (verrouillé)"))

    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        popup = QApplication.activePopupWidget()
        while popup is not None:
            popup.close()
            popup = QApplication.activePopupWidget()
        for window in QApplication.topLevelWidgets():
            if window.isVisible() and window not in self._covers:
                self._cover(window)
        self._ask()

    def _ask(self, message: str = "") -> None:
        if passphrase.Dialog.headless or passphrase.Dialog.answers:
            return  # tests call try_unlock()
        self._prompt = passphrase.PassphraseDialog(
            QCoreApplication.translate("Lock", "CitésDesk verrouillé"),
            QCoreApplication.translate(
                "Lock", "CitésDesk s'est verrouillé après {minutes} min sans activité. "
                "Tapez la phrase secrète de la base pour continuer.").format(
                minutes=self.lock_minutes()),
            parent=None)
        self._prompt.setWindowModality(Qt.WindowModality.ApplicationModal)
        if message:
            self._prompt.show_message(message)
        self._prompt.accepted.connect(lambda: self.try_unlock(self._prompt.field.text()))
        self._prompt.rejected.connect(lambda: QTimer.singleShot(0, self._ask))
        self._prompt.open()

    def try_unlock(self, typed: str) -> bool:
        """Unlock if ``typed`` is the passphrase (checked against the file, counted)."""
        key = cipher.key_for(self.app.db_path) or ""
        error = passphrase.try_key(self.app.db_path, typed)
        if error is None and hmac.compare_digest(typed.encode(), key.encode()):
            self.unlock()
            return True
        if self._prompt is not None:
            prompt, self._prompt = self._prompt, None
            prompt.deleteLater()
        QTimer.singleShot(0, lambda: self._ask(error or ""))
        return False

    def unlock(self) -> None:
        for window, (cover, title) in self._covers.items():
            with contextlib.suppress(RuntimeError):  # a window closed meanwhile
                cover.deleteLater()
                window.setWindowTitle(title)
        self._covers.clear()
        if self._prompt is not None:
            self._prompt.deleteLater()
            self._prompt = None
        self.locked = False
        self.last_input = time.monotonic()

    def stop(self) -> None:
        self.wait()
        self.timer.stop()
        self.app.qapp.removeEventFilter(self)
