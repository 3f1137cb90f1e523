"""Repeating events in the Mini App: the rule editor writes the RRULE a CalDAV client reads back
part for part, a rule written over CalDAV reads in words on the card (and one the editor cannot
show is kept as it is), "this and following" splits a series the way CalDAV clients see it, and
the rule logic itself (js/recurrence.js: parse, build, words in several languages), evaluated in
the page."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import caldav
import icalendar
import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ALICE, BOB, MiniApp, shoot, this_week

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def calendar(mini_app: MiniApp) -> Iterator[Any]:
    """Alice's default calendar over CalDAV (the python `caldav` library)."""
    client = caldav.DAVClient(
        url=f"{mini_app.url}/", username=str(ALICE), password=mini_app.users[ALICE]
    )
    yield client.principal().calendars()[0]
    client.close()


def press_main_button(page: Page) -> None:
    page.evaluate("window.Telegram.WebView.receiveEvent('main_button_pressed')")


def stored(calendar: Any, title: str) -> list[Any]:
    """The VEVENTs of every resource whose series is called `title`, masters first."""
    found = []
    for resource in calendar.events():
        components = list(icalendar.Calendar.from_ical(resource.data).walk("VEVENT"))
        if any(str(c.get("SUMMARY", "")).startswith(title) for c in components):
            found.extend(components)
    return sorted(found, key=lambda c: ("RECURRENCE-ID" in c, c.decoded("DTSTART")))


def expanded(calendar: Any, title: str, start: dt.datetime, end: dt.datetime) -> list[Any]:
    """(title, start) of each occurrence in [start, end), as CalDAV's expansion gives them."""
    rows = []
    for resource in calendar.search(start=start, end=end, event=True, expand=True):
        for component in icalendar.Calendar.from_ical(resource.data).walk("VEVENT"):
            if str(component["SUMMARY"]).startswith(title):
                rows.append((str(component["SUMMARY"]), component.decoded("DTSTART")))
    return sorted(rows, key=lambda row: row[1])


def api_item(mini_app: MiniApp, title: str) -> dict[str, Any]:
    with mini_app.api(ALICE) as client:
        answer = client.get(
            "/events",
            params={
                "start": this_week(-35, 0).isoformat(),
                "end": this_week(35, 0).isoformat(),
                "q": title,
            },
        )
    assert answer.status_code == 200, answer.text
    item: dict[str, Any] = answer.json()["items"][0]
    return item


def test_a_rule_made_in_the_app_reads_back_over_caldav_part_for_part(
    mini_app: MiniApp, calendar: Any
) -> None:
    monday = this_week(0, 10).date()
    last_day = monday + dt.timedelta(days=31)  # a Thursday, five weeks on
    page = mini_app.open(ALICE)
    page.locator("#add").click()
    form = page.locator("#event-form")
    form.get_by_label("Title").fill("Choir")
    form.get_by_label("Start date").fill(monday.isoformat())
    form.get_by_label("Start time").fill("10:00")
    form.get_by_label("End date").fill(monday.isoformat())
    form.get_by_label("End time").fill("11:00")
    form.get_by_label("Repeat", exact=True).select_option(label="Weekly")
    days = form.get_by_role("group", name="On these days")
    expect(days.get_by_role("button", name="Monday")).to_have_attribute("aria-pressed", "true")
    # The buttons follow the person's week: English without a choice of their own starts it
    # on Sunday.
    expect(days.get_by_role("button").first).to_have_accessible_name("Sunday")
    form.locator("#f-interval").fill("2")
    days.get_by_role("button", name="Wednesday").click()
    days.get_by_role("button", name="Friday").click()
    form.get_by_label("On", exact=True).check()
    form.get_by_label("Last day of the repetition").fill(last_day.isoformat())
    until_words = last_day.strftime("%b %-d")  # English, this year: "Jun 30"
    if last_day.year != dt.datetime.now(BERLIN).year:
        until_words += f", {last_day.year}"
    expect(form.locator("#f-repeat-summary")).to_have_text(
        f"Every 2 weeks on Mon, Wed, Fri until {until_words}"
    )
    shoot(page, "recurrence-editor", mini_app.backend)
    press_main_button(page)
    expect(page.locator("#toast")).to_have_text("Event created")

    (master,) = stored(calendar, "Choir")
    rule = master["RRULE"]
    end_of_last_day = dt.datetime.combine(last_day, dt.time(23, 59, 59), BERLIN)
    assert dict(rule) == {
        "FREQ": ["WEEKLY"],
        "INTERVAL": [2],
        "BYDAY": ["MO", "WE", "FR"],
        "UNTIL": [end_of_last_day.astimezone(dt.UTC)],
    }
    starts = [start for _, start in expanded(calendar, "Choir", this_week(0, 0), this_week(42, 0))]
    assert [start.date() - monday for start in starts] == [
        dt.timedelta(days=d) for d in (0, 2, 4, 14, 16, 18, 28, 30)
    ]  # every other week, Monday, Wednesday and Friday, the last on or before its last day

    page.locator("#calendar .ec-event", has_text="Choir").first.click()
    card = page.locator("[data-screen=card]")
    expect(card.locator(".repeats")).to_have_text(
        f"Every 2 weeks on Mon, Wed, Fri until {until_words}"
    )
    page.context.close()


