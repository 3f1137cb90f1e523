"""The one HTTP client for requests to addresses people chose (docs/adr/0023).

`Outbound.fetch` resolves the URL's host once, refuses it if any address it resolved to is
not on the public Internet (`guard.address_refusal`), and connects to an address it checked:
the request goes to that IP address, with the name kept in the Host header, in TLS's SNI and
in the certificate's verification, so a second resolution (DNS rebinding) never happens. It
follows at most `max_redirects` redirects itself, checking each target the same way and
sending no credentials (Authorization, cookies) to another origin; it reads at most
`max_bytes` of the answer, and unpacks a compressed one to at most as much
(`content_coding`), and gives up after `timeout_seconds` for the whole exchange,
redirects included. `Outbound.check_url` is the same check without the request, for refusing
a URL when it is added. `TELEVENT_OUTBOUND_ALLOW_PRIVATE=1` (`allow_private`) lets private
addresses through, over plain http:// too (test stand-ins, a LAN server).
"""

from __future__ import annotations

import asyncio
import base64
import socket
import ssl
from collections.abc import Awaitable, Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache, partial

import httpx

from televent.adapters.outbound.content_coding import CodingError, TooLargeError, decoded
from televent.adapters.outbound.guard import (
    WEB_SCHEMES,
    IPAddress,
    OutboundError,
    Target,
    address_refusal,
    parse_address,
    parse_target,
    private_refusal,
    scheme_refusal,
)

Resolver = Callable[[str, int], Awaitable[Sequence[str]]]
"""Resolves a host name and port to IP addresses (as text): `system_resolver` in production,
a table in tests."""

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CREDENTIALS = ("authorization", "proxy-authorization", "cookie")
_BODY_HEADERS = ("content-type", "content-length", "content-encoding", "transfer-encoding")


# Names people chose are looked up on threads of their own: a lookup whose name servers never
# answer holds its thread until the system's resolver gives up (a time limit stops the
# waiting, not the thread), and on the event loop's shared threads dozens of them starved
# everything else that uses those (the Telegram bot's own lookups among them).
_LOOKUPS = ThreadPoolExecutor(max_workers=16, thread_name_prefix="outbound-dns")
# The names people type when they add an address (`check_url`) are looked up on threads of
# their own again: anyone can type names whose name servers never answer, as fast as the API
# lets them, and on the rounds' threads that held up every feed, push and webhook request.
_CHECKS = ThreadPoolExecutor(max_workers=8, thread_name_prefix="outbound-dns-check")


