"""IMAP polling (RFC 3501) against the in-process IMAP4rev1 stand-in on loopback."""

from __future__ import annotations

import imaplib
import logging
import shutil
import socket
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

from televent.adapters.mail.imap import (
    ImapConfigurationError,
    ImapSettings,
    ImapUnavailableError,
    PollResult,
    poll_once,
)
from tests.imapd import ImapStandIn, LoginAttempt, server_tls_context
from tests.smtpsink import free_port

USER = "alice@example.org"
PASSWORD = "s3cret pass"  # a space forces imaplib to quote it


def message(number: int) -> bytes:
    return (
        "From: Bob <bob@example.org>\r\n"
        "To: Alice <alice@example.org>\r\n"
        f"Subject: Invitation {number}\r\n"
        f"Message-ID: <invite-{number}@example.org>\r\n"
        "Date: Mon, 01 Jun 2026 09:00:00 +0000\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "\r\n"
        f"Please come to meeting {number}.\r\n"
    ).encode()


class Recorder:
    """A handler that records what it was given and can fail on chosen messages."""

    def __init__(self, fail_on: set[bytes] | None = None) -> None:
        self.received: list[bytes] = []
        self.fail_on = fail_on or set()

    def __call__(self, raw: bytes) -> None:
        self.received.append(raw)
        if raw in self.fail_on:
            raise RuntimeError("cannot handle this one")


@pytest.fixture
def server() -> Iterator[ImapStandIn]:
    with ImapStandIn(USER, PASSWORD) as stand_in:
        yield stand_in


def settings_for(server: ImapStandIn, **changes: object) -> ImapSettings:
    values: dict[str, object] = {
        "host": server.host,
        "port": server.port,
        "username": USER,
        "password": PASSWORD,
        "mailbox": "INBOX",
        "use_tls": False,
        "verify_tls": True,
        "timeout": 5.0,
    }
    values.update(changes)
    return ImapSettings(**values)  # type: ignore[arg-type]


def test_poll_hands_over_unseen_messages_in_order_and_marks_them_seen(
    server: ImapStandIn,
) -> None:
    raws = [message(n) for n in (1, 2, 3)]
    uids = [server.deliver(raw) for raw in raws]
    handler = Recorder()

    result = poll_once(settings_for(server), handler)

    assert result == PollResult(fetched=3, failed=0)
    assert handler.received == raws
    assert all("\\Seen" in server.flags(uid) for uid in uids)
    assert any("BODY.PEEK[]" in line for line in server.commands)
    assert server.commands[-1].endswith("LOGOUT")


def test_second_poll_fetches_nothing(server: ImapStandIn) -> None:
    for n in (1, 2, 3):
        server.deliver(message(n))
    poll_once(settings_for(server), Recorder())
    handler = Recorder()

    assert poll_once(settings_for(server), handler) == PollResult(fetched=0, failed=0)
    assert handler.received == []


def test_already_seen_messages_are_skipped(server: ImapStandIn) -> None:
    server.deliver(message(1), flags={"\\Seen"})
    fresh = server.deliver(message(2))
    handler = Recorder()

    assert poll_once(settings_for(server), handler) == PollResult(fetched=1, failed=0)
    assert handler.received == [message(2)]
    assert "\\Seen" in server.flags(fresh)


def test_failing_handler_leaves_message_unseen_for_the_next_poll(
    server: ImapStandIn, caplog: pytest.LogCaptureFixture
) -> None:
    raws = [message(n) for n in (1, 2, 3)]
    first, second, third = (server.deliver(raw) for raw in raws)
    flaky = Recorder(fail_on={raws[1]})

    with caplog.at_level(logging.ERROR, logger="televent.adapters.mail.imap"):
        result = poll_once(settings_for(server), flaky)

    assert result == PollResult(fetched=3, failed=1)
    assert flaky.received == raws
    assert "\\Seen" in server.flags(first)
    assert "\\Seen" not in server.flags(second)
    assert "\\Seen" in server.flags(third)
    assert any(f"UID {second}" in record.getMessage() for record in caplog.records)
    assert any(record.exc_info for record in caplog.records)

    working = Recorder()
    assert poll_once(settings_for(server), working) == PollResult(fetched=1, failed=0)
    assert working.received == [raws[1]]
    assert "\\Seen" in server.flags(second)


