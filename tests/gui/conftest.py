"""GUI fixtures: a site database, the application on it, dialogs scripted (never blocking):
message boxes and file choosers answered by ``Dialog.script``, the application's own
dialogs driven by the ``drive`` fixture (``tests/gui/drive.py``)."""

from __future__ import annotations

import pytest

from citesdesk.core.db import open_database
from citesdesk.gui.dialogs import Dialog
from citesdesk.services import records


@pytest.fixture(autouse=True)
def _headless_dialogs(monkeypatch, tmp_path):
    from citesdesk.gui.participant_form import ParticipantDialog

    monkeypatch.setattr(Dialog, "headless", True)
    Dialog.reset()
    # The open participant windows are a class-level registry: a test starts with none,
    # never with a window (and its closed database) left by the previous test.
    ParticipantDialog._open.clear()
    # Logs and default databases go to the test's folder, never the user's.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    yield
    Dialog.reset()
    ParticipantDialog._open.clear()


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_teardown(item):
    """A window the application deleted itself (File › Open replaces the window with the
    new base's) is not closed again by qtbot at the end of the test."""
    import shiboken6

    widgets = getattr(item, "qt_widgets", None)
    if widgets:
        item.qt_widgets = [(ref, close) for ref, close in widgets
                           if ref() is None or shiboken6.isValid(ref())]
    yield


@pytest.fixture
def site_path(tmp_path):
    path = tmp_path / "site.sqlite"
    db = open_database(path, create=True)
    records.create(db, "site", {"name": "Cité de l'emploi de Saint-Denis",
                                "site_code": "CDE-93-001", "departement": "93",
                                "coordinators": "Awa Diallo"})
    db.close()
    return path


@pytest.fixture
def make_app(qtbot):
    from citesdesk.gui.app import Application

    apps = []

    def make(path, lang="fr"):
        app = Application(path, lang)
        app.window.load_all_screens()  # as after the first paint, so tests are deterministic
        qtbot.addWidget(app.window)
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.close()


@pytest.fixture
def gui(make_app, site_path):
    """The application open on a site database, window shown."""
    app = make_app(site_path)
    app.window.show()
    return app


def _type_text(widget, text: str) -> None:
    """Type ``text`` into ``widget`` key by key, accents included.

    (``QTest.keyClicks`` aborts on characters outside ASCII, so each key press is sent as
    a QKeyEvent carrying its text, as a keyboard would.)
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        key = ord(char.upper()) if char.isascii() and char.isalnum() else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


@pytest.fixture
def type_text():
    return _type_text


@pytest.fixture
def drive(monkeypatch):
    """``drive(DialogClass, fn=None)``: the dialogs of that class the application opens,
    handed to ``fn`` (see ``tests/gui/drive.py``, the one way tests drive a dialog)."""
    from tests.gui.drive import drive as _drive

    return lambda cls, fn=None: _drive(monkeypatch, cls, fn)


@pytest.fixture
def app_ctx(db, qtbot):
    """An application context over the test database: the real task runner, a reader."""
    from citesdesk.gui.context import AppContext
    from citesdesk.gui.tasks import TaskRunner

    runner = TaskRunner(db)
    reader = open_database(db.path, readonly=True)
    context = AppContext(runner=runner, reader=reader, db_path=db.path, lang="fr")
    yield context
    runner.shutdown()
    reader.close()
