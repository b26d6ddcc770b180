"""Starting the application: Qt setup, languages, the database, the main window.

``run(db_path, lang)`` is what ``citesdesk [--db PATH] [--lang fr|en]`` calls.
:class:`Application` holds what lives as long as the process: the translators (Qt drops
a translator that Python lets go of, so references are kept here), the task runner with
the writing connection, the read connection, and the main window — rebuilt whole when the
language changes, so every screen is simply built again in the new language.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs
from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QLibraryInfo,
    QLocale,
    Qt,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from citesdesk import __version__
from citesdesk.core import files
from citesdesk.core.db import SiteDatabase, open_database
from citesdesk.core.errors import CitesDeskError
from citesdesk.core.site import get_site
from citesdesk.gui.context import AppContext
from citesdesk.gui.errors import APP_NAME, install_excepthook, setup_logging
from citesdesk.gui.icons import assets_dir
from citesdesk.gui.reads import Reader
from citesdesk.gui.tasks import TaskRunner

DB_FILE_NAME = "citesdesk.sqlite"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """The site database when ``--db`` is not given: in the user data folder."""
    return data_dir() / DB_FILE_NAME


def qt_application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("CitésDesk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    return app


def load_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """Install Qt's own strings and ours for ``lang``; returns them (keep the references).

    French is the source language of our strings, so French needs only Qt's catalogue;
    every ``citesdesk/assets/i18n/<area>_<lang>.qm`` is loaded for another language.
    """
    translators: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", qt_dir):
        translators.append(qt)
    for qm in sorted((assets_dir() / "i18n").glob(f"*_{lang}.qm")):
        ours = QTranslator(app)
        if ours.load(str(qm)):
            translators.append(ours)
    for t in translators:
        app.installTranslator(t)
    QLocale.setDefault(QLocale(QLocale.Language.French if lang == "fr"
                               else QLocale.Language.English))
    return translators


def stylesheet() -> str:
    path = assets_dir() / "style" / "app.qss"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def has_site(path: Path) -> bool:
    """Whether ``path`` is a database with a site (else the welcome dialog opens)."""
    if not path.exists():
        return False
    try:
        db = open_database(path, readonly=True)
    except CitesDeskError:
        return True  # let the real opening report what is wrong
    try:
        return get_site(db) is not None
    finally:
        db.close()


def _open_pair(_db, _progress, path: str | Path, readonly: bool,
               create: bool = False) -> tuple[SiteDatabase, SiteDatabase, bool]:
    """The writing (or read-only) and the reading connections of ``path``, migrated first
    if it is older (:func:`open_database` copies it before); neither is left open if the
    other fails. A runner task for File › Open, called directly at start and on reopening."""
    writer = open_database(path, readonly=readonly, create=create and not readonly)
    try:
        reader = open_database(path, readonly=True)
    except BaseException:
        writer.close()
        raise
    return writer, reader, readonly



def _settle_if_moved(writer: SiteDatabase, parent=None) -> None:
    """A base copied from another computer or account asks what it is before its first
    write (:mod:`citesdesk.gui.team_moved`, loaded only then)."""
    if getattr(writer, "moved", False) == "ask":
        from citesdesk.gui.team_moved import settle_if_moved

        settle_if_moved(writer, parent)

class Application:
    """The running application: translators, runner, read connection, main window."""

    def __init__(self, db_path: str | Path, lang: str = "fr", readonly: bool = False) -> None:
        self.qapp = qt_application()
        self.lang = lang
        self.db_path = Path(db_path)
        self.readonly = readonly
        self.opening = False  # File › Open at work (switch_database)
        self.handoff = None  # team files handed over by a second start (listen_for_files)
        self.translators: list[QTranslator] = []
        self.set_translators(lang)
        self.qapp.setStyleSheet(stylesheet())
        # Another program holding the base: DatabaseInUse, for the caller to offer
        # read-only (gui/instance.py).
        try:
            opened = _open_pair(None, None, self.db_path, readonly, create=True)
        except BaseException:
            for t in self.translators:
                self.qapp.removeTranslator(t)
            raise
        self._attach(*opened, self.db_path)
        self.window = None
        self.build_window()
        from citesdesk.gui.security.session import Session

        self.session = Session(self)  # automatic backups, auto-lock

    def _attach(self, writer: SiteDatabase, reader: SiteDatabase, readonly: bool,
                path: str | Path) -> None:
        """Work on ``path`` through these connections: the writer goes to a new task
        runner, the views read through ``reader`` and a new read thread. A base copied
        from another computer is asked about first."""
        _settle_if_moved(writer, getattr(self, "window", None))
        self.writer, self.reader, self.readonly = writer, reader, readonly
        self.db_path = Path(path)
        self.runner = TaskRunner(writer)
        self.reads = Reader(self.db_path)

    def _detach(self) -> None:
        """Close this base's connections, the readers first: the writer, closing last,
        folds the write-ahead log back into the file and removes it (a read-only
        connection closing last cannot). A backup being copied ends first."""
        self.session.wait()
        self.reads.shutdown()
        self.reader.close()
        self.runner.shutdown()

    def _show_new_window(self) -> None:
        """The window for the base just attached; its opening backup after its first
        paint, and team files handed over by a second start (if listening) go to it."""
        self.build_window().show()
        self.session.after_opening()
        if self.handoff is not None:
            self.listen_for_files()

    def set_translators(self, lang: str) -> None:
        for t in self.translators:
            self.qapp.removeTranslator(t)
        self.translators = load_translators(self.qapp, lang)
        self.lang = lang

    def build_window(self):
        from citesdesk.gui.main_window import MainWindow

        old = self.window
        ctx = AppContext(self.runner, self.reader, self.db_path, self.lang, reads=self.reads)
        ctx.navigation["reopen"] = self.reopen
        self.window = MainWindow(ctx)
        self.window.language_requested.connect(self.switch_language)
        self.window.database_requested.connect(self.switch_database)
        if self.readonly:
            from citesdesk.gui.instance import mark_readonly

            mark_readonly(self.window, self.db_path, self.lang)
        if old is not None:
            self.window.setGeometry(old.geometry())
            old.hide()
            old.deleteLater()
        return self.window

    def switch_language(self, lang: str) -> None:
        self.set_translators(lang)
        self.build_window().show()

    def switch_database(self, path: str, readonly: bool = False) -> None:
        """File › Open: open ``path`` — which may migrate an older base after copying it —
        on the worker thread, behind a progress box, the window staying responsive; the
        new window replaces this one when it is open (``opening`` is true meanwhile). A
        colleague's ``.citesequipe`` is merged instead of opened."""
        from citesdesk.gui.team_open import is_team_file, merge_files

        if is_team_file(path):  # File › Open on a colleague's file: merged, not opened
            merge_files(self.window, [path])
            return
        from citesdesk.gui.security.passphrase import unlock_file

        if not readonly and not unlock_file(path, self.window):
            return
        self.opening = True
        task = self.runner.submit(
            _open_pair, path, readonly, atomic=False,
            progress_title=QCoreApplication.translate("Application", "Ouverture de la base…"),
            on_done=lambda opened: self._opened(path, opened, task.cancel_event.is_set()),
            on_error=lambda exc: self._open_failed(path, exc))

    def _opened(self, path: str, opened: tuple[SiteDatabase, SiteDatabase, bool],
                cancelled: bool) -> None:
        writer, reader, readonly = opened
        self.opening = False
        if cancelled:  # « Annuler » while it opened: the base on screen stays
            writer.close()
            reader.close()
            return
        self._detach()
        self._attach(writer, reader, readonly, path)
        self._show_new_window()

    def _open_failed(self, path: str, exc: BaseException) -> None:
        from citesdesk.core.locking import DatabaseInUse
        from citesdesk.gui.dialogs import Dialog
        from citesdesk.gui.instance import offer_readonly

        self.opening = False
        if isinstance(exc, DatabaseInUse):
            if offer_readonly(self.window, exc, self.lang):
                self.switch_database(path, readonly=True)
        elif isinstance(exc, CitesDeskError):
            Dialog.error(self.window, exc.message(self.lang))
        # anything else was reported by the runner as an unexpected error

    def reopen(self, operation) -> None:
        """Close every connection, run ``operation()`` (a restore, a change of passphrase)
        and open the database again, in a new window; ``operation``'s error is raised
        after the reopening."""
        self._detach()  # no snapshot reading the file while it is replaced
        try:
            operation()
        finally:
            self._attach(*_open_pair(None, None, self.db_path, self.readonly, create=True),
                         self.db_path)
            self._show_new_window()

    def listen_for_files(self) -> None:
        """Take the team files that a second start on this base hands over
        (:mod:`citesdesk.gui.handoff`): only while this program holds the base."""
        from citesdesk.gui.handoff import Handoff, offer_when_free

        if self.handoff is None:
            self.handoff = Handoff(self.qapp)
            self.handoff.files_received.connect(
                lambda paths: offer_when_free(self.window, paths))
        if self.readonly:
            self.handoff.close()
        else:
            self.handoff.listen(self.db_path)

    def close(self) -> None:
        self.session.stop()
        if self.handoff is not None:
            self.handoff.close()
        self._detach()
        for t in self.translators:
            self.qapp.removeTranslator(t)
        self.translators = []
        if self.window is not None:
            self.window.deleteLater()
            self.window = None


