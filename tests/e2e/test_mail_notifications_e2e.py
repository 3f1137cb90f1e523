"""Reminders and the morning agenda by mail end to end: `televent serve` with the Bot API
stand-in and an SMTP server on loopback, on both databases.

The server reads the wall clock, so the person's zone is chosen so that it is mid-morning there
now, the agenda time is the current local minute, and events start ten minutes from now (their
reminders, fifteen minutes before, are due at once). What a user would notice: the mails arrive
at their address with text and HTML, their local times and an .ics of the event; the
List-Unsubscribe link, POSTed to the running server, stops the next reminder's mail (Telegram
still brings it); a person without a linked email gets no mail, and one who kept Telegram
only gets what they got before; a bad `channels` value is a 422 problem.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
import zoneinfo
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import httpx
import icalendar
import pytest

from televent.application.televent import Televent
from televent.bootstrap import build_application
from televent.config import Settings
from tests.bot_harness import BotHarness
from tests.botapi import FakeBotApi
from tests.conftest import Backend, FakeClock
from tests.e2e.conftest import running_serve, with_mail
from tests.e2e.test_agenda_e2e import button, mid_morning_zone, put
from tests.e2e.test_bot_e2e import serve
from tests.helpers import ACTOR, CLI
from tests.smtpsink import Recorder, messages, smtp_server

ALICE, BOB, CAROL = 1, 2, 3
ALICE_MAIL, CAROL_MAIL = "alice@example.com", "carol@example.com"
BOTH = ["telegram", "email"]


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi() as stand_in:
        yield stand_in


@pytest.fixture
def sink() -> Iterator[tuple[Recorder, int]]:
    handler = Recorder()
    with smtp_server(handler) as port:
        yield handler, port


def wait_for_mail(handler: Recorder, count: int, timeout: float = 60.0) -> list[EmailMessage]:
    deadline = time.monotonic() + timeout
    while len(handler.envelopes) < count:
        assert time.monotonic() < deadline, f"{len(handler.envelopes)} of {count} mails came"
        time.sleep(0.2)
    return [message for _, message in messages(handler)]


def body_of(message: EmailMessage, kind: str) -> str:
    part = message.get_body((kind,))
    assert part is not None, f"no text/{kind} part"
    return str(part.get_content())


def test_reminder_and_agenda_mails_and_the_unsubscribe_link(
    backend: Backend, api: FakeBotApi, sink: tuple[Recorder, int], tmp_path: Path
) -> None:
    handler, smtp_port = sink
    database_url = backend.migrated_url()
    now = dt.datetime.now(dt.UTC)
    zone = mid_morning_zone(now)
    tz = zoneinfo.ZoneInfo(zone)
    soon = now.replace(second=0, microsecond=0) + dt.timedelta(minutes=10)
    app = build_application(Settings(database_url=database_url))
    try:
        for telegram_id, name in ((ALICE, "Alice"), (BOB, "Bob"), (CAROL, "Carol")):
            app.register_account(telegram_id, name=name, timezone=zone, actor=ACTOR, source=CLI)
        app.link_email(ALICE, ALICE_MAIL, actor=ACTOR, source=CLI)
        app.link_email(CAROL, CAROL_MAIL, actor=ACTOR, source=CLI)
        local_now = now.astimezone(tz)
        app.change_preferences(
            ALICE,
            {"agenda_time": f"{local_now:%H:%M}", "channels": {"reminders": BOTH,
                                                               "agenda": BOTH}},
            actor=ACTOR, source=CLI,
        )  # fmt: skip
        app.change_preferences(BOB, {"channels": {"reminders": BOTH}}, actor=ACTOR, source=CLI)
        for telegram_id, title in ((ALICE, "Standup"), (BOB, "BobCall"), (CAROL, "CarolCall")):
            put(app, telegram_id, title, soon)
        password = app.issue_device_password(ALICE, "tests", actor=ACTOR, source=CLI).password
    finally:
        app.close()

    with serve(database_url, api, tmp_path, with_mail(smtp_port)) as url:
        mails = wait_for_mail(handler, 2)
        for telegram_id, title in ((ALICE, "Standup"), (BOB, "BobCall"), (CAROL, "CarolCall")):
            api.wait_for(
                "sendMessage", lambda c, i=telegram_id, t=title: c.chat_id == i and t in c.text
            )  # Telegram as before, for everyone
        time.sleep(2)  # the sender's next rounds: nothing else is mailed (Bob, Carol)
        assert [e.rcpt_tos for e in handler.envelopes] == [[ALICE_MAIL], [ALICE_MAIL]]
        by_subject = {str(m["Subject"]): m for m in mails}
        (reminder,) = [m for s, m in by_subject.items() if s.startswith("Reminder: Standup")]
        (agenda,) = [m for s, m in by_subject.items() if s.startswith("Your day")]

        local_start = soon.astimezone(tz)
        clock = f"{local_start:%-I:%M}\u202f{local_start:%p}"  # English: a 12-hour clock
        shown = f"{clock} ({zone})"
        assert shown in str(reminder["Subject"])
        assert reminder.get_content_type() == "multipart/mixed"
        alternative = next(reminder.iter_parts())
        assert alternative.get_content_type() == "multipart/alternative"
        assert [p.get_content_type() for p in alternative.iter_parts()] == [
            "text/plain", "text/html",
        ]  # fmt: skip
        assert "Standup starts in" in body_of(reminder, "plain")
        assert shown in body_of(reminder, "html")
        (ics,) = [a for a in reminder.iter_attachments() if a.get_filename() == "event.ics"]
        calendar = icalendar.Calendar.from_ical(ics.get_content())
        assert str(calendar["METHOD"]) == "PUBLISH"
        (event,) = calendar.walk("VEVENT")
        assert event.decoded("DTSTART") == soon

        assert clock in body_of(agenda, "plain") and "Standup" in body_of(agenda, "plain")
        assert agenda.get_content_type() == "multipart/alternative"

        link = str(reminder["List-Unsubscribe"]).strip().removeprefix("<").removesuffix(">")
        assert link.startswith(f"{url}/unsubscribe/")
        assert reminder["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert str(agenda["List-Unsubscribe"]).strip() != str(reminder["List-Unsubscribe"]).strip()
        with httpx.Client(timeout=15) as client:
            page = client.get(link)
            assert page.status_code == 200 and "Unsubscribe from reminders" in page.text
            assert client.get(f"{url}/unsubscribe/not-a-token").status_code == 404
            done = client.post(
                link,
                content=b"List-Unsubscribe=One-Click",
                headers={"Content-Type": "application/x-www-form-urlencoded"},
            )
            assert done.status_code == 200 and "no longer come" in done.text
            assert client.post(f"{url}/unsubscribe/{'x' * 40}").status_code == 404

            me = _me(client, url, password)
            assert me["preferences"]["channels"] == {
                "reminders": ["telegram"], "agenda": BOTH, "notices": ["telegram"],
            }  # fmt: skip
            refused = client.patch(
                f"{url}/api/v1/me",
                json={"preferences": {"channels": {"reminders": ["sms"]}}},
                auth=(str(ALICE), password),
            )
            assert refused.status_code == 422
            assert refused.headers["content-type"].startswith("application/problem+json")
            assert "sms" in refused.json()["detail"]
            assert _me(client, url, password)["preferences"]["channels"]["reminders"] == [
                "telegram"
            ]

            start = soon.isoformat()
            end = (soon + dt.timedelta(minutes=30)).isoformat()
            created = client.post(
                f"{url}/api/v1/events",
                json={"title": "Retro", "start": start, "end": end},
                auth=(str(ALICE), password),
            )
            assert created.status_code == 201, created.text
        api.wait_for("sendMessage", lambda c: c.chat_id == ALICE and "Retro" in c.text, timeout=60)
        time.sleep(3)  # the mail sender polls every second
        assert len(handler.envelopes) == 2, "the next reminder is not mailed"


def _me(client: httpx.Client, url: str, password: str) -> dict[str, Any]:
    reply = client.get(f"{url}/api/v1/me", auth=(str(ALICE), password))
    assert reply.status_code == 200, reply.text
    return dict(reply.json())


def test_settings_show_and_change_the_channels_and_say_when_nothing_can_be_mailed(
    app: Televent, api: FakeBotApi, clock: FakeClock
) -> None:
    async def main() -> None:
        h = BotHarness(app, api, clock)
        try:
            await h.register(BOB)
            (keyboard,) = [c for c in await h.say(BOB, "/settings") if "Notifications" in c.text]
            tap = button(keyboard, "Reminders by")
            assert tap["text"].endswith("Reminders by: Telegram")
            edited = [c for c in await h.tap(BOB, tap["callback_data"], keyboard)
                      if c.method == "editMessageText"]  # fmt: skip
            assert button(edited[-1], "Reminders by")["text"].endswith("Telegram + email")
            assert "no email is linked to your account, so nothing is mailed" in edited[-1].text
            account = app.queries.account_by_telegram_id(BOB)
            assert account is not None
            assert account.preferences.channels["reminders"] == ["telegram", "email"]
            app.link_email(BOB, "bob@example.org", actor=ACTOR, source=CLI)
            (again,) = [c for c in await h.say(BOB, "/settings") if "Notifications" in c.text]
            assert "Email goes to bob@example.org" in again.text
        finally:
            await h.close()

    asyncio.run(main())


def test_without_the_bot_reminders_chosen_by_mail_are_still_mailed(
    backend: Backend, sink: tuple[Recorder, int], tmp_path: Path
) -> None:
    """A deployment without TELEGRAM_BOT_TOKEN: the reminder of someone who chose mail comes by
    mail all the same (no bot sender runs the scans there)."""
    handler, smtp_port = sink
    database_url = backend.migrated_url()
    now = dt.datetime.now(dt.UTC)
    zone = mid_morning_zone(now)
    soon = now.replace(second=0, microsecond=0) + dt.timedelta(minutes=10)
    app = build_application(Settings(database_url=database_url))
    try:
        app.register_account(ALICE, name="Alice", timezone=zone, actor=ACTOR, source=CLI)
        app.link_email(ALICE, ALICE_MAIL, actor=ACTOR, source=CLI)
        app.change_preferences(
            ALICE, {"channels": {"reminders": ["email"]}}, actor=ACTOR, source=CLI
        )
        put(app, ALICE, "Standup", soon)
    finally:
        app.close()

    with running_serve(database_url, tmp_path, with_mail(smtp_port)) as (_, process):
        (reminder,) = wait_for_mail(handler, 1)
        assert str(reminder["Subject"]).startswith("Reminder: Standup")
        assert handler.envelopes[0].rcpt_tos == [ALICE_MAIL]
    assert "Telegram bot: off" in process.output()
