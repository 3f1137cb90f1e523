"""Changing events in the Mini App: one occurrence of a series, a drag in the week grid,
deleting, and an edit that lost a race with another client (412)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ALICE, MiniApp, this_week


def create(mini_app: MiniApp, **event: Any) -> dict[str, Any]:
    with mini_app.api(ALICE) as client:
        response = client.post("/events", json=event)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def week_items(mini_app: MiniApp, title: str, weeks: int = 1) -> list[dict[str, Any]]:
    """The occurrences with this title from this Monday on, for `weeks` weeks."""
    with mini_app.api(ALICE) as client:
        response = client.get(
            "/events",
            params={
                "start": this_week(0, 0).isoformat(),
                "end": this_week(7 * weeks, 0).isoformat(),
            },
        )
    assert response.status_code == 200, response.text
    return [item for item in response.json()["items"] if item["title"] == title]


def start_of(item: dict[str, Any]) -> dt.datetime:
    return dt.datetime.fromisoformat(item["start"])


def press_main_button(page: Page) -> None:
    page.evaluate("window.Telegram.WebView.receiveEvent('main_button_pressed')")


@pytest.fixture(scope="module")
def weekly(mini_app: MiniApp) -> dict[str, Any]:
    """A weekly sync on Thursdays at 16:00, from this week on."""
    return create(
        mini_app,
        title="Weekly sync",
        start=this_week(3, 16).isoformat(),
        end=this_week(3, 17).isoformat(),
        timezone="Europe/Berlin",
        recurrence="FREQ=WEEKLY",
    )


def test_edit_only_one_occurrence_of_a_series(mini_app: MiniApp, weekly: dict[str, Any]) -> None:
    page = mini_app.open(ALICE)
    page.locator("#calendar .ec-event", has_text="Weekly sync").click()
    card = page.locator("[data-screen=card]")
    expect(card.get_by_role("heading", name="Weekly sync")).to_be_visible()
    card.get_by_role("button", name="Edit").click()
    page.get_by_role("button", name="This event", exact=True).click()
    form = page.locator("#event-form")
    expect(form.get_by_label("Start time")).to_have_value("4:00 PM")  # Alice's 12-hour clock
    form.get_by_label("Start time").fill("17:00")
    form.get_by_label("End time").fill("18:00")
    press_main_button(page)
    expect(card.get_by_role("heading", name="Weekly sync")).to_be_visible()

    this, following = week_items(mini_app, "Weekly sync", weeks=2)
    assert start_of(this) == this_week(3, 17)
    assert start_of(following) == this_week(10, 16)  # the rest of the series is unchanged
    page.context.close()


def test_drag_an_event_to_another_time(mini_app: MiniApp) -> None:
    create(
        mini_app,
        title="Call with Dana",
        start=this_week(2, 13).isoformat(),
        end=this_week(2, 14).isoformat(),
    )
    page = mini_app.open(ALICE)
    # Dragged once the app has settled (its words, zone and calendars in): a redraw of the
    # calendar while the pointer is down ends the drag without a move.
    expect(page.locator("body.ready")).to_be_attached()
    event = page.locator("#calendar .ec-event", has_text="Call with Dana")
    expect(event).to_be_visible()
    # Scrolled to and measured in one step, so the element measured is the one on screen.
    box = event.evaluate(
        "e => { e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
        " return {x: r.x, y: r.y, width: r.width, height: r.height}; }"
    )
    hour = page.evaluate(
        "() => { const s = document.querySelectorAll('#calendar .ec-slot');"
        " return s[1].getBoundingClientRect().top - s[0].getBoundingClientRect().top; }"
    )  # the height of one labelled hour on the grid
    x, y = box["x"] + box["width"] / 2, box["y"] + 8
    page.mouse.move(x, y)
    page.mouse.down()
    # Two hours earlier: upwards, towards the middle of the grid (which opens at 08:00), so the
    # pointer never nears the grid's lower edge, where the grid would scroll under it.
    for step in range(1, 11):
        page.mouse.move(x, y - hour * 2 * step / 10)
    page.mouse.up()
    expect(page.locator("#toast")).to_have_text("Moved")
    (moved,) = week_items(mini_app, "Call with Dana")
    assert start_of(moved) == this_week(2, 11)
    assert dt.datetime.fromisoformat(moved["end"]) == this_week(2, 12)
    page.context.close()


def test_delete_an_event(mini_app: MiniApp) -> None:
    doomed = create(
        mini_app,
        title="Cancelled dinner",
        start=this_week(4, 19).isoformat(),
        end=this_week(4, 21).isoformat(),
    )
    page = mini_app.open(ALICE, fragment=f"event={doomed['id']}")
    page.locator("[data-screen=card]").get_by_role("button", name="Delete").click()
    page.locator("dialog").get_by_role("button", name="Delete").click()
    expect(page.locator("[data-screen=calendar]")).to_be_visible()
    expect(page.locator("#toast")).to_have_text("Deleted")
    assert week_items(mini_app, "Cancelled dinner") == []
    with mini_app.api(ALICE) as client:
        assert client.get(f"/events/{doomed['id']}").status_code == 404
    page.context.close()


def test_an_edit_that_lost_a_race_is_refused_and_reloaded(mini_app: MiniApp) -> None:
    planning = create(
        mini_app,
        title="Planning",
        start=this_week(1, 15).isoformat(),
        end=this_week(1, 16).isoformat(),
    )
    page = mini_app.open(ALICE, fragment=f"event={planning['id']}")
    card = page.locator("[data-screen=card]")
    card.get_by_role("button", name="Edit").click()
    form = page.locator("#event-form")
    form.get_by_label("Title").fill("Planning (mine)")
    with mini_app.api(ALICE) as client:  # another client changes it meanwhile
        changed = client.patch(f"/events/{planning['id']}", json={"title": "Planning (theirs)"})
        assert changed.status_code == 200, changed.text
    press_main_button(page)
    expect(page.locator("#toast")).to_contain_text("changed elsewhere")
    expect(card.get_by_role("heading", name="Planning (theirs)")).to_be_visible()
    assert [item["title"] for item in week_items(mini_app, "Planning (theirs)")] == [
        "Planning (theirs)"
    ]
    page.context.close()


def test_edit_a_whole_series_from_one_occurrence(mini_app: MiniApp) -> None:
    create(
        mini_app,
        title="Daily check",
        start=this_week(0, 8).isoformat(),
        end=this_week(0, 8, 15).isoformat(),
        timezone="Europe/Berlin",
        recurrence="FREQ=DAILY",
    )
    page = mini_app.open(ALICE)
    page.locator("#calendar .ec-event", has_text="Daily check").nth(2).click()
    page.locator("[data-screen=card]").get_by_role("button", name="Edit").click()
    page.get_by_role("button", name="All events").click()
    form = page.locator("#event-form")
    form.get_by_label("Start time").fill("08:30")
    form.get_by_label("End time").fill("09:00")
    press_main_button(page)
    expect(page.locator("#toast")).to_have_text("Saved")

    occurrences = week_items(mini_app, "Daily check")
    assert [start_of(item) for item in occurrences] == [this_week(day, 8, 30) for day in range(7)]
    assert {item["recurrence"] for item in occurrences} == {"FREQ=DAILY"}
    page.context.close()
