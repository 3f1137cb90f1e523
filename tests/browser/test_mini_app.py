"""The Mini App as a user sees it in Telegram: the week's events, creating one, answering an
invitation, the theme, the other views, device passwords, settings, and a plain browser."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from playwright.sync_api import Page, Route, expect

from televent.application.web_login import WebLogin
from televent.bootstrap import build_application
from televent.config import Settings
from tests.browser.conftest import (
    ALICE,
    BOB,
    DARK,
    ZONE,
    MiniApp,
    artifacts,
    seeded_for,
    shoot,
    telegram_calls,
    this_week,
)


def create(mini_app: MiniApp, telegram_id: int = ALICE, **event: Any) -> dict[str, Any]:
    """An event created through the API by a script (HTTP Basic)."""
    with mini_app.api(telegram_id) as client:
        response = client.post("/events", json=event)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


@pytest.fixture
def seeded(mini_app: MiniApp) -> dict[str, dict[str, Any]]:
    """This week: a meeting, an occurrence of a weekly stand-up that began last week, and an
    all-day offsite over two days (made once a week: see seeded_for)."""
    return seeded_for(mini_app, this_week(0, 0).date(), lambda: this_weeks_events(mini_app))


def this_weeks_events(mini_app: MiniApp) -> dict[str, dict[str, Any]]:
    monday = this_week(0, 9)
    return {
        "review": create(
            mini_app,
            title="Design review",
            start=this_week(2, 10).isoformat(),
            end=this_week(2, 11).isoformat(),
            location="Room 4",
        ),
        "standup": create(
            mini_app,
            title="Standup",
            start=(monday - dt.timedelta(days=7)).isoformat(),
            end=(monday - dt.timedelta(days=7) + dt.timedelta(minutes=15)).isoformat(),
            timezone="Europe/Berlin",
            recurrence="FREQ=WEEKLY",
        ),
        "offsite": create(
            mini_app,
            title="Offsite",
            all_day=True,
            start=this_week(3, 0).date().isoformat(),
            end=this_week(5, 0).date().isoformat(),
        ),
    }


def record_timings(page: Page, backend: str) -> None:
    """Keep the page's paint timings (milliseconds since navigation) with the screenshots."""
    timings = page.evaluate(
        """() => Object.fromEntries([
            ...performance.getEntriesByType('paint'),
            ...performance.getEntriesByType('mark'),
        ].map(e => [e.name, Math.round(e.startTime)]))"""
    )
    (artifacts().parent / f"timings-{backend}.json").write_text(json.dumps(timings, indent=1))


def event_in_calendar(page: Page, title: str) -> Any:
    return page.locator("#calendar .ec-event", has_text=title).first


def today() -> dt.date:
    """Today in the seeded accounts' zone (the page's)."""
    return dt.datetime.now(ZONE).date()


def day_column(page: Page, day: dt.date) -> Any:
    """The head of `day`'s column in the time grid on screen (none when it is not shown)."""
    return page.locator(f"#calendar .ec-header .ec-col-head time[datetime='{day.isoformat()}']")


def background(page: Page) -> str:
    return str(page.evaluate("getComputedStyle(document.body).backgroundColor"))


def press_main_button(page: Page) -> None:
    """What the Telegram client does when the user taps the Main button."""
    page.evaluate("window.Telegram.WebView.receiveEvent('main_button_pressed')")


def test_week_shows_the_seeded_events_with_a_recurring_occurrence(
    mini_app: MiniApp, seeded: dict[str, dict[str, Any]]
) -> None:
    page = mini_app.open(ALICE)
    expect(event_in_calendar(page, "Design review")).to_be_visible()
    expect(event_in_calendar(page, "Standup")).to_be_visible()  # this week's occurrence
    expect(event_in_calendar(page, "Offsite")).to_be_visible()  # all day, two days
    expect(page.locator(".ec-time-grid.ec-week-view")).to_be_visible()
    # The week came in one call, asked for while the scripts were still loading.
    calls = page.evaluate(
        "performance.getEntriesByType('resource').map(r => new URL(r.name).pathname)"
    )
    assert calls.count("/api/v1/events") == 1
    assert calls.count("/api/v1/me") == 1
    # Telegram was told the app is ready and to take the whole height.
    assert telegram_calls(page, "web_app_ready")
    assert telegram_calls(page, "web_app_expand")
    shoot(page, "week-light", mini_app.backend)

    # Keyboard: an event opens with Enter, and arrow keys move between weeks.
    event_in_calendar(page, "Design review").focus()
    page.keyboard.press("Enter")
    card = page.locator("[data-screen=card]")
    expect(card.get_by_role("heading", name="Design review")).to_be_visible()
    page.evaluate("window.Telegram.WebView.receiveEvent('back_button_pressed')")
    expect(page.locator("[data-screen=calendar]")).to_be_visible()

    page.get_by_role("button", name="Next period").click()
    expect(event_in_calendar(page, "Standup")).to_be_visible()  # next week's occurrence
    expect(event_in_calendar(page, "Design review")).to_have_count(0)
    # Today's week, which starts on the person's first day of the week (Sunday in English):
    # on a Sunday it is the week after the seeded one.
    page.get_by_role("button", name="Today").click()
    expect(day_column(page, today())).to_have_count(1)
    expect(event_in_calendar(page, "Standup")).to_be_visible()
    page.context.close()


