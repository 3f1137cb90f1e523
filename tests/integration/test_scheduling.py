"""Implicit scheduling (RFC 6638) through the application's commands, on SQLite and PostgreSQL:
what each calendar holds, which emails and Telegram cards are queued, after each step."""

from __future__ import annotations

import re
from typing import Any
from uuid import UUID

import pytest

from televent.application.televent import Televent
from televent.domain.errors import (
    InvalidCalendarDataError,
    NotInvitedError,
    PreconditionFailedError,
)
from televent.domain.ical import parse_calendar_object
from televent.domain.values import PartStat, calendar_id_for
from televent.projections import attendee_index_reader
from televent.projections.schedule_inbox_reader import ScheduleInbox
from tests.helpers import ACTOR, CALDAV, CLI, attendee_params, vevent

ALICE, BOB, CAROL = "alice@example.com", "bob@example.com", "carol@example.org"
NOBODY = "tg_999@televent.internal"


def register(app: Televent, telegram_id: int, name: str, email: str) -> UUID:
    registration = app.register_account(
        telegram_id, name=name, email=email, actor=ACTOR, source=CLI
    )
    return registration.account_id


@pytest.fixture
def people(app: Televent) -> dict[str, UUID]:
    return {
        "alice": register(app, 100, "Alice", ALICE),
        "bob": register(app, 200, "Bob", BOB),
    }


def calendar_of(account_id: UUID) -> UUID:
    return calendar_id_for(account_id, "default")


def meeting(
    *,
    start: str = "20260305T150000",
    sequence: int | None = None,
    bob: str = "NEEDS-ACTION",
    extra: str = "",
    carol_agent: str | None = None,
    summary: str = "Planning",
) -> str:
    text = vevent(
        uid="meeting-1",
        summary=summary,
        start=start,
        end=start[:9] + "170000",
        sequence=sequence,
        organizer=f"mailto:{ALICE}",
        attendees=[(ALICE, "ACCEPTED"), (BOB, bob), (CAROL, "NEEDS-ACTION")],
        extra=extra,
    )
    if carol_agent is not None:
        text = text.replace(
            f"RSVP=TRUE:mailto:{CAROL}", f"RSVP=TRUE;SCHEDULE-AGENT={carol_agent}:mailto:{CAROL}"
        )
    return text


def answered(ical: str, address: str, partstat: str) -> str:
    """The text with one attendee's PARTSTAT changed, as their client would write it."""
    lines = ical.split("\r\n")
    for index, line in enumerate(lines):
        if line.startswith("ATTENDEE") and line.lower().endswith(f"mailto:{address}"):
            lines[index] = re.sub(r"PARTSTAT=[A-Z-]+", f"PARTSTAT={partstat}", line)
    changed = "\r\n".join(lines)
    assert changed != ical
    return changed


def mails(app: Televent) -> list[tuple[str, str]]:
    with app.views.read() as db:
        rows = db.all("SELECT method, recipient FROM mail_outbox ORDER BY created_position")
    return [(r["method"], r["recipient"]) for r in rows]


def cards(app: Televent) -> list[tuple[str, int]]:
    with app.views.read() as db:
        rows = db.all("SELECT kind, chat_id FROM telegram_outbox ORDER BY created_position")
    return [(r["kind"], int(r["chat_id"])) for r in rows]


def copy_of(app: Televent, account_id: UUID) -> Any:
    return app.queries.object_with_uid(account_id, "meeting-1")


def put_as(app: Televent, account_id: UUID, text: str, **kwargs: Any) -> Any:
    return app.put_object(
        calendar_of(account_id), "meeting-1.ics", text, actor=f"account:{account_id}",
        source=CALDAV, **kwargs,
    )  # fmt: skip


def test_an_invitation_reaches_each_attendee_once_by_the_right_way(
    app: Televent, people: dict[str, UUID]
) -> None:
    text = meeting().replace(
        "END:VEVENT", f"ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:{NOBODY}\r\nEND:VEVENT"
    )
    put_as(app, people["alice"], text)

    stored = app.queries.object_with_uid(people["alice"], "meeting-1")
    assert stored is not None
    assert attendee_params(stored.ical, BOB)["SCHEDULE-STATUS"] == "1.2"
    assert attendee_params(stored.ical, CAROL)["SCHEDULE-STATUS"] == "1.1"
    assert attendee_params(stored.ical, NOBODY)["SCHEDULE-STATUS"] == "3.7"
    assert "SCHEDULE-STATUS" not in attendee_params(stored.ical, ALICE)  # the organizer

    bobs = copy_of(app, people["bob"])
    assert bobs is not None and bobs.calendar_id == calendar_of(people["bob"])
    assert "SUMMARY:Planning" in bobs.ical
    assert attendee_params(bobs.ical, BOB)["PARTSTAT"] == "NEEDS-ACTION"
    assert mails(app) == [("REQUEST", CAROL)]  # Bob is a Televent user: no email for him
    assert cards(app) == [("invitation", 200)]


