"""The public booking page in headless Chromium against a `televent serve` that sends no email
(no TELEVENT_SMTP_URL), per backend: the confirmation does not promise an invitation; it says
none will come and offers the booking's .ics file, which the visitor downloads; the manage page
offers it too."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.botapi import FakeBotApi
from tests.browser.conftest import artifacts, fresh_database
from tests.browser.test_booking_page import (
    PHONE,
    QUESTION,
    SLUG,
    VISITOR_ZONE,
    Site,
    first_slot,
    open_booking_page,
    set_up_links,
)
from tests.conftest import BACKENDS
from tests.e2e.conftest import SERVER_SETTINGS, running_serve, seed_accounts
from tests.smtpsink import Recorder


@pytest.fixture(scope="module", params=BACKENDS)
def site(
    request: pytest.FixtureRequest, browser: Browser, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Site]:
    tmp = tmp_path_factory.mktemp(f"booking-no-mail-{request.param}")
    database_url = fresh_database(request, tmp)
    users = seed_accounts(database_url)
    set_up_links(database_url)
    # No SMTP sink and no bot: the server is told of neither (the stand-in stays unused).
    with FakeBotApi() as unused, running_serve(database_url, tmp, SERVER_SETTINGS) as (url, _):
        yield Site(url, database_url, users, browser, request.param, Recorder(), unused)


def test_without_mail_the_confirmation_offers_the_ics_instead(site: Site, tmp_path: Path) -> None:
    page = open_booking_page(site)
    first_slot(page).click()
    page.get_by_label("Name").fill("Ann Visitor")
    page.get_by_label("Email").fill("ann@example.org")
    page.get_by_label(QUESTION).fill("Our project")
    page.get_by_role("button", name="Book", exact=True).click()

    done = page.locator("#done-text")
    expect(done).to_contain_text("Booked: ")
    expect(done).to_contain_text("This server does not send email")
    expect(done).to_contain_text("no invitation will come to ann@example.org")
    expect(done).not_to_contain_text("on its way")
    download_link = page.get_by_role("link", name="Download the .ics file")
    expect(download_link).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=str(artifacts() / f"booking-done-no-mail-{site.backend}.png"))
    with page.expect_download() as started:
        download_link.click()
    saved = tmp_path / "booking.ics"
    started.value.save_as(saved)
    text = saved.read_text()
    assert text.startswith("BEGIN:VCALENDAR") and "METHOD:PUBLISH" in text
    assert "SUMMARY:Intro call: Ann Visitor and Alice" in text

    manage = str(page.locator("#manage-link").get_attribute("href"))
    assert re.fullmatch(rf"{re.escape(site.url)}/book/{SLUG}/manage/[\w-]+", manage), manage
    page.goto(manage)
    expect(page.locator("#booking-status")).to_have_text("Confirmed")
    expect(page.get_by_role("link", name="Add to your calendar (.ics file)")).to_be_visible()
    expect(page.locator("#booking-when")).to_contain_text(f"({VISITOR_ZONE})")
    page.context.close()
