"""Settings → Where messages go in the Mini App: a checkbox per kind of message and channel,
saved with the Main button into `preferences.channels`, and a note when email is chosen but no
email is linked (nothing would be mailed). Against a real `televent serve`, both backends."""

from __future__ import annotations

from playwright.sync_api import expect

from televent.bootstrap import build_application
from televent.config import Settings
from tests.browser.conftest import ALICE, BOB, MiniApp
from tests.browser.test_mini_app_booking import press_main_button
from tests.e2e.conftest import ACTOR, SOURCE


def test_channels_are_shown_and_saved(mini_app: MiniApp) -> None:
    page = mini_app.open(ALICE)
    page.get_by_role("button", name="Settings").click()
    screen = page.locator("[data-screen=settings]")
    expect(screen.get_by_label("Reminders by Telegram")).to_be_checked()
    expect(screen.get_by_label("Reminders by Email")).not_to_be_checked()
    screen.get_by_label("Reminders by Email").check()
    screen.get_by_label("Morning agenda by Telegram").uncheck()
    screen.get_by_label("Morning agenda by Email").check()
    expect(screen.locator("#settings-no-email")).to_be_hidden()  # Alice has an email linked
    press_main_button(page)
    expect(page.locator("[data-screen=calendar]")).to_be_visible()
    with mini_app.api(ALICE) as client:
        assert client.get("/me").json()["preferences"]["channels"] == {
            "reminders": ["telegram", "email"],
            "agenda": ["email"],
            "notices": ["telegram"],
        }
    page.context.close()


def test_email_without_a_linked_address_is_said_to_send_nothing(mini_app: MiniApp) -> None:
    app = build_application(Settings(database_url=mini_app.database_url))
    try:
        app.unlink_email(BOB, actor=ACTOR, source=SOURCE)
    finally:
        app.close()
    page = mini_app.open(BOB)
    page.get_by_role("button", name="Settings").click()
    screen = page.locator("[data-screen=settings]")
    expect(screen.locator("#settings-no-email")).to_be_hidden()
    screen.get_by_label("Notices about my events by Email").check()
    expect(screen.locator("#settings-no-email")).to_be_visible()
    expect(screen.locator("#settings-no-email")).to_contain_text("nothing is mailed")
    page.context.close()
