"""Busy time for booking slots (projections/busy_reader.py) on both backends: invitations from
other Televent users count until declined, all-day and floating events are read in the owner's
zone, transparent and cancelled ones are free, and one unreadable event hides nothing else."""

from __future__ import annotations

import datetime as dt
from uuid import UUID

import pytest

from televent.application.televent import Televent
from televent.domain.values import PartStat, internal_address
from televent.projections.agenda_reader import AgendaReader, Listing
from televent.projections.busy_reader import BusyReader
from tests.conftest import FakeClock
from tests.helpers import vevent

OWNER, ORGANIZER = 6100, 6200
DAY = dt.datetime(2026, 3, 5, tzinfo=dt.UTC)


def utc(hour: int, minute: int = 0, day: int = 5) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, minute, tzinfo=dt.UTC)


@pytest.fixture
def people(app: Televent, clock: FakeClock) -> Televent:
    clock.now = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)
    app.register_account(OWNER, name="Olga", timezone="Europe/Berlin", actor="t", source="cli")
    app.register_account(ORGANIZER, name="Otto", timezone="UTC", actor="t", source="cli")
    return app


def _busy(app: Televent) -> list[tuple[dt.datetime, dt.datetime]]:
    account = app.queries.account_by_telegram_id(OWNER)
    assert account is not None
    reader = BusyReader(AgendaReader(app.queries, app.internal_domain))
    return reader.busy(account, DAY - dt.timedelta(days=1), DAY + dt.timedelta(days=2))


def _listing(app: Televent) -> Listing:
    """Olga's own listing of the days `_busy` covers (the bot's and the API's reader)."""
    account = app.queries.account_by_telegram_id(OWNER)
    assert account is not None
    return AgendaReader(app.queries, app.internal_domain).listing(
        account, DAY - dt.timedelta(days=1), DAY + dt.timedelta(days=2)
    )


def _calendar(app: Televent, telegram_id: int) -> UUID:
    account = app.queries.account_by_telegram_id(telegram_id)
    assert account is not None
    return app.queries.calendars_of(account.account_id)[0].calendar_id


def test_an_invitation_counts_until_it_is_declined(people: Televent) -> None:
    app = people
    calendar_id = _calendar(app, ORGANIZER)
    olga = internal_address(OWNER, app.internal_domain)
    result = app.put_object(
        calendar_id,
        "meet.ics",
        vevent(
            uid="meet",
            start="20260305T100000",
            end="20260305T110000",
            tzid=None,
            organizer=f"mailto:{internal_address(ORGANIZER, app.internal_domain)}",
            attendees=[(olga, "NEEDS-ACTION")],
        ),
        actor="otto",
        source="caldav",
    )
    assert _busy(app) == [(utc(10), utc(11))]
    app.give_rsvp(result.event_id, olga, PartStat.DECLINED, actor="olga", source="bot")
    assert _busy(app) == []


def test_all_day_and_floating_events_are_read_in_the_owners_zone(people: Televent) -> None:
    app = people
    calendar_id = _calendar(app, OWNER)
    all_day = (
        vevent(uid="trip", organizer=None, tzid=None)
        .replace("DTSTART:20260305T150000Z", "DTSTART;VALUE=DATE:20260305")
        .replace("DTEND:20260305T160000Z", "DTEND;VALUE=DATE:20260306")
    )
    floating = (
        vevent(uid="gym", organizer=None, tzid=None)
        .replace("DTSTART:20260305T150000Z", "DTSTART:20260306T070000")
        .replace("DTEND:20260305T160000Z", "DTEND:20260306T080000")
    )
    for name, text in (("trip.ics", all_day), ("gym.ics", floating)):
        app.put_object(calendar_id, name, text, actor="olga", source="caldav")
    assert _busy(app) == [
        (utc(23, day=4), utc(23, day=5)),  # 5 March, midnight to midnight in Berlin (UTC+1)
        (utc(6, day=6), utc(7, day=6)),  # 07:00 floating, read as Berlin
    ]


def test_transparent_and_cancelled_events_are_free(people: Televent) -> None:
    app = people
    calendar_id = _calendar(app, OWNER)
    texts = {
        "free.ics": vevent(uid="free", organizer=None, extra="TRANSP:TRANSPARENT"),
        "off.ics": vevent(uid="off", organizer=None, extra="STATUS:CANCELLED"),
        "busy.ics": vevent(
            uid="busy",
            organizer=None,
            extra="TRANSP:OPAQUE",
            start="20260305T170000",
            end="20260305T173000",
        ),
    }
    for name, text in texts.items():
        app.put_object(calendar_id, name, text, actor="olga", source="caldav")
    assert _busy(app) == [(utc(16), utc(16, 30))]  # 17:00 Berlin


