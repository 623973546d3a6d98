"""Audience levels in built pages: badges, passages (shown and labelled without JavaScript),
level indexes, the front page's start-here, glossary terms, and the writers' checks."""

from __future__ import annotations

import re

from click.testing import CliRunner
from pages import content, read, region, text

from frontdesk.audience.levels import readability_notices, reading_grade
from frontdesk.cli.main import main
from frontdesk.content.models import ArticleMeta, Audience

NOVICE = """\
---
title: Send your first invoice
audience: novice
summary: From a blank page to a sent invoice.
alternatives: [../api/invoices-api.md]
---
An invoice tells your customer what they owe. Reconciliation comes later.

/// level | novice
An **invoice** is a bill. Reconciliation is explained in `reconciliation` docs.

!!! tip "Inside a passage"
    Admonitions nest inside level passages.

- a list item
- another

```python
print("code stays code: reconciliation")
```
///

!!! note "A note"
    /// level | expert
    Experts can use the API instead.
    {: #api-shortcut }
    ///

/// level | intermediate, expert
Shortcut: press ++n++.
///
"""

EXPERT = """\
---
title: Create invoices with the API
audience: expert
summary: POST /v1/invoices with an idempotency key.
---
Use `POST /v1/invoices`. See [the shortcut](../billing/first-invoice.md#api-shortcut).
"""

INTERMEDIATE = """\
---
title: Recurring invoices
audience: intermediate
summary: Bill the same customer every month.
---
Set a schedule.
"""

GLOSSARY = (
    "Reconciliation: Matching payments to invoices.\nAPI: A way for programs to talk to us.\n"
)


def site_files() -> dict[str, str]:
    return {
        "articles/billing/first-invoice.md": NOVICE,
        "articles/billing/recurring.md": INTERMEDIATE,
        "articles/billing/index.md": "---\ntitle: Billing\nsummary: Invoices.\n---\nAll about bills.\n",
        "articles/api/invoices-api.md": EXPERT,
        "glossary.yml": GLOSSARY,
        "index.md": "---\ntitle: Home\n---\nWelcome.\n\n<!-- frontdesk:start-here -->\n\nMore.\n",
    }


def test_articles_show_their_level_badge_and_note(make_site, build_site) -> None:
    site = build_site(make_site(site_files()))
    page = content(read(site, "articles/billing/first-invoice/"))
    badge = text(region(page, "fd-level-badge"))
    assert (
        badge == "Novice Written for novice readers: New to this: every step explained, no jargon."
    )
    note = region(page, "fd-level-note")
    assert 'data-fd-article-level="novice"' in note
    assert "Create invoices with the API" in text(note) and "(expert)" in text(note)
    expert = content(read(site, "articles/api/invoices-api/"))
    assert "Expert Written for expert readers" in text(region(expert, "fd-level-badge"))


def test_passages_are_all_in_the_html_labelled_and_nested(make_site, build_site) -> None:
    page = content(read(build_site(make_site(site_files())), "articles/billing/first-invoice/"))
    blocks = re.findall(r'<div class="fd-level-block" data-fd-levels="([^"]+)"', page)
    assert blocks == ["novice", "expert", "intermediate expert"]
    novice = region(page, 'fd-level-block" data-fd-levels="novice')
    assert text(novice).startswith("For novice readers An invoice is a bill.")
    assert "admonition tip" in novice and "<li>a list item</li>" in novice and "<code>" in novice
    note = region(page, "admonition note")
    assert 'data-fd-levels="expert"' in note and "For expert readers" in text(note)
    assert 'id="api-shortcut"' in page
    assert "For intermediate and expert readers" in text(page)


def test_the_glossary_explains_a_terms_first_use_for_novices(make_site, build_site) -> None:
    page = content(read(build_site(make_site(site_files())), "articles/billing/first-invoice/"))
    terms = re.findall(r'<abbr class="fd-term" title="([^"]+)">([^<]+)</abbr>', page)
    assert terms == [("Matching payments to invoices.", "Reconciliation")]  # first use only
    assert (
        '<span class="fd-term-explained" data-fd-levels="novice"> (Matching payments to invoices)</span>'
        in page
    )
    assert "code stays code: reconciliation" in text(page)


def test_level_indexes_list_articles_by_category_with_summaries(make_site, build_site) -> None:
    site = build_site(make_site(site_files()))
    novice = text(content(read(site, "levels/novice/")))
    assert "Help for novice readers" in novice
    assert "Billing Send your first invoice From a blank page to a sent invoice." in novice
    assert "Create invoices with the API" not in novice
    expert = text(content(read(site, "levels/expert/")))
    assert "Api Create invoices with the API POST /v1/invoices with an idempotency key." in expert
    overview = text(content(read(site, "levels/")))
    for label in ("Novice", "Intermediate", "Expert"):
        assert label in overview


def test_front_page_offers_a_start_here_path_per_level_where_the_page_asks(
    make_site, build_site
) -> None:
    page = content(read(build_site(make_site(site_files())), "/"))
    body = text(page)
    assert body.index("Welcome.") < body.index("Novice New to this") < body.index("More.")
    start = region(page, "fd-start-here")
    assert 'href="levels/novice/"' in start and 'href="articles/billing/first-invoice/"' in start


def test_headings_inside_passages_and_readability_are_notices(make_site, capsys) -> None:
    files = site_files()
    files["articles/billing/recurring.md"] = (
        INTERMEDIATE + "\n/// level | novice\n## Hidden heading\nText.\n///\n"
    )
    hard = (
        "Notwithstanding considerable organisational heterogeneity, reconciliation methodologies necessitate comprehensive documentation. "
        * 8
    )
    files["articles/billing/hard.md"] = (
        "---\ntitle: Hard\naudience: novice\nsummary: Hard.\n---\n" + hard
    )
    root = make_site(files)
    result = CliRunner().invoke(main, ["check", "-f", str(root / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    err = capsys.readouterr().err + result.output
    assert "content/articles/billing/recurring.md:9: level: a heading inside a level passage" in err
    assert re.search(
        r"content/articles/billing/hard\.md: readability: reading grade \d+\.\d is above the novice ceiling of 6",
        err,
    )
    assert "recurring.md: readability" not in err  # intermediate, ceiling 9


def test_reading_grade_ignores_code() -> None:
    prose = "You pay the bill. It is easy. We send it now.\n"
    code = "```\nsupercalifragilisticexpialidocious_configuration_initialisation()\n```\n"
    assert reading_grade(prose + code) == reading_grade(prose)
    levels = [Audience("novice", "Novice", "", 6), Audience("expert", "Expert", "")]
    expert = ArticleMeta("a.md", "a.md", "c", "A", "expert", "S")
    novice = ArticleMeta("b.md", "b.md", "c", "B", "novice", "S")
    hard = "Incomprehensibly multisyllabic institutionalisation. " * 20
    assert readability_notices([(expert, hard)], levels) == []  # no ceiling for experts
    assert [n.field for n in readability_notices([(novice, hard)], levels)] == ["readability"]
