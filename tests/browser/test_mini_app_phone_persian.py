"""The Mini App on a phone in Persian, with Persian event titles, checked from the geometry of
what is drawn: three days on a narrow screen and the week on a wide one; titles broken only
between words (a long word, with or without its zero-width joins, ellipsized at its end, never
split); a 15-minute event's title whole on one line inside its box; the period title never
cut; no field of the settings screen or the event form narrower than what it shows, on either
clock. At 360, 390 and 430 pixels wide and on a 1280-pixel desktop, in light and dark. The
English side of these checks is in test_mini_app_phone.py."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ALICE, MiniApp, shoot
from tests.browser.test_mini_app_phone import (
    CLIPPED_FIELDS,
    DESKTOP,
    LINES,
    PHONES,
    between,
    create,
    day_columns,
    drawn,
    fill_widest,
    go_to,
    loaded,
    open_app,
    pressed_view,
    split_words,
    title_fits,
    today_at,
)

DENTIST = "دندان‌پزشکی (جابه‌جا شده)"  # "Dentist (moved)"
CALL = "تماس با بانک دربارهٔ وام"  # "Call with the bank about the loan"
STANDUP = "جلسهٔ روزانه"  # "Daily meeting"
PLANNING = "برنامه‌ریزی فصلی با گروه طراحی"  # "Quarterly planning with the design group"
WORD = "سرمایه‌گذاری‌هایشان"  # "their investments": one word, joined by zero-width non-joiners
REPORT = "گزارش ناخودآگاهانهٔ مدیرعامل"  # a long word without joiners among short ones
LUNCH = "ناهار با ماکسیمیلیان در رستوران"


@pytest.fixture(scope="module")
def persian(mini_app: MiniApp) -> dict[str, dict[str, Any]]:
    """Alice reads the app in Persian (her own choice; this module's server is its own), with
    today's and tomorrow's events between 09:00 and 13:00 titled in Persian."""
    with mini_app.api(ALICE) as client:
        reply = client.patch("/me", json={"language": "fa"})
        assert reply.status_code == 200, reply.text
    return {
        "dentist": create(mini_app, title=DENTIST, **between(today_at(10), 60)),
        "call": create(mini_app, title=CALL, **between(today_at(10, 30), 60)),
        "standup": create(mini_app, title=STANDUP, **between(today_at(9), 15)),
        "planning": create(mini_app, title=PLANNING, **between(today_at(11, 30), 90)),
        "word": create(mini_app, title=WORD, **between(today_at(9, 30, 1), 60)),
        "report": create(mini_app, title=REPORT, **between(today_at(11, 0, 1), 60)),
        "lunch": create(mini_app, title=LUNCH, **between(today_at(12, 0, 1), 60)),
    }


# Where a title's first letters are drawn against its event's box, and whether its text is
# wider than its line (ellipsized).
TITLE_PLACE = """e => {
  const box = e.getBoundingClientRect();
  const title = e.querySelector('.ev-title');
  const node = title.firstChild;
  const range = document.createRange();
  range.setStart(node, 0);
  range.setEnd(node, Math.min(2, node.data.length));
  const start = range.getBoundingClientRect();
  return {
    inside: start.top >= box.top - 0.5 && start.bottom <= box.bottom + 0.5
      && start.left >= box.left - 0.5 && start.right <= box.right + 0.5,
    ellipsized: title.scrollWidth > title.clientWidth,
    lines: title.getClientRects().length,
  };
}"""


def check_titles(page: Page) -> None:
    """Every title on screen broken only between words."""
    assert split_words(page, "#calendar .ec-event .ev-title") == []


# Event times whose text does not fit on their one line (a time cut in the middle, as an
# ellipsis cuts 10:30 in Persian digits to "…0:30" in right-to-left text), and day headers
# cut short.
CUT_TEXT = """(nodes) => nodes.filter((node) => {
  if (node.scrollWidth > node.clientWidth + 1) return true;
  // what shows is the first line: a word cut there would stand wider than the box
  return [...node.querySelectorAll("*")].some((child) => child.scrollWidth > node.clientWidth + 1);
}).map((node) => node.textContent)"""


def cut(page: Page, selector: str) -> list[str]:
    found: list[str] = page.locator(selector).evaluate_all(CUT_TEXT)
    return found


def clipped(page: Page, selector: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = page.locator(selector).evaluate(CLIPPED_FIELDS)
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [*PHONES, DESKTOP])
def test_persian_titles_period_and_fields_at_every_width(
    mini_app: MiniApp, persian: dict[str, dict[str, Any]], width: int, scheme: str
) -> None:
    page = open_app(mini_app, width, scheme=scheme)
    loaded(page)
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "fa")
    if width == DESKTOP:
        assert (day_columns(page), pressed_view(page)) == (7, "week")
    else:
        assert (day_columns(page), pressed_view(page)) == (3, "3day")
    events = page.locator("#calendar .ec-event")
    for title in (DENTIST, CALL, STANDUP, PLANNING):
        expect(events.filter(has_text=title)).to_be_visible()
    check_titles(page)

    # The 15-minute meeting: its whole title on one line, its start inside the event's box.
    standup = events.filter(has_text=STANDUP)
    assert drawn(standup.locator(".ev-title"), LINES) == [STANDUP]
    assert drawn(standup, TITLE_PLACE) == {"inside": True, "ellipsized": False, "lines": 1}

    if width == DESKTOP:  # tomorrow may be in next week
        go_to(page, today_at(9, 30, 1).date().isoformat())
    for title in (WORD, REPORT, LUNCH):
        expect(events.filter(has_text=title)).to_be_visible()
    check_titles(page)
    # The long word starts where Persian starts (on the right), inside its box, on one line:
    # ellipsized at its end in a phone's narrow column, never split.
    word = events.filter(has_text=WORD)
    assert drawn(word.locator(".ev-title"), LINES) == [WORD]
    place = drawn(word, TITLE_PLACE)
    assert (place["inside"], place["ellipsized"]) == (True, width != DESKTOP), place

    # Every time shown whole (in the overlapping events' narrow columns too).
    assert cut(page, "#calendar .ec-event .ev-time") == []

    measured = title_fits(page)
    assert measured["text"].strip() and measured["scroll"] <= measured["client"], measured
    for view in ("month", "week", "3day", "day", "agenda"):
        go_to(page, "2026-09-30", view)
        measured = title_fits(page)
        assert measured["text"].strip(), view
        assert measured["scroll"] <= measured["client"], (view, measured)
        # The weekdays over the columns whole, as narrow as they must be ("س", not "سه…").
        assert cut(page, "#calendar .ec-day-head, #calendar .ec-col-head") == [], view
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    if width == 360:
        go_to(page, today_at(0).date().isoformat(), "3day")
        expect(events.filter(has_text=STANDUP)).to_be_visible()
        shoot(page, f"persian-titles-360-{scheme}", mini_app.backend)

    # The settings: every field as wide as what it shows, on the automatic clock (24 hours in
    # Persian) and on 12 hours (the wider), with the quiet hours, the morning agenda and a
    # second range of Friday's hours at 10:30 and 11:45 in the evening.
    page.locator("#open-settings").click()
    screen = page.locator("[data-screen=settings]")
    expect(screen.locator("#availability-body .day")).to_have_count(7)
    screen.locator("#settings-quiet").check()
    screen.locator("#settings-quiet-from").select_option("22:30")
    screen.locator("#settings-agenda").select_option("22:30")
    screen.locator("[data-day=fri] .ranges > button.link").click()
    friday = screen.locator("[data-day=fri] .range input")
    expect(friday).to_have_count(4)
    for field, typed in ((friday.nth(2), "۱۸:۰۰"), (friday.nth(3), "۲۳:۴۵")):
        field.fill(typed)
        field.press("Tab")
    expect(friday.nth(3)).to_have_value("۲۳:۴۵")
    form = screen.locator("#link-form")
    for name, value in (("duration", "720"), ("notice", "10080"), ("horizon", "365")):
        form.locator(f"input[name={name}]").fill(value)
    assert clipped(page, "[data-screen=settings]") == []
    screen.locator("#settings-clock").select_option("12")
    expect(friday.nth(3)).to_have_value("۱۱:۴۵ ب.ظ.")
    expect(screen.locator("#settings-quiet-from option:checked")).to_have_text("۱۰:۳۰ ب.ظ.")
    assert clipped(page, "[data-screen=settings]") == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    if width == 360:
        shoot(page, f"persian-settings-360-{scheme}", mini_app.backend)

    # The event form, its times as wide as Persian writes them.
    page.evaluate("window.Telegram.WebView.receiveEvent('back_button_pressed')")
    page.locator("#add").click()
    event_form = page.locator("#event-form")
    expect(event_form).to_be_visible()
    event_form.locator("#f-title").fill(WORD)
    event_form.locator("#f-start-time").fill("۱۲:۴۵ ب.ظ.")
    event_form.locator("#f-end-time").fill("۱۱:۴۵ ب.ظ.")
    fill_widest(event_form)
    assert clipped(page, "#event-form") == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    if width == 360:
        shoot(page, f"persian-form-360-{scheme}", mini_app.backend)
    page.context.close()
