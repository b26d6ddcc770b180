"""The bundle sequence after a kill (issue 12, point 8): the sequence is taken inside the
transaction that logs it, and the file gets its name only once logged, so a process
killed at any point never leaves two bundles with the same sequence."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from citesdesk.core.db import open_database
from citesdesk.services.bundle import create_bundle, history, keys
from tests.services.bundle.helpers import members
from tests.services.bundle.site_fixture import TODAY, build_site

ROOT = Path(__file__).resolve().parents[3]
KILLED = """
import datetime as dt, os, signal, sys
import citesdesk.services.bundle.create as create
from citesdesk.core.db import open_database

def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

if sys.argv[3] == "while-logging":   # the file is written, the log row not committed
    create.audit = die
else:                                # the log is committed, the file not yet renamed
    create.os.replace = die
db = open_database(sys.argv[1])
create.create_bundle(db, sys.argv[2], today=dt.date(2026, 11, 27))
"""


@pytest.mark.parametrize("moment", ["while-logging", "before-renaming"])
def test_a_bundle_killed_half_way_never_shares_its_sequence(tmp_path, national, moment):
    path = tmp_path / "site.sqlite"
    db = open_database(path, create=True)
    build_site(db)
    keys.set_recipients(db, [national[1]])
    keys.signing_key(db)
    db.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-c", KILLED, str(path),
                          str(tmp_path / "lot-1.citesbundle"), moment],
                         env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == -signal.SIGKILL, run.stderr

    db = open_database(path)  # the killed program's lock is stale
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        second = create_bundle(db, tmp_path / "lot-2.citesbundle", today=TODAY)
        logged = {h["file_name"]: h["sequence"] for h in history(db)}
    finally:
        db.close()
    on_disk = {}
    for f in sorted(tmp_path.glob("*.citesbundle")):
        meta = json.loads(members(f, national[0])["datapackage.json"])["citesdesk"]
        on_disk[f.name] = meta["sequence"]
    assert len(set(on_disk.values())) == len(on_disk), on_disk  # no sequence twice
    assert "lot-1.citesbundle" not in on_disk  # no bundle under its name unless logged
    assert on_disk["lot-2.citesbundle"] == second.sequence == logged["lot-2.citesbundle"]
    if moment == "while-logging":
        assert logged == {"lot-2.citesbundle": 1}  # nothing of the killed one was kept
    else:
        assert logged == {"lot-1.citesbundle": 1, "lot-2.citesbundle": 2}
