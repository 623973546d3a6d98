"""Frontdesk runs on what it declares: every module imports, and `frontdesk check` grades the
example's prose, in a virtual environment holding only the declared dependencies (no pip, no
setuptools, nothing a host happens to have), built offline from the distributions installed here."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from conftest import REPO
from isolated_env import make_venv

IMPORT_EVERY_MODULE = """
import importlib, pkgutil, frontdesk
names = [m.name for m in pkgutil.walk_packages(frontdesk.__path__, "frontdesk.")
         if not m.name.endswith(".__main__")]  # it runs the command
for name in names:
    importlib.import_module(name)
print(len(names), "modules")
"""


@pytest.fixture(scope="module")
def bare_python(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    python, _ = make_venv(tmp_path_factory.mktemp("declared") / "venv")
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
