"""One writing program per database, and "the base is in use" said in one sentence.

**The instance lock.** A program that writes to a site database (the window, ``citesdesk
import``, ``demo``…) holds ``NAME.sqlite.lock`` next to it: an operating-system lock on
that file (``flock`` on POSIX, ``msvcrt.locking`` on Windows) plus, written in it, who
holds it — program, process id, computer, user, since when. The system lock is what
decides: it goes away with the process, even after ``kill -9`` or a power cut, so a lock
file left behind by a dead program is *stale* and simply taken over. What is written in
the file is only there to tell the next program who is using the base. Within one
process, opening the same base again shares the lock (counted).

The lock file is never the database file: opening and closing it cannot drop SQLite's
own locks on the database (see :func:`citesdesk.core.db._check_file`).

**Busy.** When SQLite still finds the base locked after its busy timeout, the operation
is refused with :func:`busy_error`: one sentence naming the program that holds the base
when it is known, ending with "réessayez" — never a traceback.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import socket
import sqlite3
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from citesdesk.core.errors import DatabaseError

#: What this process calls itself in the lock file; the command line and the window set it.
PROGRAM = {"name": "citesdesk"}

# Windows: a locked byte range cannot be read by others, so the lock is taken on a byte
# far past what is written in the file.
_WIN_LOCK_OFFSET = 1 << 30


def lock_path(db_path: str | os.PathLike) -> Path:
    p = Path(db_path)
    return p.with_name(p.name + ".lock")


@dataclass(frozen=True)
class Holder:
    """Who holds a database, as written in its lock file."""

    program: str = ""
    pid: int = 0
    host: str = ""
    user: str = ""
    since: str = ""

    def describe(self, lang: str = "fr") -> str:
        """``« citesdesk import » (processus 4242 sur pc-cite, depuis 09:12)``."""
        when = self.since[11:16] if len(self.since) >= 16 else ""
        if lang == "en":
            text = f"'{self.program or 'another CitésDesk'}' (process {self.pid} on {self.host}"
            return text + (f", since {when})" if when else ")")
        text = f"« {self.program or 'un autre CitésDesk'} » (processus {self.pid} sur {self.host}"
        return text + (f", depuis {when})" if when else ")")


class DatabaseInUse(DatabaseError):
    """Another program holds the instance lock of this database."""

    def __init__(self, path: Path, holder: Holder | None) -> None:
        self.path, self.holder = path, holder
        who_fr = holder.describe("fr") if holder else "un autre programme CitésDesk"
        who_en = holder.describe("en") if holder else "another CitésDesk program"
        super().__init__(
            f"La base « {path.name} » est utilisée par {who_fr} ; fermez-le ou attendez "
            "qu'il ait fini, puis réessayez.",
            f"The database '{path.name}' is in use by {who_en}; close it or wait until it "
            "has finished, then try again.")


def read_holder(db_path: str | os.PathLike) -> Holder | None:
    """What the lock file says (even if stale), or None."""
    try:
        data = json.loads(lock_path(db_path).read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not data:
        return None
    return Holder(str(data.get("program", "")), int(data.get("pid") or 0),
                  str(data.get("host", "")), str(data.get("user", "")),
                  str(data.get("since", "")))


def current_holder(db_path: str | os.PathLike) -> Holder | None:
    """Who holds the base now, or None when no program does. A lock file left by a
    program that died (stale: nobody holds its system lock) is removed on the way."""
    path = lock_path(db_path)
    if os.path.normcase(str(path.resolve())) in InstanceLock._held:
        return read_holder(db_path)  # this very process
    try:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    stale = False
    try:
        if not _try_lock(fd):
            return read_holder(db_path)
        try:
            stale = os.path.samestat(os.fstat(fd), os.stat(path))
        except OSError:
            stale = False
        if stale and sys.platform != "win32":
            with contextlib.suppress(OSError):
                path.unlink()  # while locked, so that no one takes a file being deleted
        return None
    finally:
        os.close(fd)
        if stale and sys.platform == "win32":
            with contextlib.suppress(OSError):
                path.unlink()


def _me() -> Holder:
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name is no reason to refuse
        user = ""
    return Holder(PROGRAM["name"], os.getpid(), socket.gethostname(), user,
                  dt.datetime.now().isoformat(timespec="seconds"))


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class InstanceLock:
    """The lock a writing program holds on one database (see the module's docstring)."""

    _held: dict[str, InstanceLock] = {}

    def __init__(self, path: Path, fd: int, key: str, stale: Holder | None) -> None:
        self.path, self.fd, self.key, self.count = path, fd, key, 1
        #: Who the lock file named when it was taken over (a program that died), or None.
        self.stale = stale

    @classmethod
    def acquire(cls, db_path: str | os.PathLike) -> InstanceLock:
        """Take (or share, within this process) the lock; :class:`DatabaseInUse` if held."""
        path = lock_path(db_path)
        key = os.path.normcase(str(path.resolve()))
        held = cls._held.get(key)
        if held is not None:
            held.count += 1
            return held
        for _ in range(5):
            fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
            if not _try_lock(fd):
                os.close(fd)
                raise DatabaseInUse(Path(db_path), read_holder(db_path))
            # The previous holder may have removed the file between our open and our lock:
            # then we locked a file nobody else sees, and must start again.
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(path))
            except OSError:
                same = False
            if same:
                break
            os.close(fd)
        else:  # pragma: no cover - five races in a row
            raise DatabaseInUse(Path(db_path), read_holder(db_path))
        stale = read_holder(db_path)
        if sys.platform != "win32":
            with contextlib.suppress(OSError):
                os.fchmod(fd, 0o600)  # a file left by someone else keeps its own mode
        me = _me()
        data = json.dumps(me.__dict__, ensure_ascii=False).encode("utf-8")
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, data)
        with contextlib.suppress(OSError):
            os.fsync(fd)
        lock = cls(path, fd, key, stale)
        cls._held[key] = lock
        return lock

    def release(self) -> None:
        self.count -= 1
        if self.count > 0 or self.fd < 0:
            return
        self._held.pop(self.key, None)
        fd, self.fd = self.fd, -1
        if sys.platform == "win32":
            os.close(fd)  # Windows removes the lock with the handle; then the file
            with contextlib.suppress(OSError):
                self.path.unlink()
        else:  # removed while still locked, so that no one takes a file being deleted
            with contextlib.suppress(OSError):
                self.path.unlink()
            os.close(fd)


