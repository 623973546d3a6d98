"""Every YAML, Markdown and configuration sample in README.md and STAFF.md is what it claims to be:
configuration that MkDocs and the plugin accept, status files and articles the loader accepts,
YAML and TOML that parse. A sample can never again be wrong."""

from __future__ import annotations

import logging
import re
import shutil
import textwrap
import tomllib
from pathlib import Path

import pytest
import yaml
from conftest import COMPONENTS, REPO
from mkdocs.config import load_config

from frontdesk.content.loading import load_site

# A fence at any indentation (STAFF.md indents samples under list items), closed at the same.
FENCE = re.compile(r"^( *)```(\w*)\n(.*?)^\1```", re.M | re.S)
LEVELS = ["novice", "intermediate", "expert"]
STARTER_STAFF = "generator/frontdesk/cli/starter_site/STAFF.md"
DOCUMENTS = ("README.md", "STAFF.md", STARTER_STAFF)
# How many samples of each kind each document has: a sample the pattern misses fails here.
COUNTS = {
    ("README.md", "yaml"): 8, ("README.md", "markdown"): 2,
    ("STAFF.md", "yaml"): 1, ("STAFF.md", "toml"): 1,
    (STARTER_STAFF, "yaml"): 1,
}  # fmt: skip


def samples(kind: str, documents: tuple[str, ...] = DOCUMENTS) -> list[tuple[str, str]]:
    found = []
    for name in documents:
        text = (REPO / name).read_text(encoding="utf-8")
        for match in FENCE.finditer(text):
            if match.group(2) == kind:
                line = text.count("\n", 0, match.start()) + 1
                body = textwrap.dedent(match.group(3)) if match.group(1) else match.group(3)
                found.append((f"{name}:{line}", body))
    return found


def ids(found: list[tuple[str, str]]) -> list[str]:
    return [where for where, _ in found]


class _EnvLoader(yaml.SafeLoader):
    """mkdocs.yml's own !ENV tag, read as the value it names or its default."""


_EnvLoader.add_constructor("!ENV", lambda loader, node: None)

YAML = samples("yaml")
MARKDOWN = [(where, text) for where, text in samples("markdown") if text.startswith("---\n")]


def test_the_documents_have_samples_to_check() -> None:
    counted = {
        (name, kind): len(samples(kind, (name,))) for name, kind in COUNTS
    }  # fmt: skip
    assert counted == COUNTS


@pytest.mark.parametrize(("where", "sample"), YAML, ids=ids(YAML))
def test_yaml_samples_are_accepted_for_what_they_are(
    where: str, sample: str, tmp_path, caplog
) -> None:
    data = yaml.load(sample, _EnvLoader)
    assert isinstance(data, dict), where
    root = site(tmp_path)
    if "plugins" in data:  # a part of mkdocs.yml: the plugin must accept its options
        config = {"site_name": "Sample", "site_url": "https://help.example.test/",
                  "docs_dir": "content", "theme": {"name": "material"}, **data}  # fmt: skip
        (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
        loaded = load_config(str(root / "mkdocs.yml"))
        loaded.plugins.on_config(loaded)
        warned = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
        assert warned == [], where  # an unknown option is only a warning to MkDocs
        return
    if "on" in data or True in data:  # a part of a workflow: a schedule
        on = data.get("on", data.get(True))
        assert all(len(entry["cron"].split()) == 5 for entry in on["schedule"]), where
        return
    if "groups" in data:
        target = root / "content/status/components.yml"
    elif "impact" in data:
        target = root / "content/status/incidents/sample.yml"
    elif "start" in data and "end" in data:
        target = root / "content/status/maintenance/sample.yml"
    else:
        pytest.fail(f"{where}: a YAML sample of no known kind")
    target.write_text(sample, encoding="utf-8")
    # A sample written per language is read as a site in English and German reads it.
    per_language = re.search(r"^\s*(en|de):|\{en:", sample, re.MULTILINE)
    load_site(root / "content", root, LEVELS, languages=("en", "de") if per_language else ())


@pytest.mark.parametrize(("where", "sample"), MARKDOWN, ids=ids(MARKDOWN))
def test_article_samples_load(where: str, sample: str, tmp_path) -> None:
    root = site(tmp_path)
    (root / "content/articles/account/sample.md").write_text(sample, encoding="utf-8")
    articles = load_site(root / "content", root, LEVELS).articles
    assert [a.src_uri for a in articles] == ["articles/account/sample.md"], where


@pytest.mark.parametrize(("where", "sample"), samples("toml"), ids=ids(samples("toml")))
def test_toml_samples_parse(where: str, sample: str) -> None:
    assert tomllib.loads(sample), where


def site(tmp_path: Path) -> Path:
    """Content the samples can name: the components the README's incident and maintenance
    samples use, and a category for an article."""
    root = tmp_path / "sample-site"
    status = root / "content/status"
    for folder in ("incidents", "maintenance"):
        (status / folder).mkdir(parents=True)
    extra = "\n".join(
        f"      - id: {cid}\n        name: {cid}" for cid in ("web-app", "bank-feeds")
    )
    (status / "components.yml").write_text(COMPONENTS + extra + "\n", encoding="utf-8")
    category = root / "content/articles/account"
    category.mkdir(parents=True)
    (category / "index.md").write_text("---\ntitle: Account\nsummary: Yours.\n---\n")
    (root / "content/index.md").write_text("---\ntitle: Home\n---\n")
    shutil.copy(REPO / "content/glossary.yml", root / "content/glossary.yml")
    return root
