"""Settings → Where messages go in the Mini App: a checkbox per kind of message and channel,
saved with the Main button into `preferences.channels`, and a note when email is chosen but no
email is linked (nothing would be mailed). Against a real `televent serve`, both backends."""

from __future__ import annotations

from playwright.sync_api import expect

from televent.bootstrap import build_application
from televent.config import Settings
from tests.browser.conftest import ALICE, BOB, MiniApp, open_with_the_account_held
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


def test_changes_made_before_the_account_arrives_are_kept_and_saved(mini_app: MiniApp) -> None:
    """Settings opened and changed while the account is still on its way (a slow network, a
    busy server): when it arrives, the fields the person changed keep their change and the
    others show the account's values; a Save pressed before it arrives waits for it, so the
    account's own quiet hours are not replaced by the defaults shown meanwhile."""
    with mini_app.api(ALICE) as client:
        answer = client.patch("/me", json={"preferences": {"quiet_hours": "23:30-06:30"}})
        assert answer.status_code == 200, answer.text
    page, release = open_with_the_account_held(mini_app, ALICE)
    page.get_by_role("button", name="Settings").click()
    screen = page.locator("[data-screen=settings]")
    quiet = screen.locator("#settings-quiet")
    expect(quiet).not_to_be_checked()  # not known yet
    screen.get_by_label("Reminders by Email").check()
    screen.get_by_label("Morning agenda by Telegram").uncheck()
    screen.get_by_label("Morning agenda by Email").check()
    press_main_button(page)  # before the account arrives
    release()
    expect(page.locator("[data-screen=calendar]")).to_be_visible()
    with mini_app.api(ALICE) as client:
        preferences = client.get("/me").json()["preferences"]
    assert preferences["channels"] == {
        "reminders": ["telegram", "email"],
        "agenda": ["email"],
        "notices": ["telegram"],
    }
    assert preferences["quiet_hours"] == "23:30-06:30"
    page.get_by_role("button", name="Settings").click()
    expect(quiet).to_be_checked()
    expect(screen.get_by_label("Reminders by Email")).to_be_checked()
    expect(screen.get_by_label("Morning agenda by Telegram")).not_to_be_checked()
    page.context.close()
