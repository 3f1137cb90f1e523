"""Sharing calendars through the application, on SQLite and PostgreSQL: invitations that give
nothing until accepted, roles obeyed at the moment of each write, a removed member refused on
the next request, the member recorded as the actor, and a rebuild equal to the live view.
The property test replays random histories of share, answer, re-role, removal and writes."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from televent.application.televent import Televent
from televent.domain.errors import (
    ConflictError,
    DomainError,
    ForbiddenError,
    NotFoundError,
    TeleventError,
)
from televent.domain.ical import parse_calendar_object
from televent.domain.sharing import MAX_MEMBERS, Role, Status, shared_slug
from televent.domain.values import (
    DEFAULT_CALENDAR_SLUG,
    PartStat,
    internal_address,
    normalize_address,
)
from televent.projections.queries import Reading
from televent.projections.rebuild import Rebuilder
from tests.conftest import Backend, FakeClock
from tests.helpers import vevent

ANN, BOB, CAROL = 101, 202, 303
SOURCE = "bot:1"


def _event(uid: str, summary: str = "Dentist") -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20260301T090000Z\r\nDTSTART:20260305T100000Z\r\n"
        f"DTEND:20260305T110000Z\r\nSUMMARY:{summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def _register(app: Televent, *telegram_ids: int) -> dict[int, UUID]:
    ids = {}
    for tid in telegram_ids:
        app.register_account(tid, name=f"User {tid}", actor="test", source="cli")
        account = app.queries.account_by_telegram_id(tid)
        assert account is not None
        ids[tid] = account.account_id
    return ids


def _family(app: Televent, owner: UUID) -> UUID:
    return app.create_calendar(
        owner, "family", {"display_name": "Family"}, actor=f"account:{owner}", source=SOURCE
    )


def _write(app: Televent, calendar_id: UUID, by: UUID, name: str) -> None:
    app.put_object(
        calendar_id, f"{name}.ics", _event(name), actor=f"account:{by}", source=SOURCE, by=by
    )


def _member(app: Televent, calendar: UUID, owner: UUID, member: UUID, role: str) -> None:
    app.share_calendar(calendar, by=owner, member=member, role=role, actor="a", source=SOURCE)
    app.answer_calendar_invitation(calendar, by=member, accept=True, actor="m", source=SOURCE)


@pytest.fixture
def people(app: Televent) -> dict[int, UUID]:
    return _register(app, ANN, BOB, CAROL)


def test_an_invitation_gives_nothing_until_accepted(app: Televent, people: dict[int, UUID]) -> None:
    ann, bob = people[ANN], people[BOB]
    family = _family(app, ann)
    app.share_calendar(family, by=ann, member=bob, role="write", actor="a", source=SOURCE)
    [invited] = app.queries.shared_with(bob, invited=True)
    assert invited.status is Status.INVITED
    assert app.queries.shared_with(bob) == []
    assert app.queries.role_in(family, bob) is None
    with pytest.raises(NotFoundError):
        _write(app, family, bob, "early")

    app.answer_calendar_invitation(family, by=bob, accept=True, actor="b", source=SOURCE)
    [seen] = app.queries.shared_with(bob)
    assert seen.role is Role.WRITE
    assert seen.view.slug == shared_slug(family)
    assert seen.view.display_name == "Family"
    _write(app, family, bob, "by-bob")
    assert app.queries.object_at(family, "by-bob.ics") is not None


def test_a_declined_invitation_leaves_no_trace(app: Televent, people: dict[int, UUID]) -> None:
    ann, bob = people[ANN], people[BOB]
    family = _family(app, ann)
    app.share_calendar(family, by=ann, member=bob, role="read", actor="a", source=SOURCE)
    app.answer_calendar_invitation(family, by=bob, accept=False, actor="b", source=SOURCE)
    assert app.queries.shared_with(bob, invited=True) == []
    assert app.queries.members_of(family) == []
    with pytest.raises(NotFoundError):  # nothing left to answer
        app.answer_calendar_invitation(family, by=bob, accept=True, actor="b", source=SOURCE)


def test_each_role_obeyed_at_the_moment_of_the_request(
    app: Televent, people: dict[int, UUID]
) -> None:
    ann, bob, carol = people[ANN], people[BOB], people[CAROL]
    family = _family(app, ann)
    _member(app, family, ann, bob, "read")
    with pytest.raises(ForbiddenError):
        _write(app, family, bob, "refused")
    with pytest.raises(ForbiddenError):  # a reader shares nothing onward
        app.share_calendar(family, by=bob, member=carol, role="read", actor="b", source=SOURCE)
    assert app.queries.object_at(family, "refused.ics") is None

    app.change_member_role(family, by=ann, member=bob, role="manage", actor="a", source=SOURCE)
    _write(app, family, bob, "allowed")
    app.share_calendar(family, by=bob, member=carol, role="read", actor="b", source=SOURCE)
    with pytest.raises(ForbiddenError):  # renaming or deleting is the owner's
        app.update_calendar(family, {"display_name": "Mine"}, actor="b", source=SOURCE, by=bob)
    with pytest.raises(ForbiddenError):
        app.delete_calendar(family, actor="b", source=SOURCE, by=bob)

    app.remove_member(family, by=ann, member=bob, actor="a", source=SOURCE)
    with pytest.raises(NotFoundError):  # removed: refused on the very next request
        _write(app, family, bob, "after-removal")
    with pytest.raises(NotFoundError):
        app.delete_object(family, "allowed.ics", actor="b", source=SOURCE, by=bob)
    assert app.queries.object_at(family, "allowed.ics") is not None


def test_bad_requests_change_nothing(app: Televent, people: dict[int, UUID]) -> None:
    ann, bob, carol = people[ANN], people[BOB], people[CAROL]
    family = _family(app, ann)
    own = app.queries.calendars_of(bob)[0].calendar_id
    head = app.queries.members_of(family)
    with pytest.raises(NotFoundError):  # someone else's calendar: not even found
        app.share_calendar(family, by=bob, member=carol, role="read", actor="b", source=SOURCE)
    with pytest.raises(DomainError):
        app.share_calendar(family, by=ann, member=ann, role="read", actor="a", source=SOURCE)
    with pytest.raises(DomainError):
        app.share_calendar(family, by=ann, member=bob, role="owner", actor="a", source=SOURCE)
    with pytest.raises(DomainError):
        app.share_calendar(family, by=ann, member=bob, role="admin", actor="a", source=SOURCE)
    with pytest.raises(DomainError):  # nobody with that id
        app.share_calendar(
            family, by=ann, member=UUID(int=7), role="read", actor="a", source=SOURCE
        )
    with pytest.raises(NotFoundError):  # a guessed id, or the id of something else
        app.share_calendar(UUID(int=9), by=ann, member=bob, role="read", actor="a", source=SOURCE)
    with pytest.raises(NotFoundError):
        app.share_calendar(ann, by=ann, member=bob, role="read", actor="a", source=SOURCE)
    with pytest.raises(DomainError):
        app.remove_member(family, by=ann, member=ann, actor="a", source=SOURCE)
    assert app.queries.members_of(family) == head
    assert app.queries.role_in(own, ann) is None


def test_a_member_already_accepted_is_re_roled_not_re_invited(
    app: Televent, people: dict[int, UUID]
) -> None:
    ann, bob = people[ANN], people[BOB]
    family = _family(app, ann)
    _member(app, family, ann, bob, "read")
    with pytest.raises(ConflictError):
        app.share_calendar(family, by=ann, member=bob, role="write", actor="a", source=SOURCE)
    [member] = app.queries.members_of(family)
    assert (member.role, member.status) == (Role.READ, Status.ACTIVE)


def test_leaving_and_the_owner_deleting(app: Televent, people: dict[int, UUID]) -> None:
    ann, bob, carol = people[ANN], people[BOB], people[CAROL]
    family = _family(app, ann)
    for member in (bob, carol):
        app.share_calendar(family, by=ann, member=member, role="write", actor="a", source=SOURCE)
        app.answer_calendar_invitation(family, by=member, accept=True, actor="m", source=SOURCE)
    app.remove_member(family, by=bob, member=bob, actor="b", source=SOURCE)
    assert app.queries.shared_with(bob) == []
    assert [m.account_id for m in app.queries.members_of(family)] == [carol]
    app.delete_calendar(family, actor="a", source=SOURCE, by=ann)
    assert app.queries.shared_with(carol) == []
    assert app.queries.members_of(family) == []


def test_a_member_names_and_colours_the_calendar_for_themselves(
    app: Televent, people: dict[int, UUID]
) -> None:
    ann, bob = people[ANN], people[BOB]
    family = _family(app, ann)
    _member(app, family, ann, bob, "read")
    [seen] = app.queries.shared_with(bob)
    assert seen.busy is False  # read-only calendars are not busy time by default
    app.set_member_properties(
        family,
        by=bob,
        changes={"display_name": "Ann's family", "color": "#FF0000", "busy": True},
        actor="b",
        source=SOURCE,
    )
    [seen] = app.queries.shared_with(bob)
    assert (seen.view.display_name, seen.view.color, seen.busy) == (
        "Ann's family",
        "#FF0000",
        True,
    )
    assert app.queries.calendar(family) is not None
    assert app.queries.calendar(family).display_name == "Family"  # type: ignore[union-attr]


def test_the_member_is_the_recorded_actor(app: Televent, people: dict[int, UUID]) -> None:
    ann, bob = people[ANN], people[BOB]
    family = _family(app, ann)
    _member(app, family, ann, bob, "write")
    _write(app, family, bob, "dentist")
    obj = app.queries.object_at(family, "dentist.ics")
    assert obj is not None
    [created] = list(app.events.get(obj.event_id))
    assert created.actor == f"account:{bob}"  # type: ignore[attr-defined]
    assert created.account_id == ann  # type: ignore[attr-defined]


def test_a_calendar_holds_at_most_the_member_cap(app: Televent, people: dict[int, UUID]) -> None:
    ann = people[ANN]
    family = _family(app, ann)
    calendar = app._calendar(family)
    for n in range(MAX_MEMBERS):  # decided by the aggregate: filled without saving each one
        calendar.members[str(UUID(int=n + 1000))] = {"role": "read", "status": "invited"}
    with pytest.raises(DomainError, match="at most 500"):
        calendar.share(by=ann, member=people[BOB], role="read", actor="a", source=SOURCE)


def test_rebuild_equals_live(app: Televent, people: dict[int, UUID]) -> None:
    ann, bob, carol = people[ANN], people[BOB], people[CAROL]
    family = _family(app, ann)
    app.share_calendar(family, by=ann, member=bob, role="write", actor="a", source=SOURCE)
    app.share_calendar(family, by=ann, member=carol, role="read", actor="a", source=SOURCE)
    app.answer_calendar_invitation(family, by=bob, accept=True, actor="b", source=SOURCE)
    app.set_member_properties(
        family, by=bob, changes={"color": "#00FF00"}, actor="b", source=SOURCE
    )
    report = Rebuilder(app.engine, app.views).run(["calendar_members"], verify=True)
    assert report.matches


# --- property: no write is ever accepted from someone without `write` at that moment ---------

PEOPLE = (ANN, BOB, CAROL)
# Weighted so that shares by the owner, accepted invitations and writes by members are common:
# the histories that can break the rule must come up in a few dozen examples.
actors = st.sampled_from([ANN, ANN, BOB, CAROL])
members = st.sampled_from([BOB, CAROL, BOB, CAROL, ANN])
roles = st.sampled_from(["read", "read", "write", "manage"])
starts = st.one_of(
    st.none(), st.tuples(st.sampled_from(["read", "write", "manage"]), st.booleans())
)
step = st.one_of(
    st.tuples(
        st.just("share"), actors, members, st.sampled_from(["read", "write", "manage", "owner"])
    ),
    st.tuples(st.just("answer"), members, st.sampled_from([True, True, False])),
    st.tuples(st.just("role"), actors, members, roles),
    st.tuples(st.just("remove"), actors, members),
    st.tuples(st.just("write"), members),
    st.tuples(st.just("write"), members),
    st.tuples(st.just("delete"), members),
)


def _expected_role(model: dict[int, tuple[str, str]], who: int) -> str | None:
    if who == ANN:
        return "owner"
    entry = model.get(who)
    return entry[0] if entry is not None and entry[1] == "active" else None


def _apply(app: Televent, ids: dict[int, UUID], family: UUID, s: tuple[Any, ...], n: int) -> None:
    kind = s[0]
    if kind == "share":
        app.share_calendar(
            family, by=ids[s[1]], member=ids[s[2]], role=s[3], actor="x", source=SOURCE
        )
    elif kind == "answer":
        app.answer_calendar_invitation(family, by=ids[s[1]], accept=s[2], actor="x", source=SOURCE)
    elif kind == "role":
        app.change_member_role(
            family, by=ids[s[1]], member=ids[s[2]], role=s[3], actor="x", source=SOURCE
        )
    elif kind == "remove":
        app.remove_member(family, by=ids[s[1]], member=ids[s[2]], actor="x", source=SOURCE)
    elif kind == "write":
        _write(app, family, ids[s[1]], f"w{n}")
    else:
        current = app.queries.objects_in(family, reading=Reading.WITHOUT_BODY)
        if current:
            app.delete_object(family, current[0].href, actor="x", source=SOURCE, by=ids[s[1]])


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    start=st.tuples(starts, starts),
    history=st.lists(step, min_size=1, max_size=12),
)
def test_no_write_without_the_right_over_any_history(
    backend: Backend, start: tuple[tuple[str, bool] | None, ...], history: list[tuple[Any, ...]]
) -> None:
    with backend.fresh_app(FakeClock()) as app:
        ids = _register(app, *PEOPLE)
        family = _family(app, ids[ANN])
        for member, begin in zip((BOB, CAROL), start, strict=True):
            if begin is not None:  # each history starts from members in any state
                app.share_calendar(
                    family, by=ids[ANN], member=ids[member], role=begin[0], actor="a", source=SOURCE
                )
                if begin[1]:
                    app.answer_calendar_invitation(
                        family, by=ids[member], accept=True, actor="m", source=SOURCE
                    )
        for n, s in enumerate(history):
            actor = s[1]
            role_before = _expected_role(
                {
                    _tid(ids, m.account_id): (m.role.value, m.status.value)
                    for m in app.queries.members_of(family)
                },
                actor,
            )
            objects_before = {
                o.href for o in app.queries.objects_in(family, reading=Reading.WITHOUT_BODY)
            }
            accepted = True
            try:
                _apply(app, ids, family, s, n)
            except TeleventError:
                accepted = False
            objects_after = {
                o.href for o in app.queries.objects_in(family, reading=Reading.WITHOUT_BODY)
            }
            if s[0] in ("write", "delete") and objects_after != objects_before:
                assert role_before in ("write", "manage", "owner"), f"{s} without the right"
            if s[0] == "write":
                assert accepted == (role_before in ("write", "manage", "owner"))
            if s[0] in ("share", "role") and accepted and s[1] != s[2]:
                assert role_before in ("manage", "owner"), f"{s} without the right"
            # the read model agrees with what the aggregate decided
            members = {str(k): v for k, v in app._calendar(family).members.items()}
            assert {
                str(m.account_id): (m.role.value, m.status.value)
                for m in app.queries.members_of(family)
            } == {k: (v["role"], v["status"]) for k, v in members.items()}
        with contextlib.suppress(TeleventError):
            app.delete_calendar(family, actor="x", source=SOURCE, by=ids[ANN])
        assert (
            Rebuilder(app.engine, app.views)
            .run(["calendar_members", "calendar_view"], verify=True)
            .matches
        )


def _tid(ids: dict[int, UUID], account_id: UUID) -> int:
    return next(t for t, a in ids.items() if a == account_id)


def test_the_default_calendar_is_still_found_by_slug(
    app: Televent, people: dict[int, UUID]
) -> None:
    seen = app.queries.seen_calendars(people[ANN])
    assert [s.view.slug for s in seen] == [DEFAULT_CALENDAR_SLUG]
    assert seen[0].role is Role.OWNER


def test_a_member_schedules_for_the_owner(app: Televent, people: dict[int, UUID]) -> None:
    """ADR 0017: invitations from a shared calendar go out once, from its owner (SENT-BY the
    member), and the answers come back to that calendar."""
    ann, bob, carol = people[ANN], people[BOB], people[CAROL]
    family = _family(app, ann)
    _member(app, family, ann, bob, "write")
    domain = app.internal_domain
    body = vevent(
        uid="picnic",
        organizer=f"mailto:{internal_address(BOB, domain)}",
        attendees=[(internal_address(CAROL, domain), "NEEDS-ACTION")],
    )
    result = app.put_object(
        family, "picnic.ics", body, actor=f"account:{bob}", source=SOURCE, by=bob
    )
    assert not result.stored_as_sent  # the server wrote the organizer: no ETag (RFC 4791 §5.3.4)
    stored = app.queries.object_at(family, "picnic.ics")
    assert stored is not None
    organizer = parse_calendar_object(stored.ical).lead.get("ORGANIZER")
    assert organizer is not None
    assert normalize_address(organizer.value) == internal_address(ANN, domain)
    assert normalize_address(organizer.param("SENT-BY") or "") == internal_address(BOB, domain)
    # Carol's copy comes from Ann's calendar; her answer goes back to it.
    [copy_id] = [e for holder, e in app.queries.holders_of_uid("picnic") if holder == carol]
    app.give_rsvp(
        copy_id,
        internal_address(CAROL, domain),
        PartStat.ACCEPTED,
        actor=f"account:{carol}",
        source=SOURCE,
    )
    stored = app.queries.object_at(family, "picnic.ics")
    assert stored is not None
    assert _partstat(stored.ical, internal_address(CAROL, domain)) == "ACCEPTED"


def _partstat(ical: str, address: str) -> str:
    for attendee in parse_calendar_object(ical).lead.all("ATTENDEE"):
        if normalize_address(attendee.value) == address:
            return attendee.param("PARTSTAT") or ""
    raise AssertionError(f"{address} is not an attendee")


def test_a_listing_in_one_round_trip_sees_what_the_calendar_list_sees(
    app: Televent, people: dict[int, UUID]
) -> None:
    """`seen_window` picks calendars by a subquery of its own: it must see exactly the
    calendars `seen_calendars` lists (own, accepted shares; not an invitation still open, not
    one left) and their occurrences, as asking for those calendars' window does."""
    ann, bob, carol = people[ANN], people[BOB], people[CAROL]
    family, work = _family(app, ann), _family(app, carol)
    _member(app, family, ann, bob, "read")
    app.share_calendar(work, by=carol, member=bob, role="read", actor="c", source=SOURCE)
    for calendar, by, name in [
        (family, ann, "family-dinner"),
        (work, carol, "work-standup"),
        (app.queries.seen_calendars(bob)[0].calendar_id, bob, "bob-own"),
    ]:
        _write(app, calendar, by, name)
    low = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    high, zone = low + dt.timedelta(days=30), ZoneInfo("Europe/Berlin")

    def listed() -> tuple[list[UUID], list[str]]:
        seen, window = app.queries.seen_window(bob, low, high, zone)
        expected = app.queries.occurrences_in([s.calendar_id for s in seen], low, high, zone)
        assert [s.calendar_id for s in seen] == [
            s.calendar_id for s in app.queries.seen_calendars(bob)
        ]
        # the same occurrences (rows come in no set order: two events start at one time)
        key = lambda o: (o.start_ts, str(o.event_id), o.instance)  # noqa: E731
        assert sorted(window.occurrences, key=key) == sorted(expected.occurrences, key=key)
        assert (window.on_read, window.invitations) == (expected.on_read, expected.invitations)
        return [s.calendar_id for s in seen], sorted(o.uid for o in window.occurrences)

    calendars, uids = listed()
    assert family in calendars and work not in calendars
    assert uids == ["bob-own", "family-dinner"]
    app.remove_member(family, by=bob, member=bob, actor="b", source=SOURCE)
    assert listed()[1] == ["bob-own"]
