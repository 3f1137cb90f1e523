"""iTIP scheduling rules (RFC 5546): an organizer's REQUEST and CANCEL applied to an attendee's
copy, attendees' REPLYs applied to the organizer's copy, and the messages Televent sends.

The last part proves the ordering rules with hypothesis: mail arrives in any order, so random
histories delivered shuffled must end in the same state as delivered in order.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass

import icalendar
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from televent.domain import ical_edits
from televent.domain.content_lines import Component
from televent.domain.ical import CalendarObject, parse_calendar_object
from televent.domain.itip import (
    ItipError,
    ItipMessage,
    answers_in,
    apply_cancel,
    apply_request,
    cancelled_instances,
    outgoing,
    read_itip,
    reply_is_stale,
    stamp_text,
)
from televent.domain.values import PartStat

UID = "weekly-sync@example.com"
BOB = "bob@example.com"
CAROL = "carol@example.com"
OWN = {BOB}
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
FIRST_DAY = dt.date(2026, 3, 5)
STAMP = "20260301T090000Z"
# The weekly series starts 2026-03-05 15:00 Berlin (CET, UTC+1): its second instance is
# 2026-03-12 15:00 Berlin, whose instance key is the UTC instant.
SECOND = "20260312T150000"
SECOND_KEY = "2026-03-12T14:00:00+00:00"


# --- building iCalendar texts --------------------------------------------------------------------


def vevent(
    *,
    sequence: int = 0,
    stamp: str = STAMP,
    summary: str = "Weekly sync",
    start: str = "20260305T150000",
    rid: str | None = None,
    rrule: bool = True,
    status: str | None = None,
    attendees: tuple[tuple[str, str], ...] = ((BOB, "NEEDS-ACTION"),),
    extra: tuple[str, ...] = (),
) -> list[str]:
    """The lines of one VEVENT of the weekly series (or of one instance, with `rid`)."""
    lines = [
        "BEGIN:VEVENT",
        f"UID:{UID}",
        f"DTSTAMP:{stamp}",
        f"SEQUENCE:{sequence}",
        f"DTSTART;TZID=Europe/Berlin:{start}",
        "DURATION:PT1H",
        f"SUMMARY:{summary}",
        "ORGANIZER;CN=Alice:mailto:alice@example.com",
    ]
    lines += [f"ATTENDEE;PARTSTAT={p};RSVP=TRUE:mailto:{a}" for a, p in attendees]
    if rid is not None:
        lines.append(f"RECURRENCE-ID;TZID=Europe/Berlin:{rid}")
    elif rrule:
        lines.append("RRULE:FREQ=WEEKLY;COUNT=10")
    if status is not None:
        lines.append(f"STATUS:{status}")
    lines += [*extra, "END:VEVENT"]
    return lines


def calendar(method: str | None, *components: list[str]) -> str:
    """A VCALENDAR (CRLF line endings) with METHOD (None for a stored copy)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Example//Organizer//EN"]
    if method is not None:
        lines.append(f"METHOD:{method}")
    for component in components:
        lines += component
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


def message(text: str, mime_method: str | None = None) -> ItipMessage:
    (only,) = read_itip(text, mime_method)
    return only


def stored(*components: list[str]) -> CalendarObject:
    return parse_calendar_object(calendar(None, *components))


def applied(current: CalendarObject | None, text: str) -> str | None:
    """The attendee's copy after one organizer message (None: stale or no change)."""
    itip = message(text)
    if itip.method == "CANCEL":
        return apply_cancel(current, itip)
    return apply_request(current, itip, OWN)


def components_by_key(obj: CalendarObject) -> dict[str, Component]:
    keys: dict[str, Component] = {}
    for component in obj.components:
        rid = component.get("RECURRENCE-ID")
        keys["" if rid is None else rid.value] = component
    return keys


def value(obj: CalendarObject, name: str, rid: str = "") -> str | None:
    component = components_by_key(obj)[rid]
    prop = component.get(name)
    return None if prop is None else prop.value


def partstat_of(obj: CalendarObject, address: str, rid: str = "") -> str | None:
    component = components_by_key(obj)[rid]
    for attendee in component.all("ATTENDEE"):
        if attendee.value.lower() == f"mailto:{address}":
            return attendee.param("PARTSTAT")
    return None


# --- REQUEST: versions ---------------------------------------------------------------------------


def test_a_first_request_creates_the_attendees_copy() -> None:
    text = apply_request(None, message(calendar("REQUEST", vevent())), OWN)

    assert text is not None
    copy = parse_calendar_object(text)  # a storable object: no METHOD left
    assert copy.uid == UID
    assert value(copy, "SUMMARY") == "Weekly sync"
    assert partstat_of(copy, BOB) == "NEEDS-ACTION"


