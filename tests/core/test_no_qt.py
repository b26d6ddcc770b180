"""Nothing under citesdesk/core or citesdesk/services may import Qt (they run without a display)."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "qtpy")


def _python_files():
    for package in ("core", "services"):
        yield from sorted((ROOT / "citesdesk" / package).rglob("*.py"))


def _qt_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", ""))
              in ("import_module", "__import__") and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            names = [node.args[0].value]
        elif (isinstance(node, ast.ImportFrom) and node.level > 0 and node.module
              and node.module.split(".")[0] == "gui"):
            names = ["citesdesk.gui"]  # a relative import that climbs into the GUI package
        for name in names:
            top = name.split(".")[0]
            if top in QT_MODULES or name.startswith("citesdesk.gui"):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}")
    return found


def test_core_and_services_do_not_import_qt():
    files = list(_python_files())
    assert len(files) > 10  # the packages are really there
    offenders = [hit for path in files for hit in _qt_imports(path)]
    assert offenders == [], "Qt imported outside citesdesk/gui:\n" + "\n".join(offenders)


def test_the_check_catches_a_qt_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("import os\nif os:\n    from PySide6.QtCore import QObject\n"
                   "import importlib\nimportlib.import_module('PySide6.QtGui')\n")
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        assert [h.split(": ")[1] for h in _qt_imports(bad)] == ["PySide6.QtCore", "PySide6.QtGui"]
    finally:
        ROOT = saved


def test_importing_core_and_services_loads_no_qt():
    modules = sorted(
        "citesdesk." + ".".join(p.relative_to(ROOT / "citesdesk").with_suffix("").parts)
        for p in _python_files() if p.name != "__init__.py")
    code = ("import sys, importlib\n"
            f"for m in {modules!r}: importlib.import_module(m)\n"
            "qt = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]\n"
            "print(qt)\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr
