"""Televent as a client of Google Calendar (docs/adr/0034), through Google's own libraries:
google-api-python-client with its bundled discovery document, google-auth for the tokens.

It answers the connection syncer as the CalDAV client does (`changes`, `put`, `delete`, `get`;
`CalDavError` with a reason, `RemoteChangedError` for a 412), so the write-back queue and the
conflict rule of connected accounts (docs/adr/0026) serve Google unchanged:

- `changes`: a first listing pages through every event and ends with Google's `nextSyncToken`;
  later ones ask from that token for what changed (deleted events as `cancelled`). A token
  Google no longer honours (410 `fullSyncRequired`) is answered by listing everything again:
  the syncer then stores the difference, so nothing is added twice. A changed instance of a
  recurring event is read with its whole series (`events.list` by `iCalUID`), since Televent
  keeps a series and its exceptions as one object (domain/google_events).
- `put`: a new event is inserted under the id derived from its UID, a changed one patched with
  `If-Match`, each changed instance patched by its instance id; always `sendUpdates=none`
  (Televent's own scheduling decides who is told, never Google).
- Usage limits: 403 `rateLimitExceeded`/`userRateLimitExceeded`, 429 and 5xx are retried by
  the library with exponential back-off (`num_retries`); what still fails is the sync's
  failure, backed off by the syncer without holding up any other account.

The library is synchronous (httplib2): every call runs on a worker thread, one service object
per client (httplib2 connections are not shared between threads).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, TypeVar
from urllib.parse import quote, unquote

import google.auth.exceptions
import google_auth_httplib2
import httplib2
from google.auth.exceptions import GoogleAuthError
from google.oauth2.credentials import Credentials as GoogleCredentials
from googleapiclient.discovery import build_from_document
from googleapiclient.errors import HttpError

from televent.adapters.connections.caldav_client import (
    CalDavError,
    Changes,
    RemoteChangedError,
    Resource,
)
from televent.application.connections import RemoteCalendarFound
from televent.config import Settings
from televent.domain.google_events import (
    calendar_object,
    cancelled,
    google_series,
    is_recurring,
    series_key,
)

SCOPE = "https://www.googleapis.com/auth/calendar"
PUSH_PATH = "/webhooks/google"  # where Google's push notifications arrive
GOOGLE_API_ROOT = "https://www.googleapis.com/"
PAGE = 2500  # events per page, Google's most
T = TypeVar("T")


@dataclass(frozen=True)
class GoogleEndpoints:
    """Where Google is (another Google-compatible endpoint in tests: TELEVENT_GOOGLE_API_BASE
    and TELEVENT_GOOGLE_OAUTH_BASE) and the operator's OAuth client."""

    client_id: str
    client_secret: str = field(repr=False)
    api_root: str = GOOGLE_API_ROOT  # without calendar/v3
    oauth_base: str | None = None  # one base for the consent, token and revoke endpoints
    timeout_seconds: float = 30.0
    num_retries: int = 3
    # where Google's push notifications reach this server (None: no public https address to
    # give, and calendars are synced by the rounds alone)
    push_address: str | None = None

    @property
    def authorization_url(self) -> str:
        base = self.oauth_base or "https://accounts.google.com"
        return base.rstrip("/") + "/o/oauth2/v2/auth"

    @property
    def token_url(self) -> str:
        return (self.oauth_base or "https://oauth2.googleapis.com").rstrip("/") + "/token"

    @property
    def revoke_url(self) -> str:
        return (self.oauth_base or "https://oauth2.googleapis.com").rstrip("/") + "/revoke"

    @property
    def api_endpoint(self) -> str:
        return self.api_root.rstrip("/") + "/calendar/v3/"

    def calendar_url(self, calendar_id: str) -> str:
        """The URL a mirrored Google calendar is known by (its events' hrefs are under it)."""
        return f"{self.api_endpoint}calendars/{quote(calendar_id, safe='')}/events/"


def google_endpoints(settings: Settings) -> GoogleEndpoints | None:
    """Google as the settings say (None without the operator's OAuth client id and secret)."""
    if not settings.google_client_id or not settings.google_client_secret:
        return None
    public = (settings.public_url or "").rstrip("/")
    # Google delivers to https addresses only; plain http is the tests' stand-in on loopback,
    # under the same operator switch as every other such address
    pushed = public.startswith("https://") or (
        public.startswith("http://") and settings.outbound_allow_private
    )
    return GoogleEndpoints(
        settings.google_client_id,
        settings.google_client_secret,
        api_root=settings.google_api_base,
        oauth_base=settings.google_oauth_base,
        timeout_seconds=settings.feed_timeout_seconds,
        push_address=f"{public}{PUSH_PATH}" if pushed else None,
    )


