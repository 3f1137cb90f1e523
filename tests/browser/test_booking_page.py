"""The public booking page in headless Chromium, against a real `televent serve` per backend with
email going to an SMTP sink and the bot talking to a Bot API stand-in.

A visitor in New York (the browser's zone) opens /book/<slug> on a phone-sized screen, picks a
free time, answers the link's question and books: the page confirms in their zone, the visitor
gets an iMIP REQUEST (RFC 6047), the event is in the owner's CalDAV calendar (RFC 4791) and the
owner gets a Telegram card. The manage link then cancels it: a CANCEL goes out and the event
leaves the calendar. Also: a time taken meanwhile (409), moving a booking, a paused link, an
unknown slug, and that the owner's texts are shown as text, never as markup.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import httpx
import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from televent.bootstrap import build_application
from televent.config import Settings
from televent.domain.availability import Availability
from televent.domain.booking_links import BookingLink
from tests.botapi import Call, FakeBotApi
from tests.browser.conftest import ALICE, BOT_TOKEN, artifacts, fresh_database
from tests.conftest import BACKENDS
from tests.e2e.conftest import ACTOR, SOURCE, running_serve, seed_accounts, with_mail
from tests.smtpsink import Recorder, messages, smtp_server

SLUG = "alice-intro"
PAUSED = "alice-paused"
VISITOR_ZONE = "America/New_York"
PHONE: ViewportSize = {"width": 375, "height": 812}
QUESTION = "What would you like to talk about?"
# The owner's own texts, with markup that must be shown as text.
DESCRIPTION = "A first talk. <img src=x onerror=alert(1)> <b>not bold</b>"


@dataclass
class Site:
    """A running server with Alice's booking links, the SMTP sink and the Bot API stand-in."""

    url: str
    database_url: str
    users: dict[int, str]
    browser: Browser
    backend: str
    mail: Recorder
    bot_api: FakeBotApi

    def visitor(self, zone: str = VISITOR_ZONE) -> Page:
        """A new phone-sized page in a browser set to the visitor's zone."""
        context = self.browser.new_context(viewport=PHONE, timezone_id=zone, locale="en-US")
        return context.new_page()

    def calendar_objects(self) -> list[str]:
        """Every calendar object a CalDAV client sees in Alice's calendar (device password)."""
        auth = (str(ALICE), self.users[ALICE])
        with httpx.Client(base_url=self.url, auth=auth, timeout=15) as client:
            calendar = client.get("/api/v1/calendars").json()["items"][0]["slug"]
            listing = client.request(
                "PROPFIND", f"/dav/calendars/{ALICE}/{calendar}/", headers={"Depth": "1"}
            )
            assert listing.status_code == 207, listing.text
            hrefs = re.findall(r"<[^>]*href>([^<]+\.ics)</[^>]*href>", listing.text)
            return [client.get(href).text for href in hrefs]


def owner_id(database_url: str) -> UUID:
    app = build_application(Settings(database_url=database_url))
    try:
        account = app.queries.account_by_telegram_id(ALICE)
        assert account is not None
        return account.account_id
    finally:
        app.close()


def set_up_links(database_url: str) -> None:
    """Alice (Europe/Berlin) can be booked every day 07:00-21:00 through two links."""
    account_id = owner_id(database_url)
    app = build_application(Settings(database_url=database_url))
    try:
        every_day = {day: [["07:00", "21:00"]] for day in ("mon", "tue", "wed", "thu", "fri")}
        every_day |= {"sat": [["07:00", "21:00"]], "sun": [["07:00", "21:00"]]}
        app.set_availability(
            account_id,
            Availability.from_json(
                {"timezone": "Europe/Berlin", "weekly": every_day, "overrides": []}
            ),
            actor=ACTOR,
            source=SOURCE,
        )
        link = {
            "slug": SLUG,
            "title": "Intro call",
            "duration_minutes": 30,
            "durations_minutes": [30, 60],
            "min_notice_minutes": 60,
            "horizon_days": 21,
            "description": DESCRIPTION,
            "location": "Video call",
            "questions": [{"label": QUESTION, "required": True}],  # id "q1"
        }
        app.create_booking_link(account_id, BookingLink.from_json(link), actor=ACTOR, source=SOURCE)
        paused = {"slug": PAUSED, "title": "Office hours", "active": False}
        app.create_booking_link(
            account_id, BookingLink.from_json(paused), actor=ACTOR, source=SOURCE
        )
    finally:
        app.close()


