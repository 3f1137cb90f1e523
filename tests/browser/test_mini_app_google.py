"""Connecting Google Calendar from the Mini App (docs/adr/0034), with the Google stand-in on
loopback (tests/google_standin.py): Alice taps "Connect Google Calendar", the app asks
Telegram to open Google's consent screen in the browser; she allows it there (her browser
lands on Televent's page saying the account is connected), and back in the app her Google
calendars are listed with their events in her week."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ALICE, MiniApp, telegram_calls, this_week
from tests.google_standin import GoogleStandIn, google_standin

ANNA = "anna@gmail.com"
SERVER_EXTRA: dict[str, str] = {"TELEVENT_FEED_SCAN_SECONDS": "0.5"}


@pytest.fixture(scope="module", autouse=True)
def google() -> Iterator[GoogleStandIn]:
    """Google, started before the module's server, which is told where it is."""
    with google_standin() as running:
        SERVER_EXTRA.update({
            "TELEVENT_GOOGLE_CLIENT_ID": running.client_id,
            "TELEVENT_GOOGLE_CLIENT_SECRET": running.client_secret,
            "TELEVENT_GOOGLE_API_BASE": running.base + "/",
            "TELEVENT_GOOGLE_OAUTH_BASE": running.base,
        })  # fmt: skip
        yield running


def test_alice_connects_google_calendar_from_the_app(
    mini_app: MiniApp, google: GoogleStandIn
) -> None:
    google.add_account(ANNA, {"family42@group.calendar.google.com": "Family"})
    google.consent_as(ANNA)
    start = this_week(2, 15).astimezone(dt.UTC)
    end = start + dt.timedelta(hours=1)
    google.write(ANNA, ANNA, {
        "summary": "Piano lesson",
        "start": {"dateTime": start.isoformat().replace("+00:00", "Z")},
        "end": {"dateTime": end.isoformat().replace("+00:00", "Z")},
    })  # fmt: skip
    with mini_app.api(ALICE) as client:  # a connection an earlier backend's run left
        for found in client.get("/connections").json():
            client.delete(f"/connections/{found['id']}")
    page = mini_app.open(ALICE)
    page.get_by_role("button", name="Calendars").click()
    section = page.locator("#google-connect")
    expect(section).to_contain_text("Google Calendar")
    section.get_by_role("button", name="Connect Google Calendar").click()
    expect(page.get_by_text("allow Televent there")).to_be_visible()

    def opened() -> list[str]:
        return [str(c["url"]) for c in telegram_calls(page, "web_app_open_link")]

    page.wait_for_function("window.__telegram.some(([kind]) => kind === 'web_app_open_link')")
    [consent] = opened()
    with httpx.Client(timeout=30) as browser:  # Telegram's browser, outside the app
        sent_back = browser.get(consent)
        assert sent_back.status_code == 302
        landed = browser.get(sent_back.headers["location"])
        assert landed.status_code == 200 and "anna@gmail.com is connected" in landed.text

    listed = page.locator("#calendars-body")
    expect(listed).to_contain_text("Family", timeout=30_000)
    expect(listed).to_contain_text(ANNA)
    expect(listed).to_contain_text("Connected account")
    back(page)
    expect(page.locator("#calendar .ec-event", has_text="Piano lesson")).to_be_visible(
        timeout=30_000
    )


def back(page: Page) -> None:
    """Telegram's Back button."""
    page.evaluate("window.Telegram.WebView.receiveEvent('back_button_pressed')")
