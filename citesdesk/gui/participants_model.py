"""The lazy table model of the participants list.

Filtering and sorting happen in SQLite (:mod:`citesdesk.gui.participants_query`). After
a change of query, the read thread first returns the first page of matches with its rows
(shown at once), then the ordered ids of every match (the row count and scrolling): for a
huge result the second step comes just after the first page is on screen. Rows are then
read one page at a time, by primary key, only when the view asks for them. A small LRU
cache keeps the pages around the visible rows; nothing holds 100,000 rows in Python.
"""

from __future__ import annotations

import dataclasses
from array import array
from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from citesdesk.core import codes
from citesdesk.core.model import PARTICIPANT
from citesdesk.gui.context import AppContext
from citesdesk.gui.forms import date_text
from citesdesk.gui.participants_query import (
    COLUMN_KEYS,
    COLUMNS,
    FirstPage,
    ListQuery,
    first_page,
    matching_ids,
    page_rows,
)

PAGE_SIZE = 200
MAX_PAGES = 30
UUID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class ParticipantsModel(QAbstractTableModel):
    # The matching ids arrived: their number.
    loaded = Signal(int)

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.query = ListQuery(lang=ctx.lang)
        self.ids = array("q")
        self._pages: OrderedDict[int, list[tuple]] = OrderedDict()
        # Pages read from the database since the last reload (to check laziness).
        self.pages_fetched = 0
        self.loading = False

    # -- loading -------------------------------------------------------------------
    def set_query(self, query: ListQuery) -> None:
        self.query = query
        self.reload()

    def update_query(self, **changes) -> None:
        self.set_query(dataclasses.replace(self.query, **changes))

    def reload(self) -> None:
        """Run the query again (after a change of filters, sort or data)."""
        self.loading = True
        self.ctx.read(("participants", id(self)), first_page, self.query, PAGE_SIZE,
                      on_done=self._on_first_page)

    def _on_first_page(self, first: FirstPage) -> None:
        if first.complete:
            self._on_ids(first.ids, first.rows)
            return
        if first.ids != self.ids[:len(first.ids)]:
            # A new result: its first page now, the rest (and the count) when read.
            self.beginResetModel()
            self.ids = first.ids
            self._pages.clear()
            self._pages[0] = first.rows
            self.endResetModel()
        self.ctx.read(("participants", id(self)), matching_ids, self.query,
                      on_done=self._on_ids)

    def _on_ids(self, ids: array, first_rows: list[tuple] | None = None) -> None:
        self.loading = False
        shown = len(self.ids)
        same = ids == self.ids
        grows = not same and 0 < shown < len(ids) and ids[:shown] == self.ids
        if not grows:  # the first page shown was read with these ids: kept
            self._pages.clear()
            self.pages_fetched = 0
        if first_rows is not None:
            self._pages[0] = first_rows
        if same:
            if len(ids):
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(ids) - 1, len(COLUMNS) - 1))
        elif grows:
            # The rest of a result whose first page is on screen: selection and scrolling
            # stay where they are.
            self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
            self.ids = ids
            self.endInsertRows()
        else:
            self.beginResetModel()
            self.ids = ids
            self.endResetModel()
        self.loaded.emit(len(ids))

    def _page(self, number: int) -> list[tuple]:
        page = self._pages.get(number)
        if page is None:
            chunk = self.ids[number * PAGE_SIZE:(number + 1) * PAGE_SIZE]
            page = page_rows(self.ctx.reader, chunk)
            self.pages_fetched += 1
            self._pages[number] = page
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page

    def cached_pages(self) -> int:
        return len(self._pages)

    def row_values(self, row: int) -> tuple | None:
        if not 0 <= row < len(self.ids):
            return None
        page = self._page(row // PAGE_SIZE)
        offset = row % PAGE_SIZE
        if offset >= len(page) or page[offset][0] != self.ids[row]:
            return None  # deleted since the ids were read: a reload is on its way
        return page[offset]

    def uuid_at(self, row: int) -> str | None:
        values = self.row_values(row)
        return values[1] if values else None

    def row_of_uuid(self, uuid: str) -> int:
        found = self.ctx.reader.execute("SELECT id FROM participant WHERE uuid = ?",
                                        [uuid]).fetchone()
        if found is None:
            return -1
        try:
            return self.ids.index(found[0])
        except ValueError:
            return -1

    # -- Qt model ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, UUID_ROLE):
            return None
        values = self.row_values(index.row())
        if values is None:
            return None
        if role == UUID_ROLE:
            return values[1]
        key, _, codelist = COLUMNS[index.column()]
        value = values[2 + index.column()]
        if value is None or value == "":
            return ""
        if codelist:
            return codes.ALL[codelist].label(value, self.ctx.lang)
        if key == "birth_date":
            return date_text(value, self.ctx.lang)
        if key == "resident_qpv":
            return self.tr("Oui") if value else self.tr("Non")
        return str(value)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        # The tooltip repeats the title: on a narrow screen a column may be cut.
        if orientation != Qt.Orientation.Horizontal or role not in (
                Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        key = COLUMN_KEYS[section]
        if key == "cohort":
            return self.tr("Cohorte")
        if key == "resident_qpv":
            return self.tr("QPV")
        f = PARTICIPANT.field(key)
        return f.en if self.ctx.lang == "en" else f.fr

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            self.update_query(sort_key=COLUMN_KEYS[column],
                              descending=order == Qt.SortOrder.DescendingOrder)