@pytest.fixture(scope="module", params=BACKENDS)
def site(
    request: pytest.FixtureRequest, browser: Browser, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Site]:
    tmp = tmp_path_factory.mktemp(f"booking-{request.param}")
    database_url = fresh_database(request, tmp)
    users = seed_accounts(database_url)
    set_up_links(database_url)
    recorder = Recorder()
    with smtp_server(recorder) as smtp_port, FakeBotApi() as bot_api:
        settings = {
            **with_mail(smtp_port),
            "TELEGRAM_BOT_TOKEN": BOT_TOKEN,
            "TELEGRAM_API_BASE": bot_api.base_url,
        }
        with running_serve(database_url, tmp, settings) as (url, _):
            yield Site(url, database_url, users, browser, request.param, recorder, bot_api)


# ---------------------------------------------------------------------------- helpers


def calendar_parts(message: EmailMessage) -> list[tuple[str, str]]:
    """(METHOD parameter, text) of every text/calendar part of a message."""
    found = []
    for part in message.walk():
        if part.get_content_type() == "text/calendar":
            found.append((str(part.get_param("method", "")).upper(), str(part.get_content())))
    return found


def wait_for_itip(site: Site, recipient: str, method: str, timeout: float = 20) -> str:
    """The iCalendar text of the first `method` message to `recipient`."""
    deadline = time.monotonic() + timeout
    while True:
        for recipients, message in messages(site.mail):
            if recipient in recipients:
                for part_method, text in calendar_parts(message):
                    if part_method == method and f"METHOD:{method}" in text:
                        return text
        if time.monotonic() > deadline:
            seen = [(r, m["Subject"]) for r, m in messages(site.mail)]
            pytest.fail(f"no {method} reached {recipient}; the sink has {seen}")
        time.sleep(0.2)


def in_calendar(site: Site, email: str) -> bool:
    return any(email.lower() in body.lower() for body in site.calendar_objects())


def wait_until(check: Any, timeout: float = 15) -> bool:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def open_booking_page(site: Site, slug: str = SLUG) -> Page:
    page = site.visitor()
    page.goto(f"{site.url}/book/{slug}")
    return page


def first_slot(page: Page) -> Any:
    slot = page.locator("#slots button").first
    expect(slot).to_be_visible()
    return slot


def fill_details(page: Page, name: str, email: str, topic: str) -> None:
    page.get_by_label("Name").fill(name)
    page.get_by_label("Email").fill(email)
    page.get_by_label(QUESTION).fill(topic)


def book_by_api(site: Site, start: str, email: str) -> dict[str, Any]:
    """Another visitor books through the JSON API, as a script would."""
    body = {
        "start": start,
        "name": "Script",
        "email": email,
        "tz": VISITOR_ZONE,
        "answers": {"q1": "by script"},
    }
    response = httpx.post(f"{site.url}/api/v1/book/{SLUG}", json=body, timeout=15)
    assert response.status_code == 201, response.text
    booked: dict[str, Any] = response.json()
    return booked


def owner_cards(site: Site) -> list[Call]:
    return [
        call for call in site.bot_api.calls("sendMessage", ALICE) if "booked" in call.text.lower()
    ]


# ---------------------------------------------------------------------------- tests


