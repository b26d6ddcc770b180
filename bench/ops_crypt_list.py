"""Encrypted database rows (issue 18, point 4): the participants list on a SQLCipher copy
of the large and huge sites, against the same work on the plain database (target: within
1.5 times), and opening the encrypted file with its passphrase (key derivation included).

Runs when ``sqlcipher3`` is importable; otherwise prints a note and adds no row. The
encrypted copies are made once (``sqlcipher_export``) and kept in ``bench/.data/`` beside
the plain datasets. The connection is made here the way SQLCipher documents it (``PRAGMA
key`` first), then given to :class:`SiteDatabase` as CitésDesk's own connections are; the
cold start of the window with a passphrase asked is measured with the window's own
passphrase prompt, where the application has one.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from citesdesk.core import schema
from citesdesk.core.db import SiteDatabase, open_database
from citesdesk.gui.participants_model import PAGE_SIZE
from citesdesk.gui.participants_query import ListQuery, first_page

PASSPHRASE = "cités de l'emploi, banc d'essai"
TYPED = ("m", "ma", "ben", "martin", "diallo a", "06 1")


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def encrypted_copy(sqlcipher3, plain: Path) -> Path:
    """``plain`` exported to an encrypted file beside it (made once)."""
    target = plain.with_name(plain.stem + "-sqlcipher.sqlite")
    if target.exists():
        return target
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    print(f"Encrypting {plain.name} into {target.name} …", file=sys.stderr)
    conn = sqlcipher3.connect(str(plain))
    try:
        conn.execute(f"ATTACH DATABASE {_quoted(str(partial))} AS enc "
                     f"KEY {_quoted(PASSPHRASE)}")
        conn.execute("SELECT sqlcipher_export('enc')")
        conn.execute(f"PRAGMA enc.user_version = {schema.SCHEMA_VERSION}")
        conn.execute("DETACH DATABASE enc")
    finally:
        conn.close()
    os.replace(partial, target)
    return target


def open_encrypted(sqlcipher3, path: Path) -> SiteDatabase:
    conn = sqlcipher3.connect(str(path), check_same_thread=False)
    conn.execute(f"PRAGMA key = {_quoted(PASSPHRASE)}")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # derives the key
    return SiteDatabase(conn, execute_plugins=False)


def register(bench) -> None:
    try:
        import sqlcipher3
    except ImportError:
        print("ops_crypt: sqlcipher3 is not importable — the encrypted-database rows are "
              "skipped (pip install sqlcipher3-binary to run them).", file=sys.stderr)
        return
    sites = [("large", bench.large_db)]
    if bench.huge_db is not None:
        sites.append(("huge", bench.huge_db))
    for label, plain_path in sites:
        enc_path = encrypted_copy(sqlcipher3, plain_path)
        plain = open_database(plain_path, readonly=True)
        enc = open_encrypted(sqlcipher3, enc_path)
        bench.add(f"open the encrypted {label} database (key derivation)",
                  lambda p=enc_path: open_encrypted(sqlcipher3, p).close(),
                  target_s=0.7, repeat=3)
        for text in TYPED:
            bench.add(f"list search « {text} » ({label}, encrypted; floor: plain)",
                      lambda text=text, db=enc: first_page(db, ListQuery(text=text), PAGE_SIZE),
                      floor=lambda text=text, db=plain: first_page(db, ListQuery(text=text),
                                                                   PAGE_SIZE),
                      target_s=0.016, ratio_target=1.5, repeat=10)
    print("ops_crypt: the cold start with the passphrase asked needs the window's "
          "passphrase prompt (encryption branch); not measured here.", file=sys.stderr)
