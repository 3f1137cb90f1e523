"""Televent as a CalDAV client of another server (docs/adr/0026), every request through the
outbound guard (adapters/outbound, ADR 0023).

- `discover`: from what a person typed (domain/connections.where_to_look) to the account's
  principal (RFC 5397 `current-user-principal`), its calendar home (RFC 4791 §6.2.1) and the
  calendars in it that may hold events.
- `changes`: what changed in a calendar since a sync token (RFC 6578 `sync-collection`); a
  server without it, or one that no longer knows the token, is listed by ETag instead and the
  difference taken against what was known; a change whose ETag is the one already known
  (Televent's own write-back, listed back) is left out. Changed resources come with their
  data (`calendar-multiget`, RFC 4791 §7.9), in batches: a batch whose answer is larger than
  the guard lets in is asked again in halves, down to one resource, and one too large alone
  is left unread (named in `Changes.unread`). A resource the server could not give for now
  (its response a 500, no data, no answer) is left unread too, and the sync token is not
  moved past it: the next sync asks for it again. One it refuses for good (a 4xx: 403, or a
  404 for its data alone) is named and passed, as one too large is: asked for again at every
  sync, it would hold the token back until the server forgot it. A new one of either is kept
  as known under the ETag listed for it (`Changes.passed`), so that a listing by ETag too
  asks for it again only once it changes (one known already keeps the ETag of the version
  held, which a write-back's `If-Match` names). One gone meanwhile (a 404 with nothing else)
  is removed.
- `put` and `delete`: a change written back only if the resource is still the version last
  seen (`If-Match`; a new one with `If-None-Match: *`); otherwise `RemoteChangedError`.
  `write_all` sends a round's changes one request each (CalDAV has no batch of writes), each
  with its own outcome.

The other server's answers are as hostile as any request: XML is read with defusedxml, an
answer that is not what the protocol says raises `CalDavError`, never anything else.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote, unquote, urljoin, urlsplit, urlunsplit
from xml.etree.ElementTree import Element
from xml.sax.saxutils import escape

import defusedxml.ElementTree as SafeXml
from defusedxml import DefusedXmlException

from televent.adapters.outbound import Answer, Outbound, OutboundError, basic_authorization
from televent.domain.connections import where_to_look
from televent.domain.errors import DomainError

DAV = "DAV:"
CALDAV = "urn:ietf:params:xml:ns:caldav"
CS = "http://calendarserver.org/ns/"
APPLE = "http://apple.com/ns/ical/"
MULTIGET_BATCH = 100  # resources fetched per calendar-multiget
# What one sync reads at most, held in memory until it is stored: a server that lists a
# hundred thousand resources, or answers each multiget with megabytes, is refused, not read
MAX_SYNC_RESOURCES = 100_000
MAX_SYNC_BYTES = 200_000_000
_XML = {"Content-Type": "application/xml; charset=utf-8"}


class CalDavError(DomainError):
    """The other server refused or answered what the protocol does not allow; `reason`:
    `unauthorized` (401: the user name or password), `forbidden` (403), `not-found`,
    `not-caldav` (no calendar account there), `bad-answer` (not WebDAV's XML), `status`
    (another HTTP status)."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class RemoteChangedError(CalDavError):
    """The resource is no longer the version a write-back was made against (412)."""

    def __init__(self, url: str) -> None:
        super().__init__(f"{url} changed on the server since it was last read.", "changed")
        self.url = url


@dataclass(frozen=True)
class Credentials:
    """A user name and an (application) password; the password is never shown in a repr."""

    username: str
    password: str = dataclasses.field(repr=False)

    def header(self) -> str:
        return basic_authorization(self.username, self.password)


@dataclass(frozen=True)
class RemoteCalendar:
    """A calendar collection of the other server."""

    url: str
    name: str
    color: str | None
    ctag: str | None
    sync_token: str | None
    writable: bool  # the server grants DAV:write-content (or says nothing of privileges)


@dataclass(frozen=True)
class RemoteAccount:
    principal_url: str
    home_url: str
    calendars: list[RemoteCalendar]


@dataclass(frozen=True)
class Resource:
    """One calendar object resource: its URL, ETag and (when fetched) its iCalendar text."""

    url: str
    etag: str | None
    data: str | None = None


@dataclass(frozen=True)
class Changes:
    """What changed in a calendar: `changed` with their data, `removed` URLs, and the token to
    ask from next time (None when the server has no sync-collection). `listed` is True when
    they were found by listing every ETag (no usable token). `unread`: the changed resources
    that could not be read, (URL, why: `too-large`, or `status 500`, `no-data`, ...); only
    one unread for good (`too-large`, a 4xx status) lets the token move past it. `passed`:
    those unread for good, URL → the ETag listed for them, to be kept as known, so that a
    listing asks for them again only once they change."""

    changed: list[Resource]
    removed: list[str]
    token: str | None
    listed: bool
    unread: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    passed: dict[str, str] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class Write:
    """One change to write back: `data` stored at `url` (None: the resource deleted), only if
    it is still version `etag` (without one, a `new` resource only if nothing is there)."""

    url: str
    data: str | None
    etag: str | None
    new: bool = False


# How one write went: the resource's new ETag (None: the server gave none, or it was deleted),
# or why it was not written (RemoteChangedError: it changed there meanwhile).
WriteOutcome = str | None | CalDavError | OutboundError


TOO_LARGE = "too-large"  # why a resource was left unread: larger than an answer may be


def _for_good(why: str) -> bool:
    """Whether a resource left unread for this reason would be left so at every sync (too
    large, or refused with a 4xx status): the sync token then moves past it."""
    return why == TOO_LARGE or why.startswith("status 4")


@dataclass(frozen=True)
class _Response:
    href: str
    status: int | None  # the response's own status (a removed member in a sync report: 404)
    props: dict[str, Element]  # the properties found (propstat 200), by Clark name
    refused: int | None = None  # the status of a propstat other than 200, if any


def _tag(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"


def _status_code(text: str | None) -> int | None:
    parts = (text or "").split()
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None


def parse_multistatus(body: bytes) -> tuple[list[_Response], str | None]:
    """The responses of a 207 multistatus and its sync token (RFC 6578), if any.

    Raises:
        CalDavError: `bad-answer`, when the body is not a DAV:multistatus (or is hostile XML).
    """
    try:
        root = SafeXml.fromstring(body)
    except (SafeXml.ParseError, DefusedXmlException, ValueError) as exc:
        raise CalDavError(f"The answer is not XML: {exc}", "bad-answer") from None
    if root.tag != _tag(DAV, "multistatus"):
        raise CalDavError(f"The answer is {root.tag}, not a multistatus.", "bad-answer")
    found: list[_Response] = []
    for response in root.findall(_tag(DAV, "response")):
        href = (response.findtext(_tag(DAV, "href")) or "").strip()
        if not href:
            continue
        props: dict[str, Element] = {}
        refused = None
        for propstat in response.findall(_tag(DAV, "propstat")):
            code = _status_code(propstat.findtext(_tag(DAV, "status")))
            if code != 200:
                refused = refused or code
                continue
            prop = propstat.find(_tag(DAV, "prop"))
            for element in [] if prop is None else list(prop):
                props[element.tag] = element
        status = _status_code(response.findtext(_tag(DAV, "status")))
        found.append(_Response(href, status, props, refused))
    token = root.findtext(_tag(DAV, "sync-token"))
    return found, (token.strip() or None) if token is not None else None


def _href_in(element: Element | None) -> str | None:
    if element is None:
        return None
    href = element.findtext(_tag(DAV, "href"))
    return href.strip() if href and href.strip() else None


def _text(element: Element | None) -> str | None:
    if element is None or element.text is None:
        return None
    return element.text.strip() or None


def resolved(base: str, href: str) -> str:
    """The absolute URL of an href, written one way whatever the server escaped (`%40` and `@`
    name one resource), so that URLs from different answers compare equal."""
    parts = urlsplit(urljoin(base, href))
    path = quote(unquote(parts.path), safe="/:@!$&'()*+,;=-._~")
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))


