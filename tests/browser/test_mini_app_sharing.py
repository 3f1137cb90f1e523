"""Calendars people share, in the Mini App: Bob sees Alice's invitation, accepts it, sees her
events in the calendar's colour, switches the calendar off and on, adds an event to it (it is
Alice's calendar's), and gets no way to change the events of a calendar he may only view; Alice
shares a calendar from its Share screen and changes a role; a group's calendar opened from its
link is shown alone, and a calendar the user may not see is not shown at all.

Alice (1) owns "Family" (shared with Bob to edit, not answered yet) and "Club" (Bob views it);
Carol (3, @carol) has an account; a Telegram group's calendar "Book club" is Alice's, joined by
Bob."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Any

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, Route, expect

from televent.bootstrap import build_application
from televent.config import Settings
from tests.browser.conftest import ALICE, BOB, MiniApp, shoot, this_week
from tests.e2e.conftest import ACTOR, SOURCE

CAROL = 3
FAMILY_COLOR = "#D81B60"
PHONE = {"width": 390, "height": 844}


@dataclass
class Shared:
    family: str  # calendar ids
    club: str
    book_club: str
    accounts: dict[int, uuid.UUID]


def post(mini_app: MiniApp, telegram_id: int, path: str, body: Any = None) -> dict[str, Any]:
    with mini_app.api(telegram_id) as client:
        response = client.post(path, json=body) if body is not None else client.post(path)
    assert response.status_code in (200, 201), response.text
    answer: dict[str, Any] = response.json()
    return answer


def event(mini_app: MiniApp, calendar: str | None, title: str, day: int, hour: int) -> None:
    body = {"title": title, "start": this_week(day, hour).isoformat()}
    body["end"] = this_week(day, hour + 1).isoformat()
    if calendar:
        body["calendar"] = calendar
    post(mini_app, ALICE if calendar else BOB, "/events", body)


@pytest.fixture(scope="module")
def shared(mini_app: MiniApp) -> Shared:
    app = build_application(Settings(database_url=mini_app.database_url))
    try:
        app.register_account(
            CAROL, name="Carol", timezone="Europe/Berlin", actor=ACTOR, source=SOURCE
        )
        app.change_account_settings(CAROL, {"username": "carol"}, actor=ACTOR, source=SOURCE)
        accounts = {}
        for telegram_id in (ALICE, BOB, CAROL):
            account = app.queries.account_by_telegram_id(telegram_id)
            assert account is not None
            accounts[telegram_id] = account.account_id
        family, club = (
            str(app.create_calendar(accounts[ALICE], slug, {"display_name": name},
                                    actor=ACTOR, source=SOURCE))
            for slug, name in (("family", "Family"), ("club", "Club"))
        )  # fmt: skip
        group = app.open_group_calendar(
            -100777, title="Book club", opener=accounts[ALICE], timezone="Europe/Berlin",
            actor=ACTOR, source=SOURCE,
        )  # fmt: skip
        app.join_group_calendar(
            -100777, member=accounts[BOB], admin=False, actor=ACTOR, source=SOURCE
        )
    finally:
        app.close()
    with mini_app.api(ALICE) as client:
        recolored = client.patch(f"/calendars/{family}", json={"color": FAMILY_COLOR})
        assert recolored.status_code == 200, recolored.text
    event(mini_app, family, "Family dinner", 2, 18)
    event(mini_app, club, "Club night", 1, 19)
    event(mini_app, str(group.calendar_id), "Book talk", 3, 17)
    event(mini_app, None, "Bob's dentist", 4, 9)
    post(mini_app, ALICE, f"/calendars/{family}/members", {"member": BOB, "role": "write"})
    post(mini_app, ALICE, f"/calendars/{club}/members", {"member": BOB, "role": "read"})
    post(mini_app, BOB, f"/calendars/{club}/accept")
    return Shared(family, club, str(group.calendar_id), accounts)


def in_calendar(page: Page, title: str) -> Any:
    return page.locator("#calendar .ec-event", has_text=title)


def scroll_to(event: Any) -> None:
    """Scroll an event of the grid into view. The grid draws the week again when its events
    arrive, so the element found a moment before may be gone: the locator finds the new one
    on the next try."""
    for _ in range(4):
        try:
            event.scroll_into_view_if_needed()
            return
        except PlaywrightError as exc:
            if "not attached" not in str(exc):
                raise
    event.scroll_into_view_if_needed()


def back(page: Page) -> None:
    """Telegram's Back button."""
    page.evaluate("window.Telegram.WebView.receiveEvent('back_button_pressed')")


