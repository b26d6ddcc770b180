"""Opening the site database: the one place where a SQLite connection is made.

Everything else receives a :class:`SiteDatabase` (a ``sqlite_utils.Database`` with the
site's clock and settings). An encrypted database (SQLCipher, see
:mod:`citesdesk.core.cipher`) is opened here too, in :func:`connect`, given its
passphrase (``key=``, or the one remembered for that file in this process).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import secrets
import sqlite3
from collections.abc import Generator
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from citesdesk.core import attempts, cipher, files, node, schema
from citesdesk.core.clock import HybridLogicalClock
from citesdesk.core.errors import CitesDeskError, DatabaseError
from citesdesk.core.locking import (
    LIVE,
    InstanceLock,
    busy_error,
    file_key,
    header_is_not_sqlite,
    is_busy,
)

BUSY_TIMEOUT_MS = 5000
#: Page cache of a reading connection (KiB, at most; filled only as pages are read): the
#: list and the dashboard read the same pages again and again (a page of the list after
#: each keystroke touches a few hundred rows spread over the file), kept here rather than
#: asked again from the system (SQLite's default keeps 2 MiB).
READ_CACHE_KIB = 32768


def utc_now() -> str:
    """Current UTC time as stored in ``created_at`` / ``updated_at`` (ISO 8601, ms)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class SiteDatabase(Database):
    """A CitésDesk database: ``sqlite_utils.Database`` plus the site's clock and settings."""

    path: Path | None
    clock: HybridLogicalClock
    readonly: bool
    moved: bool = False
    key: str | None = None  # the passphrase of an encrypted database

    def setting(self, key: str, default: Any = None) -> Any:
        row = self.execute("SELECT value FROM setting WHERE key = ?", [key]).fetchone()
        if row is None or row[0] is None:
            return default
        return json.loads(row[0])

    def set_setting(self, key: str, value: Any) -> None:
        self.execute(
            "INSERT INTO setting(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, json.dumps(value, ensure_ascii=False)],
        )

    def delete_setting(self, key: str) -> None:
        self.execute("DELETE FROM setting WHERE key = ?", [key])

    def actor(self) -> str:
        """Who is writing: the coordinator chosen in the settings, else the site's first."""
        name = self.setting("current_coordinator")
        if name:
            return name
        row = self.execute(
            "SELECT coordinators FROM site WHERE deleted_at IS NULL LIMIT 1"
        ).fetchone()
        if row and row[0]:
            return row[0].split("|")[0]
        return ""

    @contextlib.contextmanager
    def atomic(self) -> Generator[SiteDatabase, None, None]:
        """One transaction (nested blocks are savepoints), begun with ``BEGIN IMMEDIATE``.

        The write lock is taken at the start, so that what the block reads (a duplicate
        check, the next number of a sequence) is still true when it writes, and so that
        waiting for another writer is covered by the busy timeout (a plain ``BEGIN`` that
        reads then writes fails at once with "database is locked"). A read-only
        connection begins an ordinary read transaction.
        """
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        begin = "BEGIN" if getattr(self, "readonly", False) else "BEGIN IMMEDIATE"
        try:
            self.conn.execute(begin)  # waits up to the busy timeout for another writer
        except sqlite3.OperationalError as exc:
            if is_busy(exc):
                raise busy_error(self.path) from exc
            raise
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except BaseException as exc:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                if is_busy(exc):
                    raise busy_error(self.path) from exc
                raise

    def schema_version(self) -> int:
        return self.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        key = getattr(self, "_live_key", None)
        if key is not None and LIVE.get(key):
            LIVE[key] -= 1
            self._live_key = None
        try:
            super().close()
        finally:
            lock, self.instance_lock = getattr(self, "instance_lock", None), None
            if lock is not None:
                lock.release()

    def backup_to(self, target: str | os.PathLike) -> Path:
        """Consistent copy of the whole database (SQLite online backup), even mid-use."""
        target = Path(target)
        dest = connect(target, key=self.key)
        try:
            self.conn.backup(dest)
        finally:
            dest.close()
        return target


def _refuse(fr: str, en: str) -> DatabaseError:
    return DatabaseError(fr, en)


