"""Saves are never lost to another process (issue 12, point 1): no Python-level open/close
of a database file while this process holds SQLite connections to it, since on POSIX
closing any descriptor on a file drops every lock the process holds on it."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from citesdesk.core.db import open_database
from citesdesk.services import records

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CITESDESK_LANG": "fr"}
    done = subprocess.run([sys.executable, "-m", "citesdesk", *args], env=env,
                          capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stderr, done.stderr
    if check:
        assert done.returncode == 0, done.stderr
    return done


def _site(path: Path) -> None:
    db = open_database(path, create=True)
    records.create(db, "site", {"name": "Cité test", "site_code": "T01"})
    db.close()


def _csv(path: Path, names: list[str]) -> Path:
    path.write_text("Nom;Prénom;Date de naissance\n"
                    + "".join(f"{n};Ana;01/02/1990\n" for n in names), encoding="utf-8")
    return path


@pytest.mark.parametrize("exclusive", [True, False])
def test_saves_survive_other_processes_backing_up_and_importing(tmp_path, exclusive):
    """The window's writer and reader connections stay open while another process backs
    up and imports; every save made after that is in the file, seen from a fresh
    connection. Without the instance lock (``exclusive=False``) the import really runs
    beside the window: the saves survive it too."""
    path = tmp_path / "site.sqlite"
    _site(path)
    writer = open_database(path, exclusive=exclusive)
    reader = open_database(path, readonly=True)  # as the window does, after the writer
    records.create(writer, "participant", {"last_name": "Avant", "first_name": "Un"})
    assert reader.execute("SELECT count(*) FROM participant").fetchone()[0] == 1

    cli("backup", "--db", str(path), "--out", str(tmp_path / "copie.sqlite"))
    saved = [records.create(writer, "participant",
                            {"last_name": f"Après{i}", "first_name": "Deux"})["uuid"]
             for i in range(3)]
    import_file = _csv(tmp_path / "gens.csv", ["Importé"])
    done = cli("import", "participants", str(import_file), "--db", str(path), check=False)
    saved += [records.create(writer, "participant",
                             {"last_name": f"Encore{i}", "first_name": "Trois"})["uuid"]
              for i in range(3)]
    # the sqlite3 shell, or any program, opening and closing the file
    other = sqlite3.connect(path)
    other.execute("SELECT count(*) FROM participant").fetchone()
    other.close()
    saved.append(records.create(writer, "participant",
                                {"last_name": "Dernier", "first_name": "Quatre"})["uuid"])
    reader.close()
    writer.close()

    fresh = sqlite3.connect(path)
    try:
        assert fresh.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        found = {r[0] for r in fresh.execute("SELECT uuid FROM participant")}
        names = {r[0] for r in fresh.execute("SELECT last_name FROM participant")}
    finally:
        fresh.close()
    assert set(saved) <= found, f"{len(set(saved) - found)} of {len(saved)} saves lost"
    assert "Avant" in names
    if exclusive:  # the window holds the base: the import is refused in one sentence
        assert done.returncode == 1
        assert f"(processus {os.getpid()} sur " in done.stderr and "utilisée par" in done.stderr
    else:
        assert done.returncode == 0, done.stderr
        assert "Importé" in names


def test_no_python_open_of_the_file_while_a_connection_is_held(tmp_path, monkeypatch):
    """Opening a second connection (the window's reader), or refusing a damaged copy of
    the file, reads nothing of the file with Python's own ``open()``."""
    import builtins
    import io

    path = tmp_path / "site.sqlite"
    _site(path)
    writer = open_database(path)
    opened = []
    real_open = builtins.open

    def spy(f, *a, **kw):
        if isinstance(f, (str, os.PathLike)) and Path(f).name.startswith(path.name):
            opened.append(f)
        return real_open(f, *a, **kw)

    monkeypatch.setattr(builtins, "open", spy)
    monkeypatch.setattr(io, "open", spy)
    reader = open_database(path, readonly=True)
    second = open_database(path)
    for db in (second, reader, writer):
        db.close()
    assert opened == []


# -- one writing program per database (issue 12, point 3) --------------------------------

HOLD = """
import sys, time
from citesdesk.core import locking
from citesdesk.core.db import open_database
locking.PROGRAM["name"] = "citesdesk import"
db = open_database(sys.argv[1])
print("ready", flush=True)
time.sleep(120)
"""


def _holder(path: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], env=env,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    return proc


def test_a_second_writer_is_told_who_holds_the_base_and_may_read(tmp_path):
    from citesdesk.core.locking import DatabaseInUse

    path = tmp_path / "site.sqlite"
    _site(path)
    holder = _holder(path)
    try:
        with pytest.raises(DatabaseInUse) as info:
            open_database(path)
        text = info.value.message("fr")
        assert f"processus {holder.pid} sur " in text and "« citesdesk import »" in text
        assert "réessayez" in text
        reader = open_database(path, readonly=True)  # reading is still possible
        assert reader.execute("SELECT count(*) FROM site").fetchone()[0] == 1
        reader.close()
        done = cli("import", "participants", str(_csv(tmp_path / "g.csv", ["Un"])),
                   "--db", str(path), check=False)
        assert done.returncode == 1
        assert done.stderr.strip().count("\n") == 0  # one sentence
        assert f"utilisée par « citesdesk import » (processus {holder.pid}" in done.stderr
        backup = cli("backup", "--db", str(path), "--out", str(tmp_path / "b.sqlite"))
        assert "Sauvegarde écrite" in backup.stdout  # a copy needs no write access
    finally:
        holder.kill()
        holder.wait()


def test_a_lock_left_by_a_killed_program_is_stale_and_taken_over(tmp_path):
    from citesdesk.core.locking import lock_path

    path = tmp_path / "site.sqlite"
    _site(path)
    holder = _holder(path)
    from citesdesk.core.locking import current_holder

    assert current_holder(path).pid == holder.pid
    holder.kill()  # SIGKILL: no clean-up at all
    holder.wait()
    assert str(holder.pid) in lock_path(path).read_text()
    stale = lock_path(path).read_bytes()
    assert current_holder(path) is None  # nobody holds it: stale, and removed
    assert not lock_path(path).exists()
    lock_path(path).write_bytes(stale)  # left again, as after a power cut
    db = open_database(path)
    try:
        assert db.instance_lock.stale.pid == holder.pid
        assert f'"pid": {os.getpid()}' in lock_path(path).read_text()
        if os.name == "posix":
            assert lock_path(path).stat().st_mode & 0o077 == 0
    finally:
        db.close()
    assert not lock_path(path).exists()


def test_one_process_may_open_its_base_twice(tmp_path):
    from citesdesk.core.locking import lock_path

    path = tmp_path / "site.sqlite"
    _site(path)
    first, second = open_database(path), open_database(path)
    first.close()
    assert lock_path(path).exists()  # still held by the second connection
    records.create(second, "participant", {"last_name": "Un", "first_name": "Deux"})
    second.close()
    assert not lock_path(path).exists()


def test_a_busy_base_is_one_sentence_and_nothing_is_written(tmp_path):
    """Another connection (a program without a lock file, like the sqlite3 shell) holds
    the write lock longer than the busy timeout: a clear refusal, no partial write."""
    from citesdesk.core.errors import CitesDeskError

    path = tmp_path / "site.sqlite"
    _site(path)
    db = open_database(path)
    db.execute("PRAGMA busy_timeout = 200")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(CitesDeskError) as info:
            records.create(db, "participant", {"last_name": "Perdu", "first_name": "Non"})
        assert "est utilisée par un autre programme" in info.value.message("fr")
        assert "réessayez" in info.value.message("fr")
        assert "try again" in info.value.message("en")
    finally:
        other.execute("ROLLBACK")
        other.close()
    records.create(db, "participant", {"last_name": "Enfin", "first_name": "Oui"})
    names = [r[0] for r in db.execute("SELECT last_name FROM participant")]
    db.close()
    assert names == ["Enfin"]


def test_a_read_then_write_waits_for_the_other_writer_instead_of_failing(tmp_path):
    """``BEGIN IMMEDIATE``: an update (which reads, then writes) made while another
    connection writes waits for it rather than failing with "database is locked"."""
    import threading

    path = tmp_path / "site.sqlite"
    _site(path)
    db = open_database(path)
    p = records.create(db, "participant", {"last_name": "Avant", "first_name": "Un"})
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE site SET name = 'Autre nom'")
    threading.Timer(0.5, lambda: other.execute("COMMIT")).start()
    records.update(db, "participant", p["uuid"], {"last_name": "Après"})
    assert records.get(db, "participant", p["uuid"])["last_name"] == "Après"
    other.close()
    db.close()


def test_a_command_finding_the_base_busy_says_so_in_one_sentence(tmp_path):
    """A program that takes no lock file (the sqlite3 shell) holds SQLite's write lock
    longer than the busy timeout: ``citesdesk import`` is refused in one sentence, exit 1,
    no traceback, nothing written."""
    path = tmp_path / "site.sqlite"
    _site(path)
    shell = sqlite3.connect(path, isolation_level=None)
    shell.execute("BEGIN IMMEDIATE")
    try:
        done = cli("import", "participants", str(_csv(tmp_path / "g.csv", ["Bloqué"])),
                   "--db", str(path), check=False)
    finally:
        shell.execute("ROLLBACK")
        shell.close()
    assert done.returncode == 1
    last = done.stderr.strip().splitlines()[-1]
    assert last == ("La base « site.sqlite » est utilisée par un autre programme ; rien n'a "
                    "été enregistré, réessayez dans un instant."), done.stderr
    db = open_database(path, readonly=True)
    assert db.execute("SELECT count(*) FROM participant").fetchone()[0] == 0
    db.close()


def test_restore_refuses_to_replace_a_base_a_window_is_writing_into(tmp_path):
    """``citesdesk restore`` removes the base's write-ahead log and replaces the file: with
    a window open on it, its later saves would go nowhere. It is refused instead."""
    path = tmp_path / "site.sqlite"
    _site(path)
    copy = tmp_path / "copie.sqlite"
    cli("backup", "--db", str(path), "--out", str(copy))
    holder = _holder(path)
    try:
        done = cli("restore", str(copy), "--db", str(path), check=False)
        assert done.returncode == 1
        assert f"utilisée par « citesdesk import » (processus {holder.pid}" in done.stderr
        assert not list(tmp_path.glob("*avant-restauration*"))
    finally:
        holder.kill()
        holder.wait()
    done = cli("restore", str(copy), "--db", str(path))  # the holder is gone: it works
    assert "Base restaurée" in done.stdout
