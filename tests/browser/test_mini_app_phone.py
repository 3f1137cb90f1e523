"""The Mini App on a phone, checked from the geometry of what is drawn, not only from pictures:
three days on a narrow screen and the week on a wide one; event titles broken only between words
(a long word ellipsized, never split) and a 15-minute event's title on one line inside its box;
the period title never cut where there is room; every field of the settings and the event
form (time, number, date, drop-down) wide enough for what it holds (the 12-hour "05:00 PM"
included); guests' addresses wrapped at sensible points, not letter by letter; a right-to-left
document mirrored. At 360, 390 and 430 pixels wide and on a 1280-pixel desktop, in light and
dark. The same in Persian, with Persian titles: test_mini_app_phone_persian.py."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import (
    ALICE,
    DARK,
    LIGHT,
    RECORDER,
    ZONE,
    MiniApp,
    seeded_for,
    shoot,
)

DESKTOP = 1280

# Every place in a text node where a line break falls between two letters or digits (a word
# split across lines; the marks and zero-width joins inside a Persian word count as its
# letters), found from the rendered position of each character.
SPLIT_WORDS = """(elements) => {
  const found = [];
  const wordy = /[\\p{L}\\p{M}\\p{N}\\u200c\\u200d]/u;
  for (const element of elements) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.data;
      const range = document.createRange();
      let previous = null;
      for (let i = 0; i < text.length; i += 1) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getClientRects()[0];
        if (!box) { previous = null; continue; }
        if (previous && wordy.test(text[i - 1]) && wordy.test(text[i])
            && box.top > previous.top + previous.height / 2) {
          found.push(`${text.slice(0, i)}/${text.slice(i)}`);
        }
        previous = box;
      }
    }
  }
  return found;
}"""

# The lines a text is laid out on: [text of the line, ...] from the characters' positions.
LINES = """(element) => {
  const lines = [];
  let top = null;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const range = document.createRange();
    for (let i = 0; i < node.data.length; i += 1) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getClientRects()[0];
      if (!box) continue;
      if (top === null || box.top > top + box.height / 2) { lines.push(""); top = box.top; }
      lines[lines.length - 1] += node.data[i];
    }
  }
  return lines;
}"""


def drawn(locator: Locator, script: str) -> Any:
    """`script` run on the element `locator` finds, measured while it is on the page. The
    calendar redraws its events when an answer arrives (the person's zone, a live change), and
    an element replaced between being found and being measured has no geometry: it is found
    and measured again, a bounded number of times."""
    for _ in range(50):
        result = locator.evaluate(f"e => e.isConnected ? [({script})(e)] : null")
        if result is not None:
            return result[0]
        locator.page.wait_for_timeout(100)
    raise AssertionError(f"{locator} was redrawn each time it was measured")


# Fields whose value (or placeholder) is wider than the field: a text or number field scrolled
# inside, or any field narrower than it would be if it took the width of what it shows (time
# and date fields clip their parts without scrolling; a drop-down cuts its chosen option's
# words). The field is copied, hidden, with its width left to its content, and measured.
FIELD_CLIPPING = """(root) => {
  const clipped = [];
  for (const field of root.querySelectorAll(FIELDS)) {
    if (['checkbox', 'radio', 'color', 'hidden'].includes(field.type)) continue;
    if (!field.getClientRects().length) continue;
    const clone = field.cloneNode(field.tagName === 'SELECT');
    clone.value = field.value;
    clone.removeAttribute('id');
    clone.style.cssText = 'position:absolute;visibility:hidden;width:auto;min-width:0;'
      + 'max-width:none;flex:none;field-sizing:content';
    field.parentNode.append(clone);
    const natural = clone.getBoundingClientRect().width;
    clone.remove();
    const width = field.getBoundingClientRect().width;
    const shown = field.tagName === 'SELECT'
      ? (field.selectedOptions[0] || {}).text : field.value || field.placeholder;
    if (field.scrollWidth > field.clientWidth || width + 0.5 < natural) {
      clipped.push({label: field.getAttribute('aria-label') || field.name || field.id,
        shown, width, natural, scroll: [field.scrollWidth, field.clientWidth]});
    }
  }
  return clipped;
}"""
# Inputs only (text, number, time, date).
CLIPPED_INPUTS = FIELD_CLIPPING.replace("FIELDS", "'input'")
# Inputs and drop-downs.
CLIPPED_FIELDS = FIELD_CLIPPING.replace("FIELDS", "'input, select'")


def today_at(hour: int, minute: int = 0, days: int = 0) -> dt.datetime:
    """A time today (or `days` later) in the seeded accounts' zone."""
    day = dt.datetime.now(ZONE).date() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour, minute), ZONE)