def test_a_visitor_in_new_york_books_on_a_phone_then_cancels(site: Site) -> None:
    page = open_booking_page(site)
    expect(page.get_by_role("heading", name="Intro call")).to_be_visible()
    expect(page.locator("#owner")).to_have_text("Book a time with Alice")
    expect(page.locator("#location-fact")).to_contain_text("Video call")
    # The browser's zone is picked up, and named where the times are.
    expect(page.get_by_label("Time zone")).to_have_value(VISITOR_ZONE)
    slot = first_slot(page)
    expect(page.locator("#day-heading")).to_contain_text(f"times in {VISITOR_ZONE}")
    # Two durations to choose from; 30 minutes first.
    expect(page.get_by_role("button", name="30 min")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("button", name="1 h")).to_be_visible()
    # A phone screen: nothing wider than it.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=str(artifacts() / f"booking-page-375-{site.backend}.png"), full_page=True)

    start = dt.datetime.fromisoformat(str(slot.get_attribute("data-start")))
    new_york = ZoneInfo(VISITOR_ZONE)
    assert start.utcoffset() == start.astimezone(new_york).utcoffset()  # in the visitor's zone
    shown = start.astimezone(new_york).strftime("%-I:%M %p")
    expect(slot).to_have_text(shown)
    slot.click()
    expect(page.locator("#chosen")).to_contain_text(f"({VISITOR_ZONE})")

    # The required question is enforced before anything is sent.
    page.get_by_label("Name").fill("Ann Visitor")
    page.get_by_label("Email").fill("ann@example.org")
    page.get_by_role("button", name="Book", exact=True).click()
    expect(page.locator("#form-error")).to_have_text(f"Please answer: {QUESTION}")
    page.get_by_label(QUESTION).fill("Our project")
    page.screenshot(path=str(artifacts() / f"booking-form-375-{site.backend}.png"), full_page=True)
    page.get_by_role("button", name="Book", exact=True).click()

    done = page.locator("#done-text")
    expect(done).to_contain_text("Booked: ")
    expect(done).to_contain_text(f"{shown}-")
    expect(done).to_contain_text(
        f"({VISITOR_ZONE}). An invitation is on its way to ann@example.org."
    )
    expect(page.locator("#done-ics")).to_be_hidden()  # the invitation brings it
    manage = str(page.locator("#manage-link").get_attribute("href"))
    assert re.fullmatch(rf"{re.escape(site.url)}/book/{SLUG}/manage/[\w-]+", manage), manage
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=str(artifacts() / f"booking-done-375-{site.backend}.png"), full_page=True)

    # The visitor's invitation, the owner's calendar, the owner's Telegram card.
    request = wait_for_itip(site, "ann@example.org", "REQUEST")
    assert "ann@example.org" in request.lower()
    assert wait_until(lambda: in_calendar(site, "ann@example.org")), "not in CalDAV"
    card = site.bot_api.wait_for(
        "sendMessage",
        lambda call: call.chat_id == ALICE and "booked" in call.text.lower(),
        timeout=20,
    )
    assert "Ann Visitor" in card.text

    # The manage link: the booking in the visitor's zone, then cancelled with a reason.
    page.goto(manage)
    expect(page.locator("#booking-status")).to_have_text("Confirmed")
    expect(page.locator("#booking-when")).to_contain_text(f"{shown}-")
    expect(page.locator("#booking-when")).to_contain_text(f"({VISITOR_ZONE})")
    page.get_by_role("button", name="Cancel booking").click()
    page.get_by_label("Reason (optional, sent to the organizer)").fill("Something came up")
    page.get_by_role("button", name="Yes, cancel it").click()
    expect(page.locator("#booking-status")).to_have_text("Cancelled")
    expect(page.get_by_role("button", name="Reschedule")).to_be_hidden()
    page.screenshot(path=str(artifacts() / f"booking-cancelled-375-{site.backend}.png"))
    wait_for_itip(site, "ann@example.org", "CANCEL")
    assert wait_until(lambda: not in_calendar(site, "ann@example.org")), "still in CalDAV"
    # Opened again later, the page still says so.
    page.reload()
    expect(page.locator("#booking-status")).to_have_text("Cancelled")
    page.context.close()