def test_the_attendee_answers_from_their_own_calendar(
    app: Televent, people: dict[str, UUID]
) -> None:
    put_as(app, people["alice"], meeting())
    before = app.queries.object_with_uid(people["alice"], "meeting-1")
    assert before is not None
    bobs = copy_of(app, people["bob"])
    accepted = answered(bobs.ical, BOB, "ACCEPTED")
    alarm = "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:x\r\nTRIGGER:-PT5M\r\nEND:VALARM\r\n"
    accepted = accepted.replace("END:VEVENT", alarm + "END:VEVENT")
    put_as(app, people["bob"], accepted, if_match=bobs.etag)

    alices = app.queries.object_with_uid(people["alice"], "meeting-1")
    assert alices is not None
    assert attendee_params(alices.ical, BOB)["PARTSTAT"] == "ACCEPTED"
    assert alices.etag != before.etag
    assert alices.schedule_tag == before.schedule_tag  # only an answer: the tag stays
    assert ("rsvp", 100) in cards(app)
    assert mails(app) == [("REQUEST", CAROL)]  # no new email


def test_organizer_edit_with_schedule_tag_keeps_the_answer_and_a_reschedule_asks_again(
    app: Televent, people: dict[str, UUID]
) -> None:
    put_as(app, people["alice"], meeting())
    tag = app.queries.object_with_uid(people["alice"], "meeting-1").schedule_tag
    app.give_rsvp(
        app.queries.object_with_uid(people["alice"], "meeting-1").event_id,
        BOB,
        PartStat.ACCEPTED,
        actor=f"account:{people['bob']}",
        source=CLI,
    )
    # The bot's answer went through Bob's copy to Alice's event.
    assert attendee_params(copy_of(app, people["bob"]).ical, BOB)["PARTSTAT"] == "ACCEPTED"
    # Alice's client edits the version it read (Bob still NEEDS-ACTION there): the answer stays.
    put_as(app, people["alice"], meeting(summary="Planning (room 2)"), if_schedule_tag=tag)
    alices = app.queries.object_with_uid(people["alice"], "meeting-1")
    assert attendee_params(alices.ical, BOB)["PARTSTAT"] == "ACCEPTED"
    assert "Planning (room 2)" in copy_of(app, people["bob"]).ical
    with pytest.raises(PreconditionFailedError):
        put_as(app, people["alice"], meeting(summary="Stale"), if_schedule_tag=tag)

    put_as(app, people["alice"], meeting(start="20260306T150000", bob="ACCEPTED", sequence=1))
    bobs = copy_of(app, people["bob"])
    assert "20260306T150000" in bobs.ical
    assert attendee_params(bobs.ical, BOB)["PARTSTAT"] == "NEEDS-ACTION"
    assert mails(app) == [("REQUEST", CAROL), ("REQUEST", CAROL)]
    assert [c for c in cards(app) if c[1] == 200] == [
        ("invitation", 200),
        ("invitation_update", 200),
    ]


def test_an_attendee_cannot_change_what_the_organizer_owns(
    app: Televent, people: dict[str, UUID]
) -> None:
    put_as(app, people["alice"], meeting())
    bobs = copy_of(app, people["bob"])
    with pytest.raises(InvalidCalendarDataError) as refused:
        put_as(app, people["bob"], bobs.ical.replace("SUMMARY:Planning", "SUMMARY:Mine"))
    assert refused.value.precondition == "allowed-attendee-scheduling-object-change"
    assert copy_of(app, people["bob"]).etag == bobs.etag