def test_limit_takes_the_oldest_first(server: ImapStandIn) -> None:
    raws = [message(n) for n in range(1, 6)]
    uids = [server.deliver(raw) for raw in raws]
    handler = Recorder()

    assert poll_once(settings_for(server), handler, limit=2) == PollResult(fetched=2, failed=0)
    assert handler.received == raws[:2]
    assert ["\\Seen" in server.flags(uid) for uid in uids] == [True, True, False, False, False]

    assert poll_once(settings_for(server), handler, limit=2).fetched == 2
    assert poll_once(settings_for(server), handler, limit=2).fetched == 1
    assert handler.received == raws


def test_limit_must_be_positive(server: ImapStandIn) -> None:
    with pytest.raises(ValueError, match="limit"):
        poll_once(settings_for(server), Recorder(), limit=0)


def test_parsed_url_polls_the_stand_in(server: ImapStandIn) -> None:
    server.deliver(message(1))
    url = f"imap://alice%40example.org:s3cret%20pass@127.0.0.1:{server.port}/INBOX?timeout=5"
    handler = Recorder()

    assert poll_once(ImapSettings.parse(url), handler).fetched == 1
    assert handler.received == [message(1)]


def test_other_mailbox_is_selected_by_quoted_name() -> None:
    with ImapStandIn(USER, PASSWORD, mailbox="Calendar Invites") as server:
        server.deliver(message(1))
        handler = Recorder()

        poll_once(settings_for(server, mailbox="Calendar Invites"), handler)

        assert handler.received == [message(1)]


def test_missing_mailbox_is_unavailable(server: ImapStandIn) -> None:
    with pytest.raises(ImapUnavailableError, match="Archive"):
        poll_once(settings_for(server, mailbox="Archive"), Recorder())
    assert server.commands[-1].endswith("LOGOUT")


def test_wrong_password_is_unavailable_and_not_disclosed(server: ImapStandIn) -> None:
    server.deliver(message(1))
    handler = Recorder()

    with pytest.raises(ImapUnavailableError, match="login") as caught:
        poll_once(settings_for(server, password="wrong-guess"), handler)

    assert "wrong-guess" not in str(caught.value)
    assert caught.value.__cause__ is None
    assert handler.received == []
    assert "\\Seen" not in server.flags(1)


def test_closed_port_is_unavailable() -> None:
    settings = ImapSettings.parse(f"imap://u:p@127.0.0.1:{free_port()}/?timeout=2")

    with pytest.raises(ImapUnavailableError, match="cannot connect"):
        poll_once(settings, Recorder())


def test_silent_server_times_out() -> None:
    with socket.socket() as silent:  # accepts connections (backlog) but never greets
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        port = silent.getsockname()[1]
        settings = ImapSettings.parse(f"imap://u:p@127.0.0.1:{port}/?timeout=0.3")

        with pytest.raises(ImapUnavailableError, match="timed out"):
            poll_once(settings, Recorder())


def test_stand_in_answers_unknown_commands_with_bad(server: ImapStandIn) -> None:
    client = imaplib.IMAP4(server.host, server.port, timeout=5)
    try:
        with pytest.raises(imaplib.IMAP4.error, match="unknown command"):
            client.xatom("FROBNICATE")
        assert client.noop()[0] == "OK"
    finally:
        client.logout()


# -- TLS: imaps:// and STARTTLS ------------------------------------------------------------------


class Certificate(NamedTuple):
    cert: Path
    key: Path


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Certificate:
    """A fresh self-signed certificate for 127.0.0.1 and localhost (P-256 key: fast to make)."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("the openssl command line tool is not installed; it makes the test certificate")
    directory = tmp_path_factory.mktemp("tls")
    made = Certificate(directory / "cert.pem", directory / "key.pem")
    command = [
        openssl, "req", "-x509", "-nodes", "-days", "2",
        "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
        "-keyout", str(made.key), "-out", str(made.cert),
        "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)
    assert done.returncode == 0, f"openssl could not make a test certificate:\n{done.stderr}"
    return made


@pytest.fixture(scope="module")
def tls(certificate: Certificate) -> ssl.SSLContext:
    return server_tls_context(certificate.cert, certificate.key)


@pytest.fixture
def trusted(certificate: Certificate, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the test certificate the only CA of ssl.create_default_context (via SSL_CERT_FILE)."""
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate.cert))
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    der = ssl.PEM_cert_to_DER_cert(certificate.cert.read_text())
    if der not in ssl.create_default_context().get_ca_certs(binary_form=True):
        pytest.skip("this Python's ssl module does not read trusted CAs from SSL_CERT_FILE")