def connect(path: Path | str, readonly: bool = False,
             key: str | None = None) -> sqlite3.Connection:
    """The connection itself. Autocommit mode: transactions are explicit (``db.atomic()``).

    ``check_same_thread`` is off so that a connection can be handed to the worker thread
    that will own it; CitésDesk never uses one connection from two threads at once.
    With ``key``, a SQLCipher connection (``PRAGMA key`` first), refused after too many
    wrong tries (:mod:`citesdesk.core.attempts`).
    """
    if key and str(path) != ":memory:":
        proven = cipher.key_for(path) == key  # already opened it in this process
        if not proven:
            attempts.check(path)
        target = Path(path).resolve().as_uri() + "?mode=ro" if readonly else str(path)
        try:
            conn = cipher.connect(target, key, uri=readonly, file=path)
        except cipher.WrongPassphrase:
            attempts.failed(path)
            raise
        if not proven:
            attempts.succeeded(path)
    elif str(path) == ":memory:":
        conn = sqlite3.connect(":memory:", check_same_thread=False)
    elif readonly:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    else:
        conn = sqlite3.connect(path, check_same_thread=False)
    conn.isolation_level = None
    return conn


def check_writable_folder(path: Path) -> None:
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise _refuse(
            f"Le dossier « {parent} » n'existe pas : choisissez un dossier existant "
            "ou créez-le d'abord.",
            f"The folder '{parent}' does not exist: choose an existing folder or create it first.",
        )
    if not os.access(parent, os.W_OK | os.X_OK):
        raise _refuse(
            f"Le dossier « {parent} » est en lecture seule : CitésDesk ne peut pas y écrire "
            "sa base. Choisissez un dossier où vous avez le droit d'écrire.",
            f"The folder '{parent}' is read-only: CitésDesk cannot write its database there. "
            "Choose a folder you can write to.",
        )


def _check_file(path: Path) -> None:
    """Refuse a folder or an unreadable file, looking only at the file's metadata.

    The file is never opened here with Python's ``open()``: this process may already hold
    SQLite connections to it (the window's writer when its reader opens), and on POSIX
    closing *any* descriptor on a file drops every lock the process holds on it — another
    program would then delete the write-ahead log that this process is still writing
    into, and saves would vanish. Whether it is a SQLite file is asked of SQLite itself
    (:func:`_not_sqlite`).
    """
    if path.is_dir():
        raise _refuse(
            f"« {path} » est un dossier, pas un fichier de base de données.",
            f"'{path}' is a folder, not a database file.",
        )
    if not os.access(path, os.R_OK):
        raise _refuse(
            f"Impossible de lire « {path} » : droits insuffisants.",
            f"Cannot read '{path}': permission denied.",
        )


def _not_sqlite(path: Path) -> DatabaseError:
    """No SQLite header: an encrypted base (its passphrase is asked for) or another file."""
    return cipher.PassphraseRequired(
        f"« {path.name} » est chiffrée ou n'est pas une base de données CitésDesk (ce "
        "n'est pas un fichier SQLite) : si elle est chiffrée, donnez sa phrase secrète ; "
        "sinon, vérifiez le fichier choisi.",
        f"'{path.name}' is encrypted or is not a CitésDesk database (not a SQLite file): "
        "if it is encrypted, give its passphrase; otherwise check the file you chose.")


def _applied_names(conn: sqlite3.Connection) -> list[str] | None:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone()
    if not exists:
        return None
    return [
        r[0]
        for r in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
            [schema.MIGRATION_SET],
        )
    ]


