"""Google's OAuth 2.0 for web server applications, with PKCE (docs/adr/0034;
developers.google.com/identity/protocols/oauth2/web-server, RFC 7636).

- `GoogleOAuth.link`: a random state (the link's one-time name, kept only as a digest) and a
  PKCE verifier, with `consent_url`: Google's consent screen for the calendar scope, asking
  for offline access (a refresh token) and the consent screen every time (`prompt=consent`: a
  refresh token each time, even for an account that consented before).
- `exchange`: the code Google sent back, with the verifier and the client secret, for the
  refresh token.
- `revoke`: the token and everything granted with it (a disconnected account, whose push
  channels `GoogleOAuth.forget` closes first).

The endpoints are the operator's (Google's, or TELEVENT_GOOGLE_OAUTH_BASE), never an address a
person typed: these requests do not go through the outbound guard.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import secrets
from collections.abc import Callable, Sequence
from urllib.parse import urlencode

import httpx

from televent.adapters.connections.caldav_client import CalDavError
from televent.adapters.connections.google_client import (
    SCOPE,
    GoogleCalendarClient,
    GoogleEndpoints,
)
from televent.application.google_connections import ConsentLink, GoogleChannel

CALLBACK_PATH = "/oauth/google/callback"


class GoogleOAuthError(Exception):
    """Google refused or could not be reached; `reason`: `refused`, `no-refresh-token`,
    `unreachable`."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def code_challenge(verifier: str) -> str:
    """The S256 code challenge of a PKCE verifier (RFC 7636 §4.2)."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def redirect_uri(public_url: str) -> str:
    return public_url.rstrip("/") + CALLBACK_PATH


def consent_url(endpoints: GoogleEndpoints, state: str, verifier: str, redirect: str) -> str:
    query = {
        "client_id": endpoints.client_id,
        "redirect_uri": redirect,
        "response_type": "code",
        "scope": SCOPE,
        "access_type": "offline",
        "prompt": "consent",
        "include_granted_scopes": "false",
        "state": state,
        "code_challenge": code_challenge(verifier),
        "code_challenge_method": "S256",
    }
    return f"{endpoints.authorization_url}?{urlencode(query)}"


async def exchange(endpoints: GoogleEndpoints, code: str, verifier: str, redirect: str) -> str:
    """The refresh token Google grants for `code`.

    Raises:
        GoogleOAuthError: Google refused the code, gave no refresh token, or did not answer.
    """
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "code_verifier": verifier,
        "redirect_uri": redirect,
        "client_id": endpoints.client_id,
        "client_secret": endpoints.client_secret,
    }
    try:
        async with httpx.AsyncClient(timeout=endpoints.timeout_seconds) as client:
            answer = await client.post(endpoints.token_url, data=form)
    except httpx.HTTPError as exc:
        raise GoogleOAuthError(
            f"Google's token endpoint: {type(exc).__name__}", "unreachable"
        ) from exc
    try:
        granted = answer.json()
    except ValueError:
        granted = {}
    if answer.status_code != 200 or not isinstance(granted, dict):
        error = granted.get("error") if isinstance(granted, dict) else None
        raise GoogleOAuthError(
            f"Google refused the code ({answer.status_code} {error}).", "refused"
        )
    token = granted.get("refresh_token")
    if not isinstance(token, str) or not token:
        raise GoogleOAuthError("Google granted no refresh token.", "no-refresh-token")
    return token


async def revoke(endpoints: GoogleEndpoints, token: str) -> bool:
    """Revoke `token` at Google; whether Google took it (a token revoked already is not)."""
    try:
        async with httpx.AsyncClient(timeout=endpoints.timeout_seconds) as client:
            answer = await client.post(endpoints.revoke_url, data={"token": token})
    except httpx.HTTPError:
        return False
    return answer.status_code == 200


class GoogleOAuth:
    """Google's consent screen and revocation for the API (application.GoogleConsents)."""

    def __init__(self, endpoints: GoogleEndpoints) -> None:
        self.endpoints = endpoints

    def link(self, base_url: str) -> ConsentLink:
        """A fresh state and verifier (86 characters of RFC 7636's alphabet), and Google's
        consent screen for them."""
        state, verifier = secrets.token_urlsafe(32), secrets.token_urlsafe(64)
        url = consent_url(self.endpoints, state, verifier, redirect_uri(base_url))
        return ConsentLink(state, verifier, url)

    async def forget(self, token: str, channels: Sequence[GoogleChannel] = ()) -> bool:
        """Close the push channels opened with the grant (one Google no longer knows, or
        cannot close now, expires within a week and its notifications are answered as
        unknown), then revoke the grant."""
        client = GoogleCalendarClient(self.endpoints, token)
        for channel in channels:
            with contextlib.suppress(CalDavError):
                await client.stop(channel.channel_id, channel.resource_id)
        return await revoke(self.endpoints, token)


def erasure_forgetter(
    endpoints: GoogleEndpoints | None,
) -> Callable[[str, Sequence[GoogleChannel]], bool]:
    """What an erasure calls for each of the person's Google connections (ops/gdpr.py): the
    grant revoked at Google and its push channels closed, as removing the connection does,
    from the erasure's own thread (no event loop runs there)."""

    def forget(token: str, channels: Sequence[GoogleChannel]) -> bool:
        if endpoints is None:
            return False
        return asyncio.run(GoogleOAuth(endpoints).forget(token, channels))

    return forget
