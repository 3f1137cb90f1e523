"""The WebDAV-Push queue in the application (docs/adr/0027), on SQLite and PostgreSQL: a change to
a calendar waits for every registration on it (its owner's and a member's, never someone who
left), a burst of changes is one message carrying the newest position, a client's own change
(Push-Dont-Notify) is not pushed back to it unless something else was waiting, the home and the
inbox hear of calendars and invitations, expired registrations hear nothing, and a property
change is told as one. Any history of changes leaves each registration wanting exactly the
newest change of its collection, once. A push resource the outbound guard refuses is refused
when it is registered."""

from __future__ import annotations

import base64
import datetime as dt
import os
from collections.abc import Callable
from typing import Any
from uuid import UUID

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from televent.adapters.caldav.auth import Authenticator
from televent.adapters.caldav.handlers import CalDavHandlers
from televent.adapters.caldav.protocol import Reply, Request
from televent.adapters.caldav.push import PushResources
from televent.adapters.outbound import Outbound
from televent.application.push_registrations import PushRegistrations
from televent.application.televent import Televent
from televent.delivery.push_queue import PushQueue
from televent.domain.values import calendar_event_id_for
from televent.domain.web_push import Collection, Kind, registration
from televent.projections.push_delivery import ALL, UNKNOWN, _starts_soon, quiet
from televent.projections.schedule_inbox_reader import ScheduleInbox
from tests.conftest import Backend, FakeClock

ACTOR, SOURCE = "account:tests", "caldav:phone"


def subscription_keys() -> tuple[str, str]:
    point = (
        ec.generate_private_key(ec.SECP256R1())
        .public_key()
        .public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    )

    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    return b64(point), b64(os.urandom(16))


def person(app: Televent, telegram_id: int, name: str) -> UUID:
    app.register_account(telegram_id, name=name, timezone="UTC", actor=ACTOR, source=SOURCE)
    account = app.queries.account_by_telegram_id(telegram_id)
    assert account is not None
    return account.account_id


def default_calendar(app: Televent, account: UUID) -> UUID:
    return app.queries.calendars_of(account)[0].calendar_id


def register(
    app: Televent, account: UUID, collection: Collection, device: str, **triggers: bool
) -> str:
    p256dh, auth = subscription_keys()
    wanted = registration(
        collection,
        push_resource=f"https://push.example.net/{device}",
        p256dh=p256dh,
        auth_secret=auth,
        content_encoding=None,
        triggers=tuple(name.replace("_", "-") for name, on in triggers.items() if on) or None,
    )
    done = PushRegistrations(app.views, app.clock).register(
        str(account), collection, wanted, requested_expiry=None
    )
    return done.registration_id


def put(app: Televent, calendar: UUID, uid: str, title: str, by: UUID) -> None:
    app.put_object(
        calendar,
        f"{uid}.ics",
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20261201T090000Z\r\n"
        f"DTEND:20261201T100000Z\r\nSUMMARY:{title}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        actor=ACTOR,
        source=SOURCE,
        by=by,
    )


def waiting(app: Televent) -> dict[str, tuple[int, int, bool]]:
    """registration id -> (wanted, sent, properties) of the rows with something to send."""
    with app.views.read() as db:
        rows = db.all("SELECT * FROM push_outbox WHERE wanted > sent")
    return {r["registration_id"]: (r["wanted"], r["sent"], bool(r["properties"])) for r in rows}


def sync_position(app: Televent, calendar: UUID) -> int:
    found = app.queries.calendar(calendar)
    assert found is not None
    return found.sync_position


def test_a_burst_of_changes_waits_as_one_message_for_owner_and_member(
    app: Televent, clock: FakeClock
) -> None:
    alice, bob, carol = person(app, 1, "Alice"), person(app, 2, "Bob"), person(app, 3, "Carol")
    work = default_calendar(app, alice)
    app.share_calendar(work, by=alice, member=bob, role="read", actor=ACTOR, source=SOURCE)
    app.answer_calendar_invitation(work, by=bob, accept=True, actor=ACTOR, source=SOURCE)
    calendar = Collection(Kind.CALENDAR, str(work))
    mine = register(app, alice, calendar, "alice-phone")
    his = register(app, bob, calendar, "bob-phone")
    stranger = register(app, carol, calendar, "carol-phone")  # never a member: hears nothing

    for n in range(5):
        put(app, work, f"e{n}", f"Event {n}", alice)
    newest = sync_position(app, work)
    assert waiting(app) == {mine: (newest, 0, False), his: (newest, 0, False)}
    assert stranger not in waiting(app)

    queue = PushQueue(app.views, app.clock)
    assert queue.claim() == []  # the merge window: a burst goes as one message
    clock.advance(seconds=2)
    jobs = {job.registration_id: job for job in queue.claim()}
    assert set(jobs) == {mine, his} and jobs[mine].wanted == newest
    for job in jobs.values():
        queue.sent(job)
    assert waiting(app) == {}
    clock.advance(seconds=2)
    assert queue.claim() == []

    # Bob leaves: the next change is his no more.
    app.remove_member(work, by=bob, member=bob, actor=ACTOR, source=SOURCE)
    put(app, work, "e9", "After Bob", alice)
    assert set(waiting(app)) == {mine}


