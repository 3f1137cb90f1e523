"""Webhooks in the application (docs/adr/0029), on SQLite and PostgreSQL: each change is named
once per transaction (made, changed, cancelled, deleted; an answer as rsvp.changed), for every
webhook of someone who may read the calendar (a member's too, nobody else's), with the
triggers it asked for; bookings are named for the link's owner; a webhook added with `since`
replays what came after; a paused webhook's messages wait for it; the secret is in no read
model, audit line or export; removing a webhook takes its waiting messages; erasure takes the
person's webhooks, messages and attempts; rebuild equals live."""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from pathlib import Path
from uuid import UUID, uuid4

import pytest

from televent.application.bookings import BookingRequest
from televent.application.televent import Televent
from televent.domain.booking_links import BookingLink
from televent.domain.errors import DomainError, NotFoundError
from televent.domain.values import PartStat
from televent.ops.audit import Audit
from televent.ops.gdpr import PersonalData
from televent.projections.bookings_reader import BookingView
from televent.projections.rebuild import Rebuilder
from tests.conftest import FakeClock

ACTOR, SOURCE = "account:tests", "api:tma"
ALL = [
    "event.created", "event.updated", "event.cancelled", "event.deleted", "rsvp.changed",
    "booking.created", "booking.rescheduled", "booking.cancelled",
]  # fmt: skip


def person(app: Televent, telegram_id: int, name: str) -> UUID:
    app.register_account(
        telegram_id, name=name, timezone="Europe/Berlin", actor=ACTOR, source=SOURCE
    )
    account = app.queries.account_by_telegram_id(telegram_id)
    assert account is not None
    return account.account_id


def ical(uid: str, title: str, extra: str = "") -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20261201T090000Z\r\n"
        f"DTEND:20261201T100000Z\r\nSUMMARY:{title}\r\n{extra}END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def messages(app: Televent, webhook: UUID | None = None) -> list[tuple[str, dict[str, object]]]:
    """(trigger, subject) of the queued messages, oldest first."""
    condition, params = ("WHERE webhook_id = ?", (str(webhook),)) if webhook else ("", ())
    with app.views.read() as db:
        rows = db.all(
            f"SELECT trigger, subject FROM webhook_outbox {condition} ORDER BY position, trigger",
            params,
        )
    return [(row["trigger"], json.loads(row["subject"])) for row in rows]


def test_each_change_is_named_once_for_everyone_who_may_read_it(app: Televent) -> None:
    alice, bob, carol = person(app, 1, "Alice"), person(app, 2, "Bob"), person(app, 3, "Carol")
    work = app.queries.calendars_of(alice)[0].calendar_id
    app.share_calendar(work, by=alice, member=bob, role="read", actor=ACTOR, source=SOURCE)
    app.answer_calendar_invitation(work, by=bob, accept=True, actor=ACTOR, source=SOURCE)
    hers, _ = app.add_webhook(alice, "https://hooks.example.org/a", ALL, actor=ACTOR,
                              source=SOURCE)  # fmt: skip
    his, _ = app.add_webhook(bob, "https://hooks.example.org/b", ["event.deleted"], actor=ACTOR,
                             source=SOURCE)  # fmt: skip
    theirs, _ = app.add_webhook(carol, "https://hooks.example.org/c", ALL, actor=ACTOR,
                                source=SOURCE)  # fmt: skip

    app.put_object(work, "a.ics", ical("a", "Standup"), actor=ACTOR, source=SOURCE, by=alice)
    app.put_object(work, "a.ics", ical("a", "Standup (moved)"), actor=ACTOR, source=SOURCE,
                   by=alice)  # fmt: skip
    app.put_object(work, "a.ics", ical("a", "Standup (moved)", "STATUS:CANCELLED\r\n"),
                   actor=ACTOR, source=SOURCE, by=alice)  # fmt: skip
    app.delete_object(work, "a.ics", actor=ACTOR, source=SOURCE, by=alice)

    named = messages(app, hers)
    assert [trigger for trigger, _ in named] == [
        "event.created", "event.updated", "event.cancelled", "event.deleted",
    ]  # fmt: skip
    created = named[0][1]
    assert "SUMMARY:Standup\r\n" in str(created["ical"])  # as it was then, not as it is now
    assert named[-1][1]["deleted"] is True and named[-1][1]["uid"] == "a"
    assert [trigger for trigger, _ in messages(app, his)] == ["event.deleted"]
    assert messages(app, theirs) == []  # Carol may not read Alice's calendar

    # An answer to a meeting: rsvp.changed, with whose answer.
    meeting = ical(
        "m", "Review",
        "ORGANIZER:mailto:tg_1@televent.internal\r\n"
        "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:tg_2@televent.internal\r\n",
    )  # fmt: skip
    app.put_object(work, "m.ics", meeting, actor=ACTOR, source=SOURCE, by=alice)
    bobs_copy = app.queries.object_with_uid(bob, "m")
    assert bobs_copy is not None
    app.give_rsvp(
        bobs_copy.event_id, "tg_2@televent.internal", PartStat.ACCEPTED,
        actor=f"account:{bob}", source=SOURCE,
    )  # fmt: skip
    rsvps = [s for trigger, s in messages(app, hers) if trigger == "rsvp.changed"]
    assert rsvps and rsvps[-1]["answers"] == [
        {"address": "tg_2@televent.internal", "status": "accepted"}
    ]


