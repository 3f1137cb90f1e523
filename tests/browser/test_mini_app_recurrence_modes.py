"""Every kind of repetition the Mini App's editor offers, made the way a person makes it: each
chosen in the event form (monthly on a date, on the second weekday or the last weekday of the
month, yearly on a date or on a weekday of its month, every few days a number of times), saved
with Telegram's main button, read back over CalDAV part for part, and shown again in words on
the event's card and in the editor's own controls when the event is opened again. And deleting
one occurrence of a series ("This event": an EXDATE, the others stay) and the whole series
("All events": gone for CalDAV clients and from the app)."""

from __future__ import annotations

import calendar as months
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
from caldav.davclient import DAVClient
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import ALICE, MiniApp, shoot

BERLIN = ZoneInfo("Europe/Berlin")  # the seeded accounts' zone
MO, TU, WE, TH, FR = range(5)


@pytest.fixture
def calendar(mini_app: MiniApp) -> Iterator[Any]:
    """Alice's default calendar over CalDAV (the python `caldav` library)."""
    client = DAVClient(url=f"{mini_app.url}/", username=str(ALICE), password=mini_app.users[ALICE])
    principal: Any = client.principal  # the library's own methods are not annotated
    yield principal().calendars()[0]
    client.close()


def press_main_button(page: Page) -> None:
    page.evaluate("window.Telegram.WebView.receiveEvent('main_button_pressed')")


def stored(calendar: Any, title: str) -> list[Any]:
    """The VEVENTs of every resource with a component called `title`."""
    found = []
    for resource in calendar.events():
        components = list(icalendar.Calendar.from_ical(resource.data).walk("VEVENT"))
        if any(str(c.get("SUMMARY", "")) == title for c in components):
            found.extend(components)
    return found


def expanded(calendar: Any, title: str, start: dt.datetime, end: dt.datetime) -> list[dt.date]:
    """The day of each occurrence of `title` in [start, end), as CalDAV's expansion gives them."""
    days = []
    for resource in calendar.search(start=start, end=end, event=True, expand=True):
        for component in icalendar.Calendar.from_ical(resource.data).walk("VEVENT"):
            if str(component["SUMMARY"]) == title:
                days.append(component.decoded("DTSTART").astimezone(BERLIN).date())
    return sorted(days)


# --- dates --------------------------------------------------------------------------------------


def today() -> dt.date:
    return dt.datetime.now(BERLIN).date()


def month_after(day: dt.date, count: int = 1) -> tuple[int, int]:
    """(year, month) `count` months after `day`'s month."""
    index = day.year * 12 + day.month - 1 + count
    return index // 12, index % 12 + 1


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The `nth` `weekday` (Monday = 0) of the month; -1 the last."""
    if nth < 0:
        last = dt.date(year, month, months.monthrange(year, month)[1])
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def monthly(first: dt.date, count: int, every: int = 1, day: int | None = None) -> list[dt.date]:
    """`count` days, `every` months apart from `first`'s month, on `first`'s day (or `day`)."""
    return [dt.date(*month_after(first, every * i), day or first.day) for i in range(count)]


def in_words(day: dt.date) -> str:
    """A last day as the rule's words write it in English: "Mar 9", with the year when it is
    not this one ("Mar 9, 2027")."""
    words = f"{day:%b} {day.day}"
    return words if day.year == today().year else f"{words}, {day.year}"


def written(day: dt.date) -> re.Pattern[str]:
    """A day in a date field: in English words ("Mar 9, 2027"), or "2027-03-09" where the
    browser's own date field holds it."""
    return re.compile(f"^({day:%b} {day.day}, {day.year}|{day.isoformat()})$")


def end_of(day: dt.date) -> dt.datetime:
    """UNTIL as the editor writes it for a timed series: the end of its last day, in UTC."""
    return dt.datetime.combine(day, dt.time(23, 59, 59), BERLIN).astimezone(dt.UTC)


# --- the repetitions ---------------------------------------------------------------------------


