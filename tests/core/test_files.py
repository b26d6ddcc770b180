"""citesdesk.core.files: whole or nothing, owner-only, swept after a crash, one sentence for
a full disk."""

import errno
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from citesdesk.core import files
from citesdesk.core.errors import CitesDeskError


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_success_replaces_the_target_at_once(tmp_path):
    target = tmp_path / "a.xlsx"
    target.write_bytes(b"old")
    with files.private_output(target) as work:
        assert work.dir.parent == tmp_path and work.dir.name.endswith(files.TEMP_SUFFIX)
        work.file.write_bytes(b"new")
        (work.dir / "scratch").write_bytes(b"x")
        assert target.read_bytes() == b"old"
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["a.xlsx"]
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600


def test_failure_leaves_the_old_file_and_nothing_else(tmp_path):
    target = tmp_path / "a.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(ValueError), files.private_output(target) as work:
        work.file.write_bytes(b"half")
        raise ValueError("boom")
    assert target.read_bytes() == b"old" and os.listdir(tmp_path) == ["a.xlsx"]


def test_sweep_removes_only_what_dead_processes_left(tmp_path):
    dead = tmp_path / f".x.xlsx.{files.HOST}-{_dead_pid()}-0123abcd{files.TEMP_SUFFIX}"
    dead.mkdir()
    (dead / "x.xlsx").write_bytes(b"personal data")
    alive = tmp_path / f".y.xlsx.{files.HOST}-{os.getppid()}-0123abcd{files.TEMP_SUFFIX}"
    alive.mkdir()
    # another computer writing to the same shared folder: its process numbers mean nothing here
    other = "0000" if files.HOST != "0000" else "ffff"
    remote = tmp_path / f".z.xlsx.{other}-{_dead_pid()}-0123abcd{files.TEMP_SUFFIX}"
    remote.mkdir()
    old = tmp_path / f".v.xlsx.{other}-{_dead_pid()}-0123abcd{files.TEMP_SUFFIX}"
    old.mkdir()
    os.utime(old, (0, 0))  # ...unless it is days old
    mine = tmp_path / ".notes.txt"
    mine.write_text("not ours")
    assert files.sweep(tmp_path) == 2
    assert sorted(os.listdir(tmp_path)) == sorted([alive.name, remote.name, mine.name])


def test_markers_find_work_left_anywhere(tmp_path, monkeypatch):
    monkeypatch.setenv("CITESDESK_STATE_DIR", str(tmp_path / "state"))
    elsewhere = tmp_path / "usb"
    elsewhere.mkdir()
    # a process that died inside private_output: its marker and its work folder remain
    code = ("import os, sys; from citesdesk.core import files\n"
            f"with files.private_output({str(elsewhere / 'bk.sqlite')!r}) as w:\n"
            "    w.file.write_bytes(b'x' * 1000); os._exit(9)\n")
    proc = subprocess.run([sys.executable, "-c", code], env={**os.environ,
                          "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    assert proc.returncode == 9
    assert len(os.listdir(elsewhere)) == 1 and len(os.listdir(tmp_path / "state/pending")) == 1
    assert files.sweep_pending() == 1
    assert os.listdir(elsewhere) == [] and os.listdir(tmp_path / "state/pending") == []


def test_private_dir_creates_owner_only_folders(tmp_path):
    old = os.umask(0o022)
    try:
        files.private_dir(tmp_path / "a" / "b")
    finally:
        os.umask(old)
    if os.name == "posix":
        assert (tmp_path / "a").stat().st_mode & 0o777 == 0o700
        assert (tmp_path / "a" / "b").stat().st_mode & 0o777 == 0o700


@pytest.mark.parametrize("exc", [OSError(errno.ENOSPC, "No space left on device"),
                                 sqlite3.OperationalError("database or disk is full"),
                                 OSError(errno.EFBIG, "File too large")])
def test_a_full_disk_is_one_sentence(exc):
    err = files.user_error(exc, "/media/usb/x.xlsx")
    assert isinstance(err, CitesDeskError)
    assert err.message("fr").startswith("Le disque est plein : impossible d'écrire « /media")
    assert "Rien n'a été modifié ni perdu" in err.message("fr")
    assert err.message("en").startswith("The disk is full")


def test_read_only_media_is_one_sentence():
    err = files.user_error(OSError(errno.EROFS, "Read-only file system"), "/media/cd/x.pdf")
    assert "lecture seule" in err.message("fr") and "read-only" in err.message("en")
    assert files.user_error(ValueError("x")) is None
