"""Webhooks in the Mini App's settings (docs/adr/0029, js/webhooks.js), against a real server
and a real receiver on loopback (the operator's switch lets loopback through): Alice adds one
with the keyboard, sees its signing secret once, sends a test and sees the receiver's answer,
sees the message of an event she adds elsewhere among its deliveries, pauses it (it hears
nothing then) and resumes it, sees a failing receiver's answer, and removes it; an address the
server refuses is said in words beside the field. In Persian, on a 360-pixel phone, the panel
reads right to left and fits."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ALICE, MiniApp, shoot, this_week

SERVER_EXTRA = {"TELEVENT_OUTBOUND_ALLOW_PRIVATE": "1"}
EVENT_TRIGGERS = ["event.created", "event.updated", "event.cancelled", "event.deleted"]
BOOKING_TRIGGERS = ["booking.created", "booking.rescheduled", "booking.cancelled"]


@dataclass
class Receiver:
    """What the receiver got (path, headers, body of each POST) and answers (`status`)."""

    port: int = 0
    status: int = 200
    got: list[tuple[str, dict[str, str], bytes]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def bodies(self, path: str) -> list[dict[str, Any]]:
        with self.lock:
            return [json.loads(body) for where, _, body in self.got if where == path]

    def messages(self, path: str) -> list[tuple[dict[str, str], bytes]]:
        with self.lock:
            return [(headers, body) for where, headers, body in self.got if where == path]

    def wait_for(self, path: str, kind: str, timeout: float = 15) -> dict[str, Any]:
        """The first message of type `kind` to `path` (a bounded wait)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [body for body in self.bodies(path) if body.get("type") == kind]
            if found:
                return found[0]
            time.sleep(0.1)
        raise AssertionError(f"no {kind} reached {path}: {self.bodies(path)}")


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    """A webhook receiver on loopback: records every POST, answers `receiver.status`."""
    state = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            headers = {name.lower(): value for name, value in self.headers.items()}
            with state.lock:
                state.got.append((self.path, headers, body))
                status = state.status
            answer = b"thanks" if status < 300 else b"not today"
            self.send_response(status)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.port = int(server.server_address[1])
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


def signed(secret: str, headers: dict[str, str], body: bytes) -> bool:
    """Whether the Standard Webhooks signature holds: v1,base64(HMAC-SHA256(id.timestamp.body))."""
    key = base64.b64decode(secret.removeprefix("whsec_"))
    text = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + body
    expected = base64.b64encode(hmac.new(key, text, hashlib.sha256).digest()).decode()
    return any(
        part.removeprefix("v1,") == expected
        for part in headers.get("webhook-signature", "").split()
    )


def no_webhooks(mini_app: MiniApp) -> None:
    """None of Alice's webhooks left by an earlier test."""
    with mini_app.api(ALICE) as client:
        for hook in client.get("/webhooks").json()["items"]:
            assert client.delete(f"/webhooks/{hook['id']}").status_code == 204


def open_settings(page: Page) -> Any:
    page.get_by_role("button", name="Settings").click()
    panel = page.locator("#webhooks-panel")
    panel.scroll_into_view_if_needed()
    expect(panel).to_be_visible()
    return panel


def add_event(mini_app: MiniApp, title: str) -> None:
    with mini_app.api(ALICE) as client:
        start = this_week(2, 15)
        made = client.post(
            "/events",
            json={"title": title, "start": start.isoformat(),
                  "end": (start + dt.timedelta(hours=1)).isoformat()},
        )  # fmt: skip
        assert made.status_code == 201, made.text


