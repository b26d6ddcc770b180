"""All of CitésDesk's Qt code. Nothing outside this package imports PySide6."""

import sys as _sys


class _Deferred:
    """Stands for a module or a compiled pattern until first used (start-up time)."""

    def __init__(self, make) -> None:
        self._make, self._real = make, None

    def __getattr__(self, name):
        if name.startswith("__"):  # the import system asking what it is: nothing yet
            raise AttributeError(name)
        if self._real is None:
            self._real = self._make()
        return getattr(self._real, name)


def _import_sqlite_utils() -> None:
    """Start-up time: import sqlite_utils without what it costs at import and CitésDesk
    does not use at start (measured by bench/ops_gui.py, "cold start"; ≈ 0.1 s together):

    * numpy, imported when installed only to map numpy column types when a table is made
      from numpy values, which CitésDesk never does (numpy stays importable afterwards);
    * ``dateutil.parser`` (and its time zones), for the date recipes of its command line:
      sqlite_utils keeps a stand-in that imports the real parser on first use;
    * its pattern for ``CREATE VIRTUAL TABLE`` statements (case-insensitive over most of
      Unicode: slow to compile), compiled the first time a table's kind is asked.
    """
    import re

    compile_now = re.compile

    def compile_later(pattern, flags=0):
        if isinstance(pattern, str) and flags & re.IGNORECASE and "\\uffff" in pattern:
            return _Deferred(lambda: compile_now(pattern, flags))
        return compile_now(pattern, flags)

    stand_ins = {"numpy": None}
    if "dateutil.parser" not in _sys.modules:
        import importlib

        stand_ins["dateutil.parser"] = _Deferred(
            lambda: importlib.import_module("dateutil.parser"))
    stand_ins = {k: v for k, v in stand_ins.items() if k not in _sys.modules}
    _sys.modules.update(stand_ins)  # type: ignore[arg-type]
    re.compile = compile_later
    try:
        import sqlite_utils.db  # noqa: F401
    finally:
        re.compile = compile_now
        for name, stand_in in stand_ins.items():
            if _sys.modules.get(name) is stand_in:
                del _sys.modules[name]


if "sqlite_utils" not in _sys.modules:
    _import_sqlite_utils()


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
