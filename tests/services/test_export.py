"""The workbooks read back: sheets, headers, numbers as numbers, dates as dates, no
formula, password protection, and LibreOffice opening them."""

import csv
import datetime as dt
import io
import os
import shutil
import subprocess
import zipfile

import msoffcrypto
import pytest
from python_calamine import CalamineWorkbook

from citesdesk.core import indicators as ind
from citesdesk.core.db import open_database
from citesdesk.core.errors import CitesDeskError
from citesdesk.services import records
from citesdesk.services.export import (
    ListColumn,
    export_list,
    export_quarter,
    export_workbook,
)
from citesdesk.services.export.pseudonym import pseudonymiser
from tests.core.indicator_site import build

INJECTIONS = ["=1+2", "+33 6 12", "-5 + 3", "@SUM(A1:A2)", "\tTab", "\rCR",
              '=HYPERLINK("http://x","y")']


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    db = open_database(folder / "site.sqlite", create=True)
    records.create(db, "site", {"name": "Cité de l'emploi de Lille", "site_code": "59-LIL",
                                "departement": "59"})
    recs = build(db)
    for i, text in enumerate(INJECTIONS):
        records.create(db, "partner", {"type": "AUTRE", "name": f"Partenaire {i}",
                                       "notes": text})
    yield db, recs, folder
    db.close()


def _sheet(path, name):
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()


def _table(rows, header_first):
    """Rows after the header row whose first cell is ``header_first``."""
    start = next(i for i, r in enumerate(rows) if r and r[0] == header_first)
    return rows[start], rows[start + 1:]


# --- quarterly workbook --------------------------------------------------------------------

def test_quarter_workbook_layout(site):
    db, recs, folder = site
    out = folder / "t2.xlsx"
    result = export_quarter(db, "2026-T2", out, today=dt.date(2026, 7, 3))
    wb = CalamineWorkbook.from_path(str(out))
    assert wb.sheet_names == ["Synthèse", "Par cohorte", "Participants", "Définitions"]

    rows = _sheet(out, "Synthèse")
    block = {r[0]: r[1] for r in rows[1:8] if r[0]}
    assert block["Site"] == "Cité de l'emploi de Lille"
    assert block["Code du site"] == "59-LIL"
    assert block["Trimestre"] == "2026-T2"
    assert block["Période"] == "du 01/04/2026 au 30/06/2026"
    assert block["Date de production"] == dt.date(2026, 7, 3)
    assert block["Logiciel"].startswith("CitésDesk ")
    header, body = _table(rows, "Code")
    assert header == ["Code", "Indicateur", "Trimestre", "Cumul"]
    assert [r[0] for r in body] == list(ind.CODES)
    values = {r[0]: (r[2], r[3]) for r in body}
    expected = ind.compute(db, "2026-T2")
    for code, (qv, cv) in expected.values.items():
        got = values[code]
        if qv is None:
            assert got[0] == ""
        else:
            assert isinstance(got[0], float) and got[0] == pytest.approx(qv), code
            assert isinstance(got[1], float) and got[1] == pytest.approx(cv), code
    assert values["P_ACTIFS"] == (4.0, 4.0)
    assert values["TX_SORTIES_DYNAMIQUES"] == (pytest.approx(1 / 3), pytest.approx(0.5))
    assert result.site.values == expected.values


def test_quarter_workbook_rate_is_a_percentage(site):
    db, _, folder = site
    out = folder / "fmt.xlsx"
    export_quarter(db, "2026-T2", out)
    with zipfile.ZipFile(out) as z:
        styles = z.read("xl/styles.xml").decode()
        sheet1 = z.read("xl/worksheets/sheet1.xml").decode()
    assert "0.0 %" in styles and "dd/mm/yyyy" in styles
    assert "<pane" in sheet1 and "<autoFilter" in sheet1
    assert "<f>" not in sheet1  # no formula anywhere


def test_quarter_by_cohort_and_definitions(site):
    db, _, folder = site
    out = folder / "t2c.xlsx"
    export_quarter(db, "2026-T2", out)
    rows = _sheet(out, "Par cohorte")
    assert rows[0][2] == "Cohorte A" and rows[0][4] == "Cohorte B"
    assert rows[1] == ["Code", "Indicateur", "Trimestre", "Cumul", "Trimestre", "Cumul"]
    body = {r[0]: r[2:] for r in rows[2:]}
    assert list(body) == [i.code for i in ind.INDICATORS if i.code[0] in "PES"]
    assert body["P_ACTIFS"] == [3.0, 3.0, 2.0, 2.0]
    assert body["S_SORTIES"] == [2.0, 2.0, 1.0, 2.0]
    defs = _sheet(out, "Définitions")
    assert defs[0] == ["Code", "Indicateur", "Définition"]
    n = len(ind.CODES)
    assert [r[0] for r in defs[1:n + 1]] == list(ind.CODES)
    assert all(len(r[2]) > 20 for r in defs[1:n + 1])
    # what the QPV figures rest on: the list in force, the active people with a code not in it
    qpv = {r[0]: r[1:] for r in defs[n + 1:] if r and r[0]}
    assert qpv["QPV_LISTE"][1].startswith("Liste officielle des QPV 2024 (ANCT), du 01/01/2025")
    assert qpv["QPV_NON_VERIFIES"][1] == 0


