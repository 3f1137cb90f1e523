"""SCHEDULE-STATUS and the other server parameters of RFC 6638 §7: written where the server
noted a delivery failure, kept across a client's save that sends nothing, and never passed on."""

from __future__ import annotations

from uuid import UUID

from hypothesis import given
from hypothesis import strategies as st

from televent.domain.calendar_event import CalendarEvent
from televent.domain.ical import facts_of, parse_calendar_object
from televent.domain.scheduling import (
    with_delivery_status,
    with_failures_kept,
    without_scheduling_params,
)
from televent.domain.values import calendar_id_for
from tests.helpers import vevent

ALICE, CAROL = "alice@example.com", "carol@example.org"
OWNER = UUID(int=1)


def meeting(carol: str = "NEEDS-ACTION", start: str = "20260305T150000", **kwargs: object) -> str:
    return vevent(
        uid="m-1",
        start=start,
        end=start[:9] + "160000",
        attendees=[(ALICE, "ACCEPTED"), (CAROL, carol)],
        **kwargs,  # type: ignore[arg-type]
    )


def carols_status(text: str) -> str | None:
    lead = parse_calendar_object(text).lead
    return next(a.param("SCHEDULE-STATUS") for a in lead.all("ATTENDEE") if CAROL in a.value)


def test_a_failure_is_written_on_the_attendee_and_only_once() -> None:
    text = with_delivery_status(parse_calendar_object(meeting()), "MAILTO:Carol@Example.org", "5.1")
    assert text is not None and carols_status(text) == "5.1"
    assert with_delivery_status(parse_calendar_object(text), CAROL, "5.1") is None
    assert with_delivery_status(parse_calendar_object(meeting()), "dan@example.net", "5.1") is None


def test_a_failed_reply_is_written_on_the_organizer_only() -> None:
    text = with_delivery_status(parse_calendar_object(meeting()), ALICE, "5.1", organizer=True)
    assert text is not None
    lead = parse_calendar_object(text).lead
    organizer = lead.get("ORGANIZER")
    assert organizer is not None and organizer.param("SCHEDULE-STATUS") == "5.1"
    # The organizer is listed as an attendee too; that entry is not the one replied to.
    alice = next(a for a in lead.all("ATTENDEE") if ALICE in a.value)
    assert alice.param("SCHEDULE-STATUS") is None


def test_a_save_that_sends_nothing_keeps_the_failure_and_a_new_message_replaces_it() -> None:
    stored = parse_calendar_object(meeting("NEEDS-ACTION;SCHEDULE-STATUS=5.1"))
    resaved = parse_calendar_object(
        meeting("NEEDS-ACTION;SCHEDULE-STATUS=1.1", extra="CATEGORIES:work")
    )
    assert carols_status(with_failures_kept(resaved, stored)) == "5.1"
    assert carols_status(with_failures_kept(resaved, stored, resent={CAROL})) == "1.1"
    moved = parse_calendar_object(
        meeting("NEEDS-ACTION;SCHEDULE-STATUS=1.1", start="20260306T150000")
    )
    assert carols_status(with_failures_kept(moved, stored)) == "1.1"


@given(
    st.lists(
        st.sampled_from(
            ["SCHEDULE-STATUS=5.1", "SCHEDULE-AGENT=CLIENT", "SCHEDULE-FORCE-SEND=REQUEST", "X-A=b"]
        ),
        max_size=4,
    )
)
def test_no_server_parameter_survives_and_others_do(params: list[str]) -> None:
    carol = ";".join(["NEEDS-ACTION", *params])
    stripped = without_scheduling_params(meeting(carol))
    assert "SCHEDULE-" not in stripped
    assert ("X-A=b" in stripped) == ("X-A=b" in params)
    assert without_scheduling_params(stripped) == stripped


def test_the_aggregate_records_a_failure_without_moving_the_schedule_tag() -> None:
    obj = parse_calendar_object(meeting())
    event = CalendarEvent(
        calendar_id=calendar_id_for(OWNER, "default"),
        account_id=OWNER,
        uid=obj.uid,
        href="m-1.ics",
        ical=obj.text,
        facts=facts_of(obj),
        actor="account:x",
        source="caldav:test",
    )
    tag = event.schedule_version
    event.record_delivery_status(CAROL, "5.1", reason="550", actor="system:mail", source="smtp:1")
    event.record_delivery_status(CAROL, "5.1", reason="550", actor="system:mail", source="smtp:2")
    kinds = [type(e).__name__ for e in event.collect_events()]
    assert kinds == ["EventCreated", "DeliveryStatusRecorded"]
    assert carols_status(event.ical) == "5.1"
    assert event.schedule_version == tag