def test_rules_written_over_caldav_read_in_words_and_are_kept(
    mini_app: MiniApp, calendar: Any
) -> None:
    today = dt.datetime.now(BERLIN).date()
    first = today.replace(day=1)
    second_tuesday = first + dt.timedelta(days=(1 - first.weekday()) % 7 + 7)
    start = dt.datetime.combine(second_tuesday, dt.time(18), BERLIN)
    odd_rule = "FREQ=MONTHLY;BYDAY=TU,TH;BYSETPOS=1,-1;WKST=SU"
    for uid, title, rule in [
        ("club@example.com", "Book club", "FREQ=MONTHLY;BYDAY=2TU"),
        ("odd@example.com", "Odd one", odd_rule),
    ]:
        calendar.save_event(
            "\r\n".join(
                [
                    "BEGIN:VCALENDAR",
                    "VERSION:2.0",
                    "PRODID:-//Some Client//EN",
                    "BEGIN:VEVENT",
                    f"UID:{uid}",
                    "DTSTAMP:20260101T000000Z",
                    f"DTSTART;TZID=Europe/Berlin:{start:%Y%m%dT%H%M%S}",
                    "DURATION:PT1H",
                    f"RRULE:{rule}",
                    f"SUMMARY:{title}",
                    "END:VEVENT",
                    "END:VCALENDAR",
                    "",
                ]
            )
        )
    club = api_item(mini_app, "Book club")
    page = mini_app.open(ALICE, fragment=f"event={club['id']}")
    card = page.locator("[data-screen=card]")
    expect(card.locator(".repeats")).to_have_text("Every month on the second Tuesday")

    odd = api_item(mini_app, "Odd one")
    page.goto(page.url.replace(club["id"], odd["id"]))  # another event in the fragment
    expect(card.get_by_role("heading", name="Odd one")).to_be_visible()
    expect(card.locator(".repeats")).to_have_text(
        "Every month on Tue, Thu, only the first and last"
    )
    card.get_by_role("button", name="Edit").click()
    form = page.locator("#event-form")
    repeat = form.get_by_label("Repeat", exact=True)
    expect(repeat.locator("option:checked")).to_have_text(
        "Custom: Every month on Tue, Thu, only the first and last"
    )
    expect(form.locator("#f-recurrence")).to_be_hidden()
    form.get_by_label("Title").fill("Odd one, renamed")
    press_main_button(page)
    expect(page.locator("#toast")).to_have_text("Saved")
    (kept,) = stored(calendar, "Odd one")
    assert str(kept["SUMMARY"]) == "Odd one, renamed"
    assert dict(kept["RRULE"]) == dict(icalendar.vRecur.from_ical(odd_rule))
    page.context.close()


