"""Connected CalDAV accounts in the application (docs/adr/0026), on SQLite and PostgreSQL: a
connection makes one calendar per remote calendar, its owner's; a sync stores what changed per
resource and logs only the difference, under a source that sends nothing; a resource the other
server no longer has takes its event with it, a bad one is skipped and keeps its event; a sync
stored twice (a crash before its bookkeeping) changes nothing the second time; the password is
nowhere but the sealed log (no read model, audit line or export); removing the connection
deletes its calendars or keeps them as ordinary ones; erasure takes it all; any series of
syncs converges on the remote calendar and rebuilds equal."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from televent.application.connections import RemoteCalendarFound, RemoteChange, SyncReport
from televent.application.televent import Televent
from televent.domain.connection import Connection
from televent.domain.errors import ConflictError, DomainError, ForbiddenError, NotFoundError
from televent.domain.sharing import Action, Role
from televent.infrastructure.sealed_secrets import SealedSecrets
from televent.ops.audit import Audit
from televent.ops.gdpr import PersonalData
from televent.projections.rebuild import Rebuilder
from tests.conftest import Backend, FakeClock

ACTOR, SOURCE = "account:tests", "api:tma"
SECRET = "app-pass-7Qx9-zz"  # the password: it must appear nowhere but the sealed log
HOME = "https://dav.example.com/calendars/anna/"
WORK, FAMILY = HOME + "work/", HOME + "family/"


def vevent(uid: str, title: str, day: int = 1, extra: str = "") -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Remote//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:202612{day:02d}T090000Z\r\n"
        f"DTEND:202612{day:02d}T100000Z\r\nSUMMARY:{title}\r\n{extra}END:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )


def alice_of(app: Televent) -> UUID:
    account = app.queries.account_by_telegram_id(1)
    if account is None:
        app.register_account(1, name="Alice", timezone="Europe/Berlin", actor=ACTOR, source=SOURCE)
        account = app.queries.account_by_telegram_id(1)
    assert account is not None
    return account.account_id


def connect(app: Televent, alice: UUID, username: str = "anna") -> UUID:
    return app.connect_account(
        alice,
        kind="caldav",
        address="anna@example.com",
        principal_url="https://dav.example.com/principals/anna/",
        home_url=HOME,
        username=username,
        password=SECRET,
        calendars=[RemoteCalendarFound(WORK, "Work", "#FF0000"), RemoteCalendarFound(FAMILY, "")],
        actor=ACTOR,
        source=SOURCE,
    )


def mirrors(app: Televent, connection: UUID) -> dict[str, UUID]:
    found = app.queries.connection(connection)
    assert found is not None
    return {m.url: m.calendar_id for m in found.calendars}


def sync(
    app: Televent,
    calendar: UUID,
    changed: dict[str, str],
    removed: tuple[str, ...] = (),
    *,
    complete: bool = False,
    token: str | None = None,
) -> SyncReport:
    """One sync as the job makes it: the command, then its bookkeeping."""
    changes = [RemoteChange(WORK + href, f'"{hash(data)}"', data) for href, data in changed.items()]
    report = app.sync_mirror(
        calendar, changes, [WORK + h for h in removed], complete=complete, actor=ACTOR
    )
    app.mirror_synced(calendar, report, token=token, now=app.clock())
    return report


def titles(app: Televent, calendar: UUID) -> dict[str, str]:
    found = {}
    for obj in app.queries.objects_in(calendar):
        line = next(x for x in obj.ical.split("\r\n") if x.startswith("SUMMARY:"))
        found[obj.uid] = line.removeprefix("SUMMARY:")
    return found


def test_a_connection_makes_calendars_that_syncs_fill_by_difference(
    app: Televent,
) -> None:
    alice = alice_of(app)
    connection = connect(app, alice)
    calendars = mirrors(app, connection)
    work = calendars[WORK]
    listed = {c.calendar_id: c for c in app.queries.calendars_of(alice)}
    assert listed[work].display_name == "Work" and listed[work].color == "#FF0000"
    assert listed[calendars[FAMILY]].display_name == "dav.example.com"  # no name of its own
    assert listed[work].connection_id == connection
    assert app.queries.role_in(work, alice) is Role.OWNER  # changes are written back

    first = sync(app, work, {"a.ics": vevent("a@r", "Standup"), "b.ics": vevent("b@r", "Lunch")},
                 complete=True, token="t1")  # fmt: skip
    assert (first.added, first.changed, first.removed, first.outcome) == (2, 0, 0, "2 added")
    assert titles(app, work) == {"a@r": "Standup", "b@r": "Lunch"}
    assert titles(app, calendars[FAMILY]) == {}
    mirror = app.queries.mirror(work)
    assert mirror is not None and mirror.sync_token == "t1" and mirror.state == "ok"

    # A meeting on the other server, moved there, with guests and Alice among them.
    guests = (
        "ORGANIZER:mailto:boss@example.org\r\n"
        "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:tg_1@televent.internal\r\n"
        "ATTENDEE:mailto:bob@example.org\r\n"
    )
    second = sync(app, work, {"a.ics": vevent("a@r", "Standup (moved)", 2, guests)}, ("b.ics",))
    assert (second.added, second.changed, second.removed) == (0, 1, 1)
    assert titles(app, work) == {"a@r": "Standup (moved)"}
    nothing_sent(app)  # the other server's clients schedule its meetings

    # Its owner changes it (written back, tests/integration/test_connection_writeback.py);
    # nobody else does (the one rule).
    app.require_access(alice, work, Action.WRITE)
    app.register_account(2, name="Bob", timezone="Europe/Berlin", actor=ACTOR, source=SOURCE)
    bob = app.queries.account_by_telegram_id(2)
    assert bob is not None
    with pytest.raises((ForbiddenError, NotFoundError)):
        app.require_access(bob.account_id, work, Action.WRITE)


def test_a_bad_resource_is_skipped_and_keeps_its_event_and_a_repeated_sync_changes_nothing(
    app: Televent,
) -> None:
    alice = alice_of(app)
    work = mirrors(app, connect(app, alice))[WORK]
    sync(app, work, {"a.ics": vevent("a@r", "Standup"), "b.ics": vevent("b@r", "Lunch")},
         complete=True)  # fmt: skip
    broken = sync(app, work, {"a.ics": "this is not iCalendar"})
    assert len(broken.skipped) == 1 and broken.removed == 0
    assert titles(app, work) == {"a@r": "Standup", "b@r": "Lunch"}

    # The same changes stored twice (the job killed between a sync and its bookkeeping):
    # the second time nothing is written.
    changes = [RemoteChange(WORK + "c.ics", '"1"', vevent("c@r", "Review"))]
    app.sync_mirror(work, changes, [], complete=False, actor=ACTOR)
    with app.views.read() as db:
        before = db.scalar(f"SELECT COUNT(*) FROM {app.events_table}")
    again = app.sync_mirror(work, changes, [], complete=False, actor=ACTOR)
    with app.views.read() as db:
        assert db.scalar(f"SELECT COUNT(*) FROM {app.events_table}") == before
    assert (again.added, again.changed, again.removed) == (0, 0, 0)

    # A complete listing that no longer has an event's resource deletes it, even one whose
    # resource the bookkeeping never heard of.
    complete = sync(app, work, {"a.ics": vevent("a@r", "Standup")}, ("b.ics",), complete=True)
    assert titles(app, work) == {"a@r": "Standup"} and complete.removed == 2


def test_two_resources_with_one_uid_keep_the_calendar_syncing(app: Televent) -> None:
    """A server that holds one UID under two resources (its own bug) does not stop the
    calendar's sync: the first is stored, the second is skipped with its reason, and the
    next sync goes on as usual."""
    alice = alice_of(app)
    work = mirrors(app, connect(app, alice))[WORK]
    first = sync(app, work, {"a.ics": vevent("a@r", "Standup"), "a-copy.ics": vevent("a@r", "Copy"),
                             "b.ics": vevent("b@r", "Lunch")}, complete=True)  # fmt: skip
    assert (first.added, [left.code for left in first.skipped]) == (2, ["repeated"])
    assert titles(app, work) == {"a@r": "Standup", "b@r": "Lunch"}
    again = sync(app, work, {"c.ics": vevent("c@r", "Review")})
    assert again.added == 1 and titles(app, work)["c@r"] == "Review"
    # The copy gone from the other server takes nothing with it: the first resource holds it.
    gone = sync(app, work, {}, ("a-copy.ics",))
    assert gone.removed == 0 and titles(app, work)["a@r"] == "Standup"


def test_the_password_is_only_in_the_sealed_log_and_erasure_takes_the_connection(
    app: Televent, tmp_path: Path, clock: FakeClock
) -> None:
    alice = alice_of(app)
    connection = connect(app, alice)
    work = mirrors(app, connection)[WORK]
    sync(app, work, {"a.ics": vevent("a@r", "Standup")}, complete=True)
    app.put_object(work, "m.ics", vevent("m@t", "Mine"), actor=ACTOR, source=SOURCE, by=alice)
    assert len(app.queries.writebacks(work)) == 1  # to be written back: erasure takes it too
    assert app.credentials_of(connection) == ("anna", SECRET)
    with app.views.read() as db:
        for table in ("connections", "mirrored_calendars", "connection_sync_state", "calendars"):
            assert SECRET not in json.dumps(db.all(f"SELECT * FROM {table}"), default=str)
        # sealed: the log's stored state does not hold it in clear
        rows = db.all(f"SELECT state FROM {app.events_table}")
        assert not any(SECRET.encode() in bytes(row["state"]) for row in rows)
    timeline = Audit(app).account_timeline(1)
    lines = [line for e in timeline for line in e.diff]
    assert "connected the CALDAV account 'anna' of dav.example.com: 2 calendars" in lines
    assert "'Work' synced: 1 added" in lines
    assert SECRET not in json.dumps([e.as_dict() for e in timeline], default=str)
    archive = tmp_path / "export.zip"
    PersonalData(app).export(1, archive, operator="tests", reason="Art. 15")
    with zipfile.ZipFile(archive) as opened:
        exported = json.loads(opened.read("connections.json"))
        assert [n for n in opened.namelist() if SECRET.encode() in opened.read(n)] == []
    assert exported[0]["server"] == "dav.example.com" and exported[0]["username"] == "anna"
    assert {c["name"] for c in exported[0]["calendars"]} == {"Work", "dav.example.com"}

    PersonalData(app).erase(1, operator="tests", reason="Art. 17")
    assert app.queries.connection(connection) is None
    with pytest.raises(NotFoundError):
        app.credentials_of(connection)
    with app.views.read() as db:
        for table in ("connections", "mirrored_calendars", "connection_sync_state"):
            assert db.all(f"SELECT * FROM {table}") == []
        assert db.all("SELECT * FROM connection_resources") == []
        assert db.all("SELECT * FROM connection_writebacks") == []
    clock.advance(hours=2)  # the password's own key goes with the next sweep
    assert app.forget_removed_secrets() == 1 and app.keys.secret_key(connection) is None


def made_password(app: Televent, connection: UUID) -> str:
    """The password as the log holds it: the ConnectionMade event, opened with its person's
    key (what anyone holding the database and the key store could read)."""
    made = next(iter(app.events.get(connection, lte=1)))
    return str(made.password)


def test_removing_a_connection_leaves_its_password_unreadable_in_the_log(app: Televent) -> None:
    alice = alice_of(app)
    connection = connect(app, alice)
    stored = made_password(app, connection)
    assert SECRET not in stored  # sealed once more, with a key of the connection's own
    assert SealedSecrets(app.keys).open(connection, stored) == SECRET
    other = connect(app, alice, username="anna2")

    app.remove_connection(connection, by=alice, keep_events=True, actor=ACTOR, source=SOURCE)
    assert made_password(app, connection) == stored  # the log is never rewritten ...
    assert SealedSecrets(app.keys).open(connection, stored) is None  # ... but cannot be opened
    with pytest.raises(NotFoundError):
        app.credentials_of(connection)
    assert app.credentials_of(other) == ("anna2", SECRET)  # the person's other secrets stay
    # the person's own events are read as before: only the secret's key went
    assert {c.connection_id for c in app.queries.connections_of(alice)} == {other}


def test_a_connection_recorded_before_sealing_still_reads_its_password(app: Televent) -> None:
    alice = alice_of(app)
    older = Connection(
        account_id=alice, key="older", kind="caldav", address="anna@example.com",
        principal_url="https://old.example.com/p/", home_url="https://old.example.com/h/",
        username="anna", password=SECRET, calendars={}, actor=ACTOR, source=SOURCE,
    )  # fmt: skip
    app.save(older)
    assert app.credentials_of(older.id) == ("anna", SECRET)
    app.remove_connection(older.id, by=alice, keep_events=False, actor=ACTOR, source=SOURCE)
    with pytest.raises(NotFoundError):
        app.credentials_of(older.id)


def test_the_sweep_forgets_the_passwords_a_crash_left_readable(
    app: Televent, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    alice = alice_of(app)
    kept = connect(app, alice)
    removed = connect(app, alice, username="anna2")
    with monkeypatch.context() as crash:  # the process dies between the removal and the key
        crash.setattr(SealedSecrets, "forget", lambda self, *secrets: None)
        app.remove_connection(removed, by=alice, keep_events=False, actor=ACTOR, source=SOURCE)
    stored = made_password(app, removed)
    assert SealedSecrets(app.keys).open(removed, stored) == SECRET  # still readable
    never = uuid4()  # connecting died after sealing, before the log was written
    SealedSecrets(app.keys).seal(never, SECRET)
    assert app.forget_removed_secrets() == 0  # too young: connecting may be under way
    clock.advance(hours=2)
    starting = connect(app, alice, username="anna3")  # a connection being made right now
    assert app.forget_removed_secrets() == 2
    assert SealedSecrets(app.keys).open(removed, stored) is None
    assert app.keys.secret_key(never) is None
    assert app.credentials_of(kept) == ("anna", SECRET)
    assert app.credentials_of(starting) == ("anna3", SECRET)
    assert app.forget_removed_secrets() == 0


def test_removing_a_connection_deletes_its_calendars_or_keeps_them_as_ordinary_ones(
    app: Televent,
) -> None:
    alice = alice_of(app)
    connection = connect(app, alice)
    work = mirrors(app, connection)[WORK]
    sync(app, work, {"a.ics": vevent("a@r", "Standup")}, complete=True)
    with pytest.raises(ConflictError):
        connect(app, alice)  # the same account, the same user: connected already
    app.register_account(2, name="Bob", timezone="Europe/Berlin", actor=ACTOR, source=SOURCE)
    bob = app.queries.account_by_telegram_id(2)
    assert bob is not None
    with pytest.raises(NotFoundError):  # someone else's connection is not even seen
        app.remove_connection(connection, by=bob.account_id, keep_events=False, actor=ACTOR,
                              source=SOURCE)  # fmt: skip

    app.put_object(work, "m.ics", vevent("m@t", "Mine"), actor=ACTOR, source=SOURCE, by=alice)
    app.remove_connection(connection, by=alice, keep_events=True, actor=ACTOR, source=SOURCE)
    assert app.queries.connection(connection) is None
    assert app.queries.writebacks(work) == []  # nothing goes to a server no longer connected
    assert titles(app, work) == {"a@r": "Standup", "m@t": "Mine"}  # kept, hers
    assert app.queries.role_in(work, alice) is Role.OWNER  # an ordinary calendar now
    assert app.queries.mirror(work) is None
    with pytest.raises(NotFoundError):
        app.credentials_of(connection)
    with pytest.raises(NotFoundError):
        app.remove_connection(connection, by=alice, keep_events=True, actor=ACTOR, source=SOURCE)

    again = connect(app, alice)  # connected again: a new connection, new calendars
    assert again != connection
    meeting = vevent("m@r", "Board", 3, "ORGANIZER:mailto:tg_1@televent.internal\r\n"
                     "ATTENDEE:mailto:bob@example.org\r\n")  # fmt: skip
    sync(app, mirrors(app, again)[WORK], {"m.ics": meeting}, complete=True)
    app.remove_connection(again, by=alice, keep_events=False, actor=ACTOR, source=SOURCE)
    assert {c.calendar_id for c in app.queries.calendars_of(alice)} == {work} | own(app, alice)
    nothing_sent(app)  # Bob is not told of a cancellation: the meeting is still on there


def nothing_sent(app: Televent) -> None:
    with app.views.read() as db:
        assert db.all("SELECT recipient FROM mail_outbox") == []
        assert db.all("SELECT chat_id FROM telegram_outbox") == []


def own(app: Televent, alice: UUID) -> set[UUID]:
    return {c.calendar_id for c in app.queries.calendars_of(alice) if c.connection_id is None}


def test_refusals_are_worded(app: Televent) -> None:
    alice = alice_of(app)
    for kwargs in ({"username": ""}, {"password": ""}, {"calendars": []}):
        base = {
            "kind": "caldav", "address": "x", "principal_url": "https://d.example/p/",
            "home_url": "https://d.example/h/", "username": "u", "password": "p",
            "calendars": [RemoteCalendarFound("https://d.example/h/c/", "C")],
            "actor": ACTOR, "source": SOURCE,
        }  # fmt: skip
        with pytest.raises(DomainError) as refused:
            app.connect_account(alice, **{**base, **kwargs})  # type: ignore[arg-type]
        assert refused.value.wording is not None
        assert refused.value.wording[0].startswith("refusal-connections-")


remote_states = st.dictionaries(
    st.sampled_from(["a", "b", "c", "d"]),
    st.tuples(st.sampled_from(["Standup", "Lunch", "Review"]), st.integers(1, 28)),
    max_size=4,
)


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history=st.lists(remote_states, min_size=1, max_size=4))
def test_any_series_of_syncs_converges_on_the_remote_calendar_and_rebuilds_equal(
    backend: Backend, history: list[dict[str, tuple[str, int]]]
) -> None:
    with backend.fresh_app(FakeClock()) as app:
        alice = alice_of(app)
        work = mirrors(app, connect(app, alice))[WORK]
        before: dict[str, tuple[str, int]] = {}
        for state in history:
            changed = {
                f"{name}.ics": vevent(f"{name}@r", title, day)
                for name, (title, day) in state.items()
                if before.get(name) != (title, day)
            }
            removed = tuple(f"{name}.ics" for name in before if name not in state)
            sync(app, work, changed, removed)
            assert titles(app, work) == {f"{n}@r": title for n, (title, _) in state.items()}
            before = state
        report = Rebuilder(app.engine, app.views).run(verify=True)
        assert report.matches, report.differences
