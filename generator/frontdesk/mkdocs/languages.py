"""A site's languages in one MkDocs build: every page once more under /<code>/ (its translation,
else the default language's text, marked), each language with its own navigation, Material's
words in that language (`theme.language`) and a switch to the same page in the others
(`extra.alternate`, which Material also gives as `hreflang` links). One build, so that the root
pages, the sitemap and every other plugin see one site; without languages nothing changes."""

from __future__ import annotations

import posixpath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation

from frontdesk.content.languages import translation_parts
from frontdesk.mkdocs.navigation import mirrored
from frontdesk.site.editions import Edition
from frontdesk.site.rendering import page_url


class SiteLanguages:
    def __init__(
        self, editions: list[Edition], theme_language: str, feedback: dict | None = None
    ) -> None:
        self.editions = editions
        self.feedback = feedback or {}  # Material's feedback widget by language, if Frontdesk's
        self.default = editions[0]
        self.others = editions[1:]
        self.prefixes = tuple(edition.prefix for edition in self.others)
        self.theme_language = theme_language  # as the site set it, restored after the build

    def edition_of(self, src_uri: str) -> tuple[Edition, str]:
        """The edition a page belongs to, and the page of the default language it is."""
        for edition in self.others:
            if src_uri.startswith(edition.prefix):
                return edition, src_uri[len(edition.prefix) :]
        return self.default, src_uri

    def take_translations(self, files: Files) -> dict[tuple[str, str], File]:
        """The pages written in another language (`reset.de.md`), out of the files MkDocs
        publishes as they are: by the page they translate and the language."""
        codes = {edition.code for edition in self.others}
        found: dict[tuple[str, str], File] = {}
        for file in files.documentation_pages():
            parts = translation_parts(posixpath.basename(file.src_uri))
            if parts is None or parts[1] not in codes:
                continue
            original = posixpath.join(posixpath.dirname(file.src_uri), parts[0])
            if files.get_file_from_path(original) is None:
                raise PluginError(
                    f"{file.src_uri}: a translation of {parts[0]}, which does not exist"
                )
            found[(original, parts[1])] = file
            files.remove(file)
        return found

    def add_pages(
        self, files: Files, translations: dict[tuple[str, str], File], config: MkDocsConfig
    ) -> None:
        """Every page of the default language once more in each other language's folder."""
        originals = files.documentation_pages()
        for edition in self.others:
            for file in self._pages_of(edition, originals, translations, config):
                files.append(file)

    def _pages_of(
        self, edition: Edition, originals: list[File], translations: dict, config: MkDocsConfig
    ) -> list[File]:
        made, untranslated = [], set()
        for original in originals:
            src_uri, own = original.src_uri, edition.own(original.src_uri)
            if src_uri in edition.pages.generated:
                file = File.generated(config, own, content=edition.pages.stub(src_uri))
            elif src_uri in self.default.pages.generated:
                continue  # a page for the team, in the default language only
            else:
                translation = translations.get((src_uri, edition.code))
                source = (translation or original).abs_src_path
                file = File.generated(config, own, abs_src_path=str(source))
                if translation is None:
                    untranslated.add(src_uri)
            file.inclusion = InclusionLevel.NOT_IN_NAV  # its own navigation leads to it
            made.append(file)
        edition.pages.renderer.untranslated_pages = frozenset(untranslated)
        return made

    def set_navigation(self, nav: Navigation, files: Files) -> None:
        self.default.nav = nav
        for edition in self.others:
            gettext = edition.pages.renderer.interface.gettext
            edition.nav = mirrored(nav, files, edition.own, gettext)

    def at_page(
        self, config: MkDocsConfig, context: dict, edition: Edition, src_uri: str, files: Files
    ) -> None:
        """A page of `edition`: Material's words in its language, its navigation, and the
        same page in every language for the switch and `hreflang`."""
        if not self.others:
            return
        config.theme["language"] = edition.code
        config.extra["alternate"] = self._alternates(src_uri, files, config.use_directory_urls)
        if self.feedback:
            config.extra["analytics"] = self.feedback[edition.prefix]
        context["nav"] = edition.nav

    def at_theme_page(self, config: MkDocsConfig) -> None:
        """The theme's own pages (404, sitemap): the default language, no other."""
        if self.others:
            config.theme["language"] = self.default.code
            config.extra.pop("alternate", None)
            if self.feedback:
                config.extra["analytics"] = self.feedback[self.default.prefix]

    def finish(self, config: MkDocsConfig) -> None:
        """The configuration as the site wrote it, for whatever runs after the build."""
        self.at_theme_page(config)
        if self.others:
            config.theme["language"] = self.theme_language

    def _alternates(self, src_uri: str, files: Files, directory_urls: bool) -> list[dict]:
        found = []
        for edition in self.editions:
            if files.get_file_from_path(edition.own(src_uri)) is None:
                continue  # a page for the team, in one language
            assert edition.language is not None
            target = edition.own(page_url(src_uri, directory_urls)) or "./"
            found.append({"name": edition.language.name, "link": target, "lang": edition.code})
        return found if len(found) > 1 else []
