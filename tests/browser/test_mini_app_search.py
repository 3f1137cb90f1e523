"""Search in the Mini App, as a phone shows it: the search button on the calendar's toolbar, words
typed, results grouped by day in the person's language, from a year back to two years ahead at
first and then as far either way as the person asks (an event more than a year ahead found
through the API's windows and pages, one five years ahead and one three years back), a result
opening its card and Back returning to the results, and an empty search said in words with the
days it searched. Against a real
`televent serve`, both backends."""

from __future__ import annotations

import datetime as dt
from typing import Any

from playwright.sync_api import Page, expect

from tests.browser.conftest import ALICE, ZONE, MiniApp


def create(mini_app: MiniApp, title: str, start: dt.datetime, **more: Any) -> dict[str, Any]:
    with mini_app.api(ALICE) as client:
        reply = client.post(
            "/events",
            json={
                "title": title,
                "start": start.isoformat(),
                "end": (start + dt.timedelta(hours=1)).isoformat(),
                **more,
            },
        )
    assert reply.status_code == 201, reply.text
    event: dict[str, Any] = reply.json()
    return event


def short(day: dt.date) -> str:
    """A date as the status says it in (American) English: "Nov 24, 2026"."""
    return f"{day:%b} {day.day}, {day.year}"


def search(page: Page, words: str) -> Any:
    page.get_by_role("button", name="Search").click()
    screen = page.locator("[data-screen=search]")
    expect(screen).to_be_visible()
    field = screen.get_by_label("Search events")
    expect(field).to_be_focused()
    field.fill(words)
    field.press("Enter")
    return screen


def test_an_event_more_than_a_year_ahead_is_found_and_opened(mini_app: MiniApp) -> None:
    today = dt.datetime.now(ZONE).replace(hour=9, minute=30, second=0, microsecond=0)
    far = today + dt.timedelta(days=400)
    create(mini_app, "Passport renewal", far, location="Town hall")
    create(mini_app, "Passport photo", today - dt.timedelta(days=30))
    # Lots of other matches nearer, so that the far one is on a later page and window.
    create(mini_app, "Daily passport check", today, recurrence="FREQ=DAILY;COUNT=150")
    create(mini_app, "Unrelated", today + dt.timedelta(days=1))
    page = mini_app.open(ALICE, view=None)  # on a phone: the screen's default view
    screen = search(page, "passport")
    results = screen.locator("#search-results")
    day = results.locator(".search-day", has_text="Passport renewal")
    expect(screen.locator("#search-status")).to_contain_text("events found")
    more = screen.get_by_role("button", name="Show more")
    for _ in range(5):  # the upcoming matches come a screenful at a time
        expect(more.or_(day).first).to_be_visible()
        if day.count():
            break
        more.click()
    # The day's heading in the person's language: English without a choice of their own.
    expect(day.locator("h4")).to_have_text(f"{far:%A}, {far:%B} {far.day}, {far.year}")
    expect(day).to_contain_text("Town hall")
    expect(results).to_contain_text("Earlier")
    expect(results.locator(".search-day", has_text="Passport photo")).to_be_visible()
    expect(results).not_to_contain_text("Unrelated")

    day.get_by_role("button", name="Passport renewal").click()
    card = page.locator("[data-screen=card]")
    expect(card.get_by_role("heading", name="Passport renewal")).to_be_visible()
    page.evaluate("window.Telegram.WebView.receiveEvent('back_button_pressed')")
    expect(screen).to_be_visible()
    expect(results).to_contain_text("Passport renewal")

    field = screen.get_by_label("Search events")
    field.fill("no such words anywhere")
    field.press("Enter")
    # The days searched are said: the past year and the next two (to the day before).
    day = dt.datetime.now(ZONE).date()  # the app's today is Alice's, in Berlin
    searched_from, searched_to = day - dt.timedelta(days=365), day + dt.timedelta(days=729)
    expect(screen.locator("#search-status")).to_have_text(
        f"Nothing matches “no such words anywhere” from {short(searched_from)} to "
        f"{short(searched_to)}."
    )
    expect(results.locator(".search-day")).to_have_count(0)
    page.context.close()


def test_dates_of_the_results_are_in_the_persons_language(mini_app: MiniApp) -> None:
    start = dt.datetime(dt.datetime.now(ZONE).year + 1, 3, 10, 9, 0, tzinfo=ZONE)
    create(mini_app, "Geburtstag Oma", start)
    with mini_app.api(ALICE) as client:
        assert client.patch("/me", json={"language": "de"}).status_code == 200
    try:
        page = mini_app.open(ALICE)
        page.get_by_role("button", name="Suchen").click()
        screen = page.locator("[data-screen=search]")
        screen.get_by_label("Termine suchen").fill("Oma")
        screen.get_by_label("Termine suchen").press("Enter")
        day = screen.locator(".search-day", has_text="Geburtstag Oma")
        expect(day.locator("h4")).to_contain_text(f"10. März {start.year}")
        expect(screen.locator("#search-status")).to_have_text("Ein Termin gefunden")
        page.context.close()
    finally:
        with mini_app.api(ALICE) as client:
            client.patch("/me", json={"language": None})


def test_any_range_is_searched_when_asked_for(mini_app: MiniApp) -> None:
    """Beyond the first two years ahead and the past year, "Show more" reads on later and
    "Earlier results" further back, year after year, until what was asked for is found."""
    now = dt.datetime.now(ZONE).replace(hour=11, minute=0, second=0, microsecond=0)
    ahead, back = now + dt.timedelta(days=5 * 365 + 30), now - dt.timedelta(days=3 * 365 + 30)
    create(mini_app, "Silver jubilee", ahead)
    create(mini_app, "Jubilee rehearsal", back)
    page = mini_app.open(ALICE, view=None)
    screen = search(page, "jubilee")
    status = screen.locator("#search-status")
    results = screen.locator("#search-results")
    # Neither is within the first span searched: nothing found there, said with its days.
    expect(status).to_contain_text("Nothing matches “jubilee” from")
    screen.get_by_role("button", name="Show more").click()
    later = results.locator(".search-day", has_text="Silver jubilee")
    expect(later.locator("h4")).to_have_text(f"{ahead:%A}, {ahead:%B} {ahead.day}, {ahead.year}")
    expect(results).not_to_contain_text("Jubilee rehearsal")
    screen.get_by_role("button", name="Earlier results").click()
    earlier = results.locator(".search-day", has_text="Jubilee rehearsal")
    expect(earlier.locator("h4")).to_have_text(f"{back:%A}, {back:%B} {back.day}, {back.year}")
    expect(status).to_have_text("2 events found")
    # Upcoming first, then the past, each grouped by its day.
    headings = results.locator("h3")
    expect(headings).to_have_text(["Upcoming", "Earlier"])
    page.context.close()
