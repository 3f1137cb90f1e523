"""SMTP sending against a real aiosmtpd server on the loopback interface.

Covers delivery, the sorting of failures into permanent (5xx) and temporary (4xx, network)
ones, AUTH with the URL's credentials, STARTTLS and implicit TLS with a self-signed
certificate, and the parsing of TELEVENT_SMTP_URL.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email
import email.policy
import shutil
import socket
import ssl
import subprocess
from email.message import EmailMessage, MIMEPart
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword, Session

from televent.adapters.mail.outbound import MailSummary, OutgoingMail, build_message
from televent.adapters.mail.smtp import (
    MailConfigurationError,
    PermanentMailError,
    SmtpSettings,
    TemporaryMailError,
    send_message,
)
from tests.smtpsink import HOST, Recorder, free_port, smtp_server

# The plain-text AUTH tests run aiosmtpd the way it warns against, on purpose.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

TEST_TIMEOUT = 20.0  # seconds for one whole send, on top of the client's own timeouts
USER = "zoë"
PASSWORD = "p@ss wörd:/"
ICAL = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Televent//Televent//EN\r\nMETHOD:REQUEST\r\n"
    "BEGIN:VEVENT\r\nUID:42@televent.example\r\nDTSTAMP:20261101T120000Z\r\n"
    "DTSTART:20261203T140000Z\r\nSUMMARY:Team sync\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def invitation() -> EmailMessage:
    return build_message(
        OutgoingMail(
            method="REQUEST",
            ical=ICAL,
            to_address="bob@example.org",
            to_name="Bob",
            from_address="zoe@televent.example",
            from_name="Zoë Ärger",
            reply_to=None,
            subject="Invitation: Team sync",
            summary=MailSummary(
                headline="Zoë Ärger invites you to Team sync",
                title="Team sync",
                when="Thu 3 Dec 2026, 15:00–16:00 (Europe/Berlin)",
                location=None,
                organizer="Zoë Ärger",
                description=None,
            ),
            message_id="imip.1.bob@televent.example",
            date=dt.datetime(2026, 11, 1, 12, 0, tzinfo=dt.UTC),
        )
    )


def send(url: str, recipients: tuple[str, ...] = ("bob@example.org",)) -> None:
    async def main() -> None:
        async with asyncio.timeout(TEST_TIMEOUT):
            await send_message(
                SmtpSettings.parse(url),
                invitation(),
                envelope_from="bounces@televent.example",
                recipients=list(recipients),
            )

    asyncio.run(main())


def mime_tree(part: MIMEPart) -> object:
    if part.is_multipart():
        return (part.get_content_type(), [mime_tree(child) for child in part.iter_parts()])
    return part.get_content_type()


def assert_delivered(handler: Recorder, recipients: list[str]) -> None:
    (envelope,) = handler.envelopes
    assert envelope.mail_from == "bounces@televent.example"
    assert envelope.rcpt_tos == recipients
    content = envelope.original_content
    assert isinstance(content, bytes)
    arrived = email.message_from_bytes(content, policy=email.policy.default)
    assert mime_tree(arrived) == mime_tree(invitation())
    assert arrived["Message-ID"] == "<imip.1.bob@televent.example>"
    assert arrived["From"].addresses[0].display_name == "Zoë Ärger"
    calendars = [
        part.get_payload(decode=True)
        for part in arrived.walk()
        if part.get_content_type() in ("text/calendar", "application/ics")
    ]
    assert calendars == [ICAL.encode(), ICAL.encode()]


def test_a_message_arrives_as_sent() -> None:
    handler = Recorder()
    with smtp_server(handler) as port:
        send(f"smtp://{HOST}:{port}?timeout=5")

    assert_delivered(handler, ["bob@example.org"])


def test_an_unknown_user_is_a_permanent_failure() -> None:
    with (
        smtp_server(Recorder("550 5.1.1 no such user")) as port,
        pytest.raises(PermanentMailError) as caught,
    ):
        send(f"smtp://{HOST}:{port}?timeout=5")

    assert caught.value.code == 550
    assert "no such user" in caught.value.detail


def test_a_greylisting_reply_is_a_temporary_failure() -> None:
    with (
        smtp_server(Recorder("451 4.3.0 try later")) as port,
        pytest.raises(TemporaryMailError) as caught,
    ):
        send(f"smtp://{HOST}:{port}?timeout=5")

    assert caught.value.code == 451
    assert "try later" in caught.value.detail


def test_a_partly_refused_envelope_raises_for_the_refusal() -> None:
    class Picky(Recorder):
        async def handle_RCPT(
            self,
            server: Any,
            session: Session,
            envelope: Envelope,
            address: str,
            rcpt_options: list[str],
        ) -> str:
            if address.startswith("nobody"):
                return "550 5.1.1 no such user"
            return await super().handle_RCPT(server, session, envelope, address, rcpt_options)

    handler = Picky()
    with smtp_server(handler) as port, pytest.raises(PermanentMailError) as caught:
        send(f"smtp://{HOST}:{port}?timeout=5", ("bob@example.org", "nobody@example.org"))

    assert caught.value.code == 550
    assert "nobody@example.org" in caught.value.detail
    assert [envelope.rcpt_tos for envelope in handler.envelopes] == [["bob@example.org"]]


def test_a_closed_port_is_a_temporary_failure() -> None:
    with pytest.raises(TemporaryMailError) as caught:
        send(f"smtp://{HOST}:{free_port()}?timeout=5")

    assert caught.value.code is None


def test_a_silent_server_times_out_as_a_temporary_failure() -> None:
    with socket.socket() as listener:  # accepts connections (in the backlog), never greets
        listener.bind((HOST, 0))
        listener.listen()
        port = listener.getsockname()[1]
        with pytest.raises(TemporaryMailError):
            send(f"smtp://{HOST}:{port}?timeout=0.5")


def authenticator(
    server: Any, session: Session, envelope: Envelope, mechanism: str, auth_data: Any
) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        USER.encode(),
        PASSWORD.encode(),
    )
    return AuthResult(success=ok, handled=False)  # not handled: aiosmtpd itself replies 535


AUTH_SERVER = {"authenticator": authenticator, "auth_require_tls": False, "auth_required": True}


def test_login_with_the_urls_percent_encoded_credentials() -> None:
    handler = Recorder()
    with smtp_server(handler, **AUTH_SERVER) as port:
        send(f"smtp://zo%C3%AB:p%40ss%20w%C3%B6rd%3A%2F@{HOST}:{port}?starttls=no&timeout=5")

    assert_delivered(handler, ["bob@example.org"])


def test_wrong_credentials_are_a_permanent_failure() -> None:
    handler = Recorder()
    with smtp_server(handler, **AUTH_SERVER) as port, pytest.raises(PermanentMailError) as caught:
        send(f"smtp://zo%C3%AB:wrong@{HOST}:{port}?starttls=no&timeout=5")

    assert caught.value.code == 535
    assert handler.envelopes == []


def test_credentials_are_not_sent_without_tls_unless_the_url_says_so() -> None:
    handler = Recorder()
    with smtp_server(handler, **AUTH_SERVER) as port, pytest.raises(TemporaryMailError) as caught:
        send(f"smtp://zo%C3%AB:p%40ss%20w%C3%B6rd%3A%2F@{HOST}:{port}?timeout=5")

    assert "STARTTLS" in caught.value.detail
    assert handler.envelopes == []


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is needed to make a self-signed certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            *(openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost"),
            *("-days", "1", "-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


def server_context(certificate: tuple[Path, Path]) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*certificate)
    return context


def test_starttls_with_a_self_signed_certificate(certificate: tuple[Path, Path]) -> None:
    handler = Recorder()
    tls = {"tls_context": server_context(certificate), "require_starttls": True}
    with smtp_server(handler, **tls) as port:
        send(f"smtp://{HOST}:{port}?starttls=required&verify=no&timeout=5")
        with pytest.raises(TemporaryMailError):  # the certificate is not trusted
            send(f"smtp://{HOST}:{port}?starttls=required&timeout=5")

    assert_delivered(handler, ["bob@example.org"])


def test_starttls_and_auth_together(certificate: tuple[Path, Path]) -> None:
    handler = Recorder()
    tls = {"tls_context": server_context(certificate), "require_starttls": True}
    server = {**AUTH_SERVER, "auth_require_tls": True, **tls}
    with smtp_server(handler, **server) as port:
        send(f"smtp://zo%C3%AB:p%40ss%20w%C3%B6rd%3A%2F@{HOST}:{port}?verify=no&timeout=5")

    assert_delivered(handler, ["bob@example.org"])


def test_implicit_tls(certificate: tuple[Path, Path]) -> None:
    handler = Recorder()
    with smtp_server(handler, ssl_context=server_context(certificate)) as port:
        send(f"smtps://{HOST}:{port}?verify=no&timeout=5")

    assert_delivered(handler, ["bob@example.org"])


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("smtp://mail.example.org", ("mail.example.org", 25, None, None, "opportunistic")),
        ("smtps://mail.example.org", ("mail.example.org", 465, None, None, "tls")),
        (
            "smtp://user%40example.org:p%3Ass@mail.example.org:587",
            ("mail.example.org", 587, "user@example.org", "p:ss", "starttls"),
        ),
        (
            "smtp://u:p@mail.example.org:587?starttls=opportunistic",
            ("mail.example.org", 587, "u", "p", "opportunistic"),
        ),
        ("smtp://relay:2525?starttls=required", ("relay", 2525, None, None, "starttls")),
        ("smtp://relay?starttls=no", ("relay", 25, None, None, "plain")),
        ("SMTP://Relay.Example.ORG/", ("relay.example.org", 25, None, None, "opportunistic")),
        ("smtp://[::1]:25", ("::1", 25, None, None, "opportunistic")),
    ],
)
def test_parse_good_urls(url: str, expected: tuple[object, ...]) -> None:
    settings = SmtpSettings.parse(url)

    assert (
        settings.host,
        settings.port,
        settings.username,
        settings.password,
        settings.security,
    ) == expected
    assert settings.verify_tls is True
    assert settings.timeout == 30.0


def test_parse_options() -> None:
    settings = SmtpSettings.parse("smtps://relay?verify=no&timeout=2.5")

    assert (settings.verify_tls, settings.timeout) == (False, 2.5)
    assert "s3cret" not in repr(SmtpSettings.parse("smtp://u:s3cret@relay"))


@pytest.mark.parametrize(
    "url",
    [
        "",
        "mail.example.org",
        "http://mail.example.org",
        "smtp://",
        "smtp://:25",
        "smtp://relay:port",
        "smtp://relay:70000",
        "smtp://relay:0",
        "smtp://relay/path",
        "smtp://relay?starttls=maybe",
        "smtp://relay?tls=yes",
        "smtp://relay?verify=perhaps",
        "smtp://relay?timeout=soon",
        "smtp://relay?timeout=0",
        "smtp://relay?timeout=nan",
        "smtp://relay?verify=no&verify=yes",
        "smtps://relay?starttls=required",
        "smtp://user@relay",
        "smtp://:secret@relay",
    ],
)
def test_parse_bad_urls(url: str) -> None:
    with pytest.raises(MailConfigurationError, match="TELEVENT_SMTP_URL"):
        SmtpSettings.parse(url)


def test_a_bad_url_does_not_echo_the_password() -> None:
    with pytest.raises(MailConfigurationError) as caught:
        SmtpSettings.parse("smtp://user:s3cret@relay?bogus=1")

    assert "s3cret" not in str(caught.value)
