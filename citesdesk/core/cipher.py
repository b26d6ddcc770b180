"""Encryption at rest: SQLCipher connections that behave like the standard library's.

A site database may be encrypted with a passphrase (SQLCipher 4: AES-256, key derived
with PBKDF2-HMAC-SHA512). Plain databases (demo, tests, sites that chose no passphrase)
keep using the standard ``sqlite3`` module and never touch this one.

Why a wrapper: ``sqlcipher3`` is a fork of the standard module with its own exception
classes. sqlite-utils (``drop(ignore=True)``, ``insert(alter=True)``,
``create_index(find_unique_name=True)``, ``RETURNING``) and CitésDesk catch the standard
library's ``sqlite3.OperationalError`` & co.; an encrypted connection's errors would slip
through. :class:`Connection` and :class:`Cursor` re-raise every driver error as the
standard class of the same name (same message, same ``sqlite_errorcode``), so one
``except sqlite3.OperationalError`` serves both kinds of database. sqlite-utils itself
is left on the standard module (we never install a ``pysqlite3`` alias).

The passphrase is given once per process (:func:`remember`) and every later
:func:`citesdesk.core.db.open_database` of that file finds it; wrong tries are counted
per file (:mod:`citesdesk.core.attempts`) and slowed down after five.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path
from typing import Any

# A dependency like any other (pyproject.toml): an installation without it fails at start,
# rather than finding out later that encrypted bases cannot be opened.
from sqlcipher3 import dbapi2 as driver

from citesdesk.core.errors import DatabaseError

MIN_LENGTH = 12
#: Pages kept in memory per encrypted connection (KiB, negative = size): every page read
#: from disk is decrypted, so a larger cache keeps repeated scans near plain speed.
CACHE_KIB = 65536

KDF_ITER = 256_000  # SQLCipher 4's PBKDF2-HMAC-SHA512 rounds (its default)

_keys: dict[str, str] = {}
#: (file, passphrase) -> the key SQLCipher derived, as a ``PRAGMA key`` literal.
_derived: dict[tuple[str, str], str] = {}


class PassphraseRequired(DatabaseError):
    """The file is encrypted (or is not SQLite at all) and no passphrase was given."""


class WrongPassphrase(DatabaseError):
    """The passphrase does not open the file (or the file is damaged)."""


def _where(path: str | os.PathLike) -> str:
    return str(Path(path).resolve())


def remember(path: str | os.PathLike, passphrase: str | None) -> None:
    """Use ``passphrase`` for every later opening of ``path`` in this process."""
    if passphrase:
        _keys[_where(path)] = passphrase
    else:
        _keys.pop(_where(path), None)
    for entry in [e for e in _derived if e[0] == _where(path) and e[1] != passphrase]:
        del _derived[entry]


def key_for(path: str | os.PathLike) -> str | None:
    return _keys.get(_where(path))


def looks_plain(path: str | os.PathLike) -> bool:
    """Whether ``path`` is a plain SQLite file (an empty or missing file counts as plain).

    Asked to SQLite itself, not read with ``open()``: closing a file descriptor of a
    database drops every POSIX lock this process holds on it, and the window may hold
    connections to the very file it is asked about (SQLite's own VFS avoids that).
    """
    p = Path(path)
    if not p.is_file() or p.stat().st_size == 0:
        return True
    try:
        # immutable: no lock taken and no -wal/-shm made beside the file by this probe
        probe = sqlite3.connect(p.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return False
    try:
        probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlite3.DatabaseError as exc:
        # Only "not a database" says encrypted (or not SQLite); a base SQLite cannot read
        # here (read-only medium, busy, no rights) is for the real opening to explain.
        return "file is not a database" not in str(exc)
    finally:
        probe.close()


def looks_encrypted(path: str | os.PathLike) -> bool:
    """Not plain SQLite, and made of whole pages as a SQLCipher file is (a text or a
    spreadsheet chosen by mistake is not)."""
    p = Path(path)
    if not p.is_file() or looks_plain(p):
        return False
    size = p.stat().st_size
    return size >= 512 and size % 512 == 0


def check_passphrase(passphrase: str) -> None:
    """Refuse a passphrase too short to protect the data (CNIL: 12 characters at least)."""
    if len(passphrase) < MIN_LENGTH or "\x00" in passphrase:
        raise DatabaseError(
            f"La phrase secrète doit compter au moins {MIN_LENGTH} caractères (une phrase "
            "de plusieurs mots se retient mieux qu'un mot de passe compliqué).",
            f"The passphrase must be at least {MIN_LENGTH} characters long (a sentence of "
            "several words is easier to remember than a complicated password).")


def _quote(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


def _translated(exc: Exception) -> sqlite3.Error:
    cls = getattr(sqlite3, type(exc).__name__, sqlite3.DatabaseError)
    if not (isinstance(cls, type) and issubclass(cls, sqlite3.Error)):
        cls = sqlite3.DatabaseError
    new = cls(*exc.args)
    for name in ("sqlite_errorcode", "sqlite_errorname"):
        if hasattr(exc, name):
            setattr(new, name, getattr(exc, name))
    return new


def _errors() -> tuple[type[BaseException], ...]:
    return (driver.Error,)


class Cursor:
    """A driver cursor whose errors are the standard library's."""

    __slots__ = ("_cur",)

    def __init__(self, cur) -> None:
        self._cur = cur

    def _call(self, name: str, *args):
        try:
            return getattr(self._cur, name)(*args)
        except _errors() as exc:
            raise _translated(exc) from None

    def execute(self, *args) -> Cursor:
        self._call("execute", *args)
        return self

    def executemany(self, *args) -> Cursor:
        self._call("executemany", *args)
        return self

    def executescript(self, *args) -> Cursor:
        self._call("executescript", *args)
        return self

    def fetchone(self):
        return self._call("fetchone")

    def fetchmany(self, *args):
        return self._call("fetchmany", *args)

    def fetchall(self):
        return self._call("fetchall")

    def __iter__(self):
        return self

    def __next__(self):
        return self._call("__next__")

    def close(self) -> None:
        self._cur.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cur, name)


