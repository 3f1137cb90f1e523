"""Feed subscriptions in the application (docs/adr/0025), on SQLite and PostgreSQL: a refresh
makes the calendar hold what the feed says per UID and logs only the difference; the
subscribed calendar is read-only for everyone (the one rule of domain/sharing.py); nothing is
sent for a feed's events; busy time counts them, reminders do not unless turned on; and a
rebuild of every read model equals the live ones."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path
from uuid import UUID

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from televent.adapters.i18n import said
from televent.application.reminders import ReminderScheduler
from televent.application.televent import Televent
from televent.delivery.telegram_queue import DeliveryQueue
from televent.domain.booking_links import BookingLink
from televent.domain.calendar_import import ImportRefusedError
from televent.domain.errors import ConflictError, DomainError, ForbiddenError, NotFoundError
from televent.domain.sharing import Role
from televent.domain.values import DEFAULT_CALENDAR_SLUG, PartStat, calendar_id_for
from televent.ops.audit import Audit
from televent.ops.gdpr import PersonalData
from televent.projections.agenda_reader import AgendaReader
from televent.projections.busy_reader import BusyReader
from televent.projections.rebuild import Rebuilder
from tests.conftest import Backend, FakeClock

ACTOR, SOURCE = "account:tests", "api:tma"
URL = "https://calendar.example.org/holidays.ics"


def feed(events: dict[str, tuple[str, int]], *, name: str | None = None, extra: str = "") -> str:
    """A feed with one event per UID: (title, day of December 2026)."""
    parts = [
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260101T000000Z\r\n"
        f"DTSTART:202612{day:02d}T090000Z\r\nDTEND:202612{day:02d}T100000Z\r\n"
        f"SUMMARY:{title}\r\n{extra}END:VEVENT\r\n"
        for uid, (title, day) in events.items()
    ]
    head = f"X-WR-CALNAME:{name}\r\n" if name else ""
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Feed//EN\r\n"
        + head
        + "".join(parts)
        + ("END:VCALENDAR\r\n")
    )


def titles(app: Televent, calendar: UUID) -> dict[str, str]:
    found = {}
    for obj in app.queries.objects_in(calendar):
        line = next(x for x in obj.ical.split("\r\n") if x.startswith("SUMMARY:"))
        found[obj.uid] = line.removeprefix("SUMMARY:")
    return found


def alice_of(app: Televent) -> UUID:
    app.register_account(1, name="Alice", timezone="Europe/Berlin", actor=ACTOR, source=SOURCE)
    alice = app.queries.account_by_telegram_id(1)
    assert alice is not None
    return alice.account_id


def log_length(app: Televent) -> int:
    with app.views.read() as db:
        return int(db.scalar(f"SELECT COUNT(*) FROM {app.events_table}") or 0)


def test_a_refresh_stores_the_feed_per_uid_and_logs_only_the_difference(app: Televent) -> None:
    alice = alice_of(app)
    calendar = app.subscribe_feed(alice, "webcal://calendar.example.org/holidays.ics",
                                  actor=ACTOR, source=SOURCE)  # fmt: skip
    sub = app.queries.subscription(calendar)
    assert sub is not None and sub.url == URL and sub.name == "calendar.example.org"
    assert (sub.paused, sub.reminders, sub.busy) == (False, False, True)

    first = app.refresh_feed(
        calendar, feed({"a": ("Easter", 1), "b": ("May Day", 2)}, name="Holidays"), actor=ACTOR
    )
    assert (first.added, first.changed, first.removed, first.outcome) == (2, 0, 0, "2 added")
    assert titles(app, calendar) == {"a": "Easter", "b": "May Day"}
    view = app.queries.calendar(calendar)
    assert view is not None and view.display_name == "Holidays"  # the feed's own name

    before = log_length(app)
    same = app.refresh_feed(
        calendar, feed({"a": ("Easter", 1), "b": ("May Day", 2)}, name="Holidays"), actor=ACTOR
    )
    assert (same.unchanged, same.outcome) == (2, "unchanged")
    assert log_length(app) == before  # an unchanged feed writes nothing

    changed = app.refresh_feed(
        calendar, feed({"b": ("Labour Day", 2), "c": ("Xmas", 25)}, name="Holidays"), actor=ACTOR
    )
    assert (changed.added, changed.changed, changed.removed) == (1, 1, 1)
    assert titles(app, calendar) == {"b": "Labour Day", "c": "Xmas"}
    # 1 created + 1 revised + 1 deleted + the FeedRefreshed that says so
    assert log_length(app) == before + 4
    with app.views.read() as db:
        assert db.all("SELECT recipient FROM mail_outbox") == []
        assert db.all("SELECT chat_id FROM telegram_outbox") == []


def test_a_feed_that_is_not_a_calendar_changes_nothing(app: Televent) -> None:
    alice = alice_of(app)
    calendar = app.subscribe_feed(alice, URL, actor=ACTOR, source=SOURCE)
    app.refresh_feed(calendar, feed({"a": ("Easter", 1)}), actor=ACTOR)
    with pytest.raises(ImportRefusedError):
        app.refresh_feed(calendar, "<html>Service unavailable</html>", actor=ACTOR)
    assert titles(app, calendar) == {"a": "Easter"}


def test_one_bad_event_in_a_feed_keeps_its_stored_version(app: Televent) -> None:
    alice = alice_of(app)
    calendar = app.subscribe_feed(alice, URL, actor=ACTOR, source=SOURCE)
    app.refresh_feed(calendar, feed({"a": ("Easter", 1), "b": ("May Day", 2)}), actor=ACTOR)
    broken = feed({"a": ("Easter", 1)}).replace(
        "END:VCALENDAR",
        "BEGIN:VEVENT\r\nUID:b\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:not-a-date\r\n"
        "SUMMARY:May Day\r\nEND:VEVENT\r\nEND:VCALENDAR",
    )
    report = app.refresh_feed(calendar, broken, actor=ACTOR)
    assert report.removed == 0 and [left.uid for left in report.skipped] == ["b"]
    assert titles(app, calendar) == {"a": "Easter", "b": "May Day"}


def test_a_subscribed_calendar_is_read_only_for_everyone(app: Televent) -> None:
    alice = alice_of(app)
    app.register_account(2, name="Bob", timezone="Europe/Berlin", actor=ACTOR, source=SOURCE)
    bob = app.queries.account_by_telegram_id(2)
    assert bob is not None
    calendar = app.subscribe_feed(alice, URL, actor=ACTOR, source=SOURCE)
    app.refresh_feed(calendar, feed({"a": ("Easter", 1)}), actor=ACTOR)
    assert app.queries.role_in(calendar, alice) is Role.SUBSCRIBER
    obj = app.queries.objects_in(calendar)[0]
    with pytest.raises(ForbiddenError) as refused:
        app.put_object(calendar, "new.ics", feed({"n": ("Mine", 3)}), actor=ACTOR, source=SOURCE,
                       by=alice)  # fmt: skip
    assert refused.value.wording is not None
    assert refused.value.wording[0] == "refusal-subscriptions-read-only"
    with pytest.raises(ForbiddenError):
        app.delete_object(calendar, obj.href, actor=ACTOR, source=SOURCE, by=alice)
    with pytest.raises(ForbiddenError):
        app.import_calendar(calendar, feed({"n": ("Mine", 3)}), by=alice, actor=ACTOR,
                            source=SOURCE)  # fmt: skip
    # Shared, it can only be shared to view.
    with pytest.raises(DomainError):
        app.share_calendar(calendar, by=alice, member=bob.account_id, role="write",
                           actor=ACTOR, source=SOURCE)  # fmt: skip
    app.share_calendar(calendar, by=alice, member=bob.account_id, role="read", actor=ACTOR,
                       source=SOURCE)  # fmt: skip
    # The subscriber may still rename it and change its options.
    app.change_subscription(calendar, {"name": "Public holidays", "reminders": True}, by=alice,
                            actor=ACTOR, source=SOURCE)  # fmt: skip
    sub = app.queries.subscription(calendar)
    assert sub is not None and sub.name == "Public holidays" and sub.reminders
    with pytest.raises(NotFoundError):
        app.change_subscription(calendar, {"paused": True}, by=bob.account_id, actor=ACTOR,
                                source=SOURCE)  # fmt: skip
    # A member who accepted sees it, but its subscription stays its subscriber's to change.
    app.answer_calendar_invitation(calendar, by=bob.account_id, accept=True, actor=ACTOR,
                                   source=SOURCE)  # fmt: skip
    with pytest.raises(ForbiddenError) as member:
        app.change_subscription(calendar, {"paused": True}, by=bob.account_id, actor=ACTOR,
                                source=SOURCE)  # fmt: skip
    assert said(member.value, "en") == (
        "Your role on this calendar does not allow you to change its subscription."
    )
    still = app.queries.subscription(calendar)
    assert still is not None and not still.paused
    with pytest.raises(ConflictError):
        app.subscribe_feed(alice, "webcal://calendar.example.org/holidays.ics", actor=ACTOR,
                           source=SOURCE)  # fmt: skip


def test_unsubscribing_deletes_the_calendar_and_subscribing_again_brings_it_back(
    app: Televent,
) -> None:
    alice = alice_of(app)
    calendar = app.subscribe_feed(alice, URL, actor=ACTOR, source=SOURCE)
    app.refresh_feed(calendar, feed({"a": ("Easter", 1)}), actor=ACTOR)
    app.unsubscribe_feed(calendar, by=alice, actor=ACTOR, source=SOURCE)
    assert app.queries.calendar(calendar) is None and app.queries.subscription(calendar) is None
    assert app.subscribe_feed(alice, URL, actor=ACTOR, source=SOURCE) == calendar
    assert titles(app, calendar) == {}
    app.refresh_feed(calendar, feed({"a": ("Easter", 1)}), actor=ACTOR)
    assert titles(app, calendar) == {"a": "Easter"}


def test_a_feed_calendar_deleted_and_subscribed_to_again_is_fetched_anew(app: Televent) -> None:
    """Deleted as a calendar (not unsubscribed), then subscribed to again: the new calendar
    (the same id) kept the old one's fetch, its ETag among it, so the feed answered 304 and
    the calendar stayed empty."""
    alice = alice_of(app)
    calendar = app.subscribe_feed(alice, URL, actor=ACTOR, source=SOURCE)
    app.refresh_feed(calendar, feed({"a": ("Easter", 1)}), actor=ACTOR)
    app.feed_fetched(calendar, now=app.clock(), interval=dt.timedelta(days=1), etag='"v1"',
                     last_modified=None, outcome="1 added")  # fmt: skip
    app.delete_calendar(calendar, actor=ACTOR, source=SOURCE, by=alice)
    assert app.subscribe_feed(alice, URL, actor=ACTOR, source=SOURCE) == calendar
    again = app.queries.subscription(calendar)
    assert again is not None and again.etag is None and titles(app, calendar) == {}
    due = app.queries.subscriptions_due(app.clock().isoformat(), 50)
    assert calendar in [s.calendar_id for s in due]


def test_an_invitation_a_feed_brings_is_answered_by_no_one(app: Televent) -> None:
    """A feed's meeting names Alice's linked address: answering it (the bot's buttons, the
    API) changed the feed's event and mailed a reply to its organizer, until the next refresh
    put it back."""
    alice = alice_of(app)
    app.link_email(1, "alice@corp.example", actor=ACTOR, source=SOURCE)
    calendar = app.subscribe_feed(alice, URL, actor=ACTOR, source=SOURCE)
    meeting = feed({"m1": ("Board", 1)}, extra=(
        "ORGANIZER:mailto:boss@corp.example\r\n"
        "ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:alice@corp.example\r\n"
    ))  # fmt: skip
    app.refresh_feed(calendar, meeting, actor=ACTOR)
    obj = app.queries.objects_in(calendar)[0]
    with pytest.raises(ForbiddenError) as refused:
        app.give_rsvp(obj.event_id, "alice@corp.example", PartStat.ACCEPTED,
                      actor=f"account:{alice}", source=SOURCE)  # fmt: skip
    assert said(refused.value, "en") == (
        "This calendar shows a feed: its events change only when the feed does."
    )
    assert app.queries.objects_in(calendar)[0].etag == obj.etag
    with app.views.read() as db:
        assert db.scalar("SELECT COUNT(*) FROM mail_outbox") == 0


def test_busy_time_counts_a_feed_and_reminders_wait_until_turned_on(
    app: Televent, clock: FakeClock
) -> None:
    alice = alice_of(app)
    calendar = app.subscribe_feed(alice, URL, actor=ACTOR, source=SOURCE)
    start = clock.now + dt.timedelta(minutes=10)
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Feed//EN\r\nBEGIN:VEVENT\r\nUID:soon\r\n"
        f"DTSTAMP:20260101T000000Z\r\nDTSTART:{start:%Y%m%dT%H%M%SZ}\r\n"
        f"DTEND:{start + dt.timedelta(hours=1):%Y%m%dT%H%M%SZ}\r\nSUMMARY:Match\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    app.refresh_feed(calendar, text, actor=ACTOR)
    person = app.queries.account_by_id(alice)
    assert person is not None
    reader = BusyReader(AgendaReader(app.queries, app.internal_domain))
    day = (clock.now, clock.now + dt.timedelta(days=1))
    assert len(reader.busy(person, *day)) == 1
    reminders = ReminderScheduler(app, DeliveryQueue(app.views, clock))
    assert reminders.run_once(clock.now) == 0
    app.change_subscription(calendar, {"reminders": True, "busy": False}, by=alice,
                            actor=ACTOR, source=SOURCE)  # fmt: skip
    assert reminders.run_once(clock.now) == 1
    assert reader.busy(person, *day) == []


feeds = st.dictionaries(
    st.sampled_from(("a", "b", "c", "d")),
    st.tuples(st.sampled_from(("Easter", "Xmas", "Новый год", "نوروز")), st.integers(1, 28)),
    max_size=4,
)


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history=st.lists(feeds, min_size=1, max_size=5))
def test_any_series_of_refreshes_converges_on_the_last_feed_and_rebuilds_equal(
    backend: Backend, history: list[dict[str, tuple[str, int]]]
) -> None:
    with backend.fresh_app(FakeClock()) as app:
        alice = alice_of(app)
        calendar = app.subscribe_feed(alice, URL, actor=ACTOR, source=SOURCE)
        mine = calendar_id_for(alice, DEFAULT_CALENDAR_SLUG)
        for events in history:
            app.refresh_feed(calendar, feed(events), actor=ACTOR)
            assert titles(app, calendar) == {uid: title for uid, (title, _) in events.items()}
            again = app.refresh_feed(calendar, feed(events), actor=ACTOR)
            assert (again.added, again.changed, again.removed) == (0, 0, 0)
        assert titles(app, mine) == {}  # nothing leaks into another calendar
        report = Rebuilder(app.engine, app.views).run(verify=True)
        assert report.matches, report.differences


def test_the_audit_says_what_a_refresh_did_the_export_holds_the_feed_and_erasure_takes_it(
    app: Televent, tmp_path: Path
) -> None:
    alice = alice_of(app)
    calendar = app.subscribe_feed(
        alice, "https://user:secret@calendar.example.org/private/abc.ics", actor=ACTOR,
        source=SOURCE,
    )  # fmt: skip
    app.refresh_feed(calendar, feed({"a": ("Easter", 1), "b": ("Xmas", 25)}, name="Holidays"),
                     actor=ACTOR)  # fmt: skip
    app.refresh_feed(calendar, feed({"b": ("Christmas", 25)}, name="Holidays"), actor=ACTOR)
    app.feed_failed(calendar, now=dt.datetime(2026, 3, 1, tzinfo=dt.UTC), error="timeout: x")
    timeline = Audit(app).account_timeline(1)
    lines = [line for e in timeline if e.kind.startswith("Feed") for line in e.diff]
    assert "'calendar.example.org' subscribed to the feed of calendar.example.org" in lines
    assert "feed 'Holidays' refreshed: 2 added" in lines
    assert "feed 'Holidays' refreshed: 1 changed, 1 removed" in lines
    assert "secret" not in json.dumps([e.as_dict() for e in timeline])
    archive = tmp_path / "export.zip"
    PersonalData(app).export(1, archive, operator="tests", reason="Art. 15")
    with zipfile.ZipFile(archive) as opened:
        exported = json.loads(opened.read("subscriptions.json"))
        assert "BEGIN:VEVENT" in opened.read(f"calendars/{exported[0]['calendar']}.ics").decode()
    assert exported[0]["url"].endswith("/private/abc.ics") and exported[0]["name"] == "Holidays"
    PersonalData(app).erase(1, operator="tests", reason="Art. 17")
    assert app.queries.subscription(calendar) is None
    with app.views.read() as db:
        assert db.all("SELECT calendar_id FROM feed_fetch_state") == []
        assert db.all("SELECT calendar_id FROM feed_subscriptions") == []


def test_a_booking_link_offers_no_slot_a_subscribed_feed_says_is_taken(app: Televent) -> None:
    alice = alice_of(app)
    app.create_booking_link(
        alice,
        BookingLink.from_json({"slug": "alice", "title": "Chat", "min_notice_minutes": 0}),
        actor=ACTOR,
        source=SOURCE,
    )
    morning = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)  # Monday 09:00 in Berlin

    def offered() -> list[dt.datetime]:
        public, owner = app.slot_reader.public_link("alice")
        spans = app.slot_reader.slots(
            public.link, owner, start=morning, end=morning + dt.timedelta(hours=2), now=app.clock()
        )
        return [low for low, _ in spans]

    assert morning in offered()
    calendar = app.subscribe_feed(alice, URL, actor=ACTOR, source=SOURCE)
    work = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Work//EN\r\nBEGIN:VEVENT\r\nUID:standup\r\n"
        "DTSTAMP:20260101T000000Z\r\nDTSTART:20260302T080000Z\r\nDTEND:20260302T090000Z\r\n"
        "SUMMARY:Work meeting\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    app.refresh_feed(calendar, work, actor=ACTOR)
    slots = offered()
    assert slots and all(s >= morning + dt.timedelta(hours=1) for s in slots)
    app.change_subscription(calendar, {"busy": False}, by=alice, actor=ACTOR, source=SOURCE)
    assert morning in offered()


def test_a_meeting_also_shown_by_a_feed_is_answered_on_the_organizers_event(
    app: Televent,
) -> None:
    """Bob's linked address is invited to Alice's meeting, and a feed he subscribes to shows
    the same meeting (its UID): his answer was taken for the feed's copy and refused, from
    the bot, the API and by mail alike (an emailed REPLY then failed at every poll)."""
    alice = alice_of(app)
    app.register_account(2, name="Bob", timezone="Europe/Berlin", actor=ACTOR, source=SOURCE)
    bob = app.queries.account_by_telegram_id(2)
    assert bob is not None
    own = app.queries.calendars_of(alice)[0].calendar_id
    meeting = feed({"m1": ("Board", 1)}, extra=(
        f"ORGANIZER:mailto:tg_1@{app.internal_domain}\r\n"
        "ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:bob@corp.example\r\n"
    ))  # fmt: skip
    app.put_object(own, "m1.ics", meeting, actor=ACTOR, source=SOURCE, by=alice)
    app.link_email(2, "bob@corp.example", actor=ACTOR, source=SOURCE)
    calendar = app.subscribe_feed(bob.account_id, URL, actor=ACTOR, source=SOURCE)
    app.refresh_feed(calendar, meeting, actor=ACTOR)
    organizers = app.queries.object_with_uid(alice, "m1")
    assert organizers is not None
    app.give_rsvp(organizers.event_id, "bob@corp.example", PartStat.ACCEPTED,
                  actor=f"account:{bob.account_id}", source=SOURCE)  # fmt: skip
    answered = app.queries.object_with_uid(alice, "m1")
    assert answered is not None and "PARTSTAT=ACCEPTED" in answered.ical


def test_an_invitation_to_a_meeting_a_feed_shows_arrives_as_a_copy_of_its_own(
    app: Televent,
) -> None:
    """Bob follows Alice's published calendar as a feed; Alice then invites him to a meeting
    the feed already shows. Her invitation was written into the feed's event (a calendar only
    the feed changes, and the next refresh put it back); it arrives as his own copy, which
    he can answer, and the feed's event stays as the feed says."""
    alice = alice_of(app)
    app.register_account(2, name="Bob", timezone="Europe/Berlin", actor=ACTOR, source=SOURCE)
    bob = app.queries.account_by_telegram_id(2)
    assert bob is not None
    app.link_email(2, "bob@corp.example", actor=ACTOR, source=SOURCE)
    shown = feed({"m1": ("Board", 1)}, extra=f"ORGANIZER:mailto:tg_1@{app.internal_domain}\r\n")
    calendar = app.subscribe_feed(bob.account_id, URL, actor=ACTOR, source=SOURCE)
    app.refresh_feed(calendar, shown, actor=ACTOR)
    [before] = app.queries.objects_in(calendar)

    own = app.queries.calendars_of(alice)[0].calendar_id
    invitation = feed({"m1": ("Board", 1)}, extra=(
        f"ORGANIZER:mailto:tg_1@{app.internal_domain}\r\n"
        "ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:bob@corp.example\r\n"
    ))  # fmt: skip
    app.put_object(own, "m1.ics", invitation, actor=ACTOR, source=SOURCE, by=alice)
    [after] = app.queries.objects_in(calendar)
    assert after.etag == before.etag and "ATTENDEE" not in after.ical  # as the feed says
    default = calendar_id_for(bob.account_id, DEFAULT_CALENDAR_SLUG)
    copy = app.queries.object_with_uid(bob.account_id, "m1")
    assert copy is not None and copy.calendar_id == default
    assert "mailto:bob@corp.example" in copy.ical
    # Listed once, as his copy (the one he answers), not again as the feed shows it.
    day = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
    listing = AgendaReader(app.queries, app.internal_domain).listing(
        bob, day, day + dt.timedelta(days=1)
    )
    assert [(o.summary, o.event_id) for o in listing.occurrences] == [("Board", copy.event_id)]
