"""An event's own reminders, written as the JSON API and the Mini App write them (`reminders`),
are the ones the bot sends: at each of their moments, not at the person's lead time; "no
reminder" sends none; with event alarms turned off the lead time is back. The bot's delivery is
the real one (the harness), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

from televent.adapters.telegram.service import Person
from televent.application.event_edits import EventEdits
from televent.domain.event_fields import read_changes
from televent.domain.values import DEFAULT_CALENDAR_SLUG, account_id_for, calendar_id_for
from tests.bot_harness import BotHarness, run_scenario, texts_of
from tests.integration.test_bot_handlers import create_event

ACTOR, SOURCE = "system:", "cli:tests"
ALICE = 1


def create(app: Any, title: str, start: str, reminders: Any) -> str:
    """An event of Alice's as POST /api/v1/events creates it; returns its iCalendar text."""
    body: dict[str, Any] = {"title": title, "start": start}
    if reminders != "unset":
        body["reminders"] = reminders
    result = EventEdits(app).create(
        calendar_id_for(account_id_for(ALICE), DEFAULT_CALENDAR_SLUG),
        read_changes(body),
        uid=f"{title.lower()}@televent",
        zone_name="Europe/Berlin",
        organizer=("mailto:alice@example.com", "Alice"),
        attendees=[],
        now=dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC),
        actor=ACTOR,
        source=SOURCE,
    )
    stored = app.queries.object_by_event_id(result.event_id)
    return str(stored.ical)


def test_the_events_own_reminders_are_sent_at_their_moments(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(ALICE)  # lead time: the default 15 minutes
        text = create(app, "Dentist", "2026-03-01T10:00:00Z", [10, 60])
        assert "TRIGGER:-PT10M" in text and "TRIGGER:-PT1H" in text, "stored as VALARMs"
        assert await h.remind() == 0, "08:59:30: not yet an hour before"
        clock.advance(minutes=1)  # 09:00:30, the hour's reminder is due
        assert await h.remind() == 1
        sent = texts_of(await h.deliver())
        assert len(sent) == 1 and "Dentist" in sent[0] and "59 minutes" in sent[0]
        clock.advance(minutes=45)  # 09:45:30: the lead time's moment, not the event's
        assert await h.remind() == 0
        assert texts_of(await h.deliver()) == []
        clock.advance(minutes=5)  # 09:50:30, ten minutes before
        assert await h.remind() == 1
        assert await h.remind() == 0, "queued once"
        sent = texts_of(await h.deliver())
        assert len(sent) == 1 and "Dentist" in sent[0] and "9 minutes" in sent[0]

    clock.now = dt.datetime(2026, 3, 1, 8, 59, 30, tzinfo=dt.UTC)
    run_scenario(app, api, clock, scenario)


def test_no_reminder_sends_none_and_alarms_off_bring_back_the_lead_time(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(ALICE)
        create(app, "Quiet", "2026-03-01T10:00:00Z", [])
        create(app, "Own", "2026-03-01T11:00:00Z", [30])
        clock.now = dt.datetime(2026, 3, 1, 9, 50, tzinfo=dt.UTC)
        assert await h.remind() == 0, "no reminder on purpose: none at the lead time either"
        app.change_preferences(ALICE, {"event_alarms": False}, actor=ACTOR, source=SOURCE)
        clock.now = dt.datetime(2026, 3, 1, 10, 30, tzinfo=dt.UTC)  # 30 minutes before Own
        assert await h.remind() == 0, "the event's alarm is ignored now"
        clock.now = dt.datetime(2026, 3, 1, 10, 45, tzinfo=dt.UTC)  # the lead time
        assert await h.remind() == 1
        sent = texts_of(await h.deliver())
        assert len(sent) == 1 and "Own" in sent[0] and "15 minutes" in sent[0]

    clock.now = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)
    run_scenario(app, api, clock, scenario)


def test_one_reminder_for_a_meeting_the_invitee_also_keeps_in_their_own_calendar(
    app, api, clock
) -> None:
    """Bob was invited in Telegram: Alice's event reminds him (he is on its card) and so does
    his own copy of the meeting (the same UID, delivered to his calendar by scheduling): one
    reminder, not one per copy."""

    async def scenario(h: BotHarness) -> None:
        await h.register(ALICE, 2)
        sid = await create_event(h, ALICE, "Board meeting, tomorrow 10:00")
        await h.say(ALICE, f"/invite {sid} @bob")
        await h.deliver()
        original = app.queries.object_by_event_id(h.service.resolve(Person(ALICE, "Alice"), sid))
        bobs = calendar_id_for(account_id_for(2), DEFAULT_CALENDAR_SLUG)
        uid = original.ical.split("UID:")[1].split()[0]
        with app.views.read() as db:
            copies = db.all("SELECT calendar_id FROM calendar_objects WHERE uid = ?", (uid,))
        assert str(bobs) in {str(c["calendar_id"]) for c in copies}, "his copy"
        clock.now = dt.datetime(2026, 3, 2, 8, 46, tzinfo=dt.UTC)  # 09:46 in Berlin
        assert await h.remind() == 2  # Alice's and Bob's
        sent = await h.deliver()
        to_bob = [c.text for c in sent if c.chat_id == 2 and "Board meeting" in c.text]
        to_alice = [c.text for c in sent if c.chat_id == ALICE and "Board meeting" in c.text]
        assert len(to_bob) == 1, to_bob
        assert len(to_alice) == 1, to_alice

    clock.now = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)
    run_scenario(app, api, clock, scenario)


def test_an_invitee_who_declined_is_not_reminded_by_their_own_copy(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(ALICE, 2)
        sid = await create_event(h, ALICE, "Board meeting, tomorrow 10:00")
        await h.say(ALICE, f"/invite {sid} @bob")
        (card,) = [c for c in await h.deliver() if c.chat_id == 2]
        event_id = h.service.resolve(Person(ALICE, "Alice"), sid)
        await h.tap(2, f"rsvp:{event_id.hex}:D", card)
        assert [a["partstat"] for a in app.queries.attendees_of(event_id)] == ["DECLINED"]
        await h.deliver()
        clock.now = dt.datetime(2026, 3, 2, 8, 46, tzinfo=dt.UTC)  # 09:46 in Berlin
        await h.remind()
        sent = await h.deliver()
        assert [c.chat_id for c in sent if "Board meeting" in (c.text or "")] == [ALICE]

    clock.now = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)
    run_scenario(app, api, clock, scenario)
