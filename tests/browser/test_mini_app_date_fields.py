"""Dates in the Mini App are shown and typed in the person's language and picked from a month
whose weeks start on the person's first day of the week (from their settings), whatever the
browser's locale: the event form's start and end, the last day of a repetition, a day off in the
booking hours. What they type is read ("2030-12-24", "Dec 24, 2030", "۲۰۳۰/۱۲/۲۴"), saved as
that day, and rubbish is refused with words, nothing saved. Against a real `televent serve`,
both backends."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import ALICE, MiniApp, shoot
from tests.browser.test_mini_app_booking import press_main_button
from tests.browser.test_mini_app_phone import CLIPPED_INPUTS

BERLIN = ZoneInfo("Europe/Berlin")  # Alice's zone


@pytest.fixture
def alice_speaks(mini_app: MiniApp) -> Iterator[Any]:
    """Set Alice's language, clock and first weekday for a test (PATCH /me); automatic again
    after it."""

    def choose(**speech: str | None) -> None:
        with mini_app.api(ALICE) as client:
            reply = client.patch("/me", json=speech)
            assert reply.status_code == 200, reply.text

    yield choose
    choose(language=None, hour_cycle=None, week_start=None)


def shown(day: dt.date) -> str:
    """A day as the app writes it in English: "Dec 24, 2030"."""
    return f"{day:%b} {day.day}, {day.year}"


def spoken(day: dt.date) -> str:
    """A day's name in the month to pick from, in English: "Tuesday, December 24, 2030"."""
    return f"{day:%A}, {day:%B} {day.day}, {day.year}"


def example() -> str:
    """The date the app's messages give as an example: November 24 of this year."""
    return shown(dt.date(dt.datetime.now(BERLIN).year, 11, 24))


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), BERLIN)


def typed(field: Locator, text: str) -> None:
    """Typed into the field and left (Tab), as a person does."""
    field.fill(text)
    field.press("Tab")


def new_event(page: Page, title: str) -> Locator:
    page.locator("#add").click()
    form = page.locator("#event-form")
    expect(form).to_be_visible()
    form.locator("#f-title").fill(title)
    return form


def opener(field: Locator) -> Locator:
    """The button beside a date field that opens the month to pick from."""
    return field.locator("xpath=..").get_by_role("button", name="Choose a date")


def month(page: Page) -> Locator:
    return page.get_by_role("dialog")


def saved(mini_app: MiniApp, title: str, around: dt.date) -> dict[str, Any] | None:
    """The event called `title` within a month of `around`, as the API gives it."""
    with mini_app.api(ALICE) as client:
        reply = client.get(
            "/events",
            params={
                "start": at(around - dt.timedelta(days=35), 0).isoformat(),
                "end": at(around + dt.timedelta(days=35), 0).isoformat(),
                "q": title,
            },
        )
    assert reply.status_code == 200, reply.text
    return next((item for item in reply.json()["items"] if item["title"] == title), None)


def days_off(mini_app: MiniApp) -> list[Any]:
    with mini_app.api(ALICE) as client:
        overrides: list[Any] = client.get("/availability").json()["overrides"]
    return overrides


