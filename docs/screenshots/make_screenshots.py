"""Take the README screenshots from the running application (offscreen).

    QT_QPA_PLATFORM=offscreen python docs/screenshots/make_screenshots.py [--lang fr]

Builds a demonstration database (fictional people) in a temporary folder, opens the real
main window on it, and saves PNGs of the main screens next to this script, at the two
screen sizes the application is checked on: ``NAME-1366.png`` (1366×768) and
``NAME-1024.png`` (1024×700). An empty site's first screens are taken too (``empty-…``).
Look at them after taking them: nothing that identifies may be cut.
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
SIZES = ((1366, 768), (1024, 700))


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
    from citesdesk.services import records

    # one file in the bin, so that the Corbeille screen shows what it holds
    gone = db.execute("SELECT uuid FROM participant ORDER BY id LIMIT 1").fetchone()[0]
    records.delete(db, "participant", gone)
    db.close()
    empty = folder / "vide.sqlite"
    db = open_database(empty, create=True)
    records.create(db, "site", {"name": "Cité de l'emploi de Saint-Denis",
                                "site_code": "CDE-93-001", "departement": "93",
                                "coordinators": "Awa Diallo"})
    db.close()
    for width, height in SIZES:
        app = Application(path, lang)
        shots(app, width, height, lang)
        app.close()
        app = Application(empty, lang)
        empty_shots(app, width, height, lang)
        app.close()


def _name(name: str, width: int, lang: str) -> str:
    return str(OUT / f"{name}-{width}{'' if lang == 'fr' else '-en'}.png")


def empty_shots(app, width: int, height: int, lang: str) -> None:
    window = app.window
    window.resize(width, height)
    window.show()
    settle(800)
    for key in ("dashboard", "participants"):
        window.show_screen(key)
        settle(900)
        window.grab().save(_name(f"empty-{key}", width, lang))


def shots(app, width: int, height: int, lang: str) -> None:
    window = app.window
    window.resize(width, height)
    window.show()
    settle(800)
    save = lambda widget, name: widget.grab().save(_name(name, width, lang))  # noqa: E731

    window.show_screen("dashboard")
    settle(1500)
    save(window, "dashboard")

    screen = window.show_screen("participants")
    settle(600)
    screen.select_row(2)
    save(window, "participants")

    uuid = screen.model.uuid_at(2)
    dialog = window.open_participant(uuid)
    dialog.resize(min(1000, width), min(720, height))
    settle(400)
    save(dialog, "participant-form")
    if dialog.journey is not None:
        dialog.tabs.setCurrentWidget(dialog.journey)
        settle(600)
        save(dialog, "participant-journey")
    dialog.close()

    cohorts = window.show_screen("cohorts")
    settle(800)
    cohorts.table.selectRow(1)
    settle(800)
    save(window, "cohorts")

    partners = window.show_screen("partners")
    settle(800)
    save(window, "partners")
    partners.table.selectRow(0)
    partners.open_row(0)
    settle(600)
    partners.dialog.resize(min(1000, width), min(640, height))
    partners.dialog.tabs.setCurrentIndex(1)
    settle(300)
    save(partners.dialog, "partner")
    partners.dialog.close()

    referrals = window.show_screen("referrals")
    settle(800)
    referrals.overdue.setChecked(True)
    settle(800)
    save(window, "referrals")

    for key in ("imports", "exports", "evaluation", "team", "bin", "retention", "audit"):
        window.show_screen(key)
        settle(1200)
        save(window, key)

    dashboard = window.show_screen("dashboard")
    settle(300)
    dashboard.show_records("S_SORTIES")
    settle(800)
    dashboard.records_dialog.resize(min(900, width), min(600, height))
    settle(300)
    save(dashboard.records_dialog, "drill-down")
    dashboard.records_dialog.close()

    from citesdesk.gui.help import HelpWindow

    help_window = HelpWindow(lang)
    help_window.resize(min(1100, width), min(720, height))
    help_window.open_chapter("11-participants.md")
    help_window.show()
    settle(300)
    save(help_window, "help")
    help_window.close()


if __name__ == "__main__":
    main(sys.argv[sys.argv.index("--lang") + 1] if "--lang" in sys.argv else "fr")