def test_one_cancelled_instance_of_a_series_is_free(people: Televent) -> None:
    app = people
    calendar_id = _calendar(app, OWNER)
    series = vevent(
        uid="daily",
        organizer=None,
        start="20260304T090000",
        end="20260304T093000",
        rrule="FREQ=DAILY",
    )
    override = (
        "BEGIN:VEVENT\r\nUID:daily\r\nDTSTAMP:20260301T090000Z\r\n"
        "RECURRENCE-ID;TZID=Europe/Berlin:20260305T090000\r\n"
        "DTSTART;TZID=Europe/Berlin:20260305T090000\r\nDTEND;TZID=Europe/Berlin:20260305T093000\r\n"
        "STATUS:CANCELLED\r\nSUMMARY:Team sync\r\nEND:VEVENT\r\n"
    )
    text = series.replace("END:VCALENDAR", override + "END:VCALENDAR")
    app.put_object(calendar_id, "daily.ics", text, actor="olga", source="caldav")
    assert _busy(app) == [
        (utc(8, day=4), utc(8, 30, day=4)),
        (utc(8, day=6), utc(8, 30, day=6)),
    ]


def test_a_copy_of_someone_elses_meeting_declined_is_free(people: Televent) -> None:
    app = people
    calendar_id = _calendar(app, OWNER)
    olga = internal_address(OWNER, app.internal_domain)
    for uid, answer in (("no", "DECLINED"), ("yes", "ACCEPTED")):
        text = vevent(
            uid=uid,
            start="20260305T100000" if uid == "no" else "20260305T120000",
            end="20260305T110000" if uid == "no" else "20260305T130000",
            tzid=None,
            organizer="mailto:boss@example.com",
            attendees=[(olga, answer)],
        )
        app.put_object(calendar_id, f"{uid}.ics", text, actor="olga", source="caldav")
    assert _busy(app) == [(utc(12), utc(13))]


def test_an_occurrence_answered_otherwise_than_its_series_counts_by_its_own_answer(
    people: Televent,
) -> None:
    """Olga declined the boss's daily meeting but accepted it on the 5th (her client wrote an
    override with her answer): that day she is busy, and a visitor could book her then.
    Her accepted daily stand-up, declined on the 5th, leaves that day free."""
    app = people
    calendar_id = _calendar(app, OWNER)
    olga = internal_address(OWNER, app.internal_domain)
    for uid, hour, series_answer, answer_on_5th in (
        ("boss", "10", "DECLINED", "ACCEPTED"),
        ("standup", "12", "ACCEPTED", "DECLINED"),
    ):
        series = vevent(
            uid=uid, summary=uid, start=f"20260304T{hour}0000", end=f"20260304T{hour}3000",
            tzid=None,
            organizer="mailto:boss@example.com", attendees=[(olga, series_answer)],
            rrule="FREQ=DAILY;COUNT=3",
        )  # fmt: skip
        override = (
            f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260301T090000Z\r\n"
            f"RECURRENCE-ID:20260305T{hour}0000Z\r\nDTSTART:20260305T{hour}0000Z\r\n"
            f"DTEND:20260305T{hour}3000Z\r\nSUMMARY:{uid}\r\n"
            f"ATTENDEE;PARTSTAT={answer_on_5th}:mailto:{olga}\r\nEND:VEVENT\r\n"
        )
        text = series.replace("END:VCALENDAR", override + "END:VCALENDAR")
        app.put_object(calendar_id, f"{uid}.ics", text, actor="olga", source="caldav")
    assert _busy(app) == [
        (utc(12, day=4), utc(12, 30, day=4)),
        (utc(10, day=5), utc(10, 30, day=5)),
        (utc(12, day=6), utc(12, 30, day=6)),
    ]
    listed = _listing(app)
    assert [(o.start.day, o.summary) for o in listed.occurrences] == [
        (4, "standup"), (5, "boss"), (6, "standup"),
    ]  # fmt: skip


OFFICE_TIME = (
    "BEGIN:VTIMEZONE\r\nTZID:Office Time\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
    "TZOFFSETFROM:+0000\r\nTZOFFSETTO:+0000\r\nTZNAME:OT\r\nEND:STANDARD\r\n"
    "END:VTIMEZONE\r\n"
)


