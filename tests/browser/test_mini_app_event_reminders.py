"""An event's own reminders in the Mini App: ticked in the event form, stored as VALARMs a CalDAV
client reads, shown on the card, changed and turned off; and an event a booking link made shows
who booked, their email and their answers on its card. Against a real `televent serve`, both
backends."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import icalendar
from playwright.sync_api import Page, expect

from tests.browser.conftest import ALICE, ZONE, MiniApp, this_week
from tests.browser.test_mini_app import caldav_bodies, event_in_calendar, press_main_button


def alarms_of(mini_app: MiniApp, title: str) -> list[Any]:
    """The VALARMs of the event called `title`, as a CalDAV client downloads it."""
    with mini_app.api(ALICE) as client:
        slug = client.get("/calendars").json()["items"][0]["slug"]
    for text in caldav_bodies(mini_app, slug):
        vevent = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
        if str(vevent.get("SUMMARY")) == title:
            return list(vevent.walk("VALARM"))
    raise AssertionError(f"no event {title!r} over CalDAV")


def reminders_in_api(mini_app: MiniApp, title: str) -> Any:
    with mini_app.api(ALICE) as client:
        listed = client.get(
            "/events",
            params={"start": this_week(0, 0).isoformat(), "end": this_week(7, 0).isoformat()},
        ).json()["items"]
    return next(item["reminders"] for item in listed if item["title"] == title)


def edit(page: Page, title: str) -> Any:
    event_in_calendar(page, title).click()
    card = page.locator("[data-screen=card]")
    card.get_by_role("button", name="Edit").click()
    form = page.locator("#event-form")
    expect(form).to_be_visible()
    return form


def test_reminders_ticked_in_the_form_are_the_events_valarms(mini_app: MiniApp) -> None:
    page = mini_app.open(ALICE)
    page.get_by_role("button", name="New event").click()
    form = page.locator("#event-form")
    form.get_by_label("Title").fill("Physio")
    day = this_week(3, 15).date().isoformat()
    form.get_by_label("Start date").fill(day)
    form.get_by_label("Start time").fill("15:00")
    form.get_by_label("End date").fill(day)
    form.get_by_label("End time").fill("16:00")
    reminders = form.get_by_role("group", name="Reminders")
    expect(reminders).to_contain_text("Nothing ticked: your usual reminder, 15 minutes before.")
    reminders.get_by_label("10 minutes before").check()
    reminders.get_by_label("1 day before").check()
    press_main_button(page)
    expect(event_in_calendar(page, "Physio")).to_be_visible()

    alarms = alarms_of(mini_app, "Physio")
    assert [a["TRIGGER"].dt for a in alarms] == [dt.timedelta(minutes=-10), dt.timedelta(days=-1)]
    assert {(str(a["ACTION"]), str(a["DESCRIPTION"])) for a in alarms} == {("DISPLAY", "Physio")}

    event_in_calendar(page, "Physio").click()
    card = page.locator("[data-screen=card]")
    expect(card).to_contain_text("Reminders: 10 minutes before, 1 day before")
    card.get_by_role("button", name="Edit").click()
    form = page.locator("#event-form")
    expect(form.get_by_label("10 minutes before")).to_be_checked()
    expect(form.get_by_label("1 day before")).to_be_checked()
    form.get_by_label("1 day before").uncheck()
    press_main_button(page)
    expect(card).to_contain_text("Reminder: 10 minutes before")
    assert reminders_in_api(mini_app, "Physio") == [10]

    # "None": no reminder at all (not even the usual one), stored as the alarm that never fires.
    card.get_by_role("button", name="Edit").click()
    form.get_by_label("None", exact=True).check()
    expect(form.get_by_label("10 minutes before")).not_to_be_checked()
    press_main_button(page)
    expect(card).to_contain_text("No reminder")
    assert reminders_in_api(mini_app, "Physio") == []
    assert [str(a["ACTION"]) for a in alarms_of(mini_app, "Physio")] == ["NONE"]
    page.context.close()


def test_an_event_without_its_own_reminders_says_the_usual_one(mini_app: MiniApp) -> None:
    start = this_week(1, 11)
    with mini_app.api(ALICE) as client:
        reply = client.post(
            "/events",
            json={
                "title": "Standup notes",
                "start": start.isoformat(),
                "end": (start + dt.timedelta(minutes=30)).isoformat(),
            },
        )
        assert reply.status_code == 201, reply.text
        assert client.patch("/me", json={"reminder_minutes": 30}).status_code == 200
    page = mini_app.open(ALICE, fragment=f"event={reply.json()['id']}")
    card = page.locator("[data-screen=card]")
    expect(card).to_contain_text("Reminder: 30 minutes before (as in your settings)")
    page.context.close()
    with mini_app.api(ALICE) as client:
        assert client.patch("/me", json={"reminder_minutes": 15}).status_code == 200


def next_weekday(weekday: int) -> dt.date:
    day = dt.datetime.now(ZONE).date() + dt.timedelta(days=2)
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def test_a_booking_shows_the_booker_and_their_answers_on_the_card(mini_app: MiniApp) -> None:
    with mini_app.api(ALICE) as client:
        reply = client.post(
            "/booking-links",
            json={
                "slug": "alice-consult",
                "title": "Consultation",
                "questions": [{"id": "topic", "label": "What about?"}, {"label": "Company?"}],
            },
        )
        assert reply.status_code == 201, reply.text
    start = dt.datetime.combine(next_weekday(2), dt.time(10), tzinfo=ZONE)
    with httpx.Client(base_url=mini_app.url, timeout=15) as anyone:
        booked = anyone.post(
            "/api/v1/book/alice-consult",
            json={
                "start": start.isoformat(),
                "name": "Vera Visitor",
                "email": "vera@example.org",
                "tz": "America/New_York",
                "answers": {"topic": "Pricing plans", "q1": "Acme"},
            },
        )
        assert booked.status_code == 201, booked.text
    with mini_app.api(ALICE) as client:
        [booking] = client.get("/bookings").json()["items"]

    page = mini_app.open(ALICE, fragment=f"event={booking['event_id']}")
    card = page.locator("[data-screen=card]")
    section = card.locator(".booking-card")
    expect(section.get_by_role("heading", name="Booked through “Consultation”")).to_be_visible()
    expect(section).to_contain_text("Vera Visitor")
    expect(section.get_by_role("link", name="vera@example.org")).to_have_attribute(
        "href", "mailto:vera@example.org"
    )
    expect(section).to_contain_text("Their time zone: America/New_York")
    answers = section.locator("dl")
    expect(answers.locator("dt")).to_have_text(["What about?", "Company?"])
    expect(answers.locator("dd")).to_have_text(["Pricing plans", "Acme"])
    expect(section).to_contain_text("Booked: they can reschedule or cancel")

    # Opened from a list (the search's), which leaves the booking out, the card still has it.
    page.evaluate("window.Telegram.WebView.receiveEvent('back_button_pressed')")
    page.get_by_role("button", name="Search").click()
    search = page.locator("[data-screen=search]")
    search.get_by_label("Search events").fill("Consultation")
    search.get_by_label("Search events").press("Enter")
    search.get_by_role("button", name="Consultation").first.click()
    expect(card.locator(".booking-card")).to_contain_text("Pricing plans")
    page.context.close()


def test_reminders_another_client_set_are_shown_and_kept(mini_app: MiniApp) -> None:
    """An event written by a CalDAV client with reminders the form does not offer (before the
    end, at a fixed moment, 7 minutes before): the card and the form say them in words, and a
    save that ticks one more and unticks one keeps the others exactly as the client wrote them."""
    with mini_app.api(ALICE) as client:
        slug = client.get("/calendars").json()["items"][0]["slug"]
    start = this_week(2, 10).astimezone(dt.UTC)
    moment = this_week(1, 18).astimezone(dt.UTC)
    stamp = "%Y%m%dT%H%M%SZ"
    body = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Another client//EN",
            "BEGIN:VEVENT",
            "UID:reminders-from-elsewhere",
            f"DTSTAMP:{start:{stamp}}",
            f"DTSTART:{start:{stamp}}",
            f"DTEND:{start + dt.timedelta(hours=1):{stamp}}",
            "SUMMARY:Dentist",
            *(
                line
                for trigger in (
                    "TRIGGER;RELATED=END:-PT15M",
                    f"TRIGGER;VALUE=DATE-TIME:{moment:{stamp}}",
                    "TRIGGER:-PT7M",
                )
                for line in (
                    "BEGIN:VALARM",
                    "ACTION:DISPLAY",
                    "DESCRIPTION:Dentist",
                    trigger,
                    "END:VALARM",
                )
            ),
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    )
    auth = (str(ALICE), mini_app.users[ALICE])
    href = f"{mini_app.url}/dav/calendars/{ALICE}/{slug}/reminders-from-elsewhere.ics"
    with httpx.Client(auth=auth, timeout=15) as client:
        put = client.put(href, content=body, headers={"Content-Type": "text/calendar"})
        assert put.status_code == 201, put.text

    page = mini_app.open(ALICE)
    event_in_calendar(page, "Dentist").click()
    card = page.locator("[data-screen=card]")
    local = moment.astimezone(ZONE)  # 18:00 on Tuesday, on Alice's 12-hour clock
    when = f"{local:%a}, {local:%b} {local.day}, 6:00 PM"
    expect(card).to_contain_text(
        f"Reminders: 15 minutes before the end, At {when}, 7 minutes before"
    )
    card.get_by_role("button", name="Edit").click()
    form = page.locator("#event-form")
    reminders = form.get_by_role("group", name="Reminders")
    expect(reminders.get_by_label("15 minutes before the end")).to_be_checked()
    expect(reminders.get_by_label("7 minutes before")).to_be_checked()
    expect(reminders.get_by_label(f"At {when}")).to_be_checked()
    reminders.get_by_label("1 hour before").check()
    reminders.get_by_label("7 minutes before").uncheck()
    press_main_button(page)
    expect(card).to_contain_text(f"Reminders: 1 hour before, 15 minutes before the end, At {when}")

    triggers = {
        (a["TRIGGER"].params.get("RELATED", "START"), a["TRIGGER"].dt)
        for a in alarms_of(mini_app, "Dentist")
    }
    assert triggers == {
        ("END", dt.timedelta(minutes=-15)),
        ("START", moment),
        ("START", dt.timedelta(hours=-1)),
    }
    page.context.close()
