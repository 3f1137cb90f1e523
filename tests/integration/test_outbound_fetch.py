"""Requests to addresses people chose, against real HTTP servers on loopback
(adapters/outbound/fetch.py, docs/adr/0023).

With the operator's switch off every loopback target is refused before a connection is made
(the servers count the connections they accept); with it on the same requests work, within
the limits of size, time and redirects. A test that needs its loopback server to stand for a
public one hands in an address rule that lets 127.0.0.1 pass and keeps the real rule for
every other address, and names resolved by a table: nothing leaves 127.0.0.0/8.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import socket
import ssl
import threading
import tracemalloc
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from televent.adapters.i18n import said
from televent.adapters.outbound import Outbound, OutboundError, address_refusal
from televent.adapters.outbound.fetch import system_resolver
from televent.adapters.outbound.guard import IPAddress
from tests.feedserver import serving

BODY = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"
ETAG = '"feed-v1"'
LAST_MODIFIED = "Tue, 01 Sep 2026 10:00:00 GMT"


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, host: str) -> None:
        self.connections = 0
        self.seen: list[dict[str, str]] = []  # the headers of each request, in order
        self.release = threading.Event()  # ends the slow answers at teardown
        super().__init__((host, 0), Handler)

    def verify_request(self, request: Any, client_address: Any) -> bool:
        self.connections += 1
        return True

    @property
    def port(self) -> int:
        return int(self.server_address[1])


class Handler(BaseHTTPRequestHandler):
    server: Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: bytes = b"", **headers: str) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self.server.seen.append({k.lower(): v for k, v in self.headers.items()})
        path = self.path
        if path == "/feed":
            if self.headers.get("If-None-Match") == ETAG:
                self._send(304, ETag=ETAG)
            else:
                self._send(200, BODY, ETag=ETAG, Last_Modified=LAST_MODIFIED)
        elif path.startswith("/hop/"):
            left = int(path.rsplit("/", 1)[1])
            if left == 0:
                self._send(200, b"arrived")
            else:
                self._send(302, Location=f"/hop/{left - 1}")
        elif path.startswith("/go?"):
            self._send(302, Location=path.removeprefix("/go?"))
        elif path == "/echo":
            seen = f"{self.headers.get('Authorization')}|{self.headers.get('Cookie')}"
            self._send(200, seen.encode())
        elif path == "/slow":
            self.server.release.wait(5)
            self._send(200, b"late")
        elif path == "/drip":
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            for _ in range(100):  # a byte every 50 ms: each read is quick, the whole is not
                if self.server.release.wait(0.05):
                    break
                self.wfile.write(b"x")
                self.wfile.flush()
        elif path == "/huge":  # no Content-Length: the size shows only while reading
            self.send_response(200)
            self.send_header("Connection", "close")
            self.end_headers()
            for _ in range(64):
                self.wfile.write(b"x" * 16_384)
        elif path in CODED:  # compressed though not asked to be
            coding, body = CODED[path]
            self._send(200, body, Content_Encoding=coding)
        elif path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Length", str(50_000_000))
            self.end_headers()
            self.wfile.write(b"x" * 1024)
        else:
            self._send(404)


def gzipped(chunks: Iterator[bytes]) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    return b"".join(packer.compress(chunk) for chunk in chunks) + packer.flush()


def raw_deflated(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush()


ZEROS = 50  # MB of zeros in the bomb: 50 kB gzipped, a few hundred bytes gzipped twice
BOMB = gzipped(iter([gzipped(b"\0" * 1_000_000 for _ in range(ZEROS))]))
CODED = {
    "/gzip": ("gzip", gzipped(iter([BODY]))),
    "/deflate": ("deflate", zlib.compress(BODY)),
    "/raw-deflate": ("deflate", raw_deflated(BODY)),
    "/bomb": ("gzip, gzip", BOMB),
    "/brotli": ("br", b"\x0b\x02\x80hello\x03"),
    "/broken-gzip": ("gzip", b"not gzip at all"),
}


@dataclass
class Resolver:
    """Names resolved from a table, each lookup recorded."""

    table: dict[str, list[str]] = field(default_factory=dict)
    asked: list[str] = field(default_factory=list)

    async def __call__(self, host: str, port: int) -> Sequence[str]:
        self.asked.append(host)
        if host not in self.table:
            raise OSError(f"unknown name {host}")
        return self.table[host]


def loopback_is_public(address: IPAddress) -> str | None:
    """The real rule, except that 127.0.0.1 stands for a public server."""
    if address == ipaddress.ip_address("127.0.0.1"):
        return None
    return address_refusal(address)


def _serve(host: str) -> Iterator[Server]:
    with serving(Server(host)) as server:
        yield server


@pytest.fixture
def server() -> Iterator[Server]:
    yield from _serve("127.0.0.1")


@pytest.fixture
def other_server() -> Iterator[Server]:
    """A second server, on 127.0.0.2: the private address a redirect points to."""
    yield from _serve("127.0.0.2")


def fetch(outbound: Outbound, url: str, **kwargs: Any) -> Any:
    return asyncio.run(outbound.fetch(url, **kwargs))


def refusal(outbound: Outbound, url: str, **kwargs: Any) -> OutboundError:
    with pytest.raises(OutboundError) as refused:
        fetch(outbound, url, **kwargs)
    return refused.value


OPEN = Outbound(allow_private=True, timeout_seconds=5)


# With the switch off, nothing reaches a loopback server


@pytest.mark.parametrize("path", ["/feed", "/hop/6", "/slow", "/huge"])
def test_loopback_is_refused_before_any_connection(server: Server, path: str) -> None:
    error = refusal(Outbound(), f"http://127.0.0.1:{server.port}{path}")
    assert error.reason == "private-address"
    assert said(error, "en") == (
        "127.0.0.1 leads to an address on a private or local network, "
        "which Televent does not connect to."
    )
    assert "127.0.0.1" in said(error, "ru")
    assert server.connections == 0


def test_a_name_that_resolves_to_loopback_is_refused(server: Server) -> None:
    error = refusal(Outbound(), f"http://localhost:{server.port}/feed")
    assert error.reason == "private-address"
    assert said(error, "en").startswith("localhost leads to ")
    assert server.connections == 0


def test_one_private_answer_among_public_ones_is_enough_to_refuse(server: Server) -> None:
    names = Resolver({"feeds.example": ["127.0.0.1", "10.0.0.7"]})
    outbound = Outbound(resolver=names, refusal=loopback_is_public, timeout_seconds=5)
    error = refusal(outbound, f"http://feeds.example:{server.port}/feed")
    assert error.reason == "private-address"
    assert server.connections == 0


def test_a_refusal_does_not_say_where_a_name_leads() -> None:
    """A person who may not reach the operator's network does not learn its names' addresses
    from a refusal ("db leads to 10.0.3.7")."""
    names = Resolver({"db": ["10.0.3.7"], "metadata.internal": ["169.254.169.254"]})
    for host in names.table:
        error = refusal(Outbound(resolver=names, timeout_seconds=5), f"http://{host}/")
        assert error.reason == "private-address"
        for language in ("en", "ru", "fa"):
            assert host in said(error, language)
            assert not any(a in said(error, language) for a in ("10.0.3.7", "169.254"))
        assert not any(a in str(error) for a in ("10.0.3.7", "169.254"))


def test_ipv6_and_ipv4_mapped_loopback_are_refused(server: Server) -> None:
    for url in (f"http://[::1]:{server.port}/feed", f"http://[::ffff:127.0.0.1]:{server.port}/"):
        assert refusal(Outbound(), url).reason == "private-address"
    names = Resolver({"mapped.example": ["::ffff:127.0.0.1"]})
    error = refusal(Outbound(resolver=names), f"http://mapped.example:{server.port}/feed")
    assert error.reason == "private-address"
    assert server.connections == 0


def test_check_url_refuses_when_a_url_is_added(server: Server) -> None:
    for url, reason in [
        (f"http://127.0.0.1:{server.port}/feed", "private-address"),
        ("http://169.254.169.254/latest/meta-data/", "private-address"),
        ("file:///etc/passwd", "scheme"),
        ("ftp://example.org/feed.ics", "scheme"),
        ("not a url", "not-a-url"),
        ("https://no-such-name.invalid/feed.ics", "connect"),
    ]:
        names = Resolver()
        with pytest.raises(OutboundError) as refused:
            asyncio.run(Outbound(resolver=names).check_url(url))
        assert refused.value.reason == reason, url
        assert refused.value.wording is not None
    assert server.connections == 0


def test_https_only_callers_refuse_plain_http_to_public_addresses(server: Server) -> None:
    names = Resolver({"push.example": ["127.0.0.1"]})
    outbound = Outbound(resolver=names, refusal=loopback_is_public, allow_private=True)
    error = refusal(
        outbound, f"http://push.example:{server.port}/feed", schemes=frozenset({"https"})
    )
    assert error.reason == "scheme"
    assert server.connections == 0


# With the switch on, the same requests work, within the limits


def test_with_the_switch_on_plain_http_to_loopback_works(server: Server) -> None:
    answer = fetch(OPEN, f"http://127.0.0.1:{server.port}/feed")
    assert (answer.status, answer.body) == (200, BODY)
    assert answer.etag == ETAG
    assert answer.last_modified == LAST_MODIFIED
    # even for a caller that asks for https: the switch lets http:// through to such addresses
    answer = fetch(OPEN, f"http://localhost:{server.port}/feed", schemes=frozenset({"https"}))
    assert answer.status == 200


def test_a_conditional_get_of_an_unchanged_feed_answers_304(server: Server) -> None:
    url = f"http://127.0.0.1:{server.port}/feed"
    first = fetch(OPEN, url)
    again = fetch(OPEN, url, if_none_match=first.etag, if_modified_since=first.last_modified)
    assert (again.status, again.body) == (304, b"")
    assert server.seen[-1]["if-none-match"] == ETAG
    assert server.seen[-1]["if-modified-since"] == LAST_MODIFIED


def test_five_redirects_are_followed_and_a_sixth_is_refused(server: Server) -> None:
    answer = fetch(OPEN, f"http://127.0.0.1:{server.port}/hop/5")
    assert (answer.status, answer.body) == (200, b"arrived")
    assert answer.url == f"http://127.0.0.1:{server.port}/hop/0"
    requests_before = len(server.seen)
    error = refusal(OPEN, f"http://127.0.0.1:{server.port}/hop/6")
    assert error.reason == "redirects"
    assert said(error, "en") == (
        "127.0.0.1 redirects too many times (more than 5); Televent stopped following."
    )
    assert len(server.seen) - requests_before == 6  # the seventh request was never sent


def test_credentials_stay_with_their_origin(server: Server) -> None:
    names = Resolver({"a.example": ["127.0.0.1"], "b.example": ["127.0.0.1"]})
    outbound = Outbound(resolver=names, refusal=loopback_is_public, timeout_seconds=5)
    port = server.port
    secret = {"Authorization": "Bearer s3cret", "Cookie": "session=abc"}
    same = fetch(outbound, f"http://a.example:{port}/go?/echo", headers=secret)
    assert same.body == b"Bearer s3cret|session=abc"
    other = fetch(
        outbound, f"http://a.example:{port}/go?http://b.example:{port}/echo", headers=secret
    )
    assert other.body == b"None|None"
    assert server.seen[-1]["host"] == f"b.example:{port}"
    # user information in the URL is a credential too
    answer = fetch(outbound, f"http://me:pw@a.example:{port}/go?http://b.example:{port}/echo")
    assert answer.body == b"None|None"
    assert server.seen[-2]["authorization"].startswith("Basic ")


def test_a_redirect_to_a_private_address_is_refused(server: Server, other_server: Server) -> None:
    outbound = Outbound(refusal=loopback_is_public, timeout_seconds=5)
    target = f"http://127.0.0.2:{other_server.port}/feed"
    error = refusal(outbound, f"http://127.0.0.1:{server.port}/go?{target}")
    assert error.reason == "private-address"
    assert "127.0.0.2" in said(error, "en")
    assert len(server.seen) == 1
    assert other_server.connections == 0
    # a name that resolves there is refused the same way
    names = Resolver({"inside.example": ["127.0.0.2"]})
    outbound = Outbound(resolver=names, refusal=loopback_is_public, timeout_seconds=5)
    target = f"http://inside.example:{other_server.port}/feed"
    assert refusal(outbound, f"http://127.0.0.1:{server.port}/go?{target}").reason == (
        "private-address"
    )
    assert other_server.connections == 0


def test_the_name_is_resolved_once_and_the_checked_address_is_used(server: Server) -> None:
    """DNS rebinding: nothing resolves the name a second time after the check. The name exists
    only in the test's table, so the request reaching the server shows that the connection
    went to the address that was checked, with the name kept in the Host header."""
    names = Resolver({"rebind.example": ["127.0.0.1"]})
    outbound = Outbound(resolver=names, refusal=loopback_is_public, timeout_seconds=5)
    answer = fetch(outbound, f"http://rebind.example:{server.port}/feed")
    assert answer.status == 200
    assert names.asked == ["rebind.example"]
    assert server.seen[-1]["host"] == f"rebind.example:{server.port}"
    # the next request resolves again, and is refused if the name now leads inside
    names.table["rebind.example"] = ["10.0.0.1"]
    assert refusal(outbound, f"http://rebind.example:{server.port}/feed").reason == (
        "private-address"
    )
    assert server.connections == 1


def test_a_slow_answer_is_given_up_at_the_time_limit(server: Server) -> None:
    outbound = Outbound(allow_private=True, timeout_seconds=0.5)
    error = refusal(outbound, f"http://127.0.0.1:{server.port}/slow")
    assert error.reason == "timeout"
    assert said(error, "en") == "127.0.0.1 did not answer within 0.5 seconds."


def test_the_time_limit_covers_the_whole_answer(server: Server) -> None:
    """A server that sends a byte now and then never trips a per-read timeout; the limit is
    on the whole exchange."""
    outbound = Outbound(allow_private=True, timeout_seconds=0.5)
    started = dt.datetime.now()
    assert refusal(outbound, f"http://127.0.0.1:{server.port}/drip").reason == "timeout"
    assert dt.datetime.now() - started < dt.timedelta(seconds=2)


@pytest.mark.parametrize("path", ["/huge", "/huge-declared"])
def test_an_answer_over_the_size_limit_is_refused(server: Server, path: str) -> None:
    outbound = Outbound(allow_private=True, max_bytes=100_000, timeout_seconds=5)
    error = refusal(outbound, f"http://127.0.0.1:{server.port}{path}")
    assert error.reason == "too-large"
    assert said(error, "en") == (
        "The answer from 127.0.0.1 is larger than 0.1 MB, the most Televent reads."
    )
    assert Outbound(allow_private=True).max_bytes == 10_000_000  # the default


@pytest.mark.parametrize("path", ["/gzip", "/deflate", "/raw-deflate"])
def test_an_answer_compressed_though_not_asked_is_read(server: Server, path: str) -> None:
    answer = fetch(OPEN, f"http://127.0.0.1:{server.port}{path}")
    assert answer.status == 200 and answer.body == BODY
    assert server.seen[-1]["accept-encoding"] == "identity"


def test_a_compression_bomb_is_refused_without_unpacking_it(server: Server) -> None:
    """A few hundred bytes of gzip in gzip unpack to 50 MB: the body is refused as too large
    without more than the limit of it ever held (it was unpacked whole, in one read, and only
    then measured)."""
    assert len(BOMB) < 1_000
    outbound = Outbound(allow_private=True, max_bytes=100_000, timeout_seconds=5)
    tracemalloc.start()
    try:
        error = refusal(outbound, f"http://127.0.0.1:{server.port}/bomb")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert error.reason == "too-large"
    assert peak < 5_000_000, f"{peak:,} bytes held at the peak"


@pytest.mark.parametrize(
    ("path", "why"),
    [("/brotli", "a coding Televent does not read (br)"), ("/broken-gzip", "gzip data")],
)
def test_a_coding_that_cannot_be_read_is_refused_and_named(
    server: Server, path: str, why: str
) -> None:
    error = refusal(OPEN, f"http://127.0.0.1:{server.port}{path}")
    assert error.reason == "connect" and why in str(error)


def test_a_closed_port_is_a_connection_failure() -> None:
    with Server("127.0.0.1") as closed:
        port = closed.port
    error = refusal(OPEN, f"http://127.0.0.1:{port}/feed")
    assert error.reason == "connect"
    assert said(error, "de") == "Televent konnte 127.0.0.1 nicht erreichen."


# TLS: the connection goes to the checked address, the certificate is verified for the name


def _certificate(tmp_path: Path, name: str) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def test_tls_is_verified_for_the_name_while_connecting_to_the_address(
    server: Server, tmp_path: Path
) -> None:
    cert, key = _certificate(tmp_path, "feeds.example")
    names_seen: list[str | None] = []
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda _sock, name, _ctx: names_seen.append(name)  # type: ignore[assignment,func-returns-value]
    server.socket = context.wrap_socket(server.socket, server_side=True)
    trusted = ssl.create_default_context(cafile=str(cert))
    names = Resolver({"feeds.example": ["127.0.0.1"], "other.example": ["127.0.0.1"]})
    outbound = Outbound(
        resolver=names, refusal=loopback_is_public, ssl_context=trusted, timeout_seconds=5
    )
    answer = fetch(outbound, f"https://feeds.example:{server.port}/feed")
    assert (answer.status, answer.body) == (200, BODY)
    assert names_seen == ["feeds.example"]
    assert server.seen[-1]["host"] == f"feeds.example:{server.port}"
    # the same server under a name its certificate does not carry is not believed
    error = refusal(outbound, f"https://other.example:{server.port}/feed")
    assert error.reason == "connect"
    assert len(server.seen) == 1


def test_lookups_that_never_answer_leave_the_shared_threads_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Feeds on names whose name servers never answer: each lookup holds a thread until the
    system gives up, and on the event loop's shared threads forty of them stopped everything
    else that uses those threads."""
    release = threading.Event()
    real = socket.getaddrinfo

    def lookup(host: Any, *args: Any, **kwargs: Any) -> Any:
        if str(host).endswith(".hang.example"):
            release.wait(30)
            raise socket.gaierror("no answer")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", lookup)

    async def scenario() -> bool:
        loop = asyncio.get_running_loop()
        outbound = Outbound(timeout_seconds=0.2)
        feeds = [
            asyncio.ensure_future(outbound.fetch(f"https://f{n}.hang.example/cal.ics"))
            for n in range(40)
        ]
        await asyncio.sleep(0.3)  # every lookup has started
        try:
            other = loop.run_in_executor(None, lambda: "done")  # someone else's thread work
            done = await asyncio.wait_for(other, 10) == "done"
        except TimeoutError:
            done = False
        release.set()
        await asyncio.gather(*feeds, return_exceptions=True)
        return done

    try:
        assert asyncio.run(scenario())
    finally:
        release.set()


