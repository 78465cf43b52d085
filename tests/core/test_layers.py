"""The import layers and the absence of import circles, read from the source with ast.

- core imports no app above it (only itself and documents), not even inside a function;
- documents imports no app;
- registry imports neither programme nor indicators;
- the imports of src/zhichan, those inside functions included, form no circle: no module needs an import inside
  a function to hold a circle together, so the modules import in any order;
- every module imports in a fresh interpreter, in two different orders.
"""

import ast
import os
import random
import subprocess
import sys
from functools import cache
from pathlib import Path

from django.conf import settings

import zhichan

ROOT = Path(zhichan.__file__).parent
PACKAGE = "zhichan"
# What each app may not import; every app of INSTALLED_APPS is one (a new app is covered without an edit here).
FOUNDATIONS = {"core", "documents"}


def _apps() -> set[str]:
    return {name.split(".")[1] for name in settings.INSTALLED_APPS if name.startswith(f"{PACKAGE}.")} | {"documents"}


def _forbidden(app: str) -> set[str]:
    apps = _apps()
    if app == "core":
        return apps - FOUNDATIONS
    if app == "documents":
        return apps - {"documents"}
    if app == "registry":
        return {"programme", "indicators"}
    return set()


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(ROOT.rglob("*.py"))}


def _absolute(module: str, path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def _imports(module: str) -> set[str]:
    """The modules of ours a module imports, wherever the import is written (inside functions too)."""
    path = _modules()[module]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(module, path, node)
            for alias in node.names:
                # `from package import module` imports the module; `from module import name` the module itself.
                name = f"{source}.{alias.name}"
                found.add(name if name in _modules() else source)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in (
            "import_module",
            "import_string",
        ):
            texts = [arg.value for arg in node.args[:1] if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
            found |= set(texts)
    return {name for name in found if name == PACKAGE or name.startswith(f"{PACKAGE}.")}


def _app_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and (ROOT / parts[1]).is_dir()) else ""


def test_the_scan_sees_imports_of_every_kind():
    assert "zhichan.core.models" in _imports("zhichan.core.services.progress")  # from ..models import …
    assert "zhichan.registry.models.patents" in _imports("zhichan.registry.models")  # from .patents import …
    assert "zhichan.registry.demo" in _imports("zhichan.registry.first_start")  # inside a function
    assert _apps() >= {"core", "registry", "programme", "indicators", "documents"}


def test_each_app_imports_only_what_lies_below_it():
    wrong = []
    for module in _modules():
        forbidden = _forbidden(_app_of(module))
        for name in _imports(module):
            if _app_of(name) in forbidden:
                wrong.append(f"{module} imports {name}")
    assert not wrong, "\n".join(wrong)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each a circle of imports."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_circles():
    graph = {
        module: {name for name in _imports(module) if name in _modules() and name != module} for module in _modules()
    }
    assert not _cycles(graph), _cycles(graph)


IMPORT_ALL = """
import importlib, os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zhichan.settings")
import django
django.setup()
failed = []
for name in sys.argv[1:]:
    try:
        importlib.import_module(name)
    except Exception as error:
        failed.append(f"{name}: {error!r}")
print("\\n".join(failed))
sys.exit(1 if failed else 0)
"""


def test_every_module_imports_in_a_fresh_interpreter_in_any_order():
    names = list(_modules())
    environment = {**os.environ, "PYTHONPATH": str(ROOT.parent)}  # this tree, not whichever is installed
    for order in (names, random.Random(13).sample(names, len(names))):
        done = subprocess.run(
            [sys.executable, "-c", IMPORT_ALL, *order],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
            env=environment,
        )
        assert done.returncode == 0, done.stdout + done.stderr
