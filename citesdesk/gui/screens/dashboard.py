"""The home screen: the current quarter's key numbers, three charts and the to-do list.

Numbers come from the one indicators module (through :mod:`citesdesk.services.dashboard`);
clicking one lists the records behind it. Everything is computed on the task runner's
worker, never in the GUI thread, and only once the window has painted: the home screen is
on the way of the cold start, so it imports neither the indicators' computation nor the
services behind it (nor QtCharts) before its first numbers are asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from citesdesk.core import codes
from citesdesk.core.indicator_defs import KEY_CODES, indicator
from citesdesk.gui.first_paint import after_first_paint
from citesdesk.gui.forms import (
    date_text,
    month_year_text,
    number_text,
    percent_text,
    quarter_text,
)
from citesdesk.gui.screens.base import EmptyHint, ListScreen

if TYPE_CHECKING:
    from citesdesk.services.dashboard import Dashboard

#: What changes the dashboard: any record that an indicator or the to-do list reads.
WATCHED = frozenset({"participant", "enrollment", "event", "referral", "referral_status",
                     "cohort", "partner", "import_log", "sync_conflict", "*"})


def _number(value, rate: bool, lang: str = "fr") -> str:
    if value is None:
        return "—"
    if rate:
        return percent_text(value, lang, 0)
    return number_text(value, lang)


def month_labels(months: list[str]) -> list[str]:
    """The months chart's labels: ``"YYYY-MM"`` → ``"MM"`` (the years go in its title)."""
    return [m[5:7] for m in months]


def _build(db, _progress) -> tuple[Dashboard, int]:
    """The dashboard's numbers, and how many people the site follows (none: say where to
    start)."""
    from citesdesk.services import dashboard

    people = db.execute("SELECT count(*) FROM participant WHERE deleted_at IS NULL").fetchone()
    return dashboard.build(db), people[0]


def _records_behind(db, code: str, quarter) -> list[dict]:
    from citesdesk.core import indicators

    return indicators.records_behind(db, code, quarter)


