"""The base of every screen shown in the main window's sidebar."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

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
    """A screen that reads what it shows with :meth:`reload` (off the GUI thread).

    It reads when first shown, and again when records of a kind in ``watched`` change —
    at once if it is visible, else the next time it is shown. ``"*"`` stands for "anything
    may have changed" (an import, an undo). :meth:`reload` must clear ``_stale``.
    """

    watched: ClassVar[frozenset[str]] = frozenset({"*"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._stale = True

    def reload(self) -> None:
        raise NotImplementedError

    def activated(self) -> None:
        if self._stale:
            self.reload()

    def refresh(self, changes: set[str]) -> None:
        if changes & self.watched:
            self._stale = True
            if self.isVisible():
                self.reload()


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