def test_imaps_url_polls_over_tls_and_marks_seen(tls: ssl.SSLContext) -> None:
    with ImapStandIn(USER, PASSWORD, tls=tls, implicit_tls=True) as server:
        raws = [message(n) for n in (1, 2)]
        uids = [server.deliver(raw) for raw in raws]
        settings = ImapSettings.parse(server.url(verify=False))
        assert settings.use_tls
        assert not settings.verify_tls
        handler = Recorder()

        assert poll_once(settings, handler) == PollResult(fetched=2, failed=0)

        assert handler.received == raws
        assert all("\\Seen" in server.flags(uid) for uid in uids)
        assert server.logins == [LoginAttempt(USER, over_tls=True, accepted=True)]
        assert not any("STARTTLS" in line for line in server.commands)
        assert server.commands[-1].endswith("LOGOUT")


@pytest.mark.parametrize("login_requires_tls", [False, True], ids=["offered", "required"])
def test_imap_url_upgrades_with_starttls_before_login(
    tls: ssl.SSLContext, login_requires_tls: bool
) -> None:
    with ImapStandIn(USER, PASSWORD, tls=tls, login_requires_tls=login_requires_tls) as server:
        uid = server.deliver(message(1))
        settings = ImapSettings.parse(server.url(verify=False))
        assert not settings.use_tls
        handler = Recorder()

        assert poll_once(settings, handler) == PollResult(fetched=1, failed=0)

        assert handler.received == [message(1)]
        assert "\\Seen" in server.flags(uid)
        assert server.logins == [LoginAttempt(USER, over_tls=True, accepted=True)]
        names = [line.split(" ")[1].upper() for line in server.commands]
        assert names.count("STARTTLS") == 1
        assert names.index("STARTTLS") < names.index("LOGIN")


@pytest.mark.parametrize("implicit_tls", [True, False], ids=["imaps", "starttls"])
def test_untrusted_certificate_fails_before_the_password_is_sent(
    tls: ssl.SSLContext, implicit_tls: bool
) -> None:
    with ImapStandIn(USER, PASSWORD, tls=tls, implicit_tls=implicit_tls) as server:
        uid = server.deliver(message(1))
        settings = ImapSettings.parse(server.url())  # verification on: self-signed is refused
        assert settings.verify_tls
        handler = Recorder()

        with pytest.raises(ImapUnavailableError, match=r"(?i)certificate verify failed") as caught:
            poll_once(settings, handler)

        assert PASSWORD not in str(caught.value)
        assert "s3cret" not in str(caught.value)
        assert caught.value.__cause__ is None
        assert handler.received == []
        assert "\\Seen" not in server.flags(uid)
        assert server.logins == []
        assert not any("LOGIN" in line for line in server.commands)


@pytest.mark.parametrize("implicit_tls", [True, False], ids=["imaps", "starttls"])
@pytest.mark.usefixtures("trusted")
def test_certificate_from_a_trusted_ca_is_verified(tls: ssl.SSLContext, implicit_tls: bool) -> None:
    with ImapStandIn(USER, PASSWORD, tls=tls, implicit_tls=implicit_tls) as server:
        uid = server.deliver(message(1))
        handler = Recorder()

        assert poll_once(ImapSettings.parse(server.url()), handler).fetched == 1

        assert handler.received == [message(1)]
        assert "\\Seen" in server.flags(uid)
        assert server.logins == [LoginAttempt(USER, over_tls=True, accepted=True)]