def create(mini_app: MiniApp, **event: Any) -> dict[str, Any]:
    with mini_app.api(ALICE) as client:
        response = client.post("/events", json=event)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def between(start: dt.datetime, minutes: int) -> dict[str, str]:
    return {"start": start.isoformat(), "end": (start + dt.timedelta(minutes=minutes)).isoformat()}


@pytest.fixture
def seeded(mini_app: MiniApp) -> dict[str, dict[str, Any]]:
    """Today and tomorrow, between 09:00 and 13:00 (on screen without scrolling): titles that
    broke inside words in narrow columns, a 15-minute stand-up, a long single word, and a
    meeting with guests whose addresses are long (made once a day: see seeded_for)."""
    return seeded_for(mini_app, today_at(0).date(), lambda: todays_events(mini_app))


def todays_events(mini_app: MiniApp) -> dict[str, dict[str, Any]]:
    return {
        "dentist": create(mini_app, title="Dentist (moved)", **between(today_at(10), 60)),
        "call": create(mini_app, title="Call with the bank", **between(today_at(10, 30), 60)),
        "standup": create(mini_app, title="Team standup", **between(today_at(9), 15)),
        "planning": create(
            mini_app,
            title="Quarterly planning with the design team",
            **between(today_at(11, 30), 90),
        ),
        "word": create(
            mini_app, title="Supercalifragilisticexpialidocious", **between(today_at(9, 30, 1), 60)
        ),
        "lunch": create(
            mini_app,
            title="Lunch with Maximilian",
            location="Restaurant am Schiffbauerdamm, Schiffbauerdamm 8, 10117 Berlin",
            attendees=[
                {
                    "address": "maximilian.mustermann-schmidt@example-consulting.de",
                    "name": "Maximilian Mustermann-Schmidt",
                },
                {"address": "bartholomew.featherstonehaugh@correspondence.example.org"},
                {"address": "jo@example.com", "name": "Jo"},
            ],
            **between(today_at(12, 0, 1), 60),
        ),
    }


def open_app(
    mini_app: MiniApp,
    width: int,
    *,
    scheme: str = "light",
    height: int = 844,
    fragment: str = "",
    telegram_id: int = ALICE,
    at: dt.datetime | None = None,
    requests: list[str] | None = None,
) -> Page:
    """The app as Telegram opens it, on a screen `width` pixels wide, in a light or dark
    colour scheme (with Telegram's theme of that scheme)."""
    context = mini_app.browser.new_context(
        viewport={"width": width, "height": height},
        color_scheme=scheme,  # type: ignore[arg-type]
        timezone_id="Europe/Berlin",
        locale="en-GB",
    )
    if at is not None:  # the browser's clock stands still there (timers keep running)
        context.clock.set_fixed_time(at)
    page = context.new_page()
    if requests is not None:  # the path of every request the page makes
        page.on("request", lambda request: requests.append(urlsplit(request.url).path))
    page.add_init_script(RECORDER)
    theme = DARK if scheme == "dark" else LIGHT
    params = [
        f"tgWebAppData={quote(mini_app.init_data(telegram_id), safe='')}",
        "tgWebAppVersion=8.0",
        "tgWebAppPlatform=android",
        f"tgWebAppThemeParams={quote(json.dumps(theme), safe='')}",
    ]
    lead = f"{fragment}&" if fragment else ""
    page.goto(f"{mini_app.url}/app/#{lead}{'&'.join(params)}")
    return page


