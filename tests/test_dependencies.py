"""Frontdesk runs on what it declares: every module imports, and `frontdesk check` grades the
example's prose, in a virtual environment holding only the declared dependencies (no pip, no
setuptools, nothing a host happens to have), built offline from the distributions installed here."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
from conftest import REPO
from packaging.requirements import Requirement

IMPORT_EVERY_MODULE = """
import importlib, pkgutil, frontdesk
names = [m.name for m in pkgutil.walk_packages(frontdesk.__path__, "frontdesk.")
         if not m.name.endswith(".__main__")]  # it runs the command
for name in names:
    importlib.import_module(name)
print(len(names), "modules")
"""


def declared_closure(name: str = "frontdesk") -> dict[str, metadata.Distribution]:
    """The distributions `name` needs when installed without extras, and what they need in turn."""
    found: dict[str, metadata.Distribution] = {}
    wanted: list[tuple[str, frozenset[str]]] = [(name, frozenset())]
    while wanted:
        project, extras = wanted.pop()
        dist = metadata.distribution(project)
        key = dist.metadata["Name"].lower().replace("_", "-")
        if key != name:
            found[key] = dist
        for line in dist.requires or []:
            requirement = Requirement(line)
            marker = requirement.marker
            if marker is None or any(marker.evaluate({"extra": e}) for e in extras or {""}):
                wanted.append((requirement.name, frozenset(requirement.extras)))
    return found


@pytest.fixture(scope="module")
def bare_python(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    venv = tmp_path_factory.mktemp("declared") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    for dist in declared_closure().values():
        for file in dist.files or []:
            if file.parts[0] == "..":  # scripts and data outside site-packages
                continue
            target = Path(purelib) / file
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                target.symlink_to(Path(dist.locate_file(file)).resolve())
    env = {"PATH": os.environ["PATH"], "PYTHONPATH": str(REPO / "generator"),
           "SOURCE_DATE_EPOCH": os.environ["SOURCE_DATE_EPOCH"], "NO_MKDOCS_2_WARNING": "1"}  # fmt: skip
    return python, env


def run(python: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([python, "-s", *args], env=env, capture_output=True, text=True,
                          cwd=REPO, timeout=300)  # fmt: skip


def test_the_environment_holds_no_setuptools(bare_python) -> None:
    python, env = bare_python
    for module in ("pkg_resources", "setuptools", "pip"):
        done = run(python, env, "-c", f"import {module}")
        assert f"No module named '{module}'" in done.stderr


def test_every_module_imports_with_the_declared_dependencies_alone(bare_python) -> None:
    python, env = bare_python
    done = run(python, env, "-c", IMPORT_EVERY_MODULE)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.split()[0]) > 50


def test_check_grades_the_examples_prose_with_the_declared_dependencies_alone(bare_python):
    python, env = bare_python
    done = run(python, env, "-m", "frontdesk", "check", "-f", str(REPO / "mkdocs.yml"))
    assert done.returncode == 0, done.stderr
    assert "OK: " in done.stdout
