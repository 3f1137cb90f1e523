"""The morning agenda and notification preferences end to end, against the Bot API stand-in.

`televent serve` reads the wall clock and offers no way to set another, so two kinds of test:

- the running server on the real clock: the person's zone is chosen so that it is mid-morning
  there now, and the agenda time is the current local minute; the agenda arrives once, also
  across a server killed and started again in the middle of the hour, and /settings changes a
  preference through an inline keyboard;
- the bot's own dispatcher and sender in-process (tests/bot_harness.py, the same parts serve
  builds) with an injected clock, for what needs a chosen moment: the agenda at 07:00 Berlin
  and never twice that day, a card held by quiet hours until they end, declines-only notices,
  answers given from the agenda's buttons.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import time
import zoneinfo
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from televent.application.morning_agenda import MorningAgenda
from televent.application.televent import Televent
from televent.bootstrap import build_application
from televent.config import Settings
from televent.domain.values import DEFAULT_CALENDAR_SLUG, PartStat, calendar_id_for
from tests.bot_harness import BotHarness
from tests.botapi import Call, FakeBotApi
from tests.conftest import Backend, FakeClock
from tests.e2e.test_bot_e2e import kill, serve
from tests.helpers import ACTOR, CLI

ALICE, BOB = 1, 2


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi() as stand_in:
        yield stand_in


def event(uid: str, start: dt.datetime, minutes: int = 60) -> str:
    end = start + dt.timedelta(minutes=minutes)
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20260301T000000Z\r\nDTSTART:{start:%Y%m%dT%H%M%SZ}\r\n"
        f"DTEND:{end:%Y%m%dT%H%M%SZ}\r\nSUMMARY:{uid}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def put(app: Televent, telegram_id: int, uid: str, start: dt.datetime) -> Any:
    account = app.queries.account_by_telegram_id(telegram_id)
    assert account is not None
    calendar = calendar_id_for(account.account_id, DEFAULT_CALENDAR_SLUG)
    return app.put_object(calendar, f"{uid}.ics", event(uid, start), actor=ACTOR, source=CLI)


def mid_morning_zone(now: dt.datetime) -> str:
    """A fixed-offset IANA zone where it is between 09:00 and 09:59 at `now`."""
    offset = (9 - now.hour + 12) % 24 - 12  # -12 .. +11 hours
    if offset == 0:
        return "Etc/GMT"
    return f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset)}"  # POSIX signs are inverted


def button(call: Call, label: str) -> dict[str, Any]:
    """The inline button of a message whose text contains `label`."""
    for row in call.params["reply_markup"]["inline_keyboard"]:
        for candidate in row:
            if label in candidate["text"]:
                return dict(candidate)
    raise AssertionError(f"no button {label!r} in {call.params['reply_markup']}")


def wait_until_settled(database_url: str, kind: str, timeout: float = 15.0) -> None:
    """Wait until the server marked its queued `kind` rows sent (delivery is at least once: a
    process killed between Telegram's answer and that mark sends the row again)."""
    app = build_application(Settings(database_url=database_url))
    try:
        deadline = time.monotonic() + timeout
        while True:
            with app.views.read() as db:
                pending = db.scalar(
                    "SELECT COUNT(*) FROM telegram_outbox WHERE kind = ? AND status = 'pending'",
                    (kind,),
                )
            if not pending:
                return
            assert time.monotonic() < deadline, f"the {kind} row was never marked sent"
            time.sleep(0.1)
    finally:
        app.close()


# --- the running server ------------------------------------------------------------------------


def test_the_running_server_sends_the_agenda_once_and_settings_change_preferences(
    backend: Backend, api: FakeBotApi, tmp_path: Path
) -> None:
    database_url = backend.migrated_url()
    now = dt.datetime.now(dt.UTC)
    zone = mid_morning_zone(now)
    local_now = now.astimezone(zoneinfo.ZoneInfo(zone))
    app = build_application(Settings(database_url=database_url))
    try:
        for telegram_id, name in ((ALICE, "Alice"), (BOB, "Bob")):
            app.register_account(telegram_id, name=name, timezone=zone, actor=ACTOR, source=CLI)
        later = now.replace(second=0, microsecond=0) + dt.timedelta(hours=1)
        standup = put(app, ALICE, "Standup", later).event_id
        app.change_preferences(
            ALICE, {"agenda_time": f"{local_now:%H:%M}"}, actor=ACTOR, source=CLI
        )
    finally:
        app.close()

    with serve(database_url, api, tmp_path) as url:
        commands = {c["command"] for c in api.wait_for("setMyCommands").params["commands"]}
        assert {"agenda", "settings"} <= commands
        agenda = api.wait_for(
            "sendMessage", lambda c: c.chat_id == ALICE and "Standup" in c.text, timeout=60
        )
        assert agenda.text.startswith("☀️")
        wait_until_settled(database_url, "agenda")  # (a kill before that would send it again)
        kill(url)  # no shutdown, in the middle of the hour

    app = build_application(Settings(database_url=database_url))
    try:  # a card queued while the server is down: sent after the restarted one's first scan
        app.invite_attendee(standup, "tg_2@televent.internal", actor=ACTOR, source=CLI)
    finally:
        app.close()
    with serve(database_url, api, tmp_path):
        api.wait_for("sendMessage", lambda c: c.chat_id == BOB and "Standup" in c.text)
        agendas = [c for c in api.calls("sendMessage", ALICE) if c.text.startswith("☀️")]
        assert len(agendas) == 1, "one agenda a day, also across a restart"

        before = len(api.calls())
        api.push_message(ALICE, "/settings", username="alice", first_name="Alice")
        keyboard = api.wait_for(
            "sendMessage",
            lambda c: c.chat_id == ALICE and "Notifications" in c.text
            and api.calls().index(c) >= before,
        )  # fmt: skip
        tap = button(keyboard, "Answers to my events")
        assert "every answer" in tap["text"] and len(tap["callback_data"].encode()) <= 64
        api.push_callback(ALICE, tap["callback_data"], message_id=keyboard.message_id or 0)
        edited = api.wait_for(
            "editMessageText", lambda c: c.chat_id == ALICE and "Notifications" in c.text
        )
        assert "declines only" in button(edited, "Answers to my events")["text"]

    app = build_application(Settings(database_url=database_url))
    try:
        account = app.queries.account_by_telegram_id(ALICE)
        assert account is not None and account.preferences.organizer_notices == "declines"
    finally:
        app.close()


# --- in-process, with an injected clock -------------------------------------------------------


def test_agenda_quiet_hours_and_declines_only_at_chosen_moments(
    app: Televent, api: FakeBotApi, clock: FakeClock
) -> None:
    async def scenario(h: BotHarness) -> None:
        agenda_job = MorningAgenda(app, h.queue)

        async def scan_and_deliver() -> list[Call]:
            await h.port.run(agenda_job.run_once, clock())
            return [c for c in await h.deliver() if c.method == "sendMessage"]

        await h.register(ALICE, BOB)
        replies = await h.say(ALICE, "/agenda 07:00")
        assert any("every day at <b>7:00\u202fAM</b>" in c.text for c in replies)
        replies = await h.say(ALICE, "/settings")
        keyboard = next(c for c in replies if "Notifications" in c.text)
        await h.tap(ALICE, button(keyboard, "Answers to my events")["callback_data"], keyboard)
        await h.say(BOB, "/quiet 22:00-07:00")
        await h.say(BOB, "/agenda 08:00")

        clock.now = dt.datetime(2026, 3, 1, 22, 0, tzinfo=dt.UTC)  # 23:00 in Berlin
        first = put(app, ALICE, "Planning", dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC))
        second = put(app, ALICE, "Retro", dt.datetime(2026, 3, 2, 15, 0, tzinfo=dt.UTC))
        for created in (first, second):
            app.invite_attendee(created.event_id, "tg_2@televent.internal", actor=ACTOR,
                                source=CLI)  # fmt: skip
        assert [c for c in await scan_and_deliver() if c.chat_id == BOB] == [], "quiet hours"

        clock.now = dt.datetime(2026, 3, 2, 6, 0, tzinfo=dt.UTC)  # 07:00 in Berlin
        sent = await scan_and_deliver()
        cards = [c for c in sent if c.chat_id == BOB and "Invitation" in c.text]
        assert len(cards) == 2, "the held cards come when the quiet hours end"
        (agenda,) = [c for c in sent if c.chat_id == ALICE and c.text.startswith("☀️")]
        assert "Monday, March 2" in agenda.text
        assert "10:00\u202fAM–11:00\u202fAM" in agenda.text and "Planning" in agenda.text
        clock.advance(seconds=30)
        assert [c for c in await scan_and_deliver() if c.chat_id == ALICE] == []
        clock.advance(minutes=40)
        assert [c for c in await scan_and_deliver() if c.chat_id == ALICE] == [], "once a day"

        planning = next(c for c in cards if "Planning" in c.text)
        await h.tap(BOB, button(planning, "Accept")["callback_data"], planning)
        assert [c for c in await scan_and_deliver() if c.chat_id == ALICE] == [], (
            "Alice hears of declines only"
        )

        clock.now = dt.datetime(2026, 3, 2, 7, 0, tzinfo=dt.UTC)  # 08:00: Bob's agenda
        (bobs,) = [c for c in await scan_and_deliver() if c.chat_id == BOB]
        assert "Retro" in bobs.text and "awaiting your answer" in bobs.text
        decline = next(
            b["callback_data"]
            for row in bobs.params["reply_markup"]["inline_keyboard"]
            for b in row
            if b["text"].startswith("❌")
        )
        await h.tap(BOB, decline, bobs)
        notices = [c for c in await scan_and_deliver() if c.chat_id == ALICE]
        assert [("declined" in c.text and "Retro" in c.text) for c in notices] == [True]
        answers = {r["partstat"] for r in app.queries.attendees_of(second.event_id)}
        assert PartStat.DECLINED.value in answers

    async def main() -> None:
        harness = BotHarness(app, api, clock)
        try:
            await scenario(harness)
        finally:
            await harness.close()

    asyncio.run(main())


def test_settings_buttons_fit_telegrams_limit(
    app: Televent, api: FakeBotApi, clock: FakeClock
) -> None:
    async def main() -> None:
        h = BotHarness(app, api, clock)
        try:
            await h.register(ALICE)
            await h.say(ALICE, "/quiet 23:30-06:45")
            await h.say(ALICE, "/agenda 6:05")
            refused = await h.say(ALICE, "/agenda 25:00")
            assert any("Give a time of day" in c.text for c in refused)
            assert any("Give a start and an end" in c.text for c in await h.say(ALICE, "/quiet 9"))
            account = app.queries.account_by_telegram_id(ALICE)
            assert account is not None and account.preferences.agenda_time == "06:05"
            (keyboard,) = [c for c in await h.say(ALICE, "/settings") if "Notifications" in c.text]
            data = [
                b["callback_data"]
                for row in keyboard.params["reply_markup"]["inline_keyboard"]
                for b in row
            ]
            assert len(data) == 13 and all(len(d.encode()) <= 64 for d in data)
            shown = json.dumps(keyboard.params["reply_markup"], ensure_ascii=False)
            assert "11:30\u202fPM–6:45\u202fAM" in shown
        finally:
            await h.close()

    asyncio.run(main())
