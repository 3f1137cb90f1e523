"""The JSON API's own refusals in the reader's language (ADR 0021).

Over HTTP against `televent serve`, on both databases: what the API refuses itself (an events
listing's window, cursor and calendar; an event's calendar, its attendees and `range` on the
wrong road; a stale If-Match; a calendar's name, colour, busy time and members; a listing of
bookings; what a booking page's visitor sends), an event's own reminders, and an event whose
stored iCalendar data cannot be read are said in the caller's language (German, Russian), in
Content-Language; a caller who reads English gets the words the API always said, the field's
name first. The errors' own English (`str()`, which CalDAV and the logs read) is unchanged."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from uuid import uuid4

import httpx
import pytest

from televent.adapters.i18n import said
from televent.domain.errors import InvalidCalendarDataError
from televent.domain.event_alarms import checked_reminders
from televent.domain.event_fields import FieldError, event_calendar
from tests.conftest import Backend
from tests.e2e.test_event_field_refusals_i18n import BROWSERS, STAND_UP, details
from tests.tma import ApiServer, running_api_server

EVENTS = "/api/v1/events"
# An event whose zone's offset is no offset at all: no reader can read it, not even with its
# zones cut down to RFC 5545's properties (only data stored before the checks of a PUT can be so).
UNREADABLE = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//Client//EN\r\n"
    "BEGIN:VTIMEZONE\r\nTZID:Odd/Zone\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
    "TZOFFSETFROM:garbage\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
    "BEGIN:VEVENT\r\nUID:odd\r\nDTSTAMP:20260201T000000Z\r\n"
    "DTSTART;TZID=Odd/Zone:20260302T090000\r\nSUMMARY:Odd\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)

# Each refusal's status, and what it says to a reader of each language.
STATUS = {
    "not-found": 404,
    "feed-not-found": 404,
    "stale": 412,
    "no-page": 404,
    "link-gone": 404,
    "manage-invalid": 404,
}
SAID = {
    "en": {
        # events.py: the listing
        "window-bound": "end: is required (RFC 3339, like 2026-03-02T00:00:00Z).",
        "window-backwards": "end: must be after start.",
        "window-too-long": "end: the window is at most 366 days; ask for the next one after.",
        "cursor": "cursor: is not a cursor this listing gave.",
        "listing-calendar": "calendar: is not one of your calendars (an id or a slug).",
        # events.py: writing
        "calendar-form": "calendar: must be a calendar id or slug.",
        "calendar-move": "calendar: an event cannot move to another calendar here.",
        "attendees-elsewhere": "attendees: change them with /api/v1/events/{id}/attendees.",
        "range": "range: is thisandfuture or left out.",
        "stale": "This event was changed elsewhere since you opened it; reload it and try again.",
        # event_alarms.py
        "reminders-list": "reminders: is a list of at most 10 reminders, or null.",
        "reminder-trigger": "reminders: 'soon' is not a trigger like RELATED=END:-PT15M.",
        "reminder-too-far": "reminders: a reminder is at most 40320 minutes away.",
        # event_fields.py
        # calendars.py
        "busy": "busy: must be true, false or null.",
        "fixed-field": "slug: cannot be changed here (name, color, busy).",
        "not-found": "Calendar not found.",
        "feed-not-found": "Calendar not found.",
        "member-form": "member: give a Telegram id or an @username.",
        "member-unknown": (
            "member: no Televent user is called @nobody_here; ask them to open the bot first."
        ),
        "owner-role": "The owner's role cannot change; they own the calendar.",
        # availability.py
        "bookings-slug": "slug: is the slug of one of your links.",
        "bookings-window": "end: must be after start.",
        # public_booking_json.py
        "booking-field": (
            "Unknown field 'admin'; A booking takes: "
            "answers, duration_minutes, email, name, start, tz."
        ),
        "booking-answers": 'answers: is an object of answers like {"q1": "..."}.',
        "booking-zone": "tz: is an IANA time zone name like Europe/Berlin.",
        "no-page": "There is no booking page at this address.",
        "link-gone": "There is no booking link /nope.",
        "wrong-kind": "This calendar does not hold events; choose another calendar.",
        "manage-invalid": "This booking link is not valid.",
    },
    "de": {
        "window-bound": (
            "Gib an, bis wann aufgelistet wird (end, nach RFC 3339, etwa 2026-03-02T00:00:00Z)."
        ),
        "window-backwards": "Das Ende des Zeitraums muss nach seinem Beginn liegen.",
        "window-too-long": "Ein Zeitraum umfasst höchstens 366 Tage; frag danach den nächsten ab.",
        "cursor": "Diesen Cursor hat diese Liste nicht ausgegeben.",
        "listing-calendar": "Das ist keiner deiner Kalender (gib seine ID oder seinen Slug an).",
        "calendar-form": "Gib den Kalender mit seiner ID oder seinem Slug an.",
        "calendar-move": "Ein Termin lässt sich hier nicht in einen anderen Kalender verschieben.",
        "attendees-elsewhere": "Die Eingeladenen änderst du über /api/v1/events/{id}/attendees.",
        "range": "range ist entweder thisandfuture oder wird weggelassen.",
        "stale": (
            "Dieser Termin wurde anderswo geändert, während du ihn offen hattest; lade ihn neu "
            "und versuch es noch einmal."
        ),
        "reminders-list": (
            "Das Feld „reminders“ ist eine Liste von höchstens 10 Erinnerungen oder null."
        ),
        "reminder-trigger": "„soon“ in „reminders“ ist kein TRIGGER wie RELATED=END:-PT15M.",
        "reminder-too-far": (
            "Eine Erinnerung in „reminders“ liegt höchstens 40.320 Minuten vor oder nach dem "
            "Beginn."
        ),
        "busy": "busy ist true, false oder null.",
        "fixed-field": "„slug“ lässt sich hier nicht ändern; änderbar sind name, color und busy.",
        "not-found": "Kalender nicht gefunden.",
        "feed-not-found": "Kalender nicht gefunden.",
        "member-form": "Gib eine Telegram-ID oder einen @Benutzernamen an.",
        "member-unknown": (
            "Niemand bei Televent heißt @nobody_here; bitte die Person, zuerst den Bot zu öffnen."
        ),
        "owner-role": (
            "Die Rolle des Eigentümers lässt sich nicht ändern; ihm gehört der Kalender."
        ),
        "bookings-slug": "slug ist die Adresse (Slug) eines deiner Links.",
        "bookings-window": "Das Ende des Zeitraums muss nach seinem Beginn liegen.",
        "booking-field": (
            "Das Feld „admin“ gibt es nicht; eine Buchung hat: "
            "answers, duration_minutes, email, name, start, tz."
        ),
        "booking-answers": 'Die Antworten (answers) sind ein Objekt wie {"q1": "..."}.',
        "booking-zone": "„tz“ ist der Name einer IANA-Zeitzone wie Europe/Berlin.",
        "no-page": "Unter dieser Adresse gibt es keine Buchungsseite.",
        "link-gone": "Es gibt keinen Buchungslink /nope.",
        "wrong-kind": "Dieser Kalender enthält keine Termine; wähle einen anderen Kalender.",
        "manage-invalid": "Dieser Link zur Buchung ist ungültig.",
    },
    "ru": {
        "window-bound": (
            "Укажите конец промежутка (end, по RFC 3339, например 2026-03-02T00:00:00Z)."
        ),
        "window-backwards": "Конец промежутка должен быть позже его начала.",
        "window-too-long": "Промежуток — не больше 366 дней; следующий запросите отдельно.",
        "cursor": "Этот курсор выдан не этим списком.",
        "listing-calendar": "Это не ваш календарь (укажите id или slug одного из ваших).",
        "calendar-form": "Укажите календарь по его id или slug.",
        "calendar-move": "Здесь нельзя перенести событие в другой календарь.",
        "attendees-elsewhere": "Приглашённых меняют через /api/v1/events/{id}/attendees.",
        "range": "range — это thisandfuture, или его не указывают.",
        "stale": (
            "Это событие изменили в другом месте, пока оно было у вас открыто; обновите его и "
            "попробуйте снова."
        ),
        "reminders-list": (
            "Поле «reminders» — это список не больше чем из 10 напоминаний или null."
        ),
        "reminder-trigger": "«soon» в поле «reminders» — не TRIGGER вида RELATED=END:-PT15M.",
        "reminder-too-far": (
            "Напоминание в поле «reminders» — не дальше чем за 40\u00a0320 минут от начала."
        ),
        "busy": "busy — это true, false или null.",
        "fixed-field": "Поле «slug» здесь не меняется; менять можно name, color и busy.",
        "not-found": "Календарь не найден.",
        "feed-not-found": "Календарь не найден.",
        "member-form": "Укажите Telegram id или @username.",
        "member-unknown": (
            "В Televent нет пользователя @nobody_here; попросите его сначала открыть бота."
        ),
        "owner-role": "Роль владельца изменить нельзя: календарь принадлежит ему.",
        "bookings-slug": "slug — это адрес (slug) одной из ваших ссылок.",
        "bookings-window": "Конец промежутка должен быть позже его начала.",
        "booking-field": (
            "Поля «admin» нет; поля записи: answers, duration_minutes, email, name, start, tz."
        ),
        "booking-answers": 'Ответы (answers) — это объект вида {"q1": "..."}.',
        "booking-zone": "«tz» — это название часового пояса IANA, например Europe/Berlin.",
        "no-page": "По этому адресу нет страницы записи.",
        "link-gone": "Ссылки для записи /nope нет.",
        "wrong-kind": "Этот календарь не хранит события; выберите другой календарь.",
        "manage-invalid": "Эта ссылка на запись недействительна.",
    },
}


@pytest.fixture
def server(backend: Backend, tmp_path: Path) -> Iterator[ApiServer]:
    with running_api_server(backend.migrated_url(), tmp_path) as running:
        yield running


def made(client: httpx.Client, body: dict[str, object]) -> dict[str, object]:
    """A new event of the caller's."""
    reply = client.post(EVENTS, json=body)
    assert reply.status_code == 201, reply.text
    return dict(reply.json())