def test_this_and_following_in_the_app_splits_the_series_for_caldav(
    mini_app: MiniApp, calendar: Any
) -> None:
    first = this_week(-21, 7)  # three Mondays ago: this week's is the fourth occurrence
    with mini_app.api(ALICE) as client:
        made = client.post(
            "/events",
            json={
                "title": "Early swim",
                "start": first.isoformat(),
                "end": (first + dt.timedelta(minutes=45)).isoformat(),
                "timezone": "Europe/Berlin",
                "location": "Old pool",
                "recurrence": "FREQ=WEEKLY;BYDAY=MO;COUNT=8",
            },
        )
    assert made.status_code == 201, made.text
    page = mini_app.open(ALICE)
    page.locator("#calendar .ec-event", has_text="Early swim").click()
    card = page.locator("[data-screen=card]")
    expect(card.locator(".repeats")).to_have_text("Every week on Mon, 8 times")
    card.get_by_role("button", name="Edit").click()
    dialog = page.locator("dialog")
    expect(dialog.get_by_role("button")).to_have_text(
        ["This event", "This and following events", "All events", "Cancel"]
    )
    dialog.get_by_role("button", name="This and following events").click()
    form = page.locator("#event-form")
    expect(form.get_by_role("heading")).to_have_text("Edit this and following events")
    form.get_by_label("Location").fill("New pool")
    form.get_by_label("Start time").fill("07:30")
    form.get_by_label("End time").fill("08:15")
    press_main_button(page)
    expect(page.locator("#toast")).to_have_text("Saved")

    old, new = stored(calendar, "Early swim")
    assert old["UID"] != new["UID"]
    assert old["RRULE"]["UNTIL"] == [this_week(0, 7).astimezone(dt.UTC) - dt.timedelta(seconds=1)]
    assert new["RRULE"]["COUNT"] == [5]
    assert new.decoded("DTSTART") == this_week(0, 7, 30)
    assert [
        (start, str(location))
        for start, location in [(c.decoded("DTSTART"), c.get("LOCATION")) for c in (old, new)]
    ] == [(first, "Old pool"), (this_week(0, 7, 30), "New pool")]
    assert [start for _, start in expanded(calendar, "Early swim", first, this_week(35, 0))] == [
        *(this_week(-21 + 7 * week, 7) for week in range(3)),
        *(this_week(7 * week, 7, 30) for week in range(5)),
    ]

    # Deleting from next week's on leaves this week's alone.
    page.locator("#next").click()
    page.locator("#calendar .ec-event", has_text="Early swim").click()
    card.get_by_role("button", name="Delete").click()
    dialog.get_by_role("button", name="This and following events").click()
    expect(page.locator("#toast")).to_have_text("Deleted")
    old, new = stored(calendar, "Early swim")
    assert new["RRULE"]["UNTIL"] == [
        this_week(7, 7, 30).astimezone(dt.UTC) - dt.timedelta(seconds=1)
    ]
    assert [start for _, start in expanded(calendar, "Early swim", first, this_week(35, 0))] == [
        *(this_week(-21 + 7 * week, 7) for week in range(3)),
        this_week(0, 7, 30),
    ]
    page.context.close()


