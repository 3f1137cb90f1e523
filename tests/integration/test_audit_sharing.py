"""The audit of shared calendars, on SQLite and PostgreSQL: every member event reads as a
sentence in the owner's timeline ("Ann shared 'Family' with Bob (can edit)"), the member finds
what concerns them in their own ("Ann shared 'Family' with you"), a member's change names the
role they had at that moment, a kind the audit cannot decode is listed instead of ending the
timeline, and `televent audit account` prints it all."""

from __future__ import annotations

import json
from pathlib import Path
from uuid import UUID

import pytest

from televent.application.televent import Televent
from televent.bootstrap import build_application
from televent.config import Settings
from televent.ops.audit import Audit, TimelineEntry, render_timeline
from televent.projections.rebuild import Rebuilder
from tests.conftest import Backend, FakeClock
from tests.integration.test_cli import Cli

ANN, BOB, CAROL = 101, 202, 303
DAVX5 = "caldav:DAVx5"


def _dentist(start: str = "20260305T100000Z", summary: str = "Dentist") -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:dentist\r\nDTSTAMP:20260301T090000Z\r\nDTSTART:{start}\r\n"
        f"DTEND:{start[:9]}235900Z\r\nSUMMARY:{summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def _register(app: Televent) -> dict[int, UUID]:
    ids = {}
    for telegram_id, name in ((ANN, "Ann"), (BOB, "Bob"), (CAROL, "Carol")):
        app.register_account(telegram_id, name=name, actor="system:", source="cli:operator")
        account = app.queries.account_by_telegram_id(telegram_id)
        assert account is not None
        ids[telegram_id] = account.account_id
    return ids


def _by(account_id: UUID) -> str:
    return f"account:{account_id}"


def family_story(app: Televent, clock: FakeClock) -> UUID:
    """Ann shares 'Family' with Bob (can edit); Bob accepts and moves the dentist through
    DAVx5; Ann makes him a reader; he renames it for himself; Carol declines, is invited again,
    accepts and is removed; Ann makes Bob a manager, he adds the dentist's room, then leaves."""
    people = _register(app)
    ann, bob, carol = people[ANN], people[BOB], people[CAROL]
    clock.advance(hours=1)
    family = app.create_calendar(
        ann, "family", {"display_name": "Family"}, actor=_by(ann), source="bot:101"
    )
    app.share_calendar(family, by=ann, member=bob, role="write", actor=_by(ann), source="bot:101")
    clock.advance(minutes=5)
    app.answer_calendar_invitation(family, by=bob, accept=True, actor=_by(bob), source="api:tma")
    clock.advance(minutes=5)
    app.put_object(family, "dentist.ics", _dentist(), actor=_by(bob), source=DAVX5, by=bob)
    app.put_object(
        family,
        "dentist.ics",
        _dentist("20260305T110000Z"),
        actor=_by(bob),
        source=DAVX5,
        by=bob,
    )
    clock.advance(hours=1)
    app.change_member_role(
        family, by=ann, member=bob, role="read", actor=_by(ann), source="bot:101"
    )
    app.set_member_properties(
        family,
        by=bob,
        changes={"display_name": "Home", "color": "#00ff00"},
        actor=_by(bob),
        source=DAVX5,
    )
    app.share_calendar(family, by=ann, member=carol, role="read", actor=_by(ann), source="bot:101")
    app.answer_calendar_invitation(
        family, by=carol, accept=False, actor=_by(carol), source="bot:303"
    )
    app.share_calendar(family, by=ann, member=carol, role="read", actor=_by(ann), source="bot:101")
    app.answer_calendar_invitation(
        family, by=carol, accept=True, actor=_by(carol), source="bot:303"
    )
    app.remove_member(family, by=ann, member=carol, actor=_by(ann), source="api:tma")
    clock.advance(hours=1)
    app.change_member_role(
        family, by=ann, member=bob, role="manage", actor=_by(ann), source="bot:101"
    )
    app.put_object(
        family,
        "dentist.ics",
        _dentist("20260305T110000Z", "Dentist, room 4"),
        actor=_by(bob),
        source=DAVX5,
        by=bob,
    )
    app.remove_member(family, by=bob, member=bob, actor=_by(bob), source="bot:202")
    return family


def sentences(entries: list[TimelineEntry]) -> list[str]:
    """The lines an operator reads of the entries about calendars' members."""
    return [line for e in entries if e.kind.startswith("Member") for line in e.diff]


