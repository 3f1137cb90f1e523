""" "This and following" through the application, on SQLite and PostgreSQL: the series that ends
and the series that begins are stored in one transaction, with their scheduling consequences
(an invited Televent user's copies follow both), and a failure stores neither."""

from __future__ import annotations

import datetime as dt
from uuid import UUID

import icalendar
import pytest

from televent.application.event_edits import EventEdits
from televent.application.televent import Televent
from televent.domain.calendar_event import CalendarEvent
from televent.domain.event_fields import read_changes
from televent.domain.values import PartStat, calendar_id_for
from tests.helpers import ACTOR, CLI

NOW = dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)
ALICE, BOB = 100, 200


def register(app: Televent, telegram_id: int, name: str) -> UUID:
    registration = app.register_account(
        telegram_id, name=name, timezone="Europe/Berlin", actor=ACTOR, source=CLI
    )
    return calendar_id_for(registration.account_id, "default")


def weekly_meeting(app: Televent) -> tuple[UUID, UUID, UUID]:
    """Alice's weekly meeting on Mondays at 10:00 from 2 March, Bob invited: (Alice's
    calendar, Bob's calendar, the event)."""
    mine, bobs = register(app, ALICE, "Alice"), register(app, BOB, "Bob")
    made = EventEdits(app).create(
        mine,
        read_changes(
            {
                "title": "Planning",
                "start": "2026-03-02T10:00:00",
                "end": "2026-03-02T11:00:00",
                "recurrence": "FREQ=WEEKLY;BYDAY=MO",
            }
        ),
        uid="planning@televent",
        zone_name="Europe/Berlin",
        organizer=("mailto:tg_100@televent.internal", "Alice"),
        attendees=[("mailto:tg_200@televent.internal", "Bob")],
        now=NOW,
        actor=ACTOR,
        source=CLI,
    )
    return mine, bobs, made.event_id


def rules(app: Televent, calendar_id: UUID) -> dict[str, str]:
    """UID -> the master's RRULE of every resource in the calendar."""
    found = {}
    for obj in app.queries.objects_in(calendar_id):
        parsed = icalendar.Calendar.from_ical(obj.ical)
        main = next(c for c in parsed.walk("VEVENT") if "RECURRENCE-ID" not in c)
        found[obj.uid] = str(main["RRULE"].to_ical().decode())
    return found


def partstats(app: Televent, calendar_id: UUID) -> dict[str, str]:
    """UID -> Bob's answer on the master of each resource in the calendar."""
    found = {}
    for obj in app.queries.objects_in(calendar_id):
        parsed = icalendar.Calendar.from_ical(obj.ical)
        main = next(c for c in parsed.walk("VEVENT") if "RECURRENCE-ID" not in c)
        attendees = main.get("ATTENDEE", [])
        listed = attendees if isinstance(attendees, list) else [attendees]
        (bob,) = [a for a in listed if "tg_200" in str(a)]
        found[obj.uid] = str(bob.params.get("PARTSTAT"))
    return found


def test_both_series_are_stored_and_the_guest_gets_both(app: Televent) -> None:
    mine, bobs, event_id = weekly_meeting(app)
    app.give_rsvp(event_id, "tg_200@televent.internal", PartStat.ACCEPTED, actor=ACTOR, source=CLI)
    assert partstats(app, mine) == {"planning@televent": "ACCEPTED"}
    started = EventEdits(app).edit_following(
        event_id,
        read_changes({"start": "2026-03-16T14:00:00+01:00", "end": "2026-03-16T15:00:00+01:00"}),
        occurrence="2026-03-16T10:00:00+01:00",
        uid="planning-2@televent",
        zone_name="Europe/Berlin",
        now=NOW,
        if_match=None,
        actor=ACTOR,
        source=CLI,
    )
    assert started.created and started.event_id != event_id
    expected = {
        "planning@televent": "FREQ=WEEKLY;UNTIL=20260316T085959Z;BYDAY=MO",
        "planning-2@televent": "FREQ=WEEKLY;BYDAY=MO",
    }
    assert rules(app, mine) == expected
    assert rules(app, bobs) == expected  # the invitation's copy ends, a new one arrives
    # The series that ended moved no occurrence: Bob's answer stands. The new one moved to
    # 14:00: he is asked again.
    assert partstats(app, mine) == {
        "planning@televent": "ACCEPTED",
        "planning-2@televent": "NEEDS-ACTION",
    }


@pytest.mark.parametrize("failing", ["the old series", "the new series"])
def test_when_either_write_fails_neither_is_stored(
    app: Televent, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    mine, bobs, event_id = weekly_meeting(app)
    before = {obj.uid: obj.etag for obj in app.queries.objects_in(mine)}
    bob_before = {obj.uid: obj.etag for obj in app.queries.objects_in(bobs)}
    current = app.queries.object_by_event_id(event_id)
    assert current is not None

    def failed(*args: object, **kwargs: object) -> None:
        raise OSError("The disk is full.")

    if failing == "the old series":
        monkeypatch.setattr(CalendarEvent, "revise", failed)
    else:
        save = app.save

        def save_unless_new(*aggregates: object) -> object:
            if any(getattr(a, "uid", None) == "planning-2@televent" for a in aggregates):
                failed()
            return save(*aggregates)  # type: ignore[arg-type]

        monkeypatch.setattr(app, "save", save_unless_new)
    with pytest.raises(OSError, match="disk"):
        EventEdits(app).edit_following(
            event_id,
            read_changes({"title": "Planning (new)"}),
            occurrence="2026-03-16T10:00:00+01:00",
            uid="planning-2@televent",
            zone_name="Europe/Berlin",
            now=NOW,
            if_match=current.etag,
            actor=ACTOR,
            source=CLI,
        )
    assert {obj.uid: obj.etag for obj in app.queries.objects_in(mine)} == before
    assert {obj.uid: obj.etag for obj in app.queries.objects_in(bobs)} == bob_before