def test_a_clients_own_change_is_not_pushed_back_unless_something_else_waits(
    app: Televent, clock: FakeClock
) -> None:
    alice = person(app, 1, "Alice")
    work = default_calendar(app, alice)
    calendar = Collection(Kind.CALENDAR, str(work))
    phone, laptop = (
        register(app, alice, calendar, "phone"),
        register(app, alice, calendar, "laptop"),
    )

    with quiet(str(alice), [phone]):
        put(app, work, "a", "From the phone", alice)
    assert set(waiting(app)) == {laptop}

    # Something the phone did not make is waiting: its own change then goes too, in one.
    put(app, work, "b", "From the bot", alice)
    with quiet(str(alice), [phone]):
        put(app, work, "c", "From the phone again", alice)
    newest = sync_position(app, work)
    assert waiting(app)[phone][0] == newest and waiting(app)[laptop][0] == newest

    queue = PushQueue(app.views, app.clock)
    clock.advance(seconds=2)
    for job in queue.claim():
        queue.sent(job)
    with quiet(str(alice), [ALL]):
        put(app, work, "d", "Everything quiet", alice)
    assert waiting(app) == {}


def test_home_inbox_properties_and_expiry(app: Televent, clock: FakeClock) -> None:
    alice, bob = person(app, 1, "Alice"), person(app, 2, "Bob")
    work = default_calendar(app, alice)
    home = register(app, bob, Collection(Kind.HOME, str(bob)), "bob-home")
    named = register(
        app, alice, Collection(Kind.CALENDAR, str(work)), "alice-props", property_update=True
    )
    # A calendar shared with Bob appears in his home once he accepts it.
    app.share_calendar(work, by=alice, member=bob, role="write", actor=ACTOR, source=SOURCE)
    assert home not in waiting(app)
    app.answer_calendar_invitation(work, by=bob, accept=True, actor=ACTOR, source=SOURCE)
    assert home in waiting(app)

    # A rename is a property update (only for a registration that asked for those).
    app.update_calendar(work, {"display_name": "Work"}, actor=ACTOR, source=SOURCE, by=alice)
    assert waiting(app)[named][2] is True

    # An invitation arrives in Bob's scheduling inbox.
    inbox = register(app, bob, Collection(Kind.INBOX, str(bob)), "bob-inbox")
    app.put_object(
        work,
        "meet.ics",
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:meet\r\n"
        "DTSTAMP:20260101T000000Z\r\nDTSTART:20261202T090000Z\r\nDTEND:20261202T100000Z\r\n"
        "SUMMARY:Meet\r\nORGANIZER:mailto:tg_1@televent.internal\r\n"
        "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:tg_2@televent.internal\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n",
        actor=ACTOR,
        source=SOURCE,
        by=alice,
    )
    assert inbox in waiting(app)

    # Expired registrations are never pushed to, and go.
    clock.advance(days=8)
    assert PushQueue(app.views, app.clock).claim() == []
    with app.views.read() as db:
        assert db.scalar("SELECT COUNT(*) FROM push_registrations") == 0


def urgent_rows(app: Televent) -> dict[str, bool]:
    with app.views.read() as db:
        rows = db.all("SELECT registration_id, urgent FROM push_outbox WHERE wanted > sent")
    return {r["registration_id"]: bool(r["urgent"]) for r in rows}


def stored(app: Televent, calendar: UUID, uid: str, lines: str, by: UUID) -> None:
    app.put_object(
        calendar,
        f"{uid}.ics",
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20260101T000000Z\r\n{lines}SUMMARY:{uid}\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n",
        actor=ACTOR,
        source=SOURCE,
        by=by,
    )