def test_an_invitation_naming_nobody_lists_the_address_it_was_mailed_to() -> None:
    # Exchange invites a mailing list without ATTENDEE lines: the user can still answer it.
    unaddressed = message(calendar("REQUEST", vevent(attendees=())))
    text = apply_request(None, unaddressed, OWN, addressed_to=BOB)
    assert text is not None
    copy = parse_calendar_object(text)
    assert [a.value for a in copy.lead.all("ATTENDEE")] == [f"mailto:{BOB}"]
    assert partstat_of(copy, BOB) == "NEEDS-ACTION"
    # Once answered, the same invitation again keeps the answer and changes nothing.
    answered = parse_calendar_object(text.replace("PARTSTAT=NEEDS-ACTION", "PARTSTAT=ACCEPTED"))
    assert apply_request(answered, unaddressed, OWN, addressed_to=BOB) is None


def test_an_invitation_that_names_the_user_is_not_given_a_second_attendee() -> None:
    text = apply_request(None, message(calendar("REQUEST", vevent())), OWN, addressed_to=BOB)
    assert text is not None
    assert len(parse_calendar_object(text).lead.all("ATTENDEE")) == 1


def test_a_newer_sequence_replaces_the_copy() -> None:
    current = stored(vevent(sequence=1))
    newer = calendar("REQUEST", vevent(sequence=2, stamp="20260228T090000Z", summary="Planning"))

    text = applied(current, newer)

    assert text is not None
    assert value(parse_calendar_object(text), "SUMMARY") == "Planning"
    assert value(parse_calendar_object(text), "SEQUENCE") == "2"


def test_a_lower_sequence_is_ignored_even_with_a_newer_stamp() -> None:
    current = stored(vevent(sequence=2))
    older = calendar("REQUEST", vevent(sequence=1, stamp="20260302T090000Z", summary="Old"))

    assert applied(current, older) is None


@pytest.mark.parametrize(
    ("stamp", "applies"),
    [("20260301T085959Z", False), ("20260301T090001Z", True)],
    ids=["older-stamp-ignored", "newer-stamp-applied"],
)
def test_an_equal_sequence_is_ordered_by_dtstamp(stamp: str, applies: bool) -> None:
    current = stored(vevent(sequence=3))
    text = applied(current, calendar("REQUEST", vevent(sequence=3, stamp=stamp, summary="Moved")))

    if applies:
        assert text is not None
        assert value(parse_calendar_object(text), "SUMMARY") == "Moved"
    else:
        assert text is None


def test_the_same_request_twice_changes_nothing_the_second_time() -> None:
    invitation = calendar("REQUEST", vevent(sequence=1))
    first = applied(None, invitation)
    assert first is not None

    assert applied(parse_calendar_object(first), invitation) is None


def test_the_same_update_twice_changes_nothing_the_second_time() -> None:
    first = applied(attendee_copy(), update())
    assert first is not None

    assert applied(parse_calendar_object(first), update()) is None


# --- REQUEST: what belongs to the attendee -------------------------------------------------------

ALARM = ("BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:Soon", "TRIGGER:-PT15M", "END:VALARM")


def attendee_copy() -> CalendarObject:
    """Bob's copy after he accepted, set an alarm and marked the time free."""
    return stored(
        vevent(
            sequence=1,
            attendees=((BOB, "ACCEPTED;X-TELEVENT-REPLIED=20260301T100000Z"), (CAROL, "ACCEPTED")),
            extra=("TRANSP:TRANSPARENT", *ALARM),
        )
    )


def update(*, start: str = "20260305T150000") -> str:
    """The organizer's newer version: a new title, maybe a new time; Carol is tentative."""
    return calendar(
        "REQUEST",
        vevent(
            sequence=2,
            stamp="20260302T090000Z",
            summary="Weekly sync (room 4)",
            start=start,
            attendees=((BOB, "NEEDS-ACTION"), (CAROL, "TENTATIVE")),
            extra=("TRANSP:OPAQUE",),
        ),
    )


def test_the_attendees_answer_alarms_and_transparency_survive_an_update() -> None:
    text = applied(attendee_copy(), update())

    assert text is not None
    copy = parse_calendar_object(text)
    assert value(copy, "SUMMARY") == "Weekly sync (room 4)"
    assert partstat_of(copy, BOB) == "ACCEPTED"
    bob = next(a for a in copy.lead.all("ATTENDEE") if BOB in a.value)
    assert bob.param("X-TELEVENT-REPLIED") == "20260301T100000Z"
    assert bob.param("RSVP") == "TRUE"  # the attendee's parameters stay exactly as they were
    assert partstat_of(copy, CAROL) == "TENTATIVE"  # not Bob's: the organizer's word
    assert value(copy, "TRANSP") == "TRANSPARENT"
    alarms = [c for c in copy.lead.components if c.name == "VALARM"]
    assert [a.get("TRIGGER").value for a in alarms] == ["-PT15M"]  # type: ignore[union-attr]


