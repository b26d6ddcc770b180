"""The About dialog: version, and the licences of what ships with CitésDesk."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from citesdesk import __version__

# (component, licence) of what the installed application contains.
COMPONENTS = [
    ("Python", "PSF License"),
    ("Qt {qt} / PySide6 {pyside}", "LGPL v3"),
    ("SQLite", "Public domain"),
    ("sqlite-utils", "Apache 2.0"),
    ("ReportLab", "BSD"),
    ("openpyxl", "MIT"),
    ("XlsxWriter", "BSD 2-Clause"),
    ("python-calamine (calamine)", "MIT"),
    ("pyrage (rage, age)", "MIT / Apache 2.0"),
    ("PyNaCl (libsodium)", "Apache 2.0 / ISC"),
    ("Faker", "MIT"),
    ("phonenumbers", "Apache 2.0"),
    ("python-stdnum", "LGPL v2.1+"),
    ("platformdirs", "MIT"),
    ("qrcode", "BSD"),
    ("msoffcrypto-tool", "MIT"),
    ("Lucide icons (adapted)", "ISC"),
    ("DejaVu fonts (PDF)", "Bitstream Vera / public domain"),
]


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("À propos de CitésDesk"))
        layout = QVBoxLayout(self)
        self.text = QTextBrowser(self)
        self.text.setOpenExternalLinks(True)
        rows = "".join(
            f"<tr><td>{name.format(qt=qVersion(), pyside=pyside_version)}</td>"
            f"<td>{licence}</td></tr>" for name, licence in COMPONENTS)
        self.text.setHtml(
            f"<h2>CitésDesk {__version__}</h2>"
            + "<p>" + self.tr("Suivi des participants, cohortes et partenaires des Cités de "
                              "l'emploi, hors ligne.") + "</p>"
            + "<p>" + self.tr("Licence : EUPL 1.2. Python {python}.").format(
                python=platform.python_version()) + "</p>"
            + "<h3>" + self.tr("Composants et licences") + "</h3>"
            + "<table cellpadding='3'>" + rows + "</table>"
            + "<p>" + self.tr("Qt est utilisé sous licence LGPL v3 : ses bibliothèques sont "
                              "livrées séparément et peuvent être remplacées.") + "</p>")
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fm = self.fontMetrics()
        self.resize(fm.averageCharWidth() * 80, fm.height() * 30)
