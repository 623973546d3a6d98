"""The plugin brings its own templates: a bare Material site gets the banner, the header's level
switch and search box, feedback and the status pages; Material's header is patched, not copied,
and a theme that cannot carry the banner stops the build with a message."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import material
import pytest
import yaml
from mkdocs.exceptions import Abort
from pages import announce, read, region, text

from frontdesk.mkdocs.theme import ThemeError, patch_alternate, patch_header

ORIGINALS = Path(__file__).parent / "material"
INSTALLED = version("mkdocs-material")
INCIDENT = """\
title: Card payments are failing
impact: major
components: [payments]
started: 2026-11-23T09:00:00Z
cause: Our card processor rejects requests.
eta: 2026-11-23T12:00:00Z
prevention: A second card processor to fail over to.
updates:
  - at: 2026-11-23T09:10:00Z
    status: investigating
    message: Card payments fail; bank transfers work.
"""
ARTICLE = """\
---
title: Pay an invoice by card
audience: novice
summary: How customers pay you by card.
components: [payments]
---
Customers click **Pay now** on the invoice.
"""
FILES = {
    "status/incidents/2026-11-23-card-payments.yml": INCIDENT,
    "articles/pay/index.md": "---\ntitle: Payments\nsummary: Getting paid.\n---\n",
    "articles/pay/cards.md": ARTICLE,
}


def bare_site(make_site, **theme) -> Path:  # noqa: ANN001
    """A Material site with nothing of Frontdesk's but the plugin: no overrides, no nav."""
    root = make_site(FILES)
    config = yaml.safe_load((root / "mkdocs.yml").read_text())
    config["theme"] = {"name": "material", **theme}
    config["plugins"] = ["search", "frontdesk"]
    config.pop("markdown_extensions")
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config))
    return root


PATCHED = {"header": patch_header, "alternate": patch_alternate}  # partials/<name>.html


@pytest.mark.parametrize("name", sorted(PATCHED))
def test_the_installed_materials_partials_are_the_ones_the_patches_were_written_for(
    name: str,
) -> None:
    """When Material changes a patched partial, this fails: check the patches against the new
    file, then keep it here with its patched result (<name>-<version>.html, .patched.html). A
    release that leaves the partial as it was passes: the contents are compared, not names."""
    installed = (Path(material.__file__).parent / f"templates/partials/{name}.html").read_text()
    reviewed = {path.read_text(): path.name for path in ORIGINALS.glob(f"{name}-*[0-9].html")}
    assert installed in reviewed, (
        f"Material {INSTALLED}'s partials/{name}.html is none of the reviewed copies in "
        f"{ORIGINALS}: {', '.join(sorted(reviewed.values()))}"
    )


@pytest.mark.parametrize(
    "original", sorted(ORIGINALS.glob("*-*[0-9].html")), ids=lambda path: path.name
)
def test_patching_materials_partials_gives_the_reviewed_result(original: Path) -> None:
    expected = original.with_name(original.stem + ".patched.html").read_text()
    patch = PATCHED[original.name.split("-")[0]]
    assert patch(original.read_text()) == expected


def test_a_header_without_a_patched_line_stops_with_its_name() -> None:
    original = (Path(material.__file__).parent / "templates/partials/header.html").read_text()
    changed = original.replace('    {% if "material/search" in config.plugins %}\n', "")
    with pytest.raises(ThemeError) as caught:
        patch_header(changed)
    assert str(caught.value) == (
        f"Material {INSTALLED}'s partials/header.html has no line "
        "'{% if \"material/search\" in config.plugins %}': Frontdesk cannot add its level switch "
        "and search box there"
    )


