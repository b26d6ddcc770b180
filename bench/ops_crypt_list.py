"""Encrypted database rows (issue 18, point 4): the participants list on a SQLCipher copy
of the large and huge sites, against the same work on the plain database (target: within
1.5 times), and opening the encrypted file with its passphrase (key derivation included).

Runs when ``sqlcipher3`` is importable; otherwise prints a note and adds no row. The
encrypted copies are made once (``sqlcipher_export``) and kept in ``bench/.data/`` beside
the plain datasets. The connection is made here the way SQLCipher documents it (``PRAGMA
key`` first), then given to :class:`SiteDatabase` as CitésDesk's own connections are; the
cold start of the window on the encrypted copy is timed from the passphrase typed (the
prompt's answer given, as ``citesdesk.gui.app.run`` asks it) to the first paint: the key
derivation, the checks of the file, the connections and the window.
"""

from __future__ import annotations

import os
import shutil
import subprocess
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
    start_copy = bench.tmp / "gui-start-encrypted.sqlite"
    shutil.copyfile(encrypted_copy(sqlcipher3, bench.large_db), start_copy)
    conn = sqlcipher3.connect(str(start_copy))
    conn.execute(f"PRAGMA key = {_quoted(PASSPHRASE)}")
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")  # not exported
    conn.close()
    bench.add("cold start, encrypted, from the passphrase typed to the painted window "
              "(large)", _reported(lambda: _start_after_passphrase(start_copy)),
              target_s=0.7, repeat=3)


START_ENCRYPTED = """
import sys, time
from PySide6.QtCore import QCoreApplication
from citesdesk.gui.app import Application, qt_application
from citesdesk.gui.dialogs import Dialog
from citesdesk.gui.security.passphrase import unlock_file
Dialog.headless = True
qt_application()
Dialog.script(sys.argv[2])  # what the passphrase prompt returns once typed
typed = time.perf_counter()
assert unlock_file(sys.argv[1])  # checks it against the file: the key is derived here
app = Application(sys.argv[1], "fr")
app.window.show()
QCoreApplication.processEvents()
app.window.grab()
print(f"painted {time.perf_counter() - typed:.6f}", flush=True)
app.close()
"""


def _reported(fn):
    fn.reports_time = True  # bench/run.py counts the seconds fn returns
    return fn


def _start_after_passphrase(path: Path) -> float:
    """Seconds from the passphrase typed (as ``citesdesk.gui.app.run`` asks it, before
    anything opens the file) to the window's first paint, in a fresh interpreter."""
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "PYTHONPATH": str(root)}
    out = subprocess.run([sys.executable, "-c", START_ENCRYPTED, str(path), PASSPHRASE],
                         env=env, cwd=root, capture_output=True, text=True, check=True)
    return float(out.stdout.split("painted", 1)[1].split()[0])