@cache
def _discovery_document() -> dict[str, Any]:
    """The Calendar API's discovery document bundled with the library (read once)."""
    document = resources.files("googleapiclient") / "discovery_cache/documents/calendar.v3.json"
    loaded: dict[str, Any] = json.loads(document.read_text(encoding="utf-8"))
    return loaded


def _calendar_id(calendar_url: str) -> str:
    return unquote(calendar_url.rstrip("/").split("/calendars/", 1)[1].split("/", 1)[0])


def _event_id(url: str) -> str:
    return unquote(url.rstrip("/").rsplit("/", 1)[1])


def _failure(exc: Exception, what: str) -> CalDavError:
    """What went wrong, as the syncer shows it (the reason code first)."""
    if isinstance(exc, google.auth.exceptions.RefreshError):
        return CalDavError(f"Google refused the connection's access ({what}).", "unauthorized")
    if isinstance(exc, HttpError):
        status = int(exc.resp.status)
        reason = {401: "unauthorized", 403: "forbidden", 404: "not-found"}.get(status, "status")
        if status in {403, 429} and "ateLimitExceeded" in str(exc.content or b""):
            reason = "rate-limited"
        return CalDavError(f"Google answered {status} to {what}.", reason)
    return CalDavError(f"Google could not be reached for {what}: {type(exc).__name__}.", "connect")


def series_etag(key: str, items: list[dict[str, Any]]) -> str | None:
    """A resource's ETag: its series' (or single event's) own, followed, when instances of it
    changed, by a digest of theirs, so a moved instance is a change too. What goes back in
    `If-Match` is the series' own (`own_etag`)."""
    master = next((i for i in items if i.get("id") == key), None)
    own = None if master is None else master.get("etag")
    instances = sorted(str(i.get("etag") or i.get("id")) for i in items if i is not master)
    if not instances:
        return None if own is None else str(own)
    digest = hashlib.sha256("|".join(instances).encode()).hexdigest()[:16]
    return f"{own or ''}+{digest}"


def own_etag(etag: str | None) -> str | None:
    """The series' own ETag of a resource's (what Google compares `If-Match` with)."""
    if etag is None:
        return None
    return etag.split("+", 1)[0] or None


def _same(found: Mapping[str, Any], sent: Mapping[str, Any]) -> bool:
    """Whether Google's event already says what was to be sent (a write repeated after a crash
    lost the first one's answer)."""
    return all(found.get(key) == value for key, value in sent.items() if value is not None)


def _status(exc: Exception) -> int | None:
    return int(exc.resp.status) if isinstance(exc, HttpError) else None


