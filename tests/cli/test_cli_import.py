"""``citesdesk import`` and ``citesdesk import-template``: exit codes, messages, --json."""

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from citesdesk.cli import main
from citesdesk.core.db import open_database

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures" / "import"


@pytest.fixture
def dbpath(tmp_path):
    path = tmp_path / "site.sqlite"
    open_database(path, create=True).close()
    return path


def count(dbpath, table="participant"):
    db = open_database(dbpath)
    try:
        return db.execute(f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL").fetchone()[0]
    finally:
        db.close()


def test_clean_file_imports(dbpath, capsys):
    rc = main(["import", "participants", str(FIX / "participants_win1252.csv"),
               "--db", str(dbpath), "--json"])
    assert rc == 0
    out = json.loads(capsys.readouterr().out)
    assert out["counts"]["created"] == 3 and out["dry_run"] is False
    assert out["mapping"]["Nom de famille"] == "last_name"
    assert count(dbpath) == 3


def test_errors_refuse_everything_with_exit_1(dbpath, capsys):
    rc = main(["import", "participants", str(FIX / "participants_messy.xlsx"),
               "--db", str(dbpath)])
    err = capsys.readouterr().err
    assert rc == 1
    assert "rien n'a été importé" in err and "ligne 10, colonne C (« Né(e) le »)" in err
    assert "  [erreur] ligne 10" in err and "[error]" not in err  # the dry run per row
    assert count(dbpath) == 0


def test_dry_run_json_and_report(dbpath, tmp_path, capsys):
    report = tmp_path / "rapport.xlsx"
    rc = main(["import", "participants", str(FIX / "participants_messy.xlsx"), "--db",
               str(dbpath), "--dry-run", "--json", "--report", str(report)])
    assert rc == 1  # errors found
    out = json.loads(capsys.readouterr().out)
    assert out["dry_run"] is True
    assert out["counts"]["error"] == 2 and out["counts"]["create"] == 4
    assert out["new_cohorts"] == ["Cohorte printemps"]
    assert report.exists() and openpyxl.load_workbook(report).sheetnames == ["Lignes", "Résumé"]
    assert count(dbpath) == 0


def test_valid_only_and_on_duplicate(dbpath, capsys):
    args = ["import", "participants", str(FIX / "participants_messy.xlsx"), "--db", str(dbpath),
            "--valid-only", "--json"]
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out)["counts"]["created"] == 4
    assert main(args + ["--on-duplicate", "update"]) == 0
    counts = json.loads(capsys.readouterr().out)["counts"]
    assert counts["created"] == 0 and counts["updated"] == 5
    assert count(dbpath) == 4


def test_mapping_file(dbpath, tmp_path, capsys):
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({"columns": {"Nom de famille": "last_name",
                                               "Prénom": "first_name", "Commune": None}}),
                       encoding="utf-8")
    rc = main(["import", "participants", str(FIX / "participants_bom.csv"), "--db",
               str(dbpath), "--mapping", str(mapping), "--json"])
    assert rc == 0
    out = json.loads(capsys.readouterr().out)
    assert out["mapping"]["Commune"] is None
    assert out["mapping"]["Date de naissance"] == "birth_date"  # the others automatic


@pytest.mark.parametrize("name", ["not_a_spreadsheet.xlsx", "password.xlsx", "corrupted.xlsx",
                                  "empty.xlsx", "headers_only.xlsx", "formula_nocache.xlsx",
                                  "damaged_member.xlsx"])
def test_bad_input_exit_1_nothing_written(dbpath, capsys, name):
    rc = main(["import", "participants", str(FIX / name), "--db", str(dbpath)])
    err = capsys.readouterr().err
    assert rc == 1 and name in err and "Traceback" not in err
    assert count(dbpath) == 0 and count(dbpath, "import_log") == 0


def test_missing_file_says_what_to_check(dbpath, tmp_path, capsys):
    rc = main(["import", "participants", str(tmp_path / "absent.xlsx"), "--db", str(dbpath)])
    err = capsys.readouterr().err
    assert rc == 1 and "absent.xlsx » n'existe pas : vérifiez son nom et son dossier." in err
    assert count(dbpath, "import_log") == 0


def test_english_messages(dbpath, capsys):
    rc = main(["--lang", "en", "import", "participants", str(FIX / "password.xlsx"),
               "--db", str(dbpath)])
    assert rc == 1 and "is password-protected" in capsys.readouterr().err


def test_usage_error_exit_2(dbpath):
    assert main(["import", "cats", "x.xlsx", "--db", str(dbpath)]) == 2


def test_template_command(tmp_path):
    for kind, sheet in (("participants", "Participants"), ("partners", "Partenaires"),
                        ("events", "Étapes")):
        out = tmp_path / f"{kind}.xlsx"
        proc = subprocess.run([sys.executable, "-m", "citesdesk", "import-template", kind,
                               "--out", str(out)], cwd=ROOT, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        wb = openpyxl.load_workbook(out)
        assert wb.sheetnames[:2] == [sheet, "Notice"]


def test_template_refuses_bad_folder(tmp_path, capsys):
    rc = main(["import-template", "events", "--out", str(tmp_path / "no" / "x.xlsx")])
    err = capsys.readouterr().err
    assert rc == 1 and "no » n'existe pas : créez-le ou choisissez un dossier existant" in err


def test_qpv_then_participants(dbpath, tmp_path, capsys):
    assert main(["import", "qpv", str(FIX / "qpv_2024.csv"), "--db", str(dbpath)]) == 0
    bad = tmp_path / "p.csv"
    bad.write_text("Nom;Prénom;Code QPV\nA;B;QN07599Z\n", encoding="utf-8")
    assert main(["import", "participants", str(bad), "--db", str(dbpath)]) == 1
    assert "Code QPV mal formé « QN07599Z »" in capsys.readouterr().err
    # a well-formed code of the site's own list, in lower case, and one not in any list
    ok = tmp_path / "q.csv"
    ok.write_text("Nom;Prénom;Code QPV\nA;B;qn09301m\nC;D;QN07599M\n", encoding="utf-8")
    assert main(["import", "participants", str(ok), "--db", str(dbpath)]) == 0
    assert "« QN07599M » absent de la liste officielle en vigueur" in capsys.readouterr().err