def test_the_card_and_the_form_speak_the_person_s_language(mini_app: MiniApp) -> None:
    with mini_app.api(BOB) as client:
        assert client.patch("/me", json={"language": "ru"}).status_code == 200
        made = client.post(
            "/events",
            json={
                "title": "Хор",
                "start": this_week(0, 19).isoformat(),
                "end": this_week(0, 21).isoformat(),
                "timezone": "Europe/Berlin",
                "recurrence": "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR;COUNT=6",
            },
        )
        assert made.status_code == 201, made.text
    page = mini_app.open(BOB)
    page.locator("#calendar .ec-event", has_text="Хор").first.click()
    card = page.locator("[data-screen=card]")
    expect(card.locator(".repeats")).to_have_text("Каждые 2 недели: пн, ср, пт, 6 раз")
    card.get_by_role("button", name="Изменить").click()
    dialog = page.locator("dialog")
    expect(dialog.locator("p")).to_have_text("Изменить повторяющееся событие:")
    expect(dialog.get_by_role("button")).to_have_text(
        ["Только это событие", "Это и следующие", "Все события", re.compile(".+")]
    )
    dialog.get_by_role("button", name="Это и следующие").click()
    form = page.locator("#event-form")
    expect(form.get_by_role("heading")).to_have_text("Изменить это и следующие")
    expect(form.locator("#f-repeat option:checked")).to_have_text("Каждую неделю")
    expect(form.locator("#f-interval-unit")).to_have_text("недели")  # "Раз в 2 недели"
    days = form.get_by_role("group", name="В эти дни")
    expect(days.get_by_role("button").first).to_have_accessible_name("понедельник")
    expect(form.locator("#f-repeat-summary")).to_have_text("Каждые 2 недели: пн, ср, пт, 6 раз")
    form.locator("#f-interval").fill("5")
    expect(form.locator("#f-interval-unit")).to_have_text("недель")
    expect(form.locator("#f-repeat-summary")).to_have_text("Каждые 5 недель: пн, ср, пт, 6 раз")
    page.context.close()


# --- js/recurrence.js, evaluated in the page ---------------------------------------------------

LOGIC = """
async ([cases, language, weekStart]) => {
  const i18n = await import("/app/js/i18n.js");
  const r = await import("/app/js/recurrence.js");
  await i18n.useLanguage(language, { weekStart, hourCycle: null });
  const out = {
    words: cases.words.map((rule) => r.describe(rule, { tz: "Europe/Berlin" })),
    order: r.weekOrder(),
    models: cases.models.map(([rule, start]) => {
      const model = r.toModel(r.parseRule(rule), start, "Europe/Berlin");
      return model && r.buildRule(model, { start, allDay: false, tz: "Europe/Berlin" });
    }),
  };
  await i18n.useLanguage("en");
  return out;
}
"""


def logic(
    page: Page, language: str, words: list[str], models: Any = (), week: str | None = None
) -> Any:
    return page.evaluate(LOGIC, [{"words": words, "models": list(models)}, language, week])


