"""Connecting another CalDAV account in the Mini App (docs/adr/0026), with Radicale on
loopback as the other server (the operator's switch lets loopback through): a wrong password
is refused in words and the password field emptied; with the right one the account's calendar
is listed as connected, its events appear in Alice's week once the server synced it, its
screen names the account, says it is up to date and that changes go back there, and syncs
again on demand; an event she makes in it from the app appears on the other server, and a
booking link she makes can book into it; she
disconnects it keeping the events, and the calendar is hers."""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ALICE, MiniApp, open_dialog, this_week
from tests.caldav_peers import Peer, event, radicale

SERVER_EXTRA = {"TELEVENT_OUTBOUND_ALLOW_PRIVATE": "1", "TELEVENT_FEED_SCAN_SECONDS": "0.5"}


@pytest.fixture(scope="module")
def peer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Peer]:
    with radicale(tmp_path_factory.mktemp("radicale")) as running:
        yield running


def back(page: Page) -> None:
    """Telegram's Back button."""
    page.evaluate("window.Telegram.WebView.receiveEvent('back_button_pressed')")


def test_alice_connects_her_other_calendar_and_disconnects_it(
    mini_app: MiniApp, peer: Peer
) -> None:
    start = this_week(3, 14).astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    with peer.client() as dav:
        put = dav.put(f"{peer.calendar}dentist@r.ics", content=event("dentist@r", "Dentist", start))
        assert put.is_success, put.text
    with mini_app.api(ALICE) as client:  # a connection an earlier backend's run left
        for found in client.get("/connections").json():
            client.delete(f"/connections/{found['id']}")
    page = mini_app.open(ALICE)
    page.get_by_role("button", name="Calendars").click()
    form = page.locator("#connect-form")
    expect(form).to_contain_text("Connect another calendar account")
    form.get_by_label("Server address or your e-mail address").fill(peer.base + "/")
    form.get_by_label("User name").fill(peer.username)
    form.get_by_label("App password").fill("wrong")
    form.get_by_role("button", name="Connect").click()
    expect(page.get_by_text("refused the user name or password")).to_be_visible()
    expect(form.get_by_label("App password")).to_have_value("")

    form.get_by_label("App password").fill(peer.password)
    form.get_by_role("button", name="Connect").click()
    expect(page.get_by_text("Connected one calendar of 127.0.0.1")).to_be_visible()
    expect(form.get_by_label("App password")).to_have_value("")  # never kept on the page
    listed = page.locator("#calendars-body")
    expect(listed).to_contain_text("Work")
    expect(listed).to_contain_text("Connected account")

    page.get_by_role("button", name="Share Work").click()
    section = page.locator("[data-screen=people] #connection")
    expect(section).to_be_visible()
    expect(section).to_contain_text(f"127.0.0.1, as {peer.username}")
    expect(section.locator("#connection-status")).to_contain_text("Up to date", timeout=20_000)
    expect(section).to_contain_text("Changes made here are sent to 127.0.0.1 too")
    expect(page.locator("[data-screen=people] #subscription")).to_be_hidden()
    expect(page.locator("#read-only-hint")).to_be_hidden()  # hers to change: written back
    section.get_by_role("button", name="Sync now").click()
    expect(page.get_by_text("Syncing it again within a minute.")).to_be_visible()

    back(page)
    back(page)
    expect(page.locator("#calendar .ec-event", has_text="Dentist")).to_be_visible()

    # Hers to change: an event she makes in it reaches the other server.
    haircut = f"Haircut {uuid.uuid4().hex[:6]}"  # not one an earlier backend's run left there
    page.get_by_role("button", name="New event").click()
    form = page.locator("#event-form")
    form.get_by_label("Calendar").select_option(label="Work")
    form.get_by_label("Title").fill(haircut)
    day = this_week(4, 10).date().isoformat()
    form.get_by_label("Start date").fill(day)
    form.get_by_label("Start time").fill("10:00")
    form.get_by_label("End date").fill(day)
    form.get_by_label("End time").fill("11:00")
    page.evaluate("window.Telegram.WebView.receiveEvent('main_button_pressed')")
    expect(page.locator("#calendar .ec-event", has_text=haircut)).to_be_visible()
    assert f"SUMMARY:{haircut}" in _written_back(peer, haircut)

    # A booking link that books into it.
    page.get_by_role("button", name="Settings").click()
    slug = f"work-{uuid.uuid4().hex[:6]}"
    form = page.locator("#link-form")
    form.get_by_label("Address (slug)").fill(slug)
    form.get_by_label("Title").fill("Work hours")
    form.get_by_label("Book into").select_option(label="Work")
    form.get_by_role("button", name="Create link").click()
    item = page.locator("#links-body li", has_text=f"/book/{slug}")
    expect(item).to_contain_text("Booked into Work")
    with mini_app.api(ALICE) as client:
        work_id = next(c["id"] for c in client.get("/calendars").json()["items"]
                       if c["name"] == "Work")  # fmt: skip
        made = client.get(f"/booking-links/{slug}").json()
        client.delete(f"/booking-links/{slug}")
    assert made["calendar_id"] == work_id
    back(page)

    page.get_by_role("button", name="Calendars").click()
    page.get_by_role("button", name="Share Work").click()
    keep = page.locator("dialog.choice").get_by_role("button", name="Keep the events here")
    open_dialog(page.locator("#connection").get_by_role("button", name="Disconnect"), keep)
    keep.click()
    expect(page.get_by_text("Disconnected from 127.0.0.1.")).to_be_visible()
    with mini_app.api(ALICE) as client:
        assert client.get("/connections").json() == []
        kept = [c for c in client.get("/calendars").json()["items"] if c["name"] == "Work"]
    assert len(kept) == 1 and kept[0]["role"] == "owner" and kept[0]["connection"] is None
    expect(page.locator("#calendars-body")).to_contain_text("Work")


def _written_back(peer: Peer, title: str) -> str:
    """The other server's copy of the event called `title`, once the leader wrote it back
    (a bounded wait)."""
    deadline = time.monotonic() + 20
    with peer.client() as dav:
        while time.monotonic() < deadline:
            listing = dav.request(
                "REPORT", peer.calendar, headers={"Depth": "1"},
                content=b'<?xml version="1.0"?><c:calendar-query xmlns:d="DAV:" '
                b'xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop><c:calendar-data/></d:prop>'
                b'<c:filter><c:comp-filter name="VCALENDAR"/></c:filter></c:calendar-query>',
            )  # fmt: skip
            if f"SUMMARY:{title}" in listing.text:
                return listing.text
            time.sleep(0.2)
    raise AssertionError(f"{title} never reached the other server")
