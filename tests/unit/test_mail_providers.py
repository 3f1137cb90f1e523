"""The mail providers' inbound webhooks: each verified as its provider signs it, the raw
message taken out byte for byte, and every refusal a clear reason with its HTTP status."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from urllib.parse import quote_from_bytes

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from televent.adapters.mail.inbound import parse_message
from televent.adapters.mail.providers import (
    MAILGUN_MAX_AGE_SECONDS,
    MAX_FORM_FIELDS,
    MailgunSignatures,
    ProviderRequestError,
    basic_password_matches,
    form_fields,
    postmark_message,
    sendgrid_message,
)

# A Latin-1 byte in the subject: the message must arrive exactly as sent, not re-encoded.
RAW = (
    b"From: Erin <erin@example.net>\r\nTo: list@example.org\r\nSubject: R\xe9union\r\n"
    b"Message-ID: <p1@example.net>\r\nContent-Type: text/calendar; method=REQUEST\r\n\r\n"
    b"BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:p1\r\nEND:VEVENT\r\n"
    b"END:VCALENDAR\r\n"
)
# Rails' Action Mailbox tests Mailgun's signature with these values (key, timestamp, token,
# signature): an independent check that ours computes what Mailgun sends.
RAILS_KEY = "tbsy84uSV1Kt3ZJZELY2TmShPRs91E3yL4tzf96297vBCkDWgL"
RAILS_TIMESTAMP = 1539112500
RAILS_TOKEN = "7VwW7k6Ak7zcTwoSoNm7aTtbk1g67MKAnsYLfUB7PdszbgR5Xi"
RAILS_SIGNATURE = "ef24c5225322217bb065b80bb54eb4f9206d764e3e16abab07f0a64d1cf477cc"


def refused(status: int, call: object, *args: object) -> str:
    with pytest.raises(ProviderRequestError) as error:
        call(*args)  # type: ignore[operator]
    assert error.value.status == status
    return error.value.reason


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


# --- HTTP Basic (SendGrid, Postmark) ---------------------------------------------------------


def test_basic_accepts_the_secret_as_password_under_any_user_name() -> None:
    assert basic_password_matches(basic("sendgrid", "s3cret:with-colon"), "s3cret:with-colon")
    assert basic_password_matches(basic("", "s3cret"), "s3cret")
    assert basic_password_matches(basic("x", "s3cret").replace("Basic", "basic"), "s3cret")


@pytest.mark.parametrize(
    "header",
    [
        "",
        basic("sendgrid", "wrong"),
        basic("s3cret", ""),  # the secret as the user name is not the password
        "Bearer s3cret",
        "Basic !!!not-base64",
        "Basic " + base64.b64encode(b"no colon s3cret").decode(),
        "Basic " + base64.b64encode(b"u:\xff\xfe").decode(),
    ],
)
def test_basic_refuses_anything_else(header: str) -> None:
    assert not basic_password_matches(header, "s3cret")


# --- Mailgun ---------------------------------------------------------------------------------


def mailgun_fields(key: str, timestamp: int, token: str, **extra: bytes) -> dict[str, bytes]:
    signature = hmac.new(key.encode(), f"{timestamp}{token}".encode(), hashlib.sha256)
    return {
        "timestamp": str(timestamp).encode(),
        "token": token.encode(),
        "signature": signature.hexdigest().encode(),
        **extra,
    }


def test_mailgun_signature_matches_an_independent_implementation() -> None:
    fields = {
        "timestamp": str(RAILS_TIMESTAMP).encode(),
        "token": RAILS_TOKEN.encode(),
        "signature": RAILS_SIGNATURE.encode(),
        "body-mime": RAW,
        "recipient": b"calendar+ualias@cal.example.org",
    }
    delivery = MailgunSignatures(RAILS_KEY).delivery(fields, now=RAILS_TIMESTAMP + 30)
    assert delivery.raw == b"X-Original-To: calendar+ualias@cal.example.org\r\n" + RAW
    assert parse_message(delivery.raw).subject == "Réunion"
    assert "calendar+ualias@cal.example.org" in parse_message(delivery.raw).recipients
    forged = {**fields, "signature": RAILS_SIGNATURE.replace("e", "f").encode()}
    reason = refused(403, MailgunSignatures(RAILS_KEY).delivery, forged, RAILS_TIMESTAMP)
    assert "Wrong Mailgun signature" in reason
    other_key = MailgunSignatures("another-key").delivery
    assert "Wrong Mailgun signature" in refused(403, other_key, fields, RAILS_TIMESTAMP)


def test_mailgun_without_a_signature_is_forbidden_before_anything_is_read() -> None:
    signatures = MailgunSignatures("key")
    assert "No Mailgun signature" in refused(403, signatures.delivery, {"body-mime": RAW}, 0.0)


@pytest.mark.parametrize("age", [MAILGUN_MAX_AGE_SECONDS + 1, -MAILGUN_MAX_AGE_SECONDS - 1])
def test_mailgun_signature_too_far_from_now_is_refused(age: int) -> None:
    now = 1_800_000_000
    fields = mailgun_fields("key", now - age, "t" * 50, **{"body-mime": RAW})
    reason = refused(403, MailgunSignatures("key").delivery, fields, float(now))
    assert f"more than {MAILGUN_MAX_AGE_SECONDS} s" in reason
    within = mailgun_fields("key", now - MAILGUN_MAX_AGE_SECONDS + 5, "u" * 50)
    assert MailgunSignatures("key").delivery({**within, "body-mime": RAW}, now).raw == RAW


def test_a_mailgun_token_is_taken_once_but_a_retry_after_our_failure_is_let_in() -> None:
    signatures = MailgunSignatures("key")
    fields = mailgun_fields("key", 1_800_000_000, "t" * 50, **{"body-mime": RAW})
    first = signatures.delivery(fields, 1_800_000_010)
    again = signatures.delivery(fields, 1_800_000_020)  # the first was never taken in
    assert again.raw == first.raw == RAW
    signatures.used(again, 1_800_000_020)
    assert "used already" in refused(403, signatures.delivery, fields, 1_800_000_030)


def test_mailgun_without_the_raw_message_says_how_to_set_the_route_up() -> None:
    fields = mailgun_fields("key", 1_800_000_000, "t" * 50, **{"body-plain": b"hello"})
    reason = refused(422, MailgunSignatures("key").delivery, fields, 1_800_000_000)
    assert "end in mime" in reason and "/inbound/mailgun/mime" in reason


# --- SendGrid --------------------------------------------------------------------------------


def test_sendgrid_raw_message_gets_the_envelope_recipient() -> None:
    envelope = json.dumps({"to": ["calendar+ualias@cal.example.org"], "from": "erin@x.net"})
    raw = sendgrid_message({"email": RAW, "envelope": envelope.encode(), "to": b"x"})
    assert raw == b"X-Original-To: calendar+ualias@cal.example.org\r\n" + RAW
    junk = sendgrid_message({"email": RAW, "envelope": b"{not json"})
    assert junk == RAW


def test_sendgrid_without_raw_delivery_says_which_setting_to_turn_on() -> None:
    reason = refused(422, sendgrid_message, {"text": b"hi", "html": b"<p>hi</p>"})
    assert '"POST the raw, full MIME message"' in reason


# --- Postmark --------------------------------------------------------------------------------


def test_postmark_raw_email_and_original_recipient() -> None:
    text = RAW.decode("latin-1").replace("R\xe9union", "Réunion")
    body = json.dumps({"RawEmail": text, "OriginalRecipient": "carol@example.org"}).encode()
    raw = postmark_message(body)
    assert raw.startswith(b"X-Original-To: carol@example.org\r\nFrom: Erin")
    assert parse_message(raw).subject == "Réunion"


def test_postmark_without_raw_email_says_which_setting_to_turn_on() -> None:
    body = json.dumps({"TextBody": "hi", "Attachments": []}).encode()
    reason = refused(422, postmark_message, body)
    assert "RawEmail" in reason and '"Include raw email content in JSON payload"' in reason


@pytest.mark.parametrize(
    "body", [b"", b"not json", b"[1, 2]", b"\xff\xfe", b'{"RawEmail": 12}', b'"RawEmail"']
)
def test_postmark_bodies_that_are_not_its_webhook_are_bad_requests(body: bytes) -> None:
    assert refused(400, postmark_message, body)


def test_envelope_recipients_cannot_smuggle_header_fields() -> None:
    body = json.dumps(
        {"RawEmail": "From: a@example.net\r\n\r\nx", "OriginalRecipient": "a@b.c\r\nBcc: x@y.z"}
    ).encode()
    assert postmark_message(body) == b"From: a@example.net\r\n\r\nx"
    envelope = json.dumps({"to": ["Name <n@x.y>", "ok@x.y", 7, "ok@x.y"]}).encode()
    raw = sendgrid_message({"email": RAW, "envelope": envelope})
    assert raw == b"X-Original-To: ok@x.y\r\n" + RAW


# --- forms -----------------------------------------------------------------------------------


def multipart_body(fields: list[tuple[str, bytes]], boundary: str = "XyZ-1") -> bytes:
    chunks = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
        + value
        + b"\r\n"
        for name, value in fields
    ]
    return b"".join(chunks) + f"--{boundary}--\r\n".encode()


def test_multipart_fields_are_the_bytes_sent() -> None:
    body = multipart_body([("to", b"x@y.z"), ("email", RAW), ("email", b"second")])
    fields = form_fields('multipart/form-data; boundary="XyZ-1"', body)
    assert fields == {"to": b"x@y.z", "email": RAW}


def test_urlencoded_fields_are_the_bytes_sent() -> None:
    body = b"timestamp=1&body-mime=" + quote_from_bytes(RAW).encode() + b"&a=b+c&&a=second"
    fields = form_fields("application/x-www-form-urlencoded; charset=utf-8", body)
    assert fields == {"timestamp": b"1", "body-mime": RAW, "a": b"b c"}


def test_forms_that_cannot_be_read_are_refused_with_the_status_to_answer() -> None:
    body = multipart_body([("email", RAW)])
    assert "Expected form data" in refused(415, form_fields, "application/json", body)
    assert refused(415, form_fields, "multipart/form-data", body)  # no boundary
    assert refused(400, form_fields, "multipart/form-data; boundary=XyZ-1", body[:-20])
    many = multipart_body([(f"f{n}", b"v") for n in range(MAX_FORM_FIELDS + 1)])
    assert refused(400, form_fields, "multipart/form-data; boundary=XyZ-1", many)
    pairs = b"&".join(b"f%d=v" % n for n in range(MAX_FORM_FIELDS + 1))
    reason = refused(400, form_fields, "application/x-www-form-urlencoded", pairs)
    assert f"more than {MAX_FORM_FIELDS} fields" in reason


FORM_TOKENS = [b"--XyZ-1", b"\r\n", b"--", b'Content-Disposition: form-data; name="', b'"']
FORM_TOKENS += [b'filename="a"', b"\x00", b"%", b"%zz", b"=", b"&", b"+", b"\xff"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(FORM_TOKENS), st.binary(max_size=8)), max_size=30),
    st.sampled_from(
        [
            "multipart/form-data; boundary=XyZ-1",
            'multipart/form-data; boundary="XyZ-1"',
            "multipart/form-data; boundary=",
            "application/x-www-form-urlencoded",
            "",
        ]
    ),
)
def test_any_body_is_fields_or_a_refusal_with_a_status(chunks: list[bytes], kind: str) -> None:
    body = b"".join(chunks)
    for read in (lambda: form_fields(kind, body), lambda: postmark_message(body)):
        try:
            read()
        except ProviderRequestError as refusal:
            answer: tuple[int, str] | None = (refusal.status, refusal.reason)
        else:
            answer = None
        assert answer is None or (answer[0] in (400, 415, 422) and answer[1])