def test_rules_are_read_written_and_told_in_words(mini_app: MiniApp) -> None:
    page = mini_app.open(ALICE)
    expect(page.locator("body.ready")).to_be_attached()
    year = dt.datetime.now(BERLIN).year
    english = {
        f"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR;UNTIL={year}0630T215959Z": (
            "Every 2 weeks on Mon, Wed, Fri until Jun 30"
        ),
        f"FREQ=DAILY;UNTIL={year + 1}0105": f"Daily until Jan 5, {year + 1}",
        "FREQ=MONTHLY;BYDAY=2TU": "Every month on the second Tuesday",
        "FREQ=YEARLY": "Every year",
        "FREQ=DAILY;COUNT=10": "Daily, 10 times",
        "FREQ=WEEKLY;BYDAY=FR,MO,TU,WE,TH": "Every weekday",
        "FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR": "Every 3 months on the last Friday",
        "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH": "Every year on the fourth Thursday of November",
        "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=23": "Every year on March 23",
        "FREQ=MONTHLY;BYMONTHDAY=1,15": "Every month on days 1 and 15",
        "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=1": "Every month on the last day, once",
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1": (
            "Every month on Mon, Tue, Wed, Thu, Fri, only the last"
        ),
        "FREQ=DAILY;BYHOUR=9,17": "Daily at 9:00 AM and 5:00 PM",
        "FREQ=HOURLY;INTERVAL=4": "Every 4 hours",
        "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO": "Every year on Mon in week 20",
        "FREQ=DAILY;BYSECOND=5": "Daily (BYSECOND=5)",
        "RRULE:FREQ=WEEKLY;BYDAY=SU,SA": "Every week on Sat, Sun",  # a week from Monday
        "not a rule": "Repeats (not a rule)",
    }
    models = [
        # what the editor shows it writes back as it would write it
        (
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR,MO,WE",
            "2026-03-02",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR",
        ),
        ("FREQ=WEEKLY", "2026-03-04", "FREQ=WEEKLY;BYDAY=WE"),
        ("FREQ=MONTHLY;BYDAY=4MO", "2026-03-23", "FREQ=MONTHLY;BYDAY=4MO"),
        ("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-1", "2026-03-30", "FREQ=MONTHLY;BYDAY=-1MO"),
        ("FREQ=MONTHLY;BYMONTHDAY=23;COUNT=6", "2026-03-23", "FREQ=MONTHLY;COUNT=6"),
        ("FREQ=YEARLY;BYMONTH=11;BYDAY=4TH", "2026-11-26", "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH"),
        (
            "FREQ=DAILY;INTERVAL=3;UNTIL=20260630T215959Z",
            "2026-03-02",
            "FREQ=DAILY;INTERVAL=3;UNTIL=20260630T215959Z",
        ),
        ("FREQ=WEEKLY;BYDAY=TU;WKST=SU", "2026-03-03", "FREQ=WEEKLY;BYDAY=TU;WKST=SU"),
        # what it cannot show: kept as it is
        ("FREQ=MONTHLY;BYDAY=2TU", "2026-03-23", None),
        ("FREQ=MONTHLY;BYDAY=TU,TH;BYSETPOS=1,-1", "2026-03-03", None),
        ("FREQ=DAILY;BYHOUR=9,17", "2026-03-03", None),
        ("FREQ=MONTHLY;BYMONTHDAY=1,15", "2026-03-01", None),
        ("FREQ=HOURLY;INTERVAL=2", "2026-03-01", None),
        ("FREQ=WEEKLY;COUNT=3;UNTIL=20260601", "2026-03-01", None),
        ("FREQ=YEARLY;BYDAY=4TH", "2026-11-26", None),  # the year's 4th Thursday, not November's
    ]
    found = logic(
        page, "en", list(english), [(rule, start) for rule, start, _ in models], week="mon"
    )
    assert dict(zip(english, found["words"], strict=True)) == english
    assert found["models"] == [written for _, _, written in models]
    assert found["order"] == ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
    sunday_first = logic(page, "en", ["FREQ=WEEKLY;BYDAY=SU,SA"], week="sun")
    assert sunday_first["words"] == ["Every week on Sun, Sat"]
    assert logic(page, "en", [])["order"][:2] == ["SU", "MO"]  # English's own custom

    russian = {
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR": "Каждые 2 недели: пн, ср, пт",
        "FREQ=MONTHLY;BYDAY=2WE": "Каждый месяц: вторая среда",
        "FREQ=MONTHLY;BYDAY=-1SU": "Каждый месяц: последнее воскресенье",
        "FREQ=MONTHLY;BYDAY=1MO": "Каждый месяц: первый понедельник",
        "FREQ=DAILY;COUNT=5": "Ежедневно, 5 раз",
        "FREQ=DAILY;COUNT=3": "Ежедневно, 3 раза",
        "FREQ=WEEKLY;INTERVAL=21": "Каждую 21 неделю",
        "FREQ=YEARLY;INTERVAL=5": "Каждые 5 лет",
    }
    found = logic(page, "ru", list(russian))
    assert dict(zip(russian, found["words"], strict=True)) == russian
    assert found["order"][0] == "MO"

    german = {"FREQ=MONTHLY;BYDAY=2TU": "Jeden Monat am zweiten Dienstag"}
    found = logic(page, "de", list(german))
    assert dict(zip(german, found["words"], strict=True)) == german
    (persian,) = logic(page, "fa", ["FREQ=DAILY;COUNT=10"])["words"]
    assert "۱۰" in persian and "بار" in persian  # Persian digits, and "times"
    page.context.close()
