"""The base of every screen shown in the main window's sidebar."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QWidget

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
