"""The shell: main window, task runner, languages, errors, help and about."""

from __future__ import annotations

import datetime as dt
import logging

import pytest

from citesdesk.core.db import open_database
from citesdesk.core.errors import CitesDeskError
from citesdesk.gui.dialogs import Dialog
from citesdesk.services import records
from tests.gui.waiting import tasks_finished


def test_main_window_shows_site_and_database(gui, qtbot):
    window = gui.window
    assert window.windowTitle() == "CitésDesk"
    assert "Cité de l'emploi de Saint-Denis" in window.site_label.text()
    assert "site.sqlite" in window.db_label.text()
    assert [m.title() for m in (window.file_menu, window.edit_menu, window.view_menu,
                                window.help_menu)] == ["&Fichier", "&Édition", "&Affichage",
                                                        "A&ide"]
    # the automatic backup taken on opening is the last one
    qtbot.waitUntil(window.backup_label.isVisible)
    assert dt.date.today().strftime("%d/%m/%Y") in window.backup_label.text()


def test_switching_to_english_rebuilds_the_window(gui, qtbot):
    gui.window.language_actions["en"].trigger()
    window = gui.window
    assert window.file_menu.title() == "&File"
    assert window.help_menu.title() == "&Help"
    assert window.site_label.text().startswith("Site: ")


def _create_two(db, progress, names):
    for n, name in enumerate(names):
        records.create(db, "participant", {"last_name": name, "first_name": "Test"})
        progress(n + 1, len(names), name)
    return len(names)


def test_runner_runs_off_the_gui_thread_and_announces_changes(gui, qtbot):
    results = []
    # (the backup taken on opening may announce its own change, a setting, meanwhile)
    with qtbot.waitSignal(gui.runner.changed, timeout=30000,
                          check_params_cb=lambda tables: "participant" in tables) as changed:
        gui.runner.submit(_create_two, ["Martin", "Bernard"], on_done=results.append)
    assert changed.args == [{"participant", "audit_log"}]  # told by the database itself
    assert results == [2]
    count = gui.reader.execute("SELECT count(*) FROM participant").fetchone()[0]
    assert count == 2


def _slow_write(db, progress, started):
    records.create(db, "participant", {"last_name": "Annulé", "first_name": "Test"})
    started.set()
    for i in range(10_000):
        progress(i, 10_000, "")
        import time

        time.sleep(0.001)
    return "finished"


def test_cancel_leaves_nothing(gui, qtbot):
    import threading

    from PySide6.QtWidgets import QPushButton

    started = threading.Event()
    done, cancelled = [], []
    task = gui.runner.submit(_slow_write, started, on_done=done.append,
                             on_cancel=lambda: cancelled.append(True),
                             progress_title="Écriture…")
    assert started.wait(30)
    with qtbot.waitSignal(gui.runner.task_finished, timeout=30000,
                          check_params_cb=lambda task_id: task_id == task.id):
        task.dialog.findChild(QPushButton).click()  # the user clicks Cancel
    assert cancelled == [True] and done == []
    db = open_database(gui.db_path, readonly=True)
    assert db.execute("SELECT count(*) FROM participant").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == 1  # the site only
    db.close()


def test_after_shutdown_no_callback_reaches_the_closed_window(db, qtbot):
    import threading

    from PySide6.QtWidgets import QApplication

    from citesdesk.gui.reads import Reader
    from citesdesk.gui.tasks import TaskRunner

    runner, reads = TaskRunner(db), Reader(db.path)
    started, release = threading.Event(), threading.Event()
    calls = []
    running = runner.submit(lambda _db, _p: started.set() or release.wait(30),
                            on_done=calls.append)
    queued = runner.submit(lambda _db, _p: "queued", on_done=calls.append,
                           on_cancel=lambda: calls.append("cancelled"), progress_title="…")
    reads.submit("key", lambda _db: "read", on_done=calls.append)
    assert started.wait(30)
    threading.Timer(0.2, release.set).start()
    dialog = queued.dialog
    runner.shutdown()  # the window closes while a task runs and another waits
    reads.shutdown()
    for _ in range(5):
        QApplication.processEvents()
        qtbot.wait(20)
    assert calls == [] and not runner.busy()
    assert running.cancel_event.is_set() and queued.dialog is None
    assert not dialog.isVisible()


def _refuse(db, progress):
    raise CitesDeskError("Le fichier est vide.", "The file is empty.")


def _crash(db, progress):
    records.create(db, "participant", {"last_name": "Perdu", "first_name": "Test"})
    raise ZeroDivisionError("secret traceback detail")


