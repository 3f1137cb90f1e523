"""Televent as the client of another CalDAV server (adapters/connections/caldav_client.py,
docs/adr/0026), against real Radicale and Xandikos on loopback: the account is found from its
URL (or, when that URL is not DAV, from its origin's well-known URI), its calendars listed; a
first sync brings every event with its data; the next brings only what changed, and a lost
token falls back to a listing by ETag with the same result; a write-back against a version
the server no longer has is refused (412), never overwriting; a wrong password, a server that
is no CalDAV and a private address (with the operator's switch off) are refused with words."""

from __future__ import annotations

import asyncio
import ssl
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from televent.adapters.connections.caldav_client import (
    CalDavClient,
    CalDavError,
    Changes,
    Credentials,
    RemoteChangedError,
)
from televent.adapters.i18n import said
from televent.adapters.outbound import Outbound, OutboundError
from tests.caldav_peers import CALENDAR, Peer, event, radicale
from tests.feedserver import feed_server, serving
from tests.integration.test_outbound_fetch import Resolver, _certificate, loopback_is_public

OPEN = Outbound(allow_private=True, timeout_seconds=10)


def client_of(peer: Peer, outbound: Outbound = OPEN) -> CalDavClient:
    return CalDavClient(outbound, Credentials(peer.username, peer.password))


def by_uid(changes: Changes) -> dict[str, str]:
    """The changed resources' summaries by UID, read from the data the sync brought."""
    found = {}
    for resource in changes.changed:
        assert resource.data is not None and resource.etag
        uid = next(line[4:] for line in resource.data.splitlines() if line.startswith("UID:"))
        summary = next(
            line[8:] for line in resource.data.splitlines() if line.startswith("SUMMARY:")
        )
        found[uid] = summary
    return found


def test_the_account_and_its_calendars_are_found(peer: Peer) -> None:
    account = asyncio.run(client_of(peer).discover(peer.base + "/"))
    assert account.home_url.startswith(peer.base)
    names = {calendar.name: calendar for calendar in account.calendars}
    assert CALENDAR in names, names
    assert names[CALENDAR].url.rstrip("/") == peer.calendar.rstrip("/")
    assert names[CALENDAR].writable
    # A URL that is not the server's DAV root: its origin's well-known URI finds the account.
    again = asyncio.run(client_of(peer).discover(peer.base + "/no/such/place/"))
    assert again.principal_url == account.principal_url


def test_a_sync_brings_what_changed_and_a_lost_token_lists_instead(peer: Peer) -> None:
    client = client_of(peer)
    with peer.client() as dav:
        for uid, summary in (("a@t", "Standup"), ("b@t", "Lunch"), ("c@t", "Review")):
            put = dav.put(f"{peer.calendar}{uid}.ics", content=event(uid, summary))
            assert put.status_code in (201, 204), put.text
        first = asyncio.run(client.changes(peer.calendar, None, {}))
        assert by_uid(first) == {"a@t": "Standup", "b@t": "Lunch", "c@t": "Review"}
        assert first.removed == [] and first.token and not first.listed
        known = {r.url: r.etag for r in first.changed}

        dav.put(f"{peer.calendar}b@t.ics", content=event("b@t", "Long lunch"))
        dav.delete(f"{peer.calendar}c@t.ics")
        dav.put(f"{peer.calendar}d@t.ics", content=event("d@t", "Retro"))
        second = asyncio.run(client.changes(peer.calendar, first.token, known))
        assert by_uid(second) == {"b@t": "Long lunch", "d@t": "Retro"}
        assert [url.rpartition("/")[2] for url in second.removed] == ["c@t.ics"]
        assert second.token and second.token != first.token

        nothing = asyncio.run(client.changes(peer.calendar, second.token, known))
        assert nothing.changed == [] and nothing.removed == []

        # A token the server does not know (it was reset): every ETag is listed and compared
        # with what was known, which gives the same difference.
        lost = asyncio.run(client.changes(peer.calendar, f"{peer.base}/sync/not-a-token", known))
        assert lost.listed and lost.token is None
        assert by_uid(lost) == {"b@t": "Long lunch", "d@t": "Retro"}
        assert [url.rpartition("/")[2] for url in lost.removed] == ["c@t.ics"]


