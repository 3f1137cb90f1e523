"""The Mini App in the person's language, clock and week: the settings saved with the Main button
(PATCH /api/v1/me) show everything in the new language at once, Persian right to left; the next
visit starts in it from the first paint; a 12-hour clock changes the times on the grid and the
card, a week starting on Sunday the grid's first column. Against a real `televent serve`, both
backends."""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ALICE, BOB, BOT_TOKEN, LIGHT, RECORDER, MiniApp, this_week
from tests.browser.test_mini_app_booking import press_main_button
from tests.tma import sign_init_data

# Every frame drawn until the app's words are in: whether the page was visible then, with the
# search button still named in the page's own English.
FRAMES = """
window.__frames = [];
const watch = () => {
  const root = document.documentElement;
  const search = document.getElementById("open-search");
  const label = search ? search.getAttribute("aria-label") : null;
  window.__frames.push({lang: root.lang, label, visibility: root.style.visibility});
  if (window.__frames.length < 600 && (label === null || label === "Search")) {
    requestAnimationFrame(watch);
  }
};
requestAnimationFrame(watch);
"""


def back(page: Page) -> None:
    page.evaluate("window.Telegram.WebView.receiveEvent('back_button_pressed')")


def settings(page: Page) -> Any:
    page.locator("#open-settings").click()
    screen = page.locator("[data-screen=settings]")
    expect(screen).to_be_visible()
    return screen


@pytest.fixture
def alice_reset(mini_app: MiniApp) -> Iterator[None]:
    """Alice's language, clock and week as they were (automatic) after the test."""
    yield
    with mini_app.api(ALICE) as client:
        reply = client.patch("/me", json={"language": None, "hour_cycle": None, "week_start": None})
        assert reply.status_code == 200, reply.text


def test_a_language_chosen_in_the_settings_is_shown_at_once_and_kept(
    mini_app: MiniApp, alice_reset: None
) -> None:
    page = mini_app.open(ALICE)
    screen = settings(page)
    expect(screen.get_by_role("heading", name="Settings")).to_be_visible()
    language = screen.get_by_label("Language", exact=True)
    expect(language).to_have_value("")  # automatic: Telegram says English
    expect(language.locator("option")).to_have_text(
        ["Automatic (English)", "English", "Русский", "Español", "Português (Brasil)", "Deutsch",
         "Українська", "Bahasa Indonesia", "فارسی"]
    )  # fmt: skip
    language.select_option("ru")
    # Shown in Russian before it is saved...
    expect(screen.get_by_role("heading", name="Настройки")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    main = page.evaluate("window.__telegram.filter(c => c[0] === 'web_app_setup_main_button')")
    assert main[-1][1]["text"] == "Сохранить"
    # ...and everywhere once it is.
    press_main_button(page)
    expect(page.locator("[data-screen=calendar]")).to_be_visible()
    expect(page.locator("#toast")).to_have_text("Настройки сохранены")
    expect(page.locator("#open-search")).to_have_attribute("aria-label", "Поиск")
    with mini_app.api(ALICE) as client:
        me = client.get("/me").json()
    assert (me["language"], me["preferences"]["language"], me["direction"]) == ("ru", "ru", "ltr")
    page.locator("#open-calendars").click()
    expect(page.locator("[data-screen=calendars]")).to_contain_text("Показаны в календаре")
    back(page)

    # Persian: right to left, in the settings at once and in the whole app after Save.
    screen = settings(page)
    screen.locator("#settings-language").select_option("fa")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(screen.get_by_role("heading", name="تنظیمات")).to_be_visible()
    press_main_button(page)
    expect(page.locator("[data-screen=calendar]")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "fa")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("#open-search")).to_have_attribute("aria-label", "جست‌وجو")
    page.context.close()

    # The next visit is in Persian from the start (the words arrive with the page, and /me
    # agrees), and leaving the settings without saving keeps what was saved.
    again = mini_app.open(ALICE)
    expect(again.locator("html")).to_have_attribute("dir", "rtl")
    expect(again.locator("#open-search")).to_have_attribute("aria-label", "جست‌وجو")
    screen = settings(again)
    screen.locator("#settings-language").select_option("de")
    expect(screen.get_by_role("heading", name="Einstellungen")).to_be_visible()
    back(again)
    expect(again.locator("html")).to_have_attribute("lang", "fa")
    with mini_app.api(ALICE) as client:
        assert client.get("/me").json()["language"] == "fa"
    again.context.close()


