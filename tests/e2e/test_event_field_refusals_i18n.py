"""The refusals of an event's fields in the reader's language (ADR 0021).

Over HTTP against `televent serve`, on both databases: a field that is not one, a value of the
wrong type, a date that is not one, a time where an all-day event takes a date, a start left
out, an end before the start, a year Televent does not hold and a time zone it does not know
are refused with 422 and said in the caller's language (German, Russian) with what they sent,
in Content-Language; a caller who reads English gets the words the API always said, the
field's name first. The calendar's own property refusals, which CalDAV and the API's commands
reach, are said in the reader's words too, their English unchanged."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from uuid import uuid4

import httpx
import pytest

from televent.adapters.i18n import said
from televent.domain.calendar import Calendar
from televent.domain.errors import DomainError
from tests.conftest import Backend
from tests.tma import ApiServer, running_api_server

WHO = {"actor": "test", "source": "test"}
BROWSERS = {
    "en": "en-US,en;q=0.9",
    "de": "de-DE,de;q=0.9,en;q=0.5",
    "ru": "ru-RU,ru;q=0.9",
}
STAND_UP = {"title": "Stand-up", "start": "2026-03-02T09:00:00"}

# What each refusal says to a reader of the language.
SAID = {
    "en": {
        "not-a-boolean": "all_day: must be true or false.",
        "unknown-field": "colour: unknown or read-only field.",
        "not-a-string": "title: must be a string.",
        "null": "start: cannot be null.",
        "control-characters": (
            "location: contains control characters (a tab and line breaks excepted)."
        ),
        "not-a-date": "start: 'tomorrow' is not a date (YYYY-MM-DD) or an RFC 3339 date-time.",
        "time-on-all-day": "start: an all-day event takes a date (YYYY-MM-DD).",
        "date-on-timed": "end: a timed event takes a date and time.",
        "no-start": "start: is required.",
        "time-without-start": "start: is required when an all-day event gets a time.",
        "end-before-start": "end: must be after start.",
        "occurrence-not-a-date": (
            "occurrence: 'soon' is not a date (YYYY-MM-DD) or an RFC 3339 date-time."
        ),
        "listing-years": "start: '3026-01-01T00:00:00Z' is outside the years 1900 to 2999.",
        "zone": "timezone: 'Mars/Olympus' is not an IANA time zone (like Europe/Berlin).",
        "booking-zone": "tz: 'Mars/Olympus' is not an IANA time zone (like Europe/Berlin).",
    },
    "de": {
        "not-a-boolean": "Das Feld „all_day“ muss true oder false sein.",
        "unknown-field": "Das Feld „colour“ gibt es nicht, oder es lässt sich nicht ändern.",
        "not-a-string": "Das Feld „title“ muss ein Text sein.",
        "null": "Das Feld „start“ darf nicht null sein.",
        "control-characters": (
            "Das Feld „location“ enthält Steuerzeichen (erlaubt sind nur Tabulatoren und "
            "Zeilenumbrüche)."
        ),
        "not-a-date": (
            "„tomorrow“ ist als Beginn weder ein Datum (JJJJ-MM-TT) noch eine Zeitangabe "
            "nach RFC 3339."
        ),
        "time-on-all-day": (
            "Der Beginn eines ganztägigen Termins ist ein Datum (JJJJ-MM-TT) ohne Uhrzeit."
        ),
        "date-on-timed": "Das Ende eines Termins mit Uhrzeit ist ein Datum mit Uhrzeit.",
        "no-start": "Gib an, wann der Termin beginnt.",
        "time-without-start": (
            "Bekommt ein ganztägiger Termin eine Uhrzeit, gib auch an, wann er beginnt."
        ),
        "end-before-start": "Das Ende des Termins muss nach seinem Beginn liegen.",
        "occurrence-not-a-date": (
            "„soon“ ist als Wiederholung weder ein Datum (JJJJ-MM-TT) noch eine Zeitangabe "
            "nach RFC 3339."
        ),
        "listing-years": (
            "Das Anfangsdatum „3026-01-01T00:00:00Z“ liegt außerhalb der Jahre, die Televent "
            "speichert: 1900 bis 2999."
        ),
        "zone": "„Mars/Olympus“ ist keine bekannte Zeitzone; nutze einen IANA-Namen wie "
        "Europe/Berlin.",
        "booking-zone": "„Mars/Olympus“ (tz) ist keine bekannte Zeitzone; nutze einen "
        "IANA-Namen wie Europe/Berlin.",
    },
    "ru": {
        "not-a-boolean": "Поле «all_day» должно быть true или false.",
        "unknown-field": "Поля «colour» нет, или его нельзя менять.",
        "not-a-string": "Поле «title» должно быть текстом.",
        "null": "Поле «start» не может быть null.",
        "control-characters": (
            "В поле «location» есть управляющие символы (можно только табуляцию и переносы строк)."
        ),
        "not-a-date": (
            "Начало «tomorrow» не является ни датой (ГГГГ-ММ-ДД), ни датой со временем по RFC 3339."
        ),
        "time-on-all-day": "Начало события на весь день — это дата (ГГГГ-ММ-ДД) без времени.",
        "date-on-timed": "Конец события со временем — это дата и время.",
        "no-start": "Укажите, когда начинается событие.",
        "time-without-start": "Когда событию на весь день задают время, укажите и его начало.",
        "end-before-start": "Конец события должен быть позже начала.",
        "occurrence-not-a-date": (
            "Повторение «soon» не является ни датой (ГГГГ-ММ-ДД), ни датой со временем по RFC 3339."
        ),
        "listing-years": (
            "Дата начала «3026-01-01T00:00:00Z» выходит за годы, которые хранит Televent: "
            "с 1900 по 2999."
        ),
        "zone": "«Mars/Olympus» — неизвестный часовой пояс; укажите название IANA, например "
        "Europe/Moscow.",
        "booking-zone": "«Mars/Olympus» (tz) — неизвестный часовой пояс; укажите название "
        "IANA, например Europe/Moscow.",
    },
}


@pytest.fixture
def server(backend: Backend, tmp_path: Path) -> Iterator[ApiServer]:
    with running_api_server(backend.migrated_url(), tmp_path) as running:
        yield running


def made(client: httpx.Client, body: dict[str, object]) -> str:
    """A new event of the caller's, by its id."""
    reply = client.post("/api/v1/events", json=body)
    assert reply.status_code == 201, reply.text
    return str(reply.json()["id"])