def test_stand_in_refuses_plain_login_and_offers_starttls_only_once(
    tls: ssl.SSLContext, certificate: Certificate
) -> None:
    with ImapStandIn(USER, PASSWORD, tls=tls, login_requires_tls=True) as server:
        client = imaplib.IMAP4(server.host, server.port, timeout=5)
        try:
            assert {"STARTTLS", "LOGINDISABLED"} <= set(client.capabilities)
            with pytest.raises(imaplib.IMAP4.error, match="PRIVACYREQUIRED"):
                client.login(USER, PASSWORD)

            client.starttls(ssl.create_default_context(cafile=certificate.cert))

            assert "STARTTLS" not in client.capabilities
            assert "LOGINDISABLED" not in client.capabilities
            with pytest.raises(imaplib.IMAP4.error, match="already active"):
                client.xatom("STARTTLS")
            assert client.login(USER, PASSWORD)[0] == "OK"
        finally:
            client.logout()

        assert server.logins == [
            LoginAttempt(USER, over_tls=False, accepted=False),
            LoginAttempt(USER, over_tls=True, accepted=True),
        ]


# -- TELEVENT_IMAP_URL ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "imap://alice:secret@mail.example.org/INBOX",
            ("mail.example.org", 143, "alice", "secret", "INBOX", False, True, 30.0),
        ),
        (
            "imaps://alice:secret@mail.example.org",
            ("mail.example.org", 993, "alice", "secret", "INBOX", True, True, 30.0),
        ),
        (
            "imaps://alice:secret@mail.example.org:10993/",
            ("mail.example.org", 10993, "alice", "secret", "INBOX", True, True, 30.0),
        ),
        (
            "IMAP://bob%40example.org:p%40ss%3Aword%2F@[::1]:1143/Calendar%20Invites",
            ("::1", 1143, "bob@example.org", "p@ss:word/", "Calendar Invites", False, True, 30.0),
        ),
        (
            "imaps://a:b@localhost/Lists/Invites?verify=no&timeout=2.5",
            ("localhost", 993, "a", "b", "Lists/Invites", True, False, 2.5),
        ),
        (
            "imap://a:b@localhost?verify=yes",
            ("localhost", 143, "a", "b", "INBOX", False, True, 30.0),
        ),
    ],
)
def test_parse_accepts(url: str, expected: tuple[object, ...]) -> None:
    settings = ImapSettings.parse(url)

    assert (
        settings.host,
        settings.port,
        settings.username,
        settings.password,
        settings.mailbox,
        settings.use_tls,
        settings.verify_tls,
        settings.timeout,
    ) == expected


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("", "scheme"),
        ("mail.example.org", "scheme"),
        ("pop3://a:b@mail.example.org", "scheme"),
        ("smtp://a:b@mail.example.org", "scheme"),
        ("imap://mail.example.org/INBOX", "user name and a password"),
        ("imap://alice@mail.example.org/INBOX", "user name and a password"),
        ("imap://:secret@mail.example.org/INBOX", "user name and a password"),
        ("imap://a:b@/INBOX", "host"),
        ("imap://a:b@mail.example.org:imap/", "port"),
        ("imap://a:b@mail.example.org:0/", "port"),
        ("imap://a:b@mail.example.org:70000/", "port"),
        ("imap://a:b@mail.example.org/?verify=maybe", "verify"),
        ("imap://a:b@mail.example.org/?timeout=soon", "timeout"),
        ("imap://a:b@mail.example.org/?timeout=0", "timeout"),
        ("imap://a:b@mail.example.org/?timeout=nan", "timeout"),
        ("imap://a:b@mail.example.org/?tls=on", "unknown option 'tls'"),
        ("imap://a:b@mail.example.org/?timeout=1&timeout=2", "twice"),
        ("imap://a:b%0D%0ALOGOUT@mail.example.org/", "printable ASCII"),
        ("imap://a:b@mail.example.org/IN%0D%0ABOX", "control characters"),
    ],
)
def test_parse_rejects(url: str, reason: str) -> None:
    with pytest.raises(ImapConfigurationError, match="TELEVENT_IMAP_URL") as caught:
        ImapSettings.parse(url)

    assert reason in str(caught.value)


def test_parse_errors_and_repr_never_show_the_password() -> None:
    with pytest.raises(ImapConfigurationError) as caught:
        ImapSettings.parse("imap://alice:hunter2@mail.example.org:bad/")
    assert "hunter2" not in str(caught.value)
    assert "hunter2" not in repr(ImapSettings.parse("imap://alice:hunter2@mail.example.org"))