class Connection:
    """A SQLCipher connection that raises the standard library's errors."""

    def __init__(self, conn) -> None:
        object.__setattr__(self, "_conn", conn)

    def _call(self, name: str, *args, **kwargs):
        try:
            return getattr(self._conn, name)(*args, **kwargs)
        except _errors() as exc:
            raise _translated(exc) from None

    def execute(self, *args) -> Cursor:
        return Cursor(self._call("execute", *args))

    def executemany(self, *args) -> Cursor:
        return Cursor(self._call("executemany", *args))

    def executescript(self, *args) -> Cursor:
        return Cursor(self._call("executescript", *args))

    def cursor(self, *args) -> Cursor:
        return Cursor(self._call("cursor", *args))

    def commit(self) -> None:
        self._call("commit")

    def rollback(self) -> None:
        self._call("rollback")

    def backup(self, target, **kwargs) -> None:
        self._call("backup", getattr(target, "_conn", target), **kwargs)

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, kind, value, tb) -> None:
        self.commit() if kind is None else self.rollback()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._conn, name, value)


def _keyed(target: str, key: str, uri: bool):
    """A driver connection with ``PRAGMA key = key`` first, proven by a read; ``None``
    if the key does not open the file."""
    raw = driver.connect(target, uri=uri, check_same_thread=False)
    try:
        # SQLCipher's own log (on stderr) would print "hmac check failed" for a wrong key;
        # it is a process-wide setting that touches no file, so it may precede the key.
        raw.execute("PRAGMA cipher_log_level = NONE")
        raw.execute(f"PRAGMA key = {key}")
        raw.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except driver.DatabaseError:
        raw.close()
        return None
    return raw


def _derive(raw, passphrase: str) -> str | None:
    """The raw key SQLCipher derived from ``passphrase`` for this file (its salt read
    through SQLCipher), as a ``PRAGMA key`` literal; ``None`` if the file has no salt yet."""
    row = raw.execute("PRAGMA cipher_salt").fetchone()
    if not row or not row[0]:
        return None
    return _derive_with(passphrase, bytes.fromhex(row[0]))


def _derive_with(passphrase: str, salt: bytes) -> str:
    """``PRAGMA key`` literal of the key SQLCipher 4 derives from ``passphrase`` and
    ``salt`` (PBKDF2-HMAC-SHA512, :data:`KDF_ITER` rounds), followed by the salt."""
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ITER, 32)
    return f"\"x'{key.hex()}{salt.hex()}'\""


def _header_salt(where: str) -> bytes | None:
    """The salt an encrypted file begins with (SQLCipher 4 writes its 16 bytes first,
    the header being encrypted too), or ``None`` (empty, plain or unreadable file)."""
    try:
        with open(where, "rb") as fh:
            head = fh.read(16)
    except OSError:
        return None
    return head if len(head) == 16 and head != b"SQLite format 3\x00" else None


