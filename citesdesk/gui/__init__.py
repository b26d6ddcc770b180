"""All of CitésDesk's Qt code. Nothing outside this package imports PySide6."""
