"""Every file CitésDesk writes is readable by its owner only (``0600``), every folder it
creates ``0700``, whatever the umask; per-person PDFs are named without the person's name."""

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from citesdesk.cli import main
from citesdesk.core.db import open_database
from tests.services.bundle.site_fixture import build_site

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask():
    old = os.umask(0o022)  # the usual umask: without care, files come out -rw-r--r--
    yield
    os.umask(old)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    old = os.umask(0o022)
    try:
        path = tmp_path_factory.mktemp("modes") / "demo.sqlite"
        assert main(["demo", "--db", str(path), "--participants", "30", "--seed", "4"]) == 0
    finally:
        os.umask(old)
    return path


def _first(db: Path, sql: str):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def test_database_and_its_wal_are_owner_only(tmp_path, open_umask, demo):
    assert mode(demo) == 0o600
    db = open_database(tmp_path / "site.sqlite", create=True)
    try:
        with db.atomic():
            db.set_setting("x", 1)
        assert mode(tmp_path / "site.sqlite") == 0o600
        assert mode(tmp_path / "site.sqlite-wal") == 0o600
    finally:
        db.close()


def test_an_old_world_readable_database_becomes_owner_only(tmp_path, open_umask, demo):
    copy = tmp_path / "ancienne.sqlite"
    copy.write_bytes(demo.read_bytes())
    copy.chmod(0o644)
    open_database(copy).close()
    assert mode(copy) == 0o600


def test_backup_exports_report_template_are_owner_only(tmp_path, open_umask, demo):
    files = {
        "bk.sqlite": ["backup", "--db", str(demo), "--out", str(tmp_path / "bk.sqlite")],
        "classeur.xlsx": ["export", "workbook", "--db", str(demo), "--out",
                          str(tmp_path / "classeur.xlsx")],
        "protege.xlsx": ["export", "workbook", "--db", str(demo), "--password", "s3cret",
                         "--out", str(tmp_path / "protege.xlsx")],
        "t1.xlsx": ["export", "quarter", "--db", str(demo), "--quarter", "2026-T1",
                    "--out", str(tmp_path / "t1.xlsx")],
        "modele.xlsx": ["import-template", "participants", "--out",
                        str(tmp_path / "modele.xlsx")],
    }
    for name, argv in files.items():
        assert main(argv) == 0, name
        assert mode(tmp_path / name) == 0o600, name
    source = tmp_path / "gens.csv"
    source.write_text("Nom;Prénom\nMartin;Léa\n", "utf-8")
    assert main(["import", "participants", str(source), "--db", str(demo), "--dry-run",
                 "--report", str(tmp_path / "rapport.xlsx")]) == 0
    assert mode(tmp_path / "rapport.xlsx") == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [*files, "gens.csv", "rapport.xlsx"])  # no work file left


def test_pdfs_are_owner_only_and_named_by_reference(tmp_path, open_umask, demo):
    uuid = _first(demo, "SELECT uuid FROM participant ORDER BY id LIMIT 1")
    last = _first(demo, "SELECT last_name FROM participant ORDER BY id LIMIT 1")
    cohort = _first(demo, "SELECT name FROM cohort ORDER BY id LIMIT 1")
    for what, name in (("participant", "fiche.pdf"), ("access-export", "acces.pdf")):
        assert main(["print", what, uuid, "--db", str(demo), "--out",
                     str(tmp_path / name)]) == 0
        assert mode(tmp_path / name) == 0o600
    folder = tmp_path / "fiches-cohorte"  # created by the command (its parent exists)
    assert main(["print", "cohort", cohort, "--split", "--db", str(demo), "--out",
                 str(folder)]) == 0
    assert mode(folder) == 0o700
    names = sorted(p.name for p in folder.iterdir())
    assert names and all(mode(folder / n) == 0o600 for n in names)
    assert all(n.startswith("participant-") for n in names)
    assert not any(last.lower()[:4] in n for n in names)


def test_bundle_is_owner_only(tmp_path, open_umask, capsys):
    db = tmp_path / "site.sqlite"
    conn = open_database(db, create=True)
    build_site(conn)
    conn.close()
    assert main(["national", "keygen", "--out", str(tmp_path / "nat")]) == 0
    recipient = capsys.readouterr().out.strip()
    out = tmp_path / "lot.citesbundle"
    assert main(["bundle", "create", "--db", str(db), "--out", str(out),
                 "--recipient", recipient]) == 0
    assert mode(out) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
