"""Encryption at rest and backups: an encrypted copy of the large database against the
plain one (opening, a scan, search as you type), a snapshot of each, and the conversion."""

from __future__ import annotations

import shutil
from pathlib import Path

from citesdesk.core import cipher
from citesdesk.core.db import open_database
from citesdesk.core.search import search_participants
from citesdesk.services import backup

KEY = "phrase secrète du banc d'essai"
SCAN = ("SELECT count(*), max(last_name), sum(length(address)) FROM participant "
        "WHERE deleted_at IS NULL")


def _copy(src: Path, dst: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{dst}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(src, dst)
    return dst


def _forget() -> None:
    cipher._derived.clear()  # the next opening derives the key again


def register(bench) -> None:
    if not cipher.available():
        return
    plain = _copy(bench.large_db, bench.tmp / "crypt-plain.sqlite")
    encrypted = _copy(bench.large_db, bench.tmp / "crypt-encrypted.sqlite")
    cipher.convert(encrypted, None, KEY)
    cipher.remember(encrypted, None)  # each opening below gives the key itself
    bench.add("open the large database, encrypted, first time (key derivation)",
              lambda: open_database(encrypted, readonly=True, key=KEY).close(),
              floor=lambda: open_database(plain, readonly=True).close(),
              setup=_forget, target_s=1.0, repeat=5)
    bench.add("open the large database, encrypted, again (derived key kept)",
              lambda: open_database(encrypted, readonly=True, key=KEY).close(),
              floor=lambda: open_database(plain, readonly=True).close(),
              target_s=0.1, ratio_target=5, repeat=10)
    enc_db = open_database(encrypted, readonly=True, key=KEY)
    plain_db = open_database(plain, readonly=True)
    bench.add("scan every participant (large, encrypted)",
              lambda: enc_db.execute(SCAN).fetchone(),
              floor=lambda: plain_db.execute(SCAN).fetchone(),
              target_s=0.5, ratio_target=2, repeat=10)
    bench.add("search « ma » (large, encrypted)",
              lambda: search_participants(enc_db, "ma", limit=50),
              floor=lambda: search_participants(plain_db, "ma", limit=50),
              target_s=0.030, ratio_target=2, repeat=20)
    folder = bench.tmp / "crypt-backups"
    folder.mkdir(exist_ok=True)
    bench.add("snapshot of the large database, encrypted (copy + check)",
              lambda: backup.copy_verified(enc_db, folder / "enc.sqlite"),
              floor=lambda: backup.copy_verified(plain_db, folder / "plain.sqlite"),
              target_s=5, repeat=3)
    target = bench.tmp / "crypt-convert.sqlite"
    bench.add("encrypt the large database (rewrite + check)",
              lambda: cipher.convert(target, None, KEY),
              setup=lambda: _copy(bench.large_db, target), target_s=10, repeat=3)