def test_the_first_paint_is_in_the_language_telegram_reports(mini_app: MiniApp) -> None:
    """Bob chose no language; his Telegram app is in Ukrainian: the page is never shown in
    English, and speaks Ukrainian, with no choice saved anywhere."""
    context = mini_app.browser.new_context(
        viewport={"width": 420, "height": 800}, timezone_id="Europe/Berlin", locale="en-GB"
    )
    page = context.new_page()
    page.add_init_script(RECORDER)
    page.add_init_script(FRAMES)
    user = {"id": BOB, "first_name": "Bob", "language_code": "uk"}
    init = quote(sign_init_data(BOT_TOKEN, user, auth_date=int(time.time())), safe="")
    theme = quote(json.dumps(LIGHT), safe="")
    page.goto(
        f"{mini_app.url}/app/#tgWebAppData={init}&tgWebAppVersion=8.0&tgWebAppThemeParams={theme}"
    )
    expect(page.get_by_role("button", name="Пошук")).to_be_visible()
    frames = page.evaluate("window.__frames")
    english = [f for f in frames if f["label"] in (None, "Search") and f["visibility"] != "hidden"]
    assert english == [], f"{len(english)} frame(s) drawn before the words were in"
    assert frames[-1]["label"] == "Пошук"
    expect(page.locator("html")).to_have_attribute("lang", "uk")
    assert page.evaluate("document.documentElement.style.visibility") == ""
    page.locator("#open-settings").click()
    screen = page.locator("[data-screen=settings]")
    expect(screen.get_by_role("heading", name="Налаштування")).to_be_visible()
    expect(screen.locator("#settings-language")).to_have_value("")
    expect(screen.locator("#settings-language option").first).to_have_text(
        "Автоматично (Українська)"
    )
    with mini_app.api(BOB) as client:
        assert client.get("/me").json()["preferences"]["language"] is None
    context.close()


def grid_event(page: Page, title: str) -> Any:
    return page.locator("#calendar .ec-event", has_text=title).first


def test_the_clock_and_the_first_day_of_the_week(mini_app: MiniApp, alice_reset: None) -> None:
    start = this_week(2, 17)
    with mini_app.api(ALICE) as client:
        reply = client.post(
            "/events",
            json={
                "title": "Evening run",
                "start": start.isoformat(),
                "end": (start + dt.timedelta(hours=1)).isoformat(),
            },
        )
        assert reply.status_code == 201, reply.text
    page = mini_app.open(ALICE, view="week")
    screen = settings(page)
    screen.get_by_label("Clock").select_option("24")
    screen.get_by_label("First day of the week").select_option("mon")
    press_main_button(page)
    expect(grid_event(page, "Evening run")).to_contain_text("17:00")
    first_column = page.locator("#calendar .ec-col-head time").first
    expect(first_column).to_have_attribute("aria-label", re.compile(r"^Monday,"))
    grid_event(page, "Evening run").click()
    card = page.locator("[data-screen=card]")
    expect(card.locator(".when")).to_contain_text("17:00")
    back(page)

    screen = settings(page)
    expect(screen.get_by_label("Clock")).to_have_value("24")
    clock = screen.get_by_label("Clock")
    clock.select_option("12")
    # The pickers write times in the clock chosen, before it is saved.
    expect(screen.locator("#settings-agenda option[value='17:00']")).to_have_text("5:00 PM")
    screen.get_by_label("First day of the week").select_option("sun")
    press_main_button(page)
    expect(grid_event(page, "Evening run")).to_contain_text(re.compile(r"5:00\s?(PM)?\s?– 6:00 PM"))
    expect(grid_event(page, "Evening run")).not_to_contain_text("17:00")
    expect(first_column).to_have_attribute("aria-label", re.compile(r"^Sunday,"))
    grid_event(page, "Evening run").click()
    expect(card.locator(".when")).to_contain_text("5:00 PM")
    with mini_app.api(ALICE) as client:
        preferences = client.get("/me").json()["preferences"]
    assert (preferences["hour_cycle"], preferences["week_start"]) == ("12", "sun")
    page.context.close()


def test_quiet_hours_agenda_and_notices_are_saved(mini_app: MiniApp) -> None:
    page = mini_app.open(ALICE)
    screen = settings(page)
    expect(screen.locator("#settings-quiet-times")).to_be_hidden()
    screen.get_by_label("Quiet hours every day").check()
    screen.get_by_label("From", exact=True).select_option("22:30")
    screen.get_by_label("to", exact=True).select_option("07:00")
    screen.get_by_label("Reminders in quiet hours").select_option("hold")
    screen.get_by_label("The day's events, every morning at").select_option("07:30")
    screen.get_by_label("Also on days without events").check()
    screen.get_by_label("Invitations that arrive by email").uncheck()
    screen.get_by_label("Answers to the events I organise").select_option("declines")
    screen.get_by_label("Use the reminders set on each event").uncheck()
    press_main_button(page)
    expect(page.locator("[data-screen=calendar]")).to_be_visible()
    with mini_app.api(ALICE) as client:
        preferences = client.get("/me").json()["preferences"]
        assert client.patch("/me", json={"preferences": {"event_alarms": True}}).status_code == 200
    assert {
        key: preferences[key]
        for key in ("quiet_hours", "quiet_reminders", "agenda_time", "agenda_empty_days",
                    "cards_email", "cards_telegram", "organizer_notices", "event_alarms")
    } == {
        "quiet_hours": "22:30-07:00", "quiet_reminders": "hold", "agenda_time": "07:30",
        "agenda_empty_days": True, "cards_email": False, "cards_telegram": True,
        "organizer_notices": "declines", "event_alarms": False,
    }  # fmt: skip
    page.context.close()
