"""The workbooks print well: A4, landscape where wide, one page wide, header rows repeated,
the site and the quarter in the page header — in the file, and as LibreOffice prints it."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile

import pytest

from citesdesk.core.db import open_database
from citesdesk.services.demo import build_demo
from citesdesk.services.export.full import export_workbook
from citesdesk.services.export.quarterly import export_quarter


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("print")
    db = open_database(folder / "demo.sqlite", create=True)
    build_demo(db, participants=300, seed=3)
    site = db.execute("SELECT name, site_code FROM site").fetchone()
    quarter = folder / "trimestre.xlsx"
    export_quarter(db, "2025-T4", quarter)
    full = folder / "complet.xlsx"
    export_workbook(db, full)
    yield db, site, quarter, full, folder
    db.close()


def _sheets(path) -> dict[str, str]:
    """Sheet name -> its XML, and the workbook's XML under ``""``."""
    with zipfile.ZipFile(path) as z:
        book = z.read("xl/workbook.xml").decode()
        names = re.findall(r'<sheet name="([^"]+)"', book)
        out = {n: z.read(f"xl/worksheets/sheet{i}.xml").decode()
               for i, n in enumerate(names, 1)}
    out[""] = book
    return out


@pytest.mark.parametrize("which", ["quarter", "full"])
def test_every_sheet_has_a_print_setup(demo, which):
    _, (name, code), quarter, full, _ = demo
    sheets = _sheets(quarter if which == "quarter" else full)
    book = sheets.pop("")
    assert len(sheets) >= 4
    for sheet, xml in sheets.items():
        assert 'paperSize="9"' in xml, sheet  # A4
        assert 'fitToHeight="0"' in xml and '<pageSetUpPr fitToPage="1"/>' in xml, sheet
        header = re.search(r"<oddHeader>(.*?)</oddHeader>", xml).group(1)
        assert name.replace("'", "&apos;") in header or name in header, sheet
        assert f"({code})" in header
        assert ("Trimestre 2025-T4" in header) == (which == "quarter")
        titles = re.findall(r'<definedName name="_xlnm.Print_Titles" [^>]*>([^<]*)<', book)
        rows = [t for t in titles if re.search(rf"(^|,)'?{re.escape(sheet)}'?!\$\d+:\$\d+",
                                                t.replace("&apos;", "'"))]
        assert len(rows) == 1, sheet  # header rows on every page
    assert 'orientation="landscape"' in sheets["Participants"]
    if which == "quarter":
        assert 'orientation="portrait"' in sheets["Synthèse"]


@pytest.mark.slow
def test_libreoffice_prints_the_synthese_one_page_wide(demo, tmp_path):
    """The bug: LibreOffice printed the Synthèse's codes on one page and values on
    another. Each page of the PDF now holds codes and their two value columns."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice or poppler-utils not installed")
    _, (name, _), quarter, _, _ = demo
    proc = subprocess.run(
        [exe, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--norestore", "--convert-to", "pdf", "--outdir", str(tmp_path), str(quarter)],
        capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    pdf = tmp_path / "trimestre.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "(A4)" in info
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                           text=True).stdout.split("\f")
    pages = [p for p in pages if p.strip()]
    summary = [p for p in pages if "Synthèse" in p.splitlines()[0]]
    assert len(summary) == 1  # the whole summary on one page
    assert re.search(r"P_ACTIFS_QPV .*\d+\s+\d+\s*$", summary[0], re.M)
    assert "Cumul" in summary[0] and "Trimestre 2025-T4" in summary[0]
    # the participants run over several pages, each with the header row again
    people = [p for p in pages if "Participants (pseudonymisés)" in p.splitlines()[0]]
    assert len(people) >= 2 and all("Pseudonyme" in p for p in people)
    assert all(name in p.splitlines()[0] for p in pages)
