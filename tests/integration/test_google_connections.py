"""Connected Google accounts below the HTTP layer (docs/adr/0034), on SQLite and PostgreSQL,
with the Google stand-in (tests/google_standin.py) as Google and Google's own client library
pointed at it:

- a consent is taken once, within ten minutes, and erasing the person forgets one in flight;
- the refresh token is kept like a password: sealed in the log, in no read model;
- the syncer lists a calendar in pages, then only what changed; a token Google dropped (410)
  is answered by a full listing that adds nothing twice; Google's rate limits are waited out;
  an account whose access was revoked fails alone, with its reason, while another account
  syncs;
- an event made here reaches Google under an id derived from its UID, as a single insert even
  when the first answer is lost, with `sendUpdates=none`;
- any history of changes on Google converges: after a sync the calendar holds what Google
  shows (Hypothesis), and a rebuild equals the live read models.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import uuid
from typing import Any
from uuid import UUID

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from televent.adapters.connections.caldav_client import RemoteChangedError
from televent.adapters.connections.google_client import GoogleCalendarClient
from televent.adapters.connections.syncer import ConnectionSyncer
from televent.adapters.outbound import Outbound
from televent.application.televent import Televent
from televent.domain.google_events import google_event_id
from televent.ops.gdpr import PersonalData
from televent.projections.base import stamp
from televent.projections.rebuild import Rebuilder
from tests.conftest import Backend, FakeClock
from tests.google_standin import GoogleStandIn, google_standin
from tests.helpers import overruled_notices

ACTOR = "system:"
SOURCE = "cli:tests"


@pytest.fixture(scope="module")
def google() -> Any:
    with google_standin() as running:
        yield running


def unique(name: str) -> str:
    """A Google account of its own for each test and backend (the stand-in is shared)."""
    return f"{name}-{uuid.uuid4().hex[:8]}@gmail.com"


def alice_of(app: Televent) -> UUID:
    if app.queries.account_by_telegram_id(1) is None:
        app.register_account(1, name="Alice", timezone="Europe/Berlin", actor=ACTOR, source=SOURCE)
    account = app.queries.account_by_telegram_id(1)
    assert account is not None
    return account.account_id


def connected(app: Televent, google: GoogleStandIn, email: str) -> tuple[UUID, UUID, str]:
    """A Google account connected to Alice: (connection, its primary calendar, the token)."""
    return google.connect(app, email, alice_of(app))


def timed(day: int, hour: int) -> dict[str, Any]:
    return {"start": {"dateTime": f"2026-12-{day:02d}T{hour:02d}:00:00Z"},
            "end": {"dateTime": f"2026-12-{day:02d}T{hour:02d}:30:00Z"}}  # fmt: skip


def titles(app: Televent, calendar: UUID) -> list[str]:
    found = []
    for obj in app.queries.objects_in(calendar):
        summary = next(
            (line[8:] for line in obj.ical.splitlines() if line.startswith("SUMMARY:")), ""
        )
        found.append(summary)
    return sorted(found)


def sync_all(app: Televent, google: GoogleStandIn, push: str | None = None) -> int:
    where = dataclasses.replace(google.endpoints(), push_address=push)
    syncer = ConnectionSyncer(app, Outbound(allow_private=True), google=where)
    with app.views.write() as db:  # due now, whatever the clock says
        db.run("UPDATE connection_sync_state SET next_due = ?", ("1970-01-01",))
    return asyncio.run(syncer.run_once())


def test_a_consent_is_taken_once_within_ten_minutes_and_erasure_forgets_it(
    app: Televent, clock: FakeClock
) -> None:
    alice = alice_of(app)
    app.google_consent_started(alice, "state-1", "verifier-1")
    taken = app.google_consent_taken("state-1")
    assert taken is not None and (taken.account_id, taken.verifier) == (alice, "verifier-1")
    assert app.google_consent_taken("state-1") is None  # once
    assert app.google_consent_taken("never-given") is None
    app.google_consent_started(alice, "state-2", "verifier-2")
    clock.advance(minutes=11)
    assert app.google_consent_taken("state-2") is None  # too late
    app.google_consent_started(alice, "state-3", "verifier-3")
    with app.views.read() as db:  # kept by a digest of the state, never the state itself
        rows = db.all("SELECT * FROM google_consents")
        assert "state-3" not in json.dumps(rows)
    PersonalData(app).erase(1, operator="tests", reason="Art. 17")
    with app.views.read() as db:
        assert db.all("SELECT * FROM google_consents") == []


def test_the_refresh_token_is_kept_like_a_password(app: Televent, google: GoogleStandIn) -> None:
    connection, _, token = connected(app, google, unique("keeper"))
    assert app.credentials_of(connection)[1] == token
    view = app.queries.connection(connection)
    assert view is not None and view.kind == "google" and view.server == "127.0.0.1"
    with app.views.read() as db:
        for table in ("connections", "mirrored_calendars", "calendars"):
            assert token not in json.dumps(db.all(f"SELECT * FROM {table}"), default=str)
        rows = db.all(f"SELECT state FROM {app.events_table}")
        assert not any(token.encode() in bytes(row["state"]) for row in rows)


def test_pages_changes_a_dropped_token_and_rate_limits(
    app: Televent, google: GoogleStandIn
) -> None:
    email = unique("pages")
    google.add_account(email)
    for number in range(120):
        google.write(email, email, {"summary": f"Event {number}", **timed(1 + number % 20, 8)})
    connection, calendar, _ = connected(app, google, email)
    google.most_per_page = 50
    try:
        asked_before = google.calls["GET events"]
        assert sync_all(app, google) >= 1
        assert google.calls["GET events"] - asked_before == 3  # 50 + 50 + 20
        assert len(titles(app, calendar)) == 120

        first = google.events(email, email)[0]
        google.write(email, email, {"summary": "Renamed"}, event_id=first["id"])
        google.remove(email, email, google.events(email, email)[1]["id"])
        asked_before = google.calls["GET events"]
        sync_all(app, google)
        assert google.calls["GET events"] - asked_before == 1  # only what changed
        assert "Renamed" in titles(app, calendar) and len(titles(app, calendar)) == 119

        google.expire_sync_tokens()
        google.write(email, email, {"summary": "After the drop", **timed(25, 9)})
        google.limit(2, 429)
        google.limit(1, 403)
        sync_all(app, google)
        mirror = app.queries.mirror(calendar)
        assert mirror is not None and mirror.failures == 0, mirror
        shown = titles(app, calendar)
        assert len(shown) == 120 and len(set(shown)) == 120 and "After the drop" in shown
    finally:
        google.most_per_page = 2500
    assert connection


def test_a_push_channel_is_opened_renewed_before_it_expires_and_checked(
    app: Televent, google: GoogleStandIn, clock: FakeClock
) -> None:
    email = unique("push")
    _, calendar, _ = connected(app, google, email)
    push = "http://127.0.0.1:9/webhooks/google"  # nothing listens: Google's messages fail

    def channels() -> list[Any]:
        return [c for c in google.channels.values() if c.email == email]

    sync_all(app, google, push)
    [first] = channels()
    assert first.address == push and first.token and not first.stopped
    assert not app.google_notified(first.id, "not its token")
    assert not app.google_notified("not a channel", first.token)
    clock.advance(minutes=1)
    assert app.google_notified(first.id, first.token)
    mirror = app.queries.mirror(calendar)
    assert mirror is not None and mirror.next_due == stamp(clock())  # due at once
    sync_all(app, google, push)
    assert channels() == [first]  # a week left: kept

    clock.advance(days=6, hours=1)  # less than a day left: renewed, the old one closed
    sync_all(app, google, push)
    renewed = [c for c in channels() if not c.stopped]
    assert len(renewed) == 1 and renewed[0].id != first.id and first.stopped
    assert not app.google_notified(first.id, first.token)
    assert app.google_notified(renewed[0].id, str(renewed[0].token))
    sync_all(app, google)  # without a push address: no channel asked for
    assert len(channels()) == 2


def test_a_revoked_account_fails_alone_and_says_why(app: Televent, google: GoogleStandIn) -> None:
    _, revoked, token = connected(app, google, unique("revoked"))
    working_email = unique("working")
    _, working, _ = connected(app, google, working_email)
    google.write(working_email, working_email, {"summary": "Works", **timed(2, 9)})
    google.grants[token].revoked = True
    sync_all(app, google)
    failed, fine = app.queries.mirror(revoked), app.queries.mirror(working)
    assert failed is not None and failed.failures == 1
    assert failed.last_error is not None and failed.last_error.startswith("unauthorized")
    assert fine is not None and fine.failures == 0 and titles(app, working) == ["Works"]


def test_an_event_made_here_reaches_google_once_under_its_own_id(
    app: Televent, google: GoogleStandIn
) -> None:
    email = unique("writer")
    _, calendar, _ = connected(app, google, email)
    sync_all(app, google)
    alice = alice_of(app)
    body = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
            "UID:made-here@televent\r\nDTSTAMP:20261101T000000Z\r\n"
            "DTSTART;TZID=Europe/Berlin:20261203T100000\r\n"
            "DTEND;TZID=Europe/Berlin:20261203T110000\r\nSUMMARY:Dentist\r\n"
            "RRULE:FREQ=WEEKLY;COUNT=3\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")  # fmt: skip
    app.put_object(calendar, "dentist.ics", body, actor=ACTOR, source=SOURCE, by=alice)
    writes_before = len(google.send_updates)
    sync_all(app, google)
    [made] = [e for e in google.events(email, email) if e.get("summary") == "Dentist"]
    assert made["id"] == google_event_id("made-here@televent")
    assert made["iCalUID"] == "made-here@televent"
    assert made["start"] == {"dateTime": "2026-12-03T10:00:00+01:00", "timeZone": "Europe/Berlin"}
    assert made["recurrence"] == ["RRULE:FREQ=WEEKLY;COUNT=3"]
    assert google.send_updates[writes_before:] == ["none"]
    assert app.queries.writebacks(calendar) == []
    # Google lists what was written from here with the ETag noted for it: not stored again
    # (a CalDAV client would see a new ETag for nothing).
    before = {o.uid: o.etag for o in app.queries.objects_in(calendar)}
    sync_all(app, google)
    assert {o.uid: o.etag for o in app.queries.objects_in(calendar)} == before
    # The insert is sent again (its answer lost in a crash): Google holds just that already,
    # so it counts as written, no conflict; still one event. Another version there is a
    # conflict, which the rule settles.
    client = GoogleCalendarClient(google.endpoints(), google.grant(email))
    url = google.endpoints().calendar_url(email) + made["id"]
    assert asyncio.run(client.put(url, body, None, new=True)) == made["etag"]
    assert len([e for e in google.events(email, email) if e.get("summary") == "Dentist"]) == 1
    google.write(email, email, {"summary": "Dentist (moved)"}, event_id=made["id"])
    with pytest.raises(RemoteChangedError):
        asyncio.run(client.put(url, body, None, new=True))
    with pytest.raises(RemoteChangedError):
        asyncio.run(client.put(url, body, made["etag"], new=False))

    sync_all(app, google)  # Google's change comes, and is the event's version here now
    assert "Dentist (moved)" in titles(app, calendar)


def vevent(uid: str, title: str, day: int) -> str:
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
            f"UID:{uid}\r\nDTSTAMP:20261101T000000Z\r\n"
            f"DTSTART:202612{day:02d}T090000Z\r\nDTEND:202612{day:02d}T093000Z\r\n"
            f"SUMMARY:{title}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")  # fmt: skip


def test_a_rounds_write_backs_go_in_batches_each_with_its_own_outcome(
    app: Televent, google: GoogleStandIn
) -> None:
    email = unique("batch")
    _, calendar, _ = connected(app, google, email)
    sync_all(app, google)
    alice = alice_of(app)

    def put(uid: str, title: str, day: int) -> None:
        href = next((o.href for o in app.queries.objects_in(calendar) if o.uid == uid), None)
        app.put_object(calendar, href or f"{uid}.ics", vevent(uid, title, day), actor=ACTOR,
                       source=SOURCE, by=alice)  # fmt: skip

    # 60 events made here: two batch requests (50 + 10), each event inserted once.
    for number in range(60):
        put(f"b{number}@televent", f"Batch {number}", 1 + number % 28)
    batches, inserts = google.calls["POST batch"], google.calls["POST events"]
    writes_before = len(google.send_updates)
    sync_all(app, google)
    assert google.calls["POST batch"] - batches == 2
    assert google.calls["POST events"] - inserts == 60
    on_google = sorted(e["summary"] for e in google.events(email, email))
    assert on_google == sorted(f"Batch {n}" for n in range(60))
    assert set(google.send_updates[writes_before:]) == {"none"}
    assert app.queries.writebacks(calendar) == []
    mirror = app.queries.mirror(calendar)
    assert mirror is not None and mirror.failures == 0

    # One round: a change Google refuses for its usage limit (sent again alone, with the
    # library's back-off), a change to an event changed on Google meanwhile (the conflict
    # rule: Google's version here, Alice told), a deletion, and an ordinary change; each part
    # has its own outcome and none holds up another.
    by_title = {e["summary"]: e for e in google.events(email, email)}
    put("b0@televent", "Batch 0 (limited)", 2)
    put("b1@televent", "Batch 1 (mine)", 3)
    put("b2@televent", "Batch 2 (changed)", 4)
    app.delete_object(
        calendar,
        next(o.href for o in app.queries.objects_in(calendar) if o.uid == "b3@televent"),
        actor=ACTOR, source=SOURCE, by=alice,
    )  # fmt: skip
    google.write(email, email, {"summary": "Batch 1 (theirs)"}, event_id=by_title["Batch 1"]["id"])
    batches = google.calls["POST batch"]
    google.limit(1, 429)  # the batch's first call
    sync_all(app, google)
    assert google.calls["POST batch"] - batches == 1
    on_google = {e["summary"] for e in google.events(email, email)}
    assert {"Batch 0 (limited)", "Batch 1 (theirs)", "Batch 2 (changed)"} <= on_google
    assert "Batch 3" not in on_google and len(on_google) == 59
    here = titles(app, calendar)
    assert {"Batch 0 (limited)", "Batch 1 (theirs)", "Batch 2 (changed)"} <= set(here)
    assert "Batch 3" not in here and len(here) == 59
    assert [n["summary"] for n in overruled_notices(app)] == ["Batch 1 (mine)"]
    assert app.queries.writebacks(calendar) == []
    mirror = app.queries.mirror(calendar)
    assert mirror is not None and mirror.failures == 0

    # Google unreachable for the whole batch: every change in it waits for its back-off,
    # with the reason, and goes in a later round.
    put("b4@televent", "Batch 4 (later)", 5)
    put("b5@televent", "Batch 5 (later)", 6)
    google.failing_batches = 1  # Google answers the batch request itself 503
    sync_all(app, google)
    waiting = app.queries.writebacks(calendar)
    assert len(waiting) == 2 and all(w.attempts == 1 for w in waiting), waiting
    with app.views.read() as db:
        errors = [r["last_error"] for r in db.all("SELECT last_error FROM connection_writebacks")]
    assert errors == ["status: Google answered 503 to a batch of write-backs."] * 2
    with app.views.write() as db:
        db.run("UPDATE connection_writebacks SET next_attempt = NULL")
    sync_all(app, google)
    assert app.queries.writebacks(calendar) == []
    assert {"Batch 4 (later)", "Batch 5 (later)"} <= {
        e["summary"] for e in google.events(email, email)
    }
    report = Rebuilder(app.engine, app.views).run(verify=True)
    assert report.matches, report.differences


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(st.sampled_from(["add", "rename", "remove", "move-instance", "cancel-instance"]),
                  st.integers(0, 5)),
        min_size=1, max_size=8,
    ),
    st.booleans(),
)  # fmt: skip
def test_any_history_on_google_converges_and_rebuilds_equal(
    backend: Backend, google: GoogleStandIn, history: list[tuple[str, int]], drop_token: bool
) -> None:
    with backend.fresh_app(FakeClock()) as app:
        converges(app, google, history, drop_token)


def converges(
    app: Televent, google: GoogleStandIn, history: list[tuple[str, int]], drop_token: bool
) -> None:
    email = f"h{abs(hash((tuple(history), drop_token))) % 10**9}@gmail.com"
    google.add_account(email)
    weekly = {"summary": "Weekly", "recurrence": ["RRULE:FREQ=WEEKLY;COUNT=6"], **timed(1, 7)}
    series = google.write(email, email, weekly)
    _, calendar, _ = connected(app, google, email)
    sync_all(app, google)
    for step, (what, n) in enumerate(history):
        every = google.events(email, email, cancelled=True)
        singles = [
            e for e in every
            if e.get("status") != "cancelled" and not e.get("recurrence")
            and "recurringEventId" not in e
        ]  # fmt: skip
        instance = f"{series['id']}_202612{1 + 7 * (n % 5):02d}T070000Z"
        gone = any(e["id"] == instance and e.get("status") == "cancelled" for e in every)
        if what == "add" or (not singles and what in {"rename", "remove"}):
            google.write(email, email, {"summary": f"New {step}", **timed(2 + n, 9)})
        elif what == "rename":
            google.write(email, email, {"summary": f"Renamed {step}"},
                         event_id=singles[n % len(singles)]["id"])  # fmt: skip
        elif what == "remove":
            google.remove(email, email, singles[n % len(singles)]["id"])
        elif what == "move-instance" and not gone:
            google.write(email, email, {"summary": f"Moved {step}"}, event_id=instance)
        elif what == "cancel-instance" and not gone:
            google.remove(email, email, instance)
        if drop_token and step == len(history) // 2:
            google.expire_sync_tokens()
        if step % 3 == 2:
            sync_all(app, google)
    sync_all(app, google)
    expected = sorted(
        e.get("summary", "") for e in google.events(email, email)
        if "recurringEventId" not in e
    )  # fmt: skip
    objects = list(app.queries.objects_in(calendar))
    masters = sorted(
        next(line[8:] for line in o.ical.split("BEGIN:VEVENT")[1].splitlines()
             if line.startswith("SUMMARY:"))
        for o in objects
    )  # fmt: skip
    assert masters == expected
    moved = {e["id"]: e["summary"] for e in google.events(email, email) if "recurringEventId" in e}
    [weekly] = [o for o in objects if "RRULE" in o.ical]
    assert weekly.ical.count("RECURRENCE-ID") == len(moved)
    cancelled = [e for e in google.events(email, email, cancelled=True)
                 if e.get("status") == "cancelled" and "recurringEventId" in e]  # fmt: skip
    assert weekly.ical.count("EXDATE") == len(cancelled)
    report = Rebuilder(app.engine, app.views).run(verify=True)
    assert report.matches, report.differences
