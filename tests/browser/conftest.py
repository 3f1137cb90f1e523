"""The Mini App in headless Chromium (Debian's, driven by Playwright for Python), against a real
`televent serve` per module and backend, opened the way Telegram opens it: the vendored
telegram-web-app.js reads signed init data and theme parameters from the URL fragment, and the
calls it makes to the Telegram client (Main and Back buttons, haptics) are recorded.

Without /usr/bin/chromium the tests skip, unless TELEVENT_REQUIRE_BROWSER is set (CI sets it):
then a missing browser is a failure. Screenshots go to $TELEVENT_ARTIFACTS/screenshots
(default tests/browser/artifacts/screenshots).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

import httpx
import pytest
from playwright.sync_api import (
    Browser,
    Locator,
    Page,
    Playwright,
    Route,
    expect,
    sync_playwright,
)
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.botapi import FakeBotApi
from tests.conftest import BACKENDS, reset_postgres
from tests.e2e.conftest import SERVER_SETTINGS, running_serve, seed_accounts
from tests.tma import sign_init_data

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BOT_TOKEN = "123:ABC"
ZONE = ZoneInfo("Europe/Berlin")  # the seeded accounts' zone
ALICE, BOB = 1, 2
NAMES = {ALICE: "Alice", BOB: "Bob"}

LIGHT = {
    "bg_color": "#ffffff",
    "text_color": "#000000",
    "hint_color": "#999999",
    "link_color": "#2481cc",
    "button_color": "#2481cc",
    "button_text_color": "#ffffff",
    "secondary_bg_color": "#efeff3",
}
DARK = {
    "bg_color": "#17212b",
    "text_color": "#f5f5f5",
    "hint_color": "#708499",
    "link_color": "#6ab3f3",
    "button_color": "#5288c1",
    "button_text_color": "#ffffff",
    "secondary_bg_color": "#232e3c",
}

# A loaded machine (CI runs test files in parallel) can take seconds for what is instant alone.
expect.set_options(timeout=15_000)

# Stands in for the Telegram client's side of the web-app bridge: what the page asks Telegram
# to do is recorded in window.__telegram (event type, parsed data).
RECORDER = """
window.__telegram = [];
window.TelegramWebviewProxy = {
  postEvent(type, data) { window.__telegram.push([type, data ? JSON.parse(data) : null]); }
};
"""


def artifacts() -> Path:
    """Where screenshots are saved (created on first use)."""
    base = os.environ.get("TELEVENT_ARTIFACTS")
    root = Path(base) if base else Path(__file__).parent / "artifacts"
    path = root / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass
class MiniApp:
    """A running server with Alice and Bob, and how to open the app as either of them."""

    url: str
    database_url: str
    users: dict[int, str]  # telegram id -> device password
    browser: Browser
    backend: str

    def api(self, telegram_id: int = ALICE) -> httpx.Client:
        """An API client for scripts: HTTP Basic with the user's device password."""
        return httpx.Client(
            base_url=f"{self.url}/api/v1",
            auth=(str(telegram_id), self.users[telegram_id]),
            timeout=15,
        )

    def init_data(self, telegram_id: int, start_param: str | None = None) -> str:
        user = {"id": telegram_id, "first_name": NAMES[telegram_id], "language_code": "en"}
        extra = {"start_param": start_param} if start_param else None
        return sign_init_data(BOT_TOKEN, user, auth_date=int(time.time()), extra=extra)

    def open(
        self,
        telegram_id: int = ALICE,
        *,
        theme: dict[str, str] | None = None,
        view: str | None = "week",
        fragment: str = "",
        start_param: str | None = None,
        locale: str = "en-GB",
        prepare: Callable[[Page], None] | None = None,
    ) -> Page:
        """A new page with the app as Telegram opens it for this user (init data and theme in
        the URL fragment, the bridge to the client recorded), on the week these tests are
        written against (this_week's, by the link's `date`) unless `view` says otherwise
        (None: the screen's default, three days on this 420-pixel screen, on today;
        test_mini_app_phone.py checks the defaults), in a browser set to `locale`; `prepare`
        is called with the page before it loads (to route its requests)."""
        context = self.browser.new_context(
            viewport={"width": 420, "height": 800}, timezone_id="Europe/Berlin", locale=locale
        )
        page = context.new_page()
        page.add_init_script(RECORDER)
        params = [
            f"tgWebAppData={quote(self.init_data(telegram_id, start_param), safe='')}",
            "tgWebAppVersion=8.0",
            "tgWebAppPlatform=tdesktop",
            f"tgWebAppThemeParams={quote(json.dumps(theme or LIGHT), safe='')}",
        ]
        if start_param:
            params.append(f"tgWebAppStartParam={quote(start_param, safe='')}")
        # The week view opens on the week of this_week(0, 0): the week the tests write their
        # events in, whatever day today is and whichever day the person's week starts on.
        query = f"?view={view}&date={this_week(0, 0).date()}" if view == "week" else ""
        query = query or (f"?view={view}" if view else "")
        lead = f"{fragment}&" if fragment else ""
        if prepare is not None:
            prepare(page)
        page.goto(f"{self.url}/app/{query}#{lead}{'&'.join(params)}")
        return page

    def plain(self) -> Page:
        """A new page in a plain browser: no Telegram, no cookie."""
        context = self.browser.new_context(viewport={"width": 1100, "height": 800})
        page = context.new_page()
        page.goto(f"{self.url}/app/")
        return page


