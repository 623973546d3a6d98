"""What a build decides from its configuration before reading any content: the moment it
describes, the Markdown and template renderers, the site's settings, and the theme, search,
Markdown extensions and assets it adds to MkDocs' configuration."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from frontdesk.audience.passages import GlossaryExtension, LevelBlockExtension
from frontdesk.content.clock import ClockError, build_time
from frontdesk.content.errors import ContentError
from frontdesk.content.languages import Language
from frontdesk.content.loading.glossary import load_glossary
from frontdesk.mkdocs.config import FrontdeskConfig, audiences, contact, feedback_widget
from frontdesk.mkdocs.theme import (
    MATERIAL_TEMPLATES,
    ThemeError,
    add_theme,
    keep_compiled_templates,
)
from frontdesk.notify.channels import unknown_languages
from frontdesk.site import pages as site_pages
from frontdesk.site.editions import RendererFor
from frontdesk.site.interface import InterfaceText
from frontdesk.site.markup import MarkupRenderer, markdown_renderer
from frontdesk.site.rendering import Renderer
from frontdesk.status.machine import SiteInfo

ASSETS = Path(__file__).parent.parent / "site" / "assets"
ASSET_URI = "assets/frontdesk/"
SITE_URL_REQUIRED = "site_url: required, for the links in feeds, calendars and the status API"


@dataclass
class BuildSetup:
    now: datetime
    site_info: SiteInfo
    markdown: MarkupRenderer
    renderer: Renderer
    settings: site_pages.SiteSettings
    renderer_for: RendererFor  # each language's renderer (the default's is `renderer`)
    feedback: Callable[[Callable[[str], str]], dict] | None = None  # the widget, in given words


def set_up(
    config: MkDocsConfig, options: FrontdeskConfig, compiled: str | None = None
) -> BuildSetup:
    """Everything on_config decides; MkDocs' configuration gains theme, search and extensions.
    `compiled`: where the renderers keep their compiled templates (a full build's site)."""
    if not config.site_url:
        raise PluginError(SITE_URL_REQUIRED)
    try:
        add_theme(config)
        now = build_time()
        glossary = load_glossary(Path(config.docs_dir) / options.glossary, repo_root(config))
    except (ClockError, ContentError, ThemeError) as exc:
        raise PluginError(str(exc)) from exc
    site_url = config.site_url.rstrip("/") + "/"
    markdown = markdown_renderer(config.markdown_extensions, config.mdx_configs)
    _check_languages(options.languages)
    wrong_channels = unknown_languages(options.notify, [lang.code for lang in options.languages])
    if wrong_channels:
        raise PluginError("\n".join(wrong_channels))
    if len(options.languages) > 1 and options.search == "builtin":
        raise PluginError(
            "search: builtin: Material's built-in search keeps one index for every language, "
            "so readers would get results in all of them; with languages, use search: pagefind "
            "(the default), which keeps an index per language"
        )
    custom_dir = config.theme.custom_dir
    site_dirs = [Path(custom_dir)] if custom_dir else []

    def new_renderer(language: Language | None, prefix: str) -> Renderer:
        made = Renderer(
            markdown, override_dirs=site_dirs, directory_urls=config.use_directory_urls,
            base_path=urlsplit(site_url).path, prefix=prefix,
            interface=InterfaceText(language.code, site_dirs) if language else None,
            default_language=options.languages[0] if options.languages else None,
        )  # fmt: skip
        if compiled:
            keep_compiled_templates(made.env, Path(compiled))
        return made

    renderer = new_renderer(options.languages[0] if options.languages else None, "")

    def renderer_for(language: Language | None, prefix: str) -> Renderer:
        return new_renderer(language, prefix) if prefix else renderer

    settings = site_pages.SiteSettings(
        site_name=config.site_name, site_url=site_url, levels=tuple(audiences(options)),
        contact=contact(options), search=options.search == "pagefind",
        review_age_months=options.review_age_months, directory_urls=config.use_directory_urls,
    )  # fmt: skip
    _use_search(config, settings.search)
    config.markdown_extensions.append(LevelBlockExtension(settings.levels))
    if glossary:
        config.markdown_extensions.append(GlossaryExtension(glossary, settings.levels[0].name))
    feedback = None
    if "analytics" not in config.extra:  # the site's own analytics, if it has some, stay
        feedback = partial(feedback_widget, settings.contact, site_url)
        config.extra["analytics"] = feedback(renderer.interface.gettext)
    _add_assets(config)
    info = SiteInfo(config.site_name, site_url)
    return BuildSetup(now, info, markdown, renderer, settings, renderer_for, feedback)


def _check_languages(languages: Sequence[Language]) -> None:
    """Each language needs Material's own words for it (its `theme.language`)."""
    for index, language in enumerate(languages):
        if not (MATERIAL_TEMPLATES / "partials" / "languages" / f"{language.code}.html").is_file():
            raise PluginError(
                f"languages[{index}].code: Material for MkDocs has no interface text for "
                f"{language.code!r}, so its menus and labels could not be shown in that language"
            )


def repo_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path or ".").resolve().parent


def asset_files() -> list[Path]:
    return sorted(ASSETS.iterdir())


def _use_search(config: MkDocsConfig, pagefind: bool) -> None:
    builtin = config.plugins.get("material/search") or config.plugins.get("search")
    if pagefind and builtin is not None:
        builtin.config.enabled = False  # the Pagefind index replaces it


def _add_assets(config: MkDocsConfig) -> None:
    for asset in asset_files():
        target = config.extra_css if asset.suffix == ".css" else config.extra_javascript
        if ASSET_URI + asset.name not in target:
            target.append(ASSET_URI + asset.name)
