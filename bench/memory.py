"""Peak memory with the large site open (docs/design/PERFORMANCE.md: ≤ 400 MB RSS).

    python bench/memory.py [DB]        # default: the large dataset of bench/run.py

Opens the real window offscreen on a copy of the database, shows every screen in turn
(dashboard, participants list scrolled to the end, cohorts, partners, referrals…), waits
until the task runner and the list's read thread are idle, and prints the process's peak
resident memory (``VmHWM`` of ``/proc/self/status``, Linux).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("VmHWM not available (Linux only)")


def main() -> int:
    from PySide6.QtCore import QCoreApplication

    from citesdesk.gui.app import Application
    from citesdesk.gui.dialogs import Dialog

    source = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    if source is None:
        found = sorted((ROOT / "bench" / ".data").glob("demo-5000-*.sqlite"))
        if not found:
            print("Build the datasets first: python bench/run.py --only foundation --skip-huge")
            return 1
        source = found[-1]
    folder = Path(tempfile.mkdtemp())
    copy = folder / "large.sqlite"
    shutil.copy(source, copy)
    Dialog.headless = True
    app = Application(copy, "fr")
    app.window.resize(1280, 800)
    app.window.show()

    def settle(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end or app.runner.busy():
            QCoreApplication.processEvents()
            time.sleep(0.01)

    settle(1.0)
    for screen in app.window.screens:
        app.window.show_screen(screen.key)
        settle(0.8)
        if screen.key == "participants":
            screen.table.scrollToBottom()
            settle(0.8)
    rss = peak_rss_mb()
    participants = app.reader.execute(
        "SELECT count(*) FROM participant WHERE deleted_at IS NULL").fetchone()[0]
    print(f"peak memory with the site open ({participants} participants, every screen shown): "
          f"{rss:.0f} MB RSS (target ≤ 400 MB) — {'OK' if rss <= 400 else 'over'}")
    app.close()
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
