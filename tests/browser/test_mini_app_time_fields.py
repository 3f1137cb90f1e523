"""Times in the Mini App are shown and typed on the person's own clock (12 or 24 hours, from their
settings), in their language's digits, whatever the browser's locale: the event form's start and
end, the settings' quiet hours and morning agenda, the booking hours. What they type is read
("1700", "5:30 pm", "۱۸:۳۰"), saved as that time, and rubbish is refused with words, nothing
saved. Against a real `televent serve`, both backends."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import ALICE, MiniApp, shoot, this_week
from tests.browser.test_mini_app_booking import press_main_button
from tests.browser.test_mini_app_phone import CLIPPED_INPUTS


@pytest.fixture
def alice_speaks(mini_app: MiniApp) -> Iterator[Any]:
    """Set Alice's language and clock for a test (PATCH /me); automatic again after it."""

    def choose(**speech: str | None) -> None:
        with mini_app.api(ALICE) as client:
            reply = client.patch("/me", json=speech)
            assert reply.status_code == 200, reply.text

    yield choose
    choose(language=None, hour_cycle=None, week_start=None)


def settings(page: Page) -> Locator:
    page.locator("#open-settings").click()
    screen = page.locator("[data-screen=settings]")
    expect(screen.locator("#availability-body .day")).to_have_count(7)
    return screen


def new_event(page: Page, title: str, day: dt.date) -> Locator:
    page.locator("#add").click()
    form = page.locator("#event-form")
    expect(form).to_be_visible()
    form.locator("#f-title").fill(title)
    form.locator("#f-start-date").fill(day.isoformat())
    form.locator("#f-end-date").fill(day.isoformat())
    return form


def typed(field: Locator, text: str) -> None:
    """Typed into the field and left (Tab), as a person does."""
    field.fill(text)
    field.press("Tab")


def saved_event(mini_app: MiniApp, title: str) -> dict[str, Any] | None:
    with mini_app.api(ALICE) as client:
        items = client.get(
            "/events",
            params={"start": this_week(0, 0).isoformat(), "end": this_week(7, 0).isoformat()},
        ).json()["items"]
    return next((item for item in items if item["title"] == title), None)


def weekly(mini_app: MiniApp) -> dict[str, Any]:
    with mini_app.api(ALICE) as client:
        stored: dict[str, Any] = client.get("/availability").json()["weekly"]
    return stored


def test_a_24_hour_person_on_an_american_browser(mini_app: MiniApp, alice_speaks: Any) -> None:
    alice_speaks(hour_cycle="24")
    page = mini_app.open(ALICE, locale="en-US")  # the browser alone would write "05:00 PM"
    form = new_event(page, "Evening swim", this_week(3, 0).date())
    start, end = form.get_by_label("Start time"), form.get_by_label("End time")
    typed(start, "1700")
    expect(start).to_have_value("17:00")
    typed(end, "18.30")
    expect(end).to_have_value("18:30")
    expect(start).not_to_have_attribute("aria-invalid", "true")
    # The times offered are on the same clock.
    offered = page.locator(f"datalist#{start.get_attribute('list')} option")
    expect(offered.nth(34)).to_have_attribute("value", "17:00")
    assert not any("M" in text for text in offered.evaluate_all("o => o.map(e => e.value)"))
    press_main_button(page)
    expect(page.locator("[data-screen=calendar]")).to_be_visible()
    swim = saved_event(mini_app, "Evening swim")
    assert swim is not None
    assert dt.datetime.fromisoformat(swim["start"]) == this_week(3, 17)
    assert dt.datetime.fromisoformat(swim["end"]) == this_week(3, 18, 30)

    screen = settings(page)
    expect(screen.locator("#settings-agenda option[value='17:00']")).to_have_text("17:00")
    expect(screen.locator("#settings-quiet-from option[value='22:30']")).to_have_text("22:30")
    expect(screen.get_by_label("Monday from")).to_have_value("09:00")
    expect(screen.get_by_label("Monday to")).to_have_value("17:00")
    typed(screen.get_by_label("Tuesday to"), "1830")
    expect(screen.get_by_label("Tuesday to")).to_have_value("18:30")
    screen.get_by_label("Quiet hours every day").check()
    screen.get_by_label("From", exact=True).select_option("22:30")
    screen.get_by_label("The day's events, every morning at").select_option("07:30")
    press_main_button(page)
    expect(page.locator("[data-screen=calendar]")).to_be_visible()
    assert weekly(mini_app)["tue"] == [["09:00", "18:30"]]
    with mini_app.api(ALICE) as client:
        preferences = client.get("/me").json()["preferences"]
        reset = {"quiet_hours": "off", "agenda_time": "off"}
        assert client.patch("/me", json={"preferences": reset}).status_code == 200
    assert (preferences["quiet_hours"], preferences["agenda_time"]) == ("22:30-07:00", "07:30")
    page.context.close()


