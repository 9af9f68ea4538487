"""No import cycle inside generator/: stages import only downward.

Every import statement counts, at module level or inside a function (an
import put off to run time is still a dependency, and the usual way of
hiding a cycle), except those under `if TYPE_CHECKING:`: they never run, and
with `from __future__ import annotations` they only name types in
annotations. `from generator.a import b` is an import of the module
generator.a.b when there is one, else of generator.a; as in import-linter
and pydeps, importing a module is not counted as importing its parent
packages."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

PACKAGE = REPO / "generator"


def _module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_nodes(node: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement under `node`, but those under TYPE_CHECKING."""
    found: list[ast.Import | ast.ImportFrom] = []
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Import | ast.ImportFrom):
            found.append(child)
        elif isinstance(child, ast.If) and _is_type_checking(child.test):
            for other in child.orelse:
                found.extend(_import_nodes(ast.Module(body=[other], type_ignores=[])))
        else:
            found.extend(_import_nodes(child))
    return found


def imported(name: str) -> set[str]:
    """The generator modules that module `name` imports."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
            continue
        base = node.module or ""
        if node.level:
            anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
            base = ".".join([*anchor, *([base] if base else [])])
        for alias in node.names:
            out.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base)
    return {module for module in out if module in MODULES and module != name} | (
        {name} if name in out else set()
    )


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module, and the
    modules that import themselves (Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(graph[successor]))))
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1 or node in graph[node]:
                        found.append(sorted(component))
    return sorted(found)


def _edges_within(component: list[str], graph: dict[str, set[str]]) -> list[str]:
    members = set(component)
    return [f"{a} -> {b}" for a in component for b in sorted(graph[a] & members)]


def test_the_finder_sees_every_kind_of_import() -> None:
    assert "generator.render.environment" in imported("generator.render")
    assert "generator.render.escape" in imported("generator.render.environment")
    assert "generator.render.urls" in imported("generator.render.environment")  # a submodule


def test_cycles_are_found() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"d"}, "e": {"a"}}
    assert cycles(graph) == [["a", "b", "c"], ["d"]]


def test_no_import_cycle_in_the_generator() -> None:
    graph = {name: imported(name) for name in MODULES}
    found = cycles(graph)
    report = "\n\n".join(
        f"{len(c)} modules: " + ", ".join(c) + "\n  " + "\n  ".join(_edges_within(c, graph))
        for c in found
    )
    assert not found, "Import cycles in generator/:\n" + report


STAGES = ("load", "check", "model", "render", "write")


def test_the_stages_know_nothing_of_the_build_cache() -> None:
    """The build cache (generator/cache.py) is the build's: a stage that
    keeps something from one build to the next is given where to keep it
    (`generator.write.Records`, `generator.check.plain_language.GradeStore`),
    and never imports the cache, which alone knows where its folder is."""
    stages = [name for name in MODULES if name.split(".")[1:2] and name.split(".")[1] in STAGES]
    assert "generator.render.listing" in stages and "generator.write" in stages
    importers = [name for name in stages if "generator.cache" in imported(name)]
    assert importers == []
