"""A calendar published as a feed, in the Mini App (docs/adr/0022): Alice publishes her calendar
as a link with busy times only from its people screen, the link shown once works in any
calendar app (fetched here), and stopping it turns the link off."""

from __future__ import annotations

import httpx
from playwright.sync_api import expect

from tests.browser.conftest import ALICE, MiniApp, this_week


def test_alice_publishes_her_calendar_as_a_busy_link_and_stops_it(mini_app: MiniApp) -> None:
    with mini_app.api(ALICE) as client:
        made = client.post(
            "/events",
            json={
                "title": "Salary talk",
                "start": this_week(2, 10).isoformat(),
                "end": this_week(2, 11).isoformat(),
            },
        )
        assert made.status_code == 201, made.text
        calendar = next(c for c in client.get("/calendars").json()["items"] if c["kind"] == "own")

    page = mini_app.open(ALICE)
    page.get_by_role("button", name="Calendars").click()
    page.get_by_role("button", name=f"Share {calendar['name']}").click()
    feed = page.locator("[data-screen=people] #feed")
    expect(feed).to_contain_text("Not published.")
    feed.get_by_label("Busy times only (no titles or details)").check()
    feed.get_by_role("button", name="Publish as a link").click()
    expect(feed).to_contain_text("Published as a link, busy times only.")
    expect(feed.get_by_role("button", name="Copy link")).to_be_visible()
    expect(feed).to_contain_text("the link is shown only this once")
    url = feed.get_by_label("Link", exact=True).input_value()
    assert url.endswith(".ics") and "/feeds/" in url

    shown = httpx.get(url, timeout=15)
    assert shown.status_code == 200 and "SUMMARY:Busy" in shown.text
    assert "Salary" not in shown.text
    expect(feed.get_by_role("button", name="New link (the old one stops working)")).to_be_visible()

    feed.get_by_role("button", name="Stop publishing").click()
    page.locator("dialog").get_by_role("button", name="Stop publishing").click()
    expect(feed).to_contain_text("Not published.")
    expect(feed.get_by_label("Link", exact=True)).to_be_hidden()
    assert httpx.get(url, timeout=15).status_code == 404
