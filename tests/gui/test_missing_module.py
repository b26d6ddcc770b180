"""A missing or broken module is an error at start, never a silently missing feature."""

from __future__ import annotations

import pytest

from citesdesk.gui.screens import SCREENS, load_screen_class, screen_classes


def test_every_screen_of_the_sidebar_loads():
    assert len(screen_classes()) == len(SCREENS)


def test_a_screen_whose_module_is_missing_stops_the_start():
    with pytest.raises(ModuleNotFoundError):
        load_screen_class("citesdesk.gui.screens.no_such_screen:NoSuchScreen")


def test_a_broken_screen_module_is_not_skipped(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "citesdesk.gui.screens.cohorts", None)  # import fails
    with pytest.raises(ImportError):
        screen_classes()




def _package_modules() -> list[str]:
    import pkgutil

    import citesdesk

    return sorted(m.name for m in pkgutil.walk_packages(citesdesk.__path__, "citesdesk.")
                  if not m.name.endswith("__main__"))


def test_every_import_inside_the_package_names_something_that_exists():
    """Imports made on first use (inside a function) are checked here, not only at start:
    a module renamed or removed must not leave a button that fails when clicked."""
    import ast
    import importlib
    from pathlib import Path

    import citesdesk

    root = Path(citesdesk.__file__).parent
    wrong = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.ImportFrom) or node.level or not node.module:
                continue
            if not node.module.startswith("citesdesk"):
                continue
            where = f"{path.relative_to(root.parent)}:{node.lineno}"
            try:
                module = importlib.import_module(node.module)
            except ImportError as exc:
                wrong.append(f"{where}: {node.module} ({exc})")
                continue
            for alias in node.names:
                if hasattr(module, alias.name):
                    continue
                try:
                    importlib.import_module(f"{node.module}.{alias.name}")
                except ImportError:
                    wrong.append(f"{where}: {node.module} has no {alias.name}")
    assert not wrong, "\n".join(wrong)


def test_every_module_of_the_package_imports():
    import importlib

    modules = _package_modules()
    assert len(modules) > 100
    for name in modules:
        importlib.import_module(name)
