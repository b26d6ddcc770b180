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


def _skip_pyside_source_scan() -> None:
    """Start-up time: after ``import PySide6``, every module imported is opened and read
    whole by PySide6's ``__feature__`` support (``_mod_uses_pyside``: does its source
    contain "PySide6"?), to choose its default feature selection: 0 for modules that use
    PySide6, -1 ("ignore") for the others. CitésDesk uses no ``__feature__`` (no
    snake_case, no true_property), so both selections behave alike; answering "uses
    PySide6" without reading spares reading ~270 files at every start (≈ 0.1 s)."""
    try:
        from PySide6.support import feature
    except ImportError:  # another PySide6 layout: nothing to spare
        return
    if callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = lambda _module: True


_skip_pyside_source_scan()
