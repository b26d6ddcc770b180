"""The QPV field of the participant form, the list in force in the settings, and the
"contact details to check" filter of the participants list.

:class:`QpvEdit` accepts what people type — a code in any case, "name (code)" or a
quarter's name, accents and case ignored — offers the matching quarters of the list in
force (code, name and commune) as they type, and says under the field which quarter it
understood, or the same message an import gives when it understands none.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt
from PySide6.QtWidgets import QCheckBox, QCompleter, QFormLayout, QLabel, QLineEdit, QWidget

from citesdesk.core.qpv import QpvList, describe, list_in_force


class QpvEdit(QLineEdit):
    """A line edit for a QPV: completion over the list in force, and what it understood."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reference: QpvList | None = None
        self.setPlaceholderText(QCoreApplication.translate(
            "QpvPicker", "Code ou nom du quartier (ex. QN07511M, Goutte d'Or)"))
        self._labels: dict[str, str] = {}  # completion text -> code
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.activated.connect(self._chosen)
        self.setCompleter(completer)
        self.understood = QLabel(parent)
        self.understood.setObjectName("fieldHint")
        self.understood.setWordWrap(True)
        self.understood.hide()
        self.textEdited.connect(self._offer)
        self.textChanged.connect(self._explain)

    def set_reference(self, reference: QpvList | None) -> None:
        self.reference = reference
        self._explain(self.text())

    def _offer(self, text: str) -> None:
        if self.reference is None:
            return
        hits = self.reference.search(text)
        self._labels = {q.label(): q.code for q in hits}
        self._model.setStringList(list(self._labels))
        if hits:
            self.completer().complete()

    def _chosen(self, label: str) -> None:
        code = self._labels.get(label)
        if code:
            self.setText(code)
            self.textEdited.emit(code)  # the form marks itself modified

    def _explain(self, text: str) -> None:
        """Under the field: the quarter understood (code, name, commune), if any."""
        found = self.reference.recognise(text) if self.reference and text.strip() else None
        quarter = self.reference.get(found.code) if found and found.code else None
        if quarter is None or quarter.code == text.strip().upper():
            self.understood.setVisible(quarter is not None)
            self.understood.setText(quarter.label() if quarter else "")
            return
        self.understood.setText(QCoreApplication.translate(
            "QpvPicker", "Compris : {quarter}").format(quarter=quarter.label()))
        self.understood.show()


def add_list_row(form: QFormLayout, reader, lang: str) -> QLabel:
    """The settings' line saying which QPV list is in force, its date and row count."""
    label = QLabel(describe(list_in_force(reader), lang))
    label.setObjectName("qpvListInForce")
    label.setWordWrap(True)
    label.setToolTip(QCoreApplication.translate(
        "QpvPicker", "Liste officielle livrée avec CitésDesk (ANCT, Licence Ouverte), sauf "
        "si le site a importé une liste plus récente depuis l'écran Imports."))
    form.addRow(QCoreApplication.translate("QpvPicker", "Liste des QPV en vigueur"), label)
    return label


def to_check_box(parent: QWidget) -> QCheckBox:
    """The participants list's filter: people whose phone or e-mail is to check."""
    box = QCheckBox(QCoreApplication.translate("QpvPicker", "Coordonnées à vérifier"), parent)
    box.setObjectName("filterContactCheck")
    box.setToolTip(QCoreApplication.translate(
        "QpvPicker", "Personnes dont le téléphone ou le courriel a été gardé tel quel mais "
        "n'a pas passé le contrôle (numéro non attribué, adresse invalide)"))
    return box


def flag_text() -> str:
    """The form's flag for a stored contact detail that failed its check."""
    return QCoreApplication.translate(
        "QpvPicker", "À vérifier : cette valeur a été gardée telle que saisie mais n'a pas "
        "passé le contrôle (numéro non attribué, adresse invalide…).")
