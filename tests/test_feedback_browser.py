"""The "Was this page helpful?" widget in a real browser: it shows, a vote is answered with its
note (a "no" offers the prefilled email), and votes reach `feedback_endpoint` when one is set."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from browser import LocalServer, SiteServer

ARTICLE = "articles/account/reset-password/"
NEXT_ARTICLE_TITLE = "Turn on two-factor authentication"  # listed under Related articles


class VoteServer(LocalServer):
    """A feedback endpoint on 127.0.0.1, on another port and so another origin than the site: it
    answers the CORS preflight that a JSON POST from the site needs, and records each vote."""

    def __init__(self) -> None:
        self.votes: list[dict] = []
        super().__init__(self._handler())
        self.url += "votes"

    def wait_for(self, count: int, seconds: float = 10) -> list[dict]:
        # Polled with sleep rather than a timed Event.wait, which never times out under
        # libfaketime (the moved-clock CI run).
        deadline = time.monotonic() + seconds
        while len(self.votes) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.votes

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def _allow(self) -> None:
                # A beacon is sent with credentials, so the origin must be named, not "*".
                self.send_header("Access-Control-Allow-Origin", self.headers.get("Origin", ""))
                self.send_header("Access-Control-Allow-Credentials", "true")
                self.send_header("Access-Control-Allow-Methods", "POST")
                self.send_header("Access-Control-Allow-Headers", "Content-Type")

            def do_OPTIONS(self) -> None:  # noqa: N802
                self.send_response(204)
                self._allow()
                self.end_headers()

            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if self.headers.get("Content-Type") == "application/json":
                    server.votes.append(json.loads(body))
                self.send_response(204)
                self._allow()
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        return Handler


@pytest.fixture
def endpoint() -> Iterator[VoteServer]:
    with VoteServer() as server:
        yield server


def configure(root: Path, site_url: str, endpoint: str) -> Path:
    """Material navigates instantly only to addresses in the sitemap, which come from site_url:
    for that to work on 127.0.0.1 the site must be built for the address it is served at."""
    config_file = root / "mkdocs.yml"
    text = config_file.read_text()  # edited as text: it holds !ENV tags
    text = re.sub(r"^site_url: .*$", f"site_url: {site_url}", text, count=1, flags=re.M)
    text = text.replace(
        "  - frontdesk:\n", f"  - frontdesk:\n      feedback_endpoint: {endpoint}\n", 1
    )
    config_file.write_text(text)
    return root


def test_votes_reach_the_endpoint_and_a_no_offers_the_prefilled_email(
    chromium, endpoint, copy_example, build_site
) -> None:
    """The repository's own site, with Material's instant navigation: the second vote is cast
    on a page reached without a page load."""
    with SiteServer(copy_example / "site") as server:
        build_site(configure(copy_example, server.url, endpoint.url))
        page = chromium.new_page()
        page.goto(server.url + ARTICLE)
        form = page.locator("form[name=feedback]")
        assert form.is_visible()
        assert "Was this page helpful?" in form.inner_text()
        page.click("button[title='This page was helpful']")
        assert form.locator("text=Thanks for letting us know.").is_visible()
        assert page.url == server.url + ARTICLE  # the vote did not submit the form as a page load
        assert endpoint.wait_for(1) == [
            {"page": "/" + ARTICLE, "title": page.title(), "helpful": True}
        ]

        page.evaluate("window.fdSamePage = true")
        page.click(f".fd-related a:text-is('{NEXT_ARTICLE_TITLE}')")
        page.wait_for_url("**/articles/account/two-factor-authentication/")
        assert page.evaluate("window.fdSamePage") is True  # instant navigation, no page load
        # The new page's form, shown and not yet voted on (the last page's is disabled).
        page.wait_for_function(
            "document.forms.feedback && !document.forms.feedback.hidden"
            " && !document.forms.feedback.firstElementChild.disabled"
        )
        page.click("button[title='This page could be improved']")
        note = form.locator(".md-feedback__note [data-md-value='0']")
        assert note.is_visible()
        assert "Thanks for telling us." in note.inner_text()
        assert note.locator("a").get_attribute("href") == (
            "mailto:support@tallybook.example?subject=Feedback%20on%3A%20Turn%20on%20two-factor"
            f"%20authentication&body={server.url}articles/account/two-factor-authentication/"
        )
        assert endpoint.wait_for(2)[1:] == [
            {
                "page": "/articles/account/two-factor-authentication/",
                "title": page.title(),
                "helpful": False,
            }
        ]
        page.close()


def test_without_an_endpoint_a_no_still_offers_the_prefilled_email(
    chromium, make_site, build_site
) -> None:
    article = """\
        ---
        title: Reset your password
        audience: novice
        summary: Get back into your account.
        ---
        Ask for a reset link.
    """
    files = {
        "articles/account/index.md": "---\ntitle: Account\nsummary: Your account.\n---\nHelp.\n",
        "articles/account/reset.md": article,
    }
    email = {"kind": "email", "label": "Email", "address": "help@example.test"}
    site = build_site(make_site(files, {"contact": {"channels": [email]}}))
    with SiteServer(site) as server:
        page = chromium.new_page()
        posts: list[str] = []

        def record(request) -> None:  # noqa: ANN001
            if request.method == "POST":
                posts.append(request.url)

        page.on("request", record)
        page.goto(server.url + "articles/account/reset/")
        page.click("button[title='This page could be improved']")
        note = page.locator(".md-feedback__note [data-md-value='0']")
        assert note.is_visible()
        assert note.locator("a").get_attribute("href") == (
            "mailto:help@example.test?subject=Feedback%20on%3A%20Reset%20your%20password"
            "&body=https://help.example.test/articles/account/reset/"
        )
        assert page.url == server.url + "articles/account/reset/"
        # A vote would be sent in the click's own handler: a request made after it is seen after
        # it, so once this one is seen, no vote was sent.
        with page.expect_request("**/after-the-vote.txt"):
            page.evaluate("fetch('/after-the-vote.txt').catch(() => null)")
        assert posts == []
        page.close()
