"""``citesdesk export quarter|workbook``: exit codes and messages."""

import subprocess
import sys
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from citesdesk.cli import main
from citesdesk.core.db import open_database
from tests.core.indicator_site import build

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def site_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "site.sqlite"
    db = open_database(path, create=True)
    build(db)
    db.close()
    return path


def test_export_quarter(site_path, tmp_path, capsys):
    out = tmp_path / "t2.xlsx"
    assert main(["export", "quarter", "--db", str(site_path), "--quarter", "2026Q2",
                 "--out", str(out)]) == 0
    assert "2026-T2" in capsys.readouterr().out
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Synthèse").to_python()
    assert ["P_ACTIFS", "Participants actifs", 4.0, 4.0] in rows


@pytest.mark.parametrize("quarter", ["2026-T5", "T3"])
def test_malformed_quarter_refused(site_path, tmp_path, capsys, quarter):
    out = tmp_path / "x.xlsx"
    code = main(["export", "quarter", "--db", str(site_path), "--quarter", quarter,
                 "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert f"« {quarter} »" in err and "2026-T3" in err and "2026Q3" in err
    assert not out.exists()


def test_malformed_quarter_in_english(site_path, tmp_path, capsys):
    code = main(["--lang", "en", "export", "quarter", "--db", str(site_path), "--quarter",
                 "2026-T5", "--out", str(tmp_path / "x.xlsx")])
    assert code == 1
    assert "Quarter '2026-T5' not recognised" in capsys.readouterr().err


def test_quarter_missing_and_usage_errors(site_path, tmp_path, capsys):
    assert main(["export", "quarter", "--db", str(site_path), "--out",
                 str(tmp_path / "x.xlsx")]) == 2
    assert "Indiquez le trimestre avec --quarter" in capsys.readouterr().err
    assert main(["export", "nothing", "--db", str(site_path), "--out", "x"]) == 2
    assert main(["export", "quarter", "--db", str(tmp_path / "none.sqlite"), "--quarter",
                 "2026-T2", "--out", str(tmp_path / "x.xlsx")]) == 1
    assert not (tmp_path / "x.xlsx").exists()


def test_export_workbook_with_password(site_path, tmp_path):
    out = tmp_path / "all.xlsx"
    proc = subprocess.run(
        [sys.executable, "-m", "citesdesk", "export", "workbook", "--db", str(site_path),
         "--out", str(out), "--password", "s3cret"],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "Classeur complet écrit" in proc.stdout
    import msoffcrypto

    with open(out, "rb") as fh:
        assert msoffcrypto.OfficeFile(fh).is_encrypted()


def test_export_workbook_warns_without_password(site_path, tmp_path, capsys):
    out = tmp_path / "all.xlsx"
    assert main(["export", "workbook", "--db", str(site_path), "--out", str(out)]) == 0
    assert "données personnelles" in capsys.readouterr().err
    assert "Participants" in CalamineWorkbook.from_path(str(out)).sheet_names


def test_export_to_missing_folder(site_path, tmp_path, capsys):
    code = main(["export", "workbook", "--db", str(site_path), "--out",
                 str(tmp_path / "nope" / "x.xlsx")])
    assert code == 1
    assert "n'existe pas" in capsys.readouterr().err
