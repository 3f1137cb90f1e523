"""Email through the real interfaces: `televent serve` (POST /inbound/email, a CalDAV PUT that
invites an email address and leaves by SMTP) and `televent mail ingest` (an MTA pipe)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import httpx
import pytest

from televent.bootstrap import build_application
from televent.config import Settings
from televent.delivery.mail_queue import MailQueue
from tests.conftest import Backend
from tests.e2e.conftest import ROOT, running_serve
from tests.smtpsink import Recorder, messages, smtp_server

SECRET = "inbound-secret-for-tests"
ACTOR, SOURCE = "system:", "cli:tests"


def external_request(uid: str, to: str = "carol@example.org", summary: str = "Budget") -> bytes:
    ical = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//Mailer//EN\r\nMETHOD:REQUEST\r\n"
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261121T080000Z\r\n"
        "DTSTART;TZID=W. Europe Standard Time:20261207T090000\r\n"
        "DTEND;TZID=W. Europe Standard Time:20261207T100000\r\n"
        f"SUMMARY:{summary}\r\nSEQUENCE:0\r\nORGANIZER;CN=Erin:mailto:erin@example.net\r\n"
        f"ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{to}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    message = EmailMessage()
    message["From"] = "Erin <erin@example.net>"
    message["To"] = to
    message["Subject"] = f"Invitation: {summary}"
    message["Message-ID"] = f"<{uuid.uuid4().hex}@example.net>"
    message.set_content(ical, subtype="calendar", params={"method": "REQUEST"}, cte="base64")
    return bytes(message)


@pytest.fixture
def sink() -> Iterator[tuple[Recorder, int]]:
    handler = Recorder()
    with smtp_server(handler) as port:
        yield handler, port


def prepared(backend: Backend) -> tuple[str, str]:
    database_url = backend.migrated_url()
    app = build_application(Settings(database_url=database_url))
    app.register_account(
        3, name="Carol", email="carol@example.org", timezone="Europe/Berlin", actor=ACTOR,
        source=SOURCE,
    )  # fmt: skip
    password = app.issue_device_password(3, "laptop", actor=ACTOR, source=SOURCE).password
    app.close()
    return database_url, password


def test_inbound_http_and_caldav_invitations_by_smtp(
    backend: Backend, tmp_path: Path, sink: tuple[Recorder, int]
) -> None:
    handler, smtp_port = sink
    database_url, password = prepared(backend)
    extra = {
        "TELEVENT_SMTP_URL": f"smtp://127.0.0.1:{smtp_port}",
        "TELEVENT_MAIL_FROM": "Televent <calendar@cal.example.org>",
        "TELEVENT_INBOUND_SECRET": SECRET,
        "TELEVENT_MAX_MESSAGE_BYTES": "100000",
    }
    with (
        running_serve(database_url, tmp_path, extra) as (url, _),
        httpx.Client(base_url=url, timeout=10) as client,
    ):
        raw = external_request("ext-1@example.net")
        assert client.post("/inbound/email", content=raw).status_code == 403
        wrong = {"X-Televent-Secret": "nope"}
        assert client.post("/inbound/email", content=raw, headers=wrong).status_code == 403
        headers = {"Authorization": f"Bearer {SECRET}"}
        answer = client.post("/inbound/email", content=raw, headers=headers)
        assert answer.status_code == 200
        assert [o["result"] for o in answer.json()["outcomes"]] == ["created"]
        again = client.post("/inbound/email", content=raw, headers=headers)
        assert again.json()["duplicate"] is True
        big = client.post("/inbound/email", content=b"x" * 200_000, headers=headers)
        assert big.status_code == 413
        junk = client.post("/inbound/email", content=b"\x00\x01", headers=headers)
        assert junk.status_code == 400
        # The invitation is in Carol's CalDAV calendar, at 08:00 UTC (W. Europe, winter).
        auth = ("3", password)
        stored = client.get("/dav/calendars/3/default/ext-1@example.net.ics", auth=auth)
        assert stored.status_code == 200 and "ext-1@example.net" in stored.text
        # Carol's own CalDAV client invites an email address: a REQUEST leaves by SMTP.
        ical = (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tests//EN\r\nBEGIN:VEVENT\r\n"
            "UID:own-1\r\nDTSTAMP:20261121T080000Z\r\nDTSTART:20261208T100000Z\r\n"
            "DTEND:20261208T110000Z\r\nSUMMARY:Planning\r\n"
            "ORGANIZER;CN=Carol:mailto:carol@example.org\r\n"
            "ATTENDEE;CN=Dan;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:dan@example.org\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n"
        )
        put = client.put(
            "/dav/calendars/3/default/own-1.ics",
            content=ical,
            auth=auth,
            headers={"Content-Type": "text/calendar"},
        )
        assert put.status_code == 201
        wait_for_mail(handler, 1)
        # An operator erases Carol (GDPR): Dan is told that her meeting is off.
        env = {"TELEVENT_DATABASE_URL": database_url, "PYTHONPATH": str(ROOT / "src")}
        erased = subprocess.run(
            [sys.executable, "-m", "televent", "gdpr", "erase", "3", "--reason", "Art. 17",
             "--yes"],
            capture_output=True, env=env, cwd=tmp_path, timeout=120, check=False, text=True,
        )  # fmt: skip
        assert erased.returncode == 0, erased.stderr
        assert "1 meeting(s) they organised called off" in erased.stdout
        wait_for_mail(handler, 2)
        # Once sent, the cancellation (which names Carol) leaves the queue at once, not at
        # the next hourly maintenance round.
        assert outbox_naming(database_url, "carol@example.org") == []
    methods = []
    for recipients, message in messages(handler):
        assert recipients == ["dan@example.org"]
        part = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
        assert "UID:own-1" in part.get_content()
        methods.append(part.get_param("method"))
    assert methods == ["REQUEST", "CANCEL"]


def outbox_naming(database_url: str, text: str) -> list[dict[str, object]]:
    """The rows of mail_outbox that still hold `text`, once the sender settled what it sent
    (a moment after the relay accepted it)."""
    app = build_application(Settings(database_url=database_url))
    try:
        deadline = time.monotonic() + 10
        while True:
            rows = [
                row
                for row in MailQueue(app.views, app.clock).mail_rows()
                if text in json.dumps(row, default=str).lower()
            ]
            if not rows or time.monotonic() > deadline:
                return rows
            time.sleep(0.2)
    finally:
        app.close()


def wait_for_mail(handler: Recorder, count: int) -> None:
    deadline = time.monotonic() + 20
    while len(handler.envelopes) < count and time.monotonic() < deadline:
        time.sleep(0.2)
    assert len(handler.envelopes) == count


def test_mail_ingest_reads_a_message_from_a_pipe(backend: Backend, tmp_path: Path) -> None:
    database_url, _ = prepared(backend)
    env = {"TELEVENT_DATABASE_URL": database_url, "PYTHONPATH": str(ROOT / "src"), "PATH": ""}
    command = [sys.executable, "-m", "televent", "mail", "ingest", "--json", "-"]
    raw = external_request("pipe-1@example.net")
    first = subprocess.run(
        command, input=raw, capture_output=True, env=env, cwd=tmp_path, timeout=60, check=False
    )
    assert first.returncode == 0, first.stderr.decode()
    assert [o["result"] for o in json.loads(first.stdout)["outcomes"]] == ["created"]
    file = tmp_path / "again.eml"
    file.write_bytes(raw)
    again = subprocess.run(
        [*command[:-2], str(file)], capture_output=True, env=env, cwd=tmp_path, timeout=60,
        check=False,
    )  # fmt: skip
    assert again.returncode == 0 and "already processed" in again.stdout.decode()
    junk = subprocess.run(
        command, input=b"", capture_output=True, env=env, cwd=tmp_path, timeout=60, check=False
    )
    assert junk.returncode == 1 and junk.stderr.decode().startswith("error:")
