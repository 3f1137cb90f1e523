"""Application scenarios through the command API and the read models, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from uuid import UUID

import argon2
import pytest

from televent.application import accounts
from televent.application.televent import Televent
from televent.domain.errors import (
    ConflictError,
    DomainError,
    InvalidCalendarDataError,
    NotFoundError,
    NotInvitedError,
    PreconditionFailedError,
    UidConflictError,
)
from televent.domain.values import PartStat, calendar_id_for
from tests.conftest import PRODUCTION_PASSWORD_HASHER
from tests.helpers import ACTOR, CALDAV, CLI, vevent


def register(app: Televent, telegram_id: int = 100, **kwargs: str) -> tuple[UUID, UUID]:
    registration = app.register_account(
        telegram_id, name="Alice", timezone="Europe/Berlin", actor=ACTOR, source=CLI, **kwargs
    )
    return registration.account_id, calendar_id_for(registration.account_id, "default")


def test_registration_is_idempotent_and_creates_a_default_calendar(app: Televent) -> None:
    first = app.register_account(
        100, name="Alice", timezone="Europe/Berlin", actor=ACTOR, source=CLI
    )
    again = app.register_account(
        100, name="Alice", timezone="Europe/Berlin", actor=ACTOR, source=CLI
    )
    assert (first.created, again.created) == (True, False)
    account = app.queries.account_by_telegram_id(100)
    assert account is not None and account.timezone == "Europe/Berlin"
    calendars = app.queries.calendars_of(first.account_id)
    assert [(c.slug, c.timezone) for c in calendars] == [("default", "Europe/Berlin")]


def test_bad_registration_changes_nothing(app: Televent) -> None:
    with pytest.raises(DomainError, match="time zone"):
        app.register_account(100, name="A", timezone="Mars/Olympus", actor=ACTOR, source=CLI)
    with pytest.raises(DomainError, match="email"):
        app.register_account(100, name="A", email="not-an-email", actor=ACTOR, source=CLI)
    assert app.queries.account_by_telegram_id(100) is None
    assert app.queries.account_count() == 0


def test_an_email_belongs_to_one_account(app: Televent) -> None:
    register(app, 100, email="Alice@Example.com")
    register(app, 200)
    with pytest.raises(ConflictError, match="another account"):
        app.link_email(200, "alice@example.com", actor=ACTOR, source=CLI)
    owner = app.queries.account_by_email("ALICE@example.com")
    assert owner is not None and owner.telegram_id == 100


def test_an_account_is_read_with_all_its_addresses_in_the_order_linked(app: Televent) -> None:
    register(app, 100, email="first@example.com")
    register(app, 200)
    app.link_email(100, "second@example.com", actor=ACTOR, source=CLI)
    with_two = app.queries.account_by_telegram_id(100)
    without = app.queries.account_by_telegram_id(200)
    assert with_two is not None and with_two.emails == ("first@example.com", "second@example.com")
    assert without is not None and without.emails == ()
    assert app.queries.account_by_id(with_two.account_id) == with_two


def test_device_passwords_are_stored_as_argon2id_hashes(
    app: Televent, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At the costs RFC 9106 recommends where memory is scarce (64 MiB, three passes, four
    lanes), which the library chose: the tests' own cheap hasher aside (tests/conftest.py)."""
    monkeypatch.setattr(accounts, "PASSWORD_HASHER", PRODUCTION_PASSWORD_HASHER)
    account_id, _ = register(app)
    issued = app.issue_device_password(100, "iPhone", actor=ACTOR, source=CLI)
    [(device_id, stored)] = app.queries.active_password_hashes(account_id)
    assert device_id == issued.device_id
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$") and issued.password not in stored
    assert argon2.PasswordHasher().verify(stored, issued.password)
    app.revoke_device_password(100, "iPhone", actor=ACTOR, source=CLI)
    assert app.queries.active_password_hashes(account_id) == []
    [device] = app.queries.devices_of(account_id)
    assert device.revoked_at is not None
    with pytest.raises(NotFoundError):
        app.revoke_device_password(100, "iPhone", actor=ACTOR, source=CLI)


def test_put_then_read_your_write_with_etags(app: Televent) -> None:
    _, calendar_id = register(app)
    before = app.queries.calendar(calendar_id)
    result = app.put_object(
        calendar_id,
        "sync.ics",
        vevent(),
        actor=ACTOR,
        source=CALDAV,
        if_none_match=True,
    )
    stored = app.queries.object_at(calendar_id, "sync.ics")
    assert stored is not None and stored.etag == result.etag and stored.uid == "event-1"
    assert stored.ical == vevent()  # kept byte for byte
    after = app.queries.calendar(calendar_id)
    assert before is not None and after is not None
    assert after.sync_position > before.sync_position