def loaded(page: Page) -> None:
    """The events of the period are on screen and nothing is loading."""
    expect(page.locator("#calendar .ec-event").first).to_be_visible()
    expect(page.locator("body")).not_to_have_class("loading")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def day_columns(page: Page) -> int:
    return int(page.locator("#calendar .ec-time-grid .ec-header .ec-col-head").count())


def first_day(page: Page) -> str:
    return str(
        page.locator("#calendar .ec-header .ec-col-head time").first.get_attribute("datetime")
    )


def pressed_view(page: Page) -> str:
    return str(page.locator(".segments [aria-pressed=true]").get_attribute("data-view"))


def split_words(page: Page, selector: str) -> list[str]:
    found: list[str] = page.locator(selector).evaluate_all(SPLIT_WORDS)
    return found


def title_fits(page: Page) -> dict[str, Any]:
    measured: dict[str, Any] = page.locator("#period-title").evaluate(
        "e => ({text: e.textContent, scroll: e.scrollWidth, client: e.clientWidth})"
    )
    return measured


def go_to(page: Page, date: str, view: str | None = None) -> None:
    """Show the period of `date` (through the calendar module the page already loaded)."""
    page.evaluate(
        "([date, view]) => import('/app/js/calendar.js').then(m => {"
        " if (view) m.setView(view); m.goTo(date);"
        " return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))); })",
        [date, view],
    )
    expect(page.locator("body")).not_to_have_class("loading")


PHONES = [360, 390, 430]


@pytest.mark.parametrize("width", [*PHONES, DESKTOP])
def test_three_days_on_a_phone_and_the_week_on_a_desktop(
    mini_app: MiniApp, seeded: dict[str, dict[str, Any]], width: int
) -> None:
    page = open_app(mini_app, width)
    loaded(page)
    if width == DESKTOP:
        assert (day_columns(page), pressed_view(page)) == (7, "week")
    else:
        assert (day_columns(page), pressed_view(page)) == (3, "3day")
    expect(page.locator("#calendar .ec-event", has_text="Dentist (moved)")).to_be_visible()
    # The period's events came in one call.
    calls = page.evaluate(
        "performance.getEntriesByType('resource').map(r => new URL(r.name).pathname)"
    )
    assert calls.count("/api/v1/events") == 1
    if width == 390:
        # Turned on its side, the phone shows the week; back upright, three days again. Once
        # the person picks a view, it stays.
        page.set_viewport_size({"width": 844, "height": 390})
        expect(page.locator("#calendar .ec-col-head")).to_have_count(7)
        assert pressed_view(page) == "week"
        page.set_viewport_size({"width": 390, "height": 844})
        expect(page.locator("#calendar .ec-col-head")).to_have_count(3)
        page.get_by_role("button", name="Day", exact=True).click()
        page.set_viewport_size({"width": 844, "height": 390})
        expect(page.locator("#calendar .ec-col-head")).to_have_count(1)
        assert pressed_view(page) == "day"
    page.context.close()


@pytest.mark.parametrize("day", range(7), ids=["mon", "tue", "wed", "thu", "fri", "sat", "sun"])
def test_the_first_three_days_come_in_one_call_whatever_the_day(
    mini_app: MiniApp, day: int
) -> None:
    """The page asks for its first period while its scripts load: on a phone that is three
    days from today, which on a Friday or Saturday reach past the week of a language whose
    week starts on Sunday (English): still one call."""
    at = dt.datetime.combine(dt.date(2026, 11, 23) + dt.timedelta(days=day), dt.time(12), ZONE)
    requests: list[str] = []
    page = open_app(mini_app, 390, at=at, requests=requests)
    expect(page.locator("#calendar .ec-header .ec-col-head time").first).to_have_attribute(
        "datetime", at.date().isoformat()
    )
    expect(page.locator("#calendar .ec-col-head")).to_have_count(3)
    for _ in range(2):  # a second load would begin at once, and show while it lasts
        expect(page.locator("body")).not_to_have_class("loading")
        page.wait_for_timeout(300)
    assert requests.count("/api/v1/events") == 1
    page.context.close()


