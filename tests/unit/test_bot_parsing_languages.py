"""/create in every language the bot speaks: date words, times of day, durations and the
comma of each language, read in the reader's language and in English, and what the parser says
when it cannot read something, in that language.

``NOW`` is Sunday 2026-03-01 09:00 UTC (10:00 in Berlin).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from televent.adapters.i18n import speaking, translate
from televent.adapters.telegram.bot import COMMANDS, command_menu, menu_language_code
from televent.adapters.telegram.parsing import (
    ParseProblem,
    parse_create_line,
    parse_duration,
    parse_when,
    parse_when_detailed,
    resolve_timezone,
)
from televent.domain.languages import LANGUAGES

NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
FRIDAY = datetime(2026, 3, 27, 10, 0, tzinfo=UTC)  # 11:00 in Berlin
BERLIN = "Europe/Berlin"


def berlin(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=ZoneInfo(BERLIN))


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("ru", "завтра 13:00", berlin(2, 13)),
        ("ru", "завтра в 13", berlin(2, 13)),
        ("ru", "завтра в 13 часов", berlin(2, 13)),
        ("ru", "в пятницу 9:30", berlin(6, 9, 30)),
        ("ru", "послезавтра 10:00", berlin(3, 10)),
        ("ru", "сегодня в 18:00", berlin(1, 18)),
        ("ru", "через 2 часа", berlin(1, 12)),
        ("uk", "завтра о 13:00", berlin(2, 13)),
        ("uk", "завтра о 13", berlin(2, 13)),
        ("uk", "в п’ятницю 9:30", berlin(6, 9, 30)),
        ("uk", "післязавтра 10:00", berlin(3, 10)),
        ("es", "mañana 13:00", berlin(2, 13)),
        ("es", "mañana a las 13", berlin(2, 13)),
        ("es", "el viernes 9:30", berlin(6, 9, 30)),
        ("es", "pasado mañana 10:00", berlin(3, 10)),
        ("es", "hoy 18:00", berlin(1, 18)),
        ("pt-BR", "amanhã 13:00", berlin(2, 13)),
        ("pt-BR", "amanhã às 13h", berlin(2, 13)),
        ("pt-BR", "amanhã 13h30", berlin(2, 13, 30)),
        ("pt-BR", "na sexta 9:30", berlin(6, 9, 30)),
        ("pt-BR", "depois de amanhã 10:00", berlin(3, 10)),
        ("de", "morgen 13:00", berlin(2, 13)),
        ("de", "morgen um 13 Uhr", berlin(2, 13)),
        ("de", "am Freitag 9:30", berlin(6, 9, 30)),
        ("de", "übermorgen 10:00", berlin(3, 10)),
        ("id", "besok 13:00", berlin(2, 13)),
        ("id", "besok jam 13", berlin(2, 13)),
        ("id", "besok pukul 13.00", berlin(2, 13)),
        ("id", "lusa 10:00", berlin(3, 10)),
        ("id", "hari ini 18:00", berlin(1, 18)),
        ("fa", "فردا 13:00", berlin(2, 13)),
        ("fa", "فردا ساعت ۱۳", berlin(2, 13)),
        ("fa", "فردا ۱۳:۰۰", berlin(2, 13)),
        ("fa", "جمعه 9:30", berlin(6, 9, 30)),
        ("fa", "پس‌فردا 10:00", berlin(3, 10)),
        ("fa", "امروز 18:00", berlin(1, 18)),
        # English words work whatever the reader's language
        ("ru", "tomorrow 13:00", berlin(2, 13)),
        ("fa", "fri 9:30", berlin(6, 9, 30)),
    ],
)
def test_each_languages_date_words(language: str, text: str, expected: datetime) -> None:
    assert parse_when_detailed(text, BERLIN, NOW, language=language) == (expected, True)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("ru", "завтра", berlin(2, 0)),
        ("es", "mañana", berlin(2, 0)),
        ("de", "25.12", berlin(25, 0, month=12)),
        ("fa", "فردا", berlin(2, 0)),
    ],
)
def test_a_day_alone_is_an_all_day_date(language: str, text: str, expected: datetime) -> None:
    assert parse_when_detailed(text, BERLIN, NOW, language=language) == (expected, False)


@pytest.mark.parametrize(
    ("language", "friday"),
    [
        ("ru", "пятница"),
        ("ru", "в пятницу"),
        ("uk", "в п’ятницю"),
        ("uk", "пʼятниця"),
        ("es", "viernes"),
        ("pt-BR", "sexta"),
        ("pt-BR", "sexta-feira"),
        ("de", "Freitag"),
        ("id", "jumat"),
        ("fa", "جمعه"),
    ],
)
def test_todays_weekday_named_in_the_language_is_today(language: str, friday: str) -> None:
    assert parse_when(f"{friday} 15:00", BERLIN, FRIDAY, language=language) == berlin(27, 15)


def test_next_and_todays_weekday_is_next_week() -> None:
    next_friday = berlin(3, 15, month=4)
    assert parse_when("следующая пятница 15:00", BERLIN, FRIDAY, language="ru") == next_friday
    assert parse_when("nächsten Freitag 15:00", BERLIN, FRIDAY, language="de") == next_friday
    assert parse_when("next fri 15:00", BERLIN, FRIDAY, language="en") == next_friday


def test_the_readers_language_is_the_current_one() -> None:
    with speaking("uk"):
        assert parse_when("завтра о 9", BERLIN, NOW) == berlin(2, 9)
    with speaking("en"), pytest.raises(ParseProblem):
        parse_when("pasado mañana 10:00", BERLIN, NOW)


def test_a_bare_number_after_the_time_is_minutes_not_a_place() -> None:
    lunch = parse_create_line("Lunch, tomorrow 13:00, 30", BERLIN, NOW, language="en")
    assert (lunch.end - lunch.start, lunch.location) == (timedelta(minutes=30), None)
    with_place = parse_create_line("Lunch, tomorrow 13:00, 90, Cafe 4", BERLIN, NOW, language="en")
    assert (with_place.end - with_place.start, with_place.location) == (
        timedelta(minutes=90),
        "Cafe 4",
    )
    persian = parse_create_line("ناهار، فردا ساعت ۱۳، ۴۵، کافه", BERLIN, NOW, language="fa")
    assert (persian.title, persian.start, persian.end - persian.start, persian.location) == (
        "ناهار",
        berlin(2, 13),
        timedelta(minutes=45),
        "کافه",
    )
    assert parse_create_line("Room 4 party, tomorrow 19:00", BERLIN, NOW).location is None


def test_a_bare_number_for_an_all_day_event_must_be_whole_days() -> None:
    with speaking("en"), pytest.raises(ParseProblem, match="whole days"):
        parse_create_line("Holiday, 25.12, 30", BERLIN, NOW)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("1ч", 60),
        ("1ч30", 90),
        ("45 мин", 45),
        ("полчаса", 30),
        ("1 год", 60),
        ("45 хв", 45),
        ("1 hora", 60),
        ("1 hora y 30 minutos", 90),
        ("media hora", 30),
        ("45 minutos", 45),
        ("2 Stunden", 120),
        ("1 Std", 60),
        ("45 Min", 45),
        ("1 jam", 60),
        ("45 menit", 45),
        ("1 ساعت", 60),
        ("۴۵ دقیقه", 45),
        ("2 дня", 2 * 24 * 60),
    ],
)
def test_durations_in_each_language(text: str, minutes: int) -> None:
    assert parse_duration(text) == timedelta(minutes=minutes)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_languages_create_example_reads_as_a_one_hour_event_with_a_place(
    language: str,
) -> None:
    example = translate(language, "bot-create-example")
    assert example.startswith("/create ")
    event = parse_create_line(example.removeprefix("/create "), BERLIN, NOW, language=language)
    assert (event.start, event.end - event.start) == (berlin(2, 15), timedelta(hours=1))
    assert event.location and event.title and not event.all_day


@pytest.mark.parametrize(
    ("language", "problem"),
    [
        ("ru", "Не получилось прочитать дату в «blorf»"),
        ("de", "In „blorf“ konnte ich kein Datum lesen"),
        ("fa", "در «blorf» تاریخی پیدا نکردم"),
        ("en", "I couldn't read a date in “blorf”"),
    ],
)
def test_problems_are_worded_in_the_readers_language(language: str, problem: str) -> None:
    with speaking(language), pytest.raises(ParseProblem) as caught:
        parse_create_line("Lunch, blorf", BERLIN, NOW)
    isolated = str(caught.value)  # a right-to-left message isolates what it quotes
    assert problem in isolated.replace("\u2068", "").replace("\u2069", "")


@pytest.mark.parametrize(
    ("typed", "zone"),
    [("Москва", "Europe/Moscow"), ("Nueva York", "America/New_York"), ("تهران", "Asia/Tehran")],
)
def test_cities_named_in_other_languages_are_zones(typed: str, zone: str) -> None:
    assert resolve_timezone(typed) == zone


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_command_menu_has_every_command_described_in_each_language(language: str) -> None:
    menu = command_menu(language)
    assert [c.command for c in menu] == [command for command, _ in COMMANDS]
    for command, (_, message) in zip(menu, COMMANDS, strict=True):
        assert 1 <= len(command.description) <= 256 and command.description != message
    if language != "en":
        english = {c.command: c.description for c in command_menu("en")}
        assert sum(c.description != english[c.command] for c in menu) >= len(menu) - 2
    assert len(menu_language_code(language)) == 2