@dataclass
class Repetition:
    """What a person chooses in the editor, what the card and the editor then say, the RRULE a
    CalDAV client reads, and the days its first occurrences fall on."""

    title: str
    start: dt.date
    repeat: str  # the "Repeat" choice: "Daily", "Monthly", "Yearly"
    on: str | None  # the "Repeat on" choice, as it reads
    offered: list[str]  # every "Repeat on" choice the form offers for this start
    rule: dict[str, list[Any]]
    words: str
    days: list[dt.date]  # the first occurrences
    every: int = 1
    ends: str = "Never"  # "Never", "On" (a last day) or "After" (a number of times)
    until: dt.date | None = None
    count: int | None = None
    unit: str = ""  # the word after the "Every" field


def ordinal(day: dt.date) -> str:
    """Which of its weekday's days in the month `day` is, in words ("second")."""
    return ["first", "second", "third", "fourth", "fifth"][(day.day - 1) // 7]


def offered(start: dt.date, yearly: bool = False) -> list[str]:
    """The "Repeat on" choices for a series starting on `start`: its day, its weekday's place
    in the month, and the last such weekday when it is one (in the month's last seven days)."""
    of = f" of {start:%B}" if yearly else ""
    choices = [f"On {start:%B} {start.day}" if yearly else f"On day {start.day}"]
    choices.append(f"On the {ordinal(start)} {start:%A}{of}")
    if start.day + 7 > months.monthrange(start.year, start.month)[1]:
        choices.append(f"On the last {start:%A}{of}")
    return choices


def monthly_on_a_date() -> Repetition:
    start = dt.date(*month_after(today()), 14)
    return Repetition(
        title="Rent",
        start=start,
        repeat="Monthly",
        every=2,
        unit="months",
        on="On day 14",
        offered=offered(start),
        rule={"FREQ": ["MONTHLY"], "INTERVAL": [2]},  # the day is the start's (RFC 5545)
        words="Every 2 months on day 14",
        days=monthly(start, 4, every=2),
    )


def monthly_on_the_second_tuesday() -> Repetition:
    year, month = month_after(today())
    start = nth_weekday(year, month, TU, 2)
    last = nth_weekday(*month_after(start, 3), TU, 2)
    return Repetition(
        title="Book club",
        start=start,
        repeat="Monthly",
        unit="month",
        on="On the second Tuesday",
        offered=offered(start),
        rule={"FREQ": ["MONTHLY"], "BYDAY": ["2TU"], "UNTIL": [end_of(last)]},
        words=f"Every month on the second Tuesday until {in_words(last)}",
        days=[nth_weekday(*month_after(start, i), TU, 2) for i in range(4)],
        ends="On",
        until=last,
    )


def monthly_on_the_last_friday() -> Repetition:
    year, month = month_after(today())
    start = nth_weekday(year, month, FR, -1)
    return Repetition(
        title="Team drinks",
        start=start,
        repeat="Monthly",
        unit="month",
        on="On the last Friday",
        offered=offered(start),
        rule={"FREQ": ["MONTHLY"], "BYDAY": ["-1FR"], "COUNT": [6]},
        words="Every month on the last Friday, 6 times",
        days=[nth_weekday(*month_after(start, i), FR, -1) for i in range(6)],
        ends="After",
        count=6,
    )


def yearly_on_a_date() -> Repetition:
    start = dt.date(*month_after(today()), 23)
    return Repetition(
        title="Anniversary",
        start=start,
        repeat="Yearly",
        unit="year",
        on=f"On {start:%B} 23",
        offered=offered(start, yearly=True),
        rule={"FREQ": ["YEARLY"]},  # the day and month are the start's (RFC 5545)
        words=f"Every year on {start:%B} 23",
        days=[start.replace(year=start.year + i) for i in range(3)],
    )


def yearly_on_the_fourth_thursday() -> Repetition:
    year, month = month_after(today())
    start = nth_weekday(year, month, TH, 4)
    return Repetition(
        title="Harvest dinner",
        start=start,
        repeat="Yearly",
        unit="year",
        on=f"On the fourth Thursday of {start:%B}",
        offered=offered(start, yearly=True),
        rule={"FREQ": ["YEARLY"], "BYMONTH": [start.month], "BYDAY": ["4TH"], "COUNT": [3]},
        words=f"Every year on the fourth Thursday of {start:%B}, 3 times",
        days=[nth_weekday(start.year + i, start.month, TH, 4) for i in range(3)],
        ends="After",
        count=3,
    )


def every_three_days_four_times() -> Repetition:
    start = dt.date(*month_after(today()), 3)
    return Repetition(
        title="Watering",
        start=start,
        repeat="Daily",
        every=3,
        unit="days",
        on=None,
        offered=[],
        rule={"FREQ": ["DAILY"], "INTERVAL": [3], "COUNT": [4]},
        words="Every 3 days, 4 times",
        days=[start + dt.timedelta(days=3 * i) for i in range(4)],
        ends="After",
        count=4,
    )


REPETITIONS = {
    "monthly-on-a-date": monthly_on_a_date,
    "monthly-second-tuesday": monthly_on_the_second_tuesday,
    "monthly-last-friday": monthly_on_the_last_friday,
    "yearly-on-a-date": yearly_on_a_date,
    "yearly-fourth-thursday": yearly_on_the_fourth_thursday,
    "every-three-days-four-times": every_three_days_four_times,
}


def month_choices(form: Locator) -> Locator:
    """The "Repeat on" choices a person sees (a last weekday is offered only in a month's last
    seven days)."""
    return form.get_by_role("group", name="Repeat on").locator("label:visible")


def choose_in_editor(form: Locator, case: Repetition) -> None:
    """Choose `case` in the editor, control by control, as a person does."""
    form.get_by_label("Repeat", exact=True).select_option(label=case.repeat)
    if case.every != 1:
        form.get_by_label("Every", exact=True).fill(str(case.every))
    expect(form.locator("#f-interval-unit")).to_have_text(case.unit)
    if case.on:
        expect(month_choices(form)).to_have_text(case.offered)
        form.get_by_label(case.on, exact=True).check()
    else:
        expect(form.get_by_role("group", name="Repeat on")).to_be_hidden()
    form.get_by_label(case.ends, exact=True).check()
    if case.until:
        form.get_by_label("Last day of the repetition").fill(case.until.isoformat())
    if case.count:
        form.get_by_label("Number of times").fill(str(case.count))


def expect_editor_holds(form: Locator, case: Repetition) -> None:
    """The editor shows the choices `case` was made with."""
    expect(form.get_by_label("Repeat", exact=True).locator("option:checked")).to_have_text(
        case.repeat
    )
    expect(form.get_by_label("Every", exact=True)).to_have_value(str(case.every))
    expect(form.locator("#f-interval-unit")).to_have_text(case.unit)
    if case.on:
        expect(month_choices(form)).to_have_text(case.offered)
        expect(form.get_by_label(case.on, exact=True)).to_be_checked()
        for other in case.offered:
            if other != case.on:
                expect(form.get_by_label(other, exact=True)).not_to_be_checked()
    else:
        expect(form.get_by_role("group", name="Repeat on")).to_be_hidden()
    expect(form.get_by_label(case.ends, exact=True)).to_be_checked()
    until = form.get_by_label("Last day of the repetition")
    count = form.get_by_label("Number of times")
    expect(until).to_have_value(written(case.until) if case.until else "")
    expect(count).to_have_value(str(case.count) if case.count else "")
    expect(until).to_be_enabled(enabled=case.until is not None)
    expect(count).to_be_enabled(enabled=case.count is not None)
    expect(form.locator("#f-repeat-summary")).to_have_text(case.words)


@pytest.mark.parametrize("kind", list(REPETITIONS))
def test_a_repetition_chosen_in_the_editor_reads_back_over_caldav_and_in_the_app(
    mini_app: MiniApp, calendar: Any, kind: str
) -> None:
    case = REPETITIONS[kind]()
    page = mini_app.open(ALICE)
    page.locator("#add").click()
    form = page.locator("#event-form")
    form.get_by_label("Title").fill(case.title)
    form.get_by_label("Start date").fill(case.start.isoformat())
    form.get_by_label("Start time").fill("10:00")
    form.get_by_label("End date").fill(case.start.isoformat())
    form.get_by_label("End time").fill("11:00")
    choose_in_editor(form, case)
    expect(form.locator("#f-repeat-summary")).to_have_text(case.words)
    shoot(page, f"recurrence-{kind}", mini_app.backend)
    press_main_button(page)
    expect(page.locator("#toast")).to_have_text("Event created")

    (master,) = stored(calendar, case.title)
    assert dict(master["RRULE"]) == case.rule
    assert master.decoded("DTSTART") == dt.datetime.combine(case.start, dt.time(10), BERLIN)
    window = [dt.datetime.combine(case.start, dt.time(0), BERLIN)]
    window.append(dt.datetime.combine(case.days[-1] + dt.timedelta(days=1), dt.time(0), BERLIN))
    assert expanded(calendar, case.title, *window) == case.days

    # Opened again from the calendar (on the week it starts in): the card says the rule in
    # words, and the editor holds what was chosen.
    page.locator("#calendar .ec-event", has_text=case.title).first.click()
    card = page.locator("[data-screen=card]")
    expect(card.get_by_role("heading", name=case.title)).to_be_visible()
    expect(card.locator(".repeats")).to_have_text(case.words)
    card.get_by_role("button", name="Edit").click()
    page.locator("dialog").get_by_role("button", name="All events").click()
    expect(form.get_by_role("heading")).to_have_text("Edit event")
    expect_editor_holds(form, case)
    page.context.close()


def test_the_day_choices_follow_the_start_date(mini_app: MiniApp, calendar: Any) -> None:
    year, month = month_after(today())
    last_friday = nth_weekday(year, month, FR, -1)
    second_tuesday = nth_weekday(year, month, TU, 2)
    page = mini_app.open(ALICE)
    page.locator("#add").click()
    form = page.locator("#event-form")
    form.get_by_label("Title").fill("Board meeting")
    form.get_by_label("Start date").fill(last_friday.isoformat())
    form.get_by_label("End date").fill(last_friday.isoformat())
    form.get_by_label("Start time").fill("10:00")  # not the next hour's default: any hour
    form.get_by_label("End time").fill("11:00")
    form.get_by_label("Repeat", exact=True).select_option(label="Monthly")
    expect(month_choices(form)).to_have_text(offered(last_friday))
    form.get_by_label("On the last Friday", exact=True).check()
    expect(form.locator("#f-repeat-summary")).to_have_text("Every month on the last Friday")

    # Moved to a day that is no month's last of its weekday: that choice goes, and the place
    # in the month of the new day is chosen instead.
    form.get_by_label("Start date").fill(second_tuesday.isoformat())
    form.get_by_label("End date").fill(second_tuesday.isoformat())
    expect(month_choices(form)).to_have_text(offered(second_tuesday))
    expect(form.get_by_label("On the second Tuesday", exact=True)).to_be_checked()
    expect(form.locator("#f-repeat-summary")).to_have_text("Every month on the second Tuesday")
    press_main_button(page)
    expect(page.locator("#toast")).to_have_text("Event created")

    (master,) = stored(calendar, "Board meeting")
    assert dict(master["RRULE"]) == {"FREQ": ["MONTHLY"], "BYDAY": ["2TU"]}
    assert master.decoded("DTSTART").date() == second_tuesday
    page.context.close()


# --- deleting from a series --------------------------------------------------------------------


def working_days(mini_app: MiniApp, title: str) -> list[dt.date]:
    """A series at 09:00 on the working days of two weeks from this month's first Monday (all
    in this month, so that the month's agenda shows every one); its days."""
    first = today().replace(day=1)
    monday = first + dt.timedelta(days=-first.weekday() % 7)
    start = dt.datetime.combine(monday, dt.time(9), BERLIN)
    with mini_app.api(ALICE) as client:
        made = client.post(
            "/events",
            json={
                "title": title,
                "start": start.isoformat(),
                "end": (start + dt.timedelta(minutes=15)).isoformat(),
                "timezone": "Europe/Berlin",
                "recurrence": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT=10",
            },
        )
    assert made.status_code == 201, made.text
    return [monday + dt.timedelta(days=d) for d in (0, 1, 2, 3, 4, 7, 8, 9, 10, 11)]


def agenda_days(page: Page, title: str, count: int) -> list[dt.date]:
    """The days the month's agenda lists `title` on, once it lists it `count` times."""
    shown = page.locator("#calendar .ec-event").filter(
        has=page.locator(".ec-event-title", has_text=title)
    )
    expect(shown).to_have_count(count)
    times = shown.locator(".ec-event-time")
    return [dt.date.fromisoformat(str(t.get_attribute("datetime"))[:10]) for t in times.all()]


def tap_in_agenda(page: Page, title: str, day: dt.date) -> None:
    page.locator("#calendar .ec-event").filter(
        has=page.locator(f".ec-event-time[datetime^='{day.isoformat()}']")
    ).filter(has=page.locator(".ec-event-title", has_text=title)).click()


def test_delete_this_event_leaves_the_rest_of_the_series(mini_app: MiniApp, calendar: Any) -> None:
    days = working_days(mini_app, "Stand-up")
    wednesday = days[2]
    page = mini_app.open(ALICE, view="agenda")
    assert agenda_days(page, "Stand-up", 10) == days
    tap_in_agenda(page, "Stand-up", wednesday)
    card = page.locator("[data-screen=card]")
    expect(card.locator(".when")).to_contain_text(f"Wed, {wednesday:%b} {wednesday.day}")
    expect(card.locator(".repeats")).to_have_text("Every weekday, 10 times")
    card.get_by_role("button", name="Delete").click()
    dialog = page.locator("dialog")
    expect(dialog.locator("p")).to_have_text("Delete this repeating event:")
    expect(dialog.get_by_role("button")).to_have_text(
        ["This event", "This and following events", "All events", "Cancel"]
    )
    dialog.get_by_role("button", name="This event", exact=True).click()
    expect(page.locator("#toast")).to_have_text("Deleted")

    # In the app: that Wednesday is gone, Tuesday and Thursday and the rest are there.
    remaining = [day for day in days if day != wednesday]
    assert agenda_days(page, "Stand-up", 9) == remaining

    # For CalDAV clients: the same series, that occurrence cancelled with an EXDATE.
    (master,) = stored(calendar, "Stand-up")
    assert dict(master["RRULE"]) == {
        "FREQ": ["WEEKLY"],
        "BYDAY": ["MO", "TU", "WE", "TH", "FR"],
        "COUNT": [10],
    }
    excluded = master.get("EXDATE")
    excluded = excluded if isinstance(excluded, list) else [excluded]
    assert [value.dt for listed in excluded for value in listed.dts] == [
        dt.datetime.combine(wednesday, dt.time(9), BERLIN)
    ]
    window = (
        dt.datetime.combine(days[0], dt.time(0), BERLIN),
        dt.datetime.combine(days[-1] + dt.timedelta(days=1), dt.time(0), BERLIN),
    )
    assert expanded(calendar, "Stand-up", *window) == remaining
    page.context.close()


def test_delete_all_events_removes_the_series(mini_app: MiniApp, calendar: Any) -> None:
    days = working_days(mini_app, "Morning run")
    page = mini_app.open(ALICE, view="agenda")
    assert agenda_days(page, "Morning run", 10) == days
    tap_in_agenda(page, "Morning run", days[6])  # one in the second week
    card = page.locator("[data-screen=card]")
    card.get_by_role("button", name="Delete").click()
    page.locator("dialog").get_by_role("button", name="All events").click()
    expect(page.locator("#toast")).to_have_text("Deleted")

    assert agenda_days(page, "Morning run", 0) == []
    assert stored(calendar, "Morning run") == []
    window = (
        dt.datetime.combine(days[0], dt.time(0), BERLIN),
        dt.datetime.combine(days[-1] + dt.timedelta(days=1), dt.time(0), BERLIN),
    )
    assert expanded(calendar, "Morning run", *window) == []
    page.context.close()