def test_identical_put_appends_nothing_and_keeps_the_etag(app: Televent) -> None:
    _, calendar_id = register(app)
    first = app.put_object(calendar_id, "a.ics", vevent(), actor=ACTOR, source=CALDAV)
    with app.views.read() as db:
        head = app.engine.head(db)
    again = app.put_object(calendar_id, "a.ics", vevent(), actor=ACTOR, source=CALDAV)
    with app.views.read() as db:
        assert app.engine.head(db) == head
    assert (again.etag, again.changed) == (first.etag, False)


def test_etag_preconditions(app: Televent) -> None:
    _, calendar_id = register(app)
    first = app.put_object(calendar_id, "a.ics", vevent(), actor=ACTOR, source=CALDAV)
    with pytest.raises(PreconditionFailedError):
        app.put_object(
            calendar_id,
            "a.ics",
            vevent(summary="x"),
            actor=ACTOR,
            source=CALDAV,
            if_none_match=True,
        )
    second = app.put_object(
        calendar_id,
        "a.ics",
        vevent(summary="y"),
        actor=ACTOR,
        source=CALDAV,
        if_match=first.etag,
    )
    assert second.etag != first.etag
    with pytest.raises(PreconditionFailedError):
        app.put_object(
            calendar_id,
            "a.ics",
            vevent(summary="z"),
            actor=ACTOR,
            source=CALDAV,
            if_match=first.etag,
        )
    with pytest.raises(PreconditionFailedError):
        app.delete_object(calendar_id, "a.ics", actor=ACTOR, source=CALDAV, if_match=first.etag)
    stored = app.queries.object_at(calendar_id, "a.ics")
    assert stored is not None and "SUMMARY:y" in stored.ical


def test_a_uid_lives_under_one_name(app: Televent) -> None:
    _, calendar_id = register(app)
    app.put_object(calendar_id, "a.ics", vevent(uid="u1"), actor=ACTOR, source=CALDAV)
    with pytest.raises(UidConflictError) as caught:
        app.put_object(calendar_id, "b.ics", vevent(uid="u1"), actor=ACTOR, source=CALDAV)
    assert caught.value.existing_href == "a.ics"
    with pytest.raises(UidConflictError):
        app.put_object(calendar_id, "a.ics", vevent(uid="u2"), actor=ACTOR, source=CALDAV)
    assert app.queries.object_at(calendar_id, "b.ics") is None


def test_broken_icalendar_changes_nothing(app: Televent) -> None:
    _, calendar_id = register(app)
    with app.views.read() as db:
        head = app.engine.head(db)
    with pytest.raises(InvalidCalendarDataError):
        app.put_object(
            calendar_id, "a.ics", "BEGIN:VCALENDAR\r\nnonsense", actor=ACTOR, source=CALDAV
        )
    with app.views.read() as db:
        assert app.engine.head(db) == head


def test_delete_leaves_a_tombstone_and_the_uid_can_come_back(app: Televent) -> None:
    _, calendar_id = register(app)
    app.put_object(calendar_id, "a.ics", vevent(), actor=ACTOR, source=CALDAV)
    mark = app.queries.calendar(calendar_id).sync_position
    app.delete_object(calendar_id, "a.ics", actor=ACTOR, source=CALDAV)
    changes = app.queries.changes_since(calendar_id, mark)
    assert changes.changed == [] and [href for href, _ in changes.deleted] == ["a.ics"]
    assert app.queries.object_at(calendar_id, "a.ics") is None
    with pytest.raises(NotFoundError):
        app.delete_object(calendar_id, "a.ics", actor=ACTOR, source=CALDAV)
    result = app.put_object(calendar_id, "b.ics", vevent(), actor=ACTOR, source=CALDAV)
    assert result.created
    assert app.queries.object_at(calendar_id, "b.ics") is not None