def own_calendar(client: httpx.Client) -> str:
    """The id of the caller's own calendar."""
    reply = client.get("/api/v1/calendars")
    assert reply.status_code == 200, reply.text
    return next(str(c["id"]) for c in reply.json()["items"] if c["kind"] == "own")


TASKS_ONLY = (
    '<?xml version="1.0" encoding="utf-8"?><C:mkcalendar xmlns:D="DAV:" '
    'xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop><D:displayname>Chores'
    '</D:displayname><C:supported-calendar-component-set><C:comp name="VTODO"/>'
    "</C:supported-calendar-component-set></D:prop></D:set></C:mkcalendar>"
)


def tasks_calendar(server: ApiServer, telegram_id: int) -> None:
    """A calendar for tasks only, as a CalDAV client (Apple Reminders, Thunderbird) makes it."""
    made = httpx.request(
        "MKCALENDAR",
        f"{server.url}/dav/calendars/{telegram_id}/chores/",
        content=TASKS_ONLY,
        auth=server.basic(telegram_id),
        timeout=60,
    )
    assert made.status_code == 201, made.text


def refusals(server: ApiServer, telegram_id: int, browser: str) -> dict[str, httpx.Response]:
    """Every refusal, asked for by the user `telegram_id` (the booking page's without an
    account, in the language of `browser`)."""
    tasks_calendar(server, telegram_id)
    with server.client(telegram_id) as client:
        listed = client.get("/api/v1/calendars").json()["items"]
        assert {c["slug"]: c["events"] for c in listed} == {"default": True, "chores": False}
        event = made(client, STAND_UP)
        path = f"{EVENTS}/{event['id']}"
        calendar = own_calendar(client)
        window = {"start": "2026-01-01T00:00:00Z"}
        replies = {
            "window-bound": client.get(EVENTS, params=window),
            "window-backwards": client.get(EVENTS, params={**window, "end": "2025-12-01"}),
            "window-too-long": client.get(EVENTS, params={**window, "end": "2027-06-01"}),
            "cursor": client.get(EVENTS, params={**window, "end": "2026-02-01", "cursor": "!"}),
            "listing-calendar": client.get(
                EVENTS, params={**window, "end": "2026-02-01", "calendar": "nowhere"}
            ),
            "calendar-form": client.post(EVENTS, json={**STAND_UP, "calendar": 5}),
            "calendar-move": client.patch(path, json={"calendar": str(uuid4())}),
            "attendees-elsewhere": client.patch(path, json={"attendees": ["@somebody"]}),
            "range": client.patch(
                path, params={"occurrence": "2026-03-02T09:00:00", "range": "all"}, json={}
            ),
            "stale": client.patch(path, json={}, headers={"If-Match": '"not-the-etag"'}),
            "reminders-list": client.post(EVENTS, json={**STAND_UP, "reminders": 15}),
            "reminder-trigger": client.post(EVENTS, json={**STAND_UP, "reminders": ["soon"]}),
            "reminder-too-far": client.post(EVENTS, json={**STAND_UP, "reminders": [99999]}),
            "busy": client.patch(f"/api/v1/calendars/{calendar}", json={"busy": "yes"}),
            "fixed-field": client.patch(f"/api/v1/calendars/{calendar}", json={"slug": "x"}),
            "not-found": client.get("/api/v1/calendars/not-an-id"),
            "feed-not-found": client.get(f"/api/v1/calendars/{uuid4()}/feed"),
            "member-form": client.post(
                f"/api/v1/calendars/{calendar}/members", json={"member": "somebody"}
            ),
            "member-unknown": client.post(
                f"/api/v1/calendars/{calendar}/members", json={"member": "@nobody_here"}
            ),
            "owner-role": client.patch(
                f"/api/v1/calendars/{calendar}/members/{telegram_id}", json={"role": "read"}
            ),
            "bookings-slug": client.get("/api/v1/bookings", params={"slug": "not_a_slug"}),
            "bookings-window": client.get(
                "/api/v1/bookings", params={"start": "2026-03-02", "end": "2026-03-01"}
            ),
            "link-gone": client.patch("/api/v1/booking-links/nope", json={"title": "Call"}),
            "wrong-kind": client.post(EVENTS, json={**STAND_UP, "calendar": "chores"}),
        }
    with httpx.Client(
        base_url=server.url, timeout=60, headers={"Accept-Language": browser}
    ) as anonymous:
        booking = {"start": "2026-12-01T10:00:00Z", "name": "Vera", "email": "v@example.org"}
        replies |= {
            "booking-field": anonymous.post("/api/v1/book/intro", json={**booking, "admin": 1}),
            "booking-answers": anonymous.post(
                "/api/v1/book/intro", json={**booking, "answers": [1]}
            ),
            "booking-zone": anonymous.post("/api/v1/book/intro", json={**booking, "tz": 5}),
            "no-page": anonymous.get("/api/v1/book/not_a_slug"),
            "manage-invalid": anonymous.get("/api/v1/book/intro/manage/n0such70ken/booking.ics"),
        }
    return replies


