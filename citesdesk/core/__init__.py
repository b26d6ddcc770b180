"""Qt-free core: code lists, database, domain rules. Nothing here imports PySide6."""
