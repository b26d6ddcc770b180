"""All of CitésDesk's Qt code. Nothing outside this package imports PySide6."""

import sys as _sys

# Start-up time: sqlite_utils imports numpy when it is installed (≈ 0.12 s here), only to
# map numpy column types when a table is created from numpy values — which CitésDesk
# never does. The window imports sqlite_utils without it; numpy stays importable for
# anyone else afterwards. (Measured by bench/ops_gui.py, "cold start".)
if "sqlite_utils" not in _sys.modules and "numpy" not in _sys.modules:
    _sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        import sqlite_utils.db  # noqa: F401
    finally:
        del _sys.modules["numpy"]
