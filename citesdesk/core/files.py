"""Files only for their owner, written whole or not at all, nothing left after a crash.

Every file CitésDesk writes (the database, backups, exports, PDFs, reports) goes through
:func:`private_output`: the work happens in a private folder (``0700``) next to the
destination, named ``.NAME.HOST-PID-TOKEN.citesdesk-tmp``; on success the finished file is made
``0600``, flushed to disk and renamed over the destination in one step; on failure the
work folder is removed. A process killed half-way (``kill -9``, power cut) leaves only that
private folder, which :func:`sweep` removes on the next start: in the destination's folder
(at the next write there) and wherever a marker in the user's state folder points.
On Windows the modes are not applied (the user's profile folders are private already).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import shutil
import socket
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from citesdesk.core import oserrors
from citesdesk.core.errors import CitesDeskError

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
TEMP_SUFFIX = ".citesdesk-tmp"
#: A work folder older than this is stale even if its process number is in use again.
STALE_AFTER_S = 2 * 24 * 3600
_TEMP_RE = re.compile(r"^\..*\.([0-9a-f]{4})-(\d+)-[0-9a-f]{8}" + re.escape(TEMP_SUFFIX) + "$")
#: This computer, in a work folder's name: a process number means something only on the
#: computer that runs it (a shared network folder is seen by several).
HOST = hashlib.sha256(socket.gethostname().encode()).hexdigest()[:4]
POSIX = os.name == "posix"


def make_private(path: str | os.PathLike, mode: int = PRIVATE_FILE) -> None:
    """``chmod`` to owner-only (POSIX); a file that is not ours is left as it is."""
    if POSIX:
        with contextlib.suppress(OSError):
            os.chmod(path, mode)


def create_private(path: str | os.PathLike) -> None:
    """Create the empty file ``path`` readable by its owner only (fails if it exists)."""
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE))


def private_dir(path: str | os.PathLike) -> Path:
    """``mkdir -p`` where every folder created is ``0700``; existing ones are untouched."""
    path = Path(path)
    missing = []
    p = path
    while not p.exists() and p != p.parent:
        missing.append(p)
        p = p.parent
    for p in reversed(missing):
        with contextlib.suppress(FileExistsError):
            p.mkdir(mode=PRIVATE_DIR)
            make_private(p, PRIVATE_DIR)
    return path


def write_private(path: str | os.PathLike, data: bytes) -> Path:
    """``data`` to ``path``, whole or not at all, owner-only."""
    with private_output(path) as work:
        work.file.write_bytes(data)
    return Path(path)


def _fsync(path: Path, directory: bool = False) -> None:
    if directory and not POSIX:
        return
    # a file is opened for writing: Windows flushes only a handle that may write
    flags = (os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)) if directory else os.O_RDWR
    try:
        fd = os.open(path, flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        if not directory:
            raise
    finally:
        os.close(fd)


@dataclass
class Work:
    """Where to write: ``file`` (moved to the destination on success), ``dir`` for scratch."""

    dir: Path
    file: Path
    target: Path


def work_dir_for(target: Path) -> Path:
    token = secrets.token_hex(4)
    return target.parent / f".{target.name[:80]}.{HOST}-{os.getpid()}-{token}{TEMP_SUFFIX}"


@contextlib.contextmanager
def private_output(target: str | os.PathLike, *, sweep_first: bool = True) -> Iterator[Work]:
    """Write ``target`` through a private work folder next to it (see the module's doc).

    The caller writes ``work.file`` (and may put scratch files in ``work.dir``); if the block
    ends normally and ``work.file`` exists, it becomes ``target`` (``0600``, fsynced).
    Full disk and read-only media become one :class:`CitesDeskError` sentence."""
    target = Path(target)
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise CitesDeskError(
            f"Impossible d'écrire « {target} » : le dossier « {parent} » n'existe pas. "
            "Choisissez un dossier existant ou créez-le d'abord.",
            f"Cannot write '{target}': the folder '{parent}' does not exist. Choose an "
            "existing folder or create it first.")
    if sweep_first:
        sweep(parent)
    work = work_dir_for(target)
    marker = _mark(work)  # first, so that a kill right after the mkdir is still found
    try:
        work.mkdir(mode=PRIVATE_DIR)
    except OSError as exc:
        _unmark(marker)
        raise user_error(exc, target) or exc from None
    try:
        make_private(work, PRIVATE_DIR)
        w = Work(work, work / target.name, target)
        yield w
        if w.file.exists():
            make_private(w.file)
            _fsync(w.file)
            os.replace(w.file, target)
            _fsync(parent, directory=True)
    except (OSError, sqlite3.OperationalError) as exc:  # SQLite's: the database, not target
        err = user_error(exc, target if isinstance(exc, OSError) else None)
        if err is None:
            raise
        raise err from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
        _unmark(marker)


# --- sweeping what a killed process left -----------------------------------------------

def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if POSIX:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except OSError:
            return True
        return True
    try:  # pragma: no cover - Windows
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    except Exception:  # noqa: BLE001 - when unsure, leave the file alone
        return True


def is_stale(path: Path, since: float | None = None) -> bool:
    """A CitésDesk work file or folder whose process is gone (or that is very old);
    ``since``: when it was made, if not from the file itself."""
    m = _TEMP_RE.match(path.name)
    if m is None:
        return False
    host, pid = m.group(1), int(m.group(2))
    if host == HOST and pid == os.getpid():
        return False
    try:
        made = path.lstat().st_mtime if since is None else since
    except OSError:
        return False
    if time.time() - made > STALE_AFTER_S:
        return True
    return host == HOST and not _alive(pid)  # another computer's: only when very old


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            path.unlink()


def sweep(folder: str | os.PathLike) -> int:
    """Remove the stale work files of ``folder``; returns how many."""
    n = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if entry.name.endswith(TEMP_SUFFIX) and is_stale(Path(entry.path)):
            _remove(Path(entry.path))
            n += 1
    return n


def state_dir() -> Path:
    """The user's CitésDesk state folder (``CITESDESK_STATE_DIR`` overrides it)."""
    env = os.environ.get("CITESDESK_STATE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_state_dir("CitesDesk", appauthor=False))


def _mark(work: Path) -> Path | None:
    """A marker naming ``work``, so that the next start finds it wherever it is."""
    try:
        pending = private_dir(state_dir() / "pending")
        marker = pending / f"{work.name[-40:]}.{secrets.token_hex(4)}"
        marker.write_text(str(work.absolute()), "utf-8")
        return marker
    except OSError:
        return None  # the sweep of the destination's folder still applies


def _unmark(marker: Path | None) -> None:
    if marker is not None:
        with contextlib.suppress(OSError):
            marker.unlink()


def sweep_pending() -> int:
    """At start: remove the work folders of processes that died, wherever they were."""
    n = 0
    try:
        markers = list((state_dir() / "pending").iterdir())
    except OSError:
        return 0
    for marker in markers:
        try:
            work = Path(marker.read_text("utf-8").strip())
        except (OSError, UnicodeDecodeError):
            continue
        if not _TEMP_RE.match(work.name):
            _remove(marker)
            continue
        try:
            since = marker.lstat().st_mtime
        except OSError:
            continue
        if is_stale(work, since):
            if work.exists():
                _remove(work)
                n += 1
            _remove(marker)
    return n


def sweep_at_start(*folders: str | os.PathLike | None) -> None:
    """What every start does: stale work folders of the markers and of ``folders``."""
    with contextlib.suppress(Exception):
        sweep_pending()
        for folder in folders:
            if folder:
                sweep(folder)


# --- full disk, read-only media ---------------------------------------------------------



def user_error(exc: BaseException, path: str | os.PathLike | None = None) -> CitesDeskError | None:
    """One sentence for a full disk, a file too big or read-only media; ``None`` otherwise."""
    where_fr = f" « {path} »" if path else ""
    where_en = f" '{path}'" if path else ""
    full = isinstance(exc, OSError) and exc.errno in oserrors.FULL
    if isinstance(exc, sqlite3.Error) and "full" in str(exc):
        full = True
    if full:
        return CitesDeskError(*oserrors.full_disk_message(path))
    if isinstance(exc, sqlite3.Error) and "disk I/O error" in str(exc):
        return CitesDeskError(
            f"Impossible d'écrire sur le disque{where_fr} : il est peut-être plein, retiré ou "
            "défectueux. Rien n'a été modifié ni perdu ; libérez de la place ou choisissez un "
            "autre disque, puis réessayez.",
            f"Cannot write to the disk{where_en}: it may be full, removed or faulty. Nothing "
            "was changed or lost; free some space or choose another disk, then try again.")
    readonly = isinstance(exc, OSError) and exc.errno in oserrors.READ_ONLY
    if isinstance(exc, sqlite3.Error) and "readonly" in str(exc).replace("-", "").replace(" ", ""):
        readonly = True
    if readonly:
        return CitesDeskError(*oserrors.read_only_message(path))
    return None


def os_error_sentence(exc: BaseException, lang: str = "fr",
                      path: str | os.PathLike | None = None) -> str | None:
    """The sentence to print for ``exc`` at the top of a program, or ``None``; ``path``:
    the file concerned when the error does not say (SQLite's do not)."""
    err = user_error(exc, getattr(exc, "filename", None) or path)
    return err.message(lang) if err else None

