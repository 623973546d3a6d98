"""Another language's navigation: the site's own, item for item, leading to that language's
pages, with the titles the site wrote in `nav:` (and section titles) in that language."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

NavItem = Page | Section | Link


def mirrored(
    nav: Navigation, files: Files, own: Callable[[str], str], gettext: Callable[[str], str]
) -> Navigation:
    """`nav` with each page replaced by `own(page)`; pages that language lacks are left out."""

    def item(original: NavItem) -> NavItem | None:
        if isinstance(original, Page):
            file = files.get_file_from_path(own(original.file.src_uri))
            if file is None or file.page is None:
                return None
            if "title" in vars(original):  # a title the site wrote in `nav:`
                file.page.title = gettext(original.title or "")
            return file.page
        if isinstance(original, Section):
            return Section(gettext(original.title), list(items(original.children)))
        return Link(gettext(original.title or ""), original.url)

    def items(originals: Iterable[NavItem]) -> Iterable[NavItem]:
        return [mirror for mirror in map(item, originals) if mirror is not None]

    top = list(items(nav.items))
    pages = _pages(top)
    for before, page, after in zip([None, *pages], pages, [*pages[1:], None]):
        page.previous_page, page.next_page = before, after
    _set_parents(top, None)
    return Navigation(top, pages)


def _pages(items: Iterable[NavItem]) -> list[Page]:
    found: list[Page] = []
    for item in items:
        if isinstance(item, Page):
            found.append(item)
        elif isinstance(item, Section):
            found.extend(_pages(item.children))
    return found


def _set_parents(items: Iterable[NavItem], parent: Section | None) -> None:
    for item in items:
        item.parent = parent
        if isinstance(item, Section):
            _set_parents(item.children, item)
