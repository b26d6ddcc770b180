"""Automatic backups: where they go, what is kept, restoring one, a kill mid-copy."""

import datetime as dt
import os
import signal
import subprocess
import sys

import pytest

from citesdesk.core import cipher, settings
from citesdesk.core.db import open_database
from citesdesk.services import backup, records, retention
from citesdesk.services.demo import build_demo

KEY = "une phrase pour les sauvegardes"


@pytest.fixture(autouse=True)
def _forget():
    yield
    cipher._keys.clear()


@pytest.fixture
def site(tmp_path):
    db = open_database(tmp_path / "site.sqlite", create=True)
    build_demo(db, participants=30, seed=2)
    settings.put(db, "backup_folder", str(tmp_path / "cle-usb"))
    yield db
    db.close()


def test_snapshot_goes_to_the_folder_of_the_settings_checked(site, tmp_path):
    path = backup.snapshot(site, "ouverture")
    assert path.parent == tmp_path / "cle-usb"
    assert path.name.startswith("site-") and path.name.endswith("-ouverture.sqlite")
    assert path.stat().st_mode & 0o077 == 0  # for its owner only
    assert backup.counts(path, None) == {
        t: site.execute(f"SELECT count(*) FROM {t} WHERE deleted_at IS NULL").fetchone()[0]
        for t in ("participant", "event", "referral")}
    assert settings.get(site, "last_backup_at")[:10] == dt.date.today().isoformat()
    [listed] = backup.snapshots(tmp_path / "cle-usb")
    assert (listed.path, listed.reason, listed.size) == (path, "ouverture", path.stat().st_size)
    assert [p.name for p in (tmp_path / "cle-usb").iterdir()] == [path.name]  # no temp file


def test_an_unreachable_folder_does_not_stop_the_work(site, tmp_path):
    (tmp_path / "fichier").write_text("x")
    settings.put(site, "backup_folder", str(tmp_path / "fichier" / "dessous"))
    assert backup.snapshot(site, "import") is None
    with pytest.raises(OSError):
        backup.snapshot(site, "import", required=True)


def test_rotation_keeps_10_last_7_daily_4_weekly_12_monthly(tmp_path):
    today = dt.date(2026, 12, 3)
    taken = [dt.datetime(2026, 12, 3, 9) - dt.timedelta(hours=7 * i) for i in range(2000)]
    for t in taken:  # one every 7 hours for about 19 months
        (tmp_path / f"site-{t:%Y%m%d-%H%M%S}-periodique.sqlite").write_bytes(b"")
    (tmp_path / "autre-20200101-000000-import.sqlite").write_bytes(b"")  # another database
    (tmp_path / "copie-a-la-main.sqlite").write_bytes(b"")
    backup.rotate(tmp_path, "site", today=today)
    kept = backup.snapshots(tmp_path, "site")
    stamps = [s.taken for s in kept]
    assert stamps[:10] == taken[:10]
    days = {s.date() for s in stamps if today - s.date() < dt.timedelta(days=7)}
    assert len(days) == 7
    weeks = {s.isocalendar()[:2] for s in stamps}
    assert {t.isocalendar()[:2] for t in taken[:4 * 24]} <= weeks | {(2026, 45)}
    months = {(s.year, s.month) for s in stamps}
    assert len(months) == 12 and min(months) == (2026, 1)
    assert len(kept) <= 10 + 7 + 4 + 12
    assert (tmp_path / "autre-20200101-000000-import.sqlite").exists()
    assert (tmp_path / "copie-a-la-main.sqlite").exists()


def test_import_and_purge_take_a_snapshot_first(site, tmp_path):
    person = records.create(site, "participant", {"last_name": "Avant", "first_name": "Purge"})
    retention.purge(site, [person["uuid"]])
    [snap] = backup.snapshots(tmp_path / "cle-usb")
    assert snap.reason == "purge"
    copy = open_database(snap.path, readonly=True)
    assert copy.execute("SELECT count(*) FROM participant WHERE uuid = ?",
                        [person["uuid"]]).fetchone()[0] == 1
    copy.close()