def test_the_attendees_answer_resets_when_the_start_moves() -> None:
    text = applied(attendee_copy(), update(start="20260305T170000"))

    assert text is not None
    copy = parse_calendar_object(text)
    assert value(copy, "DTSTART") == "20260305T170000"
    assert partstat_of(copy, BOB) == "NEEDS-ACTION"  # asked again, as the organizer sent it
    assert value(copy, "TRANSP") == "TRANSPARENT"
    assert [c.name for c in copy.lead.components] == ["VALARM"]


# --- REQUEST: one instance of a series -----------------------------------------------------------


def test_an_instance_request_merges_into_the_stored_series() -> None:
    current = stored(vevent(sequence=1))
    instance = calendar(
        "REQUEST",
        vevent(sequence=1, stamp="20260302T090000Z", rid=SECOND, start="20260312T170000"),
    )

    text = applied(current, instance)

    assert text is not None
    copy = parse_calendar_object(text)
    assert copy.master is not None
    assert "RRULE" in copy.master
    assert value(copy, "DTSTART") == "20260305T150000"
    assert value(copy, "DTSTART", SECOND) == "20260312T170000"
    assert len(copy.components) == 2


def test_a_newer_full_request_without_the_override_drops_it() -> None:
    current = stored(
        vevent(sequence=1),
        vevent(sequence=1, stamp="20260302T090000Z", rid=SECOND, start="20260312T170000"),
    )
    series = calendar("REQUEST", vevent(sequence=2, stamp="20260303T090000Z", summary="Sync"))

    text = applied(current, series)

    assert text is not None
    copy = parse_calendar_object(text)
    assert [c.get("RECURRENCE-ID") for c in copy.components] == [None]
    assert value(copy, "SUMMARY") == "Sync"


def test_a_full_request_that_still_lists_the_override_keeps_it() -> None:
    override = vevent(sequence=2, stamp="20260303T090000Z", rid=SECOND, start="20260312T170000")
    current = stored(vevent(sequence=1), vevent(sequence=1, stamp="20260302T090000Z", rid=SECOND))
    series = calendar("REQUEST", vevent(sequence=2, stamp="20260303T090000Z"), override)

    text = applied(current, series)

    assert text is not None
    assert value(parse_calendar_object(text), "DTSTART", SECOND) == "20260312T170000"


def test_an_instance_request_older_than_the_stored_master_is_ignored() -> None:
    current = stored(vevent(sequence=2, stamp="20260302T090000Z"))
    instance = calendar("REQUEST", vevent(sequence=1, stamp="20260303T090000Z", rid=SECOND))

    assert applied(current, instance) is None


# --- CANCEL --------------------------------------------------------------------------------------


def test_a_whole_cancel_marks_every_component_cancelled() -> None:
    current = stored(vevent(sequence=1), vevent(sequence=1, rid=SECOND, start="20260312T170000"))
    cancel = calendar(
        "CANCEL", vevent(sequence=2, stamp="20260303T090000Z", status="CANCELLED", rrule=False)
    )

    text = applied(current, cancel)

    assert text is not None
    copy = parse_calendar_object(text)
    assert len(copy.components) == 2
    assert {value(copy, "STATUS", k) for k in ("", SECOND)} == {"CANCELLED"}
    assert {value(copy, "SEQUENCE", k) for k in ("", SECOND)} == {"2"}


def test_a_stale_cancel_is_ignored() -> None:
    current = stored(vevent(sequence=3))
    cancel = calendar("CANCEL", vevent(sequence=2, stamp="20260303T090000Z", status="CANCELLED"))

    assert applied(current, cancel) is None


def test_an_instance_cancel_cancels_that_instance_only() -> None:
    current = stored(vevent(sequence=1))
    cancel = calendar(
        "CANCEL",
        vevent(sequence=2, stamp="20260303T090000Z", rid=SECOND, start=SECOND, status="CANCELLED"),
    )

    text = applied(current, cancel)

    assert text is not None
    copy = parse_calendar_object(text)
    assert cancelled_instances(copy) == [SECOND_KEY]
    assert value(copy, "STATUS", SECOND) == "CANCELLED"
    assert value(copy, "STATUS") is None  # the rest of the series stays
    assert value(copy, "SEQUENCE") == "1"


