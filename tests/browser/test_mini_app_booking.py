"""Settings → Booking in the Mini App, as a user sees it in Telegram: the weekly hours edited and
saved with the Main button, a day off, and a booking link created, copied, paused, resumed and
deleted (against a real `televent serve`, both backends)."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.conftest import ALICE, MiniApp, shoot


def press_main_button(page: Page) -> None:
    """What the Telegram client does when the user taps the Main button."""
    page.evaluate("window.Telegram.WebView.receiveEvent('main_button_pressed')")


def open_settings(mini_app: MiniApp) -> Page:
    page = mini_app.open(ALICE)
    page.get_by_role("button", name="Settings").click()
    expect(page.locator("#availability-body .day")).to_have_count(7)
    return page


def test_weekly_hours_and_a_day_off_are_saved_with_the_main_button(mini_app: MiniApp) -> None:
    page = open_settings(mini_app)
    screen = page.locator("[data-screen=settings]")
    expect(screen.locator("#availability-default")).to_be_visible()
    expect(screen.locator("#availability-zone")).to_have_text("Europe/Berlin")
    # On Alice's clock (automatic: 12 hours in English), whatever the browser's.
    expect(screen.get_by_label("Monday from")).to_have_value("9:00 AM")

    screen.get_by_label("Saturday off").uncheck()
    screen.get_by_label("Saturday from").fill("10:00")
    screen.get_by_label("Saturday to").fill("14:00")
    screen.get_by_label("Monday off").check()
    screen.get_by_role("button", name="Add hours on Friday").click()
    expect(screen.get_by_label("Friday from")).to_have_count(2)
    screen.get_by_label("Friday from").nth(1).fill("18:00")
    screen.get_by_label("Friday to").nth(1).fill("20:00")
    screen.get_by_label("A date off").fill("2030-12-24")
    screen.get_by_role("button", name="Add a day off").click()
    expect(screen.locator(".dates")).to_contain_text("Dec 24, 2030")  # in Alice's words
    shoot(page, "booking-hours", mini_app.backend)
    press_main_button(page)
    expect(page.locator("[data-screen=calendar]")).to_be_visible()

    with mini_app.api(ALICE) as client:
        stored = client.get("/availability").json()
    assert stored["is_default"] is False
    assert stored["timezone"] == "Europe/Berlin"
    assert stored["weekly"]["mon"] == []
    assert stored["weekly"]["sat"] == [["10:00", "14:00"]]
    assert stored["weekly"]["fri"] == [["09:00", "17:00"], ["18:00", "20:00"]]
    assert stored["overrides"] == [{"date": "2030-12-24", "ranges": []}]

    # Opened again, the editor shows what was saved; an impossible range is refused clearly.
    page.get_by_role("button", name="Settings").click()
    expect(screen.get_by_label("Saturday from")).to_have_value("10:00 AM")
    expect(screen.locator("#availability-default")).to_be_hidden()
    screen.get_by_label("Saturday to").fill("09:00")
    press_main_button(page)
    expect(page.locator("#toast")).to_contain_text("Saturday")
    expect(screen).to_be_visible()  # nothing saved, still on the settings
    with mini_app.api(ALICE) as client:
        assert client.get("/availability").json()["weekly"]["sat"] == [["10:00", "14:00"]]
    page.context.close()


def test_a_booking_link_is_created_copied_paused_and_deleted(mini_app: MiniApp) -> None:
    page = open_settings(mini_app)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    form = page.locator("#link-form")
    form.get_by_label("Address (slug)").fill("alice-intro")
    form.get_by_label("Title").fill("Intro call")
    form.get_by_label("Minutes").fill("45")
    form.get_by_label("Buffer after").fill("10")
    form.get_by_label("Max per day").fill("3")
    form.get_by_role("button", name="Create link").click()
    links = page.locator("#links-body")
    item = links.locator("li", has_text="Intro call")
    expect(item).to_contain_text("/book/alice-intro")
    expect(item).to_contain_text("45 min · 0 upcoming bookings")
    expect(item).to_contain_text("Active")
    with mini_app.api(ALICE) as client:
        link = client.get("/booking-links/alice-intro").json()
    assert link["duration_minutes"] == 45 and link["buffer_after_minutes"] == 10
    assert link["max_per_day"] == 3 and link["active"] is True

    item.get_by_role("button", name="Copy link").click()
    expect(page.locator("#toast")).to_have_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()") == link["url"]

    # A slug someone already has: the server's reason is shown.
    form.get_by_label("Address (slug)").fill("alice-intro")
    form.get_by_label("Title").fill("Again")
    form.get_by_role("button", name="Create link").click()
    expect(page.locator("#toast")).to_contain_text("taken")

    item.get_by_role("button", name="Pause").click()
    expect(item).to_contain_text("Paused")
    with mini_app.api(ALICE) as client:
        assert client.get("/booking-links/alice-intro").json()["active"] is False
    item.get_by_role("button", name="Resume").click()
    expect(item).to_contain_text("Active")
    shoot(page, "booking-links", mini_app.backend)

    item.get_by_role("button", name="Delete Intro call").click()
    page.get_by_role("button", name="Delete", exact=True).click()
    expect(links).to_contain_text("No booking links yet")
    with mini_app.api(ALICE) as client:
        assert client.get("/booking-links/alice-intro").status_code == 404
    page.context.close()
