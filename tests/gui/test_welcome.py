"""First run: the welcome dialog creates the site."""

from __future__ import annotations

from PySide6.QtCore import Qt

from citesdesk.core.db import open_database
from citesdesk.gui.app import has_site
from citesdesk.gui.welcome import WelcomeDialog


def test_welcome_creates_the_site(qtbot, tmp_path, type_text):
    path = tmp_path / "nouveau" / "site.sqlite"
    dialog = WelcomeDialog(path)
    qtbot.addWidget(dialog)
    type_text(dialog.name, "Cité de l'emploi de Roubaix")
    type_text(dialog.code, "CDE-59-002")
    type_text(dialog.departement, "9Z")  # wrong: refused under the field
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.working, timeout=30000)  # created off the GUI thread
    assert dialog.choice is None
    assert not dialog.errors["departement"].isHidden()
    assert dialog.errors["departement"].text()
    dialog.departement.setText("59")
    type_text(dialog.coordinator, "Inès Martin")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.working, timeout=30000)
    assert dialog.choice is not None and dialog.choice.path == path
    assert has_site(path)
    db = open_database(path, readonly=True)
    row = db.execute("SELECT name, site_code, departement, coordinators FROM site").fetchone()
    db.close()
    assert row == ("Cité de l'emploi de Roubaix", "CDE-59-002", "59", "Inès Martin")


def test_creating_the_site_leaves_the_dialog_responsive(qtbot, tmp_path, monkeypatch):
    import time

    from citesdesk.gui import welcome
    from tests.gui.waiting import ticks_until

    real = welcome.create_site

    def slow(*args):  # an encrypted base derives its key; a slow disk
        time.sleep(0.5)
        return real(*args)

    monkeypatch.setattr(welcome, "create_site", slow)
    path = tmp_path / "site.sqlite"
    dialog = WelcomeDialog(path)
    qtbot.addWidget(dialog)
    dialog.name.setText("Cité de l'emploi de Bron")
    dialog.code.setText("CDE-69-002")
    dialog.departement.setText("69")
    dialog.coordinator.setText("Nadia Ferhat")
    dialog.create_button.click()
    assert dialog.working and not dialog.create_button.isEnabled()
    # the event loop turned while the base was created
    assert ticks_until(qtbot, lambda: dialog.result() == dialog.DialogCode.Accepted) >= 10
    assert dialog.choice.path == path and has_site(path) and not dialog.working


def test_no_database_means_welcome(tmp_path):
    assert not has_site(tmp_path / "absent.sqlite")


def test_first_run_with_the_demo_opens_the_window_on_a_filled_database(
        tmp_path, monkeypatch, qtbot, drive):
    import sys

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from citesdesk.cli import main
    from citesdesk.gui import welcome
    from citesdesk.gui.main_window import MainWindow

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own
    monkeypatch.setattr(welcome, "DEMO_PARTICIPANTS", 20)
    asked = []

    def choose_demo(dialog):
        asked.append(dialog.path)
        dialog.demo_button.click()  # « Ouvrir une base de démonstration »

    drive(welcome.WelcomeDialog, choose_demo)
    seen = {}

    def poll():
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible() and not w.ctx.runner.busy():
                seen["site"] = w.site_label.text()
                seen["count"] = w.ctx.reader.execute(
                    "SELECT count(*) FROM participant").fetchone()[0]
                if seen["count"]:
                    w.close()
                    QApplication.quit()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(50)
    path = tmp_path / "site.sqlite"
    assert main(["--db", str(path), "--lang", "fr"]) == 0
    timer.stop()
    assert asked == [path]
    assert seen["count"] == 20
    assert seen["site"].startswith("Site : ")
    assert (tmp_path / "citesdesk-demo.sqlite").exists() and not path.exists()
