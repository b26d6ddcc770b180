"""Work that waits for the window's first paint (cold start: paint first, then the rest).

``after_first_paint(window, fn)`` calls ``fn`` on the turn of the event loop that follows
the first paint of ``window`` — not after a delay, which a slow start would overrun (the
work then landing before the paint it was meant to follow).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self.then = then
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self.then)
        return False


def after_first_paint(window: QWidget, fn: Callable[[], None]) -> QObject:
    """Call ``fn`` once ``window`` has painted (the returned watcher is owned by it)."""
    return _FirstPaint(window, fn)