def test_deleting_cancels_for_attendees_and_an_attendee_deleting_declines(
    app: Televent, people: dict[str, UUID]
) -> None:
    put_as(app, people["alice"], meeting())
    app.delete_object(
        calendar_of(people["bob"]), copy_of(app, people["bob"]).href,
        actor=f"account:{people['bob']}", source=CALDAV,
    )  # fmt: skip
    alices = app.queries.object_with_uid(people["alice"], "meeting-1")
    assert attendee_params(alices.ical, BOB)["PARTSTAT"] == "DECLINED"
    assert copy_of(app, people["bob"]) is None

    put_as(app, people["alice"], meeting(bob="DECLINED", summary="Planning, again", sequence=2))
    assert copy_of(app, people["bob"]) is not None  # a new revision reaches him again
    app.delete_object(
        calendar_of(people["alice"]), "meeting-1.ics", actor=f"account:{people['alice']}",
        source=CALDAV,
    )  # fmt: skip
    bobs = copy_of(app, people["bob"])
    assert "STATUS:CANCELLED" in bobs.ical
    assert mails(app)[-1] == ("CANCEL", CAROL)
    assert cards(app)[-1] == ("cancelled", 200)


def test_schedule_agent_client_gets_no_message_and_force_send_resends(
    app: Televent, people: dict[str, UUID]
) -> None:
    put_as(app, people["alice"], meeting(carol_agent="CLIENT"))
    assert mails(app) == []
    stored = app.queries.object_with_uid(people["alice"], "meeting-1")
    assert "SCHEDULE-STATUS" not in attendee_params(stored.ical, CAROL)


def test_schedule_force_send_sends_again_and_is_not_stored(
    app: Televent, people: dict[str, UUID]
) -> None:
    put_as(app, people["alice"], meeting())
    forced = meeting().replace(
        f"RSVP=TRUE:mailto:{CAROL}", f"RSVP=TRUE;SCHEDULE-FORCE-SEND=REQUEST:mailto:{CAROL}"
    )
    forced = forced.replace(
        f"RSVP=TRUE:mailto:{BOB}", f"RSVP=TRUE;SCHEDULE-FORCE-SEND=REQUEST:mailto:{BOB}"
    )
    put_as(app, people["alice"], forced)
    assert mails(app) == [("REQUEST", CAROL), ("REQUEST", CAROL)]
    assert cards(app) == [("invitation", 200), ("invitation_update", 200)]
    stored = app.queries.object_with_uid(people["alice"], "meeting-1")
    assert "SCHEDULE-FORCE-SEND" not in stored.ical


def test_a_copy_and_an_email_carry_none_of_the_organizers_scheduling_parameters(
    app: Televent, people: dict[str, UUID]
) -> None:
    put_as(app, people["alice"], meeting(carol_agent="CLIENT"))
    alices = app.queries.object_with_uid(people["alice"], "meeting-1")
    assert attendee_params(alices.ical, BOB)["SCHEDULE-STATUS"] == "1.2"
    bobs = copy_of(app, people["bob"])
    for address in (ALICE, BOB, CAROL):
        params = attendee_params(bobs.ical, address)
        assert "SCHEDULE-STATUS" not in params and "SCHEDULE-AGENT" not in params


def test_an_undelivered_invitation_shows_5_1_until_a_new_one_is_sent(
    app: Televent, people: dict[str, UUID]
) -> None:
    put_as(app, people["alice"], meeting())
    event_id = app.queries.object_with_uid(people["alice"], "meeting-1").event_id
    tag = app.queries.object_with_uid(people["alice"], "meeting-1").schedule_tag
    assert app.record_delivery_failure(
        event_id,
        CAROL,
        "REQUEST",
        reason="550 5.1.1 no such user",
        actor="system:mail",
        source="smtp:1",
    )
    alices = app.queries.object_with_uid(people["alice"], "meeting-1")
    assert attendee_params(alices.ical, CAROL)["SCHEDULE-STATUS"] == "5.1"
    assert alices.schedule_tag == tag
    # Nobody is told anything because of it; Bob's copy does not change.
    assert mails(app) == [("REQUEST", CAROL)]
    assert cards(app) == [("invitation", 200)]
    assert "SCHEDULE-STATUS" not in copy_of(app, people["bob"]).ical
    # Alice's client saves a change that sends nothing (its own text says 1.1): 5.1 stays.
    put_as(app, people["alice"], meeting(extra="CATEGORIES:work\r\n"), if_match=alices.etag)
    alices = app.queries.object_with_uid(people["alice"], "meeting-1")
    assert attendee_params(alices.ical, CAROL)["SCHEDULE-STATUS"] == "5.1"
    assert mails(app) == [("REQUEST", CAROL)]
    # A reschedule sends Carol a new REQUEST: the status is that message's again.
    put_as(app, people["alice"], meeting(start="20260306T150000", extra="CATEGORIES:work\r\n"))
    alices = app.queries.object_with_uid(people["alice"], "meeting-1")
    assert attendee_params(alices.ical, CAROL)["SCHEDULE-STATUS"] == "1.1"
    assert mails(app) == [("REQUEST", CAROL), ("REQUEST", CAROL)]
    # An address the event no longer names, or a deleted event, records nothing.
    assert not app.record_delivery_failure(
        event_id, "dan@example.net", "REQUEST", reason="x", actor="system:mail", source="smtp:2"
    )
    app.delete_object(calendar_of(people["alice"]), "meeting-1.ics", actor=ACTOR, source=CALDAV)
    assert not app.record_delivery_failure(
        event_id, CAROL, "REQUEST", reason="x", actor="system:mail", source="smtp:3"
    )