def _check_identity(path: Path, conn: sqlite3.Connection) -> tuple[int, bool]:
    """(applied steps, is empty) of an existing file, or a refusal."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    user_version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
    ).fetchone()[0]
    if tables == 0 and app_id in (0, schema.APPLICATION_ID):
        return 0, True
    applied = _applied_names(conn)
    if app_id != schema.APPLICATION_ID or applied is None:
        raise _refuse(
            f"« {path.name} » est une base SQLite d'une autre application, pas une base "
            "CitésDesk : CitésDesk ne l'ouvrira pas pour ne rien y abîmer.",
            f"'{path.name}' is a SQLite database of another application, not a CitésDesk "
            "database: CitésDesk will not open it, so as to damage nothing.",
        )
    known = [m.name for m in schema.migrations._migrations]
    unknown = [name for name in applied if name not in known]
    if user_version > schema.SCHEMA_VERSION or unknown:
        from citesdesk import __version__

        # a newer release may have added a step without our knowing its number yet
        user_version = max(user_version, len(applied), schema.SCHEMA_VERSION + 1)
        raise _refuse(
            f"« {path.name} » a été écrite par une version plus récente de CitésDesk "
            f"(schéma {user_version}, cette version {__version__} connaît le schéma "
            f"{schema.SCHEMA_VERSION}). Installez la dernière version de CitésDesk pour "
            "l'ouvrir.",
            f"'{path.name}' was written by a newer version of CitésDesk (schema "
            f"{user_version}; this version {__version__} knows schema "
            f"{schema.SCHEMA_VERSION}). Install the latest CitésDesk to open it.",
        )
    return len(applied), False


def needs_upgrade(path: str | os.PathLike) -> bool:
    """Whether opening ``path`` for writing will first upgrade it to this version's schema
    (a copy aside, then every missing step: seconds on a large base). Only an existing
    CitésDesk base of an older schema says yes; anything else — absent, current, newer, not
    a base, locked by a passphrase not yet given — says no, for :func:`open_database` to
    open or refuse with its own sentence."""
    p = Path(path)
    if str(path) == ":memory:" or not p.is_file():
        return False
    try:
        conn = connect(p, readonly=True, key=cipher.key_for(p))
        try:
            applied, empty = _check_identity(p, conn)
        finally:
            conn.close()
    except (sqlite3.Error, CitesDeskError):
        return False
    return not empty and 0 < applied < schema.SCHEMA_VERSION


def _backup_before_migration(path: Path, conn: sqlite3.Connection, version: int,
                             key: str | None = None) -> Path:
    """The copy aside before an upgrade: written in a private work folder and put in place
    whole (owner-only from its first byte), so that a program killed while copying leaves
    no half copy beside the base — the next start sweeps the folder and copies again."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.avant-migration-v{version}-{stamp}{path.suffix}")
    with files.private_output(target) as work:
        dest = connect(work.file, key=key)  # encrypted like the database
        try:
            conn.backup(dest)
        finally:
            dest.close()
    return target


def open_database(path: str | os.PathLike, *, exclusive: bool = True,
                  **options: Any) -> SiteDatabase:
    """Open a CitésDesk database (see :func:`_open_database` for ``options``).

    Opened for writing, a database file is held by this program alone
    (:class:`~citesdesk.core.locking.InstanceLock`, ``NAME.sqlite.lock``): another
    program that tries gets :class:`~citesdesk.core.locking.DatabaseInUse`, which names
    the holder. Read-only connections take no lock. ``exclusive=False`` opens for writing
    without it (tools that must, and know why).
    """
    lock = None
    memory = str(path) == ":memory:"
    if exclusive and not memory and not options.get("readonly"):
        p = Path(path)
        if p.parent.is_dir() and (options.get("create") or p.exists()):
            try:
                lock = InstanceLock.acquire(p)
            except PermissionError:
                lock = None  # a read-only folder: refused below, with its own sentence
    try:
        db = _open_database(path, **options)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    db.instance_lock = lock
    return db


