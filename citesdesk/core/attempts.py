"""Wrong passphrases, counted per database file: after five, each try must wait.

The count cannot live in the database (it cannot be read without the key): it is kept in
``passphrase-attempts.json`` in the user's state folder (``~/.local/state/CitesDesk`` on
Linux, ``%LOCALAPPDATA%\\CitesDesk`` on Windows), readable by its owner only. After the
fifth wrong try the next one is accepted only 30 seconds after the last, then 1, 2, 4…
minutes (at most 15); a right passphrase clears the count. This slows down someone
guessing at the keyboard; a stolen file is protected by the key derivation itself
(PBKDF2, 256,000 rounds), which no counter could enforce.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import tempfile
import time
from pathlib import Path

import platformdirs

from citesdesk.core.errors import DatabaseError

FREE_TRIES = 5
FIRST_WAIT_S = 30
MAX_WAIT_S = 15 * 60


class TooManyAttempts(DatabaseError):
    """Too many wrong passphrases: wait ``seconds`` before the next try."""

    def __init__(self, fr: str, en: str, seconds: int) -> None:
        super().__init__(fr, en)
        self.seconds = seconds


def state_file() -> Path:
    return Path(platformdirs.user_state_dir("CitesDesk", appauthor=False)) / \
        "passphrase-attempts.json"


def _load() -> dict:
    try:
        data = json.loads(state_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save(data: dict) -> None:
    path = state_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=".attempts.", dir=path.parent)  # mode 0600
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh)
        os.replace(tmp, path)
    except OSError:  # a read-only profile must not stop anyone from working
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(tmp)


def _key(path: str | os.PathLike) -> str:
    return str(Path(path).resolve())


def wait_needed(path: str | os.PathLike, now: float | None = None) -> int:
    """Seconds to wait before the next try on ``path`` (0: try now)."""
    count, last = _load().get(_key(path), (0, 0.0))
    if count < FREE_TRIES:
        return 0
    wait = min(FIRST_WAIT_S * 2 ** (count - FREE_TRIES), MAX_WAIT_S)
    left = last + wait - (time.time() if now is None else now)
    return max(0, math.ceil(left))


def check(path: str | os.PathLike) -> None:
    """Refuse a try made too soon after too many wrong ones."""
    seconds = wait_needed(path)
    if seconds:
        raise TooManyAttempts(
            f"Trop de phrases secrètes erronées pour « {Path(path).name} » : attendez "
            f"{seconds} s avant de réessayer.",
            f"Too many wrong passphrases for '{Path(path).name}': wait {seconds} s before "
            "trying again.", seconds)


def failed(path: str | os.PathLike) -> None:
    data = _load()
    count, _ = data.get(_key(path), (0, 0.0))
    data[_key(path)] = (count + 1, time.time())
    _save(data)


def succeeded(path: str | os.PathLike) -> None:
    data = _load()
    if data.pop(_key(path), None) is not None:
        _save(data)