@pytest.mark.parametrize(
    ("width", "scheme"),
    [(360, "light"), (390, "light"), (390, "dark"), (430, "light"), (DESKTOP, "light")],
)
def test_event_titles_break_only_between_words(
    mini_app: MiniApp, seeded: dict[str, dict[str, Any]], width: int, scheme: str
) -> None:
    page = open_app(mini_app, width, scheme=scheme)
    loaded(page)
    titles = page.locator("#calendar .ec-event .ev-title")
    expect(titles.filter(has_text="Dentist (moved)")).to_be_visible()
    expect(titles.filter(has_text="Quarterly planning")).to_be_visible()
    if width == DESKTOP:  # tomorrow may be in next week
        go_to(page, today_at(9, 30, 1).date().isoformat())
    expect(titles.filter(has_text="Supercalifragilisticexpialidocious")).to_be_visible()
    assert split_words(page, "#calendar .ec-event .ev-title") == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing wider
    if width == 390:
        shoot(page, f"phone-390-{scheme}", mini_app.backend)
    page.context.close()


@pytest.mark.parametrize("width", PHONES)
def test_a_15_minute_event_shows_its_title_on_one_line(
    mini_app: MiniApp, seeded: dict[str, dict[str, Any]], width: int
) -> None:
    page = open_app(mini_app, width)
    loaded(page)
    standup = page.locator("#calendar .ec-event", has_text="Team standup")
    expect(standup).to_be_visible()
    assert drawn(standup.locator(".ev-title"), LINES) == ["Team standup"]
    # That line is inside the event's box, its first word whole.
    inside = drawn(
        standup,
        """e => {
          const box = e.getBoundingClientRect();
          const node = e.querySelector('.ev-title').firstChild;
          const range = document.createRange();
          range.setStart(node, 0);
          range.setEnd(node, node.data.indexOf(' '));
          const word = range.getBoundingClientRect();
          return {top: word.top >= box.top - 0.5, bottom: word.bottom <= box.bottom + 0.5,
                  left: word.left >= box.left - 0.5, right: word.right <= box.right + 0.5};
        }""",
    )
    assert inside == {"top": True, "bottom": True, "left": True, "right": True}
    page.context.close()


@pytest.mark.parametrize("width", [*PHONES, DESKTOP])
def test_the_period_title_is_never_cut(
    mini_app: MiniApp, seeded: dict[str, dict[str, Any]], width: int
) -> None:
    page = open_app(mini_app, width)
    loaded(page)
    for view in ("month", "week", "3day", "day", "agenda"):
        for date in ("2026-09-30", "2026-12-30"):  # the longest English month; across years
            go_to(page, date, view)
            measured = title_fits(page)
            assert measured["text"].strip(), (view, date)
            assert measured["scroll"] <= measured["client"], (view, date, measured)
    if width == DESKTOP:  # room enough for the long forms: the month's full name
        go_to(page, "2026-09-16", "month")
        long_name = page.evaluate(
            "new Intl.DateTimeFormat(document.documentElement.lang,"
            " {month: 'long', timeZone: 'UTC'}).format(new Date(Date.UTC(2026, 8, 16)))"
        )
        expect(page.locator("#period-title")).to_contain_text(long_name)
    # Written in the document's language, and again when it changes.
    go_to(page, "2026-12-16", "month")
    page.evaluate("document.documentElement.lang = 'de'")
    expect(page.locator("#period-title")).to_contain_text("Dez")
    measured = title_fits(page)
    assert measured["scroll"] <= measured["client"], measured
    page.context.close()


def fill_widest(event_form: Locator) -> None:
    """The event form repeating monthly, its repetition's numbers filled: every field of the
    form shown."""
    event_form.locator("#f-repeat").select_option("MONTHLY")
    expect(event_form.locator("#f-interval")).to_be_visible()
    event_form.locator("#f-interval").fill("999")
    event_form.locator("#f-ends input[value=until]").check()
    event_form.locator("#f-ends input[value=count]").check()
    event_form.locator("#f-count").fill("999")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [*PHONES, DESKTOP])