def test_a_cancel_of_this_and_future_instances_ends_the_series_before_them() -> None:
    # RANGE=THISANDFUTURE (RFC 5545 §3.2.13) was not read: only the one instance went
    current = stored(vevent(sequence=1))
    cancel = calendar(
        "CANCEL",
        vevent(sequence=2, stamp="20260303T090000Z", rid=SECOND, start=SECOND, status="CANCELLED"),
    ).replace("RECURRENCE-ID;TZID", "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID")

    text = applied(current, cancel)

    assert text is not None
    copy = parse_calendar_object(text)
    rule = value(copy, "RRULE") or ""
    assert "UNTIL=20260312T135959Z" in rule and "COUNT" not in rule  # the first one stays
    assert value(copy, "STATUS") is None
    assert SECOND not in components_by_key(copy)  # nothing of it, nor after it, is left

    # a late CANCEL, older than the instance the copy holds, cuts nothing
    newer = stored(vevent(sequence=1), vevent(sequence=5, rid=SECOND, start=SECOND))
    assert applied(newer, cancel) is None

    # from the first instance on: the whole meeting is off
    first = cancel.replace(f":{SECOND}", ":20260305T150000")
    whole = applied(current, first)
    assert whole is not None
    assert value(parse_calendar_object(whole), "STATUS") == "CANCELLED"


def test_a_cancel_for_an_unknown_event_keeps_a_cancelled_copy() -> None:
    cancel = calendar("CANCEL", vevent(sequence=2, stamp="20260303T090000Z", status="CANCELLED"))

    text = apply_cancel(None, message(cancel))

    assert text is not None
    copy = parse_calendar_object(text)
    assert value(copy, "STATUS") == "CANCELLED"
    # ... so that the older invitation, arriving late, cannot bring the meeting back.
    assert applied(copy, calendar("REQUEST", vevent(sequence=1))) is None


# --- REPLY on the organizer's copy ---------------------------------------------------------------


def reply(
    partstat: str,
    *,
    address: str = "MAILTO:Bob@Example.COM",
    sequence: int = 2,
    stamp: str = "20260302T090000Z",
    rid: str | None = None,
) -> str:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{UID}",
        f"DTSTAMP:{stamp}",
        f"SEQUENCE:{sequence}",
        "ORGANIZER:mailto:alice@example.com",
        f"ATTENDEE;PARTSTAT={partstat}:{address}",
        "COMMENT:See you",
    ]
    if rid is not None:
        lines.append(f"RECURRENCE-ID;TZID=Europe/Berlin:{rid}")
    lines.append("END:VEVENT")
    return calendar("REPLY", lines)


def test_answers_in_reads_the_address_partstat_and_instance() -> None:
    (series,) = answers_in(message(reply("accepted")))
    (instance,) = answers_in(message(reply("DECLINED", rid=SECOND)))

    assert (series.address, series.partstat, series.instance) == (BOB, "ACCEPTED", "")
    assert series.version == (2, dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC))
    assert series.comment == "See you"
    assert (instance.partstat, instance.instance) == ("DECLINED", SECOND_KEY)


def test_a_reply_to_an_older_sequence_is_stale() -> None:
    organizers = stored(vevent(sequence=2))

    assert reply_is_stale(organizers, answers_in(message(reply("ACCEPTED", sequence=1)))[0])
    assert not reply_is_stale(organizers, answers_in(message(reply("ACCEPTED", sequence=2)))[0])


def test_of_two_replies_to_one_sequence_the_later_stamp_wins() -> None:
    text = ical_edits.with_partstat(
        calendar(None, vevent(sequence=2)), BOB, PartStat.ACCEPTED, replied="20260302T120000Z"
    )
    organizers = parse_calendar_object(text)

    (earlier,) = answers_in(message(reply("DECLINED", stamp="20260302T110000Z")))
    (later,) = answers_in(message(reply("DECLINED", stamp="20260302T130000Z")))

    assert reply_is_stale(organizers, earlier)  # matched although the reply wrote MAILTO:Bob@…
    assert not reply_is_stale(organizers, later)


# --- outgoing messages ---------------------------------------------------------------------------

SENT_AT = dt.datetime(2026, 3, 2, 8, 30, tzinfo=dt.UTC)


def organizers_copy() -> str:
    """The organizer's stored copy: a Berlin time without VTIMEZONE, an alarm, two attendees."""
    return calendar(
        None,
        vevent(
            sequence=1,
            attendees=(
                (BOB, "ACCEPTED;X-TELEVENT-REPLIED=20260301T100000Z"),
                (CAROL, "NEEDS-ACTION;SCHEDULE-STATUS=5.1;SCHEDULE-AGENT=SERVER"),
            ),
            extra=ALARM,
        ),
    )


