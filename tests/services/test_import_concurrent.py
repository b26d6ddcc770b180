"""Two imports of the same file at once (issue 12, point 2): the second finds the first
one's people, because duplicates are looked for again inside the writing transaction;
no process prints a traceback."""

import os
import subprocess
import sys
import time
from pathlib import Path

from citesdesk.core.db import open_database
from citesdesk.services import importer, records

ROOT = Path(__file__).resolve().parents[2]


def people_csv(path: Path, n: int) -> Path:
    lines = ["Nom;Prénom;Date de naissance;Téléphone"]
    lines += [f"Nom{i:05d};Prénom{i % 97};{1 + i % 28:02d}/{1 + i % 12:02d}/{1960 + i % 40};"
              f"06 12 {i % 100:02d} {i // 100 % 100:02d} 00" for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def site(path: Path) -> Path:
    db = open_database(path, create=True)
    records.create(db, "site", {"name": "Cité test", "site_code": "T01"})
    db.close()
    return path


def plan_of(db, file: Path):
    table = importer.load_table(file, "participants")
    mapping, _ = importer.suggest_mapping(db, table)
    return importer.analyse(db, table, mapping)


def test_a_plan_made_before_another_import_is_checked_again_when_written(tmp_path):
    path = site(tmp_path / "site.sqlite")
    file = people_csv(tmp_path / "gens.csv", 300)
    first, second = open_database(path), open_database(path)
    try:
        plan1, plan2 = plan_of(first, file), plan_of(second, file)
        assert plan1.counts()["create"] == plan2.counts()["create"] > 250
        done1 = importer.commit(first, plan1)
        done2 = importer.commit(second, plan2)  # its dry run saw an empty site
    finally:
        first.close()
        second.close()
    assert done1["counts"]["created"] == plan1.counts()["create"]
    assert not done1["rechecked"]
    assert done2["rechecked"]
    assert done2["counts"]["created"] == 0
    assert done2["counts"]["skipped"] == 300
    db = open_database(path, readonly=True)
    n, distinct = db.execute(
        "SELECT count(*), count(DISTINCT last_name) FROM participant").fetchone()
    db.close()
    assert n == distinct == done1["counts"]["created"]


def test_a_choice_made_in_the_dry_run_is_kept_when_the_plan_is_made_again(tmp_path):
    """The user chose to update a duplicate; something else changed meanwhile; the commit
    checks again and still updates it."""
    path = site(tmp_path / "site.sqlite")
    db = open_database(path)
    try:
        known = records.create(db, "participant", {
            "last_name": "Nom00001", "first_name": "Prénom1", "birth_date": "1961-02-02"})
        file = people_csv(tmp_path / "gens.csv", 3)
        plan = plan_of(db, file)
        (dup,) = [r for r in plan.rows if r.duplicate]
        plan.decide(dup.row, "update")
        records.create(db, "participant", {"last_name": "Autre", "first_name": "Personne"})
        done = importer.commit(db, plan)
        phone = records.get(db, "participant", known["uuid"])["phone"]
    finally:
        db.close()
    assert done["rechecked"]
    assert done["counts"]["updated"] == 1 and done["counts"]["created"] == 2
    assert phone == "06 12 01 00 00"


def _cli(db: Path, file: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CITESDESK_LANG": "fr"}
    return subprocess.Popen(
        [sys.executable, "-m", "citesdesk", "import", "participants", str(file), "--db",
         str(db)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_processes_importing_the_same_file_leave_one_copy_of_each_person(tmp_path):
    path = site(tmp_path / "site.sqlite")
    file = people_csv(tmp_path / "gens.csv", 3000)
    first = _cli(path, file)
    time.sleep(1.0)  # the second starts while the first is reading or writing
    second = _cli(path, file)
    outputs = [p.communicate(timeout=300) for p in (first, second)]
    codes = [first.returncode, second.returncode]
    for (_out, err), code in zip(outputs, codes, strict=True):
        assert "Traceback" not in err and "Erreur inattendue" not in err, err
        assert code in (0, 1), err
        if code == 1:  # refused cleanly, in one sentence naming who holds the base
            assert "utilisée par" in err and "réessayez" in err, err
    assert codes[0] == 0
    db = open_database(path, readonly=True)
    n, distinct = db.execute(
        "SELECT count(*), count(DISTINCT last_name) FROM participant").fetchone()
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    assert n == distinct > 2900