def refusals(client: httpx.Client, browser: str) -> dict[str, httpx.Response]:
    """Every refusal of an event's fields, asked for by `client` (the public booking page's
    without an account, in the language of `browser`)."""
    holiday = f"/api/v1/events/{made(client, {'title': 'Holiday', 'start': '2026-03-02'})}"
    series = f"/api/v1/events/{made(client, {**STAND_UP, 'recurrence': 'FREQ=DAILY'})}"
    events = "/api/v1/events"
    with httpx.Client(base_url=str(client.base_url), timeout=60) as anonymous:
        booking_zone = anonymous.get(
            f"/api/v1/book/nobody-{uuid4().hex[:8]}/slots",
            params={"tz": "Mars/Olympus"},
            headers={"Accept-Language": browser},
        )
    return {
        "not-a-boolean": client.post(events, json={**STAND_UP, "all_day": "yes"}),
        "unknown-field": client.post(events, json={**STAND_UP, "colour": "red"}),
        "not-a-string": client.post(events, json={**STAND_UP, "title": 5}),
        "null": client.post(events, json={**STAND_UP, "start": None}),
        "control-characters": client.post(events, json={**STAND_UP, "location": "A\x07B"}),
        "not-a-date": client.post(events, json={**STAND_UP, "start": "tomorrow"}),
        "time-on-all-day": client.post(events, json={**STAND_UP, "all_day": True}),
        "date-on-timed": client.post(events, json={**STAND_UP, "end": "2026-03-03"}),
        "no-start": client.post(events, json={"title": "Stand-up"}),
        "time-without-start": client.patch(holiday, json={"all_day": False}),
        "end-before-start": client.patch(holiday, json={"end": "2026-03-01"}),
        "occurrence-not-a-date": client.patch(
            series, params={"occurrence": "soon"}, json={"title": "Daily"}
        ),
        "listing-years": client.get(
            events, params={"start": "3026-01-01T00:00:00Z", "end": "3026-01-02T00:00:00Z"}
        ),
        "zone": client.post(events, json={**STAND_UP, "timezone": "Mars/Olympus"}),
        "booking-zone": booking_zone,
    }


