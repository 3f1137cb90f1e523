"""`/google` in the bot (docs/adr/0034), on SQLite and PostgreSQL: without the operator's Google
OAuth client the bot says the server cannot connect Google accounts; with it, the answer is
a button to Google's consent screen (https), whose state names Alice's consent once, started by
the same application rule as the API's; the Google accounts she connected are listed with
how their sync goes. (tests/e2e/test_google_connection.py follows the link to a connection
through `televent serve`.)"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

from televent.adapters.connections.google_client import GoogleEndpoints
from televent.adapters.connections.google_oauth import GoogleOAuth
from tests.bot_harness import CALDAV_URL, BotHarness, run_scenario, texts_of
from tests.google_standin import google_standin

ALICE = 1
GOOGLE = GoogleOAuth(GoogleEndpoints("televent.apps.googleusercontent.com", "secret"))


def test_without_a_google_client_the_bot_says_so(app: Any, api: Any, clock: Any) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(ALICE)
        [answer] = texts_of(await h.say(ALICE, "/google"))
        assert "not set up to connect Google Calendar" in answer and "/subscribe" in answer

    run_scenario(app, api, clock, scenario)


def test_the_consent_button_is_alices_once_and_her_accounts_are_listed(
    app: Any, api: Any, clock: Any
) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(ALICE)
        [sent] = [c for c in await h.say(ALICE, "/google") if c.method == "sendMessage"]
        assert "Connect your Google Calendar" in sent.text and "works once" in sent.text
        assert "Connected Google accounts" not in sent.text
        [[button]] = sent.params["reply_markup"]["inline_keyboard"]
        assert button["text"] == "Connect Google Calendar"
        consent = urlsplit(button["url"])
        assert (consent.scheme, consent.netloc) == ("https", "accounts.google.com")
        asked = {k: v[0] for k, v in parse_qs(consent.query).items()}
        assert asked["redirect_uri"] == CALDAV_URL.rstrip("/") + "/oauth/google/callback"
        assert asked["code_challenge_method"] == "S256" and asked["access_type"] == "offline"
        assert button["url"] not in sent.text  # the button alone carries the one-time link
        taken = h.app.google_consent_taken(asked["state"])
        account = h.app.queries.account_by_telegram_id(ALICE)
        assert taken is not None and taken.account_id == account.account_id
        assert h.app.google_consent_taken(asked["state"]) is None  # once

        # In Alice's language, as every answer.
        h.languages[ALICE] = "de"
        await h.say(ALICE, "/language de")
        [german] = texts_of(await h.say(ALICE, "/google"))
        assert "Verbinde deinen Google Kalender" in german

    run_scenario(app, api, clock, scenario, google=GOOGLE)


def test_connected_accounts_are_listed_with_how_their_sync_goes(
    app: Any, api: Any, clock: Any
) -> None:
    with google_standin() as google:
        google.add_account("ann@gmail.com", {"work@group.calendar.google.com": "Work"})
        alice = app.register_account(
            ALICE, name="Alice", timezone="Europe/Berlin", actor="system:", source="cli:tests"
        )
        google.connect(app, "ann@gmail.com", alice.account_id)

        async def scenario(h: BotHarness) -> None:
            [answer] = texts_of(await h.say(ALICE, "/google"))
            assert "Connected Google accounts" in answer
            assert "ann@gmail.com — 2 calendars, waiting for its first sync" in answer
            assert "/app" in answer  # where to disconnect

        run_scenario(app, api, clock, scenario, google=GoogleOAuth(google.endpoints()))