def _smoke_report(app: Application, qapp: QApplication) -> None:
    """``CITESDESK_SMOKE_TEST=1``: once the window has painted, say so and quit.

    Used by ``packaging/check_frozen.sh`` to prove that the frozen program starts a real
    window with its resources (translations, icons, screens).
    """
    window = app.window
    window.grab()  # forces a full paint of the window and its screens
    screens = [s.title() for s in window.screens]
    print(f"window shown: title={window.windowTitle()} lang={app.lang} "
          f"screens={len(screens)} first={screens[0] if screens else ''}", flush=True)
    qapp.quit()


def run(db_path: str | None, lang: str, open_bundle: str | None = None,
        open_team: list[str] | None = None) -> int:
    """Open the GUI on ``db_path`` (default: the user data folder); the exit code.

    With ``open_bundle`` (a ``.citesbundle`` file opened from the file manager), only the
    bundle inspector opens: it needs no site database. With ``open_team`` (colleagues'
    ``.citesequipe`` files), the window opens as usual and offers to merge them.
    """
    from citesdesk.core import node

    # a base copied from another computer: the window asks what it is (gui/team_moved.py)
    before = dict(node.ON_MOVED)
    node.ON_MOVED.update(policy="ask", notice=None)
    try:
        return _run(db_path, lang, open_bundle, open_team)
    finally:
        node.ON_MOVED.update(before)