def test_alice_adds_tests_watches_pauses_and_removes_a_webhook(
    mini_app: MiniApp, receiver: Receiver
) -> None:
    no_webhooks(mini_app)
    path = f"/hooks/{uuid.uuid4().hex[:8]}"
    url = receiver.url(path)
    page = mini_app.open(ALICE)
    panel = open_settings(page)
    expect(panel.get_by_role("heading", name="Webhooks")).to_be_visible()
    expect(panel).to_contain_text("No webhooks yet.")
    form = panel.locator("#webhook-form")
    for trigger in EVENT_TRIGGERS + BOOKING_TRIGGERS:
        expect(form.locator(f"input[value='{trigger}']")).to_be_checked()
    expect(form.get_by_label("Answer to an invitation")).not_to_be_checked()
    expect(panel.locator("#webhook-secret")).to_be_hidden()

    # Added with the keyboard: the address typed, one more trigger ticked, Enter.
    field_ = form.get_by_label("Address (https://…)")
    field_.fill(url)
    form.get_by_label("Event deleted").uncheck()
    field_.press("Enter")
    notice = panel.locator("#webhook-secret")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text(f"Signing secret of the webhook to {url}")
    expect(notice).to_contain_text("it is shown only this once")
    secret = panel.locator("#webhook-secret-value").inner_text()
    assert secret.startswith("whsec_") and len(secret) > 30
    expect(field_).to_have_value("")  # the form is ready for another
    item = panel.locator("#webhooks-body li", has_text=url)
    expect(item).to_contain_text("Active")
    expect(item).to_contain_text(
        "Triggers: Event created, Event changed, Event cancelled, Booking made, "
        "Booking rescheduled, and Booking cancelled"
    )
    expect(item).to_contain_text("Nothing waiting to be sent")
    with mini_app.api(ALICE) as client:
        (stored,) = client.get("/webhooks").json()["items"]
    assert stored["url"] == url and "secret" not in stored
    assert stored["triggers"] == ["event.created", "event.updated", "event.cancelled",
                                  *BOOKING_TRIGGERS]  # fmt: skip
    shoot(page, "webhooks-added", mini_app.backend)

    # A test message: the receiver gets it, signed with that secret; the answer is shown.
    item.get_by_role("button", name=f"Send a test message to {url}").click()
    expect(item.locator(".hook-test")).to_contain_text("Test delivered: answered 200 in")
    test = receiver.wait_for(path, "webhook.test")
    assert test["type"] == "webhook.test"
    headers, body = receiver.messages(path)[0]
    assert signed(secret, headers, body)

    # Its deliveries: the test, then an event added elsewhere, as it is delivered.
    deliveries = item.get_by_role("button", name=f"Recent deliveries to {url}")
    expect(deliveries).to_have_attribute("aria-expanded", "false")
    deliveries.click()
    expect(deliveries).to_have_attribute("aria-expanded", "true")
    attempts = item.locator(".hook-attempts li")
    expect(attempts.first).to_contain_text("Test message")
    expect(attempts.first).to_contain_text("HTTP 200")
    expect(attempts.first).to_contain_text(" ms")
    title = f"Board meeting {uuid.uuid4().hex[:6]}"
    add_event(mini_app, title)
    made = receiver.wait_for(path, "event.created")
    assert made["data"]["title"] == title
    expect(attempts).to_have_count(2, timeout=15_000)  # looked at again while shown
    expect(attempts.first).to_contain_text("Event created")
    expect(attempts.first).to_contain_text("HTTP 200")
    # The time is written in her zone (Berlin) and clock (English: 12 hours).
    shown = attempts.first.locator("time")
    stamp = dt.datetime.fromisoformat(str(shown.get_attribute("datetime")))
    berlin = stamp.astimezone(this_week(0, 0).tzinfo)
    expect(shown).to_contain_text(f"{berlin.hour % 12 or 12}:{berlin:%M}:{berlin:%S}")
    deliveries.click()
    expect(item.locator(".hook-attempts")).to_be_hidden()

    # Paused, it is sent nothing; resumed, it is active again and gets what it missed.
    item.get_by_role("button", name=f"Pause the webhook to {url}").click()
    expect(item.locator(".badge")).to_have_text("Paused")
    expect(item).to_contain_text("Paused: nothing is sent until you resume it;")
    expect(page.locator("#toast")).to_contain_text(f"The webhook to {url} is paused")
    before = len(receiver.bodies(path))
    quiet = f"Quiet {uuid.uuid4().hex[:6]}"
    add_event(mini_app, quiet)
    time.sleep(2.5)  # the sender looks every second
    assert len(receiver.bodies(path)) == before
    resume = item.get_by_role("button", name=f"Resume the webhook to {url}")
    resume.focus()
    page.keyboard.press("Enter")
    expect(item.locator(".badge")).to_have_text("Active")
    expect(item.get_by_role("button", name=f"Pause the webhook to {url}")).to_be_focused()
    deadline = time.monotonic() + 15
    missed: list[str] = []
    while time.monotonic() < deadline and quiet not in missed:
        missed = [str(b["data"].get("title")) for b in receiver.bodies(path)[before:]]
        time.sleep(0.2)
    assert missed == [quiet], "the change made while paused, once it is resumed"

    # A receiver that fails: its answer is said, and listed.
    receiver.status = 500
    item.get_by_role("button", name=f"Send a test message to {url}").click()
    expect(item.locator(".hook-test")).to_contain_text("Test not delivered: answered 500 in")
    expect(page.locator("#toast")).to_contain_text("Test not delivered")
    deliveries.click()
    expect(attempts.first).to_contain_text("Test message")
    expect(attempts.first).to_contain_text("HTTP 500")

    # Removed, after saying yes.
    item.get_by_role("button", name=f"Remove the webhook to {url}").click()
    dialog = page.locator("dialog.choice")
    expect(dialog).to_contain_text(f"Remove the webhook to {url}?")
    dialog.get_by_role("button", name="Remove").click()
    expect(page.locator("#toast")).to_contain_text(f"Removed the webhook to {url}")
    expect(panel.locator("#webhooks-body li")).to_have_count(0)
    expect(panel).to_contain_text("No webhooks yet.")
    with mini_app.api(ALICE) as client:
        assert client.get("/webhooks").json()["items"] == []
    # The secret is not shown again on the next visit.
    page.evaluate("window.Telegram.WebView.receiveEvent('back_button_pressed')")
    open_settings(page)
    expect(panel.locator("#webhook-secret")).to_be_hidden()
    page.context.close()