def test_a_sunday_person_on_a_british_browser(mini_app: MiniApp, alice_speaks: Any) -> None:
    alice_speaks(language="en", week_start="sun")
    page = mini_app.open(ALICE)  # the browser alone would write 24/12/2030, Monday first
    christmas_eve = dt.date(2030, 12, 24)
    form = new_event(page, "Carol service")
    start, end = form.get_by_label("Start date"), form.get_by_label("End date")
    typed(start, "2030-12-24")
    expect(start).to_have_value("Dec 24, 2030")
    typed(end, "12/24/2030")  # the person's own order: month, day, year
    expect(end).to_have_value("Dec 24, 2030")
    typed(form.get_by_label("Start time"), "17:00")
    typed(form.get_by_label("End time"), "18:00")

    opener(end).click()
    picker = month(page)
    expect(picker).to_be_visible()
    expect(picker.get_by_role("heading")).to_have_text("December 2030")
    heads = picker.get_by_role("columnheader")
    expect(heads).to_have_count(7)
    expect(heads.first).to_have_accessible_name("Sunday")
    expect(heads.first).to_have_text("Sun")
    expect(heads.last).to_have_accessible_name("Saturday")
    # December 2030 begins on a Sunday: its 1st is in the first column.
    expect(picker.locator("tbody tr").first.locator("td").first).to_have_text("1")
    chosen = picker.get_by_role("button", name=spoken(christmas_eve))
    expect(chosen).to_be_focused()
    expect(chosen).to_have_attribute("aria-pressed", "true")
    shoot(page, "date-field-month-en", mini_app.backend)
    # By keyboard: the next day, picked with Enter; the focus goes back to the button.
    page.keyboard.press("ArrowRight")
    expect(picker.get_by_role("button", name=spoken(dt.date(2030, 12, 25)))).to_be_focused()
    page.keyboard.press("Enter")
    expect(picker).to_have_count(0)
    expect(end).to_have_value("Dec 25, 2030")
    expect(opener(end)).to_be_focused()

    press_main_button(page)
    expect(page.locator("[data-screen=calendar]")).to_be_visible()
    carols = saved(mini_app, "Carol service", christmas_eve)
    assert carols is not None
    assert dt.datetime.fromisoformat(carols["start"]) == at(christmas_eve, 17)
    assert dt.datetime.fromisoformat(carols["end"]) == at(dt.date(2030, 12, 25), 18)
    page.context.close()


def test_a_monday_person_on_an_american_browser(mini_app: MiniApp, alice_speaks: Any) -> None:
    alice_speaks(hour_cycle="24", week_start="mon")
    day = dt.date(2031, 3, 3)
    with mini_app.api(ALICE) as client:
        reply = client.post(
            "/events",
            json={
                "title": "Offsite",
                "start": at(day, 9).isoformat(),
                "end": at(day, 17).isoformat(),
            },
        )
        assert reply.status_code == 201, reply.text
    page = mini_app.open(ALICE, locale="en-US", fragment=f"event={reply.json()['id']}")
    card = page.locator("[data-screen=card]")
    card.get_by_role("button", name="Edit").click()
    form = page.locator("#event-form")
    start, end = form.get_by_label("Start date"), form.get_by_label("End date")
    # Not the browser's 03/03/2031: the person's language's.
    expect(start).to_have_value("Mar 3, 2031")
    expect(form.get_by_label("Start time")).to_have_value("09:00")
    typed(start, "Mar 4, 2031")  # the form the field shows, typed
    expect(start).to_have_value("Mar 4, 2031")
    expect(end).to_have_value("Mar 4, 2031")  # the end follows a start moved past it

    opener(end).click()
    picker = month(page)
    expect(picker.get_by_role("heading")).to_have_text("March 2031")
    heads = picker.get_by_role("columnheader")
    expect(heads.first).to_have_accessible_name("Monday")
    expect(heads.first).to_have_text("Mon")
    expect(heads.last).to_have_accessible_name("Sunday")
    # March 2031 begins on a Saturday: the sixth column of a Monday-first week.
    first_row = picker.locator("tbody tr").first.locator("td")
    expect(first_row.nth(5)).to_have_text("1")
    expect(first_row.nth(4)).to_have_text("")
    picker.get_by_role("button", name="Next month").click()
    expect(picker.get_by_role("heading")).to_have_text("April 2031")
    april_4 = dt.date(2031, 4, 4)
    picker.get_by_role("button", name=spoken(april_4)).click()
    expect(picker).to_have_count(0)
    expect(end).to_have_value("Apr 4, 2031")

    press_main_button(page)
    expect(page.locator("[data-screen=card]")).to_be_visible()
    offsite = saved(mini_app, "Offsite", day)
    assert offsite is not None
    assert dt.datetime.fromisoformat(offsite["start"]) == at(dt.date(2031, 3, 4), 9)
    assert dt.datetime.fromisoformat(offsite["end"]) == at(april_4, 17)
    page.context.close()


