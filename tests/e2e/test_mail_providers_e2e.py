"""The mail providers' inbound webhooks against a real `televent serve`: Mailgun, SendGrid and
Postmark, each with a valid and a forged signature (what the invitee's calendar and Telegram
show), one message through several routes processed once, and messages that must be refused
quickly (MIME bombs, bodies a provider never sends) over HTTP, the pipe and IMAP."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote_from_bytes

import httpx
import pytest

from televent.adapters.mail.bounded import MAX_DEPTH, MAX_PARTS
from televent.bootstrap import build_application
from televent.config import Settings
from tests.conftest import Backend
from tests.e2e.conftest import ROOT, queued, running_serve
from tests.e2e.test_mail_e2e import external_request, prepared
from tests.helpers import FIXTURE_CORPUS

SECRET = "inbound-secret-for-tests"
MAILGUN_KEY = "mailgun-signing-key-for-tests"
ACTOR, SOURCE = "system:", "cli:tests"
CORPUS = FIXTURE_CORPUS / "imip-eml"
SERVER_ENV = {
    "TELEVENT_INBOUND_SECRET": SECRET,
    "TELEVENT_MAILGUN_SIGNING_KEY": MAILGUN_KEY,
    "TELEVENT_MAIL_FROM": "Televent <calendar@cal.example.org>",
}


# --- the providers' requests, as each provider sends them -----------------------------------


@dataclass(frozen=True)
class Post:
    """One HTTP request a provider makes."""

    path: str
    content: bytes
    headers: dict[str, str]

    def send(self, client: httpx.Client) -> httpx.Response:
        return client.post(self.path, content=self.content, headers=self.headers)


def mailgun(raw: bytes, *, key: str = MAILGUN_KEY, multipart: bool = False) -> Post:
    """A Mailgun route (store and notify) posting the raw MIME to .../mime, signed."""
    timestamp, token = str(int(time.time())), secrets.token_hex(25)
    signature = hmac.new(key.encode(), (timestamp + token).encode(), hashlib.sha256).hexdigest()
    fields = [
        ("recipient", b"carol@example.org"),
        ("sender", b"erin@example.net"),
        ("subject", b"Invitation: Budget"),
        ("body-mime", raw),
        ("timestamp", timestamp.encode()),
        ("token", token.encode()),
        ("signature", signature.encode()),
    ]
    if multipart:
        return Post("/inbound/mailgun/mime", *form_data(fields))
    body = b"&".join(
        name.encode() + b"=" + quote_from_bytes(value).encode() for name, value in fields
    )
    return Post(
        "/inbound/mailgun/mime", body, {"Content-Type": "application/x-www-form-urlencoded"}
    )


def sendgrid(raw: bytes, *, password: str = SECRET) -> Post:
    """SendGrid Inbound Parse with "POST the raw, full MIME message" on."""
    envelope = json.dumps({"to": ["carol@example.org"], "from": "erin@example.net"})
    charsets = json.dumps({"to": "UTF-8", "from": "UTF-8", "subject": "UTF-8"})
    content, headers = form_data(
        [
            ("headers", raw.split(b"\r\n\r\n", 1)[0]),
            ("dkim", b"{@example.net : pass}"),
            ("email", raw),
            ("to", b"carol@example.org"),
            ("from", b"Erin <erin@example.net>"),
            ("sender_ip", b"192.0.2.7"),
            ("envelope", envelope.encode()),
            ("subject", b"Invitation: Budget"),
            ("charsets", charsets.encode()),
            ("SPF", b"pass"),
        ]
    )
    return Post("/inbound/sendgrid", content, {**headers, **basic("parse", password)})


def postmark(raw: bytes | None, *, password: str = SECRET) -> Post:
    """Postmark's inbound webhook with "Include raw email content in JSON payload" on
    (RawEmail None: with it off)."""
    payload: dict[str, Any] = {
        "From": "erin@example.net",
        "FromFull": {"Email": "erin@example.net", "Name": "Erin", "MailboxHash": ""},
        "To": "carol@example.org",
        "OriginalRecipient": "carol@example.org",
        "Subject": "Invitation: Budget",
        "MessageID": "a8c1040e-db1c-4e18-ac79-bc5f64c7ce2c",
        "TextBody": "Erin invites you.",
        "Headers": [{"Name": "X-Spam-Status", "Value": "No"}],
        "Attachments": [],
    }
    if raw is not None:
        payload["RawEmail"] = raw.decode("utf-8")
    headers = {"Content-Type": "application/json", **basic("postmark", password)}
    return Post("/inbound/postmark", json.dumps(payload).encode(), headers)


def every_route(raw: bytes) -> list[Post]:
    """`raw` as each way in over HTTP sends it: the raw route, then each provider's."""
    return [
        Post("/inbound/email", raw, {"X-Televent-Secret": SECRET}),
        mailgun(raw),
        sendgrid(raw),
        postmark(raw),
    ]


