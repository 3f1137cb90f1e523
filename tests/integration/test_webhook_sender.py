"""The webhook sender against a receiver on loopback (docs/adr/0029), on SQLite and PostgreSQL,
the clock moved by hand: signatures an independent Standard Webhooks library accepts, the
payload as the API shows the event, retries on the specification's schedule with the same id
and body, a webhook paused (and its owner told in Telegram) once a message is given up and,
resumed, sent that message, what it missed and what is new, in order and once each; a paused
webhook's backlog forgotten after a month; a slow receiver cut off without holding up another
webhook, and a huge answer read only in part."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import Iterator
from uuid import UUID

import pytest

from televent.adapters.api.webhook_sender import WebhookSender
from televent.adapters.outbound import Outbound
from televent.application.televent import Televent
from televent.delivery.webhook_queue import WebhookQueue
from televent.domain.webhooks import RETRY_SCHEDULE
from tests.conftest import FakeClock
from tests.integration.test_webhooks import ALL, ical, person
from tests.webhookreceiver import WebhookReceiver, webhook_receiver

ACTOR, SOURCE = "account:tests", "api:tma"


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    with webhook_receiver() as running:
        yield running


def sender(app: Televent, timeout: float = 5.0) -> WebhookSender:
    outbound = Outbound(allow_private=True, timeout_seconds=timeout, max_bytes=64_000)
    return WebhookSender(app, WebhookQueue(app.views, app.clock), outbound)


def hook(app: Televent, account: UUID, receiver: WebhookReceiver, path: str) -> UUID:
    webhook_id, secret = app.add_webhook(
        account, receiver.url(path), ALL, actor=ACTOR, source=SOURCE
    )
    receiver.set_secret(path, secret)
    return webhook_id


def test_signed_deliveries_carry_the_event_as_the_api_shows_it(
    app: Televent, receiver: WebhookReceiver
) -> None:
    alice = person(app, 1, "Alice")
    work = app.queries.calendars_of(alice)[0].calendar_id
    hook(app, alice, receiver, "/a")
    app.put_object(work, "a.ics", ical("a", "Standup"), actor=ACTOR, source=SOURCE, by=alice)
    app.delete_object(work, "a.ics", actor=ACTOR, source=SOURCE, by=alice)
    assert asyncio.run(sender(app).run_once()) == 2
    created, deleted = receiver.wait_for(2, "/a")  # verified by `standardwebhooks`
    body = created.json
    assert body["type"] == "event.created"
    data = body["data"]
    assert data["title"] == "Standup" and data["calendar"] == str(work)
    assert data["start"] == "2026-12-01T09:00:00+00:00"  # as written (UTC), as the API says it
    assert set(data) >= {"id", "uid", "end", "all_day", "attendees", "etag", "my_status"}
    assert deleted.json["type"] == "event.deleted"
    assert deleted.json["data"] == {"id": data["id"], "calendar": str(work), "uid": "a",
                                    "deleted": True}  # fmt: skip
    assert created.webhook_id != deleted.webhook_id


def test_failures_retry_with_the_same_id_and_body_then_pause_and_tell_the_owner(
    app: Televent, clock: FakeClock, receiver: WebhookReceiver
) -> None:
    alice = person(app, 1, "Alice")
    work = app.queries.calendars_of(alice)[0].calendar_id
    failing = hook(app, alice, receiver, "/down")
    healthy = hook(app, alice, receiver, "/up")
    receiver.default("/down", 500)
    app.put_object(work, "a.ics", ical("a", "Standup"), actor=ACTOR, source=SOURCE, by=alice)
    job = sender(app)
    asyncio.run(job.run_once())
    assert len(receiver.deliveries("/up")) == 1  # the failing one delays nobody
    for delay in RETRY_SCHEDULE:
        clock.advance(seconds=delay.total_seconds() - 1)
        assert asyncio.run(job.run_once()) == 0  # not before its time
        clock.advance(seconds=1)
        assert asyncio.run(job.run_once()) == 1
    attempts = receiver.deliveries("/down")
    assert len(attempts) == 1 + len(RETRY_SCHEDULE)
    assert len(receiver.by_webhook_id()) == 2  # one id per webhook...
    assert all(len(bodies) == 1 for bodies in receiver.by_webhook_id().values())  # ...one body
    paused = app.webhook_of(failing, by=alice)
    assert not paused.active and paused.paused_reason == "HTTP 500"
    assert app.webhook_of(healthy, by=alice).active
    listed = app.queries.attempts_of(failing)
    assert [a.attempt for a in listed] == list(range(len(attempts), 0, -1))
    assert all(a.status_code == 500 for a in listed)
    with app.views.read() as db:
        notice = db.one("SELECT payload FROM telegram_outbox WHERE kind = 'webhook_paused'")
    assert notice is not None and "/down" in json.loads(notice["payload"])["url"]

    # Nothing is sent to a paused webhook, but what it misses waits for it.
    app.put_object(work, "b.ics", ical("b", "Review"), actor=ACTOR, source=SOURCE, by=alice)
    clock.advance(hours=3)
    asyncio.run(job.run_once())
    assert len(receiver.deliveries("/down")) == len(attempts)
    assert app.webhook_of(failing, by=alice).waiting == 2, "the given-up one and the missed one"
    # Resumed while the receiver is still down: the given-up message is tried first, and again
    # on the whole schedule (not given up at its first failure), its attempts counted on.
    app.change_webhook(failing, by=alice, active=True, actor=ACTOR, source=SOURCE)
    asyncio.run(job.run_once())
    assert len(receiver.deliveries("/down")) == len(attempts) + 1
    assert receiver.deliveries("/down")[-1].json["data"]["uid"] == "a"
    assert app.webhook_of(failing, by=alice).active
    assert app.queries.attempts_of(failing)[0].attempt == len(attempts) + 1
    # The receiver is back: the given-up message, what was missed, and what is new, in order,
    # each once, and the given-up one with the id and body it always had.
    receiver.default("/down", 200)
    app.put_object(work, "c.ics", ical("c", "After"), actor=ACTOR, source=SOURCE, by=alice)
    clock.advance(seconds=RETRY_SCHEDULE[0].total_seconds())
    asyncio.run(job.run_once())
    after = receiver.deliveries("/down")[len(attempts) + 1 :]
    assert [d.json["data"]["uid"] for d in after] == ["a", "b", "c"]
    assert after[0].webhook_id == attempts[0].webhook_id and after[0].body == attempts[0].body
    assert len(receiver.by_webhook_id()) == 6  # a, b and c to each webhook, once
    assert all(len(bodies) == 1 for bodies in receiver.by_webhook_id().values())
    assert app.webhook_of(failing, by=alice).waiting == 0


def test_a_slow_or_huge_receiver_holds_up_only_its_own_messages(
    app: Televent, clock: FakeClock, receiver: WebhookReceiver
) -> None:
    alice = person(app, 1, "Alice")
    work = app.queries.calendars_of(alice)[0].calendar_id
    slow, huge = hook(app, alice, receiver, "/slow"), hook(app, alice, receiver, "/huge")
    hook(app, alice, receiver, "/fine")
    receiver.script("/slow", ["timeout"])
    receiver.script("/huge", ["huge"])
    app.put_object(work, "a.ics", ical("a", "Standup"), actor=ACTOR, source=SOURCE, by=alice)
    started = dt.datetime.now(dt.UTC)
    asyncio.run(sender(app, timeout=2.0).run_once())
    assert (dt.datetime.now(dt.UTC) - started).total_seconds() < 20
    assert len(receiver.deliveries("/fine")) == 1
    [timed_out] = app.queries.attempts_of(slow)
    assert timed_out.status_code is None and "timeout" in (timed_out.error or "")
    [too_large] = app.queries.attempts_of(huge)
    assert too_large.status_code is None and "too-large" in (too_large.error or "")


def test_a_failing_receiver_is_asked_once_a_round_and_a_backlog_leaves_room_for_others(
    app: Televent, clock: FakeClock, receiver: WebhookReceiver
) -> None:
    """A receiver that is down was sent each of its messages in a round, each attempt up to
    the time limit (200 messages, 50 minutes), and a webhook with a backlog of hundreds took
    the whole round: every other webhook waited."""
    alice = person(app, 1, "Alice")
    work = app.queries.calendars_of(alice)[0].calendar_id
    hook(app, alice, receiver, "/down")
    receiver.default("/down", 500)
    for n in range(205):
        app.put_object(work, f"e{n}.ics", ical(f"e{n}", "Item"), actor=ACTOR, source=SOURCE,
                       by=alice)  # fmt: skip
    hook(app, alice, receiver, "/late")  # added after the backlog, then one more change
    app.put_object(work, "last.ics", ical("last", "Last"), actor=ACTOR, source=SOURCE, by=alice)
    job = sender(app)
    asyncio.run(job.run_once())
    assert len(receiver.deliveries("/down")) == 1  # its first failure ends its round
    [late] = receiver.deliveries("/late")  # not behind the other's backlog
    assert late.json["data"]["uid"] == "last"
    # the receiver is back: its backlog goes a share at a time, oldest first, all of it
    receiver.default("/down", 200)
    clock.advance(seconds=61)  # the failed message's retry and the others' lease are due
    rounds = 0
    while asyncio.run(job.run_once()) and rounds < 50:
        rounds += 1
        clock.advance(seconds=61)
    uids = [d.json["data"]["uid"] for d in receiver.deliveries("/down")[1:]]
    assert sorted(uids) == sorted([f"e{n}" for n in range(205)] + ["last"])
    assert rounds > 1


def test_a_member_removed_from_a_calendar_is_sent_none_of_its_changes_still_queued(
    app: Televent, clock: FakeClock, receiver: WebhookReceiver
) -> None:
    """Bob's receiver was down when Alice changed her shared calendar; she then removed him.
    The retries went on sending him her events (titles, attendees' addresses) for a day."""
    alice, bob = person(app, 1, "Alice"), person(app, 2, "Bob")
    work = app.queries.calendars_of(alice)[0].calendar_id
    app.share_calendar(work, by=alice, member=bob, role="read", actor=ACTOR, source=SOURCE)
    app.answer_calendar_invitation(work, by=bob, accept=True, actor=ACTOR, source=SOURCE)
    hook(app, bob, receiver, "/bob")
    receiver.default("/bob", 500)
    app.put_object(work, "a.ics", ical("a", "Salary review"), actor=ACTOR, source=SOURCE,
                   by=alice)  # fmt: skip
    job = sender(app)
    asyncio.run(job.run_once())
    assert len(receiver.deliveries("/bob")) == 1  # the first attempt, refused
    app.remove_member(work, by=alice, member=bob, actor=ACTOR, source=SOURCE)
    receiver.default("/bob", 204)
    clock.advance(seconds=RETRY_SCHEDULE[1].total_seconds() + 1)
    asyncio.run(job.run_once())
    assert len(receiver.deliveries("/bob")) == 1, "nothing more reached Bob"
    with app.views.read() as db:
        rows = db.all("SELECT status, subject, body FROM webhook_outbox")
    assert [(r["status"], r["subject"], r["body"]) for r in rows] == [("withdrawn", "{}", None)]


def test_messages_settled_a_month_ago_are_forgotten_and_waiting_ones_kept(
    app: Televent, clock: FakeClock, receiver: WebhookReceiver
) -> None:
    """Each message keeps a copy of the change it told of (an event's iCalendar, a visitor's
    name and address): delivered ones were kept for ever."""
    alice = person(app, 1, "Alice")
    work = app.queries.calendars_of(alice)[0].calendar_id
    hook(app, alice, receiver, "/up")
    down = hook(app, alice, receiver, "/down")
    receiver.default("/down", 500)
    app.put_object(work, "a.ics", ical("a", "Standup"), actor=ACTOR, source=SOURCE, by=alice)
    asyncio.run(sender(app).run_once())
    queue = WebhookQueue(app.views, app.clock)
    assert queue.forget_settled() == 0
    clock.advance(days=31)
    assert queue.forget_settled() == 1
    with app.views.read() as db:
        rows = db.all("SELECT webhook_id, status FROM webhook_outbox")
    assert [(r["webhook_id"], r["status"]) for r in rows] == [(str(down), "pending")]


def test_a_paused_webhooks_backlog_waits_a_month(
    app: Televent, clock: FakeClock, receiver: WebhookReceiver
) -> None:
    """Paused by its owner, a webhook keeps its missed changes for 30 days, then forgets them
    (each holds a copy of the change); an active webhook's waiting messages are kept."""
    alice = person(app, 1, "Alice")
    work = app.queries.calendars_of(alice)[0].calendar_id
    paused = hook(app, alice, receiver, "/paused")
    down = hook(app, alice, receiver, "/down")
    receiver.default("/down", 500)
    app.change_webhook(paused, by=alice, active=False, actor=ACTOR, source=SOURCE)
    app.put_object(work, "a.ics", ical("a", "Standup"), actor=ACTOR, source=SOURCE, by=alice)
    queue = WebhookQueue(app.views, app.clock)
    clock.advance(days=29)
    assert queue.forget_settled() == 0
    assert app.webhook_of(paused, by=alice).waiting == 1
    clock.advance(days=2)
    assert queue.forget_settled() == 1
    with app.views.read() as db:
        rows = db.all("SELECT webhook_id, status FROM webhook_outbox")
    assert [(r["webhook_id"], r["status"]) for r in rows] == [(str(down), "pending")]
    app.change_webhook(paused, by=alice, active=True, actor=ACTOR, source=SOURCE)
    asyncio.run(sender(app).run_once())
    assert receiver.deliveries("/paused") == [], "a month late is too late"


def test_a_message_given_up_is_never_overtaken_even_if_the_pause_did_not_happen(
    app: Televent, clock: FakeClock, receiver: WebhookReceiver
) -> None:
    """The process stopped between giving a message up and pausing its webhook: the next
    round pauses it before anything newer goes, and resumed, the old message goes first."""
    alice = person(app, 1, "Alice")
    work = app.queries.calendars_of(alice)[0].calendar_id
    down = hook(app, alice, receiver, "/down")
    app.put_object(work, "a.ics", ical("a", "Standup"), actor=ACTOR, source=SOURCE, by=alice)
    with app.views.write() as db:  # given up after a day of 500s; then the process died
        db.run("UPDATE webhook_outbox SET status = 'failed', attempts = 8, last_error = "
               "'HTTP 500'")  # fmt: skip
    app.put_object(work, "b.ics", ical("b", "Review"), actor=ACTOR, source=SOURCE, by=alice)
    job = sender(app)
    asyncio.run(job.run_once())
    assert receiver.deliveries("/down") == [], "b did not overtake a"
    paused = app.webhook_of(down, by=alice)
    assert not paused.active and paused.paused_reason == "HTTP 500" and paused.waiting == 2
    app.change_webhook(down, by=alice, active=True, actor=ACTOR, source=SOURCE)
    asyncio.run(job.run_once())
    assert [d.json["data"]["uid"] for d in receiver.deliveries("/down")] == ["a", "b"]


def test_a_replay_waits_for_a_paused_webhook_and_removing_it_takes_every_message(
    app: Televent, clock: FakeClock, receiver: WebhookReceiver
) -> None:
    """A webhook added paused with `since` still gets the changes since then when resumed,
    however old they are (a month counts from the replay); removed, its messages go, the
    given-up one too."""
    alice = person(app, 1, "Alice")
    work = app.queries.calendars_of(alice)[0].calendar_id
    before = app.queries.log_head()
    app.put_object(work, "a.ics", ical("a", "Standup"), actor=ACTOR, source=SOURCE, by=alice)
    clock.advance(days=40)
    later, secret = app.add_webhook(alice, receiver.url("/later"), ALL, active=False,
                                    since=before, actor=ACTOR, source=SOURCE)  # fmt: skip
    receiver.set_secret("/later", secret)
    queue = WebhookQueue(app.views, app.clock)
    assert queue.forget_settled() == 0
    assert app.webhook_of(later, by=alice).waiting == 1
    app.change_webhook(later, by=alice, active=True, actor=ACTOR, source=SOURCE)
    asyncio.run(sender(app).run_once())
    assert [d.json["data"]["uid"] for d in receiver.deliveries("/later")] == ["a"]

    gone = hook(app, alice, receiver, "/gone")
    app.put_object(work, "b.ics", ical("b", "Review"), actor=ACTOR, source=SOURCE, by=alice)
    with app.views.write() as db:
        db.run("UPDATE webhook_outbox SET status = 'failed' WHERE webhook_id = ?", (str(gone),))
    app.put_object(work, "c.ics", ical("c", "Retro"), actor=ACTOR, source=SOURCE, by=alice)
    app.remove_webhook(gone, by=alice, actor=ACTOR, source=SOURCE)
    with app.views.read() as db:
        left = db.all("SELECT status FROM webhook_outbox WHERE webhook_id = ?", (str(gone),))
    assert left == [], "neither the waiting message nor the given-up one is kept"


def test_a_rotated_secret_signs_beside_the_new_one_for_a_day(
    app: Televent, clock: FakeClock, receiver: WebhookReceiver
) -> None:
    """A webhook's secret could not be changed: a leaked one meant removing the webhook (and
    its waiting messages). Rotated, each delivery carries both signatures for a day, so the
    receiver verifies with either until it has the new one."""
    alice = person(app, 1, "Alice")
    work = app.queries.calendars_of(alice)[0].calendar_id
    webhook = hook(app, alice, receiver, "/r")  # the receiver knows the first secret
    _, new = app.rotate_webhook_secret(webhook, by=alice, actor=ACTOR, source=SOURCE)
    job = sender(app)

    def deliver(uid: str) -> bool:
        """Whether the receiver verified the delivery of a new event with its secret."""
        app.put_object(work, f"{uid}.ics", ical(uid, uid), actor=ACTOR, source=SOURCE, by=alice)
        asyncio.run(job.run_once())
        return receiver.deliveries("/r", verified_only=False)[-1].verified

    assert deliver("a"), "the old secret still verifies"
    receiver.set_secret("/r", new)
    assert deliver("b"), "and so does the new one"
    clock.advance(days=1, seconds=1)
    assert deliver("c")
    receiver.set_secret("/r", app.rotate_webhook_secret(webhook, by=alice, actor=ACTOR,
                                                        source=SOURCE)[1])  # fmt: skip
    clock.advance(days=1, seconds=1)
    receiver.set_secret("/r", new)  # a day after the second rotation: `new` signs no more
    assert not deliver("d")
