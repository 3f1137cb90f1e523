"""The live stream in the Mini App (docs/adr/0028, js/live.js), against a real server: an event
Alice adds from another calendar app (CalDAV) shows in the open app without a reload; with the
app hidden the stream is closed, and once visible again it reopens with the last event id and
what changed meanwhile shows; a stream that cannot be opened is tried again, sooner first, and
then works; nothing is reloaded under the event form, and what changed shows once she leaves
it; a calendar made elsewhere appears in her list with its event, and goes when it is deleted."""

from __future__ import annotations

import datetime as dt
import time
import uuid
from typing import Any

import httpx
from playwright.sync_api import Page, Route, expect

from tests.browser.conftest import ALICE, MiniApp, this_week

LIVE = 10_000  # how long a change may take to show (the server looks twice a second)
SAME_PAGE = "window.__samePage = true"  # cleared by a reload

HIDE = """() => {
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
  Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
  document.dispatchEvent(new Event("visibilitychange"));
}"""
SHOW = """() => {
  delete document.visibilityState;
  delete document.hidden;
  document.dispatchEvent(new Event("visibilitychange"));
}"""
MKCALENDAR = (
    '<?xml version="1.0" encoding="utf-8"?><c:mkcalendar xmlns:d="DAV:" '
    'xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop><d:displayname>{name}</d:displayname>'
    "</d:prop></d:set></c:mkcalendar>"
)


def unique(title: str) -> str:
    """A title no earlier test (or backend) left in Alice's calendar."""
    return f"{title} {uuid.uuid4().hex[:6]}"


def dav(mini_app: MiniApp) -> httpx.Client:
    """Another calendar app of Alice's: CalDAV with her device password."""
    return httpx.Client(
        base_url=f"{mini_app.url}/dav/calendars/{ALICE}/",
        auth=(str(ALICE), mini_app.users[ALICE]),
        timeout=15,
    )


def ical(uid: str, title: str, start: dt.datetime) -> str:
    stamp = "%Y%m%dT%H%M%SZ"
    begin = start.astimezone(dt.UTC)
    return "\r\n".join(
        [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//tests//live//EN", "BEGIN:VEVENT",
            f"UID:{uid}", f"DTSTAMP:{begin:{stamp}}", f"DTSTART:{begin:{stamp}}",
            f"DTEND:{begin + dt.timedelta(hours=1):{stamp}}", f"SUMMARY:{title}",
            "END:VEVENT", "END:VCALENDAR", "",
        ]
    )  # fmt: skip


def put_event(mini_app: MiniApp, title: str, start: dt.datetime, slug: str = "default") -> None:
    uid = uuid.uuid4().hex
    with dav(mini_app) as client:
        put = client.put(
            f"{slug}/{uid}.ics", content=ical(uid, title, start),
            headers={"Content-Type": "text/calendar"},
        )  # fmt: skip
        assert put.status_code == 201, put.text


def api_event(mini_app: MiniApp, title: str, start: dt.datetime) -> None:
    with mini_app.api(ALICE) as client:
        made = client.post(
            "/events",
            json={"title": title, "start": start.isoformat(),
                  "end": (start + dt.timedelta(hours=1)).isoformat()},
        )  # fmt: skip
        assert made.status_code == 201, made.text


def live_app(mini_app: MiniApp) -> Page:
    """Alice's app on this week, its stream open."""
    page = mini_app.open(ALICE)
    expect(page.locator("body")).to_have_class("ready")
    expect(page.locator("body")).to_have_attribute("data-live", "open")
    page.evaluate(SAME_PAGE)
    return page


def event_in_calendar(page: Page, title: str) -> Any:
    return page.locator("#calendar .ec-event", has_text=title)


def events_loads(page: Page) -> int:
    """How many times the page asked for the period's events."""
    return int(
        page.evaluate(
            "performance.getEntriesByType('resource')"
            ".filter(r => new URL(r.name).pathname === '/api/v1/events').length"
        )
    )


def test_a_change_made_elsewhere_shows_and_one_made_while_hidden_too(mini_app: MiniApp) -> None:
    page = live_app(mini_app)
    streams: list[dict[str, str]] = []
    page.on(
        "request",
        lambda request: streams.append(request.headers)
        if "/api/v1/stream" in request.url else None,
    )  # fmt: skip

    plumber = unique("Plumber")
    put_event(mini_app, plumber, this_week(2, 9))
    expect(event_in_calendar(page, plumber)).to_be_visible(timeout=LIVE)

    # Hidden: the stream is closed, so what changes now does not show...
    page.evaluate(HIDE)
    expect(page.locator("body")).to_have_attribute("data-live", "closed")
    piano = unique("Piano lesson")
    api_event(mini_app, piano, this_week(4, 16))
    page.wait_for_timeout(1500)
    expect(event_in_calendar(page, piano)).to_have_count(0)
    # ...until she comes back: the stream reopens where it left off, and it shows.
    page.evaluate(SHOW)
    expect(page.locator("body")).to_have_attribute("data-live", "open")
    expect(event_in_calendar(page, piano)).to_be_visible(timeout=LIVE)
    expect(event_in_calendar(page, plumber)).to_be_visible()
    assert streams, "the stream was opened again"
    resumed = streams[-1].get("last-event-id", "")
    assert resumed.isdigit(), streams[-1]
    assert streams[-1].get("authorization", "").startswith("tma ")
    assert page.evaluate("window.__samePage") is True  # never reloaded
    page.context.close()