def _run(db_path: str | None, lang: str, open_bundle: str | None,
         open_team: list[str] | None) -> int:
    setup_logging()
    qapp = qt_application()
    keep = load_translators(qapp, lang)
    install_excepthook()
    if open_bundle:
        from citesdesk.gui.bundle_inspect import BundleInspectDialog

        qapp.setStyleSheet(stylesheet())
        dialog = BundleInspectDialog(open_bundle, lang)
        if os.environ.get("CITESDESK_SMOKE_TEST"):
            if dialog.reading:  # the file is read off the GUI thread
                loop = QEventLoop()
                dialog.inspected.connect(loop.quit)
                loop.exec()
            print(f"bundle inspector: {dialog.summary.text().splitlines()[0]}", flush=True)
            return 0
        return dialog.exec() and 0
    path = Path(db_path) if db_path else default_db_path()
    if open_team:  # double-clicked while a window has this base open: handed to it
        from citesdesk.gui.handoff import hand_to_running

        if hand_to_running(path, open_team):
            return 0
    files.sweep_at_start(path.parent)  # what a killed run left behind
    from citesdesk.gui.security.passphrase import unlock_file

    qapp.setStyleSheet(stylesheet())
    if not unlock_file(path):  # an encrypted database: its passphrase first
        return 0
    choice = None
    if not has_site(path):
        from citesdesk.gui.welcome import WelcomeDialog

        qapp.setStyleSheet(stylesheet())
        choice = WelcomeDialog.ask(path, lang)
        if choice is None:
            return 0
        path = choice.path
    from citesdesk.gui.upgrade import upgrade_before_window

    try:  # a base left by an earlier version: upgraded before the window, not under it
        upgrade_before_window(path)
    except CitesDeskError as exc:
        from citesdesk.gui.dialogs import Dialog

        Dialog.error(None, exc.message(lang))
        return 1
    for t in keep:
        qapp.removeTranslator(t)
    from citesdesk.core import locking

    locking.PROGRAM["name"] = "CitésDesk"
    try:
        try:
            app = Application(path, lang)
        except locking.DatabaseInUse as exc:
            from citesdesk.gui.instance import offer_readonly

            qapp.setStyleSheet(stylesheet())
            keep = load_translators(qapp, lang)
            try:
                if not offer_readonly(None, exc, lang):
                    return 0
            finally:
                for t in keep:
                    qapp.removeTranslator(t)
            app = Application(path, lang, readonly=True)
    except CitesDeskError as exc:
        from citesdesk.gui.dialogs import Dialog

        Dialog.error(None, exc.message(lang))
        return 1
    from citesdesk.gui import window_place

    if not window_place.restore(app.window):  # where the coordinator left it last time
        window_place.first_size(app.window, (app.window.width(), app.window.height()))
    app.window.show()
    from citesdesk.gui.first_paint import after_first_paint

    after_first_paint(app.window, app.listen_for_files)
    if open_team:
        from citesdesk.gui.team_open import offer

        QTimer.singleShot(0, lambda: offer(app.window, open_team, app.readonly))
    if os.environ.get("CITESDESK_SMOKE_TEST"):
        QTimer.singleShot(0, lambda: _smoke_report(app, qapp))
    if choice is not None and choice.demo:
        from citesdesk.gui.welcome import fill_demo

        fill_demo(app)
    restore = _quit_on_terminate(qapp)
    try:
        code = qapp.exec()
    finally:
        restore()
    if app.window is not None:
        window_place.save(app.window)
    app.close()
    return code


def _quit_on_terminate(qapp: QApplication):
    """SIGTERM (the session or the computer shutting down, ``kill``): leave as « Quitter »
    does — the running task ends or rolls back, the connections close, the write-ahead log
    is folded back and the instance lock goes — rather than dying with them left behind.
    Python runs a signal handler only between bytecodes, so a light timer lets it in while
    Qt waits for events. Returns what puts the previous handler back."""
    import signal

    previous = signal.signal(signal.SIGTERM, lambda *_: qapp.quit())
    wake = QTimer(qapp)
    wake.timeout.connect(lambda: None)
    wake.start(250)

    def restore() -> None:
        wake.stop()
        signal.signal(signal.SIGTERM, previous)

    return restore