def test_names_typed_when_adding_an_address_never_hold_up_the_rounds_lookups(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Someone adds feeds (or webhooks, servers) on names whose name servers never answer, as
    fast as the API lets them: each check holds a lookup thread until the system gives up.
    The rounds' lookups (everyone's feeds, push and webhooks) go on meanwhile."""
    release = threading.Event()

    def lookup(host: Any, *args: Any, **kwargs: Any) -> Any:
        if str(host).endswith(".hang.example"):
            release.wait(30)
            raise socket.gaierror("no answer")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", 443))]

    monkeypatch.setattr(socket, "getaddrinfo", lookup)

    async def scenario() -> list[str] | None:
        outbound = Outbound(timeout_seconds=0.2)
        adds = [
            asyncio.ensure_future(outbound.check_url(f"https://f{n}.hang.example/cal.ics"))
            for n in range(40)
        ]
        await asyncio.sleep(0.3)  # every check's lookup has started
        try:  # a round's lookup, as `fetch` makes it
            found = await asyncio.wait_for(system_resolver("feeds.example", 443), 10)
        except TimeoutError:
            found = None
        release.set()
        await asyncio.gather(*adds, return_exceptions=True)
        return found

    try:
        assert asyncio.run(scenario()) == ["127.0.0.1"]
    finally:
        release.set()