def form_data(fields: list[tuple[str, bytes]]) -> tuple[bytes, dict[str, str]]:
    boundary = "xYzZY" + secrets.token_hex(8)
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
        + value
        + b"\r\n"
        for name, value in fields
    ]
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def basic(user: str, password: str) -> dict[str, str]:
    credentials = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"Authorization": f"Basic {credentials}"}


# --- what Carol sees ---------------------------------------------------------------------


def calendar(client: httpx.Client, telegram_id: int, password: str) -> dict[str, str]:
    """The events in a user's default calendar over CalDAV: href -> iCalendar text."""
    listing = client.request(
        "PROPFIND",
        f"/dav/calendars/{telegram_id}/default/",
        auth=(str(telegram_id), password),
        headers={"Depth": "1", "Content-Type": "application/xml"},
        content=b'<propfind xmlns="DAV:"><prop><getetag/></prop></propfind>',
    )
    assert listing.status_code == 207, listing.text
    hrefs = re.findall(r"<(?:\w+:)?href>([^<]+\.ics)</", listing.text)
    return {href: client.get(href, auth=(str(telegram_id), password)).text for href in hrefs}


def cards(database_url: str, chat_id: int) -> int:
    return sum(1 for _, chat in queued(database_url)[1] if chat == chat_id)


def results(answer: httpx.Response) -> list[str]:
    assert answer.status_code == 200, answer.text
    return [outcome["result"] for outcome in answer.json()["outcomes"]]


@pytest.fixture
def carol_served(backend: Backend, tmp_path: Path) -> Iterator[tuple[httpx.Client, str, str]]:
    """A server with every inbound route on, and Carol (linked email carol@example.org):
    (client, database URL, Carol's device password)."""
    database_url, password = prepared(backend)
    with (
        running_serve(database_url, tmp_path, SERVER_ENV) as (url, _),
        httpx.Client(base_url=url, timeout=30) as client,
    ):
        yield client, database_url, password


# --- the tests -------------------------------------------------------------------------------


def test_each_provider_takes_its_signed_message_and_refuses_a_forged_one(
    carol_served: tuple[httpx.Client, str, str],
) -> None:
    client, database_url, password = carol_served
    routes = {
        "mailgun": (mailgun, lambda raw: mailgun(raw, key="not-the-signing-key")),
        "mailgun-multipart": (
            lambda raw: mailgun(raw, multipart=True),
            lambda raw: mailgun(raw, key="guessed", multipart=True),
        ),
        "sendgrid": (sendgrid, lambda raw: sendgrid(raw, password="guessed")),
        "postmark": (postmark, lambda raw: postmark(raw, password="guessed")),
    }
    for name, (valid, forged) in routes.items():
        uid = f"{name}-1@example.net"
        raw = external_request(uid, summary=f"Budget via {name}")
        before, cards_before = calendar(client, 3, password), cards(database_url, 3)
        refused = forged(raw).send(client)
        assert refused.status_code == 403, (name, refused.text)
        assert calendar(client, 3, password) == before, name
        assert cards(database_url, 3) == cards_before, name
        assert results(valid(raw).send(client)) == ["created"], name
        (added,) = set(calendar(client, 3, password)) - set(before)
        assert f"UID:{uid}" in calendar(client, 3, password)[added]
        assert f"SUMMARY:Budget via {name}" in calendar(client, 3, password)[added]
        assert cards(database_url, 3) == cards_before + 1, name
    # No request without Basic credentials gets in either.
    raw = external_request("unsigned@example.net")
    bare = Post("/inbound/postmark", postmark(raw).content, {"Content-Type": "application/json"})
    assert bare.send(client).status_code == 403
    assert "unsigned@example.net" not in "".join(calendar(client, 3, password).values())