def test_rsvp_updates_body_and_attendee_index(app: Televent) -> None:
    _, calendar_id = register(app)
    result = app.put_object(
        calendar_id,
        "a.ics",
        vevent(attendees=[("bob@example.com", "NEEDS-ACTION")]),
        actor=ACTOR,
        source=CALDAV,
    )
    app.give_rsvp(
        result.event_id, "MAILTO:Bob@example.com", PartStat.ACCEPTED, actor=ACTOR, source=CLI
    )
    assert app.queries.attendees_of(result.event_id)[0]["partstat"] == "ACCEPTED"
    stored = app.queries.object_at(calendar_id, "a.ics")
    assert stored is not None and "PARTSTAT=ACCEPTED" in stored.ical and stored.etag != result.etag
    with pytest.raises(NotInvitedError):
        app.give_rsvp(
            result.event_id, "eve@example.com", PartStat.ACCEPTED, actor=ACTOR, source=CLI
        )
    invitations = app.queries.invitations_for("bob@example.com")
    assert [i["uid"] for i in invitations] == ["event-1"]
    app.invite_attendee(result.event_id, "carol@example.com", "Carol", actor=ACTOR, source=CLI)
    app.remove_attendee(result.event_id, "bob@example.com", actor=ACTOR, source=CLI)
    assert [a["address"] for a in app.queries.attendees_of(result.event_id)] == [
        "carol@example.com"
    ]


def test_calendars_can_be_added_changed_and_deleted_with_their_objects(app: Televent) -> None:
    account_id, _ = register(app)
    work = app.create_calendar(
        account_id, "work", {"display_name": "Work"}, actor=ACTOR, source=CALDAV
    )
    app.put_object(work, "a.ics", vevent(), actor=ACTOR, source=CALDAV)
    app.update_calendar(work, {"color": "#00ff00"}, actor=ACTOR, source=CALDAV)
    assert app.queries.calendar(work).color == "#00ff00"
    with pytest.raises(ConflictError):
        app.create_calendar(account_id, "work", {}, actor=ACTOR, source=CALDAV)
    app.delete_calendar(work, actor=ACTOR, source=CALDAV)
    assert [c.slug for c in app.queries.calendars_of(account_id)] == ["default"]
    again = app.create_calendar(
        account_id, "work", {"display_name": "Work 2"}, actor=ACTOR, source=CALDAV
    )
    assert again == work and app.queries.objects_in(work) == []
    app.put_object(work, "a.ics", vevent(), actor=ACTOR, source=CALDAV)  # the UID is free again
    assert len(app.queries.objects_in(work)) == 1


def test_unknown_calendar_is_not_found(app: Televent) -> None:
    register(app)

    with pytest.raises(NotFoundError):
        app.put_object(uuid.uuid4(), "a.ics", vevent(), actor=ACTOR, source=CALDAV)


def test_the_put_result_says_when_the_server_rewrote_the_body(app: Televent) -> None:
    _, calendar_id = register(app)
    first = app.put_object(calendar_id, "a.ics", vevent(sequence=0), actor=ACTOR, source=CALDAV)
    assert first.stored_as_sent
    moved = app.put_object(
        calendar_id,
        "a.ics",
        vevent(start="20260305T170000", end="20260305T180000", sequence=0),
        actor=ACTOR,
        source=CALDAV,
    )
    assert not moved.stored_as_sent  # SEQUENCE was raised by the server
    stored = app.queries.object_at(calendar_id, "a.ics")
    assert stored is not None and "SEQUENCE:1" in stored.ical


def test_attendee_addresses_are_recognised_as_televent_users(app: Televent) -> None:
    _, calendar_id = register(app, 100)
    register(app, 200, email="bob@example.com")
    app.put_object(
        calendar_id,
        "by-tg.ics",
        vevent(uid="by-tg", attendees=[("TG_200@Televent.Internal", "NEEDS-ACTION")]),
        actor=ACTOR,
        source=CALDAV,
    )
    app.put_object(
        calendar_id,
        "by-mail.ics",
        vevent(uid="by-mail", attendees=[("Bob@Example.com", "ACCEPTED")]),
        actor=ACTOR,
        source=CALDAV,
    )
    app.put_object(
        calendar_id,
        "other.ics",
        vevent(uid="other", attendees=[("carol@example.com", "ACCEPTED")]),
        actor=ACTOR,
        source=CALDAV,
    )
    bob = app.queries.account_for_address("mailto:tg_200@televent.internal", "televent.internal")
    assert bob is not None and bob.telegram_id == 200
    assert app.queries.account_for_address("mailto:BOB@example.com", "televent.internal") == bob
    assert app.queries.account_for_address("mailto:carol@example.com", "televent.internal") is None
    assert app.queries.account_for_address("tg_999@televent.internal", "televent.internal") is None
    invitations = app.queries.invitations_for_account(bob, "televent.internal")
    assert [(i["uid"], i["partstat"]) for i in invitations] == [
        ("by-tg", "NEEDS-ACTION"),
        ("by-mail", "ACCEPTED"),
    ]
