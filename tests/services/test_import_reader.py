"""Reading spreadsheets as partners send them, and refusing what cannot be read."""

from pathlib import Path

import pytest

from citesdesk.core.errors import CitesDeskError
from citesdesk.services import importer
from citesdesk.services.importer.reader import MAX_ROWS, open_workbook

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "import"


@pytest.mark.parametrize("name", ["participants_messy.xlsx", "participants_lo.xls",
                                  "participants_lo.ods", "participants_lo.xlsm",
                                  "renamed_xlsx.xls"])
def test_every_workbook_format_gives_the_same_table(name):
    t = importer.load_table(FIX / name, "participants")
    assert t.sheet == "Liste ML"
    assert t.header_row == 4  # two merged title rows and a blank row skipped
    assert t.headers[:3] == ["NOM", "Prénom", "Né(e) le"]
    assert [n for n, _ in t.rows] == [5, 6, 7, 8, 10, 11, 12]  # blank row 9 left out
    first = t.rows[0][1]
    assert first[0] == "Dupont" and first[1] == "Marie"


def test_libreoffice_files_are_really_other_formats():
    assert (FIX / "participants_lo.xls").read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    assert open_workbook(FIX / "participants_lo.xls").format == "xls"
    assert open_workbook(FIX / "participants_lo.ods").format == "ods"


@pytest.mark.parametrize("name,encoding,delimiter", [
    ("participants_win1252.csv", "cp1252", ";"),
    ("participants_bom.csv", "utf-8-sig", ","),
    ("participants_tab.txt", "utf-8", "\t"),
])
def test_csv_encoding_and_delimiter_detected(name, encoding, delimiter):
    t = importer.load_table(FIX / name, "participants")
    assert (t.encoding, t.delimiter) == (encoding, delimiter)
    assert t.headers[0] == "Nom de famille" and t.headers[1] == "Prénom"
    names = [r[1][0] for r in t.rows]
    assert names == ["Lefèvre", "Œillet", "Müller"]


def test_renamed_csv_is_read_by_content():
    t = importer.load_table(FIX / "renamed_csv.xlsx", "participants")
    assert t.format == "csv" and t.rows[0][1][:2] == ["Lemoine", "Inès"]


@pytest.mark.parametrize("name,words", [
    ("not_a_spreadsheet.xlsx", "n'est pas un tableur lisible"),
    ("password.xlsx", "protégé par un mot de passe"),
    ("corrupted.xlsx", "endommagé"),
    ("damaged_member.xlsx", "endommagé"),
    ("empty.xlsx", "la feuille est vide"),
    ("headers_only.xlsx", "il n'y a que la ligne d'en-têtes"),
    ("formula_nocache.xlsx", "formule dont le résultat n'a jamais été calculé (D2)"),
])
def test_bad_files_are_refused_clearly(name, words):
    with pytest.raises(CitesDeskError) as exc:
        importer.load_table(FIX / name, "participants")
    assert words in exc.value.message_fr
    assert name in exc.value.message_fr
    assert exc.value.message_en and exc.value.message_en != exc.value.message_fr


def test_missing_file_and_empty_file(tmp_path):
    with pytest.raises(CitesDeskError, match="n'existe pas"):
        importer.load_table(tmp_path / "nope.xlsx", "participants")
    (tmp_path / "zero.csv").write_bytes(b"")
    with pytest.raises(CitesDeskError, match="vide"):
        importer.load_table(tmp_path / "zero.csv", "participants")


def test_unknown_sheet_lists_the_sheets():
    with pytest.raises(CitesDeskError, match="« Liste ML »"):
        importer.load_table(FIX / "participants_messy.xlsx", "participants", sheet="Autre")


def test_too_many_rows_refused(tmp_path):
    path = tmp_path / "huge.csv"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("Nom;Prénom\n")
        for i in range(300_000):
            fh.write(f"N{i};P\n")
    with pytest.raises(CitesDeskError) as exc:
        importer.load_table(path, "participants")
    assert "Découpez le fichier" in exc.value.message_fr
    assert f"{MAX_ROWS:,}".replace(",", "\u202f") in exc.value.message_fr


def test_too_many_rows_in_a_workbook(tmp_path):
    import xlsxwriter

    path = tmp_path / "huge.xlsx"
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet()
    ws.write_row(0, 0, ["Nom", "Prénom"])
    for i in range(1, 300_001):
        ws.write_string(i, 0, "N")
    wb.close()
    with pytest.raises(CitesDeskError, match="300"):
        importer.load_table(path, "participants")


def test_a_file_converted_now_by_libreoffice(tmp_path):
    """LibreOffice (another program than ours) writes .ods and .xls that import the same."""
    import os
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("CI"):
            raise AssertionError("soffice (libreoffice-calc-nogui) is required in CI")
        pytest.skip("LibreOffice is not installed")
    for fmt in ("ods", "xls"):
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                        "--convert-to", fmt, "--outdir", str(tmp_path),
                        str(FIX / "participants_messy.xlsx")],
                       check=True, capture_output=True, timeout=240)
        t = importer.load_table(tmp_path / f"participants_messy.{fmt}", "participants")
        assert t.header_row == 4 and len(t.rows) == 7
        assert t.rows[0][1][:2] == ["Dupont", "Marie"]
