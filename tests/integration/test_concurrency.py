"""Concurrent writers: a conflict is reported, an update is never lost."""

from __future__ import annotations

import threading

import pytest

from televent.application import Televent
from televent.bootstrap import build_application
from televent.config import Settings
from televent.domain.calendar_event import CalendarEvent
from televent.domain.errors import ConflictError
from televent.domain.values import calendar_id_for
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
