"""Messages the Telegram sender drops when they come too late to help (adapters/telegram/delivery.py
`is_stale`): a reminder after its event began, an agenda after its day (in the person's zone)."""

from __future__ import annotations

import datetime as dt

from televent.adapters.telegram.delivery import is_stale
from televent.delivery.telegram_queue import Delivery


def message(kind: str, payload: dict[str, object]) -> Delivery:
    return Delivery("key", 1, kind, None, payload, 0)


NOW = dt.datetime(2026, 11, 23, 23, 30, tzinfo=dt.UTC)


def test_a_reminder_is_stale_once_its_event_began() -> None:
    assert not is_stale(message("reminder", {"start": "2026-11-23T23:45:00+00:00"}), NOW)
    assert is_stale(message("reminder", {"start": "2026-11-23T23:15:00+00:00"}), NOW)


def test_an_agenda_is_stale_after_its_day_in_the_persons_zone() -> None:
    # 23:30 UTC is already 24 November in Berlin, still 23 November in New York
    berlin = {"date": "2026-11-23", "timezone": "Europe/Berlin", "items": []}
    new_york = {"date": "2026-11-23", "timezone": "America/New_York", "items": []}
    assert is_stale(message("agenda", berlin), NOW)
    assert not is_stale(message("agenda", new_york), NOW)


def test_other_messages_and_odd_payloads_are_sent_as_before() -> None:
    assert not is_stale(message("invitation", {"start": "2020-01-01T00:00:00+00:00"}), NOW)
    assert not is_stale(message("reminder", {"start": "not a time"}), NOW)
    assert not is_stale(message("agenda", {}), NOW)
