"""An import may not inflate without bound: a zip bomb is refused with one sentence, in
little memory, before anything is decompressed or loaded."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from citesdesk.core.errors import CitesDeskError
from citesdesk.services import importer
from citesdesk.services.importer.reader import MAX_SHEETS, MAX_ZIP_MEMBERS
from tests.services.zip_bombs import inflating_xlsx, many_members

ROOT = Path(__file__).resolve().parents[2]

_LIMITED = """
import resource, sys
limit = int(sys.argv[1]) * 2**20
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from citesdesk.cli import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS as Linux counts it")
def test_a_2_gib_sheet_is_refused_in_1_gib_of_memory(tmp_path):
    bomb = inflating_xlsx(tmp_path / "bombe.xlsx", gib=2.0)
    assert bomb.stat().st_size < 4 * 2**20
    db = tmp_path / "site.sqlite"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    assert subprocess.run([sys.executable, "-m", "citesdesk", "init", "--db", str(db),
                           "--site-code", "X", "--site-name", "Y"], env=env).returncode == 0
    for extra in ([], ["--dry-run"]):
        proc = subprocess.run([sys.executable, "-c", _LIMITED, "1024", "import", "participants",
                               str(bomb), "--db", str(db), *extra], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 1, proc.stderr[-2000:]
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("bombe.xlsx est refusé : 2"), lines
        assert "Mo une fois décompressé" in lines[0] and "rien n'a été importé" in lines[0]
    import sqlite3

    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM participant").fetchone()[0] == 0
    conn.close()


def test_a_sheet_of_too_many_rows_is_refused_while_streaming(tmp_path):
    # 150 MB once decompressed: under the size bound, over the rows bound
    path = inflating_xlsx(tmp_path / "lignes.xlsx", gib=0.15, cell=10)
    with pytest.raises(CitesDeskError) as exc:
        importer.load_table(path, "participants")
    assert re.match(r"lignes\.xlsx, feuille « F1 » : 2\u202f\d{3}\u202f\d{3} lignes, ",
                    exc.value.message_fr)
    assert "c'est plus que la limite de 100\u202f000 lignes par import" in exc.value.message_fr


def test_too_many_members_or_sheets(tmp_path):
    with pytest.raises(CitesDeskError) as exc:
        importer.load_table(many_members(tmp_path / "m.xlsx", members=MAX_ZIP_MEMBERS + 1),
                            "participants")
    assert f"{MAX_ZIP_MEMBERS + 6} éléments, bien au-delà" in exc.value.message_fr
    with pytest.raises(CitesDeskError) as exc:
        importer.load_table(many_members(tmp_path / "s.xlsx", sheets=MAX_SHEETS + 1),
                            "participants")
    assert f"{MAX_SHEETS + 1} feuilles, bien au-delà" in exc.value.message_fr
    assert exc.value.message_en.startswith("s.xlsx is refused: 201 sheets")
