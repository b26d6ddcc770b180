"""The main window: a sidebar of screens, the menus, the status bar.

Screens come from :data:`citesdesk.gui.screens.SCREENS`; the window only hosts them, routes
the runner's ``changed`` signal to them, and offers navigation through the context.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from citesdesk.core.site import get_site
from citesdesk.gui.context import AppContext
from citesdesk.gui.dialogs import Dialog
from citesdesk.gui.first_paint import after_first_paint
from citesdesk.gui.forms import date_text
from citesdesk.gui.icons import icon
from citesdesk.gui.screens import SCREENS, load_screen_class
from citesdesk.gui.screens.base import Screen

#: Wrapped labels whose minimum height this module sets (and may set again).
_FITTED = "citesdesk_fitted_lines"


def _fit_wrapped_lines(screen: QWidget) -> None:
    """A wrapped sentence needs more lines as the window narrows, but its minimum height is
    reckoned for no width in particular: the layout may then give it fewer lines than its
    text, cut at the bottom. Each shown wrapped label is kept as high as its lines at its
    width (labels whose minimum height their screen set itself are left alone)."""
    for label in screen.findChildren(QLabel):
        if not label.wordWrap() or not label.isVisible() or not label.text():
            continue
        if label.minimumHeight() and not label.property(_FITTED):
            continue
        need = label.heightForWidth(label.width())
        if need > 0 and need != label.minimumHeight():
            label.setMinimumHeight(need)
            label.setProperty(_FITTED, True)


class _Page(QScrollArea):
    """The stack's page for one screen: a frameless scroll area. The screen fills it, and
    is never made smaller than its minimum: a screen taller than the window (the empty
    site's cohort form at 1024×700) scrolls inside its page instead of pushing the window
    past the bottom of the screen, status bar and buttons out of sight.

    Sized here rather than by ``setWidgetResizable``: that one gives a screen with wrapped
    text its *preferred* height, so a screen that fits would scroll all the same."""

    def __init__(self, screen: Screen, stack: QStackedWidget) -> None:
        super().__init__(stack)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(screen)
        self.viewport().installEventFilter(self)
        screen.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self._fit()
        elif event.type() == QEvent.Type.LayoutRequest:  # its minimum may have changed
            QTimer.singleShot(0, self, self._fit)
        return False

    def _fit(self) -> None:
        screen = self.widget()
        if screen is None:
            return
        _fit_wrapped_lines(screen)
        need = screen.minimumSizeHint().expandedTo(screen.minimumSize())
        room = self.viewport().size()
        size = QSize(max(room.width(), need.width()), max(room.height(), need.height()))
        if screen.size() != size:
            screen.resize(size)


class MainWindow(QMainWindow):
    # The user chose another language ("fr"/"en"): the application rebuilds the window.
    language_requested = Signal(str)
    # The user chose another database file.
    database_requested = Signal(str)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(self.tr("CitésDesk"))
        self.setWindowIcon(icon("citesdesk"))
        ctx.navigation["show_screen"] = self.show_screen
        ctx.navigation["open_participant"] = self.open_participant
        ctx.runner.dialog_parent = self
        ctx.runner.lang = ctx.lang

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.sidebar = QListWidget(central)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("Navigation"))
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        self.stack = QStackedWidget(central)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        # The home screen is built now; the others (and their imports: spreadsheets, PDFs,
        # cryptography…) one by one after the window has painted, or as soon as one is asked
        # for.
        self._screens: list[Screen] = []
        self._pending = list(SCREENS)
        while self._pending and not self._screens:
            self._add_screen(self._pending.pop(0))
        self.sidebar.currentRowChanged.connect(self._on_row)
        ctx.runner.changed.connect(self.on_changed)

        self._build_menus()
        self._build_status()
        if self._screens:
            self.sidebar.setCurrentRow(0)
        after_first_paint(self, self._load_next_screen)
        self.resize(self.fontMetrics().averageCharWidth() * 150,
                    self.fontMetrics().height() * 40)

    # -- screens -------------------------------------------------------------------
    def _add_screen(self, entry: str) -> Screen:
        screen = load_screen_class(entry)(self.ctx, self.stack)
        self._screens.append(screen)
        self.stack.addWidget(_Page(screen, self.stack))
        item = QListWidgetItem(icon(screen.icon_name), screen.title())
        item.setData(Qt.ItemDataRole.UserRole, screen.key)
        self.sidebar.addItem(item)
        self.sidebar.setFixedWidth(self.sidebar.sizeHintForColumn(0)
                                   + 4 * self.fontMetrics().averageCharWidth())
        n = len(self._screens)
        if n <= 9 and hasattr(self, "view_menu"):
            self._add_view_action(screen, n)
        return screen

    def _load_next_screen(self) -> None:
        """After the first paint, the other screens one by one, a turn of the event loop
        apart: the window answers clicks and keys between two screens."""
        if self._pending:
            self._add_screen(self._pending.pop(0))
            QTimer.singleShot(0, self, self._load_next_screen)

    def load_all_screens(self) -> None:
        while self._pending:
            self._add_screen(self._pending.pop(0))

    @property
    def screens(self) -> list[Screen]:
        """Every screen of the sidebar (built now if they were not yet)."""
        self.load_all_screens()
        return self._screens

    def _add_view_action(self, screen: Screen, n: int) -> None:
        action = QAction(screen.title(), self)
        action.setShortcut(QKeySequence(f"Ctrl+{n}"))
        action.triggered.connect(lambda _=False, k=screen.key: self.show_screen(k))
        self.view_menu.insertAction(self._view_separator, action)

    # -- navigation ----------------------------------------------------------------
    def _on_row(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        screen = self._screens[row]
        screen.activated()

    def current_screen(self) -> Screen | None:
        """The screen shown (each sits in its page of the stack)."""
        row = self.stack.currentIndex()
        return self._screens[row] if 0 <= row < len(self._screens) else None

    def screen(self, key: str) -> Screen | None:
        for s in self.screens:
            if s.key == key:
                return s
        return None

    def show_screen(self, key: str) -> Screen | None:
        for row, s in enumerate(self.screens):
            if s.key == key:
                self.sidebar.setCurrentRow(row)
                return s
        return None

    def open_participant(self, uuid: str | None = None):
        from citesdesk.gui.participant_form import ParticipantDialog

        return ParticipantDialog.open_for(self.ctx, uuid, self)

    def on_changed(self, changes: set[str]) -> None:
        for s in self._screens:
            s.refresh(changes)
        if changes & {"site", "setting"}:
            self.update_status()

    # -- menus ---------------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut=None, icon_name: str | None = None) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&Fichier"))
        self.new_participant_action = self._action(
            self.file_menu, self.tr("&Nouveau participant…"), lambda: self.open_participant(None),
            QKeySequence.StandardKey.New, "person-add")
        self.file_menu.addSeparator()
        self._action(self.file_menu, self.tr("&Ouvrir une autre base…"), self.choose_database,
                     QKeySequence.StandardKey.Open)
        self.backup_action = self._action(
            self.file_menu, self.tr("&Sauvegarder une copie de la base…"), self.save_copy)
        self.file_menu.addSeparator()
        self._action(self.file_menu, self.tr("&Paramètres…"), self.show_settings,
                     QKeySequence("Ctrl+,"), "settings")
        self.file_menu.addSeparator()
        self._action(self.file_menu, self.tr("&Quitter"), self.close, QKeySequence.StandardKey.Quit)

        self.edit_menu = bar.addMenu(self.tr("&Édition"))
        self._action(self.edit_menu, self.tr("&Rechercher"), self.focus_search,
                     QKeySequence.StandardKey.Find)

        self.view_menu = bar.addMenu(self.tr("&Affichage"))
        self._view_separator = self.view_menu.addSeparator()
        for n, s in enumerate(self._screens[:9], start=1):
            self._add_view_action(s, n)
        lang_menu = self.view_menu.addMenu(self.tr("&Langue"))
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, label in (("fr", "Français"), ("en", "English")):
            action = QAction(label, self, checkable=True)
            action.setChecked(code == self.ctx.lang)
            action.triggered.connect(lambda _=False, c=code: self._choose_language(c))
            group.addAction(action)
            lang_menu.addAction(action)
            self.language_actions[code] = action

        from citesdesk.gui.printing.actions import install_menu

        install_menu(self)  # "Impression": participant file, consent form, access export
        from citesdesk.gui.team_tasks import install_menu as install_team_menu

        install_team_menu(self)  # File: merge a team file
        from citesdesk.gui.security.menu import install_menu as install_security

        install_security(self)  # File: restore a backup, security and encryption

        self.help_menu = bar.addMenu(self.tr("A&ide"))
        self._action(self.help_menu, self.tr("&Guide d'utilisation"), self.show_help,
                     QKeySequence.StandardKey.HelpContents, "help")
        self._action(self.help_menu, self.tr("À &propos de CitésDesk"), self.show_about)

    def _choose_language(self, lang: str) -> None:
        if lang != self.ctx.lang:
            self.language_requested.emit(lang)

    def focus_search(self) -> None:
        screen = self.current_screen()
        focus = getattr(screen, "focus_search", None)
        if focus is not None:
            focus()

    def choose_database(self) -> None:
        path = Dialog.open_file(self, self.tr("Ouvrir une base CitésDesk"),
                                self.tr("Bases CitésDesk et fichiers d'équipe (*.sqlite *.db "
                                        "*.citesequipe);;Bases CitésDesk (*.sqlite *.db);;"
                                        "Fichiers d'équipe (*.citesequipe);;Tous les fichiers (*)"))
        if path:  # a colleague's .citesequipe is merged, not opened (Application.switch_database)
            self.database_requested.emit(path)

    def save_copy(self) -> None:
        from citesdesk.gui.backup import save_copy

        save_copy(self.ctx, self)

    def show_settings(self) -> None:
        from citesdesk.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            lang = dialog.option_values()["language"]
            if lang != self.ctx.lang:
                self.language_requested.emit(lang)

    def show_help(self) -> None:
        from citesdesk.gui.help import HelpWindow

        HelpWindow.show_for(self.ctx.lang, self)

    def show_about(self) -> None:
        from citesdesk.gui.about import AboutDialog

        AboutDialog(self).exec()

    # -- status bar ----------------------------------------------------------------
    def _build_status(self) -> None:
        self.db_label = QLabel(self)
        self.site_label = QLabel(self)
        self.backup_label = QLabel(self)
        for label in (self.site_label, self.db_label, self.backup_label):
            self.statusBar().addPermanentWidget(label)
        self.update_status()

    def update_status(self) -> None:
        reader = self.ctx.reader
        site = get_site(reader)
        self.site_label.setText(
            self.tr("Site : {name} ({code})").format(name=site["name"], code=site["site_code"])
            if site else self.tr("Aucun site"))
        self.db_label.setText(self.tr("Base : {file}").format(file=self.ctx.db_path.name))
        self.db_label.setToolTip(str(self.ctx.db_path))
        from citesdesk.core import settings

        last = settings.get(reader, "last_backup_at")
        self.backup_label.setVisible(bool(last))
        if last:
            self.backup_label.setText(self.tr("Dernière sauvegarde : {date}").format(
                date=date_text(str(last), self.ctx.lang)))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        for s in self._screens:
            can_close = getattr(s, "can_close", None)
            if can_close is not None and not can_close():
                event.ignore()
                return
        super().closeEvent(event)
