"""Print the README's command 1 (« Installer et ouvrir l'application »), as written, or the
part of it CI runs: ``--no-window`` drops the last step (opening the window),
``--no-apt`` the first (the Debian packages, for a machine without apt-get).

.ci/run runs what this prints, so that the README's own command is tested; so does
tests/cli/test_readme_command.py for the root-or-sudo decision.
"""

import re
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
WINDOW = " && .venv/bin/citesdesk --db demo.sqlite"
VENV = "python3 -m venv .venv"


def command() -> str:
    text = README.read_text(encoding="utf-8")
    m = re.search(r"^\*\*1\..*?^```bash\n(.*?)\n```", text, re.S | re.M)
    if not m or "\n" in m.group(1).strip():
        raise SystemExit("README.md: command 1 (one line in a ```bash block) not found")
    return m.group(1).strip()


def main(argv: list[str]) -> int:
    cmd = command()
    if "--no-window" in argv:
        if not cmd.endswith(WINDOW):
            raise SystemExit(f"README.md: command 1 does not end with '{WINDOW.strip()}'")
        cmd = cmd[: -len(WINDOW)]
    if "--no-apt" in argv:
        if VENV not in cmd:
            raise SystemExit(f"README.md: command 1 has no '{VENV}'")
        cmd = cmd[cmd.index(VENV):]
    print(cmd)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
