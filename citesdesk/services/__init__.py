"""What a user does, without Qt: each service takes a database and plain arguments,
reports progress through a callback ``progress(done, total, text)`` and returns a result."""

from collections.abc import Callable

#: ``progress(done, total, text)``; it may raise :class:`Cancelled` to stop the work.
Progress = Callable[[int, int, str], None]


class Cancelled(Exception):
    """The user cancelled a long operation; whatever it was writing is rolled back."""


def no_progress(done: int, total: int, text: str = "") -> None:
    """A progress callback that reports nowhere."""
