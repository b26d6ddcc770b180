"""The package's arrows point one way: ``core`` ← ``services`` ← ``cli``/``gui``.

Read from the source (every ``import``, also those inside functions): ``core`` imports
neither ``services``, ``gui`` nor ``cli``; ``services`` imports neither ``gui`` nor ``cli``;
``gui`` does not import ``cli``; no module imports another module's private name
(``_name``); and no two modules import each other, directly or through others.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "citesdesk"
#: layer -> layers it must not import
FORBIDDEN = {"core": {"services", "gui", "cli"}, "services": {"gui", "cli"}, "gui": {"cli"}}


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph(root: Path = PACKAGE) -> dict[str, set[tuple[str, int, str]]]:
    """module -> {(imported module, line, imported name or "")} for the package's own modules."""
    files = {_module_name(p, root): p for p in root.rglob("*.py")}
    top = root.name

    def known(name: str) -> str:
        while name and name not in files:
            name = name.rpartition(".")[0]
        return name

    graph: dict[str, set[tuple[str, int, str]]] = {}
    for module, path in files.items():
        is_package = path.name == "__init__.py"
        edges: set[tuple[str, int, str]] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] == top:
                        edges.add((known(alias.name), node.lineno, ""))
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = module.split(".") if is_package else module.split(".")[:-1]
                    base = base[: len(base) - (node.level - 1)]
                    source = ".".join(base + ([node.module] if node.module else []))
                else:
                    source = node.module or ""
                if source.split(".")[0] != top:
                    continue
                for alias in node.names:
                    full = f"{source}.{alias.name}"
                    if full in files:  # "from package import submodule"
                        edges.add((full, node.lineno, ""))
                    else:
                        edges.add((known(source), node.lineno, alias.name))
        graph[module] = {e for e in edges if e[0] and e[0] != module}
    return graph


def private_uses(root: Path = PACKAGE) -> list[str]:
    """``module._name`` where ``module`` is another of the package's modules, imported
    (``from citesdesk.services import records`` … ``records._row(…)``)."""
    files = {_module_name(p, root): p for p in root.rglob("*.py")}
    top = root.name
    found = []
    for module, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        bound: dict[str, str] = {}  # local name -> package module
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and not node.level and \
                    (node.module or "").split(".")[0] == top:
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    if full in files:
                        bound[alias.asname or alias.name] = full
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname and alias.name in files:
                        bound[alias.asname] = alias.name
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and \
                    node.value.id in bound and bound[node.value.id] != module and \
                    node.attr.startswith("_") and not node.attr.startswith("__"):
                found.append(f"{module} uses {bound[node.value.id]}.{node.attr} "
                             f"(line {node.lineno})")
    return sorted(found)


def swallowed_import_errors(root: Path = PACKAGE) -> list[str]:
    """``except ImportError`` (or ``ModuleNotFoundError``): a broken import that would
    silently drop a feature."""
    found = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ExceptHandler) and node.type is not None:
                names = {n.id for n in ast.walk(node.type) if isinstance(n, ast.Name)}
                if names & {"ImportError", "ModuleNotFoundError"}:
                    found.append(f"{path.relative_to(root.parent)}:{node.lineno}")
    return found


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def wrong_arrows(graph) -> list[str]:
    return sorted(f"{m} imports {t} (line {line})" for m, edges in graph.items()
                  for t, line, _ in edges if _layer(t) in FORBIDDEN.get(_layer(m), ()))


def private_imports(graph) -> list[str]:
    return sorted(f"{m} imports {t}.{name} (line {line})" for m, edges in graph.items()
                  for t, line, name in edges
                  if name.startswith("_") and not name.startswith("__"))


def cycles(graph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    succ = {m: {t for t, _, _ in edges if t in graph} for m, edges in graph.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in succ[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(succ):
        if v not in index:
            visit(v)
    return found


def test_arrows_point_from_interface_to_core():
    graph = import_graph()
    assert len(graph) > 50
    assert wrong_arrows(graph) == []


def test_no_module_imports_a_private_name_of_another():
    assert private_imports(import_graph()) == []


def test_no_module_uses_a_private_name_of_another_through_its_module():
    assert private_uses() == []


def test_a_missing_module_is_an_error_not_a_missing_feature():
    # The one exception: an optional start-up speed-up inside PySide6 itself (nothing of
    # CitésDesk depends on it).
    assert [at.rsplit(":", 1)[0] for at in swallowed_import_errors()] == [
        "citesdesk/gui/__init__.py"]


def test_no_import_cycle():
    assert cycles(import_graph()) == []


def test_the_checks_catch_each_fault(tmp_path):
    pkg = tmp_path / "citesdesk"
    for sub in ("core", "services", "gui", "cli"):
        (pkg / sub).mkdir(parents=True)
        (pkg / sub / "__init__.py").write_text("")
    (pkg / "__init__.py").write_text("")
    (pkg / "core" / "a.py").write_text("def f():\n    from citesdesk.services import b\n")
    (pkg / "services" / "b.py").write_text("from citesdesk.core.a import _hidden\n")
    (pkg / "gui" / "c.py").write_text("from citesdesk.cli import d\n")
    (pkg / "cli" / "d.py").write_text("import citesdesk.cli.e\n")
    (pkg / "cli" / "e.py").write_text("from . import d\n")
    (pkg / "gui" / "f.py").write_text(
        "from citesdesk.services import b\ntry:\n    b._secret()\n"
        "except (ValueError, ImportError):\n    pass\n")
    graph = import_graph(pkg)
    assert private_uses(pkg) == ["citesdesk.gui.f uses citesdesk.services.b._secret (line 3)"]
    assert swallowed_import_errors(pkg) == ["citesdesk/gui/f.py:4"]
    assert wrong_arrows(graph) == ["citesdesk.core.a imports citesdesk.services.b (line 2)",
                                   "citesdesk.gui.c imports citesdesk.cli.d (line 1)"]
    assert private_imports(graph) == ["citesdesk.services.b imports citesdesk.core.a._hidden (line 1)"]
    assert ["citesdesk.cli.d", "citesdesk.cli.e"] in cycles(graph)
