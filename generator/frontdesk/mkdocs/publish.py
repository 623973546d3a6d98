"""Publish a status change into an already built site, without rebuilding the articles.

A full build records a fingerprint of everything except the status files. `publish_status` checks
it, renders only the pages that depend on the status (status pages, front page, review list)
through MkDocs' own pipeline into a staging folder, replaces the status regions of every other
page where it is (banner, status time, article notices and help panels; page_patcher.py),
re-indexes the status pages for search, and puts each file in place with a rename, so readers
never see a half-written page.
The result is byte-identical to a full build at the same SOURCE_DATE_EPOCH; when it cannot be
sure of that (articles, templates or settings changed), it says so and the caller builds in full.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import mkdocs
from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page

from frontdesk.mkdocs.build_cache import BuildCache, read_cache, write_atomically, write_cache
from frontdesk.mkdocs.page_patcher import PagePatcher
from frontdesk.mkdocs.theme import keep_compiled_templates
from frontdesk.site import pages as site_pages
from frontdesk.site.page_patch import SharedRegions

MANIFEST = ".frontdesk/build.json"
STAGING = ".frontdesk/staging"
COMPONENTS = "status/components.yml"  # as keyed in the build record's status_sources


class FullBuildNeeded(Exception):
    """The fast path cannot promise the same bytes as a full build; the message says why."""


@dataclass
class PublishReport:
    rendered: list[str] = field(default_factory=list)
    patched: int = 0
    removed: list[str] = field(default_factory=list)


def input_fingerprint(config: MkDocsConfig) -> str:
    """A hash of every build input except the status files: docs, config, overrides, versions."""
    digest = hashlib.sha256()
    roots = [(config.docs_dir, "docs")]
    if config.theme.custom_dir:
        roots.append((config.theme.custom_dir, "overrides"))
    for root, label in roots:
        for relative, path in _files_under(root):
            if label == "docs" and site_pages.is_status_source(relative):
                continue
            digest.update(f"{label}/{relative}\0".encode())
            with open(path, "rb") as stream:
                digest.update(hashlib.sha256(stream.read()).digest())
    digest.update(Path(config.config_file_path).read_bytes())
    digest.update(
        f"{mkdocs.__version__} {_package_version('mkdocs-material')} {_frontdesk_version()}".encode()
    )
    return digest.hexdigest()


def nav_signature(nav: Navigation) -> list[str]:
    return [f"{item.title}\t{getattr(item, 'url', '')}" for item in _walk(nav.items)]


def status_sources(config: MkDocsConfig) -> dict[str, str]:
    """Each status file's hash, so that a resolved incident's page is rendered only when it changes."""
    sources = {}
    for relative, path in _files_under(os.path.join(config.docs_dir, site_pages.STATUS_DIR)):
        relative = f"{site_pages.STATUS_DIR}/{relative}"
        if site_pages.is_status_source(relative):
            with open(path, "rb") as stream:
                sources[relative] = hashlib.sha256(stream.read()).hexdigest()
    return sources


def _files_under(root: str) -> list[tuple[str, str]]:
    """Every file below `root` as (its path from there, with slashes; its full path), sorted."""
    found = []
    for folder, _, names in os.walk(root):
        inside = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if inside == "." else inside + "/"
        found.extend((prefix + name, os.path.join(folder, name)) for name in names)
    return sorted(found)


def write_manifest(
    config: MkDocsConfig,
    nav: Navigation,
    generated: Iterable[str],
    inputs: str | None = None,
    sources: dict[str, str] | None = None,
) -> None:
    """Record the build; `inputs` and `sources` are computed here unless the caller has them."""
    manifest = {
        "inputs": inputs or input_fingerprint(config),
        "status_sources": status_sources(config) if sources is None else sources,
        "nav": nav_signature(nav),
        "generated": sorted(generated),
    }
    write_atomically(
        Path(config.site_dir) / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True).encode()
    )


def publish_status(config: MkDocsConfig) -> PublishReport:
    """Update config.site_dir for the current status content; raises FullBuildNeeded."""
    site_dir = Path(config.site_dir)
    manifest = _read_manifest(site_dir)
    if manifest.get("inputs") != input_fingerprint(config):
        raise FullBuildNeeded("articles, templates or settings changed since the last full build")
    staging = site_dir / STAGING
    shutil.rmtree(staging, ignore_errors=True)
    try:
        return _publish(config, manifest, site_dir, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _publish(config: MkDocsConfig, manifest: dict, site_dir: Path, staging: Path) -> PublishReport:
    sources = status_sources(config)
    config = config.plugins.on_config(config)
    plugin = config.plugins["frontdesk"]
    keep_compiled_templates(plugin.renderer.env, site_dir)
    config.site_dir = str(staging)  # rendered pages and files are written here, then renamed
    if manifest.get("status_sources", {}).get(COMPONENTS) == sources.get(COMPONENTS):
        plugin.reuse = read_cache(site_dir)  # the articles were checked against these components
    config.plugins.on_pre_build(config=config)
    files = mkdocs_build.get_files(config)
    env = config.theme.get_env()  # the theme's own files are in place from the full build
    keep_compiled_templates(env, site_dir)
    files = config.plugins.on_files(files, config=config)
    set_exclusions(files, config)
    nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
    report = PublishReport()
    settled = _unchanged_settled(
        plugin.pages.settled, manifest.get("status_sources", {}), sources, config, site_dir, files
    )
    wanted = {
        edition.own(src_uri)
        for edition in plugin.editions.editions
        for src_uri in edition.pages.status_dependent - settled
    }
    in_nav = {
        page.file.src_uri for edition in plugin.editions.editions for page in edition.nav.pages
    }
    docs = _read_pages(config, files, in_nav, wanted)
    if nav_signature(nav) != manifest.get("nav"):
        raise FullBuildNeeded("the navigation would change")
    env = config.plugins.on_env(env, config=config, files=files)
    plugin.indexer = None  # the status bundle is re-indexed once the pages are in place
    # Each language's status page first: its banner and status time go on every page of it.
    status_pages = [_file(files, e.own(site_pages.STATUS_PAGE)) for e in plugin.editions.editions]
    shared = {}
    for edition, status_page in zip(plugin.editions.editions, status_pages):
        _render(status_page, config, docs, nav, env, report)
        regions = SharedRegions.of((staging / status_page.dest_uri).read_text("utf-8"))
        if regions is None:
            raise FullBuildNeeded("the status page has no banner or status time to copy")
        shared[edition.prefix] = regions

    def parts(src_uri: str) -> tuple[site_pages.SitePages, SharedRegions, str]:
        edition, own = plugin.editions.edition_of(src_uri)
        return edition.pages, shared[edition.prefix], own

    # The articles are patched (by a second process too) while the other pages are rendered.
    patcher = PagePatcher(
        files, wanted, parts, site_dir, plugin.config.parallel, plugin.editions.prefixes
    )
    indexer = None
    try:
        for file in docs:
            if file.src_uri in wanted and file not in status_pages:
                _render(file, config, docs, nav, env, report)
        _copy_generated(files)
        mkdocs_build._build_theme_template("sitemap.xml", env, files, config, nav)
        generated = generated_outputs(files)
        indexer = patcher.status_index() if plugin.settings.search else None
        report.patched = patcher.finish(staging, indexer)
        _move_into_place(staging, site_dir)
        report.removed = _remove_stale(site_dir, manifest.get("generated", []), generated)
        if indexer is not None:
            indexer.finish()
    except BaseException:
        patcher.stop()
        if indexer is not None:
            indexer.abandon()
        raise
    # The record comes last: after a publish that stopped part-way, the next one still sees
    # what changed since the last complete one.
    config.site_dir = str(site_dir)
    write_manifest(config, nav, generated, manifest["inputs"], sources)
    write_cache(site_dir, BuildCache(plugin.site, plugin.markdown.rendered))
    return report


def _read_pages(
    config: MkDocsConfig, files: Files, in_nav: set[str], wanted: set[str]
) -> list[File]:
    """Read the pages to render, and the titles every page's navigation shows (`in_nav`: the
    pages of every language's navigation)."""
    docs = files.documentation_pages()
    for file in docs:
        if file.page is None:
            Page(None, file, config)  # as a full build does: the sitemap lists every page
        if file.src_uri in wanted:
            mkdocs_build._populate_page(file.page, config, files)
        elif file.src_uri in in_nav:
            file.page.read_source(config)
    return docs