def test_a_12_hour_person_on_a_british_browser(mini_app: MiniApp, alice_speaks: Any) -> None:
    alice_speaks(language="en", hour_cycle="12")
    page = mini_app.open(ALICE)  # an en-GB browser: 17:00 on its own
    form = new_event(page, "Tea", this_week(2, 0).date())
    start, end = form.get_by_label("Start time"), form.get_by_label("End time")
    typed(start, "5pm")
    expect(start).to_have_value("5:00 PM")
    typed(end, "5:30 pm")
    expect(end).to_have_value("5:30 PM")
    offered = page.locator(f"datalist#{start.get_attribute('list')} option")
    expect(offered.nth(34)).to_have_attribute("value", "5:00 PM")
    press_main_button(page)
    expect(page.locator("[data-screen=calendar]")).to_be_visible()
    tea = saved_event(mini_app, "Tea")
    assert tea is not None
    assert dt.datetime.fromisoformat(tea["start"]) == this_week(2, 17)
    assert dt.datetime.fromisoformat(tea["end"]) == this_week(2, 17, 30)
    # Opened again, the form shows the saved times on the person's clock.
    page.locator("#calendar .ec-event", has_text="Tea").first.click()
    page.locator("[data-screen=card]").get_by_role("button", name="Edit").click()
    expect(form.get_by_label("Start time")).to_have_value("5:00 PM")
    expect(form.get_by_label("End time")).to_have_value("5:30 PM")
    page.evaluate("window.Telegram.WebView.receiveEvent('back_button_pressed')")  # the card
    page.evaluate("window.Telegram.WebView.receiveEvent('back_button_pressed')")  # the calendar

    screen = settings(page)
    expect(screen.locator("#settings-agenda option[value='17:00']")).to_have_text("5:00 PM")
    expect(screen.get_by_label("Monday from")).to_have_value("9:00 AM")
    expect(screen.get_by_label("Monday to")).to_have_value("5:00 PM")
    typed(screen.get_by_label("Wednesday to"), "5:30 pm")
    expect(screen.get_by_label("Wednesday to")).to_have_value("5:30 PM")
    # Switched to 24 hours on the screen, the fields follow at once.
    screen.get_by_label("Clock").select_option("24")
    expect(screen.get_by_label("Wednesday to")).to_have_value("17:30")
    expect(screen.get_by_label("Monday from")).to_have_value("09:00")
    press_main_button(page)
    expect(page.locator("[data-screen=calendar]")).to_be_visible()
    assert weekly(mini_app)["wed"] == [["09:00", "17:30"]]
    page.context.close()


def test_what_is_not_a_time_is_refused(mini_app: MiniApp, alice_speaks: Any) -> None:
    alice_speaks(language="en", hour_cycle="12")
    page = mini_app.open(ALICE)
    form = new_event(page, "Never saved", this_week(4, 0).date())
    start = form.get_by_label("Start time")
    typed(start, "25:00")
    expect(start).to_have_attribute("aria-invalid", "true")
    typed(form.get_by_label("End time"), "11 am")
    press_main_button(page)
    expect(form.locator("#form-error")).to_have_text("Start time: write a time, such as 5:30 PM.")
    expect(form).to_be_visible()
    expect(start).to_have_value("25:00")  # what was typed stays, never another time
    typed(start, "half past")
    press_main_button(page)
    expect(form.locator("#form-error")).to_be_visible()
    assert saved_event(mini_app, "Never saved") is None
    typed(start, "10")
    expect(start).not_to_have_attribute("aria-invalid", "true")
    page.evaluate("window.Telegram.WebView.receiveEvent('back_button_pressed')")

    before = weekly(mini_app)
    with mini_app.api(ALICE) as client:
        quiet_before = client.get("/me").json()["preferences"]["quiet_hours"]
    screen = settings(page)
    thursday = screen.get_by_label("Thursday from")
    typed(thursday, "tea time")
    expect(thursday).to_have_attribute("aria-invalid", "true")
    screen.get_by_label("Quiet hours every day").check()
    press_main_button(page)
    expect(page.locator("#toast")).to_have_text("Thursday from: write a time, such as 5:30 PM.")
    expect(screen).to_be_visible()
    expect(thursday).to_be_focused()
    # Emptied, a booking hour is not a time either.
    typed(thursday, "")
    press_main_button(page)
    expect(thursday).to_have_attribute("aria-invalid", "true")
    expect(screen).to_be_visible()
    assert weekly(mini_app) == before
    with mini_app.api(ALICE) as client:
        assert client.get("/me").json()["preferences"]["quiet_hours"] == quiet_before
    page.context.close()


