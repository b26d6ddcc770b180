"""The base of every screen shown in the main window's sidebar."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from citesdesk.gui.context import AppContext


class Screen(QWidget):
    """One page of the main window.

    Subclasses set ``key`` (stable, used by ``ctx.show_screen``) and ``icon_name`` (an SVG
    in ``citesdesk/assets/icons``), return their translated title from :meth:`title`, and
    refresh from :meth:`refresh` with the kinds of record that changed — never by
    reloading everything. Screens are built when the window opens: keep the constructor
    cheap and load data in :meth:`activated` (first time shown) or lazily.
    """

    key: ClassVar[str] = ""
    icon_name: ClassVar[str] = "list"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def title(self) -> str:
        raise NotImplementedError

    def refresh(self, changes: set[str]) -> None:
        """Some records changed (``{"participant", "event", …}``): update what is shown."""

    def activated(self) -> None:
        """The screen has just been shown in the main window."""


class ListScreen(Screen):
    """A screen built around one list: every list screen is built this way.

    What they share, written once here:

    * **Reading.** :meth:`reload` reads what the screen shows off the GUI thread (through
      ``ctx.runner`` or ``ctx.read``) and fills the list when the answer comes. The screen
      reads when it is first shown, and again when the runner's ``changed`` signal names a
      kind of record in ``watched`` — at once if it is visible, else the next time it is
      shown. ``"*"`` stands for "anything may have changed" (an import, an undo).
    * **The list.** :meth:`set_list` takes the list view (a ``QTableWidget`` or a
      ``QTableView`` on any model, such as the participants' lazy model): Enter and a
      double-click call :meth:`open_row` on the current row, and the buttons that act on
      the chosen row are enabled only while one is chosen (:meth:`update_buttons`, which a
      screen extends for its own conditions). :meth:`make_table` builds a read-only table.
    * **The empty state.** :meth:`set_empty_hint` places one sentence saying what to do,
      with the button that does it; :meth:`show_list` shows it instead of the list while
      there is nothing to list (and no filter hides what there is).
    """

    watched: ClassVar[frozenset[str]] = frozenset({"*"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._stale = True
        self.table: QAbstractItemView | None = None
        self.selection_buttons: list[QPushButton] = []
        self.empty_hint: EmptyHint | None = None

    # -- reading -----------------------------------------------------------------------
    def reload(self) -> None:
        raise NotImplementedError

    def activated(self) -> None:
        if self._stale:
            self._stale = False
            self.reload()

    def refresh(self, changes: set[str]) -> None:
        if changes & self.watched:
            if self.isVisible():
                self._stale = False
                self.reload()
            else:
                self._stale = True

    # -- the list ----------------------------------------------------------------------
    def make_table(self, headers: list[str], name: str, stretch: int | None = 0,
                   several: bool = False) -> QTableWidget:
        """A read-only table of whole rows; column ``stretch`` takes the room left."""
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if several
                               else QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(False)
        table.setTabKeyNavigation(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if stretch is None:
            header.setStretchLastSection(True)
        else:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
            header.setStretchLastSection(False)
        table.setAccessibleName(name)
        return table

    def set_list(self, view: QAbstractItemView, buttons: tuple[QPushButton, ...] = ()) -> None:
        """``view`` is the screen's list (its model already set); ``buttons`` act on its
        chosen row."""
        self.table = view
        self.selection_buttons = list(buttons)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.open_current)
        view.doubleClicked.connect(lambda index: self.open_row(index.row()))
        view.selectionModel().selectionChanged.connect(lambda *_: self.update_buttons())
        self.update_buttons()

    def has_selection(self) -> bool:
        return self.table is not None and self.table.selectionModel().hasSelection()

    def update_buttons(self) -> None:
        """Enable the buttons that act on the chosen row only while a row is chosen."""
        chosen = self.has_selection()
        for button in self.selection_buttons:
            button.setEnabled(chosen)

    def open_current(self) -> None:
        index = self.table.currentIndex() if self.table is not None else None
        if index is not None and index.isValid():
            self.open_row(index.row())

    def open_row(self, row: int) -> None:
        """Enter or a double-click on ``row``: open it (a screen with nothing to open keeps
        this)."""

    # -- the empty state ---------------------------------------------------------------
    def set_empty_hint(self, text: str, button_text: str | None = None,
                       on_click: Callable[[], None] | None = None) -> EmptyHint:
        self.empty_hint = EmptyHint(text, button_text, on_click, self)
        return self.empty_hint

    def show_list(self, empty: bool, *hidden_when_empty: QWidget) -> None:
        """The list was filled: ``empty`` (with no filter) shows the hint instead of the list
        and ``hidden_when_empty``; the buttons follow the selection."""
        if self.empty_hint is not None:
            self.empty_hint.show_for(empty, *[w for w in (self.table, *hidden_when_empty)
                                              if w is not None])
        self.update_buttons()


def freeze_columns(table) -> Callable[[], None]:
    """Before filling ``table`` row by row: its columns stop fitting their contents until
    the returned function is called, once, after the last row. A column sized to its
    contents measures every row again at each cell set in a shown table: refilling a list
    of a thousand referrals took minutes with the window frozen."""
    header = table.horizontalHeader()
    modes = [header.sectionResizeMode(i) for i in range(header.count())]
    header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

    def thaw() -> None:
        for i, mode in enumerate(modes):
            header.setSectionResizeMode(i, mode)

    return thaw


def screen_title(screen: Screen) -> QLabel:
    """The screen's title, as a heading at the top of the screen (every screen has one)."""
    label = QLabel(screen.title(), screen)
    label.setObjectName("screenTitle")
    return label


class EmptyHint(QFrame):
    """What to do on an empty screen, in one sentence, with the button that does it.

    The screen shows it instead of its empty list (:meth:`show_for`) and hides it as soon
    as there is something to list.
    """

    def __init__(self, text: str, button_text: str | None = None,
                 on_click: Callable[[], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyHint")
        layout = QVBoxLayout(self)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.button: QPushButton | None = None
        if button_text:
            self.button = QPushButton(button_text, self)
            if on_click is not None:
                self.button.clicked.connect(on_click)
            row = QHBoxLayout()
            row.addWidget(self.button)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addStretch(1)
        self.hide()

    def show_for(self, empty: bool, *hidden_when_empty: QWidget) -> None:
        """Show the hint (and hide ``hidden_when_empty``) when ``empty``, else the reverse."""
        self.setVisible(empty)
        for widget in hidden_when_empty:
            widget.setVisible(not empty)
