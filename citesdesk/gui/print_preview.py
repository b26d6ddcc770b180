"""The print preview dialog (the implementation lives in :mod:`citesdesk.gui.printing`)."""

from citesdesk.gui.printing.preview import PrintPreviewDialog, print_pdf

__all__ = ["PrintPreviewDialog", "print_pdf"]
