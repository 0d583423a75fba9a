"""The shape of the code, checked (docs/architecture.md): the import graph is acyclic, the
layers point one way, no hand-written module is too long to read in one sitting.

Pure Python (`ast`), nothing imported: a module's imports are read from its source.

Which imports count:
- module-level and function-level imports alike: a deferred import runs too, and hiding a
  cycle behind one (grades ↔ watches, calendar ↔ deadlines) is what this test is for;
- not those under `if TYPE_CHECKING:` for the cycles (they never run), but they do count
  for the layers (a type-only import still makes a lower layer know a higher one);
- not, for the cycles, an import inside a resolver of the module its own signature names
  in `strawberry.lazy("…")`: the schema's type graph is cyclic by nature (a subject lists
  its commitments, a commitment names its subject) and a lazy type is strawberry's way to
  say so; the import runs when the field is resolved, never at import time.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]  # backend/credit
MAX_LINES = 500

# --- Known offenders: the merger empties these lists (no other exceptions). ---
# Modules over MAX_LINES that other engineers are splitting on their branches.
KNOWN_LONG_MODULES: set[str] = set()
# Import edges that close a cycle and are being removed on other branches.
KNOWN_CYCLE_EDGES: set[tuple[str, str]] = set()

# Domain modules that may import the api layer, and why: they are HTTP endpoints beside
# /graphql (mounted by credit.app), and authenticate a request exactly as /graphql does
# (credit.api.http.resolve_actor); an export runs the page's own GraphQL field through the
# assembled schema, so the file holds what the page shows to the same person.
ROUTE_MODULES = {
    "credit.creditreport.routes",  # the credit report PDF and its verification
    "credit.exports.routes",  # the console's and the public site's exports (xlsx, csv)
}

# accounts is two things: the identity every layer needs (who is asking, what may they do)
# sits under apicore; its GraphQL (sign-in, user and unit administration) and the
# personal-data encryption (it masks ID numbers with credit.subjects) are a domain.
ACCOUNTS_BASE = {
    "credit.accounts",
    "credit.accounts.actor",
    "credit.accounts.auth",
    "credit.accounts.models",
    "credit.accounts.passwords",
    "credit.accounts.permissions",
}
API_LAYER = ("credit.api", "credit.app", "credit.__main__")
# core ← accounts ← apicore ← domains ← api: a layer imports its own and lower ones only.
RANK = {"core": 0, "accounts": 1, "apicore": 2, "domain": 3, "api": 4}


@dataclass(frozen=True)
class Import:
    source: str
    target: str
    line: int
    type_only: bool  # under `if TYPE_CHECKING:`
    lazy_type: bool  # a resolver importing the module its strawberry.lazy annotation names


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_test(module: str) -> bool:
    last = module.rsplit(".", 1)[-1]
    return ".tests" in module or last == "conftest" or last.startswith("testing")


def source_modules() -> dict[str, Path]:
    return {
        module_name(p): p
        for p in sorted(PACKAGE.rglob("*.py"))
        if "migrations" not in p.relative_to(PACKAGE).parts
    }


def _lazy_targets(fn: ast.AST) -> set[str]:
    """The modules named by strawberry.lazy("…") in a function's signature."""
    found: set[str] = set()
    if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
        return found
    signature = [fn.returns, *(a.annotation for a in fn.args.args + fn.args.kwonlyargs)]
    for annotation in filter(None, signature):
        for node in ast.walk(annotation):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute | ast.Name)
                and (getattr(node.func, "attr", None) or getattr(node.func, "id", None)) == "lazy"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(str(node.args[0].value))
    return found


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(module: str, path: Path, known: set[str]) -> list[Import]:
    """The imports of `module` that name a module of the package."""
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: list[Import] = []

    def resolve(name: str) -> str | None:
        while name and name not in known and "." in name:
            name = name.rsplit(".", 1)[0]
        return name if name in known and name != module else None

    def add(name: str, line: int, type_only: bool, lazy: set[str]) -> None:
        target = resolve(name)
        if target is not None:
            found.append(Import(module, target, line, type_only, target in lazy))

    def visit(node: ast.AST, type_only: bool, lazy: set[str]) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for stmt in child.body:
                    visit_statement(stmt, True, lazy)
                for stmt in child.orelse:
                    visit_statement(stmt, type_only, lazy)
            else:
                visit_statement(child, type_only, lazy)

    def visit_statement(node: ast.AST, type_only: bool, lazy: set[str]) -> None:
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(alias.name, node.lineno, type_only, lazy)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module or ""
            for alias in node.names:
                # `from package import module` imports the module, else a name of `origin`
                submodule = f"{origin}.{alias.name}"
                add(submodule if submodule in known else origin, node.lineno, type_only, lazy)
        else:
            visit(node, type_only, lazy | _lazy_targets(node))

    visit(ast.parse(path.read_text(encoding="utf-8")), False, set())
    return found