def events_of(text: str) -> tuple[icalendar.Calendar, list[icalendar.cal.Component]]:
    parsed = icalendar.Calendar.from_ical(text)
    return parsed, [c for c in parsed.subcomponents if c.name == "VEVENT"]


def attendees_of(event: icalendar.cal.Component) -> list[icalendar.vCalAddress]:
    found = event.get("ATTENDEE")
    return [] if found is None else found if isinstance(found, list) else [found]


def test_an_outgoing_request_is_the_whole_event_for_the_recipient() -> None:
    text = outgoing(
        organizers_copy(), "REQUEST", organizer=("alice@example.org", "Alice A."), stamp=SENT_AT
    )

    parsed, (event,) = events_of(text)
    assert str(parsed["METHOD"]) == "REQUEST"
    assert str(event["ORGANIZER"]) == "mailto:alice@example.org"
    assert event["ORGANIZER"].params["CN"] == "Alice A."
    assert not [c for c in event.subcomponents if c.name == "VALARM"]
    zones = [str(z["TZID"]) for z in parsed.subcomponents if z.name == "VTIMEZONE"]
    assert zones == ["Europe/Berlin"]
    assert event.decoded("DTSTAMP") == SENT_AT
    assert len(attendees_of(event)) == 2
    assert all("X-TELEVENT-REPLIED" not in a.params for a in attendees_of(event))
    # The organizer's server's own parameters never travel (RFC 6638 §7.1, §7.3).
    assert all("SCHEDULE-STATUS" not in a.params for a in attendees_of(event))
    assert all("SCHEDULE-AGENT" not in a.params for a in attendees_of(event))


def test_an_outgoing_cancel_names_only_the_removed_attendee() -> None:
    text = outgoing(
        organizers_copy(),
        "CANCEL",
        organizer=("alice@example.com", None),
        stamp=SENT_AT,
        attendee=BOB,
    )

    parsed, (event,) = events_of(text)
    assert str(parsed["METHOD"]) == "CANCEL"
    assert [str(a) for a in attendees_of(event)] == [f"mailto:{BOB}"]
    assert str(event["STATUS"]) == "CANCELLED"
    assert "CN" not in event["ORGANIZER"].params
    assert "RECURRENCE-ID" not in event


def test_an_outgoing_cancel_for_one_instance_names_it() -> None:
    text = outgoing(
        organizers_copy(),
        "CANCEL",
        organizer=("alice@example.com", "Alice"),
        stamp=SENT_AT,
        attendee=CAROL,
        instances=[SECOND_KEY],
    )

    _, (event,) = events_of(text)
    assert event.decoded("RECURRENCE-ID").astimezone(dt.UTC) == dt.datetime(
        2026, 3, 12, 14, tzinfo=dt.UTC
    )
    assert "RRULE" not in event
    assert [str(a) for a in attendees_of(event)] == [f"mailto:{CAROL}"]
    assert str(event["STATUS"]) == "CANCELLED"


def test_an_outgoing_reply_carries_only_the_answer() -> None:
    text = outgoing(
        organizers_copy(), "REPLY", organizer=None, stamp=SENT_AT, attendee=BOB, partstat="DECLINED"
    )

    parsed, (event,) = events_of(text)
    assert str(parsed["METHOD"]) == "REPLY"
    (bob,) = attendees_of(event)
    assert str(bob) == f"mailto:{BOB}"
    assert bob.params["PARTSTAT"] == "DECLINED"
    assert "RSVP" not in bob.params
    assert str(event["ORGANIZER"]) == "mailto:alice@example.com"  # kept: the reply's recipient
    (answer,) = answers_in(message(text))
    assert (answer.address, answer.partstat) == (BOB, "DECLINED")


# --- reading a message ---------------------------------------------------------------------------


def test_the_body_method_wins_over_the_mime_method() -> None:
    assert message(calendar("CANCEL", vevent()), "REQUEST").method == "CANCEL"


def test_the_mime_method_is_used_when_the_body_has_none() -> None:
    assert message(calendar(None, vevent()), "request").method == "REQUEST"


def test_a_message_without_any_method_is_refused() -> None:
    with pytest.raises(ItipError):
        read_itip(calendar(None, vevent()))