def details(
    replies: dict[str, httpx.Response], language: str, statuses: dict[str, int] | None = None
) -> dict[str, str]:
    """What each refusal said: a problem (422 unless `statuses` says otherwise) in
    `language`."""
    found = {}
    for name, reply in replies.items():
        assert reply.status_code == (statuses or {}).get(name, 422), (name, reply.text)
        assert reply.headers["content-type"].startswith("application/problem+json"), name
        assert reply.headers["content-language"] == language, name
        found[name] = str(reply.json()["detail"])
    return found


@pytest.mark.slow
@pytest.mark.parametrize("language", ["de", "ru"])
def test_an_events_fields_are_refused_in_the_callers_language(
    server: ApiServer, language: str
) -> None:
    """Bob reads German (or Russian), whatever his browser says; Alice reads English."""
    with server.client(1) as alice, server.client(2) as bob:
        assert bob.patch("/api/v1/me", json={"language": language}).status_code == 200
        bob.headers["Accept-Language"] = BROWSERS["en"]  # his choice wins over the browser
        assert details(refusals(bob, BROWSERS[language]), language) == SAID[language]
        assert details(refusals(alice, BROWSERS["en"]), "en") == SAID["en"]


@pytest.mark.slow
def test_a_nonboolean_all_day_names_the_field_in_every_language(server: ApiServer) -> None:
    """The refusal a JSON client meets most, with the field it sent, for each reader."""
    with server.client(2) as bob:
        for language, expected in (
            ("de", "Das Feld „all_day“ muss true oder false sein."),
            ("ru", "Поле «all_day» должно быть true или false."),
            ("en", "all_day: must be true or false."),
        ):
            assert bob.patch("/api/v1/me", json={"language": language}).status_code == 200
            reply = bob.post("/api/v1/events", json={**STAND_UP, "all_day": 1})
            assert details({"all_day": reply}, language) == {"all_day": expected}


def test_the_calendars_own_property_refusals_are_said_in_words() -> None:
    owner = uuid4()
    calendar = Calendar(account_id=owner, slug="family", properties={}, **WHO)
    with pytest.raises(DomainError) as unknown:
        calendar.update(properties={"colour": "red"}, **WHO)
    assert str(unknown.value) == "Unknown calendar property: colour."
    assert said(unknown.value, "en") == "Unknown calendar property: colour."
    assert said(unknown.value, "de") == "Eine Kalendereigenschaft „colour“ gibt es nicht."
    assert said(unknown.value, "ru") == "У календаря нет свойства «colour»."

    many = {f"{{urn:x}}p{n}": "v" for n in range(33)}
    with pytest.raises(DomainError) as too_many:
        calendar.update(properties={"dead": many}, **WHO)
    assert str(too_many.value) == "A calendar keeps at most 32 client properties."
    assert said(too_many.value, "en") == "A calendar keeps at most 32 client properties."
    assert said(too_many.value, "ru") == "Календарь хранит не больше 32 свойств от приложений."

    with pytest.raises(DomainError) as long:
        calendar.update(properties={"dead": {"{urn:x}p": "v" * 5000}}, **WHO)
    english = "A client property is at most 4096 characters, named {namespace}name."
    assert str(long.value) == english
    assert said(long.value, "en") == english
    assert said(long.value, "de") == (
        "Eine Eigenschaft einer Kalender-App hat höchstens 4.096 Zeichen und einen Namen der "
        "Form {namespace}name."
    )


def test_a_members_own_property_refusals_are_said_in_words() -> None:
    owner, member = uuid4(), uuid4()
    calendar = Calendar(account_id=owner, slug="family", properties={}, **WHO)
    calendar.members = {str(member): {"role": "read", "status": "active"}}
    with pytest.raises(DomainError) as unknown:
        calendar.set_member_properties(by=member, changes={"timezone": "UTC"}, **WHO)
    assert str(unknown.value) == "Unknown calendar property: timezone."
    assert said(unknown.value, "ru") == "У календаря нет свойства «timezone»."
    with pytest.raises(DomainError) as busy:
        calendar.set_member_properties(by=member, changes={"busy": "yes"}, **WHO)
    assert str(busy.value) == "busy is true or false."
    assert said(busy.value, "en") == "busy is true or false."
    assert said(busy.value, "de") == "Ob der Kalender als belegt zählt (busy), ist true oder false."
