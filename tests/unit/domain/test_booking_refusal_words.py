"""What a refusal about bookable hours and bookings says to a person (ADR 0021): the day it is
about in the reader's words (a weekday named in their language, a date written in it), and why a
time cannot be booked (passed, sooner than the link's notice, beyond its horizon, a full day)
with the link's own numbers; the English message, which logs keep, stays as it always was."""

from __future__ import annotations

import datetime as dt
from typing import Any
from uuid import uuid4

import pytest

from televent.adapters.i18n import said
from televent.application.bookings import SlotTakenError, _decided, _unavailable
from televent.domain.availability import Availability, DateOverride
from televent.domain.booking_links import BookingLink
from televent.domain.errors import DomainError
from televent.domain.schedule import Schedule, utc_text

NOW = dt.datetime(2026, 3, 2, 12, 0, tzinfo=dt.UTC)
HOUR = dt.timedelta(hours=1)


def bare(text: str) -> str:
    """Without the isolation marks Persian puts around what it quotes."""
    return text.replace("\u2068", "").replace("\u2069", "")


def test_weekly_hours_name_the_weekday_in_the_readers_language() -> None:
    with pytest.raises(DomainError) as caught:
        Availability.from_json({"timezone": "UTC", "weekly": {"sat": [["10:00", "09:00"]]}})
    assert str(caught.value) == "Saturday: the range 10:00-09:00 ends before it starts."
    assert said(caught.value, "en") == str(caught.value)
    assert said(caught.value, "uk") == (
        "Субота: проміжок 10:00-09:00 закінчується раніше, ніж починається."
    )
    assert (
        said(caught.value, "de") == "Samstag: Der Zeitbereich 10:00-09:00 endet, bevor er beginnt."
    )


def test_a_date_with_its_own_hours_is_written_in_the_readers_language() -> None:
    with pytest.raises(DomainError) as caught:
        DateOverride(dt.date(2030, 12, 24), ((dt.time(9), dt.time(12)), (dt.time(11), None)))
    assert str(caught.value) == "2030-12-24: the ranges 09:00-12:00 and 11:00-24:00 overlap."
    assert bare(said(caught.value, "fa")) == (
        "24 دسامبر 2030: بازه‌های 09:00-12:00 و 11:00-24:00 با هم هم‌پوشانی دارند."
    )
    assert said(caught.value, "es") == (
        "24 dic 2030: los tramos 09:00-12:00 y 11:00-24:00 se solapan."
    )


@pytest.mark.parametrize(
    ("notice", "start", "english", "russian"),
    [
        (
            240,
            NOW + HOUR,
            "That time is too soon: this link takes bookings at least 4 hours ahead.",
            "Слишком скоро: по этой ссылке записываются не позже чем за 4 часа.",
        ),
        (
            2 * 24 * 60,
            NOW + 30 * HOUR,
            "That time is too soon: this link takes bookings at least 2 days ahead.",
            "Слишком скоро: по этой ссылке записываются не позже чем за 2 дня.",
        ),
        (
            90,
            NOW + HOUR,
            "That time is too soon: this link takes bookings at least 90 minutes ahead.",
            "Слишком скоро: по этой ссылке записываются не позже чем за 90 минут.",
        ),
        (
            240,
            NOW + 21 * 24 * HOUR,
            "That time is too far ahead: this link takes bookings at most 14 days ahead.",
            "Слишком далеко: по этой ссылке записываются не больше чем на 14 дней вперёд.",
        ),
        (
            0,
            NOW - HOUR,
            "That time has already passed; pick another slot.",
            "Это время уже прошло; выберите другое.",
        ),
        (
            240,
            NOW + 5 * HOUR,
            "That time is no longer available; pick another slot.",
            "Это время уже недоступно; выберите другое.",
        ),
    ],
    ids=["notice-in-hours", "notice-in-days", "notice-in-minutes", "beyond", "passed", "gone"],
)
def test_a_time_that_cannot_be_booked_says_why(
    notice: int, start: dt.datetime, english: str, russian: str
) -> None:
    link = BookingLink(slug="intro", title="Intro", min_notice_minutes=notice, horizon_days=14)
    refused = _unavailable(link, start, NOW, moving=False)
    assert str(refused) == "That time is no longer available; pick another slot."  # the log's
    assert said(refused, "en") == english
    assert said(refused, "ru") == russian
    moved = _unavailable(link, start, NOW, moving=True)
    assert str(moved) == "That time is not available; pick another slot."
    assert said(moved, "ru") == russian.replace("уже недоступно", "недоступно")


def _booking(start: dt.datetime) -> dict[str, Any]:
    end = start + HOUR / 2
    return {
        "booking_id": uuid4().hex,
        "slug": "intro",
        "start": utc_text(start),
        "end": utc_text(end),
        "guard_start": utc_text(start),
        "guard_end": utc_text(end),
        "day": start.date().isoformat(),
    }


def test_a_full_day_and_a_taken_time_keep_their_words_as_a_taken_slot() -> None:
    schedule = Schedule(account_id=uuid4(), actor="test", source="test")
    schedule.add_link(
        BookingLink(slug="intro", title="Intro", max_per_day=1), actor="test", source="test"
    )
    schedule.book(booking=_booking(NOW + 24 * HOUR), actor="test", source="test")
    with pytest.raises(SlotTakenError) as full:
        _decided(schedule.book, booking=_booking(NOW + 26 * HOUR), actor="t", source="t")
    assert str(full.value) == "That day is fully booked."
    assert said(full.value, "pt-BR") == "Esse dia já está lotado."
    with pytest.raises(SlotTakenError) as taken:
        _decided(schedule.book, booking=_booking(NOW + 24 * HOUR), actor="t", source="t")
    assert str(taken.value) == "That time was just booked by someone else."
    assert said(taken.value, "id") == "Waktu itu baru saja dipesan orang lain."
