"""Hybrid logical clock: timestamps that never go backwards, even when the wall clock does.

A value is a string ``"<physical ms, 15 digits>-<counter, 6 digits>-<node>"``; comparing
two values as strings orders them in time, so records written on several laptops can be
merged later by keeping the highest value.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

_MS_DIGITS = 15
_COUNTER_DIGITS = 6
_COUNTER_MAX = 10**_COUNTER_DIGITS - 1


def _next(physical: int, counter: int, node: str) -> Timestamp:
    """A timestamp at ``physical`` with ``counter``; when the counter would overflow its
    digits (a million writes in one millisecond of a stopped clock), the next millisecond."""
    if counter > _COUNTER_MAX:
        return Timestamp(physical + 1, 0, node)
    return Timestamp(physical, counter, node)


@dataclass(frozen=True, order=True)
class Timestamp:
    physical_ms: int
    counter: int
    node: str

    def __str__(self) -> str:
        return f"{self.physical_ms:0{_MS_DIGITS}d}-{self.counter:0{_COUNTER_DIGITS}d}-{self.node}"

    @classmethod
    def parse(cls, text: str) -> Timestamp:
        physical, counter, node = text.split("-", 2)
        if len(physical) != _MS_DIGITS or len(counter) != _COUNTER_DIGITS or not node:
            raise ValueError(f"not a hybrid logical clock value: {text!r}")
        return cls(int(physical), int(counter), node)


def _wall_ms() -> int:
    return time.time_ns() // 1_000_000


class HybridLogicalClock:
    """Issues strictly increasing timestamps for one node (one database)."""

    def __init__(self, node: str, last: str | None = None,
                 wall: Callable[[], int] = _wall_ms) -> None:
        if not node or "-" in node:
            raise ValueError("a clock node is a non-empty name without '-'")
        self.node = node
        self._wall = wall
        self._lock = threading.Lock()
        self._last = Timestamp.parse(last) if last else Timestamp(0, 0, node)

    @property
    def last(self) -> str:
        return str(self._last)

    def now(self) -> str:
        """A timestamp greater than every one issued or received before."""
        with self._lock:
            wall = self._wall()
            if wall > self._last.physical_ms:
                self._last = Timestamp(wall, 0, self.node)
            else:
                self._last = _next(self._last.physical_ms, self._last.counter + 1, self.node)
            return str(self._last)

    def receive(self, remote: str) -> str:
        """Merge a timestamp seen on a record from elsewhere; returns the new local time."""
        other = Timestamp.parse(remote)
        with self._lock:
            wall = self._wall()
            physical = max(wall, self._last.physical_ms, other.physical_ms)
            if physical == self._last.physical_ms == other.physical_ms:
                counter = max(self._last.counter, other.counter) + 1
            elif physical == self._last.physical_ms:
                counter = self._last.counter + 1
            elif physical == other.physical_ms:
                counter = other.counter + 1
            else:
                counter = 0
            self._last = _next(physical, counter, self.node)
            return str(self._last)