class GoogleCalendarClient:
    """One connected Google account, by its refresh token (never shown in a repr)."""

    def __init__(self, endpoints: GoogleEndpoints, refresh_token: str) -> None:
        self.endpoints = endpoints
        self._refresh_token = refresh_token
        self._service: Any = None

    def __repr__(self) -> str:
        return f"GoogleCalendarClient({self.endpoints.api_root!r})"

    def service(self) -> Any:
        if self._service is None:
            endpoints = self.endpoints
            credentials = GoogleCredentials(  # type: ignore[no-untyped-call]
                token=None, refresh_token=self._refresh_token, token_uri=endpoints.token_url,
                client_id=endpoints.client_id, client_secret=endpoints.client_secret,
                scopes=[SCOPE],
            )  # fmt: skip
            http = google_auth_httplib2.AuthorizedHttp(
                credentials, http=httplib2.Http(timeout=endpoints.timeout_seconds)
            )
            self._service = build_from_document(
                _discovery_document(), http=http,
                client_options={"api_endpoint": endpoints.api_endpoint},
            )  # fmt: skip
        return self._service

    async def _run(self, call: Callable[[], T], what: str) -> T:
        try:
            return await asyncio.to_thread(call)
        except (HttpError, GoogleAuthError, httplib2.HttpLib2Error, OSError) as exc:
            raise _failure(exc, what) from exc

    def _execute(self, request: Any, if_match: str | None = None) -> Any:
        if if_match:
            request.headers["If-Match"] = if_match
        return request.execute(num_retries=self.endpoints.num_retries)

    # --- discovery ------------------------------------------------------------------------------

    async def calendars(self) -> tuple[str, list[RemoteCalendarFound]]:
        """The account's email (its primary calendar's id) and the calendars it may write."""
        return await self._run(self._calendars, "the calendar list")

    def _calendars(self) -> tuple[str, list[RemoteCalendarFound]]:
        listing = self.service().calendarList()
        found: list[dict[str, Any]] = []
        page: str | None = None
        while True:
            answer = self._execute(listing.list(pageToken=page, minAccessRole="writer"))
            found.extend(answer.get("items") or [])
            page = answer.get("nextPageToken")
            if not page:
                break
        email = next((str(c["id"]) for c in found if c.get("primary")), "")
        if not email:
            raise CalDavError("Google listed no primary calendar for the account.", "bad-answer")
        calendars = [
            RemoteCalendarFound(
                self.endpoints.calendar_url(str(c["id"])),
                str(c.get("summaryOverride") or c.get("summary") or c["id"]),
                c.get("backgroundColor"),
            )
            for c in found
            if c.get("accessRole") in {"owner", "writer"}
        ]
        return email, calendars

    # --- reading --------------------------------------------------------------------------------

    def _list(
        self, calendar_id: str, **asked: Any
    ) -> tuple[list[dict[str, Any]], str | None, str | None]:
        """Every page of a listing: the events, the sync token it ended with, the time zone."""
        events = self.service().events()
        items: list[dict[str, Any]] = []
        page: str | None = None
        zone: str | None = None
        while True:
            answer = self._execute(
                events.list(calendarId=calendar_id, maxResults=PAGE, pageToken=page, **asked)
            )
            items.extend(answer.get("items") or [])
            zone = zone or answer.get("timeZone")
            page = answer.get("nextPageToken")
            if not page:
                return items, answer.get("nextSyncToken"), zone

    def _series(self, calendar_id: str, key: str) -> tuple[list[dict[str, Any]], str | None]:
        """Every Google event of the series (or single event) `key`, cancelled instances
        included, and the calendar's time zone; nothing when it is gone."""
        try:
            master = self._execute(self.service().events().get(calendarId=calendar_id, eventId=key))
        except HttpError as exc:
            if _status(exc) in {404, 410}:
                return [], None
            raise
        if cancelled(master):
            return [], None
        if not master.get("recurrence"):
            return [master], None
        items, _, zone = self._list(calendar_id, iCalUID=master["iCalUID"], showDeleted=True)
        return [i for i in items if series_key(i) == key] or [master], zone

    async def changes(self, calendar_url: str, token: str | None,
                      known: Mapping[str, str | None]) -> Changes:  # fmt: skip
        """What changed in the calendar since `token` (None: everything), as calendar objects
        by series; `known` (href → ETag) tells what a full listing no longer has."""
        return await self._run(lambda: self._changes(calendar_url, token, known), "a sync")

    def _changes(self, calendar_url: str, token: str | None,
                 known: Mapping[str, str | None]) -> Changes:  # fmt: skip
        calendar_id = _calendar_id(calendar_url)
        items: list[dict[str, Any]] = []
        next_token = zone = None
        if token is not None:
            try:
                items, next_token, zone = self._list(calendar_id, syncToken=token)
            except HttpError as exc:
                if _status(exc) != 410:  # 410: Google wants a full sync
                    raise
                token = None
        if token is None:
            items, next_token, zone = self._list(calendar_id)
            by_series: dict[str, list[dict[str, Any]]] = {}
            for item in items:
                by_series.setdefault(series_key(item), []).append(item)
            changed = self._resources(calendar_url, by_series, zone, known)
            present = {calendar_url + quote(key, safe="") for key in by_series}
            removed = [href for href in known if href not in present]
            return Changes(changed, removed, next_token, listed=True)
        series: dict[str, list[dict[str, Any]]] = {}
        removed = []
        refetch: set[str] = set()
        for item in items:
            key = series_key(item)
            if is_recurring(item):
                refetch.add(key)
            elif cancelled(item):
                removed.append(calendar_url + quote(key, safe=""))
            else:
                series[key] = [item]
        for key in refetch:
            found, found_zone = self._series(calendar_id, key)
            if found:
                series[key] = found
                zone = zone or found_zone
            else:
                removed.append(calendar_url + quote(key, safe=""))
        return Changes(
            self._resources(calendar_url, series, zone, known), removed, next_token, False
        )

    def _resources(self, calendar_url: str, series: Mapping[str, list[dict[str, Any]]],
                   zone: str | None, known: Mapping[str, str | None] | None = None,
                   ) -> list[Resource]:  # fmt: skip
        """The calendar objects of `series`, leaving out those whose ETag is the one `known`
        holds for them (written back from here, or listed again after a 410)."""
        found: list[Resource] = []
        for key, items in series.items():
            href = calendar_url + quote(key, safe="")
            etag = series_etag(key, items)
            if known is not None and etag is not None and known.get(href) == etag:
                continue
            try:
                data = calendar_object(items, zone)
            except (KeyError, ValueError, TypeError):
                data = None  # an event Google should never give: left, the rest goes on
            if data is not None:
                found.append(Resource(href, etag, data))
        return found

    async def get(self, url: str) -> Resource | None:
        """The series at `url` as Google holds it now (None when it is gone)."""
        return await self._run(lambda: self._get(url), "reading an event")

    def _get(self, url: str) -> Resource | None:
        calendar_url = url.rsplit("/", 1)[0] + "/"
        items, zone = self._series(_calendar_id(url), _event_id(url))
        found = self._resources(calendar_url, {_event_id(url): items}, zone) if items else []
        return found[0] if found else None

    # --- push channels --------------------------------------------------------------------------

    async def watch(
        self, calendar_url: str, *, channel_id: str, address: str, token: str,
        expires_at: dt.datetime,
    ) -> tuple[str, dt.datetime]:  # fmt: skip
        """Ask Google to POST to `address` when the calendar changes, until `expires_at` (or
        the earlier moment Google chooses); returns the channel's resource id and expiry."""
        asked = int(expires_at.timestamp() * 1000)
        body = {
            "id": channel_id,
            "type": "web_hook",
            "address": address,
            "token": token,
            "expiration": asked,
        }
        request = self.service().events().watch(calendarId=_calendar_id(calendar_url), body=body)
        answer = await self._run(lambda: self._execute(request), "opening a push channel")
        expiration = int(answer.get("expiration") or asked)
        return str(answer["resourceId"]), dt.datetime.fromtimestamp(expiration / 1000, dt.UTC)

    async def stop(self, channel_id: str, resource_id: str) -> None:
        """Close a push channel (one Google no longer knows is no error)."""
        request = self.service().channels().stop(body={"id": channel_id, "resourceId": resource_id})

        def call() -> None:
            try:
                self._execute(request)
            except HttpError as exc:
                if _status(exc) != 404:
                    raise

        await self._run(call, "closing a push channel")

    # --- writing back ---------------------------------------------------------------------------

    async def put(self, url: str, data: str, etag: str | None, *, new: bool = True) -> str | None:
        """Write Televent's object `data` to the event at `url`: inserted when `new`, else
        patched if it is still version `etag`; returns the series' new ETag.

        Raises:
            RemoteChangedError: the event changed on Google meanwhile (412), or one with its id
                is there already.
        """
        return await self._run(lambda: self._put(url, data, etag, new=new), "a write-back")

    def _put(self, url: str, data: str, etag: str | None, *, new: bool) -> str | None:
        try:
            series = google_series(data)
        except ValueError as exc:
            raise CalDavError(f"The event cannot be written to Google: {exc}.", "status") from exc
        calendar_id, event_id = _calendar_id(url), _event_id(url)
        events = self.service().events()
        written: str | None = etag
        try:
            if series.event and new:
                body = {"id": event_id, **{k: v for k, v in series.event.items() if v is not None}}
                answer = self._execute(
                    events.insert(calendarId=calendar_id, body=body, sendUpdates="none")
                )
                written = answer.get("etag")
            elif series.event:
                answer = self._execute(
                    events.patch(calendarId=calendar_id, eventId=event_id, body=series.event,
                                 sendUpdates="none"),
                    if_match=own_etag(etag),
                )  # fmt: skip
                written = answer.get("etag")
            for suffix, body in series.overrides.items():
                self._execute(
                    events.patch(calendarId=calendar_id, eventId=f"{event_id}_{suffix}",
                                 body=body, sendUpdates="none")
                )  # fmt: skip
        except HttpError as exc:
            if _status(exc) not in {409, 412}:
                raise
            # There already, or changed since last seen: unless Google holds just what was
            # sent (the first try's answer lost in a crash), the conflict rule decides.
            found = self._found(calendar_id, event_id)
            if found is None or not _same(found, series.event) or series.overrides:
                raise RemoteChangedError(url) from exc
            written = found.get("etag")
        return written

    def _found(self, calendar_id: str, event_id: str) -> dict[str, Any] | None:
        try:
            found: dict[str, Any] = self._execute(
                self.service().events().get(calendarId=calendar_id, eventId=event_id)
            )
        except HttpError:
            return None
        return None if cancelled(found) else found

    async def delete(self, url: str, etag: str | None) -> None:
        """Delete the event at `url` if it is still version `etag`; one gone is no error.

        Raises:
            RemoteChangedError: it changed on Google meanwhile.
        """
        await self._run(lambda: self._delete(url, etag), "a deletion")

    def _delete(self, url: str, etag: str | None) -> None:
        request = (
            self.service()
            .events()
            .delete(calendarId=_calendar_id(url), eventId=_event_id(url), sendUpdates="none")
        )
        try:
            self._execute(request, if_match=own_etag(etag))
        except HttpError as exc:
            if _status(exc) in {404, 410}:
                return
            if _status(exc) == 412:
                raise RemoteChangedError(url) from exc
            raise