def test_an_event_card_opens_from_a_deep_link_and_back_returns(
    mini_app: MiniApp, seeded: dict[str, dict[str, Any]]
) -> None:
    page = mini_app.open(ALICE, fragment=f"event={seeded['review']['id']}")
    card = page.locator("[data-screen=card]")
    expect(card.get_by_role("heading", name="Design review")).to_be_visible()
    expect(card).to_contain_text("Room 4")
    expect(card).not_to_contain_text("null")
    assert telegram_calls(page, "web_app_setup_back_button")[-1] == {"is_visible": True}
    page.evaluate("window.Telegram.WebView.receiveEvent('back_button_pressed')")
    expect(page.locator("[data-screen=calendar]")).to_be_visible()
    assert telegram_calls(page, "web_app_setup_back_button")[-1] == {"is_visible": False}
    page.context.close()


def test_create_an_event_through_the_form(
    mini_app: MiniApp, seeded: dict[str, dict[str, Any]]
) -> None:
    page = mini_app.open(ALICE)
    expect(event_in_calendar(page, "Design review")).to_be_visible()
    page.get_by_role("button", name="New event").click()
    form = page.locator("#event-form")
    form.get_by_label("Title").fill("Dentist")
    day = this_week(4, 15)
    form.get_by_label("Start date").fill(day.date().isoformat())
    form.get_by_label("Start time").fill("15:00")
    form.get_by_label("End date").fill(day.date().isoformat())
    form.get_by_label("End time").fill("16:30")
    form.get_by_label("Location").fill("Main street 1")
    main = telegram_calls(page, "web_app_setup_main_button")[-1]
    assert main["is_visible"] and main["text"] == "Save"
    shoot(page, "event-form", mini_app.backend)
    press_main_button(page)

    expect(event_in_calendar(page, "Dentist")).to_be_visible()
    with mini_app.api(ALICE) as client:
        listed = client.get(
            "/events",
            params={"start": this_week(0, 0).isoformat(), "end": this_week(7, 0).isoformat()},
        ).json()["items"]
        slug = client.get("/calendars").json()["items"][0]["slug"]
    dentist = next(item for item in listed if item["title"] == "Dentist")
    assert dt.datetime.fromisoformat(dentist["start"]) == day
    assert dt.datetime.fromisoformat(dentist["end"]) == day + dt.timedelta(minutes=90)
    assert dentist["location"] == "Main street 1"
    # A CalDAV client sees it too.
    body = caldav_bodies(mini_app, slug)
    assert any("SUMMARY:Dentist" in text for text in body)
    page.context.close()


def caldav_bodies(mini_app: MiniApp, slug: str) -> list[str]:
    """Every calendar object a CalDAV client gets from Alice's calendar."""
    auth = (str(ALICE), mini_app.users[ALICE])
    collection = f"{mini_app.url}/dav/calendars/{ALICE}/{slug}/"
    with httpx.Client(auth=auth, timeout=15) as client:
        listing = client.request("PROPFIND", collection, headers={"Depth": "1"})
        assert listing.status_code == 207, listing.text
        hrefs = re.findall(r"<[^>]*href>([^<]+\.ics)</[^>]*href>", listing.text)
        return [client.get(f"{mini_app.url}{href}").text for href in hrefs]


