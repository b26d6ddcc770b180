"""``citesdesk print …``: files written, exit codes, refusals."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from citesdesk.cli import main
from citesdesk.core.db import open_database
from tests.print_sample import make_sample

ROOT = Path(__file__).resolve().parents[2]


def text_of(path: Path) -> str:
    return re.sub(r"[ \n]+", " ", "\n".join(
        p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages))


@pytest.fixture
def site(tmp_path):
    path = tmp_path / "site.sqlite"
    db = open_database(path, create=True)
    person = make_sample(db, events=12)
    db.close()
    return path, person


def test_print_participant_by_external_id(site, tmp_path):
    path, person = site
    out = tmp_path / "fiche.pdf"
    assert main(["print", "participant", "FT1234567", "--db", str(path), "--out", str(out)]) == 0
    text = text_of(out)
    assert "Françoise BŒUF-MÉNARD" in text and "SECRET-PRIVÉ" not in text
    db = open_database(path)
    rows = db.execute("SELECT action, changes FROM audit_log WHERE record_uuid = ? "
                      "AND action = 'print'", [person["uuid"]]).fetchall()
    db.close()
    assert rows and "participant_file" in rows[0][1]


def test_unknown_reference_exits_1_and_writes_nothing(site, tmp_path, capsys):
    path, person = site
    out = tmp_path / "fiche.pdf"
    code = main(["print", "participant", person["uuid"], "INCONNU-42", "--db", str(path),
                 "--out", str(out)])
    assert code == 1
    assert "INCONNU-42" in capsys.readouterr().err
    assert not out.exists()


def test_access_export_and_consent_forms(site, tmp_path):
    path, person = site
    out = tmp_path / "acces.pdf"
    assert main(["print", "access-export", person["uuid"], "--db", str(path),
                 "--out", str(out)]) == 0
    assert "SECRET-PRIVÉ" in text_of(out)
    blank = tmp_path / "vierge.pdf"
    assert main(["print", "consent-form", "--db", str(path), "--out", str(blank)]) == 0
    assert "Signature du ou de la participant·e" in text_of(blank)
    filled = tmp_path / "rempli.pdf"
    assert main(["--lang", "en", "print", "consent-form", "FT1234567", "--db", str(path),
                 "--out", str(filled)]) == 0
    text = text_of(filled)
    assert "Information notice and consent form" in text and "Bœuf-Ménard" in text


def test_cohort_split_and_usage_errors(site, tmp_path):
    path, _ = site
    folder = tmp_path / "fiches"
    assert main(["print", "cohort", "Cohorte été 2025", "--split", "--db", str(path),
                 "--out", str(folder)]) == 0
    assert len(list(folder.glob("*.pdf"))) == 1
    assert main(["print", "cohort", "Pas de cohorte", "--db", str(path),
                 "--out", str(tmp_path / "x.pdf")]) == 1
    assert main(["print", "participant", "--db", str(path), "--out", str(tmp_path / "x.pdf")]) == 2
    assert main(["print", "access-export", "--db", str(path), "--out", str(tmp_path / "x.pdf")]) == 2
    assert main(["print", "participant", "FT1234567", "--db", str(path),
                 "--out", str(tmp_path / "absent" / "x.pdf")]) == 1
    assert not (tmp_path / "x.pdf").exists()


def test_as_a_process(site, tmp_path):
    path, _ = site
    out = tmp_path / "fiche.pdf"
    proc = subprocess.run([sys.executable, "-m", "citesdesk", "print", "participant",
                           "FT1234567", "--db", str(path), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes().startswith(b"%PDF")
    proc = subprocess.run([sys.executable, "-m", "citesdesk", "print", "participant", "NUL",
                           "--db", str(path), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 1 and "NUL" in proc.stderr


def test_access_export_says_the_deletion_date_in_the_language(site, tmp_path, capsys):
    path, person = site
    for lang, pattern in (("fr", r"Date de suppression prévue\s:\s\d\d/\d\d/\d{4}"),
                          ("en", r"Planned deletion date: \d\d [A-Z][a-z]{2} \d{4}")):
        capsys.readouterr()
        assert main(["--lang", lang, "print", "access-export", person["uuid"], "--db",
                     str(path), "--out", str(tmp_path / f"acces-{lang}.pdf")]) == 0
        assert re.search(pattern, capsys.readouterr().err)