def _same_path(a: str, b: str) -> bool:
    return _path(a) == _path(b)


def _passed(wanted: Sequence[Resource], unread: Sequence[tuple[str, str]]) -> dict[str, str]:
    """The resources left unread for good, URL (as listed) → the ETag listed for them."""
    listed = {_path(r.url): r for r in wanted}
    passed: dict[str, str] = {}
    for url, why in unread:
        resource = listed.get(_path(url))
        if _for_good(why) and resource is not None and resource.etag is not None:
            passed[resource.url] = resource.etag
    return passed


def _path(url: str) -> str:
    return unquote(urlsplit(url).path).rstrip("/")


class CalDavClient:
    """One account's requests to its server, as the person whose credentials it holds."""

    def __init__(
        self,
        outbound: Outbound,
        credentials: Credentials,
        *,
        max_resources: int = MAX_SYNC_RESOURCES,
        max_bytes: int = MAX_SYNC_BYTES,
    ) -> None:
        self.outbound = outbound
        self.credentials = credentials
        self.max_resources = max_resources
        self.max_bytes = max_bytes

    # --- discovery -----------------------------------------------------------------------------

    async def discover(self, typed: str) -> RemoteAccount:
        """The account behind what the person typed: its principal, home and calendars.

        Raises:
            DomainError: not a server's address (domain/connections).
            OutboundError: the guard refused the address, or it could not be reached.
            CalDavError: `unauthorized`, or `not-caldav` when no candidate has a principal.
        """
        body = (
            b'<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:">'
            b"<d:prop><d:current-user-principal/><d:resourcetype/></d:prop></d:propfind>"
        )
        principal = None
        for url in where_to_look(typed):
            try:
                answer, responses = await self._propfind(url, body, depth="0")
            except CalDavError as exc:
                if exc.reason == "unauthorized":
                    raise
                continue
            principal = next(
                (
                    urljoin(answer.url, href)
                    for r in responses
                    if (href := _href_in(r.props.get(_tag(DAV, "current-user-principal"))))
                ),
                None,
            )
            if principal is not None:
                break
        if principal is None:
            raise CalDavError(f"No CalDAV account answers at {typed}.", "not-caldav").worded(
                "refusal-connections-not-caldav"
            )
        home = await self._home(principal)
        return RemoteAccount(principal, home, await self.calendars(home))

    async def _home(self, principal: str) -> str:
        body = (
            b'<?xml version="1.0" encoding="utf-8"?>'
            b'<d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">'
            b"<d:prop><c:calendar-home-set/></d:prop></d:propfind>"
        )
        answer, responses = await self._propfind(principal, body, depth="0")
        for response in responses:
            href = _href_in(response.props.get(_tag(CALDAV, "calendar-home-set")))
            if href:
                return urljoin(answer.url, href)
        raise CalDavError(f"The account at {principal} has no calendar home.", "not-caldav").worded(
            "refusal-connections-not-caldav"
        )

    async def calendars(self, home_url: str) -> list[RemoteCalendar]:
        """The collections in the home that are calendars and may hold events."""
        body = (
            b'<?xml version="1.0" encoding="utf-8"?>'
            b'<d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav" '
            b'xmlns:cs="http://calendarserver.org/ns/" xmlns:i="http://apple.com/ns/ical/">'
            b"<d:prop><d:resourcetype/><d:displayname/><cs:getctag/><d:sync-token/>"
            b"<c:supported-calendar-component-set/><i:calendar-color/>"
            b"<d:current-user-privilege-set/></d:prop></d:propfind>"
        )
        answer, responses = await self._propfind(home_url, body, depth="1")
        found = []
        for response in responses:
            kind = response.props.get(_tag(DAV, "resourcetype"))
            if kind is None or kind.find(_tag(CALDAV, "calendar")) is None:
                continue
            components = response.props.get(_tag(CALDAV, "supported-calendar-component-set"))
            if (
                components is not None
                and list(components)
                and not any(c.get("name", "").upper() == "VEVENT" for c in components)
            ):
                continue  # a task list or a journal
            url = resolved(answer.url, response.href)
            found.append(
                RemoteCalendar(
                    url=url,
                    name=_text(response.props.get(_tag(DAV, "displayname")))
                    or unquote(urlsplit(url).path.rstrip("/").rpartition("/")[2]),
                    color=_text(response.props.get(_tag(APPLE, "calendar-color"))),
                    ctag=_text(response.props.get(_tag(CS, "getctag"))),
                    sync_token=_text(response.props.get(_tag(DAV, "sync-token"))),
                    writable=_writable(response.props.get(_tag(DAV, "current-user-privilege-set"))),
                )
            )
        return found

    # --- reading changes -----------------------------------------------------------------------

    async def changes(
        self, calendar_url: str, token: str | None, known: Mapping[str, str | None]
    ) -> Changes:
        """What changed since `token` (None: everything there is), with the changed resources'
        data. `known` (resource URL → ETag) is what was stored before: used when the server
        cannot answer by token, to tell changed, new and removed resources apart, and to leave
        out a change listed with the ETag known already (Televent's own write-back, which a
        change made here since must not be overwritten with). When a changed resource could
        not be read but for being too large, the token returned is `token`: the next sync asks
        for it again."""
        report = (
            '<?xml version="1.0" encoding="utf-8"?><d:sync-collection xmlns:d="DAV:">'
            f"<d:sync-token>{escape(token or '')}</d:sync-token><d:sync-level>1</d:sync-level>"
            "<d:prop><d:getetag/></d:prop></d:sync-collection>"
        ).encode()
        answer = await self._request("REPORT", calendar_url, report, depth="0")
        if answer.status == 207:
            responses, next_token = parse_multistatus(answer.body)
            changed, removed = [], []
            for response in responses:
                url = resolved(answer.url, response.href)
                if _same_path(url, calendar_url):
                    continue
                if response.status == 404:
                    removed.append(url)
                elif _tag(DAV, "getetag") in response.props:
                    etag = _text(response.props[_tag(DAV, "getetag")])
                    if etag is not None and known.get(url) == etag:
                        continue  # the version stored already (Televent's own write-back)
                    changed.append(Resource(url, etag))
            fetched, gone, unread = await self._fetch(calendar_url, changed)
            if any(not _for_good(why) for _, why in unread):
                next_token = token  # asked again from where this sync began
            return Changes(
                fetched, removed + gone, next_token, listed=False, unread=unread,
                passed=_passed(changed, unread),
            )  # fmt: skip
        if answer.status in (400, 403, 404, 409, 412, 415, 501):
            return await self._listed(calendar_url, known)  # no sync-collection, or a lost token
        raise self._status(answer)

    async def _listed(self, calendar_url: str, known: Mapping[str, str | None]) -> Changes:
        body = (
            b'<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:">'
            b"<d:prop><d:getetag/><d:resourcetype/></d:prop></d:propfind>"
        )
        answer, responses = await self._propfind(calendar_url, body, depth="1")
        there: dict[str, str | None] = {}
        for response in responses:
            url = resolved(answer.url, response.href)
            if _same_path(url, calendar_url) or _tag(DAV, "getetag") not in response.props:
                continue
            there[url] = _text(response.props[_tag(DAV, "getetag")])
        changed = [Resource(url, etag) for url, etag in there.items() if known.get(url) != etag]
        removed = [url for url in known if url not in there]
        fetched, gone, unread = await self._fetch(calendar_url, changed)
        return Changes(
            fetched, removed + gone, None, listed=True, unread=unread,
            passed=_passed(changed, unread),
        )  # fmt: skip

    async def _fetch(
        self, calendar_url: str, wanted: list[Resource]
    ) -> tuple[list[Resource], list[str], list[tuple[str, str]]]:
        """The resources with their data, by calendar-multiget in batches: (those read, the
        URLs of those gone meanwhile, those that could not be read and why). A batch whose
        answer is larger than the guard lets in is asked again in halves; a resource too
        large alone is left unread (`too-large`), as is one the server answered with another
        status or without data."""
        if len(wanted) > self.max_resources:
            raise self._too_large(calendar_url)
        found: list[Resource] = []
        gone: list[str] = []
        unread: list[tuple[str, str]] = []
        read = 0
        batches = deque(
            wanted[start : start + MULTIGET_BATCH]
            for start in range(0, len(wanted), MULTIGET_BATCH)
        )
        while batches:
            batch = batches.popleft()
            try:
                answer = await self._multiget(calendar_url, batch)
            except OutboundError as exc:
                if exc.reason != "too-large":
                    raise
                if len(batch) == 1:
                    unread.append((batch[0].url, TOO_LARGE))
                else:  # the first half next, then the second
                    half = len(batch) // 2
                    batches.extendleft([batch[half:], batch[:half]])
                continue
            read += len(answer.body)
            if read > self.max_bytes:
                raise self._too_large(calendar_url)
            responses, _ = parse_multistatus(answer.body)
            asked = {_path(r.url): r.url for r in batch}
            for response in responses:
                url = resolved(answer.url, response.href)
                was_asked = asked.pop(_path(url), None) is not None
                data = _text(response.props.get(_tag(CALDAV, "calendar-data")))
                status = response.status or response.refused
                if data is not None:
                    etag = _text(response.props.get(_tag(DAV, "getetag")))
                    found.append(Resource(url, etag, data))
                elif not was_asked:
                    continue  # the calendar itself, or a server's mistake
                elif status in (404, 410) and not response.props:
                    gone.append(url)
                else:
                    unread.append((url, f"status {status}" if status else "no-data"))
            unread += [(url, "no-answer") for url in asked.values()]
        return found, gone, unread

    async def _multiget(self, calendar_url: str, batch: Sequence[Resource]) -> Answer:
        hrefs = "".join(f"<d:href>{escape(urlsplit(r.url).path)}</d:href>" for r in batch)
        body = (
            '<?xml version="1.0" encoding="utf-8"?>'
            '<c:calendar-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">'
            f"<d:prop><d:getetag/><c:calendar-data/></d:prop>{hrefs}</c:calendar-multiget>"
        ).encode()
        answer = await self._request("REPORT", calendar_url, body, depth="1")
        if answer.status != 207:
            raise self._status(answer)
        return answer

    # --- writing back --------------------------------------------------------------------------

    async def put(self, url: str, data: str, etag: str | None, *, new: bool = True) -> str | None:
        """Store `data` at `url` if it is still version `etag`; without an ETag, only if
        nothing is there yet (`new`), or whatever is there (a resource whose server never
        gave its ETag); returns the new ETag when the server gives one.

        Raises:
            RemoteChangedError: the resource changed (or appeared, or went) meanwhile.
        """
        headers = {"Content-Type": "text/calendar; charset=utf-8"}
        if etag is not None:
            headers["If-Match"] = etag
        elif new:
            headers["If-None-Match"] = "*"
        answer = await self._request("PUT", url, data.encode(), headers=headers)
        if answer.status == 412:
            raise RemoteChangedError(url)
        if answer.status not in (200, 201, 204):
            raise self._status(answer)
        return answer.etag

    async def delete(self, url: str, etag: str | None) -> None:
        """Delete `url` if it is still version `etag`; one already gone is no error.

        Raises:
            RemoteChangedError: the resource changed meanwhile.
        """
        headers = {} if etag is None else {"If-Match": etag}
        answer = await self._request("DELETE", url, None, headers=headers)
        if answer.status == 412:
            raise RemoteChangedError(url)
        if answer.status not in (200, 204, 404, 410):
            raise self._status(answer)

    async def write_all(self, writes: Sequence[Write]) -> list[WriteOutcome]:
        """Each write as its own request, in order; each outcome on its own (one refused
        never stops the others)."""
        outcomes: list[WriteOutcome] = []
        for write in writes:
            try:
                if write.data is None:
                    await self.delete(write.url, write.etag)
                    outcomes.append(None)
                else:
                    outcomes.append(
                        await self.put(write.url, write.data, write.etag, new=write.new)
                    )
            except (CalDavError, OutboundError) as exc:
                outcomes.append(exc)
        return outcomes

    async def get(self, url: str) -> Resource | None:
        """The resource as the server holds it now (None when it is gone).

        Raises:
            CalDavError: the server refused or answered something else.
        """
        answer = await self._request("GET", url, None)
        if answer.status in (404, 410):
            return None
        if answer.status != 200:
            raise self._status(answer)
        try:
            data = answer.body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CalDavError(f"{url} is not UTF-8 text.", "bad-answer") from exc
        return Resource(answer.url, answer.etag, data)

    # --- one request ---------------------------------------------------------------------------

    async def _propfind(
        self, url: str, body: bytes, *, depth: str
    ) -> tuple[Answer, list[_Response]]:
        answer = await self._request("PROPFIND", url, body, depth=depth)
        if answer.status != 207:
            raise self._status(answer)
        return answer, parse_multistatus(answer.body)[0]

    async def _request(
        self,
        method: str,
        url: str,
        body: bytes | None,
        *,
        depth: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Answer:
        """Send with the account's credentials. A redirect to another origin arrives there
        without them (the guard drops them); the request is then made again at the URL it
        ended at, which is where the account lives now, unless that would send them in the
        clear: a redirect from https:// to http:// never gets them."""
        sent = {**(_XML if body is not None and method != "PUT" else {}), **(headers or {})}
        sent["Authorization"] = self.credentials.header()
        if depth is not None:
            sent["Depth"] = depth
        answer = await self.outbound.fetch(url, method=method, headers=sent, content=body)
        if (
            answer.status == 401
            and _origin(answer.url) != _origin(url)
            and not _downgraded(url, answer.url)
        ):
            answer = await self.outbound.fetch(
                answer.url, method=method, headers=sent, content=body
            )
        if answer.status == 401:
            raise CalDavError(
                f"{_origin(url)} refused the user name or password.", "unauthorized"
            ).worded("refusal-connections-unauthorized", host=urlsplit(url).hostname or url)
        return answer

    def _too_large(self, calendar_url: str) -> CalDavError:
        host = urlsplit(calendar_url).hostname or calendar_url
        megabytes = self.max_bytes // 1_000_000
        return CalDavError(
            f"The calendar at {host} holds more than one sync reads ({self.max_resources} "
            f"resources or {megabytes} MB).",
            "too-large",
        ).worded(
            "refusal-connections-too-large",
            host=host,
            count=self.max_resources,
            megabytes=megabytes,
        )

    @staticmethod
    def _status(answer: Answer) -> CalDavError:
        host = urlsplit(answer.url).hostname or answer.url
        reason = {403: "forbidden", 404: "not-found"}.get(answer.status, "status")
        return CalDavError(f"{host} answered {answer.status} to a CalDAV request.", reason).worded(
            "refusal-connections-status", host=host, status=answer.status
        )


def _writable(privileges: Element | None) -> bool:
    if privileges is None or not list(privileges):
        return True  # the server does not say: try, and learn from its answer
    granted = {child.tag for p in privileges for child in p}
    return bool(granted & {_tag(DAV, "write"), _tag(DAV, "write-content"), _tag(DAV, "all")})


def _downgraded(asked: str, ended: str) -> bool:
    """Whether a redirect took an https:// request to plain http://."""
    return urlsplit(asked).scheme == "https" and urlsplit(ended).scheme != "https"


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
