"""The participants list: search as you type, filters, a count, a lazy sorted table."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from citesdesk.gui.forms import count_text, fit_popup
from citesdesk.gui.icons import icon
from citesdesk.gui.participants_model import ParticipantsModel
from citesdesk.gui.participants_query import cohorts, referents
from citesdesk.gui.qpv_picker import to_check_box
from citesdesk.gui.screens.base import ListScreen, screen_title

SEARCH_DELAY_MS = 150
RELOAD_KINDS = frozenset({"participant", "enrollment", "cohort", "*"})
#: Changes after which the cohort and referent filters are read again.
CHOICE_KINDS = frozenset({"participant", "cohort", "*"})


class ParticipantTable(QTableView):
    """A table whose columns always fit its width (no sideways scrolling): on a narrow
    window the least identifying columns step aside (they are still exported), the names
    keep their width, the other columns share the rest, and a cut cell shows whole in its
    tooltip."""

    #: Columns that keep their natural width when room is short (last and first names).
    KEEP = (0, 1)
    #: Columns set aside, in this order, while the others do not fit: QPV, gender,
    #: situation at entry, commune (most of a site's people live in the same one or two).
    SET_ASIDE = (6, 3, 7, 5)
    #: The referent's and the cohort's columns: as wide as the longest name of the site's.
    REFERENT, COHORT = 8, 9

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.natural: list[int] = []
        self.narrow_hidden: set[int] = set()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def fit_columns(self) -> None:
        header = self.horizontalHeader()
        if not self.natural:
            return
        room = self.viewport().width()
        for c in self.narrow_hidden:
            self.setColumnHidden(c, False)
        self.narrow_hidden = set()
        for c in self.SET_ASIDE:
            shown = [w for i, w in enumerate(self.natural) if i not in self.narrow_hidden]
            if sum(shown) <= room:
                break
            if not self.isColumnHidden(c):
                self.narrow_hidden.add(c)
                self.setColumnHidden(c, True)
        widths = [0 if i in self.narrow_hidden else w for i, w in enumerate(self.natural)]
        if sum(widths) > room:
            kept = sum(widths[c] for c in self.KEEP)
            others = [c for c in range(len(widths))
                      if c not in self.KEEP and c not in self.narrow_hidden]
            share = max(room - kept, 0) / max(sum(widths[c] for c in others), 1)
            floor = 4 * self.fontMetrics().averageCharWidth()
            for c in others:
                widths[c] = max(int(widths[c] * share), floor)
            excess = sum(widths) - room
            for c in reversed(others):  # the floor may overshoot: take it back at the end
                if excess <= 0:
                    break
                cut = min(excess, widths[c] - floor)
                widths[c] -= cut
                excess -= cut
        for c, width in enumerate(widths):
            if c not in self.narrow_hidden:
                header.resizeSection(c, width)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_columns()

    def fit_names(self, column: int, names: list[str]) -> None:
        """Column ``column`` holds one of ``names`` (the site's referents or cohorts): its
        natural width is the longest one's, within 32 characters."""
        if column >= len(self.natural):
            return
        fm = self.fontMetrics()
        pad = 3 * fm.averageCharWidth()
        longest = max((fm.horizontalAdvance(n) for n in names), default=0)
        title = str(self.model().headerData(column, Qt.Orientation.Horizontal) or "")
        self.natural[column] = min(max(longest, fm.horizontalAdvance(title)) + pad,
                                   32 * fm.averageCharWidth() + pad)
        self.fit_columns()


class ParticipantsScreen(ListScreen):
    """The list screen whose list is a lazy model: :meth:`reload` asks the model to read
    (the filters are its query) rather than filling a table."""

    key = "participants"
    icon_name = "users"
    watched = RELOAD_KINDS

    def title(self) -> str:
        return self.tr("Participants")

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._choices_stale = True
        self._keep_uuid: str | None = None
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        top.addWidget(screen_title(self))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.count_label.setAccessibleName(self.tr("Nombre de participants trouvés"))
        top.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        self.new_button = QPushButton(icon("person-add"), self.tr("Nouveau participant"), self)
        self.new_button.setToolTip(self.tr("Enregistrer un nouveau participant (Ctrl+N)"))
        self.new_button.clicked.connect(lambda: self.ctx.open_participant(None))
        top.addWidget(self.new_button)
        from citesdesk.gui.screens.exports import list_export_button

        self.export_button = list_export_button(self)
        top.addWidget(self.export_button)
        layout.addLayout(top)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            self.tr("Rechercher : nom, prénom, téléphone, courriel, identifiant…"))
        self.search.setAccessibleName(self.tr("Rechercher un participant"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        layout.addLayout(search_row)

        filters = QHBoxLayout()
        self.cohort = QComboBox(self)
        self.cohort.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.cohort.setAccessibleName(self.tr("Cohorte"))
        self.status = QComboBox(self)
        self.status.setAccessibleName(self.tr("Statut dans les cohortes"))
        for label, value in ((self.tr("Tous"), "all"), (self.tr("Actifs"), "active"),
                             (self.tr("Sortis"), "exited")):
            self.status.addItem(label, value)
        self.qpv = QCheckBox(self.tr("Résidents QPV"), self)
        self.invisibles = QCheckBox(self.tr("Publics invisibles"), self)
        self.invisibles.setToolTip(self.tr(
            "Personnes inconnues de France Travail, de la Mission locale et de Cap emploi à "
            "leur entrée"))
        self.to_check = to_check_box(self)
        self.referent = QComboBox(self)
        self.referent.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.referent.setAccessibleName(self.tr("Référent·e"))
        for label_text, widget in ((self.tr("Cohorte :"), self.cohort),
                                   (self.tr("Statut :"), self.status)):
            label = QLabel(label_text, self)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        search_row.addWidget(self.qpv)
        search_row.addWidget(self.invisibles)
        search_row.addWidget(self.to_check)
        label = QLabel(self.tr("Référent·e :"), self)
        label.setBuddy(self.referent)
        filters.addWidget(label)
        filters.addWidget(self.referent)
        filters.addStretch(1)
        layout.addLayout(filters)

        self.model = ParticipantsModel(ctx, self)
        self.table = ParticipantTable(self)
        self.table.setAccessibleName(self.tr("Liste des participants"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 1.6))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Widths from sample texts in the current font: they follow the screen's scaling.
        fm = self.table.fontMetrics()
        pad = 3 * fm.averageCharWidth()
        samples = ("Nom-de-famil", "Prénom-co", "00/00/0000", "Non-binaire",
                   "06 00 00 00 00", "Aubervilliers", "Non", "Demandeur d'emploi",
                   "Référent·e-x")
        for column, sample in enumerate(samples):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = max(fm.horizontalAdvance(sample), fm.horizontalAdvance(title))
            self.table.natural.append(width + pad)
            header.resizeSection(column, width + pad)
        last = str(self.model.headerData(len(samples), Qt.Orientation.Horizontal) or "")
        self.table.natural.append(max(fm.horizontalAdvance("Cohorte 00 — Printemps"),
                                      fm.horizontalAdvance(last)) + pad)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.set_list(self.table)
        self.set_empty_hint(
            self.tr("Aucun participant pour l'instant. Enregistrez la fiche du premier avec "
                    "« Nouveau participant », ou importez la liste qu'un partenaire vous a "
                    "envoyée depuis l'écran Imports."),
            self.tr("Nouveau participant"), lambda: self.ctx.open_participant(None))
        layout.addWidget(self.empty_hint, 1)
        layout.addWidget(self.table, 1)

        self.setTabOrder(self.search, self.qpv)
        self.setTabOrder(self.qpv, self.invisibles)
        self.setTabOrder(self.invisibles, self.cohort)
        self.setTabOrder(self.cohort, self.status)
        self.setTabOrder(self.status, self.referent)
        self.setTabOrder(self.referent, self.empty_hint.button)
        self.setTabOrder(self.empty_hint.button, self.table)
        self.setTabOrder(self.table, self.new_button)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._search_enter)
        for combo in (self.cohort, self.status, self.referent):
            combo.currentIndexChanged.connect(self.apply_filters)
        for box in (self.qpv, self.invisibles, self.to_check):
            box.toggled.connect(self.apply_filters)
        self.model.loaded.connect(self._on_loaded)
        quick = QShortcut(QKeySequence("Ctrl+E"), self)
        quick.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        quick.activated.connect(self.quick_event)
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.search)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(self._to_table)

    # -- lifecycle -----------------------------------------------------------------
    def refresh(self, changes: set[str]) -> None:
        if changes & CHOICE_KINDS:
            self._choices_stale = True
        super().refresh(changes)

    def reload(self) -> None:
        """Read the list again (the current participant stays chosen), and the filters'
        choices when cohorts or people changed."""
        if self._choices_stale:
            self._choices_stale = False
            self._load_choices()
        self.apply_filters()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _load_choices(self) -> None:
        self.ctx.read("participants-cohorts", cohorts, on_done=self._fill_cohorts)
        self.ctx.read("participants-referents", referents, on_done=self._fill_referents)

    def _fill_combo(self, combo: QComboBox, first: str, items: list[tuple[str, object]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(first, None)
        for label, value in items:
            combo.addItem(label, value)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        if current is not None and index < 0:
            self.apply_filters()

    def _fill_cohorts(self, rows: list) -> None:
        self._fill_combo(self.cohort, self.tr("Toutes les cohortes"),
                         [(name, cid) for cid, name in rows])
        fit_popup(self.cohort)
        self.table.fit_names(self.table.COHORT, [name for _cid, name in rows])

    def _fill_referents(self, names: list[str]) -> None:
        self._fill_combo(self.referent, self.tr("Tous les référent·es"),
                         [(n, n) for n in names])
        fit_popup(self.referent)
        self.table.fit_names(self.table.REFERENT, list(names))

    # -- filters -------------------------------------------------------------------
    def apply_filters(self) -> None:
        self._debounce.stop()
        self._keep_uuid = self._keep_uuid or self.current_uuid()
        self.model.update_query(
            text=self.search.text(), cohort_id=self.cohort.currentData(),
            status=self.status.currentData() or "all", resident_qpv=self.qpv.isChecked(),
            invisibles=self.invisibles.isChecked(), referent=self.referent.currentData(),
            to_check=self.to_check.isChecked())

    def _on_loaded(self, count: int) -> None:
        self.count_label.setText(count_text(count, self.ctx.lang,
                                            self.tr("{count} participant"),
                                            self.tr("{count} participants")))
        filtered = bool(self.search.text() or self.cohort.currentData()
                        or self.referent.currentData() or self.qpv.isChecked()
                        or self.invisibles.isChecked() or self.status.currentData() != "all")
        self.show_list(count == 0 and not filtered)
        uuid, self._keep_uuid = self._keep_uuid, None
        if uuid:
            row = self.model.row_of_uuid(uuid)
            if row >= 0:
                self.select_row(row)

    # -- rows ----------------------------------------------------------------------
    def current_uuid(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.uuid_at(index.row()) if index.isValid() else None

    def selected_uuids(self) -> list[str]:
        """The participants selected in the list (Ctrl/Shift+click), in list order.

        Read by id in a few queries rather than page by page, so that selecting the whole
        list (Ctrl+A) for a batch print stays quick.
        """
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [self.model.ids[r] for r in rows if r < len(self.model.ids)]
        if not ids:
            current = self.current_uuid()
            return [current] if current else []
        found: dict[int, str] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            found.update(self.ctx.reader.execute(
                "SELECT id, uuid FROM participant WHERE deleted_at IS NULL AND id IN "
                f"({','.join('?' * len(chunk))})", chunk).fetchall())
        return [found[i] for i in ids if i in found]

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def open_row(self, row: int) -> None:
        uuid = self.model.uuid_at(row)
        if uuid:
            self.ctx.open_participant(uuid)

    def quick_event(self) -> None:
        """Ctrl+E: add a journey step to the selected participant without opening the file."""
        uuid = self.current_uuid()
        if not uuid:
            return
        from citesdesk.gui.journey_dialogs import AddEventDialog

        AddEventDialog.ask(self, self.ctx.runner, uuid)

    def _search_enter(self) -> None:
        if self.model.rowCount() == 1:
            self.open_row(0)
        else:
            self._to_table()

    def _to_table(self) -> None:
        if self.model.rowCount():
            self.table.setFocus()
            if not self.table.currentIndex().isValid():
                self.select_row(0)