def telegram_calls(page: Page, kind: str) -> list[Any]:
    """The data of every call of this type the page made to the Telegram client."""
    calls: list[list[Any]] = page.evaluate("window.__telegram")
    return [data for event, data in calls if event == kind]


def shoot(page: Page, name: str, backend: str) -> Path:
    path = artifacts() / f"{name}-{backend}.png"
    page.screenshot(path=str(path))
    return path


def open_dialog(opener: Locator, answer: Locator) -> None:
    """Click `opener` until its dialog shows `answer`. Under load a click can land while the
    screen is being drawn anew, on a button that is replaced, and open nothing; the next
    click finds the new button."""
    for _ in range(3):
        try:
            opener.click(timeout=5000)
            answer.wait_for(state="visible", timeout=5000)
            return
        except PlaywrightTimeoutError:
            continue
    expect(answer).to_be_visible()


def open_with_the_account_held(
    mini_app: MiniApp, telegram_id: int
) -> tuple[Page, Callable[[], None]]:
    """The app opened with its request for the account (GET /api/v1/me) held, as on a slow
    network or a busy server, once the app has asked for it; and what lets it through."""
    held: list[Route] = []

    def hold(route: Route) -> None:
        held.append(route)

    def hold_me(page: Page) -> None:
        page.route("**/api/v1/me", hold)

    page = mini_app.open(telegram_id, prepare=hold_me)
    expect(page.get_by_role("button", name="Settings")).to_be_enabled()
    for _ in range(100):  # the app asks for the account (bounded: 10 s)
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the app never asked for /api/v1/me"

    def release() -> None:
        for route in held:
            route.continue_()
        page.unroute("**/api/v1/me")

    return page, release


def this_week(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """A time in the current week (Monday = 0) in the seeded accounts' zone."""
    today = dt.datetime.now(ZONE).date()
    monday = today - dt.timedelta(days=today.weekday())
    return dt.datetime.combine(monday + dt.timedelta(days=day), dt.time(hour, minute), ZONE)


_SEEDS: dict[str, tuple[dt.date, dict[str, dict[str, Any]]]] = {}


def seeded_for(
    mini_app: MiniApp, period: dt.date, make: Callable[[], dict[str, dict[str, Any]]]
) -> dict[str, dict[str, Any]]:
    """The events `make` creates (as Alice) for a module's tests about `period`, today's date
    or this week's Monday in the accounts' zone, made once per server and period. When the
    period has turned since they were made (a run across midnight in Berlin), they are
    deleted and made again, so a test never looks for today's events among yesterday's."""
    made = _SEEDS.get(mini_app.url)
    if made is not None and made[0] == period:
        return made[1]
    if made is not None:
        with mini_app.api(ALICE) as client:
            for event in made[1].values():
                # a test may have deleted one already
                assert client.delete(f"/events/{event['id']}").status_code in (204, 404)
    events = make()
    _SEEDS[mini_app.url] = (period, events)
    return events


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.exists():
        problem = f"{CHROMIUM} is not installed (tests/browser/install.sh installs it)"
        if os.environ.get("TELEVENT_REQUIRE_BROWSER"):
            pytest.fail(f"{problem}; TELEVENT_REQUIRE_BROWSER is set: the Mini App must be tested")
        pytest.skip(problem)
    return CHROMIUM


@pytest.fixture(scope="module")
def playwright(chromium: Path) -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="module")
def browser(playwright: Playwright, chromium: Path) -> Iterator[Browser]:
    instance = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
    yield instance
    instance.close()


def fresh_database(request: pytest.FixtureRequest, folder: Path) -> str:
    """An empty database of the module's backend (`request.param`): a SQLite file in
    `folder`, or the emptied PostgreSQL test database."""
    if request.param == "sqlite":
        return f"sqlite:///{folder}/televent.db"
    database_url: str = request.getfixturevalue("postgres_test_database")
    reset_postgres(database_url)
    return database_url


@pytest.fixture(scope="module", params=BACKENDS)
def mini_app(
    request: pytest.FixtureRequest, browser: Browser, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[MiniApp]:
    """One server per module and backend, with the bot on (against a Bot API stand-in); a
    module's SERVER_EXTRA adds settings of its own."""
    tmp = tmp_path_factory.mktemp(f"browser-{request.param}")
    database_url = fresh_database(request, tmp)
    users = seed_accounts(database_url)
    with FakeBotApi() as bot_api:
        settings = {
            **SERVER_SETTINGS,
            "TELEGRAM_BOT_TOKEN": BOT_TOKEN,
            "TELEGRAM_API_BASE": bot_api.base_url,
            **getattr(request.module, "SERVER_EXTRA", {}),
        }
        with running_serve(database_url, tmp, settings) as (url, _):
            yield MiniApp(url, database_url, users, browser, request.param)