def link_and_webhook(app: Televent, clock: FakeClock, triggers: list[str]) -> tuple[UUID, UUID]:
    """Olga (at 07:00 UTC on 2 March 2026), her booking link `intro`, and her webhook of
    `triggers`."""
    clock.now = dt.datetime(2026, 3, 2, 7, 0, tzinfo=dt.UTC)
    olga = person(app, 1, "Olga")
    app.create_booking_link(
        olga, BookingLink.from_json({"slug": "intro", "title": "Intro call"}), actor=ACTOR,
        source=SOURCE,
    )  # fmt: skip
    hook, _ = app.add_webhook(
        olga, "https://hooks.example.org/o", triggers, actor=ACTOR, source=SOURCE
    )
    return olga, hook


def test_bookings_are_named_for_the_links_owner(app: Televent, clock: FakeClock) -> None:
    _, hook = link_and_webhook(app, clock, ["booking.created", "booking.cancelled"])
    booking = app.book(
        BookingRequest(slug="intro", start=dt.datetime(2026, 3, 2, 13, 0, tzinfo=dt.UTC),
                       name="Ann", email="ann@example.org", tz="UTC"),
        booking_id=uuid4().hex, token=uuid4().hex, source="booking",
    )  # fmt: skip
    app.cancel_booking(booking.token, reason="", source="booking")
    named = messages(app, hook)
    assert [trigger for trigger, _ in named] == ["booking.created", "booking.cancelled"]
    assert named[0][1]["name"] == "Ann" and named[0][1]["status"] == "active"
    assert named[1][1]["status"] == "cancelled"


