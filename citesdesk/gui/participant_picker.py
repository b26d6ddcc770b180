"""Choose one participant by typing: the participant search, as you type.

A line edit and, below it, the first matches sorted by name (accents, case and ligatures
ignored, phones found however they are written: :func:`citesdesk.core.search.rows_by_name`),
read off the GUI thread. Nothing loads every participant: on a site of 50,000 people the
list holds :data:`LIMIT` rows at most, and typing narrows it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from citesdesk.core import search
from citesdesk.gui.forms import date_text, number_text

# Matches shown at most; the user types more to narrow them.
LIMIT = 50
# Pause after a keystroke before searching (ms).
DELAY_MS = 120


def _find(db, text: str) -> list[dict]:
    return search.rows_by_name(db, text, limit=LIMIT)


class ParticipantPicker(QWidget):
    """Search field + matching participants; :meth:`currentData` is the chosen uuid."""

    # The matches of the text typed are shown.
    ready = Signal()
    # The chosen participant changed.
    changed = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Nom, prénom, téléphone, identifiant…"))
        self.edit.setAccessibleName(self.tr("Rechercher un participant"))
        self.edit.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Participants trouvés"))
        self.list.setMinimumHeight(self.list.sizeHintForRow(0) * 6 if self.list.count() else 120)
        self.hint = QLabel(self)
        self.hint.setVisible(False)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        self.setFocusProxy(self.edit)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.edit.textChanged.connect(lambda _t: self._timer.start())
        self.edit.returnPressed.connect(self._choose_first)
        self.list.currentItemChanged.connect(lambda *_a: self.changed.emit())
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.edit)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(self._to_list)
        self.search_now()

    def search_now(self) -> None:
        """Search for the text typed now (the timer does it after a pause)."""
        self._timer.stop()
        text = self.edit.text()
        self.ctx.read(("participant-picker", id(self)), _find, text,
                      on_done=lambda rows: self._fill(text, rows))

    def _fill(self, text: str, rows: list[dict]) -> None:
        if text != self.edit.text():
            return  # a newer search is on its way
        chosen = self.currentData()
        self.list.blockSignals(True)
        self.list.clear()
        for r in rows:
            label = f"{r['last_name']} {r['first_name']}"
            if r["birth_date"]:
                label += f" ({date_text(r['birth_date'], self.ctx.lang)})"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, r["uuid"])
            self.list.addItem(item)
            if r["uuid"] == chosen:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and len(rows) == 1:
            self.list.setCurrentRow(0)  # one match: it is the one
        self.list.blockSignals(False)
        if not rows:
            self.hint.setText(self.tr("Aucun participant ne correspond à « {text} ».")
                              .format(text=text.strip()))
        elif len(rows) >= LIMIT:
            self.hint.setText(self.tr("Les {n} premiers par ordre alphabétique : tapez la "
                                      "suite du nom pour affiner.").format(
                                          n=number_text(LIMIT, self.ctx.lang)))
        # Nothing typed and nobody recorded: no « matches "" » (the form says what to do).
        self.hint.setVisible(bool(not rows and text.strip()) or len(rows) >= LIMIT)
        if self.currentData() != chosen:
            self.changed.emit()
        self.ready.emit()

    def _choose_first(self) -> None:
        if self.list.count() and self.list.currentItem() is None:
            self.list.setCurrentRow(0)

    def _to_list(self) -> None:
        if self.list.count():
            if self.list.currentItem() is None:
                self.list.setCurrentRow(0)
            self.list.setFocus()

    def texts(self) -> list[str]:
        """The labels of the matches shown."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def select_uuid(self, uuid: str) -> bool:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == uuid:
                self.list.setCurrentRow(i)
                return True
        return False

    def missing_text(self) -> str:
        """The error shown when a form is saved with no participant chosen."""
        return self.tr("Choisissez un participant : tapez son nom, puis sélectionnez-le dans "
                       "la liste.")

    def currentData(self) -> str | None:  # noqa: N802 - as QComboBox.currentData
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None
