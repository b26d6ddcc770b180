"""Backups: checked copies, automatic snapshots with rotation, and restoring one.

Every copy is an online SQLite backup (consistent even while the window writes) into a
temporary file of the destination folder, checked (``quick_check``) and only then moved
to its name, so a kill or a full disk never leaves a half-written backup under a real
name. An encrypted database is copied encrypted, with the same passphrase.

:func:`snapshot` is what services call before something that rewrites much (import,
undo of an import, purge, restore, team merge) and what the window calls on opening and
every 30 minutes of changes. Snapshots go to the backup folder of the settings (a USB key, say), named
``<database>-<YYYYMMDD-HHMMSS>-<reason>.sqlite``, and are thinned by :func:`rotate` to
the last 10, one a day for 7 days, one a week for 4 weeks and one a month for 12 months.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import logging
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from citesdesk.core import cipher, files
from citesdesk.core.db import SiteDatabase, check_writable_folder, connect, open_database, utc_now
from citesdesk.core.errors import CitesDeskError
from citesdesk.core.files import private_output, user_error

log = logging.getLogger(__name__)

KEEP_LAST, KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 10, 7, 4, 12
#: Reasons a snapshot is taken (part of its file name; the restore dialog shows them).
REASONS = {"ouverture": ("à l'ouverture", "on opening"),
           "periodique": ("toutes les 30 minutes", "every 30 minutes"),
           "import": ("avant un import", "before an import"),
           "purge": ("avant une suppression définitive", "before a permanent deletion"),
           "restauration": ("avant une restauration", "before a restore"),
           "fusion": ("avant une fusion d'équipe", "before a team merge"),
           "annulation": ("avant l'annulation d'un import", "before undoing an import"),
           "chiffrement": ("avant un changement de phrase secrète",
                           "before a passphrase change"),
           "manuelle": ("sauvegarde demandée", "requested backup")}
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z]+)\d*\.sqlite$")


def sidecars(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
            path.with_name(path.name + "-journal")]


def copy_verified(db: SiteDatabase, target: Path) -> Path:
    """Online backup of ``db`` into ``target`` through a private work file
    (:func:`citesdesk.core.files.private_output`), checked, then moved into place whole:
    readable by its owner only (``0600``), encrypted with ``db``'s key, and nothing left
    after a failure or a kill. A full disk or read-only medium is one sentence."""
    target = Path(target)
    with private_output(target) as work:
        try:
            db.backup_to(work.file)
        except sqlite3.OperationalError as exc:  # the disk filled up under the copy
            raise user_error(exc, target) or OSError(errno.EIO, str(exc), str(target)) from None
        copy = connect(work.file, key=db.key)
        try:  # a copy in rollback-journal mode: reading it later leaves no -wal/-shm beside
            copy.execute("PRAGMA journal_mode = DELETE")
            ok = copy.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            copy.close()
        if ok != "ok":
            raise CitesDeskError(
                f"La copie de la base est incohérente ({ok}) : rien n'a été remplacé. "
                "Vérifiez l'espace disque et réessayez.",
                f"The copy of the database is inconsistent ({ok}): nothing was replaced. "
                "Check the free disk space and try again.")
    return target


def backup(db: SiteDatabase, target: Path) -> Path:
    """A backup asked for by the user (``citesdesk backup``, File › Save a copy)."""
    target = Path(target)
    if target.exists():
        raise CitesDeskError(
            f"« {target} » existe déjà : choisissez un autre nom de fichier, ou déplacez ce "
            "fichier ailleurs si vous voulez vraiment le remplacer (rien n'a été écrit).",
            f"'{target}' already exists: choose another file name, or move that file "
            "elsewhere if you really want to replace it (nothing was written).")
    check_writable_folder(target)
    copy_verified(db, target)
    record_backup(db)
    return target


def record_backup(db: SiteDatabase, audited: bool = True) -> None:
    """The date of the last backup, for the window's status bar (when writable).

    Automatic snapshots are not audited: the audit log is about people's data, and a
    line every 30 minutes would drown it."""
    if db.readonly:
        return
    from citesdesk.core import settings

    settings.put(db, "last_backup_at", utc_now(), audited=audited)


def folder(db: SiteDatabase) -> Path:
    from citesdesk.core import settings

    return Path(settings.get(db, "backup_folder"))


def snapshot(db: SiteDatabase, reason: str, *, required: bool = False,
             now: dt.datetime | None = None) -> Path | None:
    """A checked copy of ``db`` in the backup folder, then :func:`rotate`; its path.

    Automatic snapshots must not stop the work they protect: unless ``required``, a
    failure (a USB key unplugged, a full disk) is logged and ``None`` returned.
    """
    if db.path is None:
        return None
    if reason not in REASONS:
        raise ValueError(reason)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    where = folder(db)
    try:
        where.mkdir(parents=True, exist_ok=True, mode=0o700)
        target = where / f"{db.path.stem}-{stamp}-{reason}.sqlite"
        n = 1
        while target.exists():  # two snapshots in the same second
            n += 1
            target = where / f"{db.path.stem}-{stamp}-{reason}{n}.sqlite"
        if db.conn.in_transaction:
            # Inside a writing transaction (the window's task runner holds BEGIN IMMEDIATE):
            # SQLite refuses to back up from a connection that is writing, so the copy is
            # read through a connection of its own — the state before this operation.
            source = open_database(db.path, readonly=True, key=db.key)
            try:
                copy_verified(source, target)
            finally:
                source.close()
        else:
            copy_verified(db, target)
        record_backup(db, audited=False)
    except (CitesDeskError, OSError) as exc:
        if required:
            raise
        log.warning("automatic backup (%s) failed: %s", reason, exc)
        return None
    rotate(where, db.path.stem, today=(now or dt.datetime.now()).date())
    sweep(where)
    return target


def sweep(where: Path) -> int:
    """Remove what killed copies left in ``where`` (their private work folders, see
    :func:`citesdesk.core.files.sweep`: a dead program's, never one still writing); how
    many."""
    return files.sweep(where)


@dataclass
class Snapshot:
    path: Path
    taken: dt.datetime
    reason: str
    size: int


def snapshots(where: Path, stem: str | None = None) -> list[Snapshot]:
    """The automatic snapshots in ``where`` (of database ``stem``), newest first."""
    out = []
    for p in Path(where).glob("*.sqlite"):
        m = _NAME.match(p.name)
        if not m or (stem is not None and m["stem"] != stem):
            continue
        with contextlib.suppress(OSError, ValueError):
            out.append(Snapshot(p, dt.datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S"),
                                m["reason"], p.stat().st_size))
    return sorted(out, key=lambda s: (s.taken, s.path.name), reverse=True)


def to_keep(items: list[Snapshot], today: dt.date) -> set[Path]:
    """Last 10, newest of each of the last 7 days, 4 weeks and 12 months."""
    keep = {s.path for s in items[:KEEP_LAST]}
    for key, count, span in (
            (lambda d: d, KEEP_DAILY, dt.timedelta(days=KEEP_DAILY)),
            (lambda d: d.isocalendar()[:2], KEEP_WEEKLY, dt.timedelta(weeks=KEEP_WEEKLY)),
            (lambda d: (d.year, d.month), KEEP_MONTHLY, dt.timedelta(days=366))):
        seen: set = set()
        for s in items:  # newest first: the first of each period is its newest
            day = s.taken.date()
            if today - day >= span or key(day) in seen:
                continue
            seen.add(key(day))
            keep.add(s.path)
            if len(seen) == count:
                break
    return keep


def rotate(where: Path, stem: str, today: dt.date | None = None) -> list[Path]:
    """Delete the snapshots of ``stem`` that :func:`to_keep` does not keep; the deleted."""
    items = snapshots(where, stem)
    keep = to_keep(items, today or dt.date.today())
    gone = []
    for s in items:
        if s.path not in keep:
            with contextlib.suppress(FileNotFoundError):
                s.path.unlink()
            gone.append(s.path)
    return gone


def counts(path: Path, key: str | None) -> dict | None:
    """Participants, journey steps and referrals in a backup; ``None`` if it cannot be
    read with ``key`` (another passphrase, damaged, another application's file)."""
    try:
        use = None if cipher.looks_plain(path) else key
        db = open_database(path, readonly=True, key=use)
    except (CitesDeskError, OSError):
        return None
    try:
        return {table: db.execute(f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL")
                .fetchone()[0] for table in ("participant", "event", "referral")}
    finally:
        db.close()


def restore(source: Path, target: Path, key: str | None = None) -> Path | None:
    """See :func:`_restore`; holds the base's instance lock meanwhile (no window or command
    may be writing into the base being replaced), then gives the restored base a new clock
    node: an older state of this laptop, to which colleagues send again what it lost
    (``docs/team.md``)."""
    from citesdesk.core import locking, node

    with locking.held(Path(target)):
        aside = _restore(source, target, key)
        restored = open_database(target)
        try:
            node.new_node(restored)
        finally:
            restored.close()
    return aside


def _restore(source: Path, target: Path, key: str | None = None) -> Path | None:
    """Replace ``target`` by the backup ``source``; returns where the old one was set aside.

    Every connection to ``target`` must be closed. ``key``: the passphrase of the backup
    (by default, the one remembered for ``source``, else for ``target``). The current database is first copied
    aside (``NAME.avant-restauration-DATE.sqlite``, checked); nothing is replaced if that
    copy, or the backup, cannot be read. A plain backup restored over an encrypted
    database is encrypted with the current passphrase: a restore never removes the
    encryption.
    """
    source, target = Path(source), Path(target)
    if source.exists() and target.exists() and source.resolve() == target.resolve():
        raise CitesDeskError(
            f"« {source} » est déjà la base du site : choisissez le fichier de sauvegarde à "
            "restaurer.",
            f"'{source}' already is the site database: choose the backup file to restore.")
    check_writable_folder(target)
    current_key = cipher.key_for(target)
    plain = source.exists() and cipher.looks_plain(source)  # no connection to it yet
    key = None if plain else key or cipher.key_for(source) or current_key
    saved = open_database(source, readonly=True, key=key)  # refuses what cannot be opened
    try:
        aside = None
        if target.exists():
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            aside = target.with_name(f"{target.stem}.avant-restauration-{stamp}{target.suffix}")
            try:
                current = open_database(target, readonly=True, key=current_key)
            except CitesDeskError as exc:
                raise CitesDeskError(
                    "La base actuelle ne peut pas être mise de côté "
                    f"({exc.message_fr.rstrip('. ')}) ; pour "
                    f"ne rien perdre, elle n'a pas été remplacée : déplacez « {target} » "
                    "ailleurs, puis relancez la restauration.",
                    "The current database cannot be set aside "
                    f"({exc.message_en.rstrip('. ')}); so as to "
                    f"lose nothing it was not replaced: move '{target}' elsewhere, then run "
                    "the restore again.") from exc
            try:
                copy_verified(current, aside)
            finally:
                current.close()
            for p in sidecars(target)[1:]:
                with contextlib.suppress(FileNotFoundError):
                    p.unlink()
        copy_verified(saved, target)
    finally:
        saved.close()
    if plain and current_key:  # a backup from before the encryption: encrypted again
        cipher.convert(target, None, current_key)
        key = current_key
    cipher.remember(target, key)
    return aside
