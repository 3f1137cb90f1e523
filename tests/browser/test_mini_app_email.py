"""Settings → Email in the Mini App (docs/adr/0019): the invitation address and a new one on
demand, unlinking the email, and linking one with the code mailed to it. Against a real
`televent serve`, both backends (no SMTP relay: the code is read from the mail queue)."""

from __future__ import annotations

import json
import re

from playwright.sync_api import expect

from televent.bootstrap import build_application
from televent.config import Settings
from tests.browser.conftest import BOB, MiniApp, open_with_the_account_held

ADDRESS = re.compile(r"\+u[0-9a-f]{20}@")


def queued_code(mini_app: MiniApp, to: str) -> str:
    """The code waiting in the mail queue for `to`."""
    app = build_application(Settings(database_url=mini_app.database_url))
    try:
        with app.views.read() as db:
            rows = db.all(
                "SELECT payload FROM mail_outbox WHERE recipient = ? AND method = 'CODE' "
                "AND status = 'pending'",
                (to,),
            )
    finally:
        app.close()
    [row] = rows
    return str(json.loads(row["payload"])["code"])


def test_the_invitation_address_and_linking_an_email(mini_app: MiniApp) -> None:
    page = mini_app.open(BOB)
    page.get_by_role("button", name="Settings").click()
    panel = page.locator("#mail-panel")
    address = panel.locator("#invite-address")
    expect(address).to_have_text(ADDRESS)
    first = address.inner_text()
    expect(panel.locator("#email-linked")).to_contain_text("bob@example.com")

    panel.get_by_role("button", name="Unlink").click()
    page.locator("dialog").get_by_role("button", name="Unlink").click()
    expect(panel.locator("#email-linked")).to_be_hidden()
    panel.get_by_label("Your email address").fill("bob@new.example")
    panel.get_by_role("button", name="Send a code").click()
    expect(page.locator("#toast")).to_contain_text("A code is on its way to bob@new.example")
    code_field = panel.get_by_label("The code mailed to you")
    expect(code_field).to_be_visible()
    code_field.fill("000000" if queued_code(mini_app, "bob@new.example") != "000000" else "1")
    panel.get_by_role("button", name="Link").click()
    expect(page.locator("#toast")).to_contain_text("Wrong code; 4 tries left")
    code_field.fill(queued_code(mini_app, "bob@new.example"))
    panel.get_by_role("button", name="Link").click()
    expect(panel.locator("#email-linked")).to_contain_text("bob@new.example")
    expect(panel.locator("#code-form")).to_be_hidden()

    panel.get_by_role("button", name="New invitation address").click()
    page.locator("dialog").get_by_role("button", name="New address").click()
    expect(address).not_to_have_text(first)
    expect(address).to_have_text(ADDRESS)
    with mini_app.api(BOB) as client:
        me = client.get("/me").json()
    assert (me["invite_address"], me["email"], me["email_verified"]) == (
        address.inner_text(),
        "bob@new.example",
        True,
    )
    page.context.close()


def test_settings_opened_before_the_account_arrives_show_it_when_it_does(
    mini_app: MiniApp,
) -> None:
    """Settings tapped while the account is still on its way (a slow network, a busy
    server): the invitation address and the settings appear once it arrives."""
    page, release = open_with_the_account_held(mini_app, BOB)
    page.get_by_role("button", name="Settings").click()
    address = page.locator("#mail-panel").locator("#invite-address")
    expect(address).to_have_text("")
    release()
    expect(address).to_have_text(ADDRESS)
    expect(page.locator("#mail-panel").locator("#email-linked")).to_contain_text("@")