def inbox_methods(app: Televent, account_id: UUID) -> list[str]:
    return [item.method for item in ScheduleInbox(app.views).items(account_id)]


def test_the_schedule_inbox_gets_a_copy_of_each_message_and_no_more(
    app: Televent, people: dict[str, UUID]
) -> None:
    """RFC 6638 §4.1: a REQUEST per new revision and a CANCEL for the attendee, a REPLY per
    answer for the organizer; nothing for one's own changes or a change that sends nothing."""
    put_as(app, people["alice"], meeting())
    assert inbox_methods(app, people["bob"]) == ["REQUEST"]
    assert inbox_methods(app, people["alice"]) == []
    bobs = copy_of(app, people["bob"])
    put_as(app, people["bob"], answered(bobs.ical, BOB, "ACCEPTED"), if_match=bobs.etag)
    assert inbox_methods(app, people["alice"]) == ["REPLY"]
    assert inbox_methods(app, people["bob"]) == ["REQUEST"]
    [reply] = ScheduleInbox(app.views).items(people["alice"])
    assert "METHOD:REPLY" in reply.ical and "PARTSTAT=ACCEPTED" in reply.ical
    # Alice files it under a category: nothing significant, nobody is told.
    put_as(app, people["alice"], meeting(bob="ACCEPTED", extra="CATEGORIES:work\r\n"))
    assert inbox_methods(app, people["bob"]) == ["REQUEST"]
    put_as(app, people["alice"], meeting(start="20260306T150000", bob="ACCEPTED", sequence=1))
    app.delete_object(calendar_of(people["alice"]), "meeting-1.ics", actor=ACTOR, source=CALDAV)
    assert inbox_methods(app, people["bob"]) == ["REQUEST", "REQUEST", "CANCEL"]
    # Bob's client deletes what it showed; the inbox's version moves each time.
    inbox = ScheduleInbox(app.views)
    version = inbox.version(people["bob"])
    first = inbox.items(people["bob"])[0]
    bob = {"actor": f"account:{people['bob']}", "source": CALDAV}
    with pytest.raises(PreconditionFailedError):
        app.delete_inbox_item(people["bob"], first.name, if_match='"other"', **bob)
    app.delete_inbox_item(people["bob"], first.name, if_match=first.etag, **bob)
    assert inbox_methods(app, people["bob"]) == ["REQUEST", "CANCEL"]
    assert inbox.version(people["bob"]) == version + 1