def test_a_time_taken_meanwhile_shows_the_fresh_slots(site: Site) -> None:
    page = open_booking_page(site)
    slot = first_slot(page)
    start = str(slot.get_attribute("data-start"))
    book_by_api(site, start, "quicker@example.org")  # someone else is quicker

    slot.click()
    fill_details(page, "Bea Late", "bea@example.org", "Planning")
    page.get_by_role("button", name="Book", exact=True).click()
    expect(page.locator("#notice")).to_contain_text("That time was just taken")
    expect(page.locator("#slots button").first).to_be_visible()
    taken = page.locator(f"#slots button[data-start='{start}']")
    expect(taken).to_have_count(0)
    # Another time books fine.
    first_slot(page).click()
    page.get_by_role("button", name="Book", exact=True).click()
    expect(page.locator("#done-text")).to_contain_text("bea@example.org")
    page.context.close()


def test_the_manage_page_moves_a_booking_to_another_time(site: Site) -> None:
    page = open_booking_page(site)
    start = str(first_slot(page).get_attribute("data-start"))
    page.context.close()
    booking = book_by_api(site, start, "carl@example.org")
    wait_for_itip(site, "carl@example.org", "REQUEST")

    page = site.visitor("Asia/Tokyo")  # opened later elsewhere: shown in that zone
    page.goto(f"{site.url}{booking['manage_url']}")
    expect(page.locator("#booking-when")).to_contain_text("(Asia/Tokyo)")
    page.get_by_role("button", name="Reschedule").click()
    new_slot = page.locator("#slots button").first  # the booked time is not offered
    expect(new_slot).to_be_visible()
    new_start = dt.datetime.fromisoformat(str(new_slot.get_attribute("data-start")))
    assert new_start != dt.datetime.fromisoformat(start)
    new_slot.click()
    expect(page.locator("#move-when")).to_contain_text("(Asia/Tokyo)")
    page.get_by_role("button", name="Move it").click()
    expect(page.locator("#notice")).to_contain_text("Moved to")
    expect(page.locator("#booking-status")).to_have_text("Confirmed")
    with httpx.Client(timeout=15) as client:
        moved = client.get(
            f"{site.url}/api/v1/book/{SLUG}/manage/{booking['manage_url'].rsplit('/', 1)[1]}"
        ).json()
    assert dt.datetime.fromisoformat(moved["start"]) == new_start
    page.context.close()


def test_a_paused_link_and_an_unknown_slug(site: Site) -> None:
    page = open_booking_page(site, PAUSED)
    expect(page.get_by_role("heading", name="Office hours")).to_be_visible()
    expect(page.locator("#notice")).to_contain_text("not taking bookings")
    expect(page.locator("#slots button")).to_have_count(0)
    expect(page.locator("#picker")).to_be_hidden()

    assert httpx.get(f"{site.url}/book/no-such-link", timeout=15).status_code == 404
    page.goto(f"{site.url}/book/no-such-link")
    expect(page.get_by_role("heading", name="This booking page does not exist")).to_be_visible()
    page.goto(f"{site.url}/book/{SLUG}/manage/not-a-token")
    expect(page.get_by_role("heading", name="Booking not found")).to_be_visible()
    page.context.close()


def test_owner_texts_are_shown_as_text_and_nothing_leaves_the_server(site: Site) -> None:
    page = site.visitor()
    outside: list[str] = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith(site.url) and not request.url.startswith("data:")
            else None
        ),
    )
    response = page.goto(f"{site.url}/book/{SLUG}")
    assert response is not None and response.status == 200
    assert "noindex" in (response.headers.get("x-robots-tag") or "")
    assert page.locator("meta[name=robots]").get_attribute("content") == "noindex"
    expect(page.locator("#description")).to_have_text(DESCRIPTION)
    assert page.locator("#description img, #description b").count() == 0
    first_slot(page)
    # Changing the zone shows the times in it.
    page.get_by_label("Time zone").select_option("Asia/Tokyo")
    expect(page.locator("#day-heading")).to_contain_text("times in Asia/Tokyo")
    start = dt.datetime.fromisoformat(str(first_slot(page).get_attribute("data-start")))
    assert start.utcoffset() == dt.timedelta(hours=9)
    assert outside == []
    page.context.close()