def test_settings_fields_show_their_whole_value(mini_app: MiniApp, width: int, scheme: str) -> None:
    """The hours 09:00-17:00 (on Alice's clock, 12 hours: "5:00 PM", the wider form), the quiet
    hours and the morning agenda at "10:30 PM", and the booking link's numbers: each field,
    drop-downs too, at least as wide as its text. Then the event form's fields."""
    page = open_app(mini_app, width, scheme=scheme)
    page.get_by_role("button", name="Settings").click()
    screen = page.locator("[data-screen=settings]")
    expect(screen.locator("#availability-body .day")).to_have_count(7)
    expect(screen.get_by_label("Monday to")).to_have_value("5:00 PM")
    screen.get_by_role("button", name="Add hours on Friday").click()
    screen.get_by_label("Friday from").nth(1).fill("18:00")
    screen.get_by_label("Friday to").nth(1).fill("23:45")
    form = screen.locator("#link-form")
    for name, value in (
        ("duration", "720"),
        ("before", "120"),
        ("after", "120"),
        ("notice", "10080"),
        ("horizon", "365"),
        ("perday", "100"),
    ):
        form.locator(f"input[name={name}]").fill(value)
    screen.get_by_label("Quiet hours every day").check()
    screen.locator("#settings-quiet-from").select_option("22:30")
    expect(screen.locator("#settings-quiet-from option:checked")).to_have_text("10:30 PM")
    screen.locator("#settings-agenda").select_option("22:30")
    assert screen.evaluate(CLIPPED_FIELDS) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # The event form's date, time and repetition fields too.
    page.evaluate("window.Telegram.WebView.receiveEvent('back_button_pressed')")
    page.get_by_role("button", name="New event").click()
    event_form = page.locator("#event-form")
    event_form.get_by_label("Start time").fill("17:00")
    event_form.get_by_label("End time").fill("23:45")
    assert event_form.evaluate(CLIPPED_INPUTS) == []
    fill_widest(event_form)
    assert event_form.evaluate(CLIPPED_FIELDS) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.context.close()


@pytest.mark.parametrize("width", [360, 390])
def test_guest_addresses_wrap_at_sensible_points(
    mini_app: MiniApp, seeded: dict[str, dict[str, Any]], width: int
) -> None:
    page = open_app(mini_app, width, fragment=f"event={seeded['lunch']['id']}")
    card = page.locator("[data-screen=card]")
    expect(card.get_by_role("heading", name="Lunch with Maximilian")).to_be_visible()
    texts = card.locator(".attendee .who, .attendee .address, .where")
    expect(texts.filter(has_text="bartholomew.featherstonehaugh")).to_be_visible()
    assert card.locator(".attendee .who, .attendee .address").count() >= 4
    # Broken only at a space, after "." or "-", before "@" (never inside a run of letters or
    # digits), into few lines, and never wider than the card.
    assert split_words(page, "#card-body :is(.who, .address, .where)") == []
    for index in range(texts.count()):
        text = texts.nth(index)
        lines: list[str] = text.evaluate(LINES)
        assert len(lines) <= 3, lines
        right, scroll, client = text.evaluate(
            "e => [e.getBoundingClientRect().right, e.scrollWidth, e.clientWidth]"
        )
        assert right <= width and scroll <= client + 1, (lines, right, scroll, client)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    if width == 390:
        shoot(page, "phone-390-guests", mini_app.backend)
    page.context.close()


