"""Importing an .ics file in the Mini App (docs/adr/0024): Alice picks a file on her calendar's
people screen, the app says what was imported and why one event was skipped, the events are
in her week when she goes back, and picking the same file again imports nothing new. A reader
of a shared calendar is not offered the import."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from televent.bootstrap import build_application
from televent.config import Settings
from tests.browser.conftest import ALICE, BOB, MiniApp, this_week
from tests.e2e.conftest import ACTOR, SOURCE


def back(page: Page) -> None:
    """Telegram's Back button."""
    page.evaluate("window.Telegram.WebView.receiveEvent('back_button_pressed')")


def stamp(day: int, hour: int) -> str:
    return this_week(day, hour).strftime("%Y%m%dT%H%M%S")


def timetable() -> bytes:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//School//Timetable//EN\r\n"
        "BEGIN:VEVENT\r\nUID:chem@school.example\r\nDTSTAMP:20260101T000000Z\r\n"
        f"DTSTART;TZID=Europe/Berlin:{stamp(1, 9)}\r\nDTEND;TZID=Europe/Berlin:{stamp(1, 10)}\r\n"
        "SUMMARY:Chemistry lab\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:choir@school.example\r\nDTSTAMP:20260101T000000Z\r\n"
        f"DTSTART;TZID=Europe/Berlin:{stamp(3, 15)}\r\nDTEND;TZID=Europe/Berlin:{stamp(3, 16)}\r\n"
        "SUMMARY:Choir practice\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:odd@school.example\r\nDTSTAMP:20260101T000000Z\r\n"
        f"DTSTART:{stamp(2, 9)}Z\r\nRRULE:FREQ=SOMETIMES\r\nSUMMARY:Odd one\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    ).encode()


def pick(page: Page, file: Path) -> None:
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Choose a file (.ics)").click()
    chooser.value.set_files(str(file))


def test_alice_imports_a_timetable_into_her_calendar(mini_app: MiniApp, tmp_path: Path) -> None:
    file = tmp_path / "timetable.ics"
    file.write_bytes(timetable())
    with mini_app.api(ALICE) as client:
        calendar = next(c for c in client.get("/calendars").json()["items"] if c["kind"] == "own")

    page = mini_app.open(ALICE)
    page.get_by_role("button", name="Calendars").click()
    page.get_by_role("button", name=f"Share {calendar['name']}").click()
    section = page.locator("[data-screen=people] #import")
    expect(section).to_be_visible()
    expect(section).to_contain_text("Nobody is invited or told.")
    pick(page, file)
    result = section.locator("#import-result")
    expect(result).to_contain_text("Imported: 2. Updated: 0. Already there: 0. Skipped: 1.")
    expect(result).to_contain_text(
        "“Odd one” skipped: recurrence: “FREQ=SOMETIMES” is not a repetition rule"
    )

    back(page)
    back(page)
    for title in ("Chemistry lab", "Choir practice"):
        expect(page.locator("#calendar .ec-event", has_text=title)).to_be_visible()

    page.get_by_role("button", name="Calendars").click()
    page.get_by_role("button", name=f"Share {calendar['name']}").click()
    pick(page, file)
    expect(result).to_contain_text("Imported: 0. Updated: 0. Already there: 2. Skipped: 1.")


def test_a_reader_is_not_offered_the_import(mini_app: MiniApp) -> None:
    app = build_application(Settings(database_url=mini_app.database_url))
    try:
        alice = app.queries.account_by_telegram_id(ALICE)
        assert alice is not None
        calendar = str(
            app.create_calendar(
                alice.account_id, "books", {"display_name": "Books"}, actor=ACTOR, source=SOURCE
            )
        )
    finally:
        app.close()
    with mini_app.api(ALICE) as client:
        shared = client.post(f"/calendars/{calendar}/members", json={"member": BOB, "role": "read"})
        assert shared.status_code == 201, shared.text
    with mini_app.api(BOB) as client:
        assert client.post(f"/calendars/{calendar}/accept").status_code == 200

    page = mini_app.open(BOB)
    page.get_by_role("button", name="Calendars").click()
    page.get_by_role("button", name="People in Books").click()
    expect(page.locator("#read-only-hint")).to_be_visible()
    expect(page.locator("[data-screen=people] #import")).to_be_hidden()