def test_a_start_moved_to_another_day_takes_its_end_along(mini_app: MiniApp) -> None:
    """A late event that ends after midnight keeps its length when its start is moved: the end
    moves by as many days, so the form never says the end is before the start."""
    day = dt.date(2031, 5, 9)
    with mini_app.api(ALICE) as client:
        reply = client.post(
            "/events",
            json={
                "title": "Night train",
                "start": at(day, 23).isoformat(),
                "end": at(day + dt.timedelta(days=1), 1).isoformat(),
            },
        )
        assert reply.status_code == 201, reply.text
    page = mini_app.open(ALICE, fragment=f"event={reply.json()['id']}")
    page.locator("[data-screen=card]").get_by_role("button", name="Edit").click()
    form = page.locator("#event-form")
    start, end = form.get_by_label("Start date"), form.get_by_label("End date")
    expect(end).to_have_value("May 10, 2031")
    typed(start, "2031-05-16")
    expect(end).to_have_value("May 17, 2031")
    typed(start, "2031-05-12")  # earlier again: the end comes back with it
    expect(end).to_have_value("May 13, 2031")
    press_main_button(page)
    expect(page.locator("[data-screen=card]")).to_be_visible()
    train = saved(mini_app, "Night train", day)
    assert train is not None
    assert dt.datetime.fromisoformat(train["start"]) == at(dt.date(2031, 5, 12), 23)
    assert dt.datetime.fromisoformat(train["end"]) == at(dt.date(2031, 5, 13), 1)
    page.context.close()


def test_persian_digits_and_words_right_to_left(mini_app: MiniApp, alice_speaks: Any) -> None:
    alice_speaks(language="fa")
    page = mini_app.open(ALICE, locale="en-US")
    page.set_viewport_size({"width": 360, "height": 800})
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    form = new_event(page, "Persian dinner")
    start, end = form.locator("#f-start-date"), form.locator("#f-end-date")
    typed(start, "۲۰۳۰/۱۲/۲۴")
    expect(start).to_have_value("۲۴ دسامبر ۲۰۳۰")
    typed(end, "۲۴ دسامبر ۲۰۳۰")  # the form the field shows
    expect(end).to_have_value("۲۴ دسامبر ۲۰۳۰")
    typed(form.locator("#f-start-time"), "۱۹:۰۰")
    typed(form.locator("#f-end-time"), "۲۱:۰۰")
    assert form.evaluate(CLIPPED_INPUTS) == []

    end.press("ArrowDown")  # the keyboard's way to the month
    picker = month(page)
    expect(picker.get_by_role("heading")).to_have_text("دسامبر ۲۰۳۰")
    # Persian's week starts on Saturday, and its days run from right to left.
    expect(picker.get_by_role("columnheader").first).to_have_accessible_name("شنبه")
    assert picker.evaluate("e => getComputedStyle(e).direction") == "rtl"
    focused = picker.locator(":focus")
    expect(focused).to_have_attribute("data-date", "2030-12-24")
    expect(focused).to_have_text("۲۴")
    page.keyboard.press("ArrowLeft")  # the next day, to the left
    expect(focused).to_have_attribute("data-date", "2030-12-25")
    page.keyboard.press("ArrowUp")
    expect(focused).to_have_attribute("data-date", "2030-12-18")
    box = picker.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360, box
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    shoot(page, "date-field-month-fa", mini_app.backend)
    page.keyboard.press("Escape")  # nothing picked: the field keeps its day
    expect(picker).to_have_count(0)
    expect(end).to_have_value("۲۴ دسامبر ۲۰۳۰")

    press_main_button(page)
    expect(page.locator("[data-screen=calendar]")).to_be_visible()
    dinner = saved(mini_app, "Persian dinner", dt.date(2030, 12, 24))
    assert dinner is not None
    assert dt.datetime.fromisoformat(dinner["start"]) == at(dt.date(2030, 12, 24), 19)
    assert dt.datetime.fromisoformat(dinner["end"]) == at(dt.date(2030, 12, 24), 21)
    page.context.close()


