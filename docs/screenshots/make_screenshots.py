"""Take the README screenshots from the running application (offscreen).

    QT_QPA_PLATFORM=offscreen python docs/screenshots/make_screenshots.py [--lang fr]

Builds a demonstration database (fictional people) in a temporary folder, opens the real
main window on it, and saves PNGs of the main screens next to this script.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: E402

from citesdesk.core.db import open_database  # noqa: E402
from citesdesk.gui.dialogs import Dialog  # noqa: E402
from citesdesk.services.demo import build_demo  # noqa: E402

OUT = Path(__file__).resolve().parent
WIDTH, HEIGHT = 1280, 800


def settle(ms: int = 400) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    QCoreApplication.processEvents()


def main(lang: str = "fr") -> None:
    from citesdesk.gui.app import Application

    Dialog.headless = True
    folder = Path(tempfile.mkdtemp())
    path = folder / "demo.sqlite"
    db = open_database(path, create=True)
    build_demo(db, participants=300, seed=1)
    db.close()
    app = Application(path, lang)
    window = app.window
    window.resize(WIDTH, HEIGHT)
    window.show()
    settle(800)
    suffix = "" if lang == "fr" else "-en"

    if window.show_screen("dashboard") is not None:
        settle(1500)
        window.grab().save(str(OUT / f"dashboard{suffix}.png"))

    screen = window.show_screen("participants")
    settle(600)
    screen.select_row(2)
    window.grab().save(str(OUT / f"participants{suffix}.png"))

    uuid = screen.model.uuid_at(2)
    dialog = window.open_participant(uuid)
    dialog.resize(1000, 720)
    settle(400)
    dialog.grab().save(str(OUT / f"participant-form{suffix}.png"))
    if dialog.journey is not None:
        dialog.tabs.setCurrentWidget(dialog.journey)
        settle(600)
        dialog.grab().save(str(OUT / f"participant-journey{suffix}.png"))
    dialog.close()

    cohorts = window.show_screen("cohorts")
    if cohorts is not None:
        settle(800)
        cohorts.table.selectRow(1)
        settle(800)
        window.grab().save(str(OUT / f"cohorts{suffix}.png"))

    partners = window.show_screen("partners")
    if partners is not None:
        settle(800)
        partners.table.selectRow(0)
        partners.open_row(0)
        settle(600)
        partners.dialog.resize(1000, 640)
        partners.dialog.tabs.setCurrentIndex(1)
        settle(300)
        partners.dialog.grab().save(str(OUT / f"partner{suffix}.png"))
        partners.dialog.close()
    referrals = window.show_screen("referrals")
    if referrals is not None:
        settle(800)
        referrals.overdue.setChecked(True)
        settle(800)
        window.grab().save(str(OUT / f"referrals{suffix}.png"))

    from citesdesk.gui.help import HelpWindow

    help_window = HelpWindow(lang)
    help_window.resize(1100, 720)
    help_window.open_chapter("11-participants.md")
    help_window.show()
    settle(300)
    help_window.grab().save(str(OUT / f"help{suffix}.png"))
    help_window.close()
    app.close()


if __name__ == "__main__":
    main(sys.argv[sys.argv.index("--lang") + 1] if "--lang" in sys.argv else "fr")
