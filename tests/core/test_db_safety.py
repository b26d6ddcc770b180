"""Saves are never lost to another process (issue 12, point 1): no Python-level open/close
of a database file while this process holds SQLite connections to it, since on POSIX
closing any descriptor on a file drops every lock the process holds on it."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

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


def test_saves_survive_other_processes_backing_up_and_importing(tmp_path):
    """The window's writer and reader connections stay open while another process backs
    up and imports; every save made after that is in the file, seen from a fresh
    connection."""
    path = tmp_path / "site.sqlite"
    _site(path)
    writer = open_database(path)
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
    if done.returncode == 0:  # the import may be refused while the window holds the base
        assert "Importé" in names
    else:
        assert "utilisée par" in done.stderr


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