def test_an_occurrence_answered_otherwise_is_read_so_when_the_body_is_expanded_too(
    people: Televent,
) -> None:
    """The same meetings in a zone their body defines (left to the readers to expand, not
    indexed): the series' answer counted for every occurrence there."""
    app = people
    calendar_id = _calendar(app, OWNER)
    olga = internal_address(OWNER, app.internal_domain)
    for uid, hour, series_answer, answer_on_5th in (
        ("boss", "10", "DECLINED", "ACCEPTED"),
        ("standup", "12", "ACCEPTED", "DECLINED"),
    ):
        text = (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
            + OFFICE_TIME
            + f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260301T090000Z\r\n"
            f"DTSTART;TZID=Office Time:20260304T{hour}0000\r\n"
            f"DTEND;TZID=Office Time:20260304T{hour}3000\r\nRRULE:FREQ=DAILY;COUNT=3\r\n"
            f"SUMMARY:{uid}\r\nORGANIZER:mailto:boss@example.com\r\n"
            f"ATTENDEE;PARTSTAT={series_answer}:mailto:{olga}\r\nEND:VEVENT\r\n"
            f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260301T090000Z\r\n"
            f"RECURRENCE-ID;TZID=Office Time:20260305T{hour}0000\r\n"
            f"DTSTART;TZID=Office Time:20260305T{hour}0000\r\n"
            f"DTEND;TZID=Office Time:20260305T{hour}3000\r\nSUMMARY:{uid}\r\n"
            f"ORGANIZER:mailto:boss@example.com\r\n"
            f"ATTENDEE;PARTSTAT={answer_on_5th}:mailto:{olga}\r\nEND:VEVENT\r\n"
            "END:VCALENDAR\r\n"
        )
        app.put_object(calendar_id, f"{uid}.ics", text, actor="olga", source="caldav")
    assert _busy(app) == [
        (utc(12, day=4), utc(12, 30, day=4)),
        (utc(10, day=5), utc(10, 30, day=5)),
        (utc(12, day=6), utc(12, 30, day=6)),
    ]
    listed = _listing(app)
    assert [(o.start.day, o.summary, o.my_answer) for o in listed.occurrences] == [
        (4, "standup", "ACCEPTED"), (5, "boss", "ACCEPTED"), (6, "standup", "ACCEPTED"),
    ]  # fmt: skip


def test_an_endless_series_is_busy_years_after_it_was_written(people: Televent) -> None:
    """Beyond the occurrence index's horizon the series is expanded from its body."""
    app = people
    calendar_id = _calendar(app, OWNER)
    weekly = vevent(uid="weekly", organizer=None, rrule="FREQ=WEEKLY")  # Thursdays 15:00 Berlin
    app.put_object(calendar_id, "weekly.ics", weekly, actor="olga", source="caldav")
    account = app.queries.account_by_telegram_id(OWNER)
    assert account is not None
    reader = BusyReader(AgendaReader(app.queries, app.internal_domain))
    later = dt.datetime(2029, 3, 1, tzinfo=dt.UTC)  # a Thursday
    assert reader.busy(account, later, later + dt.timedelta(days=14)) == [
        (dt.datetime(2029, 3, 1, 14, tzinfo=dt.UTC), dt.datetime(2029, 3, 1, 15, tzinfo=dt.UTC)),
        (dt.datetime(2029, 3, 8, 14, tzinfo=dt.UTC), dt.datetime(2029, 3, 8, 15, tzinfo=dt.UTC)),
    ]


def test_shared_calendars_count_as_each_member_chose(people: Televent) -> None:
    app = people
    otto = app.queries.account_by_telegram_id(ORGANIZER)
    olga = app.queries.account_by_telegram_id(OWNER)
    assert otto is not None and olga is not None
    calendars = {}
    for slug, role in (("work", "write"), ("school", "read")):
        calendar = app.create_calendar(otto.account_id, slug, {}, actor="otto", source="cli")
        app.share_calendar(
            calendar, by=otto.account_id, member=olga.account_id, role=role, actor="o", source="cli"
        )
        app.answer_calendar_invitation(
            calendar, by=olga.account_id, accept=True, actor="o", source="cli"
        )
        calendars[slug] = calendar
    for slug, hour in (("work", "10"), ("school", "14")):
        body = vevent(uid=slug, start=f"20260305T{hour}0000", end=f"20260305T{hour}3000", tzid=None)
        app.put_object(calendars[slug], f"{slug}.ics", body, actor="otto", source="cli")
    # By default: busy in the calendar Olga can write, free in the one she can only read.
    assert _busy(app) == [(utc(10), utc(10, 30))]
    app.set_member_properties(
        calendars["school"], by=olga.account_id, changes={"busy": True}, actor="o", source="cli"
    )
    app.set_member_properties(
        calendars["work"], by=olga.account_id, changes={"busy": False}, actor="o", source="cli"
    )
    assert _busy(app) == [(utc(14), utc(14, 30))]
    app.remove_member(
        calendars["school"], by=olga.account_id, member=olga.account_id, actor="o", source="cli"
    )
    assert _busy(app) == []