def test_bob_accepts_sees_switches_off_and_adds_to_a_shared_calendar(
    mini_app: MiniApp, shared: Shared
) -> None:
    page = mini_app.open(BOB)
    page.set_viewport_size(PHONE)
    notice = page.locator("#calendar-notice")
    expect(notice).to_contain_text("Alice shared “Family” with you")
    expect(in_calendar(page, "Club night")).to_be_visible()
    expect(in_calendar(page, "Family dinner")).to_have_count(0)  # not accepted yet
    notice.get_by_role("button", name="View").click()

    screen = page.locator("[data-screen=calendars]")
    expect(screen.get_by_role("heading", name="Invitations")).to_be_visible()
    expect(screen).to_contain_text("From Alice · Can edit")
    shoot(page, "sharing-invitation-390", mini_app.backend)
    screen.get_by_role("button", name="Accept Family").click()
    expect(page.locator("#toast")).to_have_text("Added “Family”")
    expect(screen.get_by_role("heading", name="Invitations")).to_have_count(0)
    expect(screen.get_by_role("checkbox", name="Show Family")).to_be_checked()
    expect(screen.locator(f"[data-calendar='{shared.club}']")).to_contain_text("Alice · Can view")
    expect(screen.locator(f"[data-calendar='{shared.book_club}']")).to_contain_text(
        "Group · Can edit"
    )
    back(page)

    dinner = in_calendar(page, "Family dinner")
    expect(dinner).to_be_visible()
    expect(dinner).to_have_css("background-color", "rgb(216, 27, 96)")  # Family's colour
    expect(notice).to_be_hidden()
    scroll_to(dinner)
    shoot(page, "sharing-week-390", mini_app.backend)

    # Switched off, Family's events leave the grid (and stay off after a reload); on again.
    page.get_by_role("button", name="Calendars").click()
    screen.get_by_role("checkbox", name="Show Family").uncheck()
    back(page)
    expect(in_calendar(page, "Family dinner")).to_have_count(0)
    expect(in_calendar(page, "Club night")).to_be_visible()
    page.reload()
    expect(in_calendar(page, "Club night")).to_be_visible()
    expect(in_calendar(page, "Family dinner")).to_have_count(0)
    page.get_by_role("button", name="Calendars").click()
    expect(screen.get_by_role("checkbox", name="Show Family")).not_to_be_checked()
    screen.get_by_role("checkbox", name="Show Family").check()
    back(page)
    expect(in_calendar(page, "Family dinner")).to_be_visible()

    # A new event: only calendars Bob may write in are offered, his own first.
    page.get_by_role("button", name="New event").click()
    form = page.locator("#event-form")
    picker = form.get_by_label("Calendar")
    expect(picker).to_be_visible()
    options = picker.locator("option").all_inner_texts()
    assert "Family" in options and "Book club" in options and "Club" not in options
    assert picker.input_value() != shared.family  # the default calendar first
    picker.select_option(label="Family")
    form.get_by_label("Title").fill("Picnic")
    day = this_week(5, 12)
    form.get_by_label("Start date").fill(day.date().isoformat())
    form.get_by_label("Start time").fill("12:00")
    form.get_by_label("End date").fill(day.date().isoformat())
    form.get_by_label("End time").fill("14:00")
    page.evaluate("window.Telegram.WebView.receiveEvent('main_button_pressed')")
    picnic = in_calendar(page, "Picnic")
    expect(picnic).to_be_visible()
    expect(picnic).to_have_css("background-color", "rgb(216, 27, 96)")

    with mini_app.api(ALICE) as client:
        listed = client.get(
            "/events",
            params={
                "start": this_week(0, 0).isoformat(),
                "end": this_week(7, 0).isoformat(),
                "calendar": shared.family,
            },
        ).json()["items"]
    made = next(item for item in listed if item["title"] == "Picnic")
    app = build_application(Settings(database_url=mini_app.database_url))
    try:
        stored = app.queries.object_by_event_id(uuid.UUID(made["id"]))
        assert stored is not None
        assert str(stored.calendar_id) == shared.family  # Alice's calendar
        family = app.queries.calendar(uuid.UUID(shared.family))
        assert family is not None and family.account_id == shared.accounts[ALICE]
    finally:
        app.close()

    # An event of Family the server cannot read is said above the grid while Family is shown,
    # not once it is switched off (the listing says by calendar what it left out).
    def family_unreadable(route: Route) -> None:
        answer = route.fetch()
        said = [{"calendar": shared.family, "unreadable": 1, "incomplete": 0}]
        route.fulfill(response=answer, json={**answer.json(), "unreadable": 1, "left_out": said})

    page.route(re.compile(r".*/api/v1/events\?.*"), family_unreadable)
    page.reload()
    strip = notice.locator("[data-left-out=unreadable]")
    expect(strip).to_have_text("1 event cannot be shown: its data cannot be read.")
    page.get_by_role("button", name="Calendars").click()
    screen.get_by_role("checkbox", name="Show Family").uncheck()
    back(page)
    expect(strip).to_have_count(0)
    expect(notice).to_be_hidden()
    page.get_by_role("button", name="Calendars").click()
    screen.get_by_role("checkbox", name="Show Family").check()
    back(page)
    expect(strip).to_be_visible()
    page.unroute_all(behavior="ignoreErrors")
    page.context.close()


