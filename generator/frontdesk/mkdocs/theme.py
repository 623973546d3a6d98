"""Frontdesk's templates in Material's theme, without owning copies of Material's files.

The package's theme folder (frontdesk/site/theme/) joins the template search path after the
site's own custom_dir, so a site can still override any of its files, and before Material's.
Material's header is patched as it loads, at a few exact lines, to add the reader's level switch
and the search box and to cache what every page repeats; a Material release that moves those
lines stops the build with a message naming them, rather than publishing a header without them
(tests/material/ keeps the original each patch was written for).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

import jinja2
import material
from mkdocs.config.defaults import MkDocsConfig

import frontdesk.site

THEME_DIR = Path(frontdesk.site.__file__).parent / "theme"
MATERIAL_TEMPLATES = (Path(material.__file__).parent / "templates").resolve()
BASE_TEMPLATE = "frontdesk-base.html"
COMPILED_TEMPLATES = ".frontdesk/templates"  # beside the build record, never published

_CACHE_IMPORT = '{% import "partials/frontdesk-cache.html" as frontdesk %}\n'
# A page still in the default language: its title in the header marked as written in it.
_TITLE_LANG_OPEN = (
    '{% if frontdesk_title_lang %}<span lang="{{ frontdesk_title_lang }}">{% endif %}'
)
_TITLE_LANG_CLOSE = "{% if frontdesk_title_lang %}</span>{% endif %}"
HEADER_PATCHES = (
    # (exact text in Material's partials/header.html, what it becomes)
    ('{% set class = "md-header" %}\n',
     _CACHE_IMPORT + '{% call frontdesk.cached(frontdesk_fragments, "header-start") %}\n'
     '{% set class = "md-header" %}\n'),
    ("            {% if page.meta and page.meta.title %}\n",
     "{% endcall %}" + _TITLE_LANG_OPEN + "\n            {% if page.meta and page.meta.title %}\n"),
    ("              {{ page.title }}\n            {% endif %}\n",
     "              {{ page.title }}\n            {% endif %}\n" + _TITLE_LANG_CLOSE
     + '{% call frontdesk.cached(frontdesk_fragments, "header-end", outside_nav_only=true) %}\n'),
    # The language switch leads to the page's own translation: it stays out of the cached part.
    ('    {% if config.extra.alternate %}\n      {% include "partials/alternate.html" %}\n'
     '    {% endif %}\n',
     "{% endcall %}"
     '    {% if config.extra.alternate %}\n      {% include "partials/alternate.html" %}\n'
     '    {% endif %}\n'
     '{% call frontdesk.cached(frontdesk_fragments, "header-tools", outside_nav_only=true) %}'),
    ('    {% if "material/search" in config.plugins %}\n',
     '    {% include "partials/level-switch.html" %}\n'
     '    {% if frontdesk_search %}{% include "partials/frontdesk-search.html" %}{% endif %}\n'
     '    {% if "material/search" in config.plugins %}\n'),
    ("</header>\n", "</header>\n{% endcall %}\n"),
)  # fmt: skip


class ThemeError(Exception):
    """The theme cannot carry Frontdesk's banner, header or search marks."""


def add_theme(config: MkDocsConfig) -> None:
    """Put the package's templates after the site's custom_dir and before Material's."""
    if config.theme.name != "material":
        raise ThemeError(
            f"theme: name: Frontdesk needs Material for MkDocs (name: material) for its status "
            f"banner, level switch and search box; got {config.theme.name!r}"
        )
    dirs = config.theme.dirs
    if str(THEME_DIR) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))


def keep_compiled_templates(env: jinja2.Environment, site_dir: Path) -> None:
    """Keep the templates a build compiles in the site's working state, so that a status publish
    loads them rather than compiling Material's and Frontdesk's templates again. Each is checked
    against its source (as patched) when loaded."""
    env.bytecode_cache = _CompiledTemplates(str(site_dir / COMPILED_TEMPLATES))


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        os.makedirs(self.directory, exist_ok=True)  # a build empties the site folder first
        super().dump_bytecode(bucket)


# Each language's link is a full page load (its own `<html lang>` and Material's words in that
# language), named in its own language.
ALTERNATE_PATCHES = (
    ('hreflang="{{ alt.lang }}" class="md-select__link">',
     'hreflang="{{ alt.lang }}" lang="{{ alt.lang }}" class="md-select__link" target="_self">'),
)  # fmt: skip


def patch_material(env: jinja2.Environment) -> None:
    env.loader = _PatchingLoader(
        env.loader,
        {"partials/header.html": patch_header, "partials/alternate.html": patch_alternate},
    )


def patch_header(source: str) -> str:
    """Material's header with Frontdesk's additions, or a ThemeError naming the missing line."""
    return _patched(
        "partials/header.html", source, HEADER_PATCHES, "its level switch and search box"
    )


def patch_alternate(source: str) -> str:
    return _patched("partials/alternate.html", source, ALTERNATE_PATCHES, "its language switch")


def _patched(name: str, source: str, patches: tuple[tuple[str, str], ...], what: str) -> str:
    for anchor, replacement in patches:
        found = source.count(anchor)
        if found != 1:
            raise ThemeError(
                f"Material {version('mkdocs-material')}'s {name} has "
                f"{found or 'no'} line{'s' if found > 1 else ''} "
                f"{anchor.strip()!r}: Frontdesk cannot add {what} there"
            )
        source = source.replace(anchor, replacement)
    return source


def check_main_template(env: jinja2.Environment) -> None:
    """main.html must extend Frontdesk's base (directly or through the site's own templates):
    without it pages have no status banner and nothing marked for the search index."""
    name: str | None = "main.html"
    seen: list[str] = []
    first: tuple[str, str | None] | None = None  # main.html's file, and what it extends
    while name is not None and name not in seen:
        if name == BASE_TEMPLATE:
            return
        seen.append(name)
        source, filename, _ = env.loader.get_source(env, name)
        name = _extended(env, source)
        first = first or (_shown(filename), name)
    where, extends = first or ("main.html", None)
    extended = f"extends {extends!r}" if extends else "extends no template"
    raise ThemeError(
        f"{where}: {extended}, not {BASE_TEMPLATE!r}: pages would have no status banner and no "
        f'search marks. Start it with {{% extends "{BASE_TEMPLATE}" %}} and call super() in the '
        "blocks it changes"
    )


def _extended(env: jinja2.Environment, source: str) -> str | None:
    for node in env.parse(source).find_all(jinja2.nodes.Extends):
        if isinstance(node.template, jinja2.nodes.Const):
            return node.template.value
    return None


def _shown(filename: str | None) -> str:
    if not filename:
        return "main.html"
    path = Path(filename).resolve()
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


class _PatchingLoader(jinja2.BaseLoader):
    """The theme's loader, with Material's own copy of some templates patched as it loads."""

    def __init__(self, inner: jinja2.BaseLoader, patches: dict[str, Callable[[str], str]]) -> None:
        self.inner, self.patches = inner, patches

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.inner.get_source(environment, template)
        patch = self.patches.get(template)
        if patch and filename and Path(filename).resolve().is_relative_to(MATERIAL_TEMPLATES):
            source = patch(source)
        return source, filename, uptodate

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()