def test_refusal_shows_its_message(gui, qtbot):
    with tasks_finished(qtbot, gui.runner):
        gui.runner.submit(_refuse)
    assert Dialog.shown == [("error", "Opération refusée", "Le fichier est vide.")]


def test_unexpected_error_is_logged_not_shown(gui, qtbot, caplog):
    with caplog.at_level(logging.ERROR, logger="citesdesk"), \
            tasks_finished(qtbot, gui.runner):
        gui.runner.submit(_crash)
    kind, title, details = Dialog.shown[0]
    assert kind == "unexpected" and title == "Erreur inattendue"
    assert "ZeroDivisionError" in caplog.text
    assert gui.reader.execute("SELECT count(*) FROM participant").fetchone()[0] == 0


def test_unexpected_error_dialog_copies_details(qtbot):
    from PySide6.QtWidgets import QApplication

    from citesdesk.gui.dialogs import UnexpectedErrorDialog

    dialog = UnexpectedErrorDialog("Traceback: boom")
    qtbot.addWidget(dialog)
    assert "erreur inattendue" in dialog.message.text()
    assert "Traceback" not in dialog.message.text()
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == "Traceback: boom"


@pytest.mark.parametrize("lang,first", [("fr", "Bien démarrer"), ("en", "Getting started")])
def test_help_opens_offline_chapters(gui, qtbot, lang, first):
    from citesdesk.gui.help import HelpWindow

    window = HelpWindow(lang)
    qtbot.addWidget(window)
    assert window.list.item(0).text() == first
    assert window.browser.toPlainText().startswith(first)


def test_about_lists_version_and_licences(qtbot):
    from citesdesk import __version__
    from citesdesk.gui.about import AboutDialog

    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    assert f"CitésDesk {__version__}" in text
    assert "LGPL v3" in text and "ReportLab" in text


def test_qt_own_strings_follow_the_language(make_app, site_path):
    from PySide6.QtCore import QCoreApplication

    app = make_app(site_path, "fr")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    app.switch_language("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert app.window.new_participant_action.text() == "&New participant…"


def test_other_screens_are_built_right_after_the_window(site_path, qtbot):
    from citesdesk.gui.app import Application
    from citesdesk.gui.screens import screen_classes

    app = Application(site_path, "fr")
    try:
        window = app.window
        assert len(window._screens) == 1 and window._pending
        window.show()
        qtbot.waitUntil(lambda: not window._pending, timeout=30000)
        assert [type(s) for s in window._screens] == screen_classes()
        assert window.sidebar.count() == len(screen_classes())
        view = [a.text() for a in window.view_menu.actions() if a.shortcut().toString()]
        assert view[:2] == [s.title() for s in window._screens[:2]]
    finally:
        app.close()


def test_save_a_copy_then_the_status_bar_shows_the_backup_date(gui, qtbot, tmp_path):
    import datetime as dt

    db = open_database(gui.db_path)
    records.create(db, "participant", {"last_name": "Copie", "first_name": "Test"})
    db.close()
    target = tmp_path / "copies" / "sauvegarde.sqlite"
    Dialog.script(str(target))
    before = dt.date.today()
    # its own task (the backup taken on opening may announce a change first)
    with tasks_finished(qtbot, gui.runner):
        gui.window.backup_action.trigger()
    after = dt.date.today()  # the same day, unless the copy was made across midnight
    copy = open_database(target, readonly=True)
    assert copy.execute("SELECT last_name FROM participant").fetchall() == [("Copie",)]
    copy.close()
    label = gui.window.backup_label
    assert not label.isHidden()
    assert label.text() in {"Dernière sauvegarde : " + day.strftime("%d/%m/%Y")
                            for day in (before, after)}
    assert Dialog.shown[-1][0] == "info" and str(target) in Dialog.shown[-1][2]


def test_open_another_database_from_the_file_menu(gui, tmp_path, qtbot):
    other = tmp_path / "autre.sqlite"
    db = open_database(other, create=True)
    records.create(db, "site", {"name": "Cité de l'emploi de Roubaix", "site_code": "CDE-59-1"})
    db.close()
    Dialog.script(str(other))
    gui.window.choose_database()
    assert gui.db_path == other
    assert "Roubaix" in gui.window.site_label.text()
    assert gui.window.db_label.text() == "Base : autre.sqlite"
    Dialog.script(str(tmp_path / "absente.sqlite"))
    gui.window.choose_database()
    assert gui.db_path == other  # refused with a message, nothing changed
    assert Dialog.shown[-1][0] == "error" and "absente.sqlite" in Dialog.shown[-1][2]
