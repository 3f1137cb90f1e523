"""Account and Calendar rules."""

from __future__ import annotations

import datetime as dt

import pytest

from televent.domain.account import Account
from televent.domain.calendar import Calendar
from televent.domain.errors import ConflictError, DomainError, NotFoundError
from televent.domain.values import account_id_for, calendar_id_for
from tests.helpers import ACTOR, CLI

AT = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)


def account() -> Account:
    acc = Account(telegram_id=7, name="Ann", timezone="UTC", actor=ACTOR, source=CLI, generation=0)
    acc.collect_events()
    return acc


def test_account_id_derives_from_telegram_id() -> None:
    assert account().id == account_id_for(7)


def test_device_names_are_unique_among_active_devices() -> None:
    acc = account()
    acc.issue_device_password(
        device_id="d1", name="phone", password_hash="h", at=AT, actor=ACTOR, source=CLI
    )
    with pytest.raises(ConflictError):
        acc.issue_device_password(
            device_id="d2", name="phone", password_hash="h", at=AT, actor=ACTOR, source=CLI
        )
    acc.revoke_device_password(name="phone", at=AT, actor=ACTOR, source=CLI)
    acc.issue_device_password(
        device_id="d3", name="phone", password_hash="h", at=AT, actor=ACTOR, source=CLI
    )
    assert acc.active_device("phone") == "d3"
    with pytest.raises(NotFoundError):
        acc.revoke_device_password(name="tablet", at=AT, actor=ACTOR, source=CLI)


def test_linking_an_email_twice_and_unchanged_settings_append_nothing() -> None:
    acc = account()
    acc.link_email("Ann@Example.com", actor=ACTOR, source=CLI)
    acc.link_email("ann@example.com", actor=ACTOR, source=CLI)
    acc.change_settings(changes={"timezone": "UTC"}, actor=ACTOR, source=CLI)
    assert [type(e).__name__ for e in acc.collect_events()] == ["EmailLinked"]
    assert acc.emails == ["ann@example.com"]
    with pytest.raises(DomainError):
        acc.change_settings(changes={"password": "x"}, actor=ACTOR, source=CLI)


def test_calendar_update_delete_recreate() -> None:
    owner = account_id_for(7)
    cal = Calendar(
        account_id=owner, slug="work", properties={"display_name": "Work"}, actor=ACTOR, source=CLI
    )
    assert cal.id == calendar_id_for(owner, "work")
    cal.update(properties={"display_name": "Work"}, actor=ACTOR, source=CLI)
    cal.update(properties={"color": "#ff0000"}, actor=ACTOR, source=CLI)
    with pytest.raises(ConflictError):
        cal.recreate(properties={}, actor=ACTOR, source=CLI)
    cal.delete(actor=ACTOR, source=CLI)
    with pytest.raises(NotFoundError):
        cal.update(properties={"color": "#000000"}, actor=ACTOR, source=CLI)
    cal.recreate(properties={"display_name": "Work again"}, actor=ACTOR, source=CLI)
    assert [type(e).__name__ for e in cal.collect_events()] == [
        "CalendarCreated",
        "CalendarUpdated",
        "CalendarDeleted",
        "CalendarRecreated",
    ]
    assert cal.properties == {"display_name": "Work again"}
