"""The Mini App under its Content-Security-Policy (adapters/webapp/routes.py), in headless
Chromium: every file of /app/ carries the policy, and the app's screens work without a single
violation (the calendar's colours, set through the CSSOM, included)."""

from __future__ import annotations

import httpx
from playwright.sync_api import expect

from tests.browser.conftest import ALICE, MiniApp, this_week

VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}`);
});
"""
COLOUR = "#1e88e5"


def test_every_file_of_the_app_carries_a_strict_policy(mini_app: MiniApp) -> None:
    with httpx.Client(base_url=mini_app.url, timeout=15) as client:
        for path in (
            "/app/",
            "/app/js/app.js",
            "/app/app.css",
            "/app/vendor/telegram-web-app/telegram-web-app.js",
        ):
            reply = client.get(path)
            assert reply.status_code == 200, path
            policy = reply.headers["content-security-policy"]
            assert "default-src 'none'" in policy and "script-src 'self';" in policy, path
            assert "unsafe" not in policy, path
            assert "frame-ancestors 'self' https://*.telegram.org" in policy, path
            assert reply.headers["x-content-type-options"] == "nosniff"


def test_the_app_runs_without_violating_its_policy(mini_app: MiniApp) -> None:
    with mini_app.api(ALICE) as client:
        calendar = client.get("/calendars").json()["items"][0]["id"]
        assert client.patch(f"/calendars/{calendar}", json={"color": COLOUR}).status_code == 200
        created = client.post(
            "/events",
            json={
                "title": "Policy review",
                "start": this_week(3, 14).isoformat(),
                "end": this_week(3, 15).isoformat(),
            },
        )
        assert created.status_code == 201, created.text
    page = mini_app.open(ALICE)
    page.add_init_script(VIOLATIONS)
    page.reload()
    event = page.locator("#calendar .ec-event", has_text="Policy review").first
    expect(event).to_be_visible()
    expect(event).to_have_css("background-color", "rgb(30, 136, 229)")
    event.click()
    card = page.locator("[data-screen=card]")
    expect(card).to_contain_text("Policy review")
    expect(card.locator(".swatch").first).to_have_css("background-color", "rgb(30, 136, 229)")
    page.evaluate("window.Telegram.WebView.receiveEvent('back_button_pressed')")
    page.get_by_role("button", name="Calendars").click()
    calendars = page.locator("[data-screen=calendars]")
    expect(calendars.locator(".swatch").first).to_have_css("background-color", "rgb(30, 136, 229)")
    page.evaluate("window.Telegram.WebView.receiveEvent('back_button_pressed')")
    for screen in ("Settings", "Device passwords"):
        page.get_by_role("button", name=screen).click()
        expect(page.locator("[data-screen=calendar]")).to_be_hidden()
        page.evaluate("window.Telegram.WebView.receiveEvent('back_button_pressed')")
    page.get_by_role("button", name="New event").click()
    expect(page.locator("#event-form")).to_be_visible()
    assert page.evaluate("window.__violations") == []
    page.context.close()
