"""``citesdesk bundle`` and ``citesdesk national`` from the command line."""

import json
import subprocess
import sys
from pathlib import Path

from citesdesk.cli import main
from citesdesk.core.db import open_database
from tests.services.bundle.site_fixture import build_site

ROOT = Path(__file__).resolve().parents[2]


def _site(tmp_path) -> Path:
    path = tmp_path / "site.sqlite"
    db = open_database(path, create=True)
    build_site(db)
    db.close()
    return path


def test_keygen_create_inspect_consolidate(tmp_path, capsys):
    db = _site(tmp_path)
    assert main(["national", "keygen", "--out", str(tmp_path / "nat")]) == 0
    recipient = capsys.readouterr().out.strip()
    assert recipient.startswith("age1")
    key = tmp_path / "nat" / "national.key"

    out = tmp_path / "lot.citesbundle"
    assert main(["bundle", "create", "--db", str(db), "--out", str(out),
                 "--recipient", recipient]) == 0
    text = capsys.readouterr().out
    assert "Lot n° 1 écrit" in text and "3 participants" in text
    assert "1 personne(s) opposée(s)" in text

    assert main(["bundle", "inspect", str(out)]) == 0
    text = capsys.readouterr().out
    assert "Chiffré avec age pour 1 destinataire(s)" in text and "Site" not in text

    assert main(["bundle", "inspect", str(out), "--identity", str(key), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["valid"] and info["manifest"]["site_code"] == "CE-075-01"
    assert info["signature"]["valid"] and info["resources"][2]["rows"] == 3

    assert main(["--lang", "en", "bundle", "inspect", str(out), "--identity", str(key)]) == 0
    text = capsys.readouterr().out
    assert "Valid signature" in text and "Data follows the published schema." in text

    result = tmp_path / "result"
    assert main(["national", "consolidate", str(out), "--identity", str(key),
                 "--out", str(result)]) == 0
    assert "1 accepté(s), 0 refusé(s)" in capsys.readouterr().out
    assert (result / "national.xlsx").exists() and (result / "report.json").exists()

    # --json: machine-readable summaries on stdout (docs/design/PRODUCT.md)
    second = tmp_path / "lot2.citesbundle"
    assert main(["bundle", "create", "--db", str(db), "--out", str(second),
                 "--recipient", recipient, "--json"]) == 0
    made = json.loads(capsys.readouterr().out)
    assert made["sequence"] == 2 and made["path"] == str(second)
    assert made["counts"]["participants"] == 3 and made["objectors"] == 1
    assert main(["national", "consolidate", str(out), str(second), "--identity", str(key),
                 "--out", str(result), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["accepted"] == 2 and summary["refused"] == 0
    assert [f["sequence"] for f in summary["files"]] == [1, 2]


def test_refusals_exit_1_with_a_reason(tmp_path, capsys):
    db = _site(tmp_path)
    out = tmp_path / "lot.citesbundle"
    assert main(["bundle", "create", "--db", str(db), "--out", str(out)]) == 1
    assert "Aucun destinataire" in capsys.readouterr().err
    assert not out.exists()
    assert main(["bundle", "create", "--db", str(db), "--out", str(out),
                 "--recipient", "age1nimportequoi"]) == 1
    assert "clé publique age" in capsys.readouterr().err

    main(["national", "keygen", "--out", str(tmp_path / "nat")])
    key = tmp_path / "nat" / "national.key"
    junk = tmp_path / "junk.citesbundle"
    junk.write_bytes(b"rien")
    capsys.readouterr()
    assert main(["national", "consolidate", str(junk), "--identity", str(key),
                 "--out", str(tmp_path / "r")]) == 1
    assert "REFUSÉ" in capsys.readouterr().out
    report = json.loads((tmp_path / "r" / "report.json").read_text())
    assert report["files"][0]["reason_code"] == "not_decryptable"


def test_as_a_process(tmp_path):
    db = _site(tmp_path)
    run = subprocess.run([sys.executable, "-m", "citesdesk", "national", "keygen", "--out",
                          str(tmp_path / "nat")], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    recipient = run.stdout.strip()
    run = subprocess.run([sys.executable, "-m", "citesdesk", "bundle", "create", "--db",
                          str(db), "--out", str(tmp_path / "b.citesbundle"), "--recipient",
                          recipient], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "b.citesbundle").read_bytes().startswith(b"age-encryption.org/v1\n")


def test_missing_files_and_folders_one_sentence_nothing_written(tmp_path, capsys):
    db = _site(tmp_path)
    main(["national", "keygen", "--out", str(tmp_path / "nat")])
    recipient = capsys.readouterr().out.strip()

    assert main(["bundle", "create", "--db", str(db), "--recipient", recipient,
                 "--out", str(tmp_path / "absent" / "lot.citesbundle")]) == 1
    err = capsys.readouterr().err
    assert "absent » n'existe pas : créez-le ou choisissez un dossier existant" in err
    assert not (tmp_path / "absent").exists()

    assert main(["bundle", "inspect", str(tmp_path / "absent.citesbundle")]) == 1
    err = capsys.readouterr().err
    assert "absent.citesbundle\u00a0» n'existe pas\u00a0: vérifiez" in err
    assert "Traceback" not in err and err.count("\n") == 1

    lot = tmp_path / "lot.citesbundle"
    assert main(["bundle", "create", "--db", str(db), "--out", str(lot),
                 "--recipient", recipient]) == 0
    capsys.readouterr()
    result = tmp_path / "result"
    assert main(["national", "consolidate", str(lot), "--identity", str(tmp_path / "no.key"),
                 "--out", str(result)]) == 1
    err = capsys.readouterr().err
    assert "no.key\u00a0» n'existe pas\u00a0: indiquez le fichier national.key" in err
    assert "Errno" not in err and not result.exists()  # nothing written, not even the folder