def test_a_bare_material_site_gets_everything(make_site, build_site) -> None:
    site = build_site(bare_site(make_site))
    article = read(site, "articles/pay/cards/")
    assert "Card payments are failing" in text(announce(article))  # the banner
    header = region(article, "md-header__inner")
    assert 'id="fd-level-select"' in header and 'class="fd-search-box"' in header
    assert '<form class="md-feedback" name="feedback" hidden>' in article
    assert "data-pagefind-body" in article
    assert "Card payments are failing" in text(read(site, "status/"))
    assert (site / "status/incidents/2026-11-23-card-payments/index.html").is_file()
    assert list((site / "pagefind/fragment").iterdir()), "the search index is empty"
    # Pages Frontdesk adds stay out of the sidebar a site did not list itself.
    nav = region(article, "md-nav md-nav--primary")
    assert nav and "incidents/" not in nav and "staff/" not in nav and "search/" not in nav


def test_a_theme_other_than_material_is_refused(make_site, build_site, caplog) -> None:
    root = bare_site(make_site)
    config = yaml.safe_load((root / "mkdocs.yml").read_text())
    config["theme"] = {"name": "mkdocs"}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config))
    with pytest.raises(Abort):
        build_site(root)
    assert (
        "theme: name: Frontdesk needs Material for MkDocs (name: material) for its status banner, "
        "level switch and search box; got 'mkdocs'"
    ) in caplog.text


def test_a_main_template_of_the_sites_own_that_drops_frontdesks_base_is_refused(
    make_site, build_site, caplog, monkeypatch
) -> None:
    root = bare_site(make_site, custom_dir="overrides")
    (root / "overrides").mkdir()
    (root / "overrides/main.html").write_text('{% extends "base.html" %}\n')
    monkeypatch.chdir(root)
    with pytest.raises(Abort):
        build_site(root)
    assert (
        "overrides/main.html: extends 'base.html', not 'frontdesk-base.html': pages would have no "
        'status banner and no search marks. Start it with {% extends "frontdesk-base.html" %} and '
        "call super() in the blocks it changes"
    ) in caplog.text
    assert not (root / "site/index.html").exists()


def test_a_main_template_that_extends_frontdesks_base_keeps_the_banner(
    make_site, build_site
) -> None:
    root = bare_site(make_site, custom_dir="overrides")
    (root / "overrides").mkdir()
    (root / "overrides/main.html").write_text(
        '{% extends "frontdesk-base.html" %}\n'
        '{% block extrahead %}{{ super() }}<meta name="x-own" content="1">{% endblock %}\n'
    )
    site = build_site(root)
    article = read(site, "articles/pay/cards/")
    assert '<meta name="x-own" content="1">' in article
    assert "Card payments are failing" in text(announce(article))


def test_a_template_that_empties_the_banners_block_stops_the_build(
    make_site, build_site, caplog
) -> None:
    root = bare_site(make_site, custom_dir="overrides")
    (root / "overrides").mkdir()
    (root / "overrides/main.html").write_text(
        '{% extends "frontdesk-base.html" %}\n{% block announce %}{% endblock %}\n'
    )
    with pytest.raises(Abort):
        build_site(root)
    assert (
        "the status banner is missing from the built page: the theme's templates drop "
        "Material's announce block, where Frontdesk puts it"
    ) in caplog.text


def test_the_examples_overrides_hold_no_copy_of_materials_files() -> None:
    repo = Path(__file__).resolve().parent.parent
    material_templates = Path(material.__file__).parent / "templates"
    for path in (repo / "overrides").rglob("*.html"):
        relative = path.relative_to(repo / "overrides")
        assert relative.as_posix() == "main.html" or not (material_templates / relative).exists()


def test_a_site_with_its_own_nav_hears_nothing_of_the_pages_it_leaves_out(
    make_site, build_site, caplog
) -> None:
    root = make_site(FILES, nav=[{"Home": "index.md"}, {"Payments": "articles/pay/index.md"},
                                 {"Service status": "status/index.md"}])  # fmt: skip
    with caplog.at_level("INFO"):
        site = build_site(root)
    assert 'not included in the "nav" configuration' not in caplog.text
    assert "Card payments are failing" in text(read(site, "status/"))
    # The pages it leaves out are still built, only not listed.
    assert (site / "status/incidents/2026-11-23-card-payments/index.html").is_file()
    assert (site / "articles/pay/cards/index.html").is_file()
