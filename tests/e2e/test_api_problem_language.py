"""The JSON API's problems in the caller's language, over HTTP against `televent serve`, on both
databases: a signed-in caller who reads Russian gets Russian titles (and the details the API
writes itself) whatever their browser asks for; the refusals of calendars, events and sharing
(a stale edit, a calendar they may only view, an occurrence or a calendar that is not there,
sharing with themselves) are said in Russian or Persian; a request without an account gets the
language of its Accept-Language; English stays HTTP's status phrases. Each says so in
Content-Language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from uuid import uuid4

import httpx
import pytest

from tests.conftest import Backend
from tests.tma import ApiServer, running_api_server


@pytest.fixture
def server(backend: Backend, tmp_path: Path) -> Iterator[ApiServer]:
    with running_api_server(backend.migrated_url(), tmp_path) as running:
        yield running


def problem(reply: httpx.Response, status: int, language: str) -> dict[str, Any]:
    assert reply.status_code == status, reply.text
    assert reply.headers["content-type"].startswith("application/problem+json")
    assert reply.headers["content-language"] == language
    return dict(reply.json())


def test_a_russian_caller_reads_russian_titles(server: ApiServer) -> None:
    with server.client(1) as alice:
        assert alice.patch("/api/v1/me", json={"language": "ru"}).status_code == 200
        english_browser = {"Accept-Language": "en-US,en;q=0.9"}
        blank = problem(
            alice.patch("/api/v1/me", json={"name": "  "}, headers=english_browser), 422, "ru"
        )
        assert blank["title"] == "Запрос отклонён"
        assert blank["detail"] == "Имя не может быть пустым."  # written by the API itself
        missing = problem(alice.get(f"/api/v1/events/{uuid4()}"), 404, "ru")
        assert missing["title"] == "Не найдено"
        assert missing["type"] == "urn:televent:problem:not-found"
        assert missing["detail"] == "Этого события больше нет."
        not_an_id = problem(alice.get("/api/v1/events/not-an-id"), 404, "ru")
        assert not_an_id["detail"] == "Этого события больше нет."


# What each refusal says to a reader of the language.
REFUSALS = {
    "ru": {
        "stale": "Это событие изменили в другом месте, пока оно было у вас открыто; "
        "обновите его и попробуйте снова.",
        "read-only": "Этот календарь вы можете только просматривать: менять его события нельзя.",
        "no-occurrence": "В это время у события нет повторения.",
        "no-calendar": "Календарь не найден.",
        "self-share": "Нельзя поделиться календарём с самим собой.",
        "end-before-start": "Конец события должен быть позже начала.",
    },
    "fa": {
        "stale": "این رویداد وقتی پیش شما باز بود جای دیگری تغییر کرد؛ "
        "آن را دوباره بارگذاری کنید و باز امتحان کنید.",
        "read-only": "این تقویم را فقط می‌توانید ببینید و نمی‌توانید رویدادهایش را تغییر دهید.",
        "no-occurrence": "این رویداد در آن زمان تکراری ندارد.",
        "no-calendar": "تقویم پیدا نشد.",
        "self-share": "نمی‌توانید تقویمی را با خودتان به اشتراک بگذارید.",
        "end-before-start": "پایان رویداد باید بعد از شروع آن باشد.",
    },
}


def own_calendar(client: httpx.Client) -> str:
    """The id of the caller's own default calendar."""
    listed = client.get("/api/v1/calendars")
    assert listed.status_code == 200, listed.text
    (own,) = [c["id"] for c in listed.json()["items"] if c["kind"] == "own"]
    return str(own)