def test_a_stream_that_fails_is_opened_again(mini_app: MiniApp) -> None:
    page = live_app(mini_app)
    refused: list[float] = []

    def refuse(route: Route) -> None:
        refused.append(time.monotonic())
        route.abort("connectionrefused")

    page.route("**/api/v1/stream*", refuse)
    page.evaluate(HIDE)
    page.evaluate(SHOW)  # opened again: refused, and again a second later, two after that
    deadline = time.monotonic() + LIVE / 1000
    while len(refused) < 3 and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert len(refused) >= 3, refused
    first, second = refused[1] - refused[0], refused[2] - refused[1]
    assert 0.6 < first < 2 and second > first, (first, second)  # it waits longer each time
    expect(page.locator("body")).to_have_attribute("data-live", "closed")
    page.unroute("**/api/v1/stream*")
    expect(page.locator("body")).to_have_attribute("data-live", "open", timeout=LIVE)

    dentist = unique("Dentist")
    put_event(mini_app, dentist, this_week(1, 11))
    expect(event_in_calendar(page, dentist)).to_be_visible(timeout=LIVE)
    assert page.evaluate("window.__samePage") is True
    page.context.close()


def test_nothing_is_reloaded_under_the_event_form(mini_app: MiniApp) -> None:
    page = live_app(mini_app)
    page.get_by_role("button", name="New event").click()
    form = page.locator("#event-form")
    expect(form).to_be_visible()
    form.get_by_label("Title").fill("Half-typed")
    before = events_loads(page)

    yoga = unique("Yoga")
    put_event(mini_app, yoga, this_week(3, 8))
    page.wait_for_timeout(2000)  # the change reached the page meanwhile
    assert events_loads(page) == before
    expect(form.get_by_label("Title")).to_have_value("Half-typed")

    page.evaluate("window.Telegram.WebView.receiveEvent('back_button_pressed')")
    expect(event_in_calendar(page, yoga)).to_be_visible(timeout=LIVE)
    page.context.close()


def test_a_calendar_made_elsewhere_appears_and_goes(mini_app: MiniApp) -> None:
    page = live_app(mini_app)
    slug = f"garden-{uuid.uuid4().hex[:6]}"
    name = unique("Garden")
    with dav(mini_app) as client:
        made = client.request("MKCALENDAR", f"{slug}/", content=MKCALENDAR.format(name=name))
        assert made.status_code == 201, made.text
    seedlings = unique("Seedlings")
    put_event(mini_app, seedlings, this_week(5, 10), slug=slug)
    expect(event_in_calendar(page, seedlings)).to_be_visible(timeout=LIVE)

    page.get_by_role("button", name="Calendars").click()
    listed = page.locator("#calendars-body")
    expect(listed).to_contain_text(name)
    with dav(mini_app) as client:
        assert client.delete(f"{slug}/").status_code in (200, 204)
    expect(listed).not_to_contain_text(name, timeout=LIVE)
    page.evaluate("window.Telegram.WebView.receiveEvent('back_button_pressed')")
    expect(event_in_calendar(page, seedlings)).to_have_count(0)
    assert page.evaluate("window.__samePage") is True
    page.context.close()


TASKS_ONLY = (
    '<?xml version="1.0" encoding="utf-8"?><c:mkcalendar xmlns:d="DAV:" '
    'xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop><d:displayname>{name}</d:displayname>'
    '<c:supported-calendar-component-set><c:comp name="VTODO"/>'
    "</c:supported-calendar-component-set>"
    "</d:prop></d:set></c:mkcalendar>"
)


def test_a_calendar_made_for_tasks_is_not_offered_for_a_new_event(mini_app: MiniApp) -> None:
    """A CalDAV client's calendar for tasks only is listed with Alice's calendars, but a new
    event cannot go in it: the form offers the calendars that take events."""
    garden, chores = unique("Garden"), unique("Chores")
    slugs = [f"garden-{uuid.uuid4().hex[:6]}", f"chores-{uuid.uuid4().hex[:6]}"]
    with dav(mini_app) as client:
        for slug, body in zip(
            slugs, (MKCALENDAR.format(name=garden), TASKS_ONLY.format(name=chores)), strict=True
        ):
            made = client.request("MKCALENDAR", f"{slug}/", content=body)
            assert made.status_code == 201, made.text
    try:
        page = mini_app.open(ALICE)
        page.get_by_role("button", name="Calendars").click()
        expect(page.locator("#calendars-body")).to_contain_text(chores)
        page.evaluate("window.Telegram.WebView.receiveEvent('back_button_pressed')")
        page.get_by_role("button", name="New event").click()
        choice = page.locator("#f-calendar")
        expect(choice).to_be_visible()
        offered = choice.locator("option").all_inner_texts()
        assert garden in offered and chores not in offered, offered
        page.context.close()
    finally:
        with dav(mini_app) as client:
            for slug in slugs:
                client.delete(f"{slug}/")
