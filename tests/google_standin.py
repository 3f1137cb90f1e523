"""A stand-in for Google's OAuth 2.0 endpoints and the Google Calendar API v3, over HTTP on
loopback, for the tests of connected Google accounts. Televent's client (google-api-python-client
with its bundled discovery document, google-auth) is pointed at it by TELEVENT_GOOGLE_API_BASE
and TELEVENT_GOOGLE_OAUTH_BASE.

What it does, as Google documents it:

- OAuth (developers.google.com/identity/protocols/oauth2/web-server): `GET /o/oauth2/v2/auth`
  stands for the consent screen: the person the test named consents at once (or refuses:
  `refuse_consent`) and is sent back to `redirect_uri` with `code` and `state` (or
  `error=access_denied`). `POST /token` exchanges a code once, only with the client secret, the
  same redirect URI and the PKCE `code_verifier` whose S256 challenge the consent asked with
  (RFC 7636), and answers an access token (an hour) and a refresh token; `grant_type=
  refresh_token` answers a new access token. Google keeps one grant per user and client: a
  new consent adds a refresh token to it (the earlier ones keep working), and `POST /revoke`
  with any token of it, refresh or access, revokes the grant, every token issued with it;
  a revoked grant answers `invalid_grant` ("Token has been expired or revoked."), and the
  next consent starts a new one.
- Calendar API (developers.google.com/calendar/api/v3/reference), under `/calendar/v3`, every
  call with `Authorization: Bearer`: `users/me/calendarList`; `calendars/{id}/events` list (a
  full listing pages by `maxResults`/`pageToken` and ends with `nextSyncToken`; an incremental
  one with `syncToken` lists every event changed since, deleted ones as `status: cancelled`;
  a token the calendar no longer honours answers 410 `fullSyncRequired`; a full listing leaves
  out cancelled events, except the cancelled instances of a recurring event, unless
  `showDeleted`); `get`, `insert`, `patch`, `update`, `delete` with ETags (`If-Match` not
  matching: 412 `conditionNotMet`), an instance of a recurring event addressed by its instance
  id (`<series id>_<original start, UTC, basic format>`, `_<date>` for all-day) becoming an
  exception when changed; `watch` (channels: a `sync` notification at once, `exists` after each
  change, with the X-Goog-Channel-* and X-Goog-Resource-* headers and the channel's token) and
  `channels/stop`.
- Batch requests (developers.google.com/calendar/api/guides/batch) at `/batch/calendar/v3`:
  up to 1,000 calls in one multipart/mixed request, the outer request's headers applying to
  each, answered in one multipart/mixed answer in the same order; each call counts as a call
  (and meets the usage limits) as if sent alone.
- Usage limits: `limit(n, status)` answers the next n API calls with 403 `rateLimitExceeded`
  or 429, in Google's error shape.

Deviations, for a test on loopback: the consent is given without a page; `watch` accepts an
`http://` address (Google requires https).
"""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import email
import email.policy
import hashlib
import itertools
import json
import re
import secrets
import threading
import urllib.request
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit
from uuid import UUID

from televent.adapters.connections.google_client import GoogleCalendarClient, GoogleEndpoints
from televent.application.televent import Televent

__all__ = ["GoogleStandIn", "google_standin"]

API = "/calendar/v3"
BATCH = "/batch/calendar/v3"  # the discovery document's batchPath
BATCH_MOST = 1000  # calls in one batch request
ACCESS_SECONDS = 3600
INSTANCE_ID = re.compile(r"^(?P<series>[a-v0-9]+)_(?P<start>\d{8}(T\d{6}Z)?)$")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _rfc3339(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _error(code: int, reason: str, message: str, domain: str = "global") -> dict[str, Any]:
    return {
        "error": {
            "code": code,
            "message": message,
            "errors": [{"domain": domain, "reason": reason, "message": message}],
        }
    }


def _instant(when: dict[str, Any]) -> str:
    """An instance id's suffix for an original start (`{"dateTime"}` or `{"date"}`)."""
    if "date" in when:
        return str(when["date"]).replace("-", "")
    moment = dt.datetime.fromisoformat(str(when["dateTime"]).replace("Z", "+00:00"))
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


@dataclass
class Account:
    """One Google user: calendars (id -> listing entry), events (calendar -> id -> event)."""

    email: str
    calendars: dict[str, dict[str, Any]] = field(default_factory=dict)
    events: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)