class DashboardScreen(ListScreen):
    watched = WATCHED
    #: The list (or numbers) on screen were refreshed.
    loaded = Signal()
    key = "dashboard"
    icon_name = "home"

    def title(self) -> str:
        return self.tr("Tableau de bord")

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.data: Dashboard | None = None
        self._loading = False
        # The numbers are read once the window has painted (see _after_first_paint).
        self._painted = False
        self._paint_watch: QObject | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget(scroll)
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        self.heading = QLabel(body)
        self.heading.setObjectName("screenTitle")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        # On a site with nobody yet: where to start, with the button that does it.
        self.start_hint = EmptyHint(
            self.tr("Bienvenue. Pour commencer : créez la cohorte en cours (écran Cohortes), "
                    "enregistrez les participants un par un ou importez leur liste (écran "
                    "Imports), puis notez leurs étapes. Les nombres et les graphiques de "
                    "cette page se remplissent au fur et à mesure."),
            self.tr("Nouveau participant"), lambda: self.ctx.open_participant(None), body)
        # Its own height only: the room left goes to the page, not to a blank under the hint.
        self.start_hint.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout.addWidget(self.start_hint)

        numbers = QHBoxLayout()
        self.number_buttons: dict[str, QPushButton] = {}
        for code in KEY_CODES:
            button = QPushButton(body)
            button.setObjectName("keyNumber")
            button.setMinimumHeight(self.fontMetrics().height() * 4)
            button.clicked.connect(lambda _=False, c=code: self.show_records(c))
            numbers.addWidget(button)
            self.number_buttons[code] = button
        layout.addLayout(numbers)
        self.caption = QLabel(self.tr(
            "Valeurs du trimestre en cours, calculées comme dans le classeur trimestriel : "
            "les orientations en retard y sont comptées au dernier jour du trimestre, la liste "
            "« À faire » les compte aujourd'hui. Cliquez sur un nombre pour voir les "
            "enregistrements."), body)
        self.caption.setWordWrap(True)
        self.caption.setObjectName("caption")
        layout.addWidget(self.caption)

        # QtCharts is loaded with the first numbers, not when the window opens: the
        # dashboard is the home screen, and its import would delay the first paint. One
        # chart per row, the whole width: legends and cohort names show whole.
        self.no_chart = QLabel(self.tr(
            "Les graphiques apparaîtront avec les premières entrées dans une cohorte."), body)
        self.no_chart.setObjectName("caption")
        self.no_chart.setVisible(False)
        layout.addWidget(self.no_chart)
        self.charts = QVBoxLayout()
        self.months_view = self.groups_view = self.cohorts_view = None
        layout.addLayout(self.charts)
        self._body = body

        todo = QGroupBox(self.tr("À faire"), body)
        todo_layout = QGridLayout(todo)
        self.todo_lists: dict[str, QListWidget] = {}
        self.todo_titles: dict[str, QLabel] = {}
        for col, key in enumerate(("overdue", "no_news", "no_notice", "retention")):
            title = QLabel(todo)
            title.setWordWrap(True)
            lst = QListWidget(todo)
            lst.setAccessibleName(key)
            # A long line wraps (no sideways scrolling); each item's tooltip is whole.
            lst.setWordWrap(True)
            lst.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            lst.itemActivated.connect(self._open_item)
            lst.itemDoubleClicked.connect(self._open_item)
            todo_layout.addWidget(title, 0, col)
            todo_layout.addWidget(lst, 1, col)
            self.todo_lists[key] = lst
            self.todo_titles[key] = title
        # Deleting for good is not an everyday number: it has its own screen.
        self.retention_button = QPushButton(self.tr("Voir « Conservation des données »"), todo)
        self.retention_button.setVisible(False)
        self.retention_button.clicked.connect(lambda: self.ctx.show_screen("retention"))
        todo_layout.addWidget(self.retention_button, 2, 3)
        from citesdesk.gui.team_tasks import ConflictCount

        self.team_conflicts = ConflictCount(todo)  # concurrent edits from the team's laptops
        self.team_conflicts.open_team.connect(lambda: self.ctx.show_screen("team"))
        todo_layout.addWidget(self.team_conflicts, 2, 0)
        layout.addWidget(todo)
        # Room left over (an empty site: no chart, no list) stays at the bottom: the page
        # reads from the top instead of spreading out.
        layout.addStretch(1)
        self.heading.setText(self.tr("Tableau de bord"))

    def _chart_views(self) -> None:
        from PySide6.QtCharts import QChartView
        from PySide6.QtGui import QPainter

        views = []
        for _ in range(3):
            view = QChartView(self._body)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(self.fontMetrics().height() * 16)
            views.append(view)
        self.months_view, self.groups_view, self.cohorts_view = views
        for view in views:
            self.charts.addWidget(view)

    # -- loading ---------------------------------------------------------------------
    def reload(self) -> None:
        if self._loading:
            self._stale = True  # changed while being read: read again when next shown
            return
        if not self._painted and self.window() is not self:
            # In a window that has not painted yet (the start): it paints first, the
            # numbers follow (the worker would compete with the first paint).
            self._stale = True  # read once painted
            if self._paint_watch is None:
                self._paint_watch = after_first_paint(self.window(), self._after_first_paint)
            return
        self._loading = True
        self._stale = False
        self.ctx.runner.submit(_build, atomic=False, on_done=lambda r: self._show(*r),
                               on_error=self._failed)

    def _after_first_paint(self) -> None:
        self._painted = True
        if self._stale:
            self.reload()

    def _failed(self, exc) -> None:
        self._loading = False
        self.heading.setText(str(exc))

    def _show(self, data: Dashboard, people: int | None = None) -> None:
        self._loading = False
        self.data = data
        lang = self.ctx.lang
        q = data.quarter
        self.heading.setText(self.tr("Tableau de bord — trimestre {q} (du {d0} au {d1})").format(
            q=quarter_text(q, lang), d0=date_text(q.d0, lang), d1=date_text(q.d1, lang)))
        for code, button in self.number_buttons.items():
            ind = indicator(code)
            value = data.key[code][0]
            label = ind.en if lang == "en" else ind.fr
            shown = _number(value, code.startswith("TX_"), lang)
            button.setText(f"{shown}\n{label}")
            button.setAccessibleName(f"{label} : {shown}")
            button.setToolTip(self.tr("Afficher les enregistrements derrière ce nombre"))
        if self.months_view is None:
            self._chart_views()
        self._draw_months(data)
        self._draw_groups(data)
        self._draw_cohorts(data)
        # Charts only with data: an empty chart draws broken axes (« 1 0 0 0 0 »).
        has_months = any(data.entries_per_month) or any(data.exits_per_month)
        self.months_view.setVisible(has_months)
        self.groups_view.setVisible(any(data.exits_by_group.values()))
        self.cohorts_view.setVisible(any(c for _, c in data.active_per_cohort))
        self.no_chart.setVisible(not has_months)
        self.start_hint.setVisible(people == 0)
        self._fill_todo(data)
        self.loaded.emit()

    def _draw_months(self, data) -> None:
        from PySide6.QtCharts import (
            QBarCategoryAxis,
            QBarSeries,
            QBarSet,
            QChart,
            QValueAxis,
        )

        chart = QChart()
        chart.setTitle(self.tr("Entrées et sorties par mois (12 derniers mois)"))
        entries, exits = QBarSet(self.tr("Entrées")), QBarSet(self.tr("Sorties"))
        entries.append(data.entries_per_month)
        exits.append(data.exits_per_month)
        series = QBarSeries()
        series.append(entries)
        series.append(exits)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        # Two digits per month, the years in the axis title: « 01/26 » was cut to
        # « 01/… » below about 1 000 px; nothing is ever shortened with « … ».
        axis_x.append(month_labels(data.months))
        axis_x.setTruncateLabels(False)
        if data.months:
            axis_x.setTitleText(self.tr("Mois, de {first} à {last}").format(
                first=month_year_text(data.months[0], self.ctx.lang),
                last=month_year_text(data.months[-1], self.ctx.lang)))
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%d")
        axis_y.setRange(0, max([1, *data.entries_per_month, *data.exits_per_month]))
        axis_y.applyNiceNumbers()  # ticks at round numbers (0, 10, 20…), not 0, 17, 34
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        self.months_view.setChart(chart)

    def _draw_groups(self, data) -> None:
        from PySide6.QtCharts import (
            QChart,
            QPieSeries,
        )

        chart = QChart()
        chart.setTitle(self.tr("Sorties du trimestre par groupe"))
        series = QPieSeries()
        for group, count in data.exits_by_group.items():
            if count:
                series.append(f"{codes.GROUPE_SORTIE.label(group, self.ctx.lang)} "
                              f"({number_text(count, self.ctx.lang)})", count)
        if series.count() == 0:
            chart.setTitle(self.tr("Sorties du trimestre par groupe : aucune sortie"))
        chart.addSeries(series)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        self.groups_view.setChart(chart)

    def _draw_cohorts(self, data) -> None:
        from PySide6.QtCharts import (
            QBarCategoryAxis,
            QBarSet,
            QChart,
            QHorizontalBarSeries,
            QValueAxis,
        )

        chart = QChart()
        chart.setTitle(self.tr("Participants actifs par cohorte"))
        bars = QBarSet(self.tr("Actifs"))
        bars.append([count for _, count in data.active_per_cohort])
        series = QHorizontalBarSeries()
        series.append(bars)
        chart.addSeries(series)
        axis_y = QBarCategoryAxis()
        axis_y.append([name for name, _ in data.active_per_cohort])
        axis_x = QValueAxis()
        axis_x.setLabelFormat("%d")
        axis_x.setRange(0, max([1, *(c for _, c in data.active_per_cohort)]))
        axis_x.applyNiceNumbers()
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_y)
        series.attachAxis(axis_x)
        chart.legend().setVisible(False)
        self.cohorts_view.setChart(chart)

    def _fill_todo(self, data) -> None:
        titles = {
            "overdue": self.tr("Orientations en retard (proposées depuis plus de 15 jours) : {n}"),
            "no_news": self.tr("Sans nouvelles depuis 60 jours : {n}"),
            "no_notice": self.tr("Notice d'information non remise : {n}"),
            "retention": self.tr("Durée de conservation dépassée : {n}"),
        }
        self.retention_button.setVisible(bool(data.todo["retention"]))
        from citesdesk.gui.team_tasks import waiting

        self.team_conflicts.set_count(waiting(self.ctx.reader))
        for key, lst in self.todo_lists.items():
            rows = data.todo[key]
            self.todo_titles[key].setText(titles[key].format(
                n=number_text(len(rows), self.ctx.lang)))
            lst.clear()
            lst.setVisible(bool(rows))  # « … : 0 » says it; no empty white box under it
            for row in rows[:500]:
                name = f"{row['last_name']} {row['first_name']}"
                if key == "overdue":
                    text = self.tr("{name} → {partner}, depuis {days} jours").format(
                        name=name, partner=row["partner"], days=row["days"])
                    uuid = row["participant_uuid"]
                elif key == "no_news":
                    text = (self.tr("{name} — dernière étape le {date}").format(
                        name=name, date=date_text(row["last_event"], self.ctx.lang)) if row["last_event"]
                        else self.tr("{name} — aucune étape").format(name=name))
                    uuid = row["uuid"]
                elif key == "retention":
                    text = self.tr("{name} — dernier contact le {date}").format(
                        name=name, date=date_text(row["last_contact"], self.ctx.lang))
                    uuid = None if row["in_bin"] else row["uuid"]
                else:
                    text, uuid = name, row["uuid"]
                item = QListWidgetItem(text, lst)
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, uuid)

    def _open_item(self, item: QListWidgetItem) -> None:
        uuid = item.data(Qt.ItemDataRole.UserRole)
        if uuid:
            self.ctx.open_participant(uuid)

    # -- drill-down ------------------------------------------------------------------
    def show_records(self, code: str) -> None:
        if self.data is None:
            return
        quarter = self.data.quarter

        def done(rows: list[dict]) -> None:
            from citesdesk.gui.records_dialog import RecordsDialog  # not needed at start

            self.records_dialog = RecordsDialog(self.ctx, code,
                                                quarter_text(quarter, self.ctx.lang), rows, self)
            self.records_dialog.show()

        self.ctx.runner.submit(
            lambda db, progress: _records_behind(db, code, quarter),
            atomic=False, on_done=done)
