"""The reader's level switch in a real browser: choose, persist, URL parameter, hidden links."""

from __future__ import annotations

import pytest
from browser import SiteServer
from test_levels import site_files

ARTICLE = "articles/billing/first-invoice/"


@pytest.fixture
def served(make_site, build_site):
    with SiteServer(build_site(make_site(site_files()))) as server:
        yield server


def visible(page, levels: str) -> bool:
    return page.locator(f'.fd-level-block[data-fd-levels="{levels}"]').first.is_visible()


def test_switching_level_hides_other_passages_and_persists(chromium, served) -> None:
    page = chromium.new_page()
    page.goto(served.url + ARTICLE)
    assert visible(page, "novice") and visible(page, "expert")  # all levels by default
    assert not page.locator(".fd-level-note").is_visible()
    page.select_option("[data-fd-level-select]", "expert")
    assert (
        not visible(page, "novice")
        and visible(page, "expert")
        and visible(page, "intermediate expert")
    )
    assert page.locator("[data-fd-level-status]").inner_text() == "Showing help for expert readers"
    assert page.locator(".fd-level-note").is_visible()  # a novice article, read by an expert
    page.reload()
    assert page.locator("[data-fd-level-select]").input_value() == "expert"
    assert not visible(page, "novice")
    page.goto(served.url + "articles/api/invoices-api/")
    assert page.evaluate("document.documentElement.dataset.fdLevel") == "expert"
    assert not page.locator(".fd-level-note").is_visible()
    page.close()


def test_url_parameter_sets_the_level_and_the_glossary_speaks_to_novices(chromium, served) -> None:
    page = chromium.new_page()
    page.goto(served.url + ARTICLE + "?level=novice")
    assert page.locator("[data-fd-level-select]").input_value() == "novice"
    assert visible(page, "novice") and not visible(page, "expert")
    assert page.locator(".fd-term-explained").first.is_visible()
    page.goto(served.url + ARTICLE + "?level=all")
    assert page.locator("[data-fd-level-select]").input_value() == ""
    assert not page.locator(".fd-term-explained").first.is_visible()
    page.close()


def test_a_link_to_a_hidden_passage_switches_to_a_level_that_shows_it(chromium, served) -> None:
    page = chromium.new_page()
    page.goto(served.url + "articles/api/invoices-api/?level=novice")
    page.click("text=the shortcut")
    page.wait_for_url("**/first-invoice/#api-shortcut")
    page.wait_for_function("document.documentElement.dataset.fdLevel === 'expert'")
    assert page.locator("#api-shortcut").is_visible()
    assert page.locator("[data-fd-level-select]").input_value() == "expert"
    page.close()


def test_the_switch_is_reachable_and_usable_by_keyboard(chromium, served) -> None:
    page = chromium.new_page()
    page.goto(served.url + ARTICLE)
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('[data-fd-level-select]')"):
            break
    else:
        pytest.fail("the level switch is not in the tab order")
    assert page.locator("label[for=fd-level-select]").inner_text() == "Help for"
    page.keyboard.press("End")  # on a focused <select>, picks the last option without opening it
    page.wait_for_function("document.documentElement.dataset.fdLevel === 'expert'")
    page.close()


def test_without_javascript_every_passage_shows_and_the_switch_hides(chromium, served) -> None:
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served.url + ARTICLE)
    for levels in ("novice", "expert", "intermediate expert"):
        assert visible(page, levels)
    assert not page.locator(".fd-level-switch").is_visible()
    context.close()
