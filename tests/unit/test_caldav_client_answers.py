"""What another CalDAV server answers is read as hostile input
(adapters/connections/caldav_client.parse_multistatus): hrefs resolve one way whatever their
escaping, a property counts only from a 200 propstat, a removed member's 404 is kept, and
anything that is not a DAV:multistatus (or is an XML bomb) raises CalDavError, never
anything else."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from televent.adapters.connections.caldav_client import (
    CalDavError,
    Credentials,
    parse_multistatus,
    resolved,
)

SYNC = b"""<?xml version="1.0" encoding="utf-8"?>
<d:multistatus xmlns:d="DAV:">
  <d:response>
    <d:href>/anna/work/a%40t.ics</d:href>
    <d:propstat><d:prop><d:getetag>"1"</d:getetag></d:prop>
      <d:status>HTTP/1.1 200 OK</d:status></d:propstat>
    <d:propstat><d:prop><d:displayname/></d:prop>
      <d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>
  </d:response>
  <d:response>
    <d:href>/anna/work/gone.ics</d:href>
    <d:status>HTTP/1.1 404 Not Found</d:status>
  </d:response>
  <d:response><d:href>  </d:href></d:response>
  <d:sync-token>http://example.com/sync/7</d:sync-token>
</d:multistatus>"""


def test_a_sync_report_is_read() -> None:
    responses, token = parse_multistatus(SYNC)
    assert token == "http://example.com/sync/7"
    assert [r.href for r in responses] == ["/anna/work/a%40t.ics", "/anna/work/gone.ics"]
    changed, removed = responses
    assert set(changed.props) == {"{DAV:}getetag"}  # the 404 propstat's property is not there
    assert changed.status is None and removed.status == 404


def test_an_href_resolves_one_way_whatever_its_escaping() -> None:
    base = "https://dav.example.com/anna/work/"
    assert resolved(base, "/anna/work/a%40t.ics") == resolved(base, "a@t.ics")
    assert resolved(base, "x%20y.ics") == "https://dav.example.com/anna/work/x%20y.ics"
    assert resolved(base, "https://other.example/z.ics#frag") == "https://other.example/z.ics"


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<d:multistatus xmlns:d="DAV:"><d:response><d:href>&lol2;</d:href></d:response></d:multistatus>"""


@pytest.mark.parametrize(
    "body",
    [b"", b"not xml", b"<html><body>Login</body></html>", BOMB, b"<d:prop xmlns:d='DAV:'/>"],
)
def test_what_is_not_a_multistatus_is_refused(body: bytes) -> None:
    with pytest.raises(CalDavError) as refused:
        parse_multistatus(body)
    assert refused.value.reason == "bad-answer"


@given(st.binary(max_size=500))
def test_any_answer_is_read_or_refused(body: bytes) -> None:
    with contextlib.suppress(CalDavError):
        parse_multistatus(body)


def test_a_password_is_never_shown() -> None:
    credentials = Credentials("anna", "hunter2")
    assert "hunter2" not in repr(credentials)
    assert credentials.header() == "Basic YW5uYTpodW50ZXIy"