def test_one_message_through_several_routes_is_processed_once(
    carol_served: tuple[httpx.Client, str, str],
) -> None:
    client, database_url, password = carol_served
    raw = external_request("everywhere@example.net")
    assert results(mailgun(raw).send(client)) == ["created"]
    events, sent = calendar(client, 3, password), cards(database_url, 3)
    for again in every_route(raw):
        answer = again.send(client)
        assert answer.status_code == 200 and answer.json()["duplicate"] is True, again.path
    assert calendar(client, 3, password) == events
    assert cards(database_url, 3) == sent


def test_routes_whose_secret_is_not_set_are_not_there(tmp_path: Path) -> None:
    database_url = f"sqlite:///{tmp_path / 'off.db'}"
    build_application(Settings(database_url=database_url)).close()
    with (
        running_serve(database_url, tmp_path) as (url, process),
        httpx.Client(base_url=url, timeout=30) as client,
    ):
        raw = external_request("off@example.net")
        answers = {
            "TELEVENT_INBOUND_SECRET": [
                Post("/inbound/email", raw, {"X-Televent-Secret": SECRET}).send(client),
                sendgrid(raw).send(client),
                postmark(raw).send(client),
            ],
            "TELEVENT_MAILGUN_SIGNING_KEY": [mailgun(raw).send(client)],
        }
    for setting, responses in answers.items():
        for answer in responses:
            assert answer.status_code == 404
            assert answer.json()["error"] == f"Inbound email is off ({setting} is not set)."
    assert "Email in:" not in process.output()  # serve says no inbound route is on


def test_serve_says_which_inbound_routes_are_on(tmp_path: Path) -> None:
    database_url = f"sqlite:///{tmp_path / 'on.db'}"
    build_application(Settings(database_url=database_url)).close()
    with running_serve(database_url, tmp_path, SERVER_ENV) as (_, process):
        output = process.output()
    assert "POST /inbound/mailgun/mime (signed with TELEVENT_MAILGUN_SIGNING_KEY)" in output
    assert "POST /inbound/sendgrid and /inbound/postmark" in output
    assert "senders are not checked (TELEVENT_TRUSTED_AUTHSERV_IDS is not set)" in output
    with running_serve(
        database_url, tmp_path, {**SERVER_ENV, "TELEVENT_TRUSTED_AUTHSERV_IDS": "mx.example.org"}
    ) as (_, process):
        output = process.output()
    assert "POST /inbound/sendgrid" in output and "senders are not checked" not in output


