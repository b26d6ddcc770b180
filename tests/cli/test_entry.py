"""The ``citesdesk`` command itself: version and usage errors."""

import subprocess
import sys
from pathlib import Path

from citesdesk import __version__
from citesdesk.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_version_runs_as_a_module():
    out = subprocess.run([sys.executable, "-m", "citesdesk", "--version"], cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0
    assert out.stdout.strip() == f"CitésDesk {__version__}"


def test_unknown_command_is_a_usage_error(capsys):
    assert main(["frobnicate"]) == 2
    assert "frobnicate" in capsys.readouterr().err


def test_a_reader_that_stops_early_is_no_error(tmp_path):
    """``citesdesk info | head -1``: no traceback, no « system error »."""
    db = tmp_path / "s.sqlite"
    assert main(["init", "--db", str(db), "--site-code", "A", "--site-name", "B"]) == 0
    run = subprocess.run(
        f"'{sys.executable}' -m citesdesk info --db '{db}' | {{ exec 0<&-; sleep 1; }}; "
        f"'{sys.executable}' -m citesdesk --help | {{ exec 0<&-; sleep 1; }}",
        shell=True, executable="/bin/bash", cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.stderr == ""
