"""Following a feed in the Mini App (docs/adr/0025), with the feed on a loopback server (the
operator's switch lets loopback through): Alice pastes a webcal-style link on the calendars
screen, the new calendar is listed as subscribed, its events appear in her week once the
server fetched it, its screen says it is up to date and read-only and shares to view only;
she turns its reminders on, pauses and resumes it, and unsubscribes; a link that is no feed's
is refused in words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ALICE, MiniApp, open_dialog, this_week
from tests.feedserver import FeedServer, calendar_feed, feed_server

SERVER_EXTRA = {"TELEVENT_OUTBOUND_ALLOW_PRIVATE": "1", "TELEVENT_FEED_SCAN_SECONDS": "0.5"}


@pytest.fixture
def feeds() -> Iterator[FeedServer]:
    with feed_server() as server:
        yield server


def back(page: Page) -> None:
    """Telegram's Back button."""
    page.evaluate("window.Telegram.WebView.receiveEvent('back_button_pressed')")


def test_alice_follows_a_feed_and_lets_it_go(mini_app: MiniApp, feeds: FeedServer) -> None:
    utc = this_week(2, 11).astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    feeds.put(
        "/fixtures.ics",
        calendar_feed({"match@x": ("Derby match", utc)}, extra_head="X-WR-CALNAME:Fixtures\r\n"),
    )
    page = mini_app.open(ALICE)
    page.get_by_role("button", name="Calendars").click()
    form = page.locator("#subscribe-form")
    expect(form).to_contain_text("Follow a calendar from elsewhere")
    form.locator("#subscribe-url").fill("ftp://example.org/x.ics")
    form.get_by_role("button", name="Subscribe").click()
    expect(page.get_by_text("That is not a calendar feed's address")).to_be_visible()

    form.locator("#subscribe-url").fill(feeds.url("/fixtures.ics"))
    form.get_by_role("button", name="Subscribe").click()
    listed = page.locator("#calendars-body")
    expect(listed).to_contain_text("Fixtures", timeout=20_000)  # named by the feed once fetched
    expect(listed).to_contain_text("Subscribed")

    page.get_by_role("button", name="Share Fixtures").click()
    section = page.locator("[data-screen=people] #subscription")
    expect(section).to_be_visible()
    expect(section.locator("#subscription-status")).to_contain_text("Up to date")
    expect(section).to_contain_text(feeds.url("/fixtures.ics"))
    expect(page.locator("#read-only-hint")).to_be_visible()
    expect(page.locator("[data-screen=people] #import")).to_be_hidden()
    options = page.locator("#share-role option")
    expect(options).to_have_count(1)

    reminders = section.locator("#subscription-reminders")
    expect(reminders).not_to_be_checked()
    reminders.check()
    expect(section.locator("#subscription-busy")).to_be_checked()
    section.get_by_role("button", name="Pause").click()
    expect(section.locator("#subscription-status")).to_contain_text("Paused")
    section.get_by_role("button", name="Resume").click()
    expect(section.locator("#subscription-status")).not_to_contain_text("Paused")
    with mini_app.api(ALICE) as client:
        sub = client.get("/subscriptions").json()[0]
    assert (sub["reminders"], sub["paused"], sub["busy"]) == (True, False, True)

    back(page)
    back(page)
    expect(page.locator("#calendar .ec-event", has_text="Derby match")).to_be_visible()

    page.get_by_role("button", name="Calendars").click()
    page.get_by_role("button", name="Share Fixtures").click()
    confirm = page.locator("dialog.choice").get_by_role("button", name="Unsubscribe")
    open_dialog(page.locator("#subscription").get_by_role("button", name="Unsubscribe"), confirm)
    confirm.click()
    expect(page.locator("#calendars-body")).not_to_contain_text("Fixtures")
    with mini_app.api(ALICE) as client:
        assert client.get("/subscriptions").json() == []
