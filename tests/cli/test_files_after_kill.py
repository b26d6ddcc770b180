"""``kill -9`` in the middle of a command that writes a file: the database stays intact,
the operation is entirely there or entirely absent, and the next start leaves no file
behind — neither next to the destination nor in the system's temporary folder."""

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from citesdesk.cli import main
from citesdesk.core import files

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and file modes are POSIX")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    path = tmp_path_factory.mktemp("site") / "site.sqlite"
    assert main(["demo", "--db", str(path), "--participants", "400", "--seed", "3"]) == 0
    return path


def _env(tmp_path: Path) -> dict:
    systmp = tmp_path / "systmp"
    systmp.mkdir(exist_ok=True)
    return {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(systmp),
            "CITESDESK_STATE_DIR": str(tmp_path / "state")}


def _kill_when_writing(argv, folder: Path, env: dict, delay: float = 0.0,
                       timeout: float = 120) -> bool:
    """Run ``citesdesk argv``; SIGKILL it ``delay`` s after a new entry appears in
    ``folder``. True if it was killed, False if it ended first."""
    before = set(os.listdir(folder))
    proc = subprocess.Popen([sys.executable, "-m", "citesdesk", *argv], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    end = time.monotonic() + timeout
    try:
        while time.monotonic() < end:
            if set(os.listdir(folder)) - before:
                time.sleep(delay)
                break
            if proc.poll() is not None:
                return False
            time.sleep(0.002)
        proc.send_signal(signal.SIGKILL)
    except ProcessLookupError:
        pass
    return proc.wait() == -signal.SIGKILL


def _next_start(db: Path, env: dict) -> None:
    """Any later run of the program (here ``info``) sweeps what the killed one left."""
    proc = subprocess.run([sys.executable, "-m", "citesdesk", "info", "--db", str(db)],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def _integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def _count(db: Path, table: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_killed_backup_leaves_nothing(site, tmp_path):
    env = _env(tmp_path)
    out = tmp_path / "sauvegardes"
    out.mkdir()
    killed = _kill_when_writing(["backup", "--db", str(site), "--out", str(out / "bk.sqlite")],
                                out, env)
    assert killed
    assert not (out / "bk.sqlite").exists()
    _next_start(site, env)
    assert os.listdir(out) == [] and os.listdir(env["TMPDIR"]) == []
    assert _integrity(site) == "ok"


def test_killed_workbook_export_leaves_nothing(site, tmp_path):
    env = _env(tmp_path)
    out = tmp_path / "exports"
    out.mkdir()
    killed = _kill_when_writing(["export", "workbook", "--db", str(site), "--out",
                                 str(out / "classeur.xlsx")], out, env, delay=0.0)
    assert killed
    _next_start(site, env)
    assert os.listdir(out) == [] and os.listdir(env["TMPDIR"]) == []


def test_killed_quarter_export_leaves_nothing_in_the_system_temp_folder(site, tmp_path):
    env = _env(tmp_path)
    out = tmp_path / "exports"
    out.mkdir()
    killed = _kill_when_writing(["export", "quarter", "--db", str(site), "--quarter",
                                 "2026-T1", "--out", str(out / "t1.xlsx")], out, env,
                                delay=0.0)
    assert killed
    _next_start(site, env)
    assert os.listdir(env["TMPDIR"]) == []
    left = os.listdir(out)
    assert left in ([], ["t1.xlsx"])  # killed before or after the rename, never half-way
    if left:
        openpyxl.load_workbook(out / "t1.xlsx", read_only=True).close()


def _people_csv(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(["Nom", "Prénom", "Date de naissance", "Commune"])
        for i in range(n):  # no two alike: none is taken for a duplicate of another
            name = "".join(chr(65 + (i // 26 ** k) % 26) for k in range(3))
            w.writerow([f"Tué{name}", "Camille",
                        f"{1 + i % 28:02d}/{1 + (i // 28) % 12:02d}/{1960 + i // 336}", "Lyon"])
    return path


def test_killed_import_with_report(site, tmp_path):
    """The report is written before the import: a kill leaves neither a half report
    under its name nor a half import."""
    env = _env(tmp_path)
    db = tmp_path / "copie.sqlite"
    assert main(["backup", "--db", str(site), "--out", str(db)]) == 0
    before = _count(db, "participant")
    source = _people_csv(tmp_path / "gens.csv", 1500)
    reports = tmp_path / "rapports"
    reports.mkdir()
    killed = _kill_when_writing(["import", "participants", str(source), "--db", str(db),
                                 "--report", str(reports / "rapport.xlsx")], reports, env)
    assert killed
    assert not (reports / "rapport.xlsx").exists()
    assert _integrity(db) == "ok"
    assert _count(db, "participant") in (before, before + 1500)
    _next_start(db, env)
    assert os.listdir(reports) == [] and os.listdir(env["TMPDIR"]) == []


def test_killed_import_is_all_or_nothing(site, tmp_path):
    env = _env(tmp_path)
    db = tmp_path / "copie.sqlite"
    assert main(["backup", "--db", str(site), "--out", str(db)]) == 0
    before = _count(db, "participant")
    source = _people_csv(tmp_path / "gens.csv", 1500)
    proc = subprocess.Popen([sys.executable, "-m", "citesdesk", "import", "participants",
                             str(source), "--db", str(db)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wal = db.with_name(db.name + "-wal")
    end = time.monotonic() + 120
    while time.monotonic() < end and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > 200_000:  # writing its transaction
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.002)
    proc.wait()
    assert _integrity(db) == "ok"
    assert _count(db, "participant") in (before, before + 1500)
    _next_start(db, env)
    assert [n for n in os.listdir(tmp_path) if n.startswith(".")] == []
    assert os.listdir(env["TMPDIR"]) == []


def test_killed_demo_leaves_no_database_and_demo_then_works(tmp_path):
    env = _env(tmp_path)
    folder = tmp_path / "bases"
    folder.mkdir()
    target = folder / "demo.sqlite"
    killed = _kill_when_writing(["demo", "--db", str(target), "--participants", "300"],
                                folder, env, delay=0.1)
    assert killed
    assert not target.exists()
    proc = subprocess.run([sys.executable, "-m", "citesdesk", "demo", "--db", str(target),
                           "--participants", "5"], cwd=ROOT, env=env, capture_output=True,
                          text=True)
    assert proc.returncode == 0, proc.stderr
    assert sorted(os.listdir(folder)) == ["demo.sqlite"]
    assert _integrity(target) == "ok" and _count(target, "participant") == 5


def test_killed_participant_pdfs_leave_no_half_file(site, tmp_path):
    env = _env(tmp_path)
    out = tmp_path / "fiches"
    out.mkdir()
    killed = _kill_when_writing(["print", "cohort", *_cohort_arg(site), "--db", str(site),
                                 "--split", "--out", str(out)], out, env, delay=0.5)
    assert killed
    # its worker processes end their chunk, then find their parent gone
    end = time.monotonic() + 60
    while time.monotonic() < end and any(
            not files.is_stale(out / n) for n in os.listdir(out) if n.startswith(".")):
        time.sleep(0.1)
    _next_start(site, env)
    assert len(os.listdir(out)) < 65  # it was stopped half-way
    left = os.listdir(out)
    assert all(n.startswith("participant-") and n.endswith(".pdf") for n in left), left
    for name in left:
        assert (out / name).read_bytes().rstrip().endswith(b"%%EOF")


def _cohort_arg(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        name = conn.execute("SELECT name FROM cohort ORDER BY id LIMIT 1").fetchone()[0]
    finally:
        conn.close()
    return [name]


def test_killed_bundle_leaves_the_bundle_whole_or_absent(tmp_path):
    from citesdesk.core.db import open_database
    from tests.services.bundle.site_fixture import build_site

    env = _env(tmp_path)
    db = tmp_path / "site.sqlite"
    conn = open_database(db, create=True)
    build_site(conn)
    conn.close()
    assert main(["national", "keygen", "--out", str(tmp_path / "nat")]) == 0
    recipient = (tmp_path / "nat" / "national.pub").read_text().strip()
    out = tmp_path / "lots"
    out.mkdir()
    killed = _kill_when_writing(["bundle", "create", "--db", str(db), "--out",
                                 str(out / "lot.citesbundle"), "--recipient", recipient],
                                out, env)
    assert killed
    assert _integrity(db) == "ok"
    _next_start(db, env)
    assert os.listdir(out) in ([], ["lot.citesbundle"])
    assert os.listdir(env["TMPDIR"]) == []
    if os.listdir(out):  # whole: it opens with the national key
        assert main(["bundle", "inspect", str(out / "lot.citesbundle"), "--identity",
                     str(tmp_path / "nat" / "national.key")]) == 0