def test_the_owner_moving_or_deleting_a_booked_event_is_named_at_once_and_once(
    app: Televent, clock: FakeClock
) -> None:
    """Olga moves one booked event and deletes another in her calendar app: the bookings were
    named rescheduled and cancelled only when a later visitor booked (the schedule catching
    up), with that later time. A visitor's own moving and cancelling are named once."""
    olga, hook = link_and_webhook(
        app, clock, ["booking.created", "booking.rescheduled", "booking.cancelled"]
    )

    def book(hour: int, name: str) -> BookingView:
        return app.book(
            BookingRequest(slug="intro", start=dt.datetime(2026, 3, 2, hour, 0, tzinfo=dt.UTC),
                           name=name, email=f"{name.lower()}@example.org", tz="UTC"),
            booking_id=uuid4().hex, token=uuid4().hex, source="booking",
        )  # fmt: skip

    moved, deleted = book(13, "Ann"), book(14, "Ben")
    first = app.queries.object_by_event_id(moved.event_id)
    second = app.queries.object_by_event_id(deleted.event_id)
    assert first is not None and second is not None
    later = re.sub(  # two hours later, as her calendar app writes it
        r"(DTSTART|DTEND)([^:\r\n]*):20260302T(\d\d)",
        lambda m: f"{m[1]}{m[2]}:20260302T{int(m[3]) + 2:02d}",
        first.ical,
    )
    assert later.count("20260302T16") == 2, later
    app.put_object(first.calendar_id, first.href, later, actor=ACTOR, source="caldav:phone",
                   by=olga)  # fmt: skip
    app.delete_object(second.calendar_id, second.href, actor=ACTOR, source="caldav:phone",
                      by=olga)  # fmt: skip
    named = [(trigger, subject["name"]) for trigger, subject in messages(app, hook)]
    assert named == [
        ("booking.created", "Ann"), ("booking.created", "Ben"),
        ("booking.rescheduled", "Ann"), ("booking.cancelled", "Ben"),
    ]  # fmt: skip
    assert messages(app, hook)[2][1]["start_at"].startswith("2026-03-02T15:00")

    carl = book(12, "Carl")  # the schedule catches up with the calendar: nothing new is named
    app.reschedule_booking(carl.token, dt.datetime(2026, 3, 2, 14, 0, tzinfo=dt.UTC),
                           source="booking")  # fmt: skip
    app.cancel_booking(carl.token, reason="", source="booking")
    named = [(trigger, subject["name"]) for trigger, subject in messages(app, hook)]
    assert named[4:] == [
        ("booking.created", "Carl"), ("booking.rescheduled", "Carl"),
        ("booking.cancelled", "Carl"),
    ]  # fmt: skip


def test_since_replays_pausing_and_removing(app: Televent) -> None:
    alice = person(app, 1, "Alice")
    work = app.queries.calendars_of(alice)[0].calendar_id
    before = app.queries.log_head()
    app.put_object(work, "a.ics", ical("a", "Before"), actor=ACTOR, source=SOURCE, by=alice)
    app.put_object(work, "b.ics", ical("b", "Before too"), actor=ACTOR, source=SOURCE, by=alice)
    replaying, _ = app.add_webhook(alice, "https://hooks.example.org/r", ["event.created"],
                                   since=before, actor=ACTOR, source=SOURCE)  # fmt: skip
    fresh, _ = app.add_webhook(alice, "https://hooks.example.org/f", ["event.created"],
                               actor=ACTOR, source=SOURCE)  # fmt: skip
    assert [s["uid"] for _, s in messages(app, replaying)] == ["a", "b"]
    assert messages(app, fresh) == []
    with pytest.raises(DomainError):
        app.add_webhook(alice, "https://x.example.org", ["event.created"], since=10**9,
                        actor=ACTOR, source=SOURCE)  # fmt: skip
    with pytest.raises(DomainError):
        app.add_webhook(alice, "https://x.example.org", ["event.exploded"], actor=ACTOR,
                        source=SOURCE)  # fmt: skip

    app.change_webhook(fresh, by=alice, active=False, actor=ACTOR, source=SOURCE)
    app.put_object(work, "c.ics", ical("c", "While paused"), actor=ACTOR, source=SOURCE, by=alice)
    assert [s["uid"] for _, s in messages(app, fresh)] == ["c"], "it waits for the resumption"
    assert app.pause_webhook(replaying, reason="HTTP 500") is True
    assert app.webhook_of(replaying, by=alice).paused_reason == "HTTP 500"
    app.change_webhook(replaying, by=alice, active=True, actor=ACTOR, source=SOURCE)
    resumed = app.webhook_of(replaying, by=alice)
    assert resumed.active and resumed.paused_reason is None

    bob = person(app, 2, "Bob")
    with pytest.raises(NotFoundError):
        app.remove_webhook(replaying, by=bob, actor=ACTOR, source=SOURCE)
    app.remove_webhook(replaying, by=alice, actor=ACTOR, source=SOURCE)
    assert messages(app, replaying) == []
    with pytest.raises(NotFoundError):
        app.webhook_secret(replaying)