def test_a_component_without_uid_gets_a_stable_derived_uid() -> None:
    text = calendar("REQUEST", vevent()).replace(f"UID:{UID}\r\n", "")
    other = text.replace("SUMMARY:Weekly sync", "SUMMARY:Another meeting")

    first, again, different = message(text), message(text), message(other)

    assert first.uid == again.uid
    assert first.uid.startswith("televent-derived-")
    assert different.uid != first.uid
    assert first.lead.get("UID").value == first.uid  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n",
        "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VTIMEZONE\r\nTZID:X\r\nEND:VTIMEZONE\r\n"
        "END:VCALENDAR\r\n",
        "not a calendar",
        "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n",
    ],
    ids=["empty-calendar", "only-a-timezone", "no-calendar", "unbalanced"],
)
def test_a_message_without_a_component_is_refused(text: str) -> None:
    with pytest.raises(ItipError):
        read_itip(text, "REQUEST")


# --- a whole CANCEL against late or older messages ---------------------------------------------


def test_a_late_request_of_the_cancelled_sequence_does_not_revive_the_event() -> None:
    current = stored(vevent(sequence=1, stamp="20260301T100000Z", summary="Old"))
    cancel = calendar("CANCEL", vevent(sequence=1, stamp="20260301T120000Z", status="CANCELLED"))
    cancelled = applied(current, cancel)
    assert cancelled is not None

    late = calendar("REQUEST", vevent(sequence=1, stamp="20260301T110000Z", summary="New"))

    assert applied(parse_calendar_object(cancelled), late) is None


def test_a_whole_cancel_shows_the_cancelled_version() -> None:
    # The organizer renamed the meeting, then cancelled it; the renaming REQUEST is late.
    current = stored(vevent(sequence=1, stamp="20260301T100000Z", summary="Old"))
    cancel = calendar(
        "CANCEL", vevent(sequence=2, stamp="20260301T120000Z", summary="New", status="CANCELLED")
    )

    text = applied(current, cancel)

    assert text is not None
    assert value(parse_calendar_object(text), "SUMMARY") == "New"


# --- property: delivery order does not matter (attendee side) ------------------------------------
#
# The organizer's history is modelled as data (`Sent`), then written as iCalendar. The organizer
# keeps one SEQUENCE counter, bumped or not on each change, and stamps every message later than
# the one before, as a real organizer does; every component of a message carries the message's
# SEQUENCE and DTSTAMP.

SUMMARIES = st.sampled_from(["Weekly sync", "Planning", "Retro"])
HOURS = st.sampled_from([9, 15, 17])
WEEKS = st.integers(min_value=1, max_value=3)


@dataclass(frozen=True)
class Part:
    """One component: the master (week None) or the instance `week` weeks after the first."""

    week: int | None
    hour: int  # the series' hour (names the instance) for an override, else the start hour
    summary: str
    start_hour: int
    cancelled: bool = False


@dataclass(frozen=True)
class Sent:
    method: str
    sequence: int
    minute: int  # DTSTAMP, in minutes after 2026-03-01 08:00 UTC
    parts: tuple[Part, ...]


def moment(week: int, hour: int) -> str:
    return f"{FIRST_DAY + dt.timedelta(weeks=week):%Y%m%d}T{hour:02d}0000"


def render(sent: Sent) -> str:
    stamp = dt.datetime(2026, 3, 1, 8, tzinfo=dt.UTC) + dt.timedelta(minutes=sent.minute)
    components = [
        vevent(
            sequence=sent.sequence,
            stamp=stamp_text(stamp),
            summary=part.summary,
            start=moment(part.week or 0, part.start_hour),
            rid=None if part.week is None else moment(part.week, part.hour),
            status="CANCELLED" if part.cancelled else None,
        )
        for part in sent.parts
    ]
    return calendar(sent.method, *components)


@st.composite
def histories(draw: st.DrawFn, *, whole_cancel: bool) -> list[Sent]:
    sequence, minute = 0, 0
    summary, hour = draw(SUMMARIES), draw(HOURS)
    overrides: dict[int, Part] = {}
    sent: list[Sent] = []

    def send(method: str, parts: tuple[Part, ...]) -> None:
        nonlocal minute
        minute += draw(st.integers(min_value=1, max_value=90))
        sent.append(Sent(method, sequence, minute, parts))

    def series() -> tuple[Part, ...]:
        master = Part(None, hour, summary, hour)
        return (master, *(overrides[w] for w in sorted(overrides)))

    send("REQUEST", series())
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        sequence += draw(st.integers(min_value=0, max_value=1))  # sometimes the same SEQUENCE
        kind = draw(st.sampled_from(["series", "instance", "cancel-instance"]))
        if kind == "series":
            summary, moved = draw(SUMMARIES), draw(HOURS)
            if moved != hour:  # the instances are renamed: the organizer drops its exceptions
                overrides.clear()
            hour = moved
            if len(overrides) > 0 and draw(st.booleans()):
                overrides.pop(draw(st.sampled_from(sorted(overrides))))
            send("REQUEST", series())
        else:
            week = draw(WEEKS)
            part = Part(week, hour, draw(SUMMARIES), draw(HOURS), kind == "cancel-instance")
            overrides[week] = part
            send("CANCEL" if part.cancelled else "REQUEST", (part,))
    if whole_cancel and draw(st.booleans()):
        sequence += draw(st.integers(min_value=0, max_value=1))
        send("CANCEL", (Part(None, hour, summary, hour, cancelled=True),))
    return sent


