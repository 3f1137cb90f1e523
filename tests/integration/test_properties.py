"""Invariants over random command histories, on SQLite and PostgreSQL (hypothesis).

For any history of creates, updates, invitations, RSVPs, cancellations, deletions and
re-creations of the same UIDs:
(a) every read model rebuilt from the log equals the live one;
(b) the calendar's sync token strictly increases with each change, and only then;
(c) every deleted resource has a tombstone and no live row;
(d) the changes since any earlier token are exactly the resources touched after it.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from televent.application.televent import Televent
from televent.domain.errors import TeleventError
from televent.domain.values import PartStat, calendar_event_id_for, calendar_id_for
from televent.projections.queries import ObjectView, Reading
from televent.projections.rebuild import Rebuilder
from tests.conftest import Backend
from tests.helpers import ACTOR, CALDAV, vevent

RESOURCES = 2  # few names, so histories revisit them (delete, then store again)
PEOPLE = ["bob@example.com", "carol@example.com"]

put = st.tuples(
    st.just("put"),
    st.integers(0, RESOURCES - 1),
    st.sampled_from(["A", "B"]),
    st.sampled_from(["15", "17"]),
    st.lists(st.sampled_from(PEOPLE), unique=True),
)
invite = st.tuples(st.just("invite"), st.integers(0, RESOURCES - 1), st.sampled_from(PEOPLE))
rsvp = st.tuples(
    st.just("rsvp"),
    st.integers(0, RESOURCES - 1),
    st.sampled_from(PEOPLE),
    st.sampled_from([PartStat.ACCEPTED, PartStat.DECLINED]),
)
cancel = st.tuples(st.just("cancel"), st.integers(0, RESOURCES - 1))
delete = st.tuples(st.just("delete"), st.integers(0, RESOURCES - 1))
histories = st.lists(st.one_of(put, invite, rsvp, cancel, delete), min_size=1, max_size=14)


def perform(app: Televent, calendar_id: Any, step: tuple[Any, ...]) -> None:
    kind, index = step[0], step[1]
    href, uid = f"r{index}.ics", f"uid-{index}"
    event_id = calendar_event_id_for(calendar_id, uid)
    if kind == "put":
        _, _, summary, hour, people = step
        app.put_object(
            calendar_id,
            href,
            vevent(
                uid=uid,
                summary=summary,
                start=f"20260305T{hour}0000",
                end=f"20260305T{hour}3000",
                attendees=[(p, "NEEDS-ACTION") for p in people],
            ),
            actor=ACTOR,
            source=CALDAV,
        )
    elif kind == "invite":
        app.invite_attendee(event_id, step[2], actor=ACTOR, source=CALDAV)
    elif kind == "rsvp":
        app.give_rsvp(event_id, step[2], step[3], actor=ACTOR, source=CALDAV)
    elif kind == "cancel":
        app.cancel_event(event_id, actor=ACTOR, source=CALDAV)
    else:
        app.delete_object(calendar_id, href, actor=ACTOR, source=CALDAV)


def head(app: Televent) -> int:
    with app.views.read() as db:
        return app.engine.head(db)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(history=histories)
@example(history=[("put", 0, "A", "15", []), ("delete", 0), ("put", 0, "B", "17", [])])
@example(
    history=[
        ("put", 0, "A", "15", PEOPLE),
        ("rsvp", 0, PEOPLE[0], PartStat.ACCEPTED),
        ("put", 0, "A", "17", PEOPLE),
        ("cancel", 0),
        ("delete", 0),
    ]
)
def test_any_history_keeps_the_read_models_honest(
    backend: Backend, history: list[tuple[Any, ...]]
) -> None:
    with backend.fresh_app() as app:
        account = app.register_account(1, name="P", actor=ACTOR, source=CALDAV)
        calendar_id = calendar_id_for(account.account_id, "default")
        tokens: list[int] = [app.queries.calendar(calendar_id).sync_position]  # type: ignore[union-attr]
        touched_after: list[set[str]] = [set()]
        for step in history:
            before = head(app)
            try:
                perform(app, calendar_id, step)
            except TeleventError:
                assert head(app) == before, f"a refused command appended events: {step}"
            changed = head(app) > before
            token = app.queries.calendar(calendar_id).sync_position  # type: ignore[union-attr]
            # (b) the token moves exactly when something changed, and only forwards
            assert (token > tokens[-1]) if changed else (token == tokens[-1])
            if changed:
                for touched in touched_after:
                    touched.add(f"r{step[1]}.ics")
            tokens.append(token)
            touched_after.append(set())

        live = {o.href for o in app.queries.objects_in(calendar_id)}
        everything = app.queries.changes_since(calendar_id, 0)
        tombstoned = {href for href, _ in everything.deleted}
        # (c) deleted resources: tombstone, no live row; live ones: no tombstone
        assert live.isdisjoint(tombstoned)
        for step in history:
            href = f"r{step[1]}.ics"
            assert (
                href in live
                or href in tombstoned
                or not any(s[0] == "put" and s[1] == step[1] for s in history)
            )
        # (d) changes since each token are exactly what was touched after it
        for token, touched in zip(tokens, touched_after, strict=True):
            changes = app.queries.changes_since(calendar_id, token)
            reported = {o.href for o in changes.changed} | {href for href, _ in changes.deleted}
            assert reported == touched, (token, reported, touched)
            # a sync that asks for ETags only reads less, and tells the same
            listed = app.queries.changes_since(calendar_id, token, reading=Reading.LISTED)
            assert [listed_facts(o) for o in listed.changed] == [
                listed_facts(o) for o in changes.changed
            ]
            assert (listed.deleted, listed.deleted_uids) == (
                changes.deleted,
                changes.deleted_uids,
            )
        assert [listed_facts(o) for o in app.queries.objects_in(calendar_id)] == [
            listed_facts(o) for o in app.queries.objects_in(calendar_id, reading=Reading.LISTED)
        ]
        # (a) a rebuild from the log equals the live read models
        report = Rebuilder(app.engine, app.views, batch_size=7).run(verify=True)
        assert report.matches, report.differences


def listed_facts(obj: ObjectView) -> tuple[object, ...]:
    """What a listing that reads only names and ETags tells of an object."""
    return obj.calendar_id, obj.href, obj.etag, obj.component, obj.position


calendar_step = st.one_of(
    put,
    delete,
    st.tuples(st.just("rename"), st.sampled_from(["Work", "Home"])),
    st.tuples(st.just("drop")),
    st.tuples(st.just("restore")),
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(history=st.lists(calendar_step, min_size=1, max_size=12), batch=st.integers(1, 5))
def test_calendar_changes_rebuild_to_the_live_state(
    backend: Backend, history: list[tuple[Any, ...]], batch: int
) -> None:
    with backend.fresh_app() as app:
        account = app.register_account(1, name="P", actor=ACTOR, source=CALDAV)
        calendar_id = app.create_calendar(
            account.account_id, "work", {"display_name": "Work"}, actor=ACTOR, source=CALDAV
        )
        last_token = 0
        for step in history:
            try:
                if step[0] == "rename":
                    app.update_calendar(
                        calendar_id, {"display_name": step[1]}, actor=ACTOR, source=CALDAV
                    )
                elif step[0] == "drop":
                    app.delete_calendar(calendar_id, actor=ACTOR, source=CALDAV)
                elif step[0] == "restore":
                    app.create_calendar(account.account_id, "work", {}, actor=ACTOR, source=CALDAV)
                else:
                    perform(app, calendar_id, step)
            except TeleventError:
                pass
            calendar = app.queries.calendar(calendar_id)
            if calendar is not None:
                assert calendar.sync_position >= last_token
                assert calendar.sync_position >= calendar.created_position
                last_token = calendar.sync_position
        report = Rebuilder(app.engine, app.views, batch_size=batch).run(verify=True)
        assert report.matches, report.differences