def test_what_is_not_a_date_is_refused(mini_app: MiniApp, alice_speaks: Any) -> None:
    alice_speaks(language="en")
    page = mini_app.open(ALICE)
    form = new_event(page, "Never saved")
    start = form.get_by_label("Start date")
    typed(start, "next Tuesday")
    expect(start).to_have_attribute("aria-invalid", "true")
    press_main_button(page)
    expect(form.locator("#form-error")).to_have_text(
        f"Start date: write a date, such as {example()}."
    )
    expect(form).to_be_visible()
    expect(start).to_have_value("next Tuesday")  # what was typed stays, never another day
    typed(start, "24/12/2030")  # a British order for a person whose English is American
    press_main_button(page)
    expect(form.locator("#form-error")).to_have_text(
        f"Start date: write a date, such as {example()}."
    )
    typed(start, "2030-02-30")
    press_main_button(page)
    expect(form.locator("#form-error")).to_be_visible()
    assert saved(mini_app, "Never saved", dt.date(2030, 12, 24)) is None
    assert saved(mini_app, "Never saved", dt.date(2030, 2, 28)) is None

    typed(start, "2030-12-02")
    expect(start).not_to_have_attribute("aria-invalid", "true")
    typed(form.get_by_label("End date"), "2030-12-02")
    typed(form.get_by_label("Start time"), "18:00")  # not the next hour's default: any hour
    typed(form.get_by_label("End time"), "19:00")
    form.get_by_label("Repeat", exact=True).select_option(label="Weekly")
    form.get_by_label("On", exact=True).check()
    until = form.get_by_label("Last day of the repetition")
    typed(until, "soon")
    press_main_button(page)
    expect(form.locator("#form-error")).to_have_text(
        f"Last day of the repetition: write a date, such as {example()}."
    )
    assert saved(mini_app, "Never saved", dt.date(2030, 12, 2)) is None
    page.evaluate("window.Telegram.WebView.receiveEvent('back_button_pressed')")

    before = days_off(mini_app)
    page.locator("#open-settings").click()
    screen = page.locator("[data-screen=settings]")
    expect(screen.locator("#availability-body .day")).to_have_count(7)
    day_off = screen.get_by_label("A date off")
    typed(day_off, "Christmas")
    screen.get_by_role("button", name="Add a day off").click()
    expect(page.locator("#toast")).to_have_text(f"A date off: write a date, such as {example()}.")
    expect(day_off).to_have_attribute("aria-invalid", "true")
    expect(day_off).to_be_focused()
    expect(screen.locator(".dates")).to_have_count(0)
    press_main_button(page)
    expect(page.locator("[data-screen=calendar]")).to_be_visible()
    assert days_off(mini_app) == before
    page.context.close()