def import_graph() -> dict[str, list[Import]]:
    modules = source_modules()
    known = set(modules)
    return {m: imports_of(m, p, known) for m, p in modules.items()}


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph as a path [a, b, …, a], or None (iterative depth-first)."""
    WHITE, GREY, BLACK = 0, 1, 2
    colour = dict.fromkeys(edges, WHITE)
    for start in sorted(edges):
        if colour[start] != WHITE:
            continue
        stack: list[tuple[str, list[str]]] = [(start, sorted(edges[start]))]
        colour[start] = GREY
        while stack:
            node, todo = stack[-1]
            if not todo:
                colour[node] = BLACK
                stack.pop()
                continue
            nxt = todo.pop(0)
            if colour.get(nxt, BLACK) == GREY:
                path = [n for n, _ in stack]
                return [*path[path.index(nxt) :], nxt]
            if colour.get(nxt) == WHITE:
                colour[nxt] = GREY
                stack.append((nxt, sorted(edges[nxt])))
    return None


def runtime_edges(graph: dict[str, list[Import]]) -> dict[str, set[str]]:
    return {
        m: {
            i.target
            for i in imports
            if not i.type_only
            and not i.lazy_type
            and (m, i.target) not in KNOWN_CYCLE_EDGES
            and not is_test(i.target)
        }
        for m, imports in graph.items()
        if not is_test(m)
    }


def layer(module: str) -> str:
    if module == "credit.core" or module.startswith("credit.core."):
        return "core"
    if module in ACCOUNTS_BASE:
        return "accounts"
    if module == "credit.apicore" or module.startswith("credit.apicore."):
        return "apicore"
    if any(module == a or module.startswith(a + ".") for a in API_LAYER):
        return "api"
    return "domain"


def layer_violations(graph: dict[str, list[Import]]) -> list[str]:
    out = []
    for module, imports in sorted(graph.items()):
        if is_test(module) or module == "credit":
            continue
        for i in imports:
            if is_test(i.target) or i.target == "credit":
                continue
            upwards = RANK[layer(i.target)] > RANK[layer(module)]
            if upwards and not (layer(i.target) == "api" and module in ROUTE_MODULES):
                out.append(
                    f"{module}:{i.line} ({layer(module)}) imports {i.target} ({layer(i.target)})"
                )
    return out


# --- the checks ---


def test_the_import_graph_is_acyclic() -> None:
    cycle = find_cycle(runtime_edges(import_graph()))
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_known_cycle_edges_still_exist() -> None:
    """An exception that no longer applies is removed from the list, not kept in case."""
    graph = import_graph()
    present = {(m, i.target) for m, imports in graph.items() for i in imports}
    assert not KNOWN_CYCLE_EDGES - present


def test_layers_point_one_way() -> None:
    assert layer_violations(import_graph()) == []


def test_route_modules_exist() -> None:
    assert set(source_modules()) >= ROUTE_MODULES
    assert set(source_modules()) >= ACCOUNTS_BASE


def _hand_written(module: str) -> bool:
    return not is_test(module) and not module.startswith("credit.demo")


def test_no_hand_written_module_is_too_long() -> None:
    long = {
        m: len(p.read_text(encoding="utf-8").splitlines())
        for m, p in source_modules().items()
        if _hand_written(m)
    }
    over = {m: n for m, n in long.items() if n > MAX_LINES and m not in KNOWN_LONG_MODULES}
    assert over == {}, f"modules over {MAX_LINES} lines (split them): {over}"
    stale = {m for m in KNOWN_LONG_MODULES if long.get(m, 0) <= MAX_LINES}
    assert stale == set(), f"no longer over {MAX_LINES} lines: remove from the list: {stale}"


# --- the checker checks itself on small graphs ---


def test_find_cycle_names_the_path() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    cycle = find_cycle(edges)
    assert cycle is not None and cycle[0] == cycle[-1] and set(cycle) == {"a", "b", "c"}
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None


def test_imports_are_read_at_every_level(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "import credit.x\n"
        "from credit import y\n"
        "if TYPE_CHECKING:\n"
        "    from credit.z import Z\n"
        "def f():\n"
        "    from credit.w import W\n"
        "async def g() -> Annotated['T', strawberry.lazy('credit.v')]:\n"
        "    from credit.v import T\n",
        encoding="utf-8",
    )
    known = {"credit", "credit.m", "credit.x", "credit.y", "credit.z", "credit.w", "credit.v"}
    found = {(i.target, i.type_only, i.lazy_type) for i in imports_of("credit.m", source, known)}
    assert found == {
        ("credit.x", False, False),
        ("credit.y", False, False),
        ("credit.z", True, False),
        ("credit.w", False, False),
        ("credit.v", False, True),
    }


def test_the_hooks_are_wired_with_the_schema() -> None:
    """core and apicore run the domains' work through hooks (credit.api.wiring): an
    application without them would commit mutations without their audit event."""
    import credit.api.schema  # noqa: F401  (assembling the schema wires the hooks)
    from credit.apicore import audit
    from credit.core import hooks

    assert audit.writer() is not None
    assert hooks.registered() == (["watches"], ["watches"])