@pytest.mark.slow
@pytest.mark.parametrize("language", ["de", "ru"])
def test_the_apis_own_refusals_are_said_in_the_callers_language(
    server: ApiServer, language: str
) -> None:
    """Bob reads German (or Russian), whatever his browser says, and so does a visitor whose
    browser asks for it; Alice and an English browser read English."""
    with server.client(2) as bob:
        assert bob.patch("/api/v1/me", json={"language": language}).status_code == 200
    asked = refusals(server, 2, BROWSERS[language])
    assert details(asked, language, STATUS) == SAID[language]
    assert details(refusals(server, 1, BROWSERS["en"]), "en", STATUS) == SAID["en"]


def test_the_reminders_refusals_keep_their_english_and_are_said_in_words() -> None:
    for value, english, german in (
        (
            15,
            "reminders: is a list of at most 10 reminders, or null.",
            "Das Feld „reminders“ ist eine Liste von höchstens 10 Erinnerungen oder null.",
        ),
        (
            [1.5],
            "reminders: each is minutes before the start, or a TRIGGER as listed.",
            "Jede Erinnerung in „reminders“ ist eine Zahl von Minuten vor dem Beginn oder ein "
            "TRIGGER in der gezeigten Form.",
        ),
        (
            ["RELATED=END:fifteen"],
            "reminders: 'RELATED=END:fifteen' is not a trigger like RELATED=END:-PT15M.",
            "„RELATED=END:fifteen“ in „reminders“ ist kein TRIGGER wie RELATED=END:-PT15M.",
        ),
    ):
        with pytest.raises(FieldError) as refused:
            checked_reminders("reminders", value)
        assert str(refused.value) == english
        assert said(refused.value, "en") == english
        assert said(refused.value, "de") == german


def test_a_stored_event_that_cannot_be_read_keeps_its_english() -> None:
    with pytest.raises(InvalidCalendarDataError) as refused:
        event_calendar(UNREADABLE)
    english = "The iCalendar data cannot be parsed: Expected UTC offset, got: garbage"
    assert str(refused.value) == english
    assert said(refused.value, "en") == english
    assert said(refused.value, "ru") == (
        "Сохранённые данные iCalendar этого события не удаётся прочитать: "
        "Expected UTC offset, got: garbage"
    )
