"""GDPR and shared calendars, on SQLite and PostgreSQL: the export lists the calendars shared
with the person (role, status, owner) and the members of their own; erasing a member takes
them out of every calendar first (the calendar stays its other members'), erasing an owner
takes their calendars from every member; both times the views equal a verified rebuild."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest

from televent.application.televent import Televent
from televent.bootstrap import build_application
from televent.config import Settings
from televent.domain.errors import NotFoundError
from televent.domain.sharing import Role, shared_slug
from televent.ops.audit import Audit
from televent.ops.gdpr import PersonalData
from televent.projections.rebuild import Rebuilder
from tests.conftest import Backend, FakeClock
from tests.integration.test_cli import Cli

ANN, BOB, CAROL = 101, 202, 303
OPERATOR = "dpo"
BOBS_NAME_FOR_IT = "Quuxhome"
ORDER = "{http://apple.com/ns/ical/}calendar-order"
BOBS_ORDER = '<calendar-order xmlns="http://apple.com/ns/ical/">7</calendar-order>'
ANNS_ORDER = '<calendar-order xmlns="http://apple.com/ns/ical/">2</calendar-order>'


def _event(uid: str, summary: str) -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20260301T090000Z\r\nDTSTART:20260305T100000Z\r\n"
        f"DTEND:20260305T110000Z\r\nSUMMARY:{summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def _by(account_id: UUID) -> str:
    return f"account:{account_id}"


def shared_world(app: Televent) -> dict[str, UUID]:
    """Ann's 'Family' shared with Bob (can edit, accepted; he names it for himself and adds the
    dentist) and Carol (can view, accepted); Carol's 'Book club' to which Bob is invited."""
    ids: dict[str, UUID] = {}
    for telegram_id, name in ((ANN, "Ann"), (BOB, "Bob"), (CAROL, "Carol")):
        app.register_account(telegram_id, name=name, actor="system:", source="cli:operator")
        account = app.queries.account_by_telegram_id(telegram_id)
        assert account is not None
        ids[name.lower()] = account.account_id
    ann, bob, carol = ids["ann"], ids["bob"], ids["carol"]
    family = app.create_calendar(
        ann, "family", {"display_name": "Family"}, actor=_by(ann), source="bot:101"
    )
    app.share_calendar(family, by=ann, member=bob, role="write", actor=_by(ann), source="bot:101")
    app.share_calendar(family, by=ann, member=carol, role="read", actor=_by(ann), source="bot:101")
    app.answer_calendar_invitation(family, by=bob, accept=True, actor=_by(bob), source="bot:202")
    app.answer_calendar_invitation(family, by=carol, accept=True, actor=_by(carol), source="bot:3")
    app.set_member_properties(
        family, by=bob, changes={"display_name": BOBS_NAME_FOR_IT}, actor=_by(bob), source="bot:2"
    )
    # what each one's calendar app keeps on it: Bob's on his membership, Ann's on her calendar
    app.set_member_properties(family, by=bob, changes={"dead": {ORDER: BOBS_ORDER}},
                              actor=_by(bob), source="caldav:DAVx5")  # fmt: skip
    app.update_calendar(family, {"dead": {ORDER: ANNS_ORDER}}, actor=_by(ann),
                        source="caldav:Thunderbird", by=ann)  # fmt: skip
    app.put_object(family, "dentist.ics", _event("dentist", "Dentist"), actor=_by(bob),
                   source="caldav:DAVx5", by=bob)  # fmt: skip
    book_club = app.create_calendar(
        carol, "books", {"display_name": "Book club"}, actor=_by(carol), source="bot:303"
    )
    app.share_calendar(book_club, by=carol, member=bob, role="read", actor=_by(carol),
                       source="bot:303")  # fmt: skip
    return {**ids, "family": family, "book_club": book_club}


def export(app: Televent, telegram_id: int, tmp_path: Path) -> dict[str, Any]:
    out = tmp_path / f"{telegram_id}.zip"
    summary = PersonalData(app).export(telegram_id, out, operator=OPERATOR, reason="request")
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        return {
            "summary": summary,
            "names": names,
            "sharing": json.loads(archive.read("sharing.json"))
            if "sharing.json" in names
            else None,
            "events": json.loads(archive.read("events.json")),
            "calendars": json.loads(archive.read("calendars.json")),
            "readme": archive.read("README.txt").decode(),
        }


def member_rows(app: Televent, account_id: UUID) -> list[dict[str, Any]]:
    """Every calendar_members row that names the person, as member or owner."""
    with app.views.read() as db:
        return db.all(
            "SELECT calendar_id, account_id FROM calendar_members "
            "WHERE account_id = ? OR owner_id = ? OR invited_by = ?",
            (str(account_id), str(account_id), str(account_id)),
        )