def test_an_event_of_a_calendar_bob_may_only_view_offers_no_change(
    mini_app: MiniApp, shared: Shared
) -> None:
    page = mini_app.open(BOB)
    page.set_viewport_size(PHONE)
    night = in_calendar(page, "Club night")
    expect(night).to_be_visible()
    expect(night).to_have_class(re.compile(r"(^|\s)read-only(\s|$)"))
    expect(night.locator(".ec-resizer")).to_have_count(0)  # no resizing, no dragging
    night.click()
    card = page.locator("[data-screen=card]")
    expect(card.get_by_role("heading", name="Club night")).to_be_visible()
    expect(card).to_contain_text("View only: you can't change events in this calendar.")
    expect(card.get_by_role("button", name="Edit")).to_have_count(0)
    expect(card.get_by_role("button", name="Delete")).to_have_count(0)
    expect(card.get_by_role("button", name="Invite")).to_have_count(0)
    shoot(page, "sharing-read-only-390", mini_app.backend)

    # Its people screen: no sharing, but Bob may leave it.
    back(page)
    page.get_by_role("button", name="Calendars").click()
    page.get_by_role("button", name="People in Club").click()
    people = page.locator("[data-screen=people]")
    expect(people.get_by_role("heading", name="Club")).to_be_visible()
    expect(people).to_contain_text("View only: you can't add or change its events.")
    expect(people.locator("#share-form")).to_be_hidden()
    expect(people.locator(".members li")).to_have_count(2)
    expect(people.get_by_role("button", name="Leave calendar")).to_be_visible()
    page.context.close()


def test_alice_shares_from_the_share_screen_and_changes_a_role(
    mini_app: MiniApp, shared: Shared
) -> None:
    page = mini_app.open(ALICE)
    page.set_viewport_size(PHONE)
    page.get_by_role("button", name="Calendars").click()
    page.get_by_role("button", name="Share Family").click()
    people = page.locator("[data-screen=people]")
    expect(people.get_by_role("heading", name="Family")).to_be_visible()
    expect(people.locator(".members li").first).to_contain_text("Alice (you)")
    expect(people.locator(".members li").first).to_contain_text("Owner")

    people.get_by_label("Share with").fill("@carol")
    people.get_by_label("Role", exact=True).select_option("read")
    people.get_by_role("button", name="Share", exact=True).click()
    expect(page.locator("#toast")).to_have_text("Invited Carol")
    carol = people.locator(".members li", has_text="Carol")
    expect(carol).to_contain_text("Invited")
    expect(people.get_by_label("Role of Carol")).to_have_value("read")
    people.get_by_label("Role of Carol").select_option("write")
    expect(page.locator("#toast")).to_have_text("Carol: Can edit")
    shoot(page, "sharing-share-screen-390", mini_app.backend)

    with mini_app.api(ALICE) as client:
        members = client.get(f"/calendars/{shared.family}/members").json()["items"]
    assert {m["telegram_id"]: (m["role"], m["status"]) for m in members}[CAROL] == (
        "write",
        "invited",
    )

    # Someone unknown is refused with a reason, and nothing changes.
    people.get_by_label("Share with").fill("@nobody_here")
    people.get_by_role("button", name="Share", exact=True).click()
    expect(page.locator("#toast")).to_contain_text("nobody_here")
    expect(people.locator(".members li")).to_have_count(3)

    people.get_by_role("button", name="Remove Carol").click()
    page.locator("dialog").get_by_role("button", name="Remove").click()
    expect(page.locator("#toast")).to_have_text("Carol removed")
    expect(people.locator(".members li", has_text="Carol")).to_have_count(0)
    page.context.close()


def test_a_groups_calendar_opens_alone_from_its_link(mini_app: MiniApp, shared: Shared) -> None:
    page = mini_app.open(BOB, start_param=f"cal_{uuid.UUID(shared.book_club).hex}")
    expect(page.locator("#calendar-notice")).to_contain_text("Only “Book club”")
    expect(in_calendar(page, "Book talk")).to_be_visible()
    expect(in_calendar(page, "Bob's dentist")).to_have_count(0)
    page.get_by_role("button", name="Show all").click()
    expect(in_calendar(page, "Bob's dentist")).to_be_visible()
    expect(in_calendar(page, "Book talk")).to_be_visible()
    page.context.close()

    # A calendar Bob may not see (someone else's, or none at all) is not shown.
    stranger = mini_app.open(BOB, start_param=f"cal_{uuid.uuid4().hex}")
    expect(stranger.locator("#toast")).to_have_text("This calendar is not available to you.")
    expect(in_calendar(stranger, "Bob's dentist")).to_be_visible()
    expect(stranger.locator("#calendar-notice")).not_to_contain_text("Only")
    stranger.context.close()