@st.composite
def deliveries(draw: st.DrawFn, *, whole_cancel: bool) -> tuple[list[Sent], list[Sent]]:
    history = draw(histories(whole_cancel=whole_cancel))
    return history, draw(st.permutations(history))


def deliver(history: list[Sent]) -> CalendarObject | None:
    """The attendee's copy after each message, each result stored before the next arrives."""
    current: CalendarObject | None = None
    for sent in history:
        text = applied(current, render(sent))
        if text is not None:
            current = parse_calendar_object(text)
    return current


Visible = dict[str, tuple[int, str, str, str]]


def visible_state(obj: CalendarObject | None) -> Visible:
    """What the attendee's calendar shows, per component: the series ("") and each overridden
    instance (by RECURRENCE-ID) with its (SEQUENCE, STATUS, DTSTART, SUMMARY).

    These are what a calendar displays and what later messages are judged against; DTSTAMP,
    the order of properties and the RSVP flag are bookkeeping no user reads. When the whole
    series is cancelled, its cancelled instances add nothing to what is shown (the series is
    shown cancelled), so only the series and any instance still live are kept.
    """
    if obj is None:
        return {}
    shown: Visible = {}
    for component in obj.components:
        rid, start = component.get("RECURRENCE-ID"), component.get("DTSTART")
        status, summary = component.get("STATUS"), component.get("SUMMARY")
        shown["" if rid is None else rid.value] = (
            int(component.get("SEQUENCE").value),  # type: ignore[union-attr]
            "" if status is None else status.value,
            "" if start is None else start.value,
            "" if summary is None else summary.value,
        )
    if shown.get("", (0, ""))[1] == "CANCELLED":
        shown = {k: v for k, v in shown.items() if k == "" or v[1] != "CANCELLED"}
    return shown


def organizers_view(history: list[Sent]) -> Visible:
    """The state the organizer last sent, in `visible_state` terms (no whole CANCEL)."""
    view: Visible = {}
    for sent in history:
        if len(sent.parts) > 1 or sent.parts[0].week is None:
            view = {}  # a full REQUEST is the whole series
        for part in sent.parts:
            key = "" if part.week is None else moment(part.week, part.hour)
            start = moment(part.week or 0, part.start_hour)
            status = "CANCELLED" if part.cancelled else ""
            view[key] = (sent.sequence, status, start, part.summary)
    return view


@settings(max_examples=150, deadline=None)
@given(deliveries(whole_cancel=False))
def test_shuffled_requests_and_instance_cancels_end_as_in_order(
    delivery: tuple[list[Sent], list[Sent]],
) -> None:
    history, shuffled = delivery

    in_order = visible_state(deliver(history))

    assert in_order == organizers_view(history)
    assert visible_state(deliver(shuffled)) == in_order
    assert visible_state(deliver(history + shuffled)) == in_order  # each message again: no change


# A history that once showed a fault: a REQUEST renames the meeting, the organizer cancels it
# with the same SEQUENCE; delivered as first REQUEST, CANCEL, renaming REQUEST, the cancelled
# event must not come back under its new name.
_RENAMED_THEN_CANCELLED = [
    Sent("REQUEST", 0, 10, (Part(None, 15, "Weekly sync", 15),)),
    Sent("REQUEST", 0, 20, (Part(None, 15, "Planning", 15),)),
    Sent("CANCEL", 0, 30, (Part(None, 15, "Planning", 15, cancelled=True),)),
]


@settings(max_examples=150, deadline=None)
@example((_RENAMED_THEN_CANCELLED, [_RENAMED_THEN_CANCELLED[i] for i in (0, 2, 1)]))
@given(deliveries(whole_cancel=True))
def test_shuffled_histories_ending_in_a_cancel_end_as_in_order(
    delivery: tuple[list[Sent], list[Sent]],
) -> None:
    history, shuffled = delivery

    assert visible_state(deliver(shuffled)) == visible_state(deliver(history))