def test_quarter_participants_pseudonymised(site):
    db, recs, folder = site
    out = folder / "t2p.xlsx"
    export_quarter(db, "2026-T2", out)
    rows = _sheet(out, "Participants")
    assert rows[0][:3] == ["Pseudonyme", "Année de naissance", "Genre"]
    assert len(rows) - 1 == 4 == ind.compute(db, "2026-T2").quarter_value("P_ACTIFS")
    flat = " ".join(str(v) for r in rows for v in r)
    for person in ("alice", "bruno", "chloe", "david"):
        assert recs[person]["last_name"] not in flat
        assert recs[person]["uuid"] not in flat
    assert "RQTH" not in rows[0] and "Nom" not in rows[0]
    pseudo = pseudonymiser(db)
    by_pseudo = {r[0]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    alice = by_pseudo[pseudo(recs["alice"]["uuid"])]
    assert alice["Année de naissance"] == 2000.0
    assert alice["Première entrée"] == dt.date(2025, 3, 1)
    assert alice["Date de sortie"] == ""  # leaves in T3, after this quarter
    david = by_pseudo[pseudo(recs["david"]["uuid"])]
    assert david["Date de sortie"] == dt.date(2026, 6, 30)
    assert david["Motif de sortie"] == "ABANDON"
    assert len(db.setting("pseudonym_secret")) == 64
    # the same person, the same pseudonym next time
    assert pseudonymiser(db)(recs["alice"]["uuid"]) == pseudo(recs["alice"]["uuid"])


def test_malformed_quarter_refused(site, tmp_path):
    db, _, _ = site
    with pytest.raises(CitesDeskError) as err:
        export_quarter(db, "2026-T5", tmp_path / "x.xlsx")
    assert "2026-T3" in str(err.value)
    assert not (tmp_path / "x.xlsx").exists()


# --- full workbook -------------------------------------------------------------------------

def test_full_workbook(site):
    db, recs, folder = site
    out = folder / "full.xlsx"
    result = export_workbook(db, out)
    wb = CalamineWorkbook.from_path(str(out))
    assert wb.sheet_names == ["Site", "Cohortes", "Participants", "Inscriptions", "Étapes",
                              "Orientations", "Statuts des orientations", "Partenaires",
                              "Contacts", "Échanges", "Notes"]
    people = _sheet(out, "Participants")
    assert people[0][:5] == ["Identifiant", "Nom", "Prénom", "Nom de naissance",
                             "Date de naissance"]
    assert "RQTH" not in people[0]
    header = people[0]
    alice = next(dict(zip(header, r, strict=True)) for r in people[1:] if r[1] == "Arnaud")
    assert alice["Date de naissance"] == dt.date(2000, 5, 10)
    assert (alice["Genre (code)"], alice["Genre"]) == ("F", "Femme")
    assert alice["Résident d'un QPV"] == "Oui"
    names = {r[1] for r in people[1:]}
    assert "Faure" not in names  # in the bin
    assert result.counts["participant"] == len(people) - 1
    cohorts = _sheet(out, "Cohortes")
    assert cohorts[1][0] == recs["A"]["uuid"] and isinstance(cohorts[1][2], dt.date)
    assert cohorts[0][4] == "Objectif (participants)"
    enr = _sheet(out, "Inscriptions")
    row = next(dict(zip(enr[0], r, strict=True)) for r in enr[1:]
               if r[0] == recs["bruno_a"]["uuid"])
    assert row["Participant"] == "Blanc Bruno"
    assert row["Participant (identifiant)"] == recs["bruno"]["uuid"]
    assert row["Motif de sortie"] == "CDD de moins de 6 mois"
    assert row["Date de sortie"] == dt.date(2026, 6, 30)


def test_injection_strings_stay_text(site, tmp_path):
    db, _, folder = site
    out = folder / "full-inj.xlsx"
    export_workbook(db, out)
    partners = _sheet(out, "Partenaires")
    col, name = partners[0].index("Notes"), partners[0].index("Nom")
    notes = [r[col] for r in partners[1:] if r[name].startswith("Partenaire ")]
    stored = [r["notes"] for r in records.find(db, "partner", "name LIKE 'Partenaire %'")]
    assert notes == stored and stored[0] == "=1+2" and len(stored) == len(INJECTIONS)
    with zipfile.ZipFile(out) as z:
        xml = z.read("xl/worksheets/sheet8.xml").decode()
        styles = z.read("xl/styles.xml").decode()
    assert "<f>" not in xml
    assert 'quotePrefix="1"' in styles
    # a list too, in .xlsx and in .csv
    cols = [ListColumn("Texte"), ListColumn("Nombre", "int"), ListColumn("Date", "date")]
    rows = [(t, -3, "2026-05-04") for t in INJECTIONS]
    export_list(tmp_path / "l.xlsx", cols, rows)
    back = _sheet(tmp_path / "l.xlsx", "Liste")
    assert [r[0] for r in back[1:]] == INJECTIONS
    assert back[1][1:] == [-3.0, dt.date(2026, 5, 4)]


def test_password_protected_workbook(site, tmp_path):
    db, _, _ = site
    out = tmp_path / "secret.xlsx"
    export_workbook(db, out, password="Mot de passe 2026 !")
    with open(out, "rb") as fh:
        office = msoffcrypto.OfficeFile(fh)
        assert office.is_encrypted()
        office.load_key(password="Mot de passe 2026 !")
        plain = io.BytesIO()
        office.decrypt(plain)
    plain.seek(0)
    wb = CalamineWorkbook.from_filelike(plain)
    assert "Participants" in wb.sheet_names
    with open(out, "rb") as fh:
        office = msoffcrypto.OfficeFile(fh)
        office.load_key(password="wrong")
        with pytest.raises(Exception):  # noqa: B017 - msoffcrypto's own error type
            office.decrypt(io.BytesIO())
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_failed_export_leaves_existing_file(site, tmp_path):
    db, _, _ = site
    out = tmp_path / "keep.xlsx"
    out.write_bytes(b"previous")

    def boom(done, total, text):
        if done:
            raise RuntimeError("disk full")
    with pytest.raises(RuntimeError):
        export_quarter(db, "2026-T2", out, progress=boom)
    assert out.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.xlsx"]


# --- list export ---------------------------------------------------------------------------

def test_list_csv_for_french_excel(tmp_path):
    cols = [ListColumn("Nom"), ListColumn("Entrée", "date"), ListColumn("Âge", "int"),
            ListColumn("Taux", "percent")]
    rows = [("Élodie Œuvré", "2026-03-01", 31, 0.5), ("=cmd|' /C calc'!A0", None, None, None)]
    result = export_list(tmp_path / "liste.csv", cols, rows)
    data = (tmp_path / "liste.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == "Nom;Entrée;Âge;Taux"
    back = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert back[1] == ["Élodie Œuvré", "01/03/2026", "31", "50,0 %"]
    assert back[2][0] == "'=cmd|' /C calc'!A0"
    assert result.rows == 2 and result.format == "csv"
    with pytest.raises(CitesDeskError):
        export_list(tmp_path / "liste.pdf", cols, rows)


def test_list_xlsx_header_and_widths(tmp_path):
    cols = [ListColumn("Nom"), ListColumn("Date d'entrée", "date")]
    export_list(tmp_path / "l.xlsx", cols, [("Durand", "2026-01-02")] * 3, sheet="Participants")
    rows = _sheet(tmp_path / "l.xlsx", "Participants")
    assert rows == [["Nom", "Date d'entrée"]] + [["Durand", dt.date(2026, 1, 2)]] * 3
    with zipfile.ZipFile(tmp_path / "l.xlsx") as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<cols>" in xml and 'ySplit="1"' in xml and "<autoFilter" in xml


# --- LibreOffice opens them ------------------------------------------------------------------

def _soffice():
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (libreoffice-calc-nogui) is required in CI")
        pytest.skip("LibreOffice is not installed")
    return exe


def _convert(path, to, outdir, profile):
    exe = _soffice()
    proc = subprocess.run(
        [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", to, "--outdir", str(outdir), str(path)],
        capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    assert "Error" not in proc.stderr, proc.stderr
    return outdir / (path.stem + "." + to.split(":")[0])


@pytest.mark.slow
def test_libreoffice_converts_the_workbooks(site, tmp_path):
    db, _, folder = site
    quarter = folder / "lo-quarter.xlsx"
    full = folder / "lo-full.xlsx"
    export_quarter(db, "2026-T2", quarter)
    export_workbook(db, full)
    profile = tmp_path / "profile"
    out = tmp_path / "out"
    out.mkdir()
    csv_file = _convert(quarter, "csv", out, profile)
    text = csv_file.read_text(encoding="utf-8", errors="replace")
    assert "P_ACTIFS" in text and "2026-T2" in text
    pdf = _convert(full, "pdf", out, profile)
    assert pdf.read_bytes().startswith(b"%PDF")
    # the injection strings come back as text from LibreOffice too
    (tmp_path / "l").mkdir()
    lst = tmp_path / "l" / "inj.xlsx"
    export_list(lst, [ListColumn("Texte")], [(t,) for t in INJECTIONS[:4]])
    back = _convert(lst, "csv:Text - txt - csv (StarCalc):44,34,76", out, profile)
    lines = back.read_text(encoding="utf-8").splitlines()
    assert lines[1:] == ["=1+2", "+33 6 12", "-5 + 3", "@SUM(A1:A2)"]
