"""The API's documentation page (/api/v1/docs) in headless Chromium against `televent serve`:
it renders the OpenAPI document with the vendored Redoc, every request it makes goes to this
server (nothing from a CDN, not even a logo), and its Content-Security-Policy blocks nothing
the page needs (per backend: the page reads the document the server generates)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import artifacts, fresh_database
from tests.conftest import BACKENDS
from tests.e2e.conftest import SERVER_SETTINGS, running_serve, seed_accounts

VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture(scope="module", params=BACKENDS)
def server(
    request: pytest.FixtureRequest, browser: Browser, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    tmp: Path = tmp_path_factory.mktemp(f"docs-{request.param}")
    database_url = fresh_database(request, tmp)
    seed_accounts(database_url)
    with running_serve(database_url, tmp, SERVER_SETTINGS) as (url, _):
        yield url


def test_the_docs_page_renders_from_this_server_alone(browser: Browser, server: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.add_init_script(VIOLATIONS)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{server}/api/v1/docs")
    expect(page.get_by_role("heading", name="Televent API")).to_be_visible()
    # An operation of the API, from the document the server generated.
    operation = page.get_by_role("heading", name="Create a booking link")
    operation.scroll_into_view_if_needed()
    expect(operation).to_be_visible()
    # The menu's footer, where Redoc shows Redocly's logo from their CDN, is drawn too.
    footer = page.get_by_role("link", name="API docs by Redocly")
    footer.scroll_into_view_if_needed()
    expect(footer).to_be_visible()
    page.get_by_placeholder("Search...").fill("booking")  # the search runs in a worker
    expect(page.locator("[role=search] li").first).to_be_visible()
    page.screenshot(path=str(artifacts() / "api-docs.png"))
    elsewhere = [url for url in requested if not url.startswith((f"{server}/", "data:", "blob:"))]
    assert elsewhere == [], "requests to other sites"
    assert f"{server}/api/v1/openapi.json" in requested
    assert page.evaluate("window.__violations") == []
    context.close()