@contextlib.contextmanager
def held(db_path: str | os.PathLike) -> Iterator[InstanceLock]:
    """Hold the instance lock of ``db_path`` for a block (a restore replacing the file)."""
    lock = InstanceLock.acquire(db_path)
    try:
        yield lock
    finally:
        lock.release()


# -- SQLite's own locks: which files this process is connected to ---------------------

#: Files this process holds SQLite connections to (device, inode) → how many, kept by
#: :func:`citesdesk.core.db.open_database` and ``SiteDatabase.close``. On POSIX, closing
#: *any* descriptor on a file drops every lock the process holds on it (SQLite's "How To
#: Corrupt An SQLite Database File", §2.2): such a file must never be opened and closed
#: with Python's ``open()``.
LIVE: dict[tuple[int, int], int] = {}


def file_key(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


def holds_connection(path: str | os.PathLike) -> bool:
    """Whether this process has a database opened by ``open_database`` on ``path``: if
    so, nothing may open and close that file with Python's ``open()``."""
    key = file_key(Path(path))
    return key is not None and bool(LIVE.get(key))


def header_is_not_sqlite(path: Path) -> bool:
    """Whether a file SQLite refused lacks SQLite's header (rather than being damaged).

    Read with ``open()`` only when this process holds no connection to the file;
    otherwise the answer is "damaged", which is safe.
    """
    if holds_connection(path):
        return False
    try:
        with path.open("rb") as fh:
            return fh.read(16) != b"SQLite format 3\x00"
    except OSError:
        return False


def is_busy(exc: BaseException) -> bool:
    """Whether a SQLite error means "another connection holds the base" (busy/locked)."""
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    text = str(exc).lower()
    return "database is locked" in text or "database is busy" in text or \
        "database table is locked" in text


def busy_error(db_path: str | os.PathLike | None) -> DatabaseError:
    """``La base est utilisée par … ; réessayez`` for a base SQLite found locked."""
    holder = current_holder(db_path) if db_path else None
    if holder is not None and holder.pid == os.getpid():
        holder = None  # ourselves: the other writer is a program without a lock file
    who_fr = holder.describe("fr") if holder else "un autre programme"
    who_en = holder.describe("en") if holder else "another program"
    name = Path(db_path).name if db_path else ""
    return DatabaseError(
        f"La base « {name} » est utilisée par {who_fr} ; rien n'a été enregistré, "
        "réessayez dans un instant.",
        f"The database '{name}' is in use by {who_en}; nothing was saved, try again in a "
        "moment.")


def is_readonly(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and \
        "readonly database" in str(exc).lower()


def readonly_error(db_path: str | os.PathLike | None) -> DatabaseError:
    """A write refused because this window opened the base read-only."""
    holder = current_holder(db_path) if db_path else None
    if holder is not None and holder.pid == os.getpid():
        holder = None
    if holder is None:
        return DatabaseError(
            "Cette base est ouverte en lecture seule : rien n'a été enregistré.",
            "This database is open read-only: nothing was saved.")
    return DatabaseError(
        f"Cette base est ouverte en lecture seule, car {holder.describe('fr')} l'utilise : "
        "rien n'a été enregistré. Fermez l'autre programme, puis rouvrez la base pour "
        "pouvoir la modifier.",
        f"This database is open read-only, as {holder.describe('en')} is using it: "
        "nothing was saved. Close the other program, then open the database again to "
        "make changes.")


def friendly(exc: BaseException, db_path: str | os.PathLike | None) -> DatabaseError | None:
    """The one-sentence refusal for a busy or read-only SQLite error, else None."""
    if is_busy(exc):
        return busy_error(db_path)
    if is_readonly(exc):
        return readonly_error(db_path)
    return None
