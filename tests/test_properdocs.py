"""ProperDocs, the maintained MkDocs 1.x, as the road past Material's end of life: the example
and a `frontdesk new` site build with `properdocs build` exactly as with `mkdocs build`, apart
from the generator tag; `properdocs serve` serves them; the `frontdesk` commands run on it; and
they still do in an environment where MkDocs itself is not installed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request
from importlib import metadata
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO
from isolated_env import declared_closure, link_distributions
from sitecompare import differences
from test_serve import free_port

from frontdesk.cli.main import main

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
RECORD = ".frontdesk/build.json"  # names the engine's version on purpose: a switch rebuilds all
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build(engine: list[str], root: Path, out: Path, **env: str) -> Path:
    quiet = ["-q"] if engine[-1] != "frontdesk" else []
    done = subprocess.run([*engine, "build", *quiet, "-d", str(out)], cwd=root,
                          env={**ENV, **env}, capture_output=True, text=True, timeout=600)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return out


def generator(site: Path) -> set[bytes]:
    return {m for p in site.rglob("*.html") for m in GENERATOR.findall(p.read_bytes())}


def same_but_the_generator(left: Path, right: Path) -> list[str]:
    """Files that differ other than by their generator tag (the build record aside)."""
    return [
        name for name in differences(left, right)
        if name != RECORD and (
            not name.endswith(".html")
            or GENERATOR.sub(b"", (left / name).read_bytes())
            != GENERATOR.sub(b"", (right / name).read_bytes())
        )
    ]  # fmt: skip


MKDOCS = [sys.executable, "-m", "mkdocs"]
PROPERDOCS = [sys.executable, "-m", "properdocs"]


@pytest.fixture(scope="module")
def new_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("properdocs") / "help"
    assert CliRunner().invoke(main, ["new", str(root)]).exit_code == 0
    return root


@pytest.mark.parametrize("which", ["example", "new site"])
def test_properdocs_builds_the_same_site_as_mkdocs(which: str, new_site: Path, tmp_path) -> None:
    root = REPO if which == "example" else new_site
    with_mkdocs = build(MKDOCS, root, tmp_path / "mkdocs")
    with_properdocs = build(PROPERDOCS, root, tmp_path / "properdocs")
    assert generator(with_mkdocs) == {
        f'<meta name="generator" content="mkdocs-{_version("mkdocs")}, '
        f'mkdocs-material-{_version("mkdocs-material")}">'.encode()
    }
    assert all(b"ProperDocs" in tag for tag in generator(with_properdocs))
    assert same_but_the_generator(with_mkdocs, with_properdocs) == []


def test_the_frontdesk_commands_run_on_properdocs(new_site: Path, tmp_path: Path) -> None:
    by_properdocs = build(PROPERDOCS, new_site, tmp_path / "properdocs")
    frontdesk = [sys.executable, "-m", "frontdesk"]
    by_frontdesk = build(frontdesk, new_site, tmp_path / "frontdesk", FRONTDESK_ENGINE="properdocs")
    assert differences(by_properdocs, by_frontdesk) == []  # the generator tag and record too
    checked = subprocess.run([*frontdesk, "check"], cwd=new_site, capture_output=True, text=True,
                             env={**ENV, "FRONTDESK_ENGINE": "properdocs"})  # fmt: skip
    assert checked.returncode == 0 and "OK: 3 articles" in checked.stdout, checked.stderr


def test_an_unknown_engine_is_refused_by_name(new_site: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "frontdesk", "check"], cwd=new_site, text=True,
                          capture_output=True, env={**ENV, "FRONTDESK_ENGINE": "zensical"})  # fmt: skip
    assert done.returncode == 1
    assert "FRONTDESK_ENGINE: expected mkdocs or properdocs; got 'zensical'" in done.stderr


@pytest.mark.real_clock_only
def test_properdocs_serve_serves_the_site_with_its_banner(new_site: Path) -> None:
    port = free_port()
    server = subprocess.Popen([*PROPERDOCS, "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
                              cwd=new_site, env=ENV, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        page = _fetch(f"http://127.0.0.1:{port}/status/", seconds=120)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert "Faster sign-in servers" in page and 'name="generator"' in page


def test_frontdesk_runs_where_only_properdocs_is_installed(new_site: Path, tmp_path: Path) -> None:
    """What the day MkDocs 1.6 no longer installs would look like: Material and Frontdesk with
    ProperDocs in its place (their `mkdocs` requirement aside), no `mkdocs` module at all."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    wanted = {**declared_closure(), **declared_closure("properdocs"),
              "properdocs": metadata.distribution("properdocs")}  # fmt: skip
    wanted.pop("mkdocs")
    link_distributions(wanted.values(), venv)
    env = {"PATH": os.environ["PATH"], "PYTHONPATH": str(REPO / "generator"),
           "SOURCE_DATE_EPOCH": os.environ["SOURCE_DATE_EPOCH"], "NO_MKDOCS_2_WARNING": "1"}  # fmt: skip
    python = str(venv / "bin/python")
    missing = subprocess.run(
        [python, "-c", "import mkdocs"], env=env, capture_output=True, text=True
    )
    assert "No module named 'mkdocs'" in missing.stderr
    done = subprocess.run([python, "-m", "frontdesk", "build", "-d", str(tmp_path / "site")],
                          cwd=new_site, env=env, capture_output=True, text=True, timeout=600)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert all(b"ProperDocs" in tag for tag in generator(tmp_path / "site"))
    assert (tmp_path / "site/status/index.html").is_file()


def _version(name: str) -> str:
    return metadata.version(name)


def _fetch(url: str, seconds: float) -> str:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
