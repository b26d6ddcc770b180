"""A full disk (a small tmpfs, or a file-size limit) and read-only media: one sentence on
stderr, exit 1, the database intact, no half file anywhere."""

import contextlib
import csv
import os
import resource
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from citesdesk.cli import main

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="tmpfs and RLIMIT_FSIZE")


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("disk")
    path = folder / "site.sqlite"
    assert main(["demo", "--db", str(path), "--participants", "40", "--seed", "5"]) == 0
    people = folder / "gens.csv"
    with people.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(["Nom", "Prénom", "Date de naissance", "Commune"])
        for i in range(1500):
            name = "".join(chr(65 + (i // 26 ** k) % 26) for k in range(3))
            w.writerow([f"Plein{name}", "Camille",
                        f"{1 + i % 28:02d}/{1 + (i // 28) % 12:02d}/{1960 + i // 336}", "Lyon"])
    return path, people


def _state(db: Path) -> tuple[str, int]:
    conn = sqlite3.connect(db)
    try:
        return (conn.execute("PRAGMA integrity_check").fetchone()[0],
                conn.execute("SELECT count(*) FROM participant").fetchone()[0])
    finally:
        conn.close()


def _run(argv, limit: int | None = None) -> subprocess.CompletedProcess:
    def cap():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run([sys.executable, "-m", "citesdesk", *argv], cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True,
                          text=True, preexec_fn=cap if limit else None, timeout=300)


def _one_sentence(proc) -> str:
    assert proc.returncode == 1, proc.stderr[-3000:]
    lines = [line for line in proc.stderr.splitlines()
             if not line.startswith(("g", "à créer", "  ["))]  # the plan printed before
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert "Rien n'a été modifié ni perdu" in lines[0]
    return lines[0]


@contextlib.contextmanager
def _tmpfs(where: Path, size: str = "3m"):
    where.mkdir()
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True)
    if proc.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (not root)")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=False)


def test_import_export_backup_on_a_full_tmpfs(small_site, tmp_path):
    db, people = small_site
    with _tmpfs(tmp_path / "usb") as usb:
        site = usb / "site.sqlite"
        site.write_bytes(db.read_bytes())
        free = os.statvfs(usb).f_bavail * os.statvfs(usb).f_frsize
        (usb / "lest").write_bytes(b"\0" * (free - 300_000))  # 300 kB left
        before = _state(site)
        line = _one_sentence(_run(["import", "participants", str(people), "--db", str(site)]))
        assert line.startswith(f"Le disque est plein : impossible d'écrire « {site} »")
        assert _state(site) == before
        (usb / "lest2").write_bytes(b"\0" * 200_000)  # 100 kB left
        line = _one_sentence(_run(["export", "workbook", "--db", str(db), "--out",
                                   str(usb / "classeur.xlsx")]))
        assert line.startswith(f"Le disque est plein : impossible d'écrire « {usb}")
        line = _one_sentence(_run(["backup", "--db", str(site), "--out",
                                   str(usb / "copie.sqlite")]))
        assert sorted(p.name for p in usb.iterdir() if not p.name.startswith("site.sqlite-")) \
            == ["lest", "lest2", "site.sqlite"]
        assert _state(site) == before


def test_import_export_backup_past_a_file_size_limit(small_site, tmp_path):
    db, people = small_site
    site = tmp_path / "site.sqlite"
    site.write_bytes(db.read_bytes())
    before = _state(site)
    line = _one_sentence(_run(["import", "participants", str(people), "--db", str(site)],
                              limit=200_000))
    assert str(site) in line
    assert _state(site) == before
    out = tmp_path / "out"
    out.mkdir()
    for argv, limit in (
            (["export", "workbook", "--db", str(site), "--out", str(out / "c.xlsx")], 60_000),
            (["export", "quarter", "--quarter", "2026-T1", "--db", str(site), "--out",
              str(out / "t.xlsx")], 8_000),
            (["backup", "--db", str(site), "--out", str(out / "copie.sqlite")], 100_000)):
        _one_sentence(_run(argv, limit=limit))
        assert os.listdir(out) == [], argv
    assert _state(site) == before


def test_read_only_media(small_site, tmp_path):
    db, _ = small_site
    with _tmpfs(tmp_path / "cd") as cd:
        (cd / "site.sqlite").write_bytes(db.read_bytes())
        if subprocess.run(["mount", "-o", "remount,ro", str(cd)]).returncode != 0:
            pytest.skip("cannot remount read-only")
        proc = _run(["export", "workbook", "--db", str(db), "--out", str(cd / "c.xlsx")])
        assert proc.returncode == 1 and "lecture seule" in proc.stderr
        assert "Traceback" not in proc.stderr
        proc = _run(["import", "participants", str(db), "--db", str(cd / "site.sqlite")])
        assert proc.returncode == 1 and "lecture seule" in proc.stderr