def test_the_owners_timeline_tells_every_membership(app: Televent, clock: FakeClock) -> None:
    family_story(app, clock)
    ann = Audit(app).account_timeline(ANN)
    members = [e for e in ann if e.kind.startswith("Member")]
    assert [(e.kind, list(e.diff)) for e in members] == [
        ("MemberInvited", ["Ann shared 'Family' with Bob (can edit)"]),
        ("MembershipAccepted", ["Bob accepted 'Family' (can edit)"]),
        ("MemberRoleChanged", ["Ann made Bob able to view 'Family'"]),
        (
            "MemberPropertiesSet",
            [
                "Bob renamed 'Family' for themselves: 'Home'",
                "Bob chose their own colour for 'Family': '#00ff00'",
            ],
        ),
        ("MemberInvited", ["Ann shared 'Family' with Carol (can view)"]),
        ("MemberRemoved", ["Carol declined 'Family'"]),
        ("MemberInvited", ["Ann shared 'Family' with Carol (can view)"]),
        ("MembershipAccepted", ["Carol accepted 'Family' (can view)"]),
        ("MemberRemoved", ["Ann removed Carol from 'Family'"]),
        ("MemberRoleChanged", ["Ann made Bob able to manage 'Family'"]),
        ("MemberRemoved", ["Bob left 'Family'"]),
    ]
    invited = members[0]
    assert (invited.what, invited.subject, invited.who, invited.through) == (
        "calendar shared",
        "calendar 'family'",
        "Ann (Telegram 101)",
        "Telegram chat 101",
    )
    assert invited.calendar_owner == "Ann (Telegram 101)" and invited.actor_role is None
    # Bob's own acceptance: he was no member yet; his leaving: he was a manager then.
    assert (members[1].who, members[1].through) == ("Bob (Telegram 202)", "Mini App (JSON API)")
    assert members[-1].who == "Bob (Telegram 202; member, can manage)"
    rendered = render_timeline(ann)
    assert "calendar shared): calendar 'family' of Ann (Telegram 101)" in rendered
    assert "    Ann removed Carol from 'Family'" in rendered


def test_a_members_change_names_the_role_they_had_then(app: Televent, clock: FakeClock) -> None:
    family_story(app, clock)
    ann = Audit(app).account_timeline(ANN)
    dentist = [e for e in ann if e.aggregate == "CalendarEvent"]
    assert [(e.kind, e.who, e.through, e.actor_role) for e in dentist] == [
        ("EventCreated", "Bob (Telegram 202; member, can edit)", "CalDAV device 'DAVx5'", "write"),
        ("EventUpdated", "Bob (Telegram 202; member, can edit)", "CalDAV device 'DAVx5'", "write"),
        # Made a reader, then a manager: the role of that moment, not today's (he left).
        (
            "EventUpdated",
            "Bob (Telegram 202; member, can manage)",
            "CalDAV device 'DAVx5'",
            "manage",
        ),
    ]
    assert list(dentist[1].diff) == ["DTSTART moved 10:00 → 11:00"]
    assert dentist[0].as_dict()["actor_role"] == "write"
    rendered = render_timeline(ann)
    assert (
        "    who: Bob (Telegram 202; member, can edit); through: CalDAV device 'DAVx5'" in rendered
    )
    # The history of the event itself says the same.
    copies = Audit(app).event_timeline("dentist")
    assert [e.who for e in copies] == [e.who for e in dentist]
    # The owner's own changes carry no role.
    assert all(e.actor_role is None for e in ann if e.who.startswith("Ann"))


def test_a_member_finds_what_concerns_them_in_their_own_timeline(
    app: Televent, clock: FakeClock
) -> None:
    family_story(app, clock)
    bob = Audit(app).account_timeline(BOB)
    assert sentences(bob) == [
        "Ann shared 'Family' with you (can edit)",
        "Bob accepted 'Family' (can edit)",
        "Ann made you able to view 'Family'",
        "Bob renamed 'Family' for themselves: 'Home'",
        "Bob chose their own colour for 'Family': '#00ff00'",
        "Ann made you able to manage 'Family'",
        "Bob left 'Family'",
    ]  # Carol's invitations are not his business
    assert [e.kind for e in bob if e.aggregate == "CalendarEvent"] == [
        "EventCreated",
        "EventUpdated",
        "EventUpdated",
    ]  # what he did in Ann's calendar
    carol = Audit(app).account_timeline(CAROL)
    assert sentences(carol) == [
        "Ann shared 'Family' with you (can view)",
        "Carol declined 'Family'",
        "Ann shared 'Family' with you (can view)",
        "Carol accepted 'Family' (can view)",
        "Ann removed you from 'Family'",
    ]
    assert not [e for e in carol if e.aggregate == "CalendarEvent"]


