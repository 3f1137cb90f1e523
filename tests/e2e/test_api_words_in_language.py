"""What a person reads from the JSON API and its login link, in their language, over HTTP
against `televent serve`, on both databases: the login link's pages speak the browser's
Accept-Language (there is no account before the login); the refusals of invitees, answers and
repetition rules are said in the caller's language; and a request litestar itself finds invalid
(a query parameter, a body of the wrong shape, a body that is not JSON) is answered in the
caller's words too, its field and where it was kept as data in `errors`. Each says which
language in Content-Language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import Backend
from tests.tma import ApiServer, running_api_server

GERMAN = {"Accept-Language": "de-DE,de;q=0.9,en;q=0.5"}
RUSSIAN = {"Accept-Language": "ru-RU,ru;q=0.9"}
PERSIAN = {"Accept-Language": "fa-IR,fa;q=0.9"}


@pytest.fixture
def server(backend: Backend, tmp_path: Path) -> Iterator[ApiServer]:
    with running_api_server(backend.migrated_url(), tmp_path) as running:
        yield running


def detail(reply: httpx.Response, status: int, language: str) -> str:
    """The detail of a problem in `language` (without the isolation marks Persian puts around
    what it quotes)."""
    return str(problem(reply, status, language)["detail"])


def problem(reply: httpx.Response, status: int, language: str) -> dict[str, Any]:
    assert reply.status_code == status, reply.text
    assert reply.headers["content-type"].startswith("application/problem+json")
    assert reply.headers["content-language"] == language
    body: dict[str, Any] = reply.json()
    body["detail"] = str(body["detail"]).replace("\u2068", "").replace("\u2069", "")
    return body


def page(reply: httpx.Response, status: int, language: str) -> str:
    """A login-link page in `language`: its text."""
    assert reply.status_code == status, reply.text
    assert reply.headers["content-type"].startswith("text/html")
    assert reply.headers["content-language"] == language
    assert f'<html lang="{language}"' in reply.text
    assert "set-cookie" not in reply.headers
    return reply.text


def test_the_login_link_pages_speak_the_browsers_language(server: ApiServer) -> None:
    with httpx.Client(base_url=server.url, timeout=60) as browser:
        incomplete = page(browser.get("/app/login", headers=GERMAN), 400, "de")
        assert "<h1>Dieser Anmeldelink ist unvollständig</h1>" in incomplete
        assert "Öffne den ganzen Link, den dir der Bot geschickt hat" in incomplete
        assert "incomplete" not in incomplete
        used = page(browser.get("/app/login?token=made-up", headers=RUSSIAN), 410, "ru")
        assert "<h1>Эта ссылка для входа больше не работает</h1>" in used
        assert "Ссылка для входа работает один раз и всего несколько минут." in used
        assert "no longer works" not in used
        preview = browser.get(
            "/app/login?token=made-up",
            headers={**PERSIAN, "User-Agent": "TelegramBot (like TwitterBot)"},
        )
        assert 'dir="rtl"' in page(preview, 200, "fa")
        assert "این پیوند را باز کنید" in preview.text
        # A browser asking for nothing Televent speaks reads English.
        english = page(browser.get("/app/login?token=made-up"), 410, "en")
        assert "This login link no longer works" in english


def own_event(client: httpx.Client, **fields: Any) -> str:
    made = client.post(
        "/api/v1/events", json={"title": "Planning", "start": "2026-03-12T14:00:00", **fields}
    )
    assert made.status_code == 201, made.text
    return str(made.json()["id"])


def test_refusals_of_invitees_are_said_in_the_callers_language(server: ApiServer) -> None:
    with server.client(1) as alice:
        assert alice.patch("/api/v1/me", json={"language": "de"}).status_code == 200
        alice.headers.update(RUSSIAN)  # her own choice wins over the browser's
        event = own_event(alice)
        attendees = f"/api/v1/events/{event}/attendees"

        def invite(invitee: Any) -> str:
            return detail(alice.post(attendees, json={"invitee": invitee}), 422, "de")

        assert invite("@nobody") == (
            "@nobody ist noch nicht bei Televent: Bitte die Person, dem Bot /start zu "
            "schicken, oder lade sie per E-Mail ein."
        )
        assert invite("424242") == (
            "Die Person mit der Telegram-ID 424242 hat den Bot noch nicht gestartet: Bitte sie, "
            "dem Bot /start zu schicken, oder lade sie per E-Mail ein."
        )
        assert invite("nonsense") == (
            "„nonsense“ ist weder ein @Benutzername noch eine Telegram-ID noch eine E-Mail-Adresse."
        )
        assert invite("") == (
            "Gib an, wen du einlädst: einen @Benutzernamen, eine Telegram-ID oder eine "
            "E-Mail-Adresse."
        )
        assert invite("1") == "Das bist du: Du organisierst diesen Termin."
        assert invite("bob\u0007") == (
            "Die Angabe, wen du einlädst, darf keine Steuerzeichen enthalten."
        )
        made = alice.post(
            "/api/v1/events",
            json={"title": "x", "start": "2026-03-12T14:00:00", "attendees": ["@nobody"]},
        )
        assert detail(made, 422, "de").startswith("@nobody ist noch nicht bei Televent")
        gone = alice.delete(attendees, params={"address": "carol@example.com"})
        assert detail(gone, 404, "de") == "carol@example.com nimmt an diesem Termin nicht teil."
        answer = alice.post(f"/api/v1/events/{event}/rsvp", json={"status": "maybe"})
        assert detail(answer, 422, "de") == "Antworte mit accepted, tentative oder declined."
        mine = alice.post(f"/api/v1/events/{event}/rsvp", json={"status": "accepted"})
        assert detail(mine, 422, "de") == "Du bist zu diesem Termin nicht eingeladen."


# What each refusal of a repetition rule says to a reader of Russian.
RULES_IN_RUSSIAN = {
    "FREQ=MINUTELY": "«FREQ=MINUTELY» повторяется чаще раза в час, а события повторяются "
    "не чаще раза в час.",
    "FREQ=DAILY;INTERVAL=0": "В «FREQ=DAILY;INTERVAL=0» интервал (INTERVAL) должен быть "
    "целым числом не меньше 1.",
    "FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=4": "У «FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=4» нет ни "
    "одной даты в ближайшие сто лет от начала: его части никогда не совпадают.",
}


def test_refusals_of_repetition_rules_are_said_in_the_callers_language(
    server: ApiServer,
) -> None:
    with server.client(2) as bob:
        assert bob.patch("/api/v1/me", json={"language": "ru"}).status_code == 200
        for rule, said in RULES_IN_RUSSIAN.items():
            refused = bob.post(
                "/api/v1/events",
                json={"title": "Stand-up", "start": "2026-03-02T09:00:00", "recurrence": rule},
            )
            assert detail(refused, 422, "ru") == said
        path = f"/api/v1/events/{own_event(bob, recurrence='FREQ=DAILY')}"
        one = {"occurrence": "2026-03-13T14:00:00"}
        whole = bob.patch(path, params=one, json={"recurrence": "FREQ=WEEKLY"})
        assert detail(whole, 422, "ru") == (
            "Правило повторения относится ко всему ряду; уберите occurrence."
        )
        a_date = bob.patch(path, params={"occurrence": "2026-03-13"}, json={"title": "x"})
        assert detail(a_date, 422, "ru") == "Повторения этого ряда называются датой и временем."


def test_requests_litestar_finds_invalid_are_answered_in_the_callers_words(
    server: ApiServer,
) -> None:
    with server.client(1) as alice:
        assert alice.patch("/api/v1/me", json={"language": "ru"}).status_code == 200
        limit = problem(alice.get("/api/v1/events", params={"limit": "many"}), 400, "ru")
        assert limit["detail"] == "Запрос составлен неверно: проверьте параметр запроса «limit»."
        assert limit["type"] == "urn:televent:problem:invalid-request"
        assert limit["title"] == "Неверный запрос"
        [where] = limit["errors"]
        assert (where["key"], where["source"]) == ("limit", "query")
        minutes = problem(alice.patch("/api/v1/me", json={"reminder_minutes": [1]}), 400, "ru")
        assert minutes["detail"] == (
            "Запрос составлен неверно: проверьте поле «reminder_minutes» в теле запроса."
        )
        assert minutes["errors"][0]["key"] == "reminder_minutes"
        unknown = problem(alice.patch("/api/v1/me", json={"colour": "red"}), 400, "ru")
        assert unknown["detail"] == (
            "Запрос составлен неверно: в теле запроса есть поле «colour», которое этот адрес "
            "не принимает."
        )
        own = alice.get("/api/v1/calendars").json()["items"][0]["id"]
        nobody = problem(alice.post(f"/api/v1/calendars/{own}/members", json={}), 400, "ru")
        assert nobody["detail"] == "Запрос составлен неверно: в теле запроса нет поля «member»."
        assert (nobody["errors"][0]["key"], nobody["errors"][0]["source"]) == ("member", "body")
        # A body that is not JSON is refused as it is read, before the caller is known: in
        # the language of the browser (the Mini App's sends the phone's).
        broken = alice.post(
            "/api/v1/devices",
            content=b'{"name": ',
            headers={"Content-Type": "application/json", **RUSSIAN},
        )
        assert detail(broken, 400, "ru") == "Тело запроса не является корректным JSON."
    with httpx.Client(base_url=server.url, auth=server.basic(2), timeout=60) as bob:
        # Bob has chosen no language: his browser's is read.
        too_long = bob.delete("/api/v1/devices/" + "x" * 100, headers=GERMAN)
        assert detail(too_long, 400, "de") == (
            "Die Anfrage ist ungültig: Prüfe „name“ in der Adresse."
        )
