"""Qt's own dialogs speak French in a French window: Qt's qtbase catalogue (from
PySide6's translations folder) and our supplement for the strings it leaves in English."""

from __future__ import annotations

from PySide6.QtCore import QDir, QFileInfo
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFileIconProvider,
    QLabel,
)


def test_the_file_dialog_is_all_french(make_app, site_path, qtbot, tmp_path):
    folder = tmp_path / "choix"
    (folder / "dossier").mkdir(parents=True)
    make_app(site_path, "fr")
    dialog = QFileDialog(None, "Ouvrir", str(folder), "Bases CitésDesk (*.sqlite)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setFilter(QDir.Filter.AllEntries | QDir.Filter.NoDotAndDotDot)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "&Voir dans\u00a0:"
    assert labels["fileTypeLabel"] == "Fichiers de &type\u00a0:"
    assert labels["fileNameLabel"] == "&Nom de fichier\u00a0:"
    buttons = dialog.findChild(QDialogButtonBox).buttons()
    assert {b.text() for b in buttons} == {"&Ouvrir", "Annuler"}
    # the "Type" column of its list
    provider = QFileIconProvider()
    assert provider.type(QFileInfo(str(folder / "dossier"))) == "Dossier"


def test_english_window_keeps_qt_in_english(make_app, site_path, qtbot):
    make_app(site_path, "en")
    dialog = QFileDialog(None, "Open")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "&Look in:"
