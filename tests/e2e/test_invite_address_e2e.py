"""A Telegram-only user's invitation address through the real intake (docs/adr/0019), against
`televent serve` with the bot (a Bot API stand-in), SMTP (a sink), the inbound webhook and IMAP
(a stand-in): a Gmail invitation by `POST /inbound/email`, an Outlook one by `televent mail
ingest`, an Apple one by IMAP; each becomes a copy and a card, the tap a REPLY to the organizer
that speaks for the address; a forged CANCEL changes nothing; a replaced address takes no mail."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from email.message import EmailMessage
from pathlib import Path

import httpx

from tests.botapi import FakeBotApi
from tests.conftest import Backend
from tests.e2e.conftest import ROOT, running_serve
from tests.imapd import ImapStandIn
from tests.invite_mail import (
    ALIAS,
    MAIL_FROM,
    SAMPLES,
    Sample,
    as_mail,
    attendee_lines,
    calendar_part_text,
    cancel_of,
    readdressed,
    request_to,
)
from tests.smtpsink import Recorder, messages
from tests.tma import BOT_TOKEN, tma_headers

BOB = 2
SECRET = "inbound-secret-for-tests"
YEARS = 30  # the corpus meetings are over: moved this far ahead, they get cards
SUMMARIES = {"gmail": "Meeeeet me HTML", "outlook": "Teams meeting", "apple": "Einladung"}


def reply_to(handler: Recorder, organizer: str) -> EmailMessage:
    """The REPLY that reached `organizer` (waiting for it)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for recipients, message in messages(handler):
            if recipients == [organizer] and "METHOD:REPLY" in calendar_part_text(message):
                return message
        time.sleep(0.2)
    raise AssertionError(f"no REPLY reached {organizer}")


def ingest(database_url: str, raw: bytes, cwd: Path) -> list[str]:
    """`televent mail ingest -`, as an MTA pipes a message; the outcomes' results."""
    env = {
        "TELEVENT_DATABASE_URL": database_url,
        "TELEVENT_MAIL_FROM": MAIL_FROM,
        "PYTHONPATH": str(ROOT / "src"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "televent", "mail", "ingest", "--json", "-"],
        input=raw, capture_output=True, env=env, cwd=cwd, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    return [o["result"] for o in json.loads(done.stdout)["outcomes"]]


def test_invitations_at_the_address_through_every_way_in(
    backend: Backend, tmp_path: Path, sink: tuple[Recorder, int]
) -> None:
    handler, smtp_port = sink
    database_url = backend.migrated_url()
    with FakeBotApi() as api, ImapStandIn("televent", "secret") as imap:
        extra = {
            "TELEGRAM_BOT_TOKEN": BOT_TOKEN,
            "TELEGRAM_API_BASE": api.base_url,
            "TELEVENT_SMTP_URL": f"smtp://127.0.0.1:{smtp_port}",
            "TELEVENT_MAIL_FROM": MAIL_FROM,
            "TELEVENT_INBOUND_SECRET": SECRET,
            "TELEVENT_IMAP_URL": imap.url(),
            "TELEVENT_IMAP_INTERVAL": "1",
        }
        with (
            running_serve(database_url, tmp_path, extra) as (url, _),
            httpx.Client(base_url=url, timeout=30) as client,
        ):
            api.push_message(BOB, "/start", first_name="Bob", username="bob")
            welcome = api.wait_for(
                "sendMessage", lambda c: c.chat_id == BOB and "invite you" in c.text
            )
            found = ALIAS.search(welcome.text)
            assert found is not None, welcome.text
            address = found.group(0)
            inbound = {"Authorization": f"Bearer {SECRET}"}

            def post(raw: bytes) -> list[dict[str, str]]:
                answer = client.post("/inbound/email", content=raw, headers=inbound)
                assert answer.status_code == 200, answer.text
                return list(answer.json()["outcomes"])

            # Gmail by the webhook, Outlook by the pipe, Apple by IMAP.
            gmail, outlook, apple = SAMPLES["gmail"], SAMPLES["outlook"], SAMPLES["apple"]
            assert [o["result"] for o in post(request_to(gmail, address, years=YEARS))] == [
                "created"
            ]
            assert ingest(database_url, request_to(outlook, address, years=YEARS), tmp_path) == [
                "created"
            ]
            imap.deliver(request_to(apple, address, years=YEARS))

            for client_name in ("gmail", "outlook", "apple"):
                sample: Sample = SAMPLES[client_name]
                summary = SUMMARIES[client_name]
                card = api.wait_for(
                    "sendMessage",
                    lambda c, s=summary: (
                        c.chat_id == BOB and "Invitation" in c.text and s in c.text
                    ),
                    timeout=30,
                )
                accept = card.params["reply_markup"]["inline_keyboard"][0][0]
                api.push_callback(BOB, accept["callback_data"], message_id=card.message_id or 0)
                reply = reply_to(handler, sample.organizer)
                assert reply["From"].addresses[0].addr_spec == address
                ical = calendar_part_text(reply)
                assert f"UID:{sample.uid}" in ical
                [line] = attendee_lines(ical)
                assert line.lower().endswith(f"mailto:{address}") and "PARTSTAT=ACCEPTED" in line

            # A CANCEL from someone who is not the organizer changes nothing.
            forged = cancel_of(gmail, address, sender="mallory@example.net", years=YEARS)
            [outcome] = post(forged)
            assert outcome["result"] == "refused" and "not by the organizer" in outcome["detail"]
            me = client.get("/api/v1/me", headers=tma_headers(BOB))
            assert me.status_code == 200 and me.json()["invite_address"] == address
            listed = client.get(
                "/api/v1/events",
                params={"start": "2051-03-22T00:00:00Z", "end": "2051-03-23T00:00:00Z"},
                headers=tma_headers(BOB),
            )
            assert listed.status_code == 200, listed.text
            [meeting] = listed.json()["items"]
            assert (meeting["uid"], meeting["my_status"]) == (gmail.uid, "accepted")

            # A new address: the old one is ignored, and says why.
            renewed = client.post("/api/v1/me/invite-address", headers=tma_headers(BOB))
            assert renewed.status_code == 200, renewed.text
            assert renewed.json()["invite_address"] != address
            another = readdressed(gmail, address, years=YEARS).replace(gmail.uid, "another-one")
            [outcome] = post(as_mail(another, sender=gmail.organizer, to=address))
            assert outcome["result"] == "ignored" and "replaced" in outcome["detail"]