def test_invite_answer_and_see_who_accepted(
    mini_app: MiniApp, seeded: dict[str, dict[str, Any]]
) -> None:
    lunch = create(
        mini_app,
        title="Team lunch",
        start=this_week(1, 12).isoformat(),
        end=this_week(1, 13).isoformat(),
    )
    alice = mini_app.open(ALICE, fragment=f"event={lunch['id']}")
    card = alice.locator("[data-screen=card]")
    card.get_by_label("Invite by @username or email").fill(str(BOB))
    card.get_by_role("button", name="Invite", exact=True).click()
    expect(card.locator(".attendee", has_text="Bob")).to_contain_text("Not answered")

    bob = mini_app.open(BOB, start_param=f"event_{lunch['id']}")
    bob_card = bob.locator("[data-screen=card]")
    expect(bob_card.get_by_role("heading", name="Team lunch")).to_be_visible()
    expect(bob_card).to_contain_text("Organizer: Alice")
    shoot(bob, "invitation", mini_app.backend)
    bob_card.get_by_role("button", name="Accept").click()
    expect(bob_card.get_by_role("button", name="Accept")).to_have_attribute("aria-pressed", "true")
    assert {"type": "notification", "notification_type": "success"} in telegram_calls(
        bob, "web_app_trigger_haptic_feedback"
    )
    bob.context.close()

    alice.reload()
    expect(card.locator(".attendee", has_text="Bob")).to_contain_text("Accepted")
    shoot(alice, "event-card", mini_app.backend)
    alice.context.close()


def test_dark_theme_from_telegram(mini_app: MiniApp, seeded: dict[str, dict[str, Any]]) -> None:
    page = mini_app.open(ALICE)
    expect(event_in_calendar(page, "Design review")).to_be_visible()
    assert background(page) == "rgb(255, 255, 255)"
    record_timings(page, mini_app.backend)  # a second visit: the server and browser are warm
    page.evaluate(
        "theme => window.Telegram.WebView.receiveEvent('theme_changed', {theme_params: theme})",
        DARK,
    )
    expect(page.locator("body")).to_have_css("background-color", "rgb(23, 33, 43)")
    assert page.evaluate("document.documentElement.dataset.scheme") == "dark"
    shoot(page, "week-dark", mini_app.backend)
    page.context.close()

    dark = mini_app.open(ALICE, theme=DARK)  # opened in a dark client from the start
    expect(dark.locator("body")).to_have_css("background-color", "rgb(23, 33, 43)")
    dark.context.close()


def test_month_day_and_agenda_views(mini_app: MiniApp, seeded: dict[str, dict[str, Any]]) -> None:
    page = mini_app.open(ALICE)
    expect(event_in_calendar(page, "Design review")).to_be_visible()
    page.get_by_role("button", name="Month", exact=True).click()
    expect(page.locator(".ec-day-grid.ec-month-view")).to_be_visible()
    expect(event_in_calendar(page, "Offsite")).to_be_visible()
    shoot(page, "month", mini_app.backend)
    page.get_by_role("button", name="Agenda", exact=True).click()
    expect(page.locator(".ec-list")).to_be_visible()
    if this_week(2, 10).month != dt.datetime.now(ZONE).month:  # the review falls next month
        page.get_by_role("button", name="Next period").click()
    expect(event_in_calendar(page, "Design review")).to_be_visible()
    shoot(page, "agenda", mini_app.backend)
    page.get_by_role("button", name="Day", exact=True).click()
    expect(page.locator(".ec-time-grid.ec-day-view")).to_be_visible()
    page.context.close()


def test_device_passwords_and_settings(
    mini_app: MiniApp, seeded: dict[str, dict[str, Any]]
) -> None:
    page = mini_app.open(ALICE)
    page.get_by_role("button", name="Device passwords").click()
    screen = page.locator("[data-screen=devices]")
    expect(screen.locator("#caldav-url")).to_have_text(f"{mini_app.url}/")
    screen.get_by_label("Device name").fill("Laptop")
    screen.get_by_role("button", name="Add").click()
    password = screen.locator("#new-password-value")
    expect(password).not_to_be_empty()
    expect(screen.locator(".devices")).to_contain_text("Laptop")
    auth = (str(ALICE), password.inner_text())
    with httpx.Client(auth=auth, timeout=15) as client:  # the new password works for CalDAV
        assert client.get(f"{mini_app.url}/api/v1/me").status_code == 200
    screen.get_by_role("button", name="Revoke Laptop").click()
    page.get_by_role("button", name="Revoke", exact=True).click()
    expect(screen.locator(".devices")).not_to_contain_text("Laptop")

    page.evaluate("window.Telegram.WebView.receiveEvent('back_button_pressed')")
    page.get_by_role("button", name="Settings").click()
    page.get_by_label("Reminder", exact=True).select_option("30")
    press_main_button(page)
    expect(page.locator("[data-screen=calendar]")).to_be_visible()
    with mini_app.api(ALICE) as client:
        assert client.get("/me").json()["reminder_minutes"] == 30
    page.context.close()


