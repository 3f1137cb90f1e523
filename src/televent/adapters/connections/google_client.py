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
  (Televent's own scheduling decides who is told, never Google). `write_all` sends a round's
  write-backs in batch requests, each part with its own outcome.
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
from collections.abc import Callable, Mapping, Sequence
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
from googleapiclient.http import BatchHttpRequest

from televent.adapters.connections.caldav_client import (
    CalDavError,
    Changes,
    RemoteChangedError,
    Resource,
    Write,
    WriteOutcome,
)
from televent.application.connections import RemoteCalendarFound
from televent.config import Settings
from televent.domain.google_events import (
    GoogleSeries,
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
BATCH = 50  # write-backs per batch request (Google takes up to 1,000; each counts as a call)
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

    @property
    def batch_url(self) -> str:
        """Where batch requests go (the discovery document's `batchPath` under the API root)."""
        return self.api_root.rstrip("/") + "/" + str(_discovery_document()["batchPath"])

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

    def _execute(self, request: Any) -> Any:
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

    async def delete(self, url: str, etag: str | None) -> None:
        """Delete the event at `url` if it is still version `etag`; one gone is no error.

        Raises:
            RemoteChangedError: it changed on Google meanwhile.
        """
        await self._run(lambda: self._delete(url, etag), "a deletion")

    async def write_all(self, writes: Sequence[Write]) -> list[WriteOutcome]:
        """A round's write-backs, each with its own outcome: those that are one request each
        (an event without changed instances, a deletion) go together in batch requests of
        BATCH; a series with changed instances is written on its own. Within a batch, what
        Google refused for its usage limits or failed on (5xx) is sent again on its own, with
        the library's back-off."""
        return await asyncio.to_thread(self._write_all, writes)

    def _write_all(self, writes: Sequence[Write]) -> list[WriteOutcome]:
        outcomes: dict[int, WriteOutcome] = {}
        batched: list[tuple[int, Any]] = []
        for index, write in enumerate(writes):
            try:
                request = self._one_request(write)
            except CalDavError as exc:
                outcomes[index] = exc
                continue
            if request is None:
                outcomes[index] = self._alone(write)
            else:
                batched.append((index, request))
        for first in range(0, len(batched), BATCH):
            chunk = batched[first : first + BATCH]
            try:
                answers = self._batch(chunk)
            except (HttpError, GoogleAuthError, httplib2.HttpLib2Error, OSError) as exc:
                failure = _failure(exc, "a batch of write-backs")
                answers = dict.fromkeys((index for index, _ in chunk), failure)
            for index, _ in chunk:
                outcomes[index] = self._settled(writes[index], answers.get(index))
        return [outcomes[index] for index in range(len(writes))]

    def _batch(self, requests: Sequence[tuple[int, Any]]) -> dict[int, Any]:
        """Google's answers to `requests` sent as one batch request (developers.google.com/
        calendar/api/guides/batch): each answer, or the HttpError of its part, by index."""
        answers: dict[int, Any] = {}

        def noted(request_id: str, answer: Any, error: Exception | None) -> None:
            answers[int(request_id)] = answer if error is None else error

        batch = BatchHttpRequest(callback=noted, batch_uri=self.endpoints.batch_url)
        for index, request in requests:
            batch.add(request, request_id=str(index))
        batch.execute()
        return answers

    def _settled(self, write: Write, answer: Any) -> WriteOutcome:
        """The outcome of a write from its part's answer in a batch."""
        if isinstance(answer, HttpError) and _retried(answer):
            return self._alone(write)  # the library's back-off, on its own
        if isinstance(answer, Exception) or answer is None:
            failed = answer or CalDavError("Google gave no answer to a write-back.", "bad-answer")
            try:
                if write.data is None:
                    return self._deleted(write.url, failed)
                return self._conflict(write.url, _series_of(write.data), failed)
            except CalDavError as exc:
                return exc
            except (HttpError, GoogleAuthError, httplib2.HttpLib2Error, OSError) as exc:
                return _failure(exc, "a write-back")
        return None if write.data is None else answer.get("etag")

    def _alone(self, write: Write) -> WriteOutcome:
        """One write on its own requests, with the library's retries."""
        try:
            if write.data is None:
                self._delete(write.url, write.etag)
                return None
            return self._put(write.url, write.data, write.etag, new=write.new)
        except CalDavError as exc:
            return exc
        except (HttpError, GoogleAuthError, httplib2.HttpLib2Error, OSError) as exc:
            return _failure(exc, "a write-back")

    def _one_request(self, write: Write) -> Any:
        """The request that makes `write` on its own (None: it takes several, a series with
        changed instances)."""
        if write.data is None:
            return self._delete_request(write.url, write.etag)
        series = _series_of(write.data)
        if series.overrides or not series.event:
            return None
        return self._event_request(write.url, series.event, write.etag, new=write.new)

    def _event_request(
        self, url: str, event: Mapping[str, Any], etag: str | None, *, new: bool
    ) -> Any:
        calendar_id, event_id = _calendar_id(url), _event_id(url)
        events = self.service().events()
        if new:
            body = {"id": event_id, **{k: v for k, v in event.items() if v is not None}}
            return events.insert(calendarId=calendar_id, body=body, sendUpdates="none")
        request = events.patch(
            calendarId=calendar_id, eventId=event_id, body=event, sendUpdates="none"
        )
        return _if_match(request, own_etag(etag))

    def _delete_request(self, url: str, etag: str | None) -> Any:
        request = (
            self.service()
            .events()
            .delete(calendarId=_calendar_id(url), eventId=_event_id(url), sendUpdates="none")
        )
        return _if_match(request, own_etag(etag))

    def _put(self, url: str, data: str, etag: str | None, *, new: bool) -> str | None:
        series = _series_of(data)
        calendar_id, event_id = _calendar_id(url), _event_id(url)
        events = self.service().events()
        written: str | None = etag
        try:
            if series.event:
                request = self._event_request(url, series.event, etag, new=new)
                written = self._execute(request).get("etag")
            for suffix, body in series.overrides.items():
                self._execute(
                    events.patch(calendarId=calendar_id, eventId=f"{event_id}_{suffix}",
                                 body=body, sendUpdates="none")
                )  # fmt: skip
        except HttpError as exc:
            return self._conflict(url, series, exc)
        return written

    def _conflict(self, url: str, series: GoogleSeries, exc: Exception) -> str | None:
        """After a write Google refused with `exc`: a conflict (409 there already, 412 changed
        since last seen) is settled by the conflict rule, unless Google holds just what was
        sent (the first try's answer lost in a crash); returns that version's ETag.

        Raises:
            RemoteChangedError: a conflict.
        """
        if _status(exc) not in {409, 412}:
            raise exc
        found = self._found(_calendar_id(url), _event_id(url))
        if found is None or not _same(found, series.event) or series.overrides:
            raise RemoteChangedError(url) from exc
        etag = found.get("etag")
        return None if etag is None else str(etag)

    def _found(self, calendar_id: str, event_id: str) -> dict[str, Any] | None:
        try:
            found: dict[str, Any] = self._execute(
                self.service().events().get(calendarId=calendar_id, eventId=event_id)
            )
        except HttpError:
            return None
        return None if cancelled(found) else found

    def _delete(self, url: str, etag: str | None) -> None:
        try:
            self._execute(self._delete_request(url, etag))
        except HttpError as exc:
            self._deleted(url, exc)

    @staticmethod
    def _deleted(url: str, exc: Exception) -> None:
        """After a deletion Google refused with `exc`: one gone already is no error.

        Raises:
            RemoteChangedError: it changed on Google meanwhile (412).
        """
        if _status(exc) in {404, 410}:
            return
        if _status(exc) == 412:
            raise RemoteChangedError(url) from exc
        raise exc


def _series_of(data: str) -> GoogleSeries:
    try:
        return google_series(data)
    except ValueError as exc:
        raise CalDavError(f"The event cannot be written to Google: {exc}.", "status") from exc


def _if_match(request: Any, etag: str | None) -> Any:
    if etag:
        request.headers["If-Match"] = etag
    return request


def _retried(exc: HttpError) -> bool:
    """Whether Google's refusal is one its client library retries with back-off (its usage
    limits, 429, 5xx)."""
    status = _status(exc) or 0
    return (
        status == 429
        or status >= 500
        or (status == 403 and "ateLimitExceeded" in str(exc.content or b""))
    )
