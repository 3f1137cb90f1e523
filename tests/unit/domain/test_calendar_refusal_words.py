"""What a refusal about events, calendars and settings says to a person (ADR 0021): the event
form's refusals that the time arithmetic raises (an end before the start, a year Televent does
not hold, a time zone it does not know), the member cap and the quiet hours, each in the
reader's language with what they typed; the English message, which logs and CalDAV keep, stays
as it always was."""

from __future__ import annotations

from uuid import uuid4

import pytest

from televent.adapters.i18n import said
from televent.domain.calendar import Calendar
from televent.domain.errors import DomainError
from televent.domain.event_fields import FieldError, event_times, read_changes, zone_of
from televent.domain.preferences import validate_changes
from televent.domain.sharing import MAX_MEMBERS

WHO = {"actor": "test", "source": "test"}


def bare(text: str) -> str:
    """Without the isolation marks Persian puts around what it quotes."""
    return text.replace("\u2068", "").replace("\u2069", "")


def test_an_end_before_the_start_is_said_in_words() -> None:
    changes = read_changes({"start": "2026-03-02T10:00:00", "end": "2026-03-02T09:00:00"})
    with pytest.raises(FieldError) as caught:
        event_times(changes, zone_of("Europe/Berlin"), None)
    assert str(caught.value) == "end: must be after start."
    assert said(caught.value, "en") == "end: must be after start."  # JSON clients read the field
    assert said(caught.value, "ru") == "Конец события должен быть позже начала."
    assert said(caught.value, "es") == "El final del evento tiene que ser posterior al comienzo."


def test_a_year_beyond_what_calendars_hold_names_the_date_and_the_years() -> None:
    changes = read_changes({"start": "3026-03-02T10:00:00"})
    with pytest.raises(FieldError) as caught:
        event_times(changes, zone_of("UTC"), None)
    assert str(caught.value) == "start: '3026-03-02T10:00:00' is outside the years 1900 to 2999."
    assert said(caught.value, "de") == (
        "Das Anfangsdatum „3026-03-02T10:00:00“ liegt außerhalb der Jahre, die Televent "
        "speichert: 1900 bis 2999."
    )
    assert bare(said(caught.value, "fa")) == (
        "تاریخ شروع «3026-03-02T10:00:00» بیرون از سال‌هایی است که Televent نگه می‌دارد: "
        "از 1900 تا 2999."
    )


def test_an_unknown_time_zone_and_a_long_title_quote_what_was_typed() -> None:
    with pytest.raises(FieldError) as zone:
        read_changes({"timezone": "Mars/Olympus"})
    assert (
        str(zone.value) == "timezone: 'Mars/Olympus' is not an IANA time zone (like Europe/Berlin)."
    )
    assert said(zone.value, "uk") == (
        "«Mars/Olympus» — невідомий часовий пояс; вкажіть назву IANA, наприклад Europe/Kyiv."
    )
    with pytest.raises(FieldError) as long:
        read_changes({"location": "x" * 1001})
    assert said(long.value, "ru") == "Место длиннее 1\u00a0000 символов."
    assert said(long.value, "pt-BR") == "O local tem mais de 1.000 caracteres."


def test_the_member_cap_is_said_with_its_number() -> None:
    owner = uuid4()
    calendar = Calendar(account_id=owner, slug="family", properties={}, **WHO)
    calendar.members = {str(uuid4()): {"role": "read", "status": "invited"} for _ in range(500)}
    with pytest.raises(DomainError) as caught:
        calendar.share(by=owner, member=uuid4(), role="read", **WHO)
    assert str(caught.value) == f"A calendar is shared with at most {MAX_MEMBERS} people."
    assert said(caught.value, "ru") == "Календарём можно поделиться не больше чем с 500 людьми."
    assert said(caught.value, "id") == "Sebuah kalender dibagikan dengan paling banyak 500 orang."


@pytest.mark.parametrize(
    ("value", "russian"),
    [
        (
            "10 pm to 7",
            "Тихие часы — это начало и конец в виде ЧЧ:ММ-ЧЧ:ММ, например 22:00-07:00, "
            "либо они выключены.",
        ),
        ("22:00-22:00", "Начало и конец тихих часов должны различаться."),
    ],
)
def test_quiet_hours_are_refused_in_the_readers_words(value: str, russian: str) -> None:
    with pytest.raises(DomainError) as caught:
        validate_changes({"quiet_hours": value})
    assert str(caught.value).startswith("quiet_hours")  # the English names the preference
    assert said(caught.value, "ru") == russian
