"""`GET /oauth/google/callback`: where Google sends the person's browser back after the consent
screen (docs/adr/0034), mounted by adapters/http.py.

The state names the consent the Mini App started (`GET /api/v1/connections/google/start`),
once and for ten minutes; the code is exchanged with its PKCE verifier for a refresh token,
the account's calendars are listed, and the connection is recorded: its calendars fill at the
leader's next round. Every outcome is a small page in the person's language (no script, no
outside resources): connected, refused on Google's screen, an expired or used link, Google
failing, or a refusal of Televent's (connected already, too many accounts, no calendar). A
refresh token that ends up unused is revoked at once, unless a live connection may hold a
token of the same grant: Google keeps one grant per Google account and OAuth client, and
revoking any of its tokens revokes them all, so consenting again to an account connected
already would end that connection (its token is left to it; a new refresh token does not
invalidate the older ones).
"""

from __future__ import annotations

import logging
from typing import Any

from litestar import Request, Response, get

from televent.adapters.connections.caldav_client import CalDavError
from televent.adapters.connections.google_client import GoogleCalendarClient, GoogleEndpoints
from televent.adapters.connections.google_oauth import (
    CALLBACK_PATH,
    GoogleOAuthError,
    exchange,
    redirect_uri,
    revoke,
)
from televent.adapters.i18n import said, speaking, t
from televent.adapters.port import AppPort
from televent.adapters.small_page import small_page
from televent.application.televent import Televent
from televent.domain.errors import TeleventError
from televent.domain.languages import from_accept_language, language_for
from televent.domain.values import Actor, Source, SourceKind

LOG = logging.getLogger(__name__)


def google_callback_handlers(
    app: Televent, port: AppPort, endpoints: GoogleEndpoints | None, public_url: str | None
) -> list[Any]:
    """The route handler of Google's redirect back."""

    @get([CALLBACK_PATH], include_in_schema=False)
    async def callback(request: Request[Any, Any, Any]) -> Response[str]:
        browser = from_accept_language(request.headers.get("accept-language"))
        query = request.query_params
        state = str(query.get("state") or "")
        consent = await port.run(app.google_consent_taken, state) if state else None
        account = None
        if consent is not None:
            account = await port.run(app.queries.account_by_id, consent.account_id)
        with speaking(language_for(account.language if account else None, browser)) as language:
            if consent is None or account is None or endpoints is None:
                return _page(language, t("google-consent-expired"), status_code=400)
            if query.get("error") or not query.get("code"):
                return _page(language, t("google-consent-refused"))
            redirect = redirect_uri(public_url or str(request.base_url))
            try:
                token = await exchange(endpoints, str(query["code"]), consent.verifier, redirect)
            except GoogleOAuthError:
                return _page(language, t("google-consent-failed"), status_code=502)

            async def unused(email: str | None) -> None:
                """The token connects nothing: revoked, unless its grant may be in use."""
                if not await port.run(
                    app.google_grant_in_use, consent.account_id, email, endpoints.api_endpoint
                ):
                    await revoke(endpoints, token)

            try:
                email, calendars = await GoogleCalendarClient(endpoints, token).calendars()
            except CalDavError:
                await unused(None)
                return _page(language, t("google-consent-failed"), status_code=502)
            try:
                await port.run(
                    lambda: app.connect_google(
                        consent.account_id,
                        email=email,
                        refresh_token=token,
                        api_url=endpoints.api_endpoint,
                        calendars=calendars,
                        actor=Actor(account_id=consent.account_id).encode(),
                        source=Source(SourceKind.API, "google").encode(),
                    )
                )
            except TeleventError as refused:
                await unused(email)
                return _page(language, said(refused), status_code=409)
            except Exception:
                # a failure on our side: the account given is not kept, so its token goes
                LOG.exception("Connecting a Google account failed")
                try:
                    await unused(email)
                except Exception:
                    LOG.exception("Could not give back the token of the failed connection")
                raise
            return _page(language, t("google-consent-connected", email=email))

    return [callback]


def _page(language: str, text: str, *, status_code: int = 200) -> Response[str]:
    return small_page(language, t("google-consent-title"), text, status_code=status_code)
