"""Search in a real browser against the built example: results with level badges, level and
category filters, the reader's level as default, highlighted words, and a no-JavaScript path."""

from __future__ import annotations

from browser import RESULT_TITLES

SETTLED = """() => {
  const message = document.querySelector('.pagefind-ui__message');
  return message && /result|Nothing found/.test(message.textContent) && !document.querySelector('.pagefind-ui__loading');
}"""


def results(page) -> list[str]:
    page.wait_for_function(SETTLED)
    return page.locator(RESULT_TITLES).all_inner_texts()


def test_query_filter_and_open_a_result(chromium, served_example) -> None:
    page = chromium.new_page()
    page.goto(served_example.url)
    page.fill("#fd-home-search-input", "bank feed")
    page.press("#fd-home-search-input", "Enter")
    page.wait_for_url("**/search/?q=bank+feed")
    found = results(page)
    assert "Connect your bank with a bank feed" in found
    badges = page.locator(".pagefind-ui__result .fd-result-facts .fd-level").all_inner_texts()
    assert set(badges) <= {"Novice", "Intermediate", "Expert"} and badges
    page.get_by_label("Novice", exact=False).first.check()
    page.wait_for_function(
        "!document.body.innerText.includes('Connect your bank with a bank feed')"
    )
    assert all(badge == "Novice" for badge in _badges(page))
    page.get_by_label("Novice", exact=False).first.uncheck()
    page.locator(".pagefind-ui__filter-panel summary, .pagefind-ui__filter-name").filter(
        has_text="category"
    ).first.click()
    page.get_by_label("Payments and banking", exact=False).first.check()
    page.wait_for_function(
        "[...document.querySelectorAll('.pagefind-ui__result .fd-result-category')].every(e => e.innerText === 'Payments and banking')"
    )
    results(page)
    categories = page.locator(".pagefind-ui__result .fd-result-category").all_inner_texts()
    assert categories and set(categories) == {"Payments and banking"}
    page.click("text=Connect your bank with a bank feed")
    page.wait_for_url("**/articles/payments/connect-bank-feed/?highlight=*")
    page.wait_for_selector("mark")
    assert "bank" in page.locator("mark").first.inner_text().lower()
    page.close()


def test_the_readers_level_is_the_default_filter_with_all_levels_one_click_away(
    chromium, served_example
) -> None:
    page = chromium.new_page()
    page.goto(served_example.url + "search/?q=invoice&level=expert")
    assert all(b == "Expert" for b in _badges(page))
    checkbox = page.get_by_label("Expert", exact=False).first
    assert checkbox.is_checked()
    checkbox.uncheck()
    page.wait_for_function(
        "document.querySelectorAll('.pagefind-ui__result .fd-level').length > 0 && [...document.querySelectorAll('.pagefind-ui__result .fd-level')].some(e => e.innerText !== 'Expert')"
    )
    assert len(set(_badges(page))) > 1
    page.close()


def _badges(page) -> list[str]:
    results(page)
    return page.locator(".pagefind-ui__result .fd-result-facts .fd-level").all_inner_texts()


def test_an_outage_is_findable_from_search(chromium, served_example) -> None:
    page = chromium.new_page()
    page.goto(served_example.url + "search/?q=cannot%20sign%20in&level=expert")
    found = results(page)
    assert (
        "Some customers cannot sign in to the mobile apps" in found
    )  # status pages carry every level
    page.close()


def test_header_box_has_its_shortcut(chromium, served_example) -> None:
    page = chromium.new_page()
    page.goto(served_example.url + "articles/account/reset-password/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "fd-search-input"
    page.keyboard.type("password")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=password")
    assert results(page)
    page.close()


def test_without_javascript_search_explains_how_to_browse(chromium, served_example) -> None:
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_example.url + "articles/account/reset-password/")
    page.goto(served_example.url + "search/?q=password")
    body = page.locator("article").inner_text()
    assert "Searching needs JavaScript" in body
    assert page.locator("article a", has_text="Your account").count() == 1
    assert page.locator("article a", has_text="Help for novice readers").count() == 1
    context.close()