# --- property: delivery order does not matter (organizer side) -----------------------------------

ATTENDEES = (BOB, CAROL, "dave@example.com")
ORGANIZER_SEQUENCE = 2


@dataclass(frozen=True)
class Reply:
    address: str  # as the attendee's client wrote it
    sequence: int
    minute: int
    partstat: str


@st.composite
def replies(draw: st.DrawFn) -> list[Reply]:
    """Each attendee's replies in the order written: to the older SEQUENCE, then the current."""
    sent: list[Reply] = []
    for address in ATTENDEES[: draw(st.integers(min_value=2, max_value=3))]:
        minutes = sorted(draw(st.sets(st.integers(0, 600), min_size=1, max_size=4)))
        sequences = sorted(
            draw(st.lists(st.integers(1, 2), min_size=len(minutes), max_size=len(minutes)))
        )
        written = draw(st.sampled_from([f"mailto:{address}", f"MAILTO:{address.upper()}"]))
        for minute, sequence in zip(minutes, sequences, strict=True):
            partstat = draw(st.sampled_from(["ACCEPTED", "DECLINED", "TENTATIVE"]))
            sent.append(Reply(written, sequence, minute, partstat))
    return sorted(sent, key=lambda r: r.minute)


def answer(stored_text: str, sent: Reply) -> str:
    """The organizer's copy after one REPLY, as the inbox applies it."""
    stamp = dt.datetime(2026, 3, 2, 8, tzinfo=dt.UTC) + dt.timedelta(minutes=sent.minute)
    text = reply(
        sent.partstat, address=sent.address, sequence=sent.sequence, stamp=stamp_text(stamp)
    )
    (found,) = answers_in(message(text))
    if reply_is_stale(parse_calendar_object(stored_text), found):
        return stored_text
    return ical_edits.with_partstat(
        stored_text,
        found.address,
        PartStat(found.partstat),
        replied=stamp_text(found.version[1]),
    )


def partstats(history: list[Reply]) -> dict[str, str | None]:
    text = calendar(
        None,
        vevent(
            sequence=ORGANIZER_SEQUENCE,
            attendees=tuple((a, "NEEDS-ACTION") for a in ATTENDEES),
        ),
    )
    for sent in history:
        text = answer(text, sent)
    organizers = parse_calendar_object(text)
    return {a: partstat_of(organizers, a) for a in ATTENDEES}


@settings(max_examples=150, deadline=None)
@given(replies().flatmap(lambda r: st.tuples(st.just(r), st.permutations(r))))
def test_shuffled_replies_end_as_in_order(delivery: tuple[list[Reply], list[Reply]]) -> None:
    history, shuffled = delivery
    expected = dict.fromkeys(ATTENDEES, "NEEDS-ACTION")
    for sent in history:  # the last answer to the current SEQUENCE counts
        if sent.sequence == ORGANIZER_SEQUENCE:
            expected[sent.address.lower().removeprefix("mailto:")] = sent.partstat

    assert partstats(history) == expected
    assert partstats(shuffled) == expected


def test_a_new_occurrence_keeps_the_series_answer_only_where_the_series_puts_it() -> None:
    """Bob accepted the weekly series; the organizer sends a component for its second week,
    which his copy had none of. Unmoved, it keeps his answer; moved or lengthened, or sent
    with the series itself moved, it is an invitation he has not answered."""
    accepted = stored(vevent(attendees=((BOB, "ACCEPTED"),)))
    others = ((BOB, "ACCEPTED"), (CAROL, "DECLINED"))
    cases = [
        (vevent(attendees=others), vevent(rid=SECOND, start=SECOND, attendees=others),
         "ACCEPTED"),  # Carol declined that week alone
        (vevent(attendees=others),
         vevent(rid=SECOND, start="20260312T160000", attendees=others), "NEEDS-ACTION"),
        (vevent(attendees=others),
         [line.replace("DURATION:PT1H", "DURATION:PT3H")
          for line in vevent(rid=SECOND, start=SECOND, attendees=others)], "NEEDS-ACTION"),
        (vevent(start="20260305T160000", attendees=others),  # the series moved too
         vevent(rid="20260312T160000", start="20260312T160000", attendees=others),
         "NEEDS-ACTION"),
    ]  # fmt: skip
    for series, week, expected in cases:
        text = apply_request(accepted, message(calendar("REQUEST", series, week)), OWN)
        assert text is not None
        rid = next(line for line in week if line.startswith("RECURRENCE-ID")).rpartition(":")[2]
        assert partstat_of(parse_calendar_object(text), BOB, rid) == expected, week
