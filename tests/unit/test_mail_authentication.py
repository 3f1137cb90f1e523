"""Authentication-Results (RFC 8601) as the mail adapter reads them, and what the inbox makes of
them: only the topmost header of a trusted authserv-id, only results about the From domain."""

from __future__ import annotations

from email.message import EmailMessage

from hypothesis import given
from hypothesis import strategies as st

from televent.adapters.mail.authentication import parse_authentication_results
from televent.adapters.mail.inbound import parse_message
from televent.domain.inbound_mail import (
    AuthenticationResults,
    AuthResult,
    InboundMessage,
    check_sender,
)


def test_results_properties_comments_quotes_and_versions_are_read() -> None:
    header = parse_authentication_results(
        'MX.Example.org 1 (our border; "quoted ; in comment"); '
        'dkim/1=pass (2048-bit key; unprotected) reason="good sig" header.d=example.net\r\n'
        ' header.s=sel; spf = pass smtp.mailfrom="erin@example.net";\r\n'
        " dmarc=fail (p=REJECT sp=NONE) header.from=Example.net; arc=none"
    )
    assert header == AuthenticationResults(
        "mx.example.org",
        (
            AuthResult("dkim", "pass", (("header.d", "example.net"), ("header.s", "sel"))),
            AuthResult("spf", "pass", (("smtp.mailfrom", "erin@example.net"),)),
            AuthResult("dmarc", "fail", (("header.from", "Example.net"),)),
            AuthResult("arc", "none"),
        ),
    )
    assert parse_authentication_results("mx.example.org; none") == AuthenticationResults(
        "mx.example.org", ()
    )
    assert parse_authentication_results("  (only a comment)  ") is None
    assert parse_authentication_results("") is None


@given(st.text(max_size=300))
def test_any_header_text_is_read_without_failing(text: str) -> None:
    parsed = parse_authentication_results(text)
    assert parsed is None or isinstance(parsed, AuthenticationResults)


def test_every_header_is_kept_topmost_first() -> None:
    message = EmailMessage()
    message["Authentication-Results"] = "mx.example.org; dmarc=pass header.from=example.net"
    message["Authentication-Results"] = "mx.attacker.example; dmarc=pass"
    message["From"] = "erin@example.net"
    message["Message-ID"] = "<m1@example.net>"
    message.set_content("hello")
    parsed = parse_message(bytes(message))
    assert [h.authserv_id for h in parsed.authentication] == [
        "mx.example.org",
        "mx.attacker.example",
    ]


def inbound(sender: str | None, *headers: str) -> InboundMessage:
    found = tuple(h for h in map(parse_authentication_results, headers) if h is not None)
    return InboundMessage("m1", sender, None, None, (), None, None, (), None, found)


TRUSTED = frozenset({"mx.example.org"})


def verdict(sender: str | None, *headers: str) -> str | None:
    return check_sender(inbound(sender, *headers), TRUSTED).verdict


def test_dmarc_decides_when_it_judged_the_from_domain() -> None:
    erin = "erin@example.net"
    assert verdict(erin, "mx.example.org; dmarc=pass header.from=example.net") == "pass"
    assert verdict(erin, "mx.example.org; dmarc=fail header.from=example.net") == "fail"
    # an aligned DKIM pass does not save a DMARC fail; a DMARC none leaves it to DKIM and SPF
    assert verdict(erin, "mx.example.org; dkim=pass header.d=example.net; dmarc=fail") == "fail"
    assert verdict(erin, "mx.example.org; dkim=pass header.d=example.net; dmarc=none") == "pass"
    # DMARC about another domain (a forwarded message's) says nothing about this From
    assert verdict(erin, "mx.example.org; dmarc=fail header.from=other.example") == "none"


def test_dkim_and_spf_count_only_for_the_from_domain() -> None:
    erin = "erin@mail.example.net"
    assert verdict(erin, "mx.example.org; dkim=pass header.d=example.net; spf=fail") == "pass"
    assert verdict(erin, "mx.example.org; dkim=fail header.d=example.net; spf=softfail") == "fail"
    assert verdict(erin, "mx.example.org; spf=pass smtp.mailfrom=bounce@mail.example.net") == (
        "pass"
    )
    # a signature of the attacker's own domain is no pass for this one
    assert verdict(erin, "mx.example.org; dkim=pass header.d=attacker.example; spf=fail") == (
        "fail"
    )
    assert verdict(erin, "mx.example.org; dkim=pass header.d=net") == "none"
    assert verdict(erin, "mx.example.org; spf=softfail; dkim=neutral") == "none"


def test_only_the_topmost_header_of_a_trusted_authserv_id_counts() -> None:
    erin = "erin@example.net"
    fail = "mx.example.org; dmarc=fail header.from=example.net"
    passed = "mx.example.org; dmarc=pass header.from=example.net"
    assert verdict(erin, fail, passed) == "fail"
    assert verdict(erin, "mx.attacker.example; dmarc=pass", fail) == "fail"
    assert verdict(erin, "mx.attacker.example; dmarc=fail") == "none"
    assert verdict(erin) == "none"
    assert check_sender(inbound(erin, fail), frozenset()).verdict is None
    detail = check_sender(inbound(erin, passed), TRUSTED).detail
    assert detail == "dmarc=pass header.from=example.net by mx.example.org"