def test_a_plain_browser_without_login_is_told_how_to_open_it(mini_app: MiniApp) -> None:
    page = mini_app.plain()
    expect(page.get_by_text("Open Televent from the bot")).to_be_visible()
    expect(page.get_by_text("/app")).to_be_visible()
    page.context.close()


def test_a_login_link_opens_a_browser_session(
    mini_app: MiniApp, seeded: dict[str, dict[str, Any]]
) -> None:
    app = build_application(Settings(database_url=mini_app.database_url))
    try:
        token = WebLogin(app.views, app.queries, lambda: dt.datetime.now(dt.UTC)).issue_link_token(
            ALICE
        )
    finally:
        app.close()
    context = mini_app.browser.new_context(
        viewport={"width": 1100, "height": 800}, timezone_id="Europe/Berlin"
    )
    page = context.new_page()
    page.goto(f"{mini_app.url}/app/login?token={token}")
    expect(page).to_have_url(f"{mini_app.url}/app/")
    # The week of today (not always the seeded week: see the test above), with the seeded
    # weekly stand-up's occurrence in it.
    expect(day_column(page, today())).to_have_count(1)
    expect(event_in_calendar(page, "Standup")).to_be_visible()
    expect(page.locator("[data-screen=login]")).to_be_hidden()
    shoot(page, "week-browser", mini_app.backend)
    # Outside Telegram the page shows its own Back and Save buttons.
    page.get_by_role("button", name="New event").click()
    form = page.locator("#event-form")
    form.get_by_label("Title").fill("Written in a browser")
    form.get_by_label("Start date").fill(today().isoformat())
    form.get_by_label("Start time").fill("10:00")
    form.get_by_label("End date").fill(today().isoformat())
    form.get_by_label("End time").fill("11:00")
    shoot(page, "event-form-browser", mini_app.backend)
    form.get_by_role("button", name="Save").click()
    expect(event_in_calendar(page, "Written in a browser")).to_be_visible()
    context.close()


def test_times_are_shown_in_the_users_zone(
    mini_app: MiniApp, seeded: dict[str, dict[str, Any]]
) -> None:
    """The review is at 10:00 in Berlin; a phone set to New York still shows 10:00."""
    context = mini_app.browser.new_context(timezone_id="America/New_York")
    page = context.new_page()
    page.add_init_script("window.TelegramWebviewProxy = {postEvent() {}};")
    init = quote(mini_app.init_data(ALICE), safe="")
    # on the review's own week: in English a week starts on Sunday, and on a Sunday in New
    # York "today" opens the week after the seeded one
    day = this_week(2, 10).date().isoformat()
    page.goto(f"{mini_app.url}/app/?view=week&date={day}#tgWebAppData={init}&tgWebAppVersion=8.0")
    expect(event_in_calendar(page, "Design review")).to_contain_text("10:00")
    context.close()


def phone_page(mini_app: MiniApp) -> tuple[Page, str]:
    """A phone's page in Berlin, and the fragment Telegram opens Alice's app with."""
    page = mini_app.browser.new_context(
        viewport={"width": 420, "height": 800}, timezone_id="Europe/Berlin", locale="en-GB"
    ).new_page()
    return page, f"tgWebAppData={quote(mini_app.init_data(ALICE, None), safe='')}"


def test_a_link_with_a_date_opens_the_calendar_on_that_day(mini_app: MiniApp) -> None:
    """`/app/?view=week&date=2027-03-17` shows the week of 17 March 2027 with its events, and
    a date that is no day (or no date at all) opens on today."""
    create(
        mini_app,
        title="Spring planning",
        start="2027-03-17T10:00:00+01:00",
        end="2027-03-17T11:00:00+01:00",
    )
    page, fragment = phone_page(mini_app)
    page.goto(f"{mini_app.url}/app/?view=week&date=2027-03-17#{fragment}")
    # On a phone the title is shortened ("Mar 14 - 20"); its tooltip has the whole period.
    expect(page.locator("#period-title")).to_have_attribute("title", "March 14 – 20, 2027")
    expect(page.locator(".ec-event", has_text="Spring planning")).to_be_visible()
    for wrong in ("2027-02-30", "tomorrow"):
        page.goto(f"{mini_app.url}/app/?view=week&date={wrong}#{fragment}")
        expect(page.locator("#period-title")).to_have_attribute(
            "title", re.compile(str(today().year))
        )
        expect(page.locator(".ec-event", has_text="Spring planning")).to_have_count(0)
    page.context.close()