def _open_database(
    path: str | os.PathLike,
    *,
    create: bool = False,
    readonly: bool = False,
    migrate: bool = True,
    key: str | None = None,
) -> SiteDatabase:
    """Open (or with ``create=True``, create) a CitésDesk database.

    Refuses with a :class:`DatabaseError` whose message says what and what to do: a missing
    or read-only folder, a file that is not SQLite, another application's SQLite file, a
    database written by a newer CitésDesk. An existing database that needs upgrading is
    first copied aside (``NAME.avant-migration-vN-DATE.sqlite``).

    ``key`` is the passphrase of an encrypted database; without it, the one remembered for
    this file (:func:`citesdesk.core.cipher.remember`) is used, and an encrypted file with
    none is refused with :class:`~citesdesk.core.cipher.PassphraseRequired`.

    The connection runs in WAL mode with foreign keys on and a busy timeout. It is meant
    to be used by one thread at a time; the GUI gives the writing connection to its one
    database worker and may open ``readonly=True`` connections for reading.
    """
    memory = str(path) == ":memory:"
    p = Path(path)
    exists = not memory and p.exists()
    key = None if memory else (key or cipher.key_for(p))
    if not memory:
        if not exists and not create:
            raise _refuse(
                f"La base « {p} » n'existe pas. Vérifiez le chemin, ou créez une base avec "
                "« citesdesk init » ou « citesdesk demo ».",
                f"The database '{p}' does not exist. Check the path, or create one with "
                "'citesdesk init' or 'citesdesk demo'.",
            )
        if exists:
            if not key:  # an encrypted file has no readable header: the key is the check
                _check_file(p)
            if not readonly and not os.access(p, os.W_OK):
                raise _refuse(
                    f"La base « {p} » est en lecture seule : CitésDesk ne peut pas y écrire.",
                    f"The database '{p}' is read-only: CitésDesk cannot write to it.",
                )
        if not readonly:
            check_writable_folder(p)
            if exists:
                files.make_private(p)
            else:
                files.create_private(p)  # owner-only from the start; WAL/SHM follow its mode
    try:
        conn = connect(p if not memory else ":memory:", readonly=readonly, key=key)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if readonly and not key:  # an encrypted connection has its own (cipher.CACHE_KIB)
            conn.execute(f"PRAGMA cache_size = -{READ_CACHE_KIB}")
        applied, empty = _check_identity(p, conn) if exists else (0, True)
    except sqlite3.DatabaseError as exc:
        disk = files.user_error(exc, p)  # a full disk is not a damaged database
        if disk is not None:
            raise DatabaseError(disk.message_fr, disk.message_en) from exc
        if "file is not a database" in str(exc) and header_is_not_sqlite(p):
            raise _not_sqlite(p) from exc
        raise _refuse(
            f"« {p.name} » est endommagée ou n'est pas une base SQLite lisible ({exc}). "
            "Restaurez une sauvegarde.",
            f"'{p.name}' is damaged or not a readable SQLite database ({exc}). "
            "Restore a backup.",
        ) from exc

    # No sqlite-utils plugins: scanning the installed packages for them costs the start.
    db = SiteDatabase(conn, execute_plugins=False)
    db.path = None if memory else p
    db._live_key = None if memory else file_key(p)
    if db._live_key is not None:
        LIVE[db._live_key] = LIVE.get(db._live_key, 0) + 1
    db.readonly = readonly
    db.key = key
    try:
        if not readonly:
            if not memory:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            # Deleted content is overwritten with zeros, not left in free space (erasure).
            conn.execute("PRAGMA secure_delete = ON")
            if migrate and applied < schema.SCHEMA_VERSION:
                if applied > 0 and not memory:
                    _backup_before_migration(p, conn, applied, key)
                # Marked as ours first, so that a step interrupted half-way (power cut)
                # leaves a file that is still recognised and upgraded on the next opening.
                conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
                schema.migrations.apply(db)
                conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION}")
            if db.setting("clock_node") is None:
                db.set_setting("clock_node", secrets.token_hex(4))
            if not memory:
                db.moved = node.claim(db)  # a file copied to another laptop: a new node
    except sqlite3.OperationalError as exc:
        db.close()
        raise _refuse(
            f"Impossible d'écrire dans « {p} ». Vérifiez que le disque n'est pas plein "
            "et que vous avez le droit d'écrire dans ce dossier.",
            f"Cannot write to '{p}'. Check that the disk is not full and that you may "
            "write to this folder.",
        ) from exc
    if empty and readonly:
        db.close()
        raise _refuse(
            f"La base « {p} » est vide.", f"The database '{p}' is empty."
        )
    if readonly and applied < schema.SCHEMA_VERSION:
        db.close()
        raise _refuse(
            f"La base « {p.name} » doit d'abord être mise à jour : ouvrez-la une fois "
            "normalement (pas en lecture seule).",
            f"The database '{p.name}' must be upgraded first: open it once normally "
            "(not read-only).",
        )
    last = db.execute("SELECT max(hlc) FROM audit_log").fetchone()[0]
    db.clock = HybridLogicalClock(db.setting("clock_node") or "ro", last)
    if key:
        cipher.remember(p, key)
    return db