HEAD = b"From: Erin <erin@example.net>\r\nTo: carol@example.org\r\n"
CALENDAR_PART = (
    b"Content-Type: text/calendar; method=REQUEST\r\n\r\n"
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//EN\r\nMETHOD:REQUEST\r\n"
    b"BEGIN:VEVENT\r\nUID:bomb@example.net\r\nDTSTAMP:20261121T080000Z\r\n"
    b"DTSTART:20261207T090000Z\r\nSUMMARY:Bomb\r\nORGANIZER:mailto:erin@example.net\r\n"
    b"ATTENDEE:mailto:carol@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def bomb_nested() -> bytes:
    """An invitation under 5,000 levels of multipart (the stdlib parser alone runs out of
    recursion on it)."""
    levels = b"".join(
        b"Content-Type: multipart/mixed; boundary=b%d\r\n\r\n--b%d\r\n" % (n, n)
        for n in range(5000)
    )
    return HEAD + levels + CALENDAR_PART


def bomb_parts() -> bytes:
    """An invitation after more sibling parts than Televent reads."""
    parts = b"--B\r\nContent-Type: text/plain\r\n\r\nx\r\n" * (MAX_PARTS + 10)
    return (
        HEAD
        + b"Content-Type: multipart/mixed; boundary=B\r\n\r\n"
        + parts
        + b"--B\r\n"
        + CALENDAR_PART
        + b"--B--\r\n"
    )


def test_hostile_messages_and_bodies_are_refused_with_a_reason(
    carol_served: tuple[httpx.Client, str, str], tmp_path: Path
) -> None:
    client, database_url, password = carol_served
    nested_reason = f"the MIME structure is nested more than {MAX_DEPTH} levels"
    parts_reason = f"the message has more than {MAX_PARTS} MIME parts"
    for raw, reason in ((bomb_nested(), nested_reason), (bomb_parts(), parts_reason)):
        for request in every_route(raw):
            answer = request.send(client)
            assert (answer.status_code, answer.json()) == (400, {"error": reason}), request.path
    # Bodies a provider would not send, each answered with what is wrong.
    no_raw = postmark(None).send(client)
    assert no_raw.status_code == 422 and "Include raw email content" in no_raw.json()["error"]
    not_json = Post("/inbound/postmark", b"{", postmark(None).headers).send(client)
    assert not_json.status_code == 400
    parsed = sendgrid(b"")  # raw delivery off: the email field is empty
    assert parsed.send(client).status_code == 422
    as_json = Post("/inbound/sendgrid", b"{}", {**sendgrid(b"x").headers,
                                                "Content-Type": "application/json"})  # fmt: skip
    assert as_json.send(client).status_code == 415
    truncated = sendgrid(external_request("cut@example.net"))
    cut = Post(truncated.path, truncated.content[:-30], truncated.headers).send(client)
    assert cut.status_code == 400 and "cannot be read" in cut.json()["error"]
    assert calendar(client, 3, password) == {}
    # The server is not held up: an ordinary invitation goes straight through afterwards.
    assert results(sendgrid(external_request("after@example.net")).send(client)) == ["created"]
    # The pipe refuses the bomb with the same reason, on stderr, and exits 1.
    env = {"TELEVENT_DATABASE_URL": database_url, "PYTHONPATH": str(ROOT / "src"), "PATH": ""}
    piped = subprocess.run(
        [sys.executable, "-m", "televent", "mail", "ingest", "-"], input=bomb_nested(),
        capture_output=True, env=env, cwd=tmp_path, timeout=60, check=False,
    )  # fmt: skip
    assert (piped.returncode, piped.stderr.decode().strip()) == (1, f"error: {nested_reason}")


def test_real_invitations_come_in_through_each_provider(tmp_path: Path) -> None:
    invitations = [  # file, invitee, UID; each by another provider
        ("google-request-meet-qp-swedish.eml", "homer@example.com",
         "65m17hsdolmotv3kvmrtg40ont@google.com", mailgun),
        ("outlook2010-request-qp.eml", "rkidai@mairie-saint-ouen.fr",
         "040000008200E00074C5B7101A82E00800000000206A4EEA59DCCD01000000000000000010000000"
         "AAA0FD7CFF3E614A8420F4F30FA333D5", sendgrid),
        ("apple-ical5-request-qp.eml", "unittest@tine20.org",
         "48560E48-9DE3-41F1-8F03-7607C67F7A8F", postmark),
    ]  # fmt: skip
    database_url = f"sqlite:///{tmp_path / 'corpus.db'}"
    app = build_application(Settings(database_url=database_url))
    passwords = {}
    for telegram_id, (_, invitee, _, _) in enumerate(invitations, start=10):
        app.register_account(telegram_id, name=invitee, email=invitee, actor=ACTOR, source=SOURCE)
        passwords[telegram_id] = app.issue_device_password(
            telegram_id, "laptop", actor=ACTOR, source=SOURCE
        ).password
    app.close()
    with (
        running_serve(database_url, tmp_path, SERVER_ENV) as (url, _),
        httpx.Client(base_url=url, timeout=30) as client,
    ):
        for telegram_id, (file, _, uid, provider) in enumerate(invitations, start=10):
            answer = provider((CORPUS / file).read_bytes()).send(client)
            assert results(answer) == ["created"], (file, answer.text)
            (event,) = calendar(client, telegram_id, passwords[telegram_id]).values()
            unfolded = event.replace("\r\n ", "")
            assert f"UID:{uid}" in unfolded, file