def test_deleting_a_shared_calendar_is_in_its_members_timelines(
    app: Televent, clock: FakeClock
) -> None:
    people = _register(app)
    ann, bob, carol = people[ANN], people[BOB], people[CAROL]
    family = app.create_calendar(ann, "family", {"display_name": "Family"}, actor=_by(ann),
                                 source="bot:101")  # fmt: skip
    app.share_calendar(family, by=ann, member=bob, role="read", actor=_by(ann), source="bot:101")
    app.share_calendar(family, by=ann, member=carol, role="read", actor=_by(ann), source="bot:101")
    app.answer_calendar_invitation(family, by=bob, accept=True, actor=_by(bob), source="bot:202")
    app.remove_member(family, by=ann, member=carol, actor=_by(ann), source="bot:101")
    app.delete_calendar(family, actor=_by(ann), source="bot:101", by=ann)
    bob_timeline = Audit(app).account_timeline(BOB)
    assert [e.kind for e in bob_timeline if e.aggregate_id == str(family)] == [
        "MemberInvited",
        "MembershipAccepted",
        "CalendarDeleted",
    ]
    carol_timeline = Audit(app).account_timeline(CAROL)
    assert sentences(carol_timeline) == [
        "Ann shared 'Family' with you (can view)",
        "Ann withdrew the invitation of you to 'Family'",
    ]  # gone before the calendar was deleted


def test_the_index_of_members_rebuilds_equal(app: Televent, clock: FakeClock) -> None:
    family_story(app, clock)
    with app.views.read() as db:
        rows = db.all(
            "SELECT account_id FROM audit_account_aggregates WHERE relation = 'member' "
            "ORDER BY position"
        )
    people = {app.queries.account_by_id(r["account_id"]).telegram_id for r in rows}  # type: ignore[union-attr]
    assert people == {BOB, CAROL}
    report = Rebuilder(app.engine, app.views).run(["audit_index", "calendar_members"], verify=True)
    assert report.matches, report.differences


def test_a_kind_the_audit_cannot_decode_is_listed_not_fatal(
    app: Televent, clock: FakeClock
) -> None:
    family = family_story(app, clock)
    # As if written by a newer version: a kind this one does not know.
    with app.views.write() as db:
        db.run(
            f"UPDATE {app.events_table} SET topic = ? WHERE topic LIKE ?",
            ("televent.domain.calendar:Calendar.MemberTeleported", "%Calendar.MemberRoleChanged"),
        )
    ann = Audit(app).account_timeline(ANN)
    unknown = [e for e in ann if e.kind == "MemberTeleported"]
    assert len(unknown) == 2
    assert all(e.aggregate == "Calendar" and e.aggregate_id == str(family) for e in unknown)
    assert all(e.diff[0].startswith("(not readable: ") for e in unknown)
    assert unknown[0].what == "member teleported" and unknown[0].at.year == 2026
    # The rest of the calendar's history still reads, in order.
    assert "Bob left 'Family'" in sentences(ann)
    assert Audit(app).account_timeline(BOB)  # and so does the member's


@pytest.fixture
def cli(backend: Backend, tmp_path: Path) -> Cli:
    return Cli(backend.fresh_url(), tmp_path)


def test_televent_audit_account_shows_the_sharing(cli: Cli, clock: FakeClock) -> None:
    assert cli("db", "upgrade").returncode == 0
    app = build_application(Settings(database_url=cli.env["TELEVENT_DATABASE_URL"]), clock=clock)
    try:
        family_story(app, clock)
    finally:
        app.close()

    text = cli("audit", "account", str(BOB))
    assert text.returncode == 0, text.stderr
    assert "    Ann shared 'Family' with you (can edit)" in text.stdout
    assert "    who: Bob (Telegram 202; member, can edit); through: CalDAV device 'DAVx5'" in (
        text.stdout
    )
    entries = json.loads(cli("audit", "account", str(ANN), "--json").stdout)
    shared = next(e for e in entries if e["kind"] == "MemberInvited")
    assert shared["diff"] == ["Ann shared 'Family' with Bob (can edit)"]
    moved = next(e for e in entries if e["kind"] == "EventUpdated")
    assert (moved["who"], moved["actor_role"], moved["through"]) == (
        "Bob (Telegram 202; member, can edit)",
        "write",
        "CalDAV device 'DAVx5'",
    )