@dataclass
class Grant:
    """A user's grant to a client: every refresh token its consents gave (`refresh_token` the
    first), revoked together."""

    email: str
    client_id: str
    refresh_token: str
    revoked: bool = False


@dataclass
class Channel:
    id: str
    resource_id: str
    calendar_id: str
    email: str
    address: str
    token: str | None
    expiration: int  # milliseconds since the epoch
    messages: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    stopped: bool = False


class GoogleStandIn(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, client_id: str = "televent-test.apps.googleusercontent.com",
                 client_secret: str = "test-secret") -> None:  # fmt: skip
        self.client_id = client_id
        self.client_secret = client_secret
        self.lock = threading.RLock()
        self.accounts: dict[str, Account] = {}
        self.consenting: str | None = None  # the email of whoever consents next
        self.refuse = False
        self.codes: dict[str, dict[str, str]] = {}
        self.grants: dict[str, Grant] = {}  # refresh token -> grant
        self.access: dict[str, tuple[Grant, dt.datetime]] = {}  # access token -> (grant, until)
        self.seq = itertools.count(1)
        self.position = 0  # of the last change, in every calendar: what sync tokens name
        self.epoch = 0  # tokens issued before the last expire_sync_tokens answer 410
        self.channels: dict[str, Channel] = {}
        self.limits: list[int] = []  # statuses the next API calls answer with
        self.failing_batches = 0  # the next batch requests answer 503 as a whole
        # Google pages at most 2,500 events and may give fewer than asked: tests page sooner
        self.most_per_page = 2500
        self.calls: Counter[str] = Counter()  # "METHOD path-kind" -> how many
        self.send_updates: list[str | None] = []  # the sendUpdates of every write
        self.notifications: list[tuple[str, str, int]] = []  # (channel, state, status)
        super().__init__(("127.0.0.1", 0), _Handler)

    # --- what a test arranges ---------------------------------------------------------------

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def add_account(self, email: str, calendars: dict[str, str] | None = None) -> Account:
        """A Google user with a primary calendar (id: the email) and the others named."""
        with self.lock:
            account = self.accounts[email] = Account(email)
            for number, (calendar_id, summary) in enumerate(
                {email: email, **(calendars or {})}.items()
            ):
                account.calendars[calendar_id] = {
                    "kind": "calendar#calendarListEntry",
                    "etag": f'"{next(self.seq)}"',
                    "id": calendar_id,
                    "summary": summary,
                    "timeZone": "Europe/Berlin",
                    "backgroundColor": "#9fe1e7",
                    "accessRole": "owner",
                    "selected": True,
                    **({"primary": True} if number == 0 else {}),
                }
                account.events[calendar_id] = {}
            return account

    def consent_as(self, email: str) -> None:
        with self.lock:
            self.consenting, self.refuse = email, False

    def refuse_consent(self) -> None:
        with self.lock:
            self.refuse = True

    def limit(self, times: int, status: int = 403) -> None:
        """The next `times` API calls answer `status` (403 or 429) for exceeding a rate limit."""
        with self.lock:
            self.limits.extend([status] * times)

    def expire_sync_tokens(self) -> None:
        """Every sync token issued so far answers 410 from now on (Google drops them at will)."""
        with self.lock:
            self.epoch += 1

    def events(
        self, email: str, calendar_id: str, *, cancelled: bool = False
    ) -> list[dict[str, Any]]:
        with self.lock:
            found = self.accounts[email].events[calendar_id].values()
            return [dict(e) for e in found if cancelled or e.get("status") != "cancelled"]

    def write(self, email: str, calendar_id: str, body: dict[str, Any],
              event_id: str | None = None) -> dict[str, Any]:  # fmt: skip
        """A change made on Google (the person's phone): insert, or patch `event_id`."""
        with self.lock:
            if event_id is None:
                return self._insert(self.accounts[email], calendar_id, body)
            return self._patch(self.accounts[email], calendar_id, event_id, body, replace=False)

    def remove(self, email: str, calendar_id: str, event_id: str) -> None:
        with self.lock:
            self._delete(self.accounts[email], calendar_id, event_id)

    def grant(self, email: str) -> str:
        """A refresh token for `email` as if they had consented (tests that start after it)."""
        with self.lock:
            return self._refresh_token(email)

    def _refresh_token(self, email: str) -> str:
        """A new refresh token of `email`'s grant to the client: the live one, or a new one."""
        token = "1//" + secrets.token_urlsafe(32)
        live = [
            g for g in self.grants.values()
            if (g.email, g.client_id, g.revoked) == (email, self.client_id, False)
        ]  # fmt: skip
        self.grants[token] = live[0] if live else Grant(email, self.client_id, token)
        return token

    def endpoints(self) -> GoogleEndpoints:
        """Televent's client pointed at this stand-in (TELEVENT_GOOGLE_API_BASE and _OAUTH_BASE)."""
        return GoogleEndpoints(self.client_id, self.client_secret, api_root=self.base + "/",
                               oauth_base=self.base)  # fmt: skip

    def connect(self, app: Televent, email: str, account_id: UUID) -> tuple[UUID, UUID, str]:
        """`email`'s account (made when missing) connected to `account_id` as the consent
        callback connects it: (the connection, its primary calendar here, the refresh token)."""
        if email not in self.accounts:
            self.add_account(email)
        token = self.grant(email)
        found, calendars = asyncio.run(GoogleCalendarClient(self.endpoints(), token).calendars())
        assert found == email
        connection = app.connect_google(
            account_id, email=email, refresh_token=token, api_url=self.endpoints().api_endpoint,
            calendars=calendars, actor="system:", source="cli:tests",
        )  # fmt: skip
        view = app.queries.connection(connection)
        assert view is not None
        return connection, view.calendars[0].calendar_id, token

    def live_grants(self) -> list[Grant]:
        with self.lock:
            found = {id(g): g for g in self.grants.values() if not g.revoked}
            return list(found.values())

    # --- the model ----------------------------------------------------------------------------

    def _touch(self, account: Account, calendar_id: str, event: dict[str, Any]) -> None:
        self.position += 1
        stamp = _now()
        event["_position"] = self.position
        event["etag"] = f'"{int(stamp.timestamp() * 1000)}{self.position:06d}"'
        event["updated"] = _rfc3339(stamp)
        self._notify(account.email, calendar_id)

    def _insert(self, account: Account, calendar_id: str, body: dict[str, Any]) -> dict[str, Any]:
        calendar = account.events[calendar_id]
        event_id = str(body.get("id") or secrets.token_hex(13))
        if not re.fullmatch(r"[a-v0-9]{5,1024}", event_id):
            raise ApiError(400, "invalid", "Invalid resource id value.")
        if event_id in calendar:
            raise ApiError(409, "duplicate", "The requested identifier already exists.")
        _check_times(body)
        stamp = _rfc3339(_now())
        event = {
            "kind": "calendar#event",
            "id": event_id,
            "status": "confirmed",
            "htmlLink": f"https://www.google.com/calendar/event?eid={event_id}",
            "created": stamp,
            "creator": {"email": account.email, "self": True},
            "organizer": {"email": calendar_id, "self": True},
            "iCalUID": body.get("iCalUID") or f"{event_id}@google.com",
            "sequence": 0,
            "reminders": {"useDefault": True},
            "eventType": "default",
            **{k: v for k, v in body.items() if k not in {"id", "iCalUID", "etag", "kind"}},
        }
        calendar[event_id] = event
        self._touch(account, calendar_id, event)
        return event

    def _instance(self, account: Account, calendar_id: str, event_id: str) -> dict[str, Any] | None:
        """An instance of a recurring event not changed yet (not stored: changing it stores it,
        an exception from then on)."""
        match = INSTANCE_ID.match(event_id)
        series = match and account.events[calendar_id].get(match["series"])
        if not match or not series or not series.get("recurrence"):
            return None
        start, end = series["start"], series["end"]
        if "date" in start:
            day = dt.datetime.strptime(match["start"], "%Y%m%d").date()
            length = dt.date.fromisoformat(end["date"]) - dt.date.fromisoformat(start["date"])
            original = {"date": day.isoformat()}
            times = {"start": dict(original), "end": {"date": (day + length).isoformat()}}
        else:
            first = dt.datetime.fromisoformat(start["dateTime"].replace("Z", "+00:00"))
            length = dt.datetime.fromisoformat(end["dateTime"].replace("Z", "+00:00")) - first
            moment = dt.datetime.strptime(match["start"], "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)
            zone = {"timeZone": start["timeZone"]} if "timeZone" in start else {}
            original = {"dateTime": moment.isoformat().replace("+00:00", "Z"), **zone}
            times = {
                "start": dict(original),
                "end": {"dateTime": (moment + length).isoformat().replace("+00:00", "Z"), **zone},
            }
        copied = {k: v for k, v in series.items() if k not in {"recurrence", "id", "_position"}}
        return {**copied, **times, "id": event_id, "recurringEventId": series["id"],
                "originalStartTime": original}  # fmt: skip

    def _patch(self, account: Account, calendar_id: str, event_id: str, body: dict[str, Any],
               *, replace: bool, if_match: str | None = None) -> dict[str, Any]:  # fmt: skip
        calendar = account.events[calendar_id]
        event = calendar.get(event_id) or self._instance(account, calendar_id, event_id)
        if event is None:
            raise ApiError(404, "notFound", "Not Found")
        if if_match is not None and "etag" in event and if_match != event["etag"]:
            raise ApiError(412, "conditionNotMet", "Precondition Failed")
        kept = {k: event[k] for k in ("kind", "id", "htmlLink", "created", "creator",
                                      "organizer", "iCalUID", "recurringEventId",
                                      "originalStartTime", "eventType") if k in event}  # fmt: skip
        fresh = {k: v for k, v in body.items() if k not in {"id", "etag", "kind", "iCalUID"}}
        changed = {**kept, **fresh} if replace else {**event, **fresh}
        changed.setdefault("status", "confirmed")
        _check_times(changed)
        if changed.get("start") != event.get("start") or changed.get("end") != event.get("end"):
            changed["sequence"] = int(event.get("sequence", 0)) + 1
        calendar[event_id] = changed
        self._touch(account, calendar_id, changed)
        return changed

    def _delete(self, account: Account, calendar_id: str, event_id: str,
                if_match: str | None = None) -> None:  # fmt: skip
        calendar = account.events[calendar_id]
        event = calendar.get(event_id) or self._instance(account, calendar_id, event_id)
        if event is None:
            raise ApiError(404, "notFound", "Not Found")
        if event.get("status") == "cancelled":
            raise ApiError(410, "deleted", "Resource has been deleted")
        if if_match is not None and "etag" in event and if_match != event["etag"]:
            raise ApiError(412, "conditionNotMet", "Precondition Failed")
        if "recurringEventId" in event:  # a cancelled instance keeps only what says which
            kept = ("kind", "id", "recurringEventId", "originalStartTime")
            calendar[event_id] = event = {k: event[k] for k in kept}
        event["status"] = "cancelled"
        self._touch(account, calendar_id, event)
        for other in list(calendar.values()):  # a series takes its exceptions with it
            if other.get("recurringEventId") == event_id and other.get("status") != "cancelled":
                other["status"] = "cancelled"
                self._touch(account, calendar_id, other)

    def _listing(self, account: Account, calendar_id: str, query: dict[str, str]) -> dict[str, Any]:
        calendar = account.events.get(calendar_id)
        if calendar is None:
            raise ApiError(404, "notFound", "Not Found")
        if query.get("singleEvents") == "true":
            raise ApiError(400, "invalid", "The stand-in lists recurring events as series only.")
        size = min(int(query.get("maxResults") or 250), self.most_per_page)
        token = query.get("syncToken")
        page = query.get("pageToken")
        if page:
            since, snapshot, offset = (int(p) for p in base64.urlsafe_b64decode(page).split(b":"))
        elif token:
            try:
                named, epoch = base64.urlsafe_b64decode(token).decode().removeprefix("s").split(":")
                since = int(named)
            except ValueError:
                raise ApiError(400, "invalid", "Invalid sync token value.") from None
            if int(epoch) != self.epoch:
                raise ApiError(410, "fullSyncRequired",
                               "Sync token is no longer valid, a full sync is required.",
                               domain="calendar")  # fmt: skip
            snapshot, offset = self.position, 0
        else:
            since, snapshot, offset = -1, self.position, 0
        if since != -1 and any(k in query for k in ("timeMin", "timeMax", "q", "orderBy")):
            raise ApiError(400, "invalid", "Sync token cannot be used with other parameters.")
        show_deleted = query.get("showDeleted") == "true"
        ical_uid = query.get("iCalUID")

        def named(event: dict[str, Any]) -> bool:
            if ical_uid is None:
                return True
            series = calendar.get(str(event.get("recurringEventId"))) or event
            return ical_uid in {event.get("iCalUID"), series.get("iCalUID")}

        def listed(event: dict[str, Any]) -> bool:
            if since != -1:
                return since < event["_position"] <= snapshot
            if event["_position"] > snapshot:
                return False
            cancelled = event.get("status") == "cancelled"
            return not cancelled or show_deleted or "recurringEventId" in event

        found = sorted(
            (e for e in calendar.values() if listed(e) and named(e)), key=lambda e: e["_position"]
        )
        items = [{k: v for k, v in e.items() if not k.startswith("_")} for e in found]
        chunk = items[offset : offset + size]
        answer: dict[str, Any] = {
            "kind": "calendar#events",
            "etag": f'"{snapshot}"',
            "summary": account.calendars[calendar_id]["summary"],
            "updated": _rfc3339(_now()),
            "timeZone": account.calendars[calendar_id]["timeZone"],
            "accessRole": "owner",
            "defaultReminders": [],
            "items": chunk,
        }
        if offset + size < len(items):
            answer["nextPageToken"] = base64.urlsafe_b64encode(
                f"{since}:{snapshot}:{offset + size}".encode()
            ).decode()
        else:
            answer["nextSyncToken"] = base64.urlsafe_b64encode(
                f"s{snapshot}:{self.epoch}".encode()
            ).decode()
        return answer

    # --- push ---------------------------------------------------------------------------------

    def _watch(self, account: Account, calendar_id: str, body: dict[str, Any]) -> dict[str, Any]:
        if body.get("type") not in {"web_hook", "webhook"} or not body.get("address"):
            raise ApiError(400, "invalid", "Invalid channel.")
        if not body.get("id"):
            raise ApiError(400, "required", "Required channel id.")
        expiration = int(body.get("expiration") or (_now().timestamp() + 7 * 86400) * 1000)
        channel = Channel(
            id=str(body["id"]), resource_id=secrets.token_urlsafe(16), calendar_id=calendar_id,
            email=account.email, address=str(body["address"]), token=body.get("token"),
            expiration=expiration,
        )  # fmt: skip
        self.channels[channel.id] = channel
        threading.Thread(target=self._send, args=(channel, "sync"), daemon=True).start()
        return {
            "kind": "api#channel",
            "id": channel.id,
            "resourceId": channel.resource_id,
            "resourceUri": f"{self.base}{API}/calendars/{quote(calendar_id)}/events?alt=json",
            "expiration": str(channel.expiration),
            **({"token": channel.token} if channel.token else {}),
        }

    def _notify(self, email: str, calendar_id: str) -> None:
        for channel in list(self.channels.values()):
            if (
                channel.email == email
                and channel.calendar_id == calendar_id
                and not channel.stopped
            ):
                threading.Thread(target=self._send, args=(channel, "exists"), daemon=True).start()

    def _send(self, channel: Channel, state: str) -> None:
        resource = f"{self.base}{API}/calendars/{quote(channel.calendar_id)}/events"
        headers = {
            "X-Goog-Channel-ID": channel.id,
            "X-Goog-Channel-Expiration": dt.datetime.fromtimestamp(
                channel.expiration / 1000, dt.UTC
            ).strftime("%a, %d %b %Y %H:%M:%S GMT"),
            "X-Goog-Resource-ID": channel.resource_id,
            "X-Goog-Resource-URI": resource,
            "X-Goog-Resource-State": state,
            "X-Goog-Message-Number": str(next(channel.messages)),
            **({"X-Goog-Channel-Token": channel.token} if channel.token else {}),
        }
        request = urllib.request.Request(channel.address, data=b"", method="POST", headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=5) as answer:
                status = answer.status
        except urllib.error.HTTPError as refused:
            status = refused.code
        except OSError:
            status = 0
        with self.lock:
            self.notifications.append((channel.id, state, status))


class ApiError(Exception):
    def __init__(self, status: int, reason: str, message: str, domain: str = "global") -> None:
        super().__init__(message)
        self.status, self.body = status, _error(status, reason, message, domain)


def _check_times(event: dict[str, Any]) -> None:
    if event.get("status") == "cancelled" and "recurringEventId" in event:
        return
    start, end = event.get("start"), event.get("end")
    if not start:
        raise ApiError(400, "required", "Missing start time.")
    if not end:
        raise ApiError(400, "required", "Missing end time.")
    if ("date" in start) != ("date" in end):
        raise ApiError(400, "invalid", "Invalid start time.")
    if "date" in start:
        empty = end["date"] <= start["date"]
    else:
        first = dt.datetime.fromisoformat(str(start["dateTime"]).replace("Z", "+00:00"))
        last = dt.datetime.fromisoformat(str(end["dateTime"]).replace("Z", "+00:00"))
        empty = last < first
    if empty:
        raise ApiError(400, "timeRangeEmpty", "The specified time range is empty.")


class _Handler(BaseHTTPRequestHandler):
    server: GoogleStandIn
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _answer(self, status: int, body: Any = None, headers: dict[str, str] | None = None) -> None:
        data = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if body is not None:
            self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PATCH(self) -> None:
        self._dispatch("PATCH")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def _dispatch(self, method: str) -> None:
        parts = urlsplit(self.path)
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        raw = self._body()
        try:
            if parts.path == "/o/oauth2/v2/auth" and method == "GET":
                return self._consent(query)
            if parts.path == "/token" and method == "POST":
                return self._token({k: v[-1] for k, v in parse_qs(raw.decode()).items()})
            if parts.path == "/revoke" and method == "POST":
                form = {k: v[-1] for k, v in parse_qs(raw.decode()).items()}
                return self._revoke(form.get("token") or query.get("token") or "")
            if parts.path == BATCH and method == "POST":
                return self._batch(raw)
            if parts.path.startswith(API + "/"):
                body = json.loads(raw) if raw else {}
                status, answer = self._api(
                    method, parts.path[len(API) :], query, body, self.headers
                )
                return self._answer(status, answer)
            self._answer(404, _error(404, "notFound", "Not Found"))
        except ApiError as failed:
            self._answer(failed.status, failed.body)
        except (ValueError, KeyError, TypeError) as bad:
            self._answer(400, _error(400, "badRequest", f"Bad Request: {bad}"))

    # --- OAuth ----------------------------------------------------------------------------------

    def _consent(self, query: dict[str, str]) -> None:
        server = self.server
        redirect = query.get("redirect_uri", "")
        if query.get("client_id") != server.client_id or not redirect:
            return self._answer(400, {"error": "invalid_request", "error_description":
                                      "The OAuth client was not found."})  # fmt: skip
        if query.get("response_type") != "code" or "calendar" not in query.get("scope", ""):
            return self._answer(400, {"error": "invalid_request"})
        if query.get("code_challenge_method") != "S256" or not query.get("code_challenge"):
            return self._answer(400, {"error": "invalid_request", "error_description":
                                      "code_challenge_method must be S256"})  # fmt: skip
        state = {"state": query["state"]} if "state" in query else {}
        with server.lock:
            if server.refuse or server.consenting is None:
                target = f"{redirect}?{urlencode({'error': 'access_denied', **state})}"
            else:
                code = "4/" + secrets.token_urlsafe(24)
                server.codes[code] = {
                    "email": server.consenting, "redirect_uri": redirect,
                    "challenge": query["code_challenge"], "scope": query["scope"],
                    "offline": query.get("access_type", ""),
                }  # fmt: skip
                target = f"{redirect}?{urlencode({'code': code, 'scope': query['scope'], **state})}"
        self._answer(302, None, {"Location": target})
        return None

    def _token(self, form: dict[str, str]) -> None:
        server = self.server
        if (
            form.get("client_id") != server.client_id
            or form.get("client_secret") != server.client_secret
        ):
            return self._answer(
                401, {"error": "invalid_client", "error_description": "Unauthorized"}
            )
        with server.lock:
            if form.get("grant_type") == "authorization_code":
                asked = server.codes.pop(form.get("code", ""), None)
                verifier = form.get("code_verifier", "").encode()
                challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier).digest()).rstrip(b"=")
                if (asked is None or asked["redirect_uri"] != form.get("redirect_uri")
                        or challenge.decode() != asked["challenge"]):  # fmt: skip
                    return self._answer(400, {"error": "invalid_grant",
                                              "error_description": "Bad Request"})  # fmt: skip
                token = server._refresh_token(asked["email"])
                answer = self._access(server.grants[token])
                if asked["offline"] == "offline":
                    answer["refresh_token"] = token
                answer["scope"] = asked["scope"]
                return self._answer(200, answer)
            if form.get("grant_type") == "refresh_token":
                grant = server.grants.get(form.get("refresh_token", ""))
                if grant is None or grant.revoked:
                    return self._answer(400, {"error": "invalid_grant", "error_description":
                                              "Token has been expired or revoked."})  # fmt: skip
                return self._answer(200, self._access(grant))
        self._answer(400, {"error": "unsupported_grant_type"})
        return None

    def _access(self, grant: Grant) -> dict[str, Any]:
        token = "ya29." + secrets.token_urlsafe(24)
        self.server.access[token] = (grant, _now() + dt.timedelta(seconds=ACCESS_SECONDS))
        return {"access_token": token, "expires_in": ACCESS_SECONDS - 1, "token_type": "Bearer",
                "scope": "https://www.googleapis.com/auth/calendar"}  # fmt: skip

    def _revoke(self, token: str) -> None:
        server = self.server
        with server.lock:
            grant = server.grants.get(token) or server.access.get(token, (None, None))[0]
            if grant is None or grant.revoked:
                return self._answer(400, {"error": "invalid_token", "error_description":
                                          "Token expired or revoked"})  # fmt: skip
            grant.revoked = True
        self._answer(200, {})
        return None

    # --- the Calendar API -----------------------------------------------------------------------

    def _batch(self, raw: bytes) -> None:
        """A batch request (developers.google.com/calendar/api/guides/batch): a multipart/mixed
        body of `application/http` parts, each a whole request with the path alone; the outer
        request's headers apply to each part but where the part has its own; at most 1,000
        parts; each counts as a call of its own. The answer is multipart/mixed too, a part per
        request in the same order, each a whole HTTP answer whose Content-ID is the request's
        with `response-` before it."""
        outer = email.message_from_bytes(
            f"Content-Type: {self.headers.get('Content-Type', '')}\r\n\r\n".encode() + raw,
            policy=email.policy.HTTP,
        )
        parts = list(outer.iter_parts()) if outer.is_multipart() else []
        if not parts or len(parts) > BATCH_MOST:
            return self._answer(400, _error(400, "badRequest", "Invalid batch request."))
        with self.server.lock:
            self.server.calls["POST batch"] += 1
            if self.server.failing_batches > 0:
                self.server.failing_batches -= 1
                return self._answer(503, _error(503, "backendError", "Backend Error"))
        boundary = "batch_" + secrets.token_hex(12)
        answers = []
        for part in parts:
            head, _, body = bytes(part.get_payload(decode=True) or b"").partition(b"\r\n\r\n")
            if not body and b"\n\n" in head:
                head, _, body = head.partition(b"\n\n")
            request_line, _, header_lines = head.decode().partition("\n")
            method, target, _ = request_line.strip().split(" ", 2)
            headers = email.message_from_string(header_lines.strip() + "\n\n")
            for name, value in self.headers.items():  # the outer request's, but Content-*
                if not name.lower().startswith("content-") and name not in headers:
                    headers[name] = value
            inner = urlsplit(target)
            try:
                if not inner.path.startswith(API + "/"):
                    raise ApiError(404, "notFound", "Not Found")
                status, answer = self._api(
                    method, inner.path[len(API) :],
                    {k: v[-1] for k, v in parse_qs(inner.query).items()},
                    json.loads(body) if body.strip() else {}, headers,
                )  # fmt: skip
            except ApiError as failed:
                status, answer = failed.status, failed.body
            except (ValueError, KeyError, TypeError) as bad:
                status, answer = 400, _error(400, "badRequest", f"Bad Request: {bad}")
            text = "" if answer is None else json.dumps(answer)
            etag = (
                f"ETag: {answer['etag']}\r\n"
                if isinstance(answer, dict) and "etag" in answer
                else ""
            )
            content_id = str(part.get("Content-ID", "")).strip().strip("<>")
            answers.append(
                f"--{boundary}\r\nContent-Type: application/http\r\n"
                f"Content-ID: <response-{content_id}>\r\n\r\n"
                f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\n"
                f"Content-Type: application/json; charset=UTF-8\r\n{etag}"
                f"Content-Length: {len(text.encode())}\r\n\r\n{text}\r\n"
            )
        data = ("".join(answers) + f"--{boundary}--\r\n").encode()
        self.send_response(200)
        self.send_header("Content-Type", f"multipart/mixed; boundary={boundary}")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        return None

    def _api(self, method: str, path: str, query: dict[str, str], body: dict[str, Any],
             headers: Any) -> tuple[int, Any]:  # fmt: skip
        server = self.server
        with server.lock:
            bearer = (headers.get("Authorization") or "").removeprefix("Bearer ")
            granted = server.access.get(bearer)
            if granted is None or granted[0].revoked or granted[1] < _now():
                raise ApiError(401, "authError", "Invalid Credentials")
            account = server.accounts[granted[0].email]
            segments = [unquote(s) for s in path.strip("/").split("/")]
            kind = _kind(method, segments)
            server.calls[kind] += 1
            if server.limits:
                status = server.limits.pop(0)
                domain = "usageLimits"
                raise ApiError(status, "rateLimitExceeded", "Rate Limit Exceeded", domain)
            if kind == "GET calendarList":
                items = list(account.calendars.values())
                return 200, {"kind": "calendar#calendarList", "etag": '"1"',
                             "nextSyncToken": "c1", "items": items}  # fmt: skip
            if kind == "POST channels/stop":
                channel = server.channels.get(str(body.get("id")))
                if channel is None or channel.resource_id != body.get("resourceId"):
                    raise ApiError(404, "notFound", "Channel not found")
                channel.stopped = True
                return 204, None
            if len(segments) < 3 or segments[0] != "calendars" or segments[2] != "events":
                raise ApiError(404, "notFound", "Not Found")
            calendar_id = segments[1]
            if calendar_id == "primary":
                calendar_id = account.email
            if calendar_id not in account.events:
                raise ApiError(404, "notFound", "Not Found")
            if method in {"POST", "PATCH", "PUT", "DELETE"} and kind != "POST events/watch":
                server.send_updates.append(query.get("sendUpdates"))
            if_match = headers.get("If-Match")
            match kind, segments[3:]:
                case "GET events", []:
                    return 200, server._listing(account, calendar_id, query)
                case "POST events/watch", _:
                    return 200, server._watch(account, calendar_id, body)
                case "POST events", []:
                    return 200, _public(server._insert(account, calendar_id, body))
                case "GET event", [event_id]:
                    found = account.events[calendar_id].get(event_id)
                    found = found or server._instance(account, calendar_id, event_id)
                    if found is None:
                        raise ApiError(404, "notFound", "Not Found")
                    if if_match is None and headers.get("If-None-Match") == found.get("etag"):
                        return 304, None
                    return 200, _public(found)
                case "PATCH event" | "PUT event", [event_id]:
                    changed = server._patch(account, calendar_id, event_id, body,
                                            replace=method == "PUT", if_match=if_match)  # fmt: skip
                    return 200, _public(changed)
                case "DELETE event", [event_id]:
                    server._delete(account, calendar_id, event_id, if_match)
                    return 204, None
            raise ApiError(404, "notFound", "Not Found")


def _kind(method: str, segments: list[str]) -> str:
    if segments[:3] == ["users", "me", "calendarList"]:
        return f"{method} calendarList"
    if segments == ["channels", "stop"]:
        return f"{method} channels/stop"
    if segments[-1:] == ["watch"]:
        return f"{method} events/watch"
    return f"{method} {'events' if segments[-1:] == ['events'] else 'event'}"


def _public(event: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in event.items() if not k.startswith("_")}


@contextmanager
def google_standin() -> Iterator[GoogleStandIn]:
    server = GoogleStandIn()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
