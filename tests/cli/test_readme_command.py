"""README command 1 decides root or sudo by itself, like .ci/run: its apt-get part run with
stand-ins for ``id``, ``sudo`` and ``apt-get`` that record how they were called. The whole
command (minus the window) is run by .ci/run in a fresh copy of the project."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / ".ci" / "readme_command.py"


def _command(*flags: str) -> str:
    out = subprocess.run([sys.executable, str(SCRIPT), *flags], capture_output=True,
                         text=True, check=True)
    return out.stdout.strip()


def _stub(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    path.chmod(0o755)


def _apt_part() -> str:
    cmd = _command()
    return cmd[: cmd.index(" && python3 -m venv")]


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
@pytest.mark.parametrize("uid, sudo_installed", [(0, False), (1000, True)],
                         ids=["root without sudo", "sudoer"])
def test_the_apt_part_runs_as_root_without_sudo_and_as_a_sudoer(uid, sudo_installed,
                                                                 tmp_path):
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    log = tmp_path / "log"
    _stub(bin_, "id", f'[ "$1" = "-u" ] && echo {uid}\n')
    _stub(bin_, "apt-get", f'echo "apt-get $*" >> {log}\n')
    if sudo_installed:
        _stub(bin_, "sudo", f'echo "sudo $*" >> {log}\nexec "$@"\n')
    # Only the stand-ins and the shell: a real sudo or apt-get can never be reached.
    sh = tmp_path / "shbin"
    sh.mkdir()
    os.symlink(shutil.which("sh"), sh / "sh")
    env = {"PATH": f"{bin_}:{sh}", "HOME": str(tmp_path)}
    run = subprocess.run([shutil.which("bash"), "-c", _apt_part()], env=env, cwd=tmp_path,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    lines = log.read_text().splitlines()
    installs = [line for line in lines if line.startswith("apt-get install")]
    assert installs == ["apt-get install -y python3-venv libxcb-cursor0"]
    assert "apt-get update -q" in lines
    if uid == 0:
        assert not any(line.startswith("sudo") for line in lines)
        assert "command not found" not in run.stderr
    else:
        assert lines[0].startswith("sudo sh -c")


def test_ci_runs_the_readme_command_minus_the_window():
    whole = _command()
    assert whole.endswith(" && .venv/bin/citesdesk --db demo.sqlite")
    assert _command("--no-window") == whole[: -len(" && .venv/bin/citesdesk --db demo.sqlite")]
    assert _command("--no-window", "--no-apt") == (
        "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/citesdesk demo "
        "--db demo.sqlite")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ".ci/readme_command.py $CMD1_ARGS" in ci and 'bash -c "$CMD1"' in ci


def test_the_readme_says_what_to_do_without_apt_get():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Sans `apt-get`" in text and "à partir\nde `python3 -m venv`" in text