def _render(file: File, config: MkDocsConfig, docs, nav, env, report: PublishReport) -> None:  # noqa: ANN001
    mkdocs_build._build_page(file.page, config, docs, nav, env)
    report.rendered.append(file.src_uri)


def _unchanged_settled(
    settled: dict[str, str],
    before: dict[str, str],
    now: dict[str, str],
    config: MkDocsConfig,
    site_dir: Path,
    files: Files,
) -> set[str]:
    """Resolved incidents whose file (and the components they name) did not change: their
    built pages only need the banner and status time replaced, like an article's."""
    if before.get(COMPONENTS) != now.get(COMPONENTS):
        return set()
    docs = Path(config.docs_dir)
    unchanged = set()
    for src_uri, source in settled.items():
        key = (
            (Path(config.config_file_path).parent / source)
            .resolve()
            .relative_to(docs.resolve())
            .as_posix()
        )
        file = files.get_file_from_path(src_uri)
        if (
            before.get(key) == now.get(key)
            and file is not None
            and (site_dir / file.dest_uri).is_file()
        ):
            unchanged.add(src_uri)
    return unchanged


def _copy_generated(files: Files) -> None:
    """Machine-readable files and assets come from the plugin; copy them into staging."""
    for file in files:
        if file.generated_by == "frontdesk" and not file.is_documentation_page():
            file.copy_file(dirty=False)