def test_the_members_export_lists_their_memberships(app: Televent, tmp_path: Path) -> None:
    world = shared_world(app)
    bob = export(app, BOB, tmp_path)
    summary = bob["summary"]
    assert (summary.memberships, summary.shared_calendars) == (2, 0)
    memberships = sorted(bob["sharing"]["memberships"], key=lambda m: m["calendar"])
    assert [
        (m["calendar"], m["owner"], m["role"], m["status"], m["own_name"], m["busy"])
        for m in memberships
    ] == [
        ("Book club", {"telegram_id": CAROL, "name": "Carol"}, "read", "invited", None, False),
        ("Family", {"telegram_id": ANN, "name": "Ann"}, "write", "active", BOBS_NAME_FOR_IT, True),
    ]
    assert memberships[1]["calendar_id"] == str(world["family"])
    assert memberships[1]["invited_by"] == {"telegram_id": ANN, "name": "Ann"}
    # what his own calendar app keeps on her calendar, never what hers keeps
    assert [m["client_properties"] for m in memberships] == [{}, {ORDER: BOBS_ORDER}]
    assert [c["calendar"] for c in bob["calendars"]] == ["default"], "his own only"
    assert bob["sharing"]["shared_calendars"] == []
    assert "sharing.json" in bob["readme"]
    # Of Ann's calendar, the changes about Bob, never Carol's membership or Ann's own edits.
    family = [e for e in bob["events"] if e["aggregate"] == str(world["family"])]
    assert [e["event"] for e in family] == [
        "Calendar.MemberInvited",
        "Calendar.MembershipAccepted",
        "Calendar.MemberPropertiesSet",
        "Calendar.MemberPropertiesSet",
    ]
    assert str(world["carol"]) not in json.dumps(family)
    # What he did in it: the dentist he added.
    assert any(e["event"] == "CalendarEvent.EventCreated" for e in bob["events"])


def test_the_owners_export_lists_their_members(app: Televent, tmp_path: Path) -> None:
    world = shared_world(app)
    ann = export(app, ANN, tmp_path)
    assert (ann["summary"].memberships, ann["summary"].shared_calendars) == (0, 1)
    [family] = ann["sharing"]["shared_calendars"]
    assert (family["calendar_id"], family["calendar"], family["name"]) == (
        str(world["family"]),
        "family",
        "Family",
    )
    assert sorted(
        (m["telegram_id"], m["name"], m["role"], m["status"], m["invited_by"]["name"])
        for m in family["members"]
    ) == [(BOB, "Bob", "write", "active", "Ann"), (CAROL, "Carol", "read", "active", "Ann")]
    assert ann["sharing"]["memberships"] == []
    own = {c["calendar"]: c for c in ann["calendars"]}
    assert (own["family"]["name"], own["family"]["client_properties"]) == (
        "Family",
        {ORDER: ANNS_ORDER},
    )
    assert ">7<" not in json.dumps(ann["calendars"]) + json.dumps(ann["sharing"])
    assert "calendars.json" in ann["readme"]
    kinds = [e["event"] for e in ann["events"] if e["aggregate"] == str(world["family"])]
    assert kinds.count("Calendar.MemberInvited") == 2
    # The name Bob gave her calendar for himself is his, not hers.
    assert "Calendar.MemberPropertiesSet" not in kinds
    assert BOBS_NAME_FOR_IT not in json.dumps(ann["events"])
    # Someone who shares nothing and is shared nothing gets no sharing.json.
    app.register_account(404, name="Dan", actor="system:", source="cli:operator")
    dan = export(app, 404, tmp_path)
    assert dan["sharing"] is None and "sharing.json" not in dan["names"]


