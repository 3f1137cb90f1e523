"""A client's DELETE of a scheduling inbox item is a command and an event in the log, on SQLite
and PostgreSQL: the inbox projection applies it, the audit shows it, and every rebuildable read
model still equals its rebuild."""

from __future__ import annotations

from uuid import UUID

import pytest

from televent.application.televent import Televent
from televent.domain.errors import NotFoundError, PreconditionFailedError
from televent.ops.audit import Audit
from televent.projections.rebuild import Rebuilder
from televent.projections.schedule_inbox_reader import ScheduleInbox
from tests.integration.test_scheduling import meeting, people, put_as

__all__ = ["people"]  # the fixture, shared with test_scheduling.py

BOB_TELEGRAM = 200
DEVICE = "caldav:Bob's phone"


def test_an_inbox_deletion_is_an_event_the_projection_applies(
    app: Televent, people: dict[str, UUID]
) -> None:
    put_as(app, people["alice"], meeting())
    put_as(app, people["alice"], meeting(start="20260306T150000", sequence=1))
    inbox = ScheduleInbox(app.views)
    first, second = inbox.items(people["bob"])
    version = inbox.version(people["bob"])
    actor = f"account:{people['bob']}"
    with pytest.raises(PreconditionFailedError):
        app.delete_inbox_item(
            people["bob"], first.name, if_match='"other"', actor=actor, source=DEVICE
        )
    with pytest.raises(NotFoundError):
        app.delete_inbox_item(people["bob"], "nothing.ics", actor=actor, source=DEVICE)
    assert inbox.version(people["bob"]) == version  # refused: nothing recorded

    app.delete_inbox_item(
        people["bob"], first.name, if_match=first.etag, actor=actor, source=DEVICE
    )
    assert inbox.items(people["bob"]) == [second]
    assert inbox.version(people["bob"]) == version + 1
    with pytest.raises(NotFoundError):  # gone: a second DELETE is a 404
        app.delete_inbox_item(people["bob"], first.name, actor=actor, source=DEVICE)

    deletions = [
        entry
        for entry in Audit(app).account_timeline(BOB_TELEGRAM)
        if entry.kind == "ScheduleInboxItemDeleted"
    ]
    assert [(e.what, e.diff, e.source) for e in deletions] == [
        ("scheduling message removed from the inbox", (f"inbox item {first.name}",), DEVICE)
    ]
    report = Rebuilder(app.engine, app.views, batch_size=3).run(verify=True)
    assert report.matches, report.differences


def test_a_deletion_after_the_inbox_moved_on_is_applied_in_log_order(
    app: Televent, people: dict[str, UUID]
) -> None:
    """The projection files what a batch delivered before it applies a later deletion (a
    catch-up applies many transactions at once)."""
    put_as(app, people["alice"], meeting())
    [item] = ScheduleInbox(app.views).items(people["bob"])
    actor = f"account:{people['bob']}"
    app.delete_inbox_item(people["bob"], item.name, actor=actor, source=DEVICE)
    put_as(app, people["alice"], meeting(start="20260306T150000", sequence=1))
    inbox = ScheduleInbox(app.views)
    live, live_version = inbox.items(people["bob"]), inbox.version(people["bob"])
    with app.views.write() as db:
        for table in ("schedule_inbox", "schedule_inboxes", "schedule_inbox_sequences"):
            db.run(f"DELETE FROM {table}")
        db.run("UPDATE projection_positions SET position = 0 WHERE name = 'schedule_inbox'")
        projection = next(p for p in app.engine.projections if p.name == "schedule_inbox")
        app.engine.catch_up(db, [projection], 0)
    assert [i.method for i in live] == ["REQUEST"] and live[0].name != item.name
    assert inbox.items(people["bob"]) == live
    assert inbox.version(people["bob"]) == live_version