def test_the_grid_says_what_the_server_could_not_list(mini_app: MiniApp) -> None:
    """An event repeating every half hour has more occurrences in a month than a listing
    expands: the month says so, and a day of it shows it whole. Events the server could not
    read are counted above the grid, not silently missing."""
    create(
        mini_app,
        title="Hourly reading",
        start="2031-04-01T00:00:00+02:00",
        end="2031-04-01T00:10:00+02:00",
        recurrence="FREQ=HOURLY;BYMINUTE=0,30",
    )
    page, fragment = phone_page(mini_app)
    page.goto(f"{mini_app.url}/app/?view=month&date=2031-05-28#{fragment}")
    partial = page.locator("#calendar-notice [data-left-out=incomplete]")
    expect(partial).to_have_text(  # a month this far ahead is expanded on each read: seconds
        "An event repeats too often to show every occurrence in this view; a shorter view "
        "shows them all.",
        timeout=45_000,
    )
    page.get_by_role("button", name="Day", exact=True).click()
    expect(page.locator(".ec-time-grid.ec-day-view")).to_be_visible()
    # 28 May: beyond the month's first thousand occurrences, asked again for the day
    expect(page.locator("#period-title")).to_have_attribute("title", re.compile("28"))
    expect(page.locator(".ec-event", has_text="Hourly reading")).to_have_count(48)
    expect(partial).to_have_count(0)

    def unreadable_two(route: Route) -> None:  # as a listing says of events it cannot read
        answer = route.fetch()
        route.fulfill(response=answer, json={**answer.json(), "unreadable": 2})

    listing = re.compile(r".*/api/v1/events\?.*")
    page.route(listing, unreadable_two)
    page.get_by_role("button", name="Week", exact=True).click()
    expect(page.locator("#calendar-notice [data-left-out=unreadable]")).to_have_text(
        "2 events cannot be shown: their data cannot be read."
    )
    page.unroute_all(behavior="ignoreErrors")
    page.get_by_role("button", name="Next period").click()
    expect(page.locator("#calendar-notice [data-left-out]")).to_have_count(0)
    expect(page.locator("#calendar-notice")).to_be_hidden()

    pages: list[str] = []

    def endless(route: Route) -> None:  # more pages than one load reads (10,000 occurrences)
        pages.append(route.request.url)
        if "cursor=" in route.request.url:
            route.fulfill(json={"items": [], "next_cursor": "more", "unreadable": 0,
                                "incomplete": 0})  # fmt: skip
            return
        answer = route.fetch()
        route.fulfill(response=answer, json={**answer.json(), "next_cursor": "more"})

    page.route(listing, endless)
    page.get_by_role("button", name="Next period").click()
    expect(page.locator("#calendar-notice [data-left-out=more]")).to_have_text(
        "More events than one view holds: the earliest 10,000 are shown; a shorter view "
        "shows them all."
    )
    assert len(pages) == 20, "twenty pages, then the load stops"
    page.unroute_all(behavior="ignoreErrors")
    page.get_by_role("button", name="Next period").click()
    expect(page.locator("#calendar-notice [data-left-out]")).to_have_count(0)

    # Every minute of a day is more than a listing expands even for the day: no advice then.
    every_minute = ",".join(str(minute) for minute in range(60))
    create(
        mini_app,
        title="Every minute",
        start="2031-07-01T00:00:00+02:00",
        end="2031-07-01T00:01:00+02:00",
        recurrence=f"FREQ=HOURLY;BYMINUTE={every_minute}",
    )
    page.goto(f"{mini_app.url}/app/?view=day&date=2031-07-01#{fragment}")
    expect(partial).to_have_text(
        "An event repeats too often to show every occurrence: its earliest 1,000 of the day "
        "are shown.",
        timeout=45_000,
    )
    page.context.close()