def test_an_answer_is_never_written_into_another_attendees_copy(
    app: Televent, people: dict[str, UUID]
) -> None:
    """Carol, a Televent user the meeting is not sent to (SCHEDULE-AGENT=CLIENT), holds no
    copy; asked to answer Bob's copy by its id (an id she could work out), her answer went
    into Bob's calendar, reached nobody, and made his copy disagree with Alice's event. It is
    refused; her answer goes into Alice's event, where answers arrive."""
    register(app, 300, "Carol", CAROL)
    organised = put_as(app, people["alice"], meeting(carol_agent="CLIENT"))
    bobs = app.queries.object_with_uid(people["bob"], "meeting-1")
    assert bobs is not None
    with pytest.raises(NotInvitedError):
        app.give_rsvp(bobs.event_id, CAROL, PartStat.ACCEPTED, actor=ACTOR, source=CLI)
    after = app.queries.object_with_uid(people["bob"], "meeting-1")
    assert after is not None and after.ical == bobs.ical

    app.give_rsvp(organised.event_id, CAROL, PartStat.ACCEPTED, actor=ACTOR, source=CLI)
    alices = app.queries.object_by_event_id(organised.event_id)
    assert alices is not None and attendee_params(alices.ical, CAROL)["PARTSTAT"] == "ACCEPTED"
    # Bob answers through Alice's event: his answer goes into his own copy, as before.
    app.give_rsvp(organised.event_id, BOB, PartStat.TENTATIVE, actor=ACTOR, source=CLI)
    mine = app.queries.object_with_uid(people["bob"], "meeting-1")
    assert mine is not None and attendee_params(mine.ical, BOB)["PARTSTAT"] == "TENTATIVE"


def test_an_occurrence_someone_else_answered_keeps_the_series_answer_in_each_copy(
    app: Televent, people: dict[str, UUID]
) -> None:
    """Bob accepted a weekly meeting; Carol declines one week. The organizer's event gets a
    component for that week and sends it to Bob's copy, which had none: his answer there
    stays his series answer, not "not answered yet" (the invitation is not moved)."""
    register(app, 300, "Carol", CAROL)
    weekly = vevent(
        uid="meeting-1", summary="Weekly", start="20260305T150000", end="20260305T160000",
        rrule="FREQ=WEEKLY;COUNT=4", organizer=f"mailto:{ALICE}",
        attendees=[(ALICE, "ACCEPTED"), (BOB, "NEEDS-ACTION"), (CAROL, "NEEDS-ACTION")],
    )  # fmt: skip
    organised = put_as(app, people["alice"], weekly)
    app.give_rsvp(organised.event_id, BOB, PartStat.ACCEPTED, actor=ACTOR, source=CLI)
    app.give_rsvp(organised.event_id, CAROL, PartStat.DECLINED,
                  recurrence_id="2026-03-12T15:00:00+01:00", actor=ACTOR, source=CLI)  # fmt: skip
    copy = copy_of(app, people["bob"])
    parsed = parse_calendar_object(copy.ical)
    [week] = [c for c in parsed.components if c.get("RECURRENCE-ID") is not None]
    [bob] = [a for a in week.all("ATTENDEE") if a.value.lower() == f"mailto:{BOB}"]
    assert bob.param("PARTSTAT") == "ACCEPTED"
    assert attendee_params(copy.ical, BOB)["PARTSTAT"] == "ACCEPTED"  # the series


def test_busy_time_is_shared_with_an_organizer_whatever_else_the_owner_said_yes_to(
    app: Televent, people: dict[str, UUID], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bob said yes to Alice's meeting once, and to more of Carol's since than the question
    reads: Alice may still see when Bob is busy; Carol may too, and a stranger may not."""
    monkeypatch.setattr(attendee_index_reader, "MAX_MEETINGS_READ", 3)
    register(app, 300, "Carol", CAROL)
    register(app, 400, "Dan", "dan@example.net")
    views = {
        name: app.queries.account_by_telegram_id(n)
        for name, n in (("alice", 100), ("bob", 200), ("carol", 300), ("dan", 400))
    }
    organised = put_as(app, people["alice"], meeting())
    app.give_rsvp(organised.event_id, BOB, PartStat.ACCEPTED, actor=ACTOR, source=CLI)
    carol = app.queries.account_by_telegram_id(300)
    assert carol is not None
    for n in range(5):
        text = vevent(uid=f"carol-{n}", summary=f"Carol's {n}", organizer=f"mailto:{CAROL}",
                      attendees=[(CAROL, "ACCEPTED"), (BOB, "NEEDS-ACTION")])  # fmt: skip
        made = app.put_object(calendar_of(carol.account_id), f"carol-{n}.ics", text,
                              actor=ACTOR, source=CALDAV)  # fmt: skip
        app.give_rsvp(made.event_id, BOB, PartStat.ACCEPTED, actor=ACTOR, source=CLI)
    domain = app.internal_domain
    bob = views["bob"]
    assert bob is not None
    for name, allowed in (("alice", True), ("carol", True), ("dan", False)):
        asker = views[name]
        assert asker is not None
        assert app.queries.meet_each_other(asker, bob, domain) is allowed, name