def test_right_to_left_mirrors_the_toolbar_and_the_arrows(
    mini_app: MiniApp, seeded: dict[str, dict[str, Any]]
) -> None:
    page = open_app(mini_app, 390)
    loaded(page)
    page.evaluate("document.documentElement.dir = 'rtl'")
    box = lambda selector: page.locator(selector).first.bounding_box()  # noqa: E731
    previous, following = box("#prev"), box("#next")
    assert previous and following and previous["x"] > following["x"]  # "previous" on the right
    tools, period = box(".tools"), box(".period")
    assert tools and period and tools["x"] < period["x"]
    # The arrows point outwards in both directions: "previous" points right in right-to-left.
    assert page.evaluate(
        "['#prev', '#next'].map(s => getComputedStyle(document.querySelector(s + ' svg'))"
        ".transform)"
    ) == ["matrix(-1, 0, 0, 1, 0, 0)", "matrix(-1, 0, 0, 1, 0, 0)"]
    # The time axis is on the right, the first day at the right.
    axis, grid = box("#calendar .ec-sidebar"), box("#calendar .ec-body")
    assert axis and grid and axis["x"] + axis["width"] / 2 > grid["x"] + grid["width"] / 2
    heads = page.locator("#calendar .ec-header .ec-col-head")
    first, last = heads.first.bounding_box(), heads.last.bounding_box()
    assert first and last and first["x"] > last["x"]
    # An English title keeps its own direction: it starts at its beginning, ellipsized at its
    # end, inside its box.
    word = page.locator("#calendar .ec-event", has_text="Supercalifragilistic")
    assert word.evaluate(
        """e => {
          const node = e.querySelector('.ev-title').firstChild;
          const range = document.createRange();
          range.setStart(node, 0);
          range.setEnd(node, 1);
          const letter = range.getBoundingClientRect(), box = e.getBoundingClientRect();
          return letter.left >= box.left && letter.right <= box.right;
        }"""
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shoot(page, "phone-390-rtl", mini_app.backend)

    # The left arrow key goes to the period on the left: the next one, in right-to-left.
    today = today_at(0).date()
    assert first_day(page) == today.isoformat()
    page.keyboard.press("ArrowLeft")
    expect(heads.first.locator("time")).to_have_attribute(
        "datetime", (today + dt.timedelta(days=3)).isoformat()
    )
    page.keyboard.press("ArrowRight")
    expect(heads.first.locator("time")).to_have_attribute("datetime", today.isoformat())

    # A card: the back button at the right edge.
    page.locator("#calendar .ec-event", has_text="Dentist (moved)").click()
    card = page.locator("[data-screen=card]")
    expect(card.get_by_role("heading", name="Dentist (moved)")).to_be_visible()
    back = card.locator(".back")
    if back.is_visible():
        back_box = back.bounding_box()
        assert back_box and back_box["x"] > 390 / 2
    page.context.close()


def test_back_and_forth_quickly_shows_this_periods_events(
    mini_app: MiniApp, seeded: dict[str, dict[str, Any]]
) -> None:
    """A later period's events, answered only after the person came back, do not replace
    today's: the screen shows what its dates hold."""
    page = open_app(mini_app, 390)
    loaded(page)
    held: list[Any] = []
    today = today_at(0).date()

    def hold_later_periods(route: Any) -> None:
        start = parse_qs(urlsplit(route.request.url).query).get("start", [""])[0]
        if start[:10] > (today + dt.timedelta(days=1)).isoformat():
            held.append(route)
        else:
            route.continue_()

    page.route("**/api/v1/events?*", hold_later_periods)
    heads = page.locator("#calendar .ec-header .ec-col-head")
    body = page.locator("body")
    # Forward until a period's events are asked for: the first load covers the days around
    # today's week (the next period too on some days of the week).
    ahead = 0
    while ahead < 4:
        page.get_by_role("button", name="Next period").click()
        ahead += 1
        expect(heads.first.locator("time")).to_have_attribute(
            "datetime", (today + dt.timedelta(days=3 * ahead)).isoformat()
        )
        if "loading" in (body.get_attribute("class") or "").split():
            break
    for _ in range(ahead):
        page.get_by_role("button", name="Previous period").click()
    expect(heads.first.locator("time")).to_have_attribute("datetime", today.isoformat())
    assert held, "a later period's events were asked for"
    for route in held:
        route.continue_()
    expect(page.locator("body")).not_to_have_class("loading")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    expect(page.locator("#calendar .ec-event", has_text="Dentist (moved)")).to_be_visible()
    expect(page.locator("#calendar .ec-event", has_text="Team standup")).to_be_visible()
    page.context.close()


@pytest.fixture
def alice_in_persian(mini_app: MiniApp) -> Iterator[None]:
    """Alice reads the app in Persian (her own choice), automatic again afterwards."""
    with mini_app.api(ALICE) as client:
        reply = client.patch("/me", json={"language": "fa"})
        assert reply.status_code == 200, reply.text
    yield
    with mini_app.api(ALICE) as client:
        reply = client.patch("/me", json={"language": None})
        assert reply.status_code == 200, reply.text


# Latin letters in the calendar screen's own words (event titles, which are the person's own,
# left out): an English word left untranslated.
LATIN_WORDS = """(screen) => {
  const found = [];
  const walker = document.createTreeWalker(screen, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.currentNode; node; node = walker.nextNode()) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      if (node.closest('.ec-event, .title-probe, [hidden]')) continue;
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = node.getAttribute(name);
        if (value && /[A-Za-z]/.test(value) && value !== 'Televent') found.push(`${name}=${value}`);
      }
    } else if (!node.parentElement.closest('.ec-event, .title-probe, [hidden]')
               && /[A-Za-z]/.test(node.data)) {
      found.push(node.data.trim());
    }
  }
  return found;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [*PHONES, DESKTOP])
def test_persian_right_to_left_at_every_width(
    mini_app: MiniApp,
    seeded: dict[str, dict[str, Any]],
    alice_in_persian: None,
    width: int,
    scheme: str,
) -> None:
    """The issue's proof in a right-to-left language with its own words loaded: the calendar
    screen's every word and label in Persian, the toolbar mirrored, titles whole, the period's
    title never cut in any view, nothing wider than the screen."""
    page = open_app(mini_app, width, scheme=scheme)
    loaded(page)
    expect(page.locator("html")).to_have_attribute("lang", "fa")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    screen = page.locator("[data-screen=calendar]")
    expect(screen).to_have_attribute("aria-label", "تقویم")
    expect(page.locator("#today")).to_have_text("امروز")
    expect(page.locator("[data-view=week]")).to_have_text("هفته")
    expect(page.locator("#prev")).to_have_attribute("aria-label", "بازهٔ قبلی")
    assert screen.evaluate(LATIN_WORDS) == []
    # Hours beside the grid in Persian digits, as Intl writes them in Persian.
    hours = "".join(page.locator("#calendar .ec-sidebar").all_inner_texts())
    assert any("۰" <= c <= "۹" for c in hours), hours
    previous, following = page.locator("#prev").bounding_box(), page.locator("#next").bounding_box()
    assert previous and following and previous["x"] > following["x"]
    assert split_words(page, "#calendar .ec-event .ev-title") == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    measured = title_fits(page)  # the period shown first (Persian's numbers are wide)
    assert measured["scroll"] <= measured["client"], measured
    shoot(page, f"persian-{width}-{scheme}", mini_app.backend)
    # Gregorian months in Persian words, as the grid is laid out: September 2026's month is
    # titled "سپتامبر ۲۰۲۶" and its days run from 1 to 30 (the Solar Hijri calendar's month
    # would begin on the 23rd).
    go_to(page, "2026-09-16", "month")
    if width == DESKTOP:
        expect(page.locator("#period-title")).to_have_text("سپتامبر ۲۰۲۶")
    else:
        expect(page.locator("#period-title")).to_contain_text("۲۰۲۶")
    in_month = page.locator("#calendar .ec-day:not(.ec-other-month) .ec-day-head")
    expect(in_month.first).to_have_text("۱")
    expect(in_month.last).to_have_text("۳۰")
    for view in ("month", "week", "3day", "day", "agenda"):
        go_to(page, "2026-09-30", view)
        measured = title_fits(page)
        assert measured["text"].strip(), view
        assert measured["scroll"] <= measured["client"], (view, measured)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, view
        assert screen.evaluate(LATIN_WORDS) == [], view
    page.context.close()