def test_a_change_to_an_event_that_starts_within_minutes_is_pushed_as_urgent(
    app: Televent, clock: FakeClock
) -> None:
    """The urgency of a push (RFC 8030 §5.3) comes from the body the change leaves: an event
    starting within a quarter of an hour (also the next instance of a finite series that began
    a week ago) is urgent; one next week, an all-day event, or an event deleted is not."""
    alice = person(app, 1, "Alice")
    work = default_calendar(app, alice)
    phone = register(app, alice, Collection(Kind.CALENDAR, str(work)), "alice-phone")
    queue = PushQueue(app.views, app.clock)

    def urgency_after(change: Callable[[], None]) -> bool:
        for job in queue.claim(limit=100) if waiting(app) else []:
            queue.sent(job)
        clock.advance(seconds=5)
        for job in queue.claim(limit=100):
            queue.sent(job)
        assert waiting(app) == {}
        change()
        return urgent_rows(app)[phone]

    soon, later = clock.now + dt.timedelta(minutes=10), clock.now + dt.timedelta(days=7)
    at = "%Y%m%dT%H%M%SZ"
    assert urgency_after(
        lambda: stored(app, work, "soon", f"DTSTART:{soon:{at}}\r\nDURATION:PT1H\r\n", alice)
    )
    assert not urgency_after(
        lambda: stored(app, work, "later", f"DTSTART:{later:{at}}\r\nDURATION:PT1H\r\n", alice)
    )
    assert not urgency_after(
        lambda: stored(app, work, "day", f"DTSTART;VALUE=DATE:{soon:%Y%m%d}\r\n", alice)
    )
    weekly = soon - dt.timedelta(days=7)
    rule = f"DTSTART:{weekly:{at}}\r\nDURATION:PT1H\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n"
    assert urgency_after(lambda: stored(app, work, "weekly", rule, alice))
    assert not urgency_after(
        lambda: app.delete_object(work, "soon.ics", actor=ACTOR, source=SOURCE)
    )
    # a change the command's events carry no body for reads the stored one
    with app.views.write() as db:
        events: dict[str, Any] = {str(calendar_event_id_for(work, "weekly")): UNKNOWN}
        assert _starts_soon(db, events, clock.now)
        events = {str(calendar_event_id_for(work, "later")): UNKNOWN}
        assert not _starts_soon(db, events, clock.now)


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    steps=st.lists(
        st.tuples(st.sampled_from(["put", "quiet", "send", "wait"]), st.integers(0, 3)),
        min_size=1,
        max_size=20,
    )
)
def test_each_registration_ends_wanting_its_collections_newest_change_once(
    backend: Backend, clock: FakeClock, steps: list[tuple[str, int]]
) -> None:
    clock.now = FakeClock().now  # the events' stamps and the queue's clock are one
    with backend.fresh_app(clock) as app:
        alice = person(app, 1, "Alice")
        work = default_calendar(app, alice)
        calendar = Collection(Kind.CALENDAR, str(work))
        phone, laptop = register(app, alice, calendar, "p"), register(app, alice, calendar, "l")
        queue = PushQueue(app.views, app.clock)
        told: dict[str, list[int]] = {phone: [], laptop: []}
        own: dict[int, str] = {}  # position -> the registration whose own change it was
        before = sync_position(app, work)
        for kind, n in steps:
            if kind == "put":
                put(app, work, f"e{n}", f"Event {n} {len(own)}", alice)
            elif kind == "quiet":
                with quiet(str(alice), [phone]):
                    put(app, work, f"e{n}", f"Quiet {n} {len(own)}", alice)
                own[sync_position(app, work)] = phone
            elif kind == "send":
                for job in queue.claim():
                    told[job.registration_id].append(job.wanted)
                    queue.sent(job)
            else:
                clock.advance(seconds=2)
        clock.advance(seconds=2)
        for job in queue.claim():
            told[job.registration_id].append(job.wanted)
            queue.sent(job)
        newest = sync_position(app, work)
        for registration_id, positions in told.items():
            assert positions == sorted(set(positions))  # each position told once, in order
            if newest > before and own.get(newest) != registration_id:
                assert positions and positions[-1] == newest  # the newest change reached it


def test_a_push_resource_on_a_private_network_is_refused_unless_the_operator_allows_it(
    app: Televent,
) -> None:
    """The outbound guard (docs/adr/0023) on registration: loopback, private and link-local
    push resources, and plain http://, are `invalid-subscription`; with the operator's switch
    a loopback stand-in is accepted."""
    app.register_account(1, name="Alice", actor=ACTOR, source=SOURCE)
    password = app.issue_device_password(1, "phone", actor=ACTOR, source=SOURCE).password
    p256dh, auth = subscription_keys()

    def register_at(resource: str, *, allow_private: bool) -> Reply:
        push = PushResources(
            PushRegistrations(app.views, app.clock), Outbound(allow_private=allow_private), None
        )
        server = CalDavHandlers(
            app, Authenticator(app.queries, lambda device: None), "televent.internal",
            1_000_000, ScheduleInbox(app.views), push=push,
        )  # fmt: skip
        body = (
            '<push-register xmlns="https://bitfire.at/webdav-push"><subscription>'
            f"<web-push-subscription><push-resource>{resource}</push-resource>"
            f'<subscription-public-key type="p256dh">{p256dh}</subscription-public-key>'
            f"<auth-secret>{auth}</auth-secret></web-push-subscription></subscription>"
            "</push-register>"
        )
        credentials = base64.b64encode(f"1:{password}".encode()).decode()
        return server.handle(
            Request("POST", "/dav/calendars/1/default/",
                    {"authorization": f"Basic {credentials}", "host": "cal.example.org"},
                    body.encode())
        )  # fmt: skip

    for resource in (
        "https://127.0.0.1/push/x",
        "https://10.1.2.3/push/x",
        "https://169.254.169.254/latest",
        "https://[::1]/push",
        "http://push.example.net/x",  # plain http to the public Internet
    ):
        refused = register_at(resource, allow_private=False)
        assert refused.status == 403 and b"invalid-subscription" in refused.body, resource
    allowed = register_at("http://127.0.0.1:9/push/x", allow_private=True)
    assert allowed.status == 201
    assert allowed.headers["location"].startswith("http://cal.example.org/dav/push/")