def test_the_secret_is_only_in_the_sealed_log_and_erasure_takes_it_all(
    app: Televent, tmp_path: Path
) -> None:
    alice = person(app, 1, "Alice")
    work = app.queries.calendars_of(alice)[0].calendar_id
    hook, secret = app.add_webhook(alice, "https://hooks.example.org/a", ALL, actor=ACTOR,
                                   source=SOURCE)  # fmt: skip
    assert secret.startswith("whsec_") and app.webhook_secret(hook) == (alice, [secret])
    app.put_object(work, "a.ics", ical("a", "Standup"), actor=ACTOR, source=SOURCE, by=alice)
    with app.views.read() as db:
        for table in ("webhooks", "webhook_outbox", "audit_account_aggregates"):
            assert secret not in json.dumps(db.all(f"SELECT * FROM {table}"), default=str)
    lines = [line for entry in Audit(app).account_timeline(1) for line in entry.diff]
    assert any("added a webhook to https://hooks.example.org/a for event.created" in line
               for line in lines)  # fmt: skip
    assert secret not in json.dumps(lines)
    data = PersonalData(app)
    archive = tmp_path / "alice.zip"
    data.export(1, archive, operator="ops", reason="request")
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
        assert "notifications.json" in names
        everything = "".join(zipped.read(name).decode("utf-8", "replace") for name in names)
    assert "https://hooks.example.org/a" in everything and secret not in everything

    assert Rebuilder(app.engine, app.views).run(["webhooks"], verify=True).matches
    data.erase(1, operator="ops", reason="request")
    with app.views.read() as db:
        for table in ("webhooks", "webhook_outbox", "webhook_attempts", "push_registrations"):
            assert db.scalar(f"SELECT COUNT(*) FROM {table}") == 0, table
    with pytest.raises(NotFoundError):
        app.webhook_secret(hook)


def test_a_replay_brings_a_member_only_what_came_after_they_joined(
    app: Televent, clock: FakeClock
) -> None:
    """A webhook added with `since` replays changes for whoever may read the calendar now:
    someone who joined a shared calendar today got its deletions and answers from before
    they could read it."""
    alice, bob = person(app, 1, "Alice"), person(app, 2, "Bob")
    family = app.create_calendar(alice, "family", {"display_name": "Family"}, actor=ACTOR,
                                 source=SOURCE)  # fmt: skip
    app.put_object(family, "old.ics", ical("old", "Old"), actor=ACTOR, source=SOURCE, by=alice)
    start = app.queries.log_head()
    app.delete_object(family, "old.ics", actor=ACTOR, source=SOURCE, by=alice)
    clock.advance(minutes=5)
    app.share_calendar(family, by=alice, member=bob, role="read", actor=ACTOR, source=SOURCE)
    app.answer_calendar_invitation(family, by=bob, accept=True, actor=ACTOR, source=SOURCE)
    clock.advance(minutes=5)
    app.put_object(family, "new.ics", ical("new", "New"), actor=ACTOR, source=SOURCE, by=alice)
    bobs, _ = app.add_webhook(bob, "https://hooks.example.org/b", ALL, since=start, actor=ACTOR,
                              source=SOURCE)  # fmt: skip
    alices, _ = app.add_webhook(alice, "https://hooks.example.org/a", ALL, since=start,
                                actor=ACTOR, source=SOURCE)  # fmt: skip
    assert [(t, s["uid"]) for t, s in messages(app, bobs)] == [("event.created", "new")]
    assert [(t, s["uid"]) for t, s in messages(app, alices)] == [
        ("event.deleted", "old"),
        ("event.created", "new"),
    ]