async def _looked_up(pool: ThreadPoolExecutor, host: str, port: int) -> list[str]:
    infos = await asyncio.get_running_loop().run_in_executor(
        pool, partial(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
    )
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


async def system_resolver(host: str, port: int) -> list[str]:
    """The addresses the system's resolver gives for `host`, in its order, each once."""
    return await _looked_up(_LOOKUPS, host, port)


async def checking_resolver(host: str, port: int) -> list[str]:
    """`system_resolver` for the names people type when they add an address, on threads the
    requests of the rounds never wait for."""
    return await _looked_up(_CHECKS, host, port)


@cache
def _default_ssl_context() -> ssl.SSLContext:
    return httpx.create_ssl_context()


@dataclass(frozen=True)
class Answer:
    """What the server answered: a 304 stays a 304, a 4xx or 5xx is returned too (the caller
    decides what it means); `url` is where the last redirect led."""

    status: int
    headers: httpx.Headers
    body: bytes
    url: str

    @property
    def etag(self) -> str | None:
        """The ETag to send back as If-None-Match next time."""
        value = self.headers.get("etag")
        return None if value is None else str(value)

    @property
    def last_modified(self) -> str | None:
        """The Last-Modified to send back as If-Modified-Since next time."""
        value = self.headers.get("last-modified")
        return None if value is None else str(value)


@dataclass(frozen=True)
class _Redirect:
    status: int
    location: str


@dataclass(frozen=True)
class Outbound:
    """The guard every request to an address a person chose goes through, built once from
    the settings (`allow_private` is `TELEVENT_OUTBOUND_ALLOW_PRIVATE`).

    Args:
        allow_private: connect to loopback, private and link-local addresses too, and accept
            plain http:// for them whatever scheme the caller asks for.
        max_bytes: the largest answer read (its body after any decoding).
        timeout_seconds: the whole exchange (resolution, redirects, body) ends by then.
        max_redirects: redirects followed; one more is refused.
        resolver: host name to addresses.
        refusal: why an address must not be reached, or None (`guard.address_refusal`; tests
            hand in one that lets their loopback server pass as if it were public).
        ssl_context: certificates trusted (the system's and certifi's by default).
        user_agent: the User-Agent sent.
    """

    allow_private: bool = False
    max_bytes: int = 10_000_000
    timeout_seconds: float = 30.0
    max_redirects: int = 5
    resolver: Resolver = system_resolver
    refusal: Callable[[IPAddress], str | None] = address_refusal
    ssl_context: ssl.SSLContext | None = None
    user_agent: str = "Televent"

    async def check_url(self, url: str, *, schemes: frozenset[str] = WEB_SCHEMES) -> None:
        """Refuse `url` as a target now (when a person adds it), as a request would be.

        Raises:
            OutboundError: with the reason (`scheme`, `not-a-url`, `private-address`, `connect`
                when its host does not resolve, `timeout`).
        """
        parsed = _parse(url)
        target = _target(parsed)
        resolver = checking_resolver if self.resolver is system_resolver else self.resolver
        try:
            async with asyncio.timeout(self.timeout_seconds):
                await self._checked(target, parsed.host, schemes, resolver)
        except TimeoutError:
            raise self._timed_out(parsed.host) from None

    async def fetch(
        self,
        url: str,
        *,
        method: str = "GET",
        headers: Mapping[str, str] | None = None,
        content: bytes | None = None,
        schemes: frozenset[str] = WEB_SCHEMES,
        if_none_match: str | None = None,
        if_modified_since: str | None = None,
    ) -> Answer:
        """Send the request and read the answer, within the guard's limits.

        `if_none_match` / `if_modified_since` make it a conditional request (an unchanged
        resource answers 304, returned as such). Credentials in `headers` (Authorization,
        Cookie) or in the URL's user information go to the URL's origin only.

        Raises:
            OutboundError: with the reason (`scheme`, `not-a-url`, `private-address`,
                `redirects`, `too-large`, `timeout`, `connect`).
        """
        parsed = _parse(url)
        sent = httpx.Headers({"User-Agent": self.user_agent, "Accept-Encoding": "identity"})
        sent.update(headers or {})
        if parsed.userinfo:
            sent["Authorization"] = basic_authorization(parsed.username, parsed.password)
            parsed = parsed.copy_with(username=None, password=None)
        if if_none_match:
            sent["If-None-Match"] = if_none_match
        if if_modified_since:
            sent["If-Modified-Since"] = if_modified_since
        try:
            async with asyncio.timeout(self.timeout_seconds):
                return await self._follow(method.upper(), parsed, sent, content, schemes)
        except TimeoutError:
            raise self._timed_out(parsed.host) from None

    async def _follow(
        self,
        method: str,
        url: httpx.URL,
        headers: httpx.Headers,
        content: bytes | None,
        schemes: frozenset[str],
    ) -> Answer:
        for hop in range(self.max_redirects + 1):
            target = _target(url)
            addresses = await self._checked(target, url.host, schemes)
            outcome = await self._exchange(
                method, url, target=target, addresses=addresses, headers=headers, content=content
            )
            if isinstance(outcome, Answer):
                return outcome
            if hop == self.max_redirects:
                break
            following = _redirected(url, outcome.location)
            if _origin(following) != _origin(url):
                for name in _CREDENTIALS:
                    headers.pop(name, None)
            if (outcome.status == 303 and method != "HEAD") or (
                outcome.status in (301, 302) and method == "POST"
            ):
                method, content = "GET", None
                for name in _BODY_HEADERS:
                    headers.pop(name, None)
            url = following
        raise OutboundError(
            f"{url.host} redirected more than {self.max_redirects} times.", "redirects"
        ).worded("refusal-outbound-redirects", host=url.host, limit=self.max_redirects)

    async def _checked(
        self, target: Target, host: str, schemes: frozenset[str], resolver: Resolver | None = None
    ) -> list[IPAddress]:
        """The addresses `target` resolves to (by `resolver`, else the guard's), once, every one
        of them allowed."""
        refused_scheme = scheme_refusal(target, schemes)
        if refused_scheme is not None and not (self.allow_private and target.scheme == "http"):
            raise refused_scheme
        literal = parse_address(target.host.strip("[]"))
        if literal is not None:
            addresses = [literal]
        else:
            try:
                names = await (resolver or self.resolver)(target.host, target.port)
            except OSError as exc:
                raise self._unreachable(host, f"its name does not resolve ({exc})") from None
            addresses = [a for a in (parse_address(n) for n in names) if a is not None]
            if not addresses:
                raise self._unreachable(host, "its name resolves to no address")
        kinds = [(address, self.refusal(address)) for address in addresses]
        if not self.allow_private:
            for address, kind in kinds:
                if kind is not None:
                    raise private_refusal(host, address, kind)
        elif refused_scheme is not None and any(kind is None for _, kind in kinds):
            raise refused_scheme  # plain http:// is let through to private addresses only
        return addresses

    async def _exchange(
        self,
        method: str,
        url: httpx.URL,
        *,
        target: Target,
        addresses: list[IPAddress],
        headers: httpx.Headers,
        content: bytes | None,
    ) -> Answer | _Redirect:
        """One request, to the first of the checked addresses that takes the connection."""
        sent = httpx.Headers(headers)
        sent["Host"] = url.netloc.decode("ascii")
        failure = ""
        for address in addresses:
            request = httpx.Request(
                method,
                url.copy_with(host=str(address)),
                headers=sent,
                content=content,
                extensions={
                    "sni_hostname": target.host,
                    "timeout": httpx.Timeout(self.timeout_seconds).as_dict(),
                },
            )
            transport = httpx.AsyncHTTPTransport(
                verify=self.ssl_context or _default_ssl_context(), trust_env=False, retries=0
            )
            async with transport:
                try:
                    response = await transport.handle_async_request(request)
                except httpx.ConnectError as exc:
                    failure = str(exc) or type(exc).__name__
                    continue  # the next address
                except httpx.TimeoutException:
                    raise self._timed_out(url.host) from None
                except httpx.TransportError as exc:
                    raise self._unreachable(url.host, str(exc) or type(exc).__name__) from None
                try:
                    return await self._answer(url, response, head=method == "HEAD")
                finally:
                    await response.aclose()
        raise self._unreachable(url.host, failure or "no address to connect to")

    async def _answer(
        self, url: httpx.URL, response: httpx.Response, *, head: bool
    ) -> Answer | _Redirect:
        location = response.headers.get("location")
        if response.status_code in _REDIRECTS and location:
            return _Redirect(response.status_code, location)
        declared = response.headers.get("content-length", "")
        if not head and declared.isdigit() and int(declared) > self.max_bytes:
            raise self._too_large(url.host)
        chunks: list[bytes] = []
        size = 0
        try:
            async for chunk in response.aiter_raw():  # as sent: unpacked below, bounded
                size += len(chunk)
                if size > self.max_bytes:
                    raise self._too_large(url.host)
                chunks.append(chunk)
        except httpx.TimeoutException:
            raise self._timed_out(url.host) from None
        except httpx.TransportError as exc:
            raise self._unreachable(url.host, str(exc) or type(exc).__name__) from None
        try:
            body = decoded(
                b"".join(chunks), response.headers.get("content-encoding"), self.max_bytes
            )
        except TooLargeError:
            raise self._too_large(url.host) from None
        except CodingError as exc:
            raise self._unreachable(url.host, str(exc)) from None
        return Answer(response.status_code, response.headers, body, str(url))

    def _too_large(self, host: str) -> OutboundError:
        return OutboundError(
            f"The answer from {host} is larger than {self.max_bytes} bytes.", "too-large"
        ).worded("refusal-outbound-too-large", host=host, megabytes=self.max_bytes / 1_000_000)

    def _timed_out(self, host: str) -> OutboundError:
        seconds = self.timeout_seconds
        return OutboundError(
            f"{host} did not answer within {seconds:g} seconds.", "timeout"
        ).worded("refusal-outbound-timeout", host=host, seconds=seconds)

    @staticmethod
    def _unreachable(host: str, why: str) -> OutboundError:
        return OutboundError(f"Could not connect to {host}: {why}.", "connect").worded(
            "refusal-outbound-connect", host=host
        )


def _parse(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError):
        parsed = None
    if parsed is not None and parsed.scheme and parsed.scheme not in WEB_SCHEMES:
        parse_target(parsed.scheme, "", None, url)  # refuses it, naming the scheme
    if parsed is None or not parsed.is_absolute_url:
        raise OutboundError(f"{url!r} is not a web address.", "not-a-url").worded(
            "refusal-outbound-not-a-url", url=url
        )
    return parsed.copy_with(fragment=None)


def _target(url: httpx.URL) -> Target:
    return parse_target(url.scheme, url.raw_host.decode("ascii"), url.port, str(url))


def basic_authorization(username: str, password: str) -> str:
    """The Authorization header's value of HTTP Basic (RFC 7617) for these credentials."""
    token = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
    return f"Basic {token}"


def _origin(url: httpx.URL) -> tuple[str, bytes, int | None]:
    return url.scheme, url.raw_host, url.port


def _redirected(url: httpx.URL, location: str) -> httpx.URL:
    """Where a redirect leads (relative to `url`), without user information or fragment."""
    try:
        following = url.join(location)
    except httpx.InvalidURL:
        raise OutboundError(
            f"{url.host} redirected to {location!r}, which is not a web address.", "not-a-url"
        ).worded("refusal-outbound-not-a-url", url=location) from None
    return following.copy_with(username=None, password=None, fragment=None)