def test_a_write_back_never_overwrites_a_newer_version(peer: Peer) -> None:
    client = client_of(peer)
    url = f"{peer.calendar}w@t.ics"
    etag = asyncio.run(client.put(url, event("w@t", "Dentist"), None))
    with pytest.raises(RemoteChangedError):  # already there: not made twice
        asyncio.run(client.put(url, event("w@t", "Dentist twice"), None))
    with peer.client() as dav:
        stored = dav.get(url).headers["etag"]
        assert etag in (None, stored)  # the PUT's own ETag, when the server gives one
        etag = stored  # the version Televent last saw
        moved = dav.put(url, content=event("w@t", "Dentist at 10", "20261201T100000Z"))
        assert moved.status_code in (200, 201, 204)
        with pytest.raises(RemoteChangedError):  # changed on the server since etag
            asyncio.run(client.put(url, event("w@t", "Dentist at 11"), etag))
        with pytest.raises(RemoteChangedError):
            asyncio.run(client.delete(url, etag))
        kept = dav.get(url)
        assert "Dentist at 10" in kept.text  # the server's version stands
        current = kept.headers["etag"]
        new_etag = asyncio.run(client.put(url, event("w@t", "Dentist at 11"), current))
        assert "Dentist at 11" in dav.get(url).text
        asyncio.run(client.delete(url, new_etag or dav.get(url).headers["etag"]))
        assert dav.get(url).status_code == 404
        asyncio.run(client.delete(url, None))  # already gone: no error


def test_a_wrong_password_is_refused_with_words(tmp_path: Path) -> None:
    with radicale(tmp_path) as peer:
        wrong = CalDavClient(OPEN, Credentials(peer.username, "not-the-password"))
        with pytest.raises(CalDavError) as refused:
            asyncio.run(wrong.discover(peer.base + "/"))
    assert refused.value.reason == "unauthorized"
    assert "not-the-password" not in str(refused.value)
    assert said(refused.value, "en") == (
        "127.0.0.1 refused the user name or password. Many providers need an app password "
        "here, not your usual one."
    )


def test_what_is_no_caldav_server_or_a_private_one_is_refused(peer: Peer) -> None:
    # a web server that answers 404 to anything it was not given
    with feed_server() as plain, pytest.raises(CalDavError) as refused:
        asyncio.run(client_of(peer).discover(plain.url("/")))
    assert refused.value.reason == "not-caldav"
    assert said(refused.value, "de").startswith("Dort antwortet kein CalDAV-Kalenderkonto.")
    guarded = Outbound(timeout_seconds=10)  # the operator's switch off
    with pytest.raises(OutboundError) as private:
        asyncio.run(client_of(peer, guarded).discover(peer.base + "/"))
    assert private.value.reason == "private-address"


class _Seen(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, redirect_to: str | None) -> None:
        self.redirect_to = redirect_to  # where every request is sent on, or None: answer 401
        self.authorizations: list[str | None] = []
        super().__init__(("127.0.0.1", 0), _Redirecting)


class _Redirecting(BaseHTTPRequestHandler):
    server: _Seen
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_PROPFIND(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.authorizations.append(self.headers.get("Authorization"))
        if self.server.redirect_to is not None:
            self.send_response(301)
            self.send_header("Location", self.server.redirect_to + self.path)
        else:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="dav"')
        self.send_header("Content-Length", "0")
        self.end_headers()


def test_a_redirect_from_https_to_plain_http_never_carries_the_password(
    tmp_path: Path,
) -> None:
    """A server reached over https that sends the client on to http:// (a misconfigured
    proxy, or someone on the path) would have had the password sent again in the clear."""
    with serving(_Seen(None)) as plain:
        target = f"http://plain.example:{plain.server_address[1]}"
        with serving(_Seen(target)) as secure:
            cert, key = _certificate(tmp_path, "dav.example")
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(cert, key)
            secure.socket = context.wrap_socket(secure.socket, server_side=True)
            names = Resolver({"dav.example": ["127.0.0.1"], "plain.example": ["127.0.0.1"]})
            outbound = Outbound(
                resolver=names,
                refusal=loopback_is_public,
                ssl_context=ssl.create_default_context(cafile=str(cert)),
                timeout_seconds=10,
            )
            client = CalDavClient(outbound, Credentials("ann", "s3cret"))
            with pytest.raises(CalDavError) as refused:
                asyncio.run(client.discover(f"https://dav.example:{secure.server_address[1]}/"))
    assert refused.value.reason == "unauthorized"
    assert secure.authorizations and all(a is not None for a in secure.authorizations)
    assert plain.authorizations  # the redirect was followed, without the password
    assert plain.authorizations == [None] * len(plain.authorizations)