def connect(target: str, passphrase: str, *, uri: bool = False,
            file: str | os.PathLike | None = None) -> Connection:
    """An encrypted connection, keyed and checked; :class:`WrongPassphrase` if it fails.

    ``PRAGMA key`` is the first statement; reading ``sqlite_master`` then proves the key
    (SQLCipher answers "file is not a database" to a wrong one). Deriving the key from the
    passphrase is slow on purpose (PBKDF2, a quarter of a second or more): it is derived
    here once per process and file, from the salt the file begins with, and every
    connection to the file (the window opens several) gives the derived key directly. A
    file whose first bytes are not its salt falls back to the passphrase itself.
    """
    where = _where(file) if file is not None else None
    cached = _derived.get((where, passphrase)) if where else None
    raw = _keyed(target, cached, uri) if cached else None
    if raw is None and where:  # derived here from the salt the file begins with
        salt = _header_salt(where)
        derived = _derive_with(passphrase, salt) if salt else None
        raw = _keyed(target, derived, uri) if derived and derived != cached else None
        if raw is not None:
            _derived[(where, passphrase)] = derived
    if raw is None:
        _derived.pop((where, passphrase), None)  # rewritten under another salt meanwhile
        existed = bool(where) and os.path.isfile(where) and os.path.getsize(where) > 0
        raw = _keyed(target, _quote(passphrase), uri)
        if raw is not None and existed:
            derived = _derive(raw, passphrase)
            if derived:
                _derived[(where, passphrase)] = derived
    if raw is None:
        name = Path(target.split("?")[0]).name if uri else Path(target).name
        raise WrongPassphrase(
            f"La phrase secrète ne permet pas d'ouvrir « {name} » : vérifiez-la (majuscules, "
            "accents). Si le fichier n'est pas chiffré ou est endommagé, restaurez une "
            "sauvegarde.",
            f"The passphrase does not open '{name}': check it (capitals, accents). If the "
            "file is not encrypted or is damaged, restore a backup.") from None
    raw.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    return Connection(raw)


def convert(path: str | os.PathLike, old: str | None, new: str | None) -> None:
    """Rewrite ``path`` under another passphrase: encrypt (``old=None``), decrypt
    (``new=None``) or change it (rekey). Every connection to ``path`` must be closed.

    The copy is written next to the file by ``sqlcipher_export``, checked
    (``quick_check``, same tables and versions) and only then moved over the original, so
    a failure or a kill leaves the original as it was.
    """
    import tempfile

    p = Path(path)
    if old:
        connect(str(p), old).close()  # WrongPassphrase before anything is written
    fd, tmp_name = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # ATTACH creates it; the name is reserved for this run only
    src = driver.connect(str(p))
    try:
        if old:
            src.execute(f"PRAGMA key = {_quote(old)}")
        src.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        versions = src.execute("PRAGMA user_version").fetchone()[0], \
            src.execute("PRAGMA application_id").fetchone()[0]
        tables = src.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        src.execute(f"ATTACH DATABASE {_quote(str(tmp))} AS target KEY {_quote(new or '')}")
        src.execute("SELECT sqlcipher_export('target')")
        src.execute(f"PRAGMA target.user_version = {int(versions[0])}")
        src.execute(f"PRAGMA target.application_id = {int(versions[1])}")
        src.execute("DETACH DATABASE target")
        os.chmod(tmp, p.stat().st_mode & 0o777)  # the original's permissions
        check = driver.connect(str(tmp))
        try:
            if new:
                check.execute(f"PRAGMA key = {_quote(new)}")
            ok = check.execute("PRAGMA quick_check").fetchone()[0]
            copied = check.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            same = (check.execute("PRAGMA user_version").fetchone()[0],
                    check.execute("PRAGMA application_id").fetchone()[0]) == versions
        finally:
            check.close()
        if ok != "ok" or copied != tables or not same:
            raise DatabaseError(
                f"La copie chiffrée de « {p.name} » est incomplète ({ok}) : rien n'a été "
                "changé. Vérifiez l'espace disque et réessayez.",
                f"The encrypted copy of '{p.name}' is incomplete ({ok}): nothing was changed. "
                "Check the free disk space and try again.")
    except BaseException as exc:
        src.close()
        for leftover in (tmp, Path(f"{tmp}-journal"), Path(f"{tmp}-wal")):
            leftover.unlink(missing_ok=True)
        if isinstance(exc, driver.Error):
            raise DatabaseError(
                f"« {p.name} » n'a pas pu être réécrite ({exc}) : rien n'a été changé. "
                "Vérifiez l'espace disque et que la base n'est pas ouverte ailleurs.",
                f"'{p.name}' could not be rewritten ({exc}): nothing was changed. Check the "
                "free disk space and that the database is not open elsewhere.") from None
        raise
    src.close()
    os.replace(tmp, p)
    for stale in (Path(f"{p}-wal"), Path(f"{p}-shm")):
        stale.unlink(missing_ok=True)
    remember(p, new)
