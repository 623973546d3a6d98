"""What a build publishes: the content, read and planned once per language; and the files, the
site's own less the status YAML and the glossary (input, not pages), Frontdesk's generated pages
and assets, each other language's pages, and the machine-readable status (feeds and calendars per
language, the status API once)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from frontdesk.content.errors import ContentError
from frontdesk.content.languages import Language
from frontdesk.content.loading import SiteContent, load_site
from frontdesk.content.loading.status_notices import dated_after, untranslated_news
from frontdesk.mkdocs.languages import SiteLanguages
from frontdesk.mkdocs.setup import ASSET_URI, BuildSetup, asset_files, repo_root
from frontdesk.site.editions import edition_files, plan_editions
from frontdesk.status.machine import SiteInfo, machine_readable_files
from frontdesk.status.machine.entry_html import Markdown
from frontdesk.status.notices import report_notices
from frontdesk.status.view import StatusSettings


def plan_site(
    config: MkDocsConfig,
    setup: BuildSetup,
    status: StatusSettings,
    languages: Sequence[Language],
    reused: SiteContent | None,
) -> tuple[SiteContent, SiteLanguages]:
    """The content (every problem in it stops the build) and its editions; notices printed."""
    root, codes = repo_root(config), [language.code for language in languages]
    levels = [level.name for level in setup.settings.levels]
    try:
        site = load_site(Path(config.docs_dir), root, levels, articles_from=reused, languages=codes)
    except ContentError as exc:
        raise PluginError(str(exc)) from exc
    editions = plan_editions(
        site, setup.now, status, setup.settings, languages, setup.renderer_for, setup.site_info
    )
    news = [
        *untranslated_news(site.status, codes, root),
        *dated_after(site.status, setup.now, root),
    ]
    report_notices(editions[0].view, [*site.notices, *news])
    feedback = {}
    if setup.feedback is not None:  # Frontdesk's "Was this page helpful?", in each language
        feedback = {e.prefix: setup.feedback(e.pages.renderer.interface.gettext) for e in editions}
    return site, SiteLanguages(editions, config.theme["language"], feedback)


def publish_files(
    files: Files,
    config: MkDocsConfig,
    languages: SiteLanguages,
    unpublished: Callable[[str], bool],
    site_info: SiteInfo,
    markdown: Markdown,
) -> Files:
    pages = languages.default.pages
    translations = languages.take_translations(files)
    for file in [f for f in files if unpublished(f.src_uri)]:
        files.remove(file)
    for src_uri in pages.generated:
        files.append(File.generated(config, src_uri, content=pages.stub(src_uri)))
    for file in files.documentation_pages():
        if pages.outside_navigation(file.src_uri, config.nav is not None):
            file.inclusion = InclusionLevel.NOT_IN_NAV
    languages.add_pages(files, translations, config)
    for asset in asset_files():
        files.append(File.generated(config, ASSET_URI + asset.name, abs_src_path=str(asset)))
    translations = [(e.code, e.view, e.site_info) for e in languages.others]
    outputs = machine_readable_files(languages.default.view, site_info, markdown, translations)
    for edition in languages.others:
        outputs.update(edition_files(edition, markdown))
    for path, data in outputs.items():
        files.append(File.generated(config, path, content=data))
    return files