def test_an_address_the_server_refuses_is_said_beside_the_field(
    mini_app: MiniApp, receiver: Receiver
) -> None:
    no_webhooks(mini_app)
    page = mini_app.open(ALICE)
    panel = open_settings(page)
    form = panel.locator("#webhook-form")
    field_ = form.get_by_label("Address (https://…)")
    field_.fill("ftp://example.org/hook")
    form.get_by_role("button", name="Add webhook").click()
    error = form.locator("#webhook-error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("ftp")  # the server's words: what it does not open
    expect(field_).to_have_attribute("aria-invalid", "true")
    expect(panel.locator("#webhook-secret")).to_be_hidden()
    # No trigger at all: the server's words again.
    field_.fill(receiver.url("/none"))
    expect(error).to_be_hidden()  # typing clears it
    for box in form.locator("input[name=trigger]").all():
        box.uncheck()
    form.get_by_role("button", name="Add webhook").click()
    expect(error).to_contain_text("Choose at least one trigger")
    with mini_app.api(ALICE) as client:
        assert client.get("/webhooks").json()["items"] == []
    page.context.close()


@pytest.fixture
def alice_in_persian(mini_app: MiniApp) -> Iterator[None]:
    with mini_app.api(ALICE) as client:
        assert client.patch("/me", json={"language": "fa"}).status_code == 200
    yield
    with mini_app.api(ALICE) as client:
        assert client.patch("/me", json={"language": None}).status_code == 200


def test_the_panel_in_persian_on_a_narrow_phone(
    mini_app: MiniApp, receiver: Receiver, alice_in_persian: None
) -> None:
    no_webhooks(mini_app)
    url = receiver.url("/persian")
    page = mini_app.open(ALICE)
    page.set_viewport_size({"width": 360, "height": 760})
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.locator("#open-settings").click()
    panel = page.locator("#webhooks-panel")
    panel.scroll_into_view_if_needed()
    expect(panel.get_by_role("heading", name="وب‌هوک‌ها")).to_be_visible()
    expect(panel).to_contain_text("هنوز وب‌هوکی نیست.")
    form = panel.locator("#webhook-form")
    form.locator("#webhook-url").fill(url)
    form.get_by_role("button", name="افزودن وب‌هوک").click()
    expect(panel.locator("#webhook-secret")).to_contain_text("فقط همین یک بار")
    item = panel.locator("#webhooks-body li", has_text=url)
    expect(item.locator(".badge")).to_have_text("فعال")
    expect(item).to_contain_text("ساخت رویداد")
    item.locator(".hook-actions button").nth(1).click()  # Send test
    expect(item.locator(".hook-test")).to_contain_text("پیام آزمایشی تحویل شد")
    item.locator("[aria-controls]").click()  # Deliveries
    expect(item.locator(".hook-attempts li").first).to_contain_text("پیام آزمایشی")
    # Nothing wider than the phone, and every button big enough to tap and inside the screen.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, width
    for button in item.locator(".hook-actions button").all():
        box = button.bounding_box()
        assert box and box["height"] >= 32 and box["x"] >= 0 and box["x"] + box["width"] <= 360, box
    # The address reads left to right inside the right-to-left page.
    assert item.locator(".hook-url").evaluate("e => getComputedStyle(e).direction") == "ltr"
    shoot(page, "webhooks-persian-360", mini_app.backend)
    no_webhooks(mini_app)
    page.context.close()
