"""Frontdesk as another company adopts it: a wheel installed into a fresh virtual environment
(not editable, no source tree on the path), `frontdesk new` in an empty folder, an incident
posted with the staff command line, and a strict build with the banner, search and API."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CLI_NOW, EXAMPLE_EPOCH, REPO
from isolated_env import make_venv
from pagefind_files import fragments
from pages import announce, read, text

INCIDENT_TITLE = "Some customers cannot sign in"


def run(*command: str | Path, cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True,
        timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, f"{command}:\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


@pytest.fixture(scope="module")
def adopter(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A fresh virtual environment with Frontdesk's wheel in it, and the environment to run it."""
    work = tmp_path_factory.mktemp("adopter")
    source = work / "source"  # a copy, so building the wheel leaves the checkout untouched
    shutil.copytree(REPO / "generator", source / "generator",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))  # fmt: skip
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(REPO / name, source / name)
    # Offline throughout: the wheel is built with the setuptools of the tests' environment, and
    # installed with no index into an environment holding the declared dependencies alone.
    host = {"HOME": os.environ["HOME"], "PATH": os.environ["PATH"], "PIP_NO_INDEX": "1",
            "PIP_DISABLE_PIP_VERSION_CHECK": "1"}  # fmt: skip
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
        "-q", "-w", work / "wheels", source, cwd=work, env=host)  # fmt: skip
    wheel = next((work / "wheels").glob("frontdesk-*.whl"))
    python, _ = make_venv(work / "venv", with_pip=True)
    env = {**host, "PATH": f"{work / 'venv/bin'}{os.pathsep}{host['PATH']}",
           "VIRTUAL_ENV": str(work / "venv"), "SOURCE_DATE_EPOCH": EXAMPLE_EPOCH,
           "FRONTDESK_NOW": CLI_NOW, "NO_MKDOCS_2_WARNING": "1"}  # fmt: skip
    run(python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", wheel, cwd=work, env=env)
    (work / "empty").mkdir()
    return work / "empty", env


def test_the_installed_package_is_frontdesk_alone(adopter) -> None:
    folder, env = adopter
    found = run("python", "-c", "import frontdesk; print(frontdesk.__file__)", cwd=folder, env=env)
    assert "site-packages" in found and str(REPO) not in found
    missing = subprocess.run(["python", "-c", "import generator"], cwd=folder, env=env,
                             capture_output=True, text=True)  # fmt: skip
    assert "ModuleNotFoundError: No module named 'generator'" in missing.stderr
    assert run("frontdesk", "--version", cwd=folder, env=env).startswith("frontdesk, version ")
    german = "from frontdesk.site.interface import InterfaceText; print(InterfaceText('de').gettext('Still need help?'))"
    assert run("python", "-c", german, cwd=folder, env=env).strip() == "Brauchen Sie weitere Hilfe?"


def test_new_then_an_incident_then_a_strict_build(adopter) -> None:
    folder, env = adopter
    run("frontdesk", "new", "help", "--name", "Acme Help Centre", cwd=folder, env=env)
    site = folder / "help"
    assert "OK: 3 articles" in run("frontdesk", "check", cwd=site, env=env)
    run("frontdesk", "incident", "new", "--title", INCIDENT_TITLE, "--impact", "major",
        "--components", "sign-in", "--cause", "We are still finding out why.",
        "--eta", "2026-11-23T12:00:00Z", "--started", "2026-11-23T09:30:00Z",
        "--prevention", "Once we know the cause, we will say what we are changing.",
        "--message", "Some customers cannot sign in. Signed-in sessions keep working.",
        cwd=site, env=env)  # fmt: skip
    run("frontdesk", "build", cwd=site, env=env)
    built = site / "site"
    article = read(built, "articles/getting-started/create-your-account/")
    assert INCIDENT_TITLE in text(announce(article))
    assert INCIDENT_TITLE in text(read(built, "status/"))
    summary = json.loads((built / "api/v2/summary.json").read_text())
    assert [incident["name"] for incident in summary["incidents"]] == [INCIDENT_TITLE]
    status_pages = fragments(built / "pagefind-status")
    assert any(record["meta"]["title"] == INCIDENT_TITLE for record in status_pages)
    articles = fragments(built / "pagefind")
    assert any(record["meta"]["title"] == "Create your account" for record in articles)