@pytest.mark.parametrize("language", sorted(REFUSALS))
def test_refusals_of_events_and_sharing_are_said_in_the_callers_language(
    server: ApiServer, language: str
) -> None:
    """Bob reads Russian (or Persian); Alice lets him view her calendar, nothing more."""
    said = REFUSALS[language]
    with server.client(1) as alice, server.client(2) as bob:
        assert bob.patch("/api/v1/me", json={"language": language}).status_code == 200
        alices = own_calendar(alice)
        shared = alice.post(
            f"/api/v1/calendars/{alices}/members", json={"member": 2, "role": "read"}
        )
        assert shared.status_code == 201, shared.text
        assert bob.post(f"/api/v1/calendars/{alices}/accept").status_code == 200

        # An edit of a version someone else has replaced since (If-Match): 412.
        made = bob.post(
            "/api/v1/events",
            json={"title": "Stand-up", "start": "2026-03-02T09:00:00", "recurrence": "FREQ=DAILY"},
        )
        assert made.status_code == 201, made.text
        path, read_etag = f"/api/v1/events/{made.json()['id']}", made.headers["ETag"]
        assert bob.patch(path, json={"location": "Room 1"}).status_code == 200
        stale = bob.patch(path, json={"title": "Daily"}, headers={"If-Match": read_etag})
        assert problem(stale, 412, language)["detail"] == said["stale"]

        # A calendar Bob may only view: 403, naming the right his role lacks.
        refused = problem(
            bob.post(
                "/api/v1/events",
                json={"title": "Mine", "start": "2026-03-03T10:00:00", "calendar": alices},
            ),
            403,
            language,
        )
        assert refused["detail"] == said["read-only"]
        assert refused["needs"] == "write"

        # An occurrence the series does not have, a calendar that is not there: 404.
        off_the_series = bob.patch(
            path, params={"occurrence": "2026-03-04T09:30:00"}, json={"title": "x"}
        )
        assert problem(off_the_series, 404, language)["detail"] == said["no-occurrence"]
        nowhere = bob.post(f"/api/v1/calendars/{uuid4()}/accept")
        assert problem(nowhere, 404, language)["detail"] == said["no-calendar"]

        # Sharing his own calendar with himself, an end before the start: 422.
        himself = bob.post(
            f"/api/v1/calendars/{own_calendar(bob)}/members", json={"member": 2, "role": "read"}
        )
        assert problem(himself, 422, language)["detail"] == said["self-share"]
        backwards = bob.patch(path, json={"end": "2026-03-02T08:00:00"})
        assert problem(backwards, 422, language)["detail"] == said["end-before-start"]

        # Alice reads English: the same refusal, in English.
        english = alice.post(f"/api/v1/calendars/{alices}/members", json={"member": 1})
        assert problem(english, 422, "en")["detail"] == "You cannot share a calendar with yourself."


def test_the_email_code_refusals_are_said_in_the_callers_language(server: ApiServer) -> None:
    with server.client(1) as alice:
        assert alice.patch("/api/v1/me", json={"language": "ru"}).status_code == 200
        not_an_address = problem(
            alice.post("/api/v1/me/email", json={"email": "nonsense@"}), 422, "ru"
        )
        assert not_an_address["detail"] == "nonsense@ — это не адрес электронной почты."
        no_code = problem(alice.post("/api/v1/me/email/verify", json={"code": "123456"}), 404, "ru")
        assert no_code["detail"] == "Вы ещё не запрашивали код: сначала запросите его."
        short = problem(alice.post("/api/v1/me/email/verify", json={"code": "12"}), 422, "ru")
        assert short["detail"] == "Код — это шесть цифр, например 123456."
        assert alice.patch("/api/v1/me", json={"language": "de"}).status_code == 200
        alice.delete("/api/v1/me/email")  # the address she may have had
        nothing = problem(alice.delete("/api/v1/me/email"), 404, "de")
        assert nothing["detail"] == "Mit Ihrem Konto ist keine E-Mail-Adresse verknüpft."


def test_a_request_without_an_account_follows_its_accept_language(server: ApiServer) -> None:
    with server.client() as anonymous:
        refused = problem(
            anonymous.get("/api/v1/me", headers={"Accept-Language": "ru-RU,ru;q=0.9,en;q=0.5"}),
            401,
            "ru",
        )
        assert refused["title"] == "Требуется вход"
        assert refused["detail"].startswith("Нужен вход: данные Telegram Mini App")
        assert "WWW-Authenticate" in anonymous.get("/api/v1/me").headers
        nowhere = problem(
            anonymous.get("/api/v1/nothing", headers={"Accept-Language": "fa"}), 404, "fa"
        )
        assert nowhere["title"] == "پیدا نشد" and nowhere["detail"] == "در این نشانی چیزی نیست."
        page = problem(
            anonymous.get("/api/v1/book/no-such-link", headers={"Accept-Language": "de-AT"}),
            404,
            "de",
        )
        assert page["title"] == "Nicht gefunden"
        english = problem(anonymous.get("/api/v1/me"), 401, "en")
        assert english["title"] == "Unauthorized" and english["detail"].startswith(
            "Authentication required"
        )
        unknown = problem(anonymous.get("/api/v1/me", headers={"Accept-Language": "ja"}), 401, "en")
        assert unknown["title"] == "Unauthorized"
