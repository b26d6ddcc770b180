"""The offline user guide: the Markdown chapters of ``citesdesk/assets/help/<lang>/``.

Each chapter is a file ``NN-topic.md`` whose first ``# `` line is its title; chapters are
listed in file-name order. Links between chapters (``[…](20-parcours.md)``) open them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QTextBrowser, QWidget

from citesdesk.gui.forms import resize_within_screen
from citesdesk.gui.icons import assets_dir


def chapters(lang: str) -> list[tuple[str, Path]]:
    """(title, file) of every chapter in ``lang`` (French when that language has none)."""
    folder = assets_dir() / "help" / lang
    if not folder.is_dir() or not any(folder.glob("*.md")):
        folder = assets_dir() / "help" / "fr"
    result = []
    for path in sorted(folder.glob("*.md")):
        title = path.stem
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# "):
                title = line[2:].strip()
                break
        result.append((title, path))
    return result


class HelpWindow(QWidget):
    _instance: HelpWindow | None = None

    def __init__(self, lang: str = "fr", parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Guide d'utilisation de CitésDesk"))
        layout = QHBoxLayout(self)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Chapitres"))
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(self.tr("Contenu du chapitre"))
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        layout.addWidget(self.list)
        layout.addWidget(self.browser, 1)
        for title, path in chapters(lang):
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(title)
            self.list.addItem(item)
        # The table of contents shows every title whole: as wide as the longest one (up to
        # a third of the window, then they wrap).
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        fm = self.fontMetrics()
        widest = max((fm.horizontalAdvance(t) for t, _ in chapters(lang)), default=0)
        self.list.setFixedWidth(min(widest + 4 * fm.averageCharWidth()
                                    + self.list.verticalScrollBar().sizeHint().width(),
                                    fm.averageCharWidth() * 40))
        self.list.currentItemChanged.connect(self._show)
        if self.list.count():
            self.list.setCurrentRow(0)
        fm = self.fontMetrics()
        resize_within_screen(self, fm.averageCharWidth() * 120, fm.height() * 36)

    @classmethod
    def show_for(cls, lang: str, parent: QWidget | None = None) -> HelpWindow:
        if cls._instance is None or cls._instance.parent() is not parent:
            cls._instance = cls(lang, parent)
        cls._instance.show()
        cls._instance.raise_()
        return cls._instance

    def _show(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        path = Path(item.data(Qt.ItemDataRole.UserRole))
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setMarkdown(path.read_text(encoding="utf-8"))

    def open_chapter(self, name: str) -> bool:
        for row in range(self.list.count()):
            if Path(self.list.item(row).data(Qt.ItemDataRole.UserRole)).name == name:
                self.list.setCurrentRow(row)
                return True
        return False

    def _follow(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(url)
            return
        self.open_chapter(Path(url.path()).name)
