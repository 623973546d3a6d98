"""Shared fixtures: tiny real sites written to tmp_path and built with the real plugin and theme."""

from __future__ import annotations

import os
import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import hypothesis
import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

REPO = Path(__file__).resolve().parent.parent
# The example help centre's languages (mkdocs.yml), for tests that load its content directly.
EXAMPLE_LANGUAGES = ("en", "de")
# 2026-11-23T10:00:00Z: the reference moment of the example content.
EXAMPLE_EPOCH = "1795428000"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# Pinned for the whole session, before any fixture of any scope runs, so no build in a test reads
# the wall clock; a test that needs another moment sets it with monkeypatch, which restores it.
os.environ["SOURCE_DATE_EPOCH"] = EXAMPLE_EPOCH
# The staff commands' now (what `--at` and `--started` default to, and what a time may not be
# ahead of): after every time the tests give, so none of them is refused as in the future.
CLI_NOW = "2026-12-31T12:00:00Z"
os.environ["FRONTDESK_NOW"] = CLI_NOW

COMPONENTS = """\
groups:
  - name: Core services
    components:
      - id: sign-in
        name: Sign-in
        description: Logging in
      - id: api
        name: Public API
  - name: Money
    components:
      - id: payments
        name: Card payments
"""


def write_tree(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[..., Path]:
    """Write a minimal site (mkdocs.yml + content/) with `files` under content/; return its root."""

    def make(
        files: dict[str, str] | None = None, plugin_options: dict | None = None, **config
    ) -> Path:
        root = tmp_path / "site-src"
        settings = {
            "site_name": "Test help centre",
            "site_url": "https://help.example.test/",
            "docs_dir": "content",
            "theme": {"name": "material", "features": ["announce.dismiss"], "font": False},
            "plugins": ["search", {"frontdesk": plugin_options or {}}],
            "markdown_extensions": ["admonition", "attr_list", "md_in_html"],
            **config,
        }  # fmt: skip
        root.mkdir(parents=True, exist_ok=True)
        (root / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
        defaults = {
            "index.md": "---\ntitle: Home\n---\nWelcome.\n",
            "status/components.yml": COMPONENTS,
        }
        write_tree(root / "content", {**defaults, **(files or {})})
        return root

    return make


@pytest.fixture
def build_site() -> Callable[[Path], Path]:
    """Build the site at `root` strictly with MkDocs; return the output directory."""

    def run(root: Path, strict: bool = True) -> Path:
        config = load_config(str(root / "mkdocs.yml"), strict=strict, site_dir=str(root / "site"))
        build(config)
        return root / "site"

    return run


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own help centre, built once with strict=True at the reference moment."""
    out = tmp_path_factory.mktemp("example") / "site"
    build(load_config(str(REPO / "mkdocs.yml"), strict=True, site_dir=str(out)))
    return out


@pytest.fixture(scope="module")
def served_example(example_site: Path):
    """The example site served on 127.0.0.1 for a module's browser tests."""
    from browser import SiteServer

    with SiteServer(example_site) as server:
        yield server


@pytest.fixture(scope="module")
def chromium():
    """Chromium whose pages have their clock pinned and reach 127.0.0.1 alone (tests/browser.py),
    shared by a module."""
    from browser import browser

    with browser() as instance:
        yield instance


@pytest.fixture(autouse=True)
def _no_request_leaves_the_machine(request: pytest.FixtureRequest):
    """A browser test fails when one of its pages asked for anything not on 127.0.0.1 (a font
    host, an analytics script): the page would depend on the network and leak its readers."""
    yield
    if "chromium" in request.fixturenames:
        instance = request.getfixturevalue("chromium")
        offsite, instance.offsite[:] = list(instance.offsite), []
        assert offsite == [], f"requests that left the machine: {offsite}"


@pytest.fixture
def copy_example(tmp_path: Path) -> Path:
    """A copy of the repository's site sources that a test may edit."""
    root = tmp_path / "example"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "overrides", root / "overrides")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


# A failure, in CI above all, must be rerunnable from its report: each property tries the same
# examples on every run (seeded from the test itself) and prints the blob that replays a failing
# one. Loaded here, before any test module builds its settings on top of the active profile.
hypothesis.settings.register_profile(
    "reproducible", hypothesis.settings.get_profile("default"), derandomize=True, print_blob=True
)
hypothesis.settings.load_profile("reproducible")
