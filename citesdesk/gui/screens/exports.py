"""The "Exports" screen: the quarterly indicator workbook (with a preview of the key
numbers), the full workbook (personal data: a warning and a password offer), and
:func:`export_list`, the seam that the lists call to save what they show."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from citesdesk.core import indicators as ind
from citesdesk.core.quarter import Quarter, quarters_between
from citesdesk.gui.dialogs import Dialog
from citesdesk.gui.forms import date_text, lang_of, number_text, percent_text, quarter_text
from citesdesk.gui.screens.base import Screen, screen_title
from citesdesk.services import export as export_service


def _fmt(indicator: ind.Indicator, value, lang: str = "fr") -> str:
    if value is None:
        return "—"
    if indicator.is_rate:
        return percent_text(value, lang)
    return number_text(value, lang)


def _quarters(db, progress, today: dt.date) -> list[Quarter]:
    last = Quarter.containing(today)
    first = ind.first_quarter(db) or last.previous()
    return list(reversed(quarters_between(min(first, last.previous()), last)))


def _preview(db, progress, quarter: Quarter) -> ind.QuarterIndicators:
    return ind.compute(db, quarter)


class ExportsScreen(Screen):
    key = "exports"
    icon_name = "save"
    # Where "today" comes from (tests set another day).
    today_fn = staticmethod(dt.date.today)

    def title(self) -> str:
        return self.tr("Exports")

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.today = self.today_fn()
        self._loaded = False
        layout = QVBoxLayout(self)
        layout.addWidget(screen_title(self))

        box = QGroupBox(self.tr("Indicateurs trimestriels"), self)
        form = QVBoxLayout(box)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Trimestre :"), box))
        self.quarter_combo = QComboBox(box)
        self.quarter_combo.currentIndexChanged.connect(self._quarter_changed)
        row.addWidget(self.quarter_combo)
        self.period_label = QLabel(box)
        row.addWidget(self.period_label, 1)
        form.addLayout(row)
        self.preview = QTableWidget(len(ind.KEY_CODES), 3, box)
        self.preview.setHorizontalHeaderLabels(
            [self.tr("Indicateur"), self.tr("Trimestre"), self.tr("Cumul")])
        self.preview.verticalHeader().setVisible(False)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.preview.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.preview.setToolTip(self.tr("Double-cliquez sur un nombre pour voir les fiches "
                                        "qui le composent."))
        self.preview.cellDoubleClicked.connect(self.show_records)
        form.addWidget(self.preview)
        hint = QLabel(self.tr("Double-cliquez sur un nombre pour voir les fiches qui le "
                              "composent."), box)
        hint.setObjectName("caption")
        hint.setWordWrap(True)
        form.addWidget(hint)
        self.save_quarter_button = QPushButton(self.tr("Enregistrer le classeur du trimestre…"),
                                               box)
        self.save_quarter_button.clicked.connect(self.save_quarter)
        form.addWidget(self.save_quarter_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(box)

        full = QGroupBox(self.tr("Classeur complet"), self)
        full_layout = QVBoxLayout(full)
        warning = QLabel(self.tr(
            "Ce classeur contient toutes les fiches, avec des données personnelles (noms, "
            "coordonnées). Protégez-le par un mot de passe et ne le transmettez que par un "
            "moyen sûr."), full)
        warning.setWordWrap(True)
        full_layout.addWidget(warning)
        self.protect_check = QCheckBox(self.tr("Protéger le fichier par un mot de passe"), full)
        self.protect_check.setChecked(True)
        full_layout.addWidget(self.protect_check)
        pw_form = QFormLayout()
        self.password_edit = QLineEdit(full)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit = QLineEdit(full)
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        pw_form.addRow(self.tr("Mot de passe :"), self.password_edit)
        pw_form.addRow(self.tr("Confirmation :"), self.confirm_edit)
        full_layout.addLayout(pw_form)
        self.protect_check.toggled.connect(self.password_edit.setEnabled)
        self.protect_check.toggled.connect(self.confirm_edit.setEnabled)
        self.save_full_button = QPushButton(self.tr("Enregistrer le classeur complet…"), full)
        self.save_full_button.clicked.connect(self.save_workbook)
        full_layout.addWidget(self.save_full_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(full)
        layout.addStretch(1)

    # -- loading -----------------------------------------------------------------------
    def activated(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.ctx.runner.submit(_quarters, self.today, on_done=self._fill_quarters,
                                   atomic=False)

    def refresh(self, changes: set[str]) -> None:
        if self._loaded and changes & {"participant", "enrollment", "event", "referral",
                                       "referral_status", "partner", "cohort"}:
            self._quarter_changed()

    def _fill_quarters(self, quarters: list[Quarter]) -> None:
        default = Quarter.last_finished(self.today)
        self.quarter_combo.blockSignals(True)
        self.quarter_combo.clear()
        for q in quarters:
            self.quarter_combo.addItem(quarter_text(q, self.ctx.lang), q)
        index = next((i for i, q in enumerate(quarters) if q == default), -1)
        self.quarter_combo.setCurrentIndex(max(index, 0))
        self.quarter_combo.blockSignals(False)
        self._quarter_changed()

    def current_quarter(self) -> Quarter | None:
        return self.quarter_combo.currentData()

    def _quarter_changed(self, *_args) -> None:
        q = self.current_quarter()
        if q is None:
            return
        self.period_label.setText(self.tr("du {d0} au {d1}").format(
            d0=date_text(q.d0, self.ctx.lang), d1=date_text(q.d1, self.ctx.lang)))
        self.ctx.runner.submit(_preview, q, on_done=self._show_preview, atomic=False)

    def _show_preview(self, result: ind.QuarterIndicators) -> None:
        if result.quarter != self.current_quarter():
            return
        for row, code in enumerate(ind.KEY_CODES):
            i = ind.indicator(code)
            qv, cv = result.values[code]
            cells = [i.label(self.ctx.lang), _fmt(i, qv, self.ctx.lang), _fmt(i, cv, self.ctx.lang)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(i.definition(self.ctx.lang))
                self.preview.setItem(row, col, item)
        self.preview_values = result

    def show_records(self, row: int, column: int) -> None:
        """The records behind a previewed number (column 2: the cumulative one)."""
        q = self.current_quarter()
        if q is None or not 0 <= row < len(ind.KEY_CODES):
            return
        code, cumulative = ind.KEY_CODES[row], column == 2

        def done(rows: list[dict]) -> None:
            from citesdesk.gui.records_dialog import RecordsDialog

            period = self.tr("cumul au {date}").format(date=date_text(q.d1, self.ctx.lang)) \
                if cumulative else quarter_text(q, self.ctx.lang)
            self.records_dialog = RecordsDialog(self.ctx, code, period, rows, self)
            self.records_dialog.show()

        self.ctx.runner.submit(
            lambda db, progress: ind.records_behind(db, code, q, cumulative=cumulative),
            on_done=done, atomic=False)

    # -- saving ------------------------------------------------------------------------
    def save_quarter(self) -> None:
        q = self.current_quarter()
        if q is None:
            return
        path = Dialog.save_file(self, self.tr("Enregistrer le classeur du trimestre"),
                                self.tr("Classeur Excel (*.xlsx)"),
                                str(Path.home() / f"indicateurs-{q.label}.xlsx"))
        if not path:
            return
        path = _with_suffix(path, ".xlsx")
        self.ctx.runner.submit(
            export_service.export_quarter_task, q, path, None,
            on_done=lambda r: Dialog.info(self, self.tr("Classeur enregistré : {path}").format(
                path=r.path)),
            progress_title=self.tr("Classeur du trimestre {q}").format(
                q=quarter_text(q, self.ctx.lang)),
            atomic=False)

    def save_workbook(self) -> None:
        password = None
        if self.protect_check.isChecked():
            password = self.password_edit.text()
            if not password:
                Dialog.error(self, self.tr("Saisissez un mot de passe, ou décochez la "
                                           "protection."))
                return
            if password != self.confirm_edit.text():
                Dialog.error(self, self.tr("Le mot de passe et sa confirmation diffèrent."))
                return
        else:
            answer = Dialog.ask(self, self.tr("Données personnelles"), self.tr(
                "Ce classeur contient des données personnelles. L'enregistrer sans mot de "
                "passe ?"), ("yes", "no"), default="no")
            if answer != "yes":
                return
        path = Dialog.save_file(self, self.tr("Enregistrer le classeur complet"),
                                self.tr("Classeur Excel (*.xlsx)"),
                                str(Path.home() / "citesdesk-classeur-complet.xlsx"))
        if not path:
            return
        path = _with_suffix(path, ".xlsx")
        self.ctx.runner.submit(
            export_service.export_workbook_task, path, password,
            on_done=lambda r: Dialog.info(self, self.tr("Classeur enregistré : {path}").format(
                path=r.path)),
            progress_title=self.tr("Classeur complet"), atomic=False)
        self.password_edit.clear()
        self.confirm_edit.clear()


def _with_suffix(path: str, suffix: str) -> str:
    p = Path(path)
    return str(p) if p.suffix.lower() == suffix else str(p.with_name(p.name + suffix))


def export_list(parent: QWidget | None, runner, query, columns=None, headers=None) -> None:
    """Save a list as shown: ``query`` is the participants list's ``ListQuery`` (its
    filters and sort), ``columns`` the keys of its visible columns (all by default),
    ``headers`` their titles as shown. Asks where, then writes off the GUI thread."""
    def tr(text: str) -> str:
        return QCoreApplication.translate("ExportsScreen", text)

    path = Dialog.save_file(parent, tr("Exporter la liste"),
                            tr("Classeur Excel (*.xlsx);;Texte CSV pour Excel (*.csv)"),
                            str(Path.home() / "liste-participants.xlsx"))
    if not path:
        return None
    if Path(path).suffix.lower() not in (".xlsx", ".csv"):
        path = _with_suffix(path, ".xlsx")
    return runner.submit(
        participant_list_task, query, path, columns, headers,
        on_done=lambda r: Dialog.info(parent, tr("Liste enregistrée ({n} lignes) : {path}")
                                      .format(n=number_text(r.rows, lang_of(runner)), path=r.path)),
        progress_title=tr("Export de la liste"), atomic=False)


def list_export_button(screen) -> QPushButton:
    """The "Exporter la liste…" button of the participants list: saves its rows as
    filtered and sorted, with its visible columns and their titles."""
    button = QPushButton(QCoreApplication.translate("ExportsScreen", "Exporter la liste…"),
                         screen)
    button.setToolTip(QCoreApplication.translate(
        "ExportsScreen", "Enregistrer la liste affichée (filtres et tri compris) en .xlsx ou .csv"))

    def run() -> None:
        from citesdesk.gui.participants_query import COLUMN_KEYS

        model, table = screen.model, screen.table
        # Columns set aside only because the window is narrow are still exported.
        narrow = getattr(table, "narrow_hidden", set())
        shown = [i for i in range(len(COLUMN_KEYS))
                 if not table.isColumnHidden(i) or i in narrow]
        export_list(screen, screen.ctx.runner, model.query, [COLUMN_KEYS[i] for i in shown],
                    [model.headerData(i, Qt.Orientation.Horizontal) for i in shown])
    button.clicked.connect(run)
    return button


def participant_list_task(db, progress, query, path, columns=None, headers=None):
    """Worker side of :func:`export_list`: the participants matching ``query`` in its
    order, the chosen columns, codes as their labels."""
    from citesdesk.core import codes
    from citesdesk.core.model import PARTICIPANT
    from citesdesk.gui import participants_query as pq

    keys = list(columns or pq.COLUMN_KEYS)
    spec = {key: (i, codelist) for i, (key, _, codelist) in enumerate(pq.COLUMNS)}
    lang = getattr(query, "lang", "fr")
    if headers is None:
        headers = []
        for key in keys:
            try:
                f = PARTICIPANT.field(key)
                headers.append(f.en if lang == "en" else f.fr)
            except KeyError:
                headers.append({"cohort": "Cohort" if lang == "en" else "Cohorte"}.get(key, key))
    types = ["date" if key.endswith("_date") else "text" for key in keys]
    ids = pq.matching_ids(db, query)
    yes, no = ("Yes", "No") if lang == "en" else ("Oui", "Non")

    def rows():
        for start in range(0, len(ids), 500):
            progress(start, len(ids), "")
            for row in pq.page_rows(db, ids[start:start + 500]):
                values = []
                for key in keys:
                    i, codelist = spec[key]
                    v = row[2 + i]
                    if codelist:
                        v = codes.ALL[codelist].label(v, lang)
                    elif key == "resident_qpv":
                        v = "" if v is None else (yes if v else no)
                    values.append(v)
                yield values

    cols = [export_service.ListColumn(h, t) for h, t in zip(headers, types, strict=True)]
    return export_service.export_list(path, cols, rows(), sheet="Participants")
