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