def test_restore_sets_the_current_database_aside(site, tmp_path):
    saved = backup.snapshot(site, "manuelle")
    records.create(site, "participant", {"last_name": "Après", "first_name": "Sauvegarde"})
    site.close()
    aside = backup.restore(saved, tmp_path / "site.sqlite")
    assert aside.name.startswith("site.avant-restauration-")
    back = open_database(tmp_path / "site.sqlite", readonly=True)
    before = open_database(aside, readonly=True)
    q = "SELECT count(*) FROM participant WHERE last_name = 'Après'"
    assert (back.execute(q).fetchone()[0], before.execute(q).fetchone()[0]) == (0, 1)
    back.close(), before.close()


def test_encrypted_snapshots_and_restore(tmp_path):
    path = tmp_path / "site.sqlite"
    db = open_database(path, create=True, key=KEY)
    build_demo(db, participants=10, seed=4)
    settings.put(db, "backup_folder", str(tmp_path / "sauvegardes"))
    names = [r[0] for r in db.execute("SELECT last_name FROM participant")]
    snap = backup.snapshot(db, "periodique")
    db.close()
    data = snap.read_bytes()
    assert not any(n.encode() in data for n in names)
    assert backup.counts(snap, None) is None  # another passphrase: unknown, not a crash
    assert backup.counts(snap, KEY)["participant"] == 10
    aside = backup.restore(snap, path, KEY)
    assert not any(n.encode() in aside.read_bytes() for n in names)
    cipher._keys.clear()
    assert open_database(path, key=KEY).execute(
        "SELECT count(*) FROM participant").fetchone()[0] == 10


KILLER = """
import sys, time
from citesdesk.core.db import open_database
from citesdesk.services import backup
db = open_database(sys.argv[1], key=sys.argv[3] or None)
orig = db.backup_to
def slow(target):
    print("copying", flush=True)
    time.sleep(30)
db.backup_to = lambda target: (orig(target), slow(target))
backup.snapshot(db, "periodique", required=True)
"""


@pytest.mark.parametrize("key", ["", KEY])
def test_kill_during_a_backup_leaves_the_database_intact_and_no_half_backup(tmp_path, key):
    path = tmp_path / "site.sqlite"
    db = open_database(path, create=True, key=key or None)
    build_demo(db, participants=20, seed=5)
    settings.put(db, "backup_folder", str(tmp_path / "sauvegardes"))
    db.close()
    proc = subprocess.Popen([sys.executable, "-c", KILLER, str(path), "", key],
                            stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": os.getcwd()})
    assert proc.stdout.readline().strip() == "copying"  # the copy is written, not moved yet
    # the copy being written: a private work folder (core.files), not a backup's name
    leftovers = list((tmp_path / "sauvegardes").iterdir())
    assert leftovers and all(p.name.endswith(".citesdesk-tmp") and p.is_dir()
                             for p in leftovers)
    if key:
        assert all(b"SQLite format 3" not in f.read_bytes()[:16]
                   for p in leftovers for f in p.iterdir() if f.is_file() and f.stat().st_size)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert backup.snapshots(tmp_path / "sauvegardes") == []  # no backup under a real name
    db = open_database(path, key=key or None)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT count(*) FROM participant").fetchone()[0] == 20
    backup.snapshot(db, "periodique")  # the killed copy's work folder is swept
    assert not any(p.exists() for p in leftovers)
    assert all(not p.name.endswith(".citesdesk-tmp")
               for p in (tmp_path / "sauvegardes").iterdir())
    db.close()


def test_a_plain_backup_restored_over_an_encrypted_database_stays_encrypted(site, tmp_path):
    """The snapshot taken before encrypting is plain: restoring it keeps the encryption."""
    plain = backup.snapshot(site, "chiffrement")
    site.close()
    path = tmp_path / "site.sqlite"
    cipher.convert(path, None, KEY)
    aside = backup.restore(plain, path)
    assert path.read_bytes()[:16] != b"SQLite format 3\x00"
    assert aside.read_bytes()[:16] != b"SQLite format 3\x00"
    cipher._keys.clear()
    db = open_database(path, key=KEY)
    assert db.execute("SELECT count(*) FROM participant").fetchone()[0] == 30
    db.close()