def test_erasing_a_member_takes_them_out_of_every_calendar_first(
    app: Televent, tmp_path: Path
) -> None:
    world = shared_world(app)
    family, book_club = world["family"], world["book_club"]
    report = PersonalData(app).erase(BOB, operator=OPERATOR, reason="Art. 17")
    assert report.memberships_removed == 2

    # Recorded in each owner's calendar, so the live view and a rebuild agree.
    removed = [
        (type(e).__qualname__, str(e.member), e.reason)
        for calendar in (family, book_club)
        for e in app.events.get(calendar)
        if type(e).__qualname__ == "Calendar.MemberRemoved"
    ]
    assert removed == [("Calendar.MemberRemoved", str(world["bob"]), "erased")] * 2
    assert member_rows(app, world["bob"]) == []
    assert [m.account_id for m in app.queries.members_of(family)] == [world["carol"]]
    assert app.queries.members_of(book_club) == []
    # 'Family' stays Ann's and Carol's, with the dentist Bob added (Ann's calendar, Ann's data).
    assert app.queries.role_in(family, world["carol"]) is Role.READ
    [seen] = app.queries.shared_with(world["carol"])
    assert (seen.view.slug, seen.view.display_name) == (shared_slug(family), "Family")
    assert app.queries.object_at(family, "dentist.ics") is not None
    report_verify = Rebuilder(app.engine, app.views).run(verify=True)
    assert report_verify.matches, report_verify.differences
    assert member_rows(app, world["bob"]) == []

    # The owner's audit says what happened, naming Bob by his pseudonym only, without the
    # name he gave the calendar.
    timeline = Audit(app).account_timeline(ANN)
    lines = [line for e in timeline if e.kind.startswith("Member") for line in e.diff]
    erased = f"erased account ({report.pseudonym})"
    assert f"Ann shared 'Family' with {erased} (can edit)" in lines
    assert f"{erased} renamed 'Family' for themselves" in lines
    assert f"{erased} removed from 'Family': their data was erased" in lines
    assert BOBS_NAME_FOR_IT not in json.dumps([e.as_dict() for e in timeline])
    [dentist] = [e for e in timeline if e.kind == "EventCreated" and e.uid == "dentist"]
    assert dentist.who == f"erased account ({report.pseudonym}; member, can edit)"
    # Carol's export still lists her membership of Ann's calendar.
    carol = export(app, CAROL, tmp_path)
    assert [m["owner"]["name"] for m in carol["sharing"]["memberships"]] == ["Ann"]


def test_erasing_an_owner_takes_their_calendar_from_every_member(
    app: Televent, tmp_path: Path
) -> None:
    world = shared_world(app)
    family, bob = world["family"], world["bob"]
    PersonalData(app).erase(ANN, operator=OPERATOR, reason="Art. 17")

    # Her calendar's events can no longer be read: it is gone for Bob and Carol alike.
    assert app.queries.calendar(family) is None
    assert app.queries.members_of(family) == []
    assert member_rows(app, world["ann"]) == []
    assert app.queries.role_in(family, bob) is None
    assert [s.calendar_id for s in app.queries.shared_with(bob, invited=True)] == [
        world["book_club"]
    ]
    assert family not in [s.calendar_id for s in app.queries.seen_calendars(bob)]
    with pytest.raises(NotFoundError):
        app.put_object(family, "late.ics", _event("late", "Late"), actor=_by(bob),
                       source="caldav:DAVx5", by=bob)  # fmt: skip
    with pytest.raises(NotFoundError):
        app.set_member_properties(family, by=bob, changes={"color": "#000000"}, actor=_by(bob),
                                  source="bot:202")  # fmt: skip
    report = Rebuilder(app.engine, app.views).run(verify=True)
    assert report.matches, report.differences
    with app.views.read() as db:
        rows = db.all("SELECT account_id FROM calendar_members WHERE calendar_id = ?",
                      (str(family),))  # fmt: skip
    assert rows == []

    # Bob's export and audit no longer hold her calendar; his other invitation stays.
    exported = export(app, BOB, tmp_path)
    assert [m["calendar"] for m in exported["sharing"]["memberships"]] == ["Book club"]
    assert not [e for e in exported["events"] if e["aggregate"] == str(family)]
    assert "Family" not in json.dumps([e.as_dict() for e in Audit(app).account_timeline(BOB)])


@pytest.fixture
def cli(backend: Backend, tmp_path: Path) -> Cli:
    return Cli(backend.fresh_url(), tmp_path)


def test_televent_gdpr_says_what_was_shared(cli: Cli, clock: FakeClock, tmp_path: Path) -> None:
    assert cli("db", "upgrade").returncode == 0
    app = build_application(Settings(database_url=cli.env["TELEVENT_DATABASE_URL"]), clock=clock)
    try:
        shared_world(app)
    finally:
        app.close()
    exported = cli("gdpr", "export", str(BOB), "--out", str(tmp_path / "bob.zip"))
    assert exported.returncode == 0, exported.stderr
    assert "2 calendar(s) shared with them." in exported.stdout
    owner = cli("gdpr", "export", str(ANN), "--out", str(tmp_path / "ann.zip"), "--json")
    assert json.loads(owner.stdout)["shared_calendars"] == 1
    erased = cli("gdpr", "erase", str(BOB), "--reason", "Art. 17", "--yes")
    assert erased.returncode == 0, erased.stderr
    assert "Taken out of 2 calendar(s) others shared with them." in erased.stdout