def test_a_repetition_s_last_day_and_a_day_off_are_the_picked_days(
    mini_app: MiniApp, alice_speaks: Any
) -> None:
    alice_speaks(language="en", week_start="mon")
    page = mini_app.open(ALICE)
    form = new_event(page, "Advent choir")
    first_monday = dt.date(2030, 12, 2)
    typed(form.get_by_label("Start date"), first_monday.isoformat())
    typed(form.get_by_label("End date"), first_monday.isoformat())
    typed(form.get_by_label("Start time"), "18:00")
    typed(form.get_by_label("End time"), "19:00")
    form.get_by_label("Repeat", exact=True).select_option(label="Weekly")
    form.get_by_label("On", exact=True).check()
    until = form.get_by_label("Last day of the repetition")
    expect(until).to_have_value("Jan 1, 2031")  # a month after the start, at first
    opener(until).click()
    picker = month(page)
    expect(picker.get_by_role("heading")).to_have_text("January 2031")
    picker.get_by_role("button", name="Previous month").click()
    expect(picker.get_by_role("heading")).to_have_text("December 2030")
    last_day = dt.date(2030, 12, 23)
    picker.get_by_role("button", name=spoken(last_day)).click()
    expect(until).to_have_value("Dec 23, 2030")
    expect(form.locator("#f-repeat-summary")).to_have_text("Every week on Mon until Dec 23, 2030")
    press_main_button(page)
    expect(page.locator("[data-screen=calendar]")).to_be_visible()
    choir = saved(mini_app, "Advent choir", first_monday)
    assert choir is not None
    end_of_last_day = at(last_day, 23, 59).replace(second=59).astimezone(dt.UTC)
    rule = dict(part.split("=") for part in choir["recurrence"].split(";"))
    assert rule == {"FREQ": "WEEKLY", "BYDAY": "MO", "UNTIL": f"{end_of_last_day:%Y%m%dT%H%M%SZ}"}

    # A day off picked from next month, as a person taps it.
    page.locator("#open-settings").click()
    screen = page.locator("[data-screen=settings]")
    expect(screen.locator("#availability-body .day")).to_have_count(7)
    day_off = screen.get_by_label("A date off")
    today = dt.datetime.now(BERLIN).date()
    next_month = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=24)
    opener(day_off).click()
    picker.get_by_role("button", name="Next month").click()
    picker.get_by_role("button", name=spoken(next_month)).click()
    expect(day_off).to_have_value(shown(next_month))
    screen.get_by_role("button", name="Add a day off").click()
    expect(page.locator("#toast")).to_have_text(f"{shown(next_month)} is a day off once you save")
    expect(day_off).to_have_value("")
    press_main_button(page)
    expect(page.locator("[data-screen=calendar]")).to_be_visible()
    assert {"date": next_month.isoformat(), "ranges": []} in days_off(mini_app)
    page.context.close()


READ = {
    "2030-12-24": "2030-12-24",
    "20301224": "2030-12-24",
    "Dec 24, 2030": "2030-12-24",
    "December 24, 2030": "2030-12-24",
    "24 December 2030": "2030-12-24",
    "Tue, Dec 24, 2030": "2030-12-24",
    "12/24/2030": "2030-12-24",
    "12/24/30": "2030-12-24",
    "2030/12/24": "2030-12-24",
    "sept 3 2030": "2030-09-03",
    "۲۰۳۰-۱۲-۲۴": "2030-12-24",
    "24/12/2030": None,
    "2030-02-29": None,
    "2028-02-29": "2028-02-29",
    "2030-13-01": None,
    "1405-09-03": None,
    "Dec 2030": None,
    "tomorrow": None,
    "24 Dec 2030 18:00": None,
    "": None,
}

READ_IN: dict[str, dict[str, str | None]] = {
    "de": {"24.12.2030": "2030-12-24", "24. Dez. 2030": "2030-12-24", "12/24/2030": None},
    "ru": {
        "24 дек. 2030 г.": "2030-12-24",
        "24 декабря 2030": "2030-12-24",
        "24.12.30": "2030-12-24",
    },
    "pt-BR": {"24 de dez. de 2030": "2030-12-24", "24/12/2030": "2030-12-24"},
    "fa": {
        "۲۴ دسامبر ۲۰۳۰": "2030-12-24",
        "۲۰۳۰/۱۲/۲۴": "2030-12-24",
        "٢٤/١٢/٢٠٣٠": "2030-12-24",
        "۱۴۰۹/۱۰/۰۳": None,
    },
}


def test_what_people_type_is_read_as_a_date(mini_app: MiniApp, alice_speaks: Any) -> None:
    alice_speaks(language="en")
    page = mini_app.open(ALICE)
    expect(page.locator("#open-search")).to_have_attribute("aria-label", "Search")
    read = page.evaluate(
        """async (texts) => {
            const { parseDate } = await import("/app/js/datefield.js");
            return Object.fromEntries(texts.map((text) => [text, parseDate(text)]));
        }""",
        list(READ),
    )
    assert read == READ
    for language, table in READ_IN.items():
        read = page.evaluate(
            """async ([language, texts]) => {
                const { useLanguage } = await import("/app/js/i18n.js");
                const { parseDate } = await import("/app/js/datefield.js");
                await useLanguage(language);
                return Object.fromEntries(texts.map((text) => [text, parseDate(text)]));
            }""",
            [language, list(table)],
        )
        assert read == table, language
    page.context.close()
