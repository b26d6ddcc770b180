"""Print preview: the PDF shown with QtPdf (``QPdfDocument`` + ``QPdfView``), printed
through the system print dialog (each page rendered at the printer's resolution), or
saved as a PDF file.

QtPdf ships in the ``PySide6-Addons`` wheel (a dependency of CitésDesk). The PDF itself is
built by the services (reportlab), so what is printed is exactly what the command line
writes.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale, QRect, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from citesdesk.core.errors import CitesDeskError
from citesdesk.core.files import write_private
from citesdesk.gui.dialogs import Dialog
from citesdesk.gui.forms import lang_of, number_text, resize_within_screen


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Render every page of ``document`` onto ``printer``; returns the pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    dpi = printer.resolution()
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            size_pt = document.pagePointSize(page)
            image_size = QSize(round(size_pt.width() / 72 * dpi),
                               round(size_pt.height() / 72 * dpi))
            image = document.render(page, image_size)
            area = painter.viewport()
            scaled = image_size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(QRect(area.x(), area.y(), scaled.width(), scaled.height()))
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(area)
    finally:
        painter.end()
    return document.pageCount()


class PrintPreviewDialog(QDialog):
    """Shows one PDF; "Imprimer…" and "Enregistrer en PDF…" hand it on.

    ``delivered(kind)`` is emitted with ``"print"`` or ``"save"`` once the document has
    left the screen (the caller records it in the audit log).
    """

    delivered = Signal(str)

    def __init__(self, pdf: bytes, title: str, file_name: str = "document.pdf",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.pdf = bytes(pdf)
        self.file_name = file_name
        self._data = QByteArray(self.pdf)
        self._buffer = QBuffer(self._data, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(self.tr("Aperçu avant impression"))

        self.pages_label = QLabel(self.tr("{n} page(s)").format(
            n=number_text(self.document.pageCount(), lang_of())),
                                  self)
        self.print_button = QPushButton(self.tr("&Imprimer…"), self)
        self.save_button = QPushButton(self.tr("&Enregistrer en PDF…"), self)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_pdf)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Fermer"))

        bar = QHBoxLayout()
        bar.addWidget(self.pages_label)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        metrics = self.fontMetrics()
        resize_within_screen(self, metrics.averageCharWidth() * 110, metrics.height() * 45)

    def page_count(self) -> int:
        return self.document.pageCount()

    def print_document(self, printer: QPrinter | None = None) -> bool:
        """Print through the system dialog (or onto ``printer`` as given, for tests)."""
        if printer is None or isinstance(printer, bool):
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setDocName(self.windowTitle())
            dialog = QPrintDialog(printer, self)
            dialog.setWindowTitle(self.tr("Imprimer"))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        printed = print_pdf(self.document, printer)
        if printed:
            self.delivered.emit("print")
        else:
            Dialog.error(self, self.tr("L'impression n'a pas pu commencer : vérifiez "
                                       "l'imprimante choisie."))
        return bool(printed)

    def save_pdf(self) -> str:
        path = Dialog.save_file(self, self.tr("Enregistrer en PDF"),
                                self.tr("Documents PDF (*.pdf)"), self.file_name)
        if not path:
            return ""
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            write_private(path, self.pdf)  # owner-only, whole or not at all
        except CitesDeskError as exc:
            Dialog.error(self, exc.message(
                "en" if QLocale().language() == QLocale.Language.English else "fr"))
            return ""
        except OSError as exc:
            Dialog.error(self, self.tr("Impossible d'écrire « {file} » : {reason}. Choisissez "
                                       "un autre dossier.").format(file=path,
                                                                   reason=exc.strerror))
            return ""
        self.delivered.emit("save")
        return path