def generated_outputs(files: Files) -> list[str]:
    """Everything Frontdesk adds to a site, by output path."""
    return [f.dest_uri for f in files if f.generated_by == "frontdesk"]


def _move_into_place(staging: Path, site_dir: Path) -> None:
    """Rename every staged file over its counterpart, folder by folder in name order."""
    for folder, subfolders, names in os.walk(staging):
        subfolders.sort()
        if not names:
            continue
        target = site_dir / Path(folder).relative_to(staging)
        if not target.is_dir():  # a page's folder mostly exists: a stat is cheaper than mkdir
            target.mkdir(parents=True, exist_ok=True)
        for name in sorted(names):
            os.replace(os.path.join(folder, name), target / name)


def _remove_stale(site_dir: Path, before: Iterable[str], now: Iterable[str]) -> list[str]:
    """Pages and files of entries that no longer exist (a deleted incident file)."""
    stale = sorted(set(before) - set(now))
    for dest in stale:
        path = site_dir / dest
        path.unlink(missing_ok=True)
        if path.parent != site_dir and path.parent.is_dir() and not any(path.parent.iterdir()):
            path.parent.rmdir()
    return stale


def _file(files: Files, src_uri: str) -> File:
    file = files.get_file_from_path(src_uri)
    if file is None:
        raise FullBuildNeeded(f"{src_uri} is missing")
    return file


def _read_manifest(site_dir: Path) -> dict:
    path = site_dir / MANIFEST
    if not path.is_file():
        raise FullBuildNeeded(f"{site_dir} has no record of a full Frontdesk build")
    return json.loads(path.read_text("utf-8"))


def _walk(items: Iterable) -> Iterable:
    for item in items:
        yield item
        yield from _walk(getattr(item, "children", None) or [])


def _package_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


def _frontdesk_version() -> str:
    """The package's own code is an input too: hash its sources and templates."""
    digest = hashlib.sha256()
    root = os.path.dirname(os.path.dirname(__file__))  # the whole frontdesk package
    for relative, path in _files_under(root):
        if "__pycache__" not in relative.split("/"):
            digest.update(relative.encode())
            with open(path, "rb") as stream:
                digest.update(stream.read())
    return digest.hexdigest()
