"""Printing in the window: preview, system print dialog, save as PDF, batches."""
