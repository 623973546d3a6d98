"""The package's wings and the one direction of imports between them.

content <- audience, status <- site <- search, notify <- mkdocs <- cli: a wing imports only the
wings before it. MkDocs and Material are imported in frontdesk/mkdocs/ alone, so that moving to another
engine means replacing that wing only.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator" / "frontdesk"
WINGS = {
    "content": 0, "audience": 1, "status": 1, "site": 2, "search": 3, "notify": 3, "mkdocs": 4,
    "cli": 5,
}  # fmt: skip
TOP_LEVEL = {"__init__.py": 0, "__main__.py": 6}  # the version; `python -m frontdesk`
ENGINE = ("mkdocs", "material", "properdocs")


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative import"
            names.update([node.module] if node.module != "frontdesk" else
                         [f"frontdesk.{alias.name}" for alias in node.names])  # fmt: skip
    return names


def modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        found.append((relative.parts[0] if len(relative.parts) > 1 else relative.name, path))
    return found


def rank(wing: str) -> int:
    return WINGS[wing] if wing in WINGS else TOP_LEVEL[wing]


def test_every_module_lives_in_a_wing() -> None:
    assert {wing for wing, _ in modules()} <= set(WINGS) | set(TOP_LEVEL)
    assert not list(PACKAGE.parent.glob("*.py")), "generator/ holds the frontdesk package only"


def test_only_the_mkdocs_wing_imports_mkdocs_or_material() -> None:
    offenders = []
    for wing, path in modules():
        engine = {name for name in imported_modules(path) if name.split(".")[0] in ENGINE}
        if engine and wing != "mkdocs":
            offenders.append(f"{path.relative_to(PACKAGE)}: {sorted(engine)}")
    assert offenders == []


def test_imports_run_one_way() -> None:
    offenders = []
    for wing, path in modules():
        for name in imported_modules(path):
            parts = name.split(".")
            if parts[0] != "frontdesk" or len(parts) < 2 or parts[1] not in WINGS:
                continue
            target = parts[1]
            if target != wing and rank(target) >= rank(wing):
                offenders.append(f"{path.relative_to(PACKAGE)} ({wing}) imports {name}")
    assert offenders == []


def test_the_plugin_is_glue() -> None:
    """Event handlers that call the library; the work itself lives in module-level functions."""
    lines = (PACKAGE / "mkdocs" / "plugin.py").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 220, len(lines)
