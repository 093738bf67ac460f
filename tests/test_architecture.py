"""The pipeline's imports run one way: each part of the package imports only the parts below
it, as docs/architecture.md draws them. A new import that reaches back up the pipeline (a
reporter reading evidence, the evaluator calling the collector) fails here."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "claimwatch"

# Lower numbers are further down the pipeline's foundations; a part may import only parts with
# a lower number. The same table, in words, is docs/architecture.md's.
LAYERS = {
    "_version": 0,
    "_startup": 0,
    "_signals": 0,
    "errors": 0,
    "_memo": 0,
    "_text": 0,
    "_json": 0,
    "ids": 0,
    "countries": 0,
    "coverage": 0,
    "results": 0,
    "files": 1,
    "_http": 1,
    "_gzip": 1,
    "_workers": 1,
    "documents": 1,
    "works": 1,
    "people": 1.5,  # above works, whose Institution it reuses; below curated, whose histories it models
    "project": 1,
    "lists": 2,
    "curated": 2,
    "reviews": 2,
    "columnar": 2,
    "claims": 3,
    "evidence": 3,
    "openalex": 4,
    "evaluate": 4,
    "reports": 5,
    "validate": 5,
    "cli": 6,
    "bdd": 6,
    "__init__": 7,
}
# Reporters read results and nothing else (besides the leaves that word and write them, the one
# guarded opener through which `diff` reads earlier reports, and where a case's configuration is,
# which no report may replace).
REPORTS_MAY_IMPORT = {"results", "_text", "coverage", "files", "errors", "_version", "documents", "project"}


def _part(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def _imported_parts(path: Path) -> Iterator[tuple[int, str]]:
    """(line, part of claimwatch) for every import of the package in one module."""
    package = ["claimwatch", *path.relative_to(PACKAGE).parts[:-1]]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                module = package[: len(package) - node.level + 1] + (node.module.split(".") if node.module else [])
            elif node.module and node.module.split(".")[0] == "claimwatch":
                module = node.module.split(".")
            else:
                continue
            names = module[1:2] or [alias.name for alias in node.names]
            yield from ((node.lineno, name) for name in names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("claimwatch."):
                    yield node.lineno, alias.name.split(".")[1]


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_part_of_the_package_has_a_place_in_the_pipeline():
    assert {_part(p) for p in MODULES} <= set(LAYERS), "add the new part to LAYERS and docs/architecture.md"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_run_down_the_pipeline(path):
    part = _part(path)
    for line, imported in _imported_parts(path):
        if imported == part:
            continue
        where = f"{path.relative_to(PACKAGE)}:{line} imports {imported}"
        assert LAYERS[imported] < LAYERS[part], f"{where}, which is not below {part}"
        if part == "reports":
            assert imported in REPORTS_MAY_IMPORT, f"{where}: reporters read results only"


def test_the_architecture_page_names_every_part():
    page = (PACKAGE.parent.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    for part in LAYERS:
        if part not in ("__init__", "_version"):
            assert f"`{part}" in page, f"docs/architecture.md does not mention `{part}`"


def _module_names(path: Path) -> Iterator[tuple[int, str]]:
    """(line, name) for every name a module binds at its top level: functions, classes, and names
    assigned."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            yield node.lineno, node.name
        elif isinstance(node, ast.Assign):
            yield from ((node.lineno, t.id) for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            yield node.lineno, node.target.id


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_binds_a_name_twice(path):
    """A second `_WORD_BEFORE = ...` far down `_matchers` (a pattern of the topics' of its own)
    replaced the names' pattern of that name as the module loaded, and "West\u00a0Anhui
    University" became a certain match of Anhui University (found by CI, thirty-fifth part of
    issue 18); ruff does not flag a constant assigned twice. Each name is bound once."""
    first: dict[str, int] = {}
    for line, name in _module_names(path):
        assert name not in first, f"{path.relative_to(PACKAGE)}:{line} binds {name} again (first at line {first[name]})"
        first[name] = line


TEST_MODULES = sorted(Path(__file__).resolve().parent.glob("*.py"))


@pytest.mark.parametrize("path", TEST_MODULES, ids=lambda p: p.name)
def test_no_test_module_binds_a_name_twice(path):
    """Two hunters' commits merged gave test_names_company_forms.py two `RUSELECTRONICS_LIST = ...`
    (thirty-sixth part of issue 18): the same text then, but one edited later would change the
    tests above it in silence, and a test's name bound twice runs only the second. Each name is
    bound once in a test module too."""
    first: dict[str, int] = {}
    for line, name in _module_names(path):
        assert name not in first, f"tests/{path.name}:{line} binds {name} again (first at line {first[name]})"
        first[name] = line
