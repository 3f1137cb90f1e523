"""Consenting again to a Google account that is connected already (docs/adr/0034), on SQLite
and PostgreSQL, through Televent's consent callback, with the Google stand-in
(tests/google_standin.py) as Google: Google keeps one grant per user and client, and revoking
any token of it revokes it all, so the refresh token the second consent gave is not revoked:
the page says the account is connected already, and the connection goes on syncing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from litestar import Litestar
from litestar.testing import TestClient

from televent.adapters.connections.google_oauth import GoogleOAuth, erasure_forgetter
from televent.adapters.connections.google_pages import google_callback_handlers
from televent.adapters.port import AppPort
from televent.application.televent import Televent
from televent.ops.erasure_journal import ErasureJournal
from televent.ops.gdpr import PersonalData
from tests.google_standin import GoogleStandIn, google_standin
from tests.integration.test_google_connections import (
    alice_of,
    connected,
    sync_all,
    timed,
    titles,
    unique,
)

PUBLIC = "https://televent.test"


@pytest.fixture(scope="module")
def google() -> Iterator[GoogleStandIn]:
    with google_standin() as running:
        yield running


def consent_again(app: Televent, google: GoogleStandIn, email: str) -> httpx.Response:
    """Alice opens the consent screen again, consents as `email`, and her browser lands on
    Televent's callback; the page it shows."""
    endpoints = google.endpoints()
    google.consent_as(email)
    url = app.start_google_consent(alice_of(app), GoogleOAuth(endpoints), PUBLIC)
    sent_back = httpx.get(url, timeout=30)
    assert sent_back.status_code == 302
    back = urlsplit(sent_back.headers["location"])
    site = Litestar(route_handlers=google_callback_handlers(app, AppPort(2), endpoints, PUBLIC))
    with TestClient(site) as browser:
        return browser.get(f"{back.path}?{back.query}", headers={"Accept-Language": "en"})


def test_consenting_again_keeps_the_connected_google_account_syncing(
    app: Televent, google: GoogleStandIn
) -> None:
    email = unique("again")
    connection, calendar, _ = connected(app, google, email)
    google.write(email, email, {"summary": "Before", **timed(2, 9)})
    sync_all(app, google)
    assert titles(app, calendar) == ["Before"]

    landed = consent_again(app, google, email)
    assert landed.status_code == 409 and "connected to this account already" in landed.text
    assert [c.connection_id for c in app.queries.connections_of(alice_of(app))] == [connection]

    google.write(email, email, {"summary": "After", **timed(3, 9)})
    sync_all(app, google)
    mirror = app.queries.mirror(calendar)
    assert mirror is not None and mirror.state == "ok", mirror.last_error
    assert titles(app, calendar) == ["After", "Before"]


def test_a_consent_refused_for_an_account_nobody_connected_revokes_its_token(
    app: Televent, google: GoogleStandIn
) -> None:
    """An account without a calendar Televent may write: nothing is connected, and the
    refresh token the consent gave is revoked at once."""
    email = unique("readonly")
    account = google.add_account(email)
    account.calendars[email]["accessRole"] = "reader"
    landed = consent_again(app, google, email)
    assert landed.status_code == 409
    assert [g for g in google.live_grants() if g.email == email] == []


def test_erasing_a_person_revokes_their_google_grant(
    app: Televent, google: GoogleStandIn, tmp_path: Path
) -> None:
    """An erased person's Google account still listed Televent as allowed in (the token was
    only deleted here), and its push channels stayed open for a week."""
    email = unique("erased")
    connected(app, google, email)
    assert any(g.email == email for g in google.live_grants())
    PersonalData(
        app, ErasureJournal(tmp_path / "erasures.jsonl"),
        forget_google=erasure_forgetter(google.endpoints()),
    ).erase(1, operator="tests", reason="Art. 17")  # fmt: skip
    assert not any(g.email == email for g in google.live_grants())
    assert app.queries.account_by_telegram_id(1) is None
