"""The core stays free of MkDocs and Material, so that moving to another engine means rewriting
only the thin plugin layer."""

from __future__ import annotations

import ast
from pathlib import Path

GENERATOR = Path(__file__).resolve().parent.parent / "generator"
PLUGIN_LAYER = {
    "plugin.py", "config.py", "publish.py", "template_cache.py",
    "cli.py", "render_helper.py", "page_writer.py", "incident_cli.py", "maintenance_cli.py", "staff_common.py", "__main__.py",
}  # fmt: skip
ENGINE = ("mkdocs", "material")


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_only_the_plugin_layer_imports_mkdocs_or_material() -> None:
    offenders = []
    for path in sorted(GENERATOR.rglob("*.py")):
        relative = path.relative_to(GENERATOR).as_posix()
        if relative in PLUGIN_LAYER:
            continue
        engine = {name for name in imported_modules(path) if name.split(".")[0] in ENGINE}
        if engine:
            offenders.append(f"{relative}: {sorted(engine)}")
    assert offenders == []


def test_the_core_never_imports_the_plugin_layer() -> None:
    """Imports run one way: the plugin layer uses the core, never the reverse."""
    layer = {f"generator.{name.removesuffix('.py')}" for name in PLUGIN_LAYER}
    offenders = []
    for path in sorted(GENERATOR.rglob("*.py")):
        relative = path.relative_to(GENERATOR).as_posix()
        if relative in PLUGIN_LAYER:
            continue
        if imported_modules(path) & layer:
            offenders.append(relative)
    assert offenders == []
