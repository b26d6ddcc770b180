"""Waiting for the task runner in GUI tests without racing it.

``runner.task_finished`` fires for *every* task: the dashboard submits one as soon as the
window is built, screens submit their own loads, and under load any of those may end
while a test is waiting for its own task. :func:`tasks_finished` waits for exactly the
tasks submitted inside its block (and those their callbacks chain), callbacks included.
"""

from __future__ import annotations

import contextlib

# A ceiling, not a sleep: a loaded 2-core CI machine can be very slow.
TIMEOUT_MS = 30_000


@contextlib.contextmanager
def tasks_finished(qtbot, runner, timeout: int = TIMEOUT_MS):
    """Run the block, then wait until every task it submitted to ``runner`` has ended
    and its ``on_done``/``on_error``/``on_cancel`` callback has run. Yields the list of
    the submitted tasks' ids."""
    submitted: list[int] = []
    submit = runner.submit

    def spy(*args, **kwargs):
        task = submit(*args, **kwargs)
        submitted.append(task.id)
        return task

    runner.submit = spy
    try:
        yield submitted
        assert submitted, "the action submitted no task to the runner"
        qtbot.waitUntil(lambda: not any(i in runner._pending for i in submitted),
                        timeout=timeout)
    finally:
        del runner.submit


def ticks_until(qtbot, done, timeout: int = TIMEOUT_MS) -> int:
    """Wait until ``done()`` is true; how many times a 20 ms timer fired meanwhile.

    Work kept off the GUI thread leaves the event loop turning (many ticks); work done on
    it would block the loop (none, whatever its length).
    """
    from PySide6.QtCore import QTimer

    ticks = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    try:
        qtbot.waitUntil(done, timeout=timeout)
    finally:
        timer.stop()
    return len(ticks)
