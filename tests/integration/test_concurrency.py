"""Concurrent writers: a conflict is reported, an update is never lost."""

from __future__ import annotations

import threading
from uuid import UUID

import pytest

from televent.application.televent import Televent
from televent.bootstrap import build_application
from televent.config import Settings
from televent.domain.calendar_event import CalendarEvent
from televent.domain.errors import ConflictError, PreconditionFailedError
from televent.domain.values import calendar_id_for
from televent.ops.maintenance import projection_status
from televent.projections.rebuild import Rebuilder
from tests.conftest import Backend
from tests.helpers import ACTOR, CALDAV, vevent


def test_second_writer_of_the_same_version_gets_a_conflict(backend: Backend) -> None:
    url = backend.fresh_url()
    first = build_application(Settings(database_url=url))
    second = build_application(Settings(database_url=url))
    try:
        account = first.register_account(1, name="A", actor=ACTOR, source=CALDAV)
        calendar_id = calendar_id_for(account.account_id, "default")
        result = first.put_object(calendar_id, "a.ics", vevent(), actor=ACTOR, source=CALDAV)
        mine: CalendarEvent = first.repository.get(result.event_id)
        theirs: CalendarEvent = second.repository.get(result.event_id)
        mine.invite_attendee("mailto:bob@example.com", "Bob", actor=ACTOR, source=CALDAV)
        theirs.invite_attendee("mailto:carol@example.com", "Carol", actor=ACTOR, source=CALDAV)
        first.save_all(mine)
        with pytest.raises(ConflictError):
            second.save_all(theirs)
        stored = second.queries.object_at(calendar_id, "a.ics")
        assert stored is not None and "bob@example.com" in stored.ical
        assert "carol@example.com" not in stored.ical
    finally:
        first.close()
        second.close()


def test_many_threads_inviting_at_once_lose_no_invitation(app: Televent) -> None:
    account = app.register_account(1, name="A", actor=ACTOR, source=CALDAV)
    calendar_id = calendar_id_for(account.account_id, "default")
    event_id = app.put_object(calendar_id, "a.ics", vevent(), actor=ACTOR, source=CALDAV).event_id
    people = [f"p{n}@example.com" for n in range(8)]
    conflicts = []
    errors: list[BaseException] = []

    def invite(address: str) -> None:
        for _ in range(200):
            try:
                app.invite_attendee(event_id, address, actor=ACTOR, source=CALDAV)
                return
            except ConflictError:
                conflicts.append(address)
            except BaseException as exc:
                errors.append(exc)
                return

    threads = [threading.Thread(target=invite, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors
    assert sorted(a["address"] for a in app.queries.attendees_of(event_id)) == people


def _interleave(monkeypatch: pytest.MonkeyPatch, app: Televent, query: str, meanwhile) -> None:  # type: ignore[no-untyped-def]
    """Run `meanwhile()` once, right after `app.queries.<query>` answers: a write that lands
    between a command's read and its save."""
    original = getattr(app.queries, query)
    state = {"done": False}

    def wrapped(*args, **kwargs):  # type: ignore[no-untyped-def]
        answer = original(*args, **kwargs)
        if not state["done"]:
            state["done"] = True
            meanwhile()
        return answer

    monkeypatch.setattr(app.queries, query, wrapped)


def _setup(app: Televent) -> tuple[UUID, UUID]:
    account = app.register_account(1, name="A", actor=ACTOR, source=CALDAV)
    return account.account_id, calendar_id_for(account.account_id, "default")


def test_if_match_is_checked_against_the_version_saved(
    app: Televent, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, calendar_id = _setup(app)
    first = app.put_object(calendar_id, "a.ics", vevent(summary="v1"), actor=ACTOR, source=CALDAV)
    _interleave(
        monkeypatch,
        app,
        "put_target",
        lambda: app.put_object(
            calendar_id, "a.ics", vevent(summary="theirs"), actor=ACTOR, source=CALDAV
        ),
    )
    with pytest.raises(PreconditionFailedError):
        app.put_object(
            calendar_id,
            "a.ics",
            vevent(summary="mine"),
            actor=ACTOR,
            source=CALDAV,
            if_match=first.etag,
        )
    stored = app.queries.object_at(calendar_id, "a.ics")
    assert stored is not None and "SUMMARY:theirs" in stored.ical


def test_a_put_racing_a_calendar_deletion_fails_and_leaves_no_orphan(
    app: Televent, monkeypatch: pytest.MonkeyPatch
) -> None:
    account_id, _ = _setup(app)
    work = app.create_calendar(account_id, "work", {}, actor=ACTOR, source=CALDAV)
    _interleave(
        monkeypatch,
        app,
        "put_target",
        lambda: app.delete_calendar(work, actor=ACTOR, source=CALDAV),
    )
    with pytest.raises(ConflictError):
        app.put_object(work, "z.ics", vevent(uid="z"), actor=ACTOR, source=CALDAV)
    monkeypatch.undo()
    app.create_calendar(account_id, "work", {}, actor=ACTOR, source=CALDAV)
    assert app.queries.objects_in(work) == []
    app.put_object(work, "z.ics", vevent(uid="z"), actor=ACTOR, source=CALDAV)  # the UID is free
    assert Rebuilder(app.engine, app.views).run(verify=True).matches


def test_a_calendar_deletion_racing_a_put_fails_then_succeeds_on_retry(
    app: Televent, monkeypatch: pytest.MonkeyPatch
) -> None:
    account_id, _ = _setup(app)
    work = app.create_calendar(account_id, "work", {}, actor=ACTOR, source=CALDAV)
    app.put_object(work, "x.ics", vevent(uid="x"), actor=ACTOR, source=CALDAV)
    _interleave(
        monkeypatch,
        app,
        "objects_in",
        lambda: app.put_object(work, "z.ics", vevent(uid="z"), actor=ACTOR, source=CALDAV),
    )
    with pytest.raises(ConflictError):
        app.delete_calendar(work, actor=ACTOR, source=CALDAV)
    assert {o.href for o in app.queries.objects_in(work)} == {"x.ics", "z.ics"}
    app.delete_calendar(work, actor=ACTOR, source=CALDAV)
    assert app.queries.calendar(work) is None
    with app.views.read() as db:
        assert (
            db.scalar("SELECT COUNT(*) AS n FROM attendees WHERE calendar_id = ?", (str(work),))
            == 0
        )
    app.create_calendar(account_id, "work", {}, actor=ACTOR, source=CALDAV)
    app.put_object(work, "z.ics", vevent(uid="z"), actor=ACTOR, source=CALDAV)
    assert Rebuilder(app.engine, app.views).run(verify=True).matches


def test_two_creates_under_one_name_give_a_precondition_failure(
    app: Televent, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, calendar_id = _setup(app)
    _interleave(
        monkeypatch,
        app,
        "put_target",
        lambda: app.put_object(
            calendar_id, "a.ics", vevent(uid="theirs"), actor=ACTOR, source=CALDAV
        ),
    )
    with pytest.raises(PreconditionFailedError):
        app.put_object(
            calendar_id, "a.ics", vevent(uid="mine"), actor=ACTOR, source=CALDAV, if_none_match=True
        )
    stored = app.queries.object_at(calendar_id, "a.ics")
    assert stored is not None and stored.uid == "theirs"
    assert all(s.last_error is None for s in projection_status(app))