def test_persian_digits_are_shown_and_read(mini_app: MiniApp, alice_speaks: Any) -> None:
    alice_speaks(language="fa", hour_cycle="24")
    page = mini_app.open(ALICE, locale="en-US")
    expect(page.locator("html")).to_have_attribute("lang", "fa")
    form = new_event(page, "Persian tea", this_week(1, 0).date())
    start, end = form.locator("#f-start-time"), form.locator("#f-end-time")
    typed(start, "۱۷:۰۰")
    expect(start).to_have_value("۱۷:۰۰")
    typed(end, "٦:٣٠ ب.ظ.")  # Arabic-Indic digits and the afternoon's word
    expect(end).to_have_value("۱۸:۳۰")
    press_main_button(page)
    expect(page.locator("[data-screen=calendar]")).to_be_visible()
    tea = saved_event(mini_app, "Persian tea")
    assert tea is not None
    assert dt.datetime.fromisoformat(tea["start"]) == this_week(1, 17)
    assert dt.datetime.fromisoformat(tea["end"]) == this_week(1, 18, 30)

    screen = settings(page)
    friday = screen.locator("[data-day=fri] .range input")
    expect(friday.nth(0)).to_have_value("۹:۰۰")
    expect(friday.nth(1)).to_have_value("۱۷:۰۰")
    typed(friday.nth(1), "۱۸:۳۰")
    expect(friday.nth(1)).to_have_value("۱۸:۳۰")
    press_main_button(page)
    expect(page.locator("[data-screen=calendar]")).to_be_visible()
    assert weekly(mini_app)["fri"] == [["09:00", "18:30"]]
    page.context.close()


@pytest.mark.parametrize("language", ["en", "fa"])
def test_the_widest_times_fit_on_a_small_phone(
    mini_app: MiniApp, alice_speaks: Any, language: str
) -> None:
    """On 12 hours "12:45 PM" (in Persian "۱۲:۴۵ ب.ظ.") is whole in every time field at 360
    pixels: the booking hours and the event form's."""
    alice_speaks(language=language, hour_cycle="12")
    page = mini_app.open(ALICE)
    page.set_viewport_size({"width": 360, "height": 800})
    screen = settings(page)
    monday = screen.locator("[data-day=mon] .range input")
    typed(monday.nth(0), "12:45 am")
    typed(monday.nth(1), "12:45 pm")
    expect(monday.nth(1)).not_to_have_attribute("aria-invalid", "true")
    expect(monday.nth(1)).to_have_value("12:45 PM" if language == "en" else "۱۲:۴۵ ب.ظ.")
    assert screen.evaluate(CLIPPED_INPUTS) == []
    shoot(page, f"time-fields-hours-{language}", mini_app.backend)
    page.evaluate("window.Telegram.WebView.receiveEvent('back_button_pressed')")
    form = new_event(page, "Late lunch", this_week(0, 0).date())
    typed(form.locator("#f-start-time"), "12:45 pm")
    typed(form.locator("#f-end-time"), "11:45 pm")
    assert form.evaluate(CLIPPED_INPUTS) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    shoot(page, f"time-fields-form-{language}", mini_app.backend)
    page.context.close()


READ = {
    "17:00": "17:00",
    "1700": "17:00",
    "930": "09:30",
    "9": "09:00",
    "9.30": "09:30",
    "9,30": "09:30",
    "5pm": "17:00",
    "5:30 PM": "17:30",
    "5:30 p.m.": "17:30",
    "12 am": "00:00",
    "12:15 pm": "12:15",
    "۱۷:۳۰": "17:30",
    "١٧:٣٠": "17:30",
    "25:00": None,
    "17:60": None,
    "13 pm": None,
    "0 am": None,
    "5 o'clock": None,
    "tea": None,
    "12:3": None,
}


def test_what_people_type_is_read_as_a_time(mini_app: MiniApp) -> None:
    page = mini_app.open(ALICE)
    expect(page.locator("#open-search")).to_have_attribute("aria-label", "Search")
    read = page.evaluate(
        """async (texts) => {
            const { parseTime } = await import("/app/js/timefield.js");
            return Object.fromEntries(texts.map((text) => [text, parseTime(text)]));
        }""",
        list(READ),
    )
    assert read == READ
    page.context.close()
