"""The house's layers, read from the source's own import statements (not by importing it, which would hide
an import made only under `TYPE_CHECKING` or inside a function).

From the bottom up: `embeddings` (the model and the vector index) knows nothing of the rest; `qa` (the core:
documents, retrieval, answers) builds on `embeddings` only; the web app (`web`) and the evaluation (`eval`)
are the core's callers, and neither calls the other; the command line (`cli`) is the top and may use them
all. `bench` and `tests` sit outside the package and no packaged module imports them; the benchmarks are run
by hand and in `make bench` without the tests, so what both need (the real-server harness, the hostile files,
the loopback Ray cluster) lives in `bench` and the tests import it from there, never the other way.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
"""Not `qa.settings`'s: a broken layer may break importing `qa`, and this test must still say which."""

PROJECT_PACKAGES = frozenset({"embeddings", "qa", "web", "eval", "cli", "bench", "tests"})
"""Top-level packages of this repository; imports of anything else (the standard library, dependencies) are free."""
ALLOWED = {
    "embeddings": frozenset(),
    "qa": frozenset({"embeddings"}),
    "web": frozenset({"qa", "embeddings"}),
    "eval": frozenset({"qa", "embeddings"}),
    "cli": frozenset({"qa", "embeddings", "web", "eval"}),
    "bench": frozenset({"qa", "embeddings", "web", "eval", "cli"}),
}
"""The project packages each layer may import besides itself."""


def imported_packages(source: str) -> set[str]:
    """The top-level names a module's source imports absolutely (relative imports stay inside its package)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def layer_violations(package: str) -> list[str]:
    """Each `module: imported package` pair in `package` that its layer does not allow."""
    allowed = ALLOWED[package] | {package}
    return [
        f"{path.relative_to(PROJECT_ROOT)}: imports {name}"
        for path in sorted((PROJECT_ROOT / package).rglob("*.py"))
        for name in sorted(imported_packages(path.read_text(encoding="utf-8")) & PROJECT_PACKAGES - allowed)
    ]


def test_imports_are_read_from_every_kind_of_import_statement() -> None:
    source = (
        "import web.app\nfrom eval.runner import run_cli\nfrom . import sibling\n"
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from cli.main import main\n"
        "def late():\n    import bench.latency\n"
    )
    assert imported_packages(source) == {"web", "eval", "typing", "cli", "bench"}


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_a_layer_imports_only_the_layers_beneath_it(package: str) -> None:
    assert layer_violations(package) == []
