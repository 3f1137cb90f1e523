"""The JSON API's problems in the caller's language, over HTTP against `televent serve`, on both
databases: a signed-in caller who reads Russian gets Russian titles (and the details the API
writes itself) whatever their browser asks for; a request without an account gets the language
of its Accept-Language; English stays HTTP's status phrases. Each says so in Content-Language."""

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
    with running_api_server(backend.fresh_url(), tmp_path) as running:
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
        assert missing["detail"] == "That event no longer exists."  # as the application says it
        assert missing["type"] == "urn:televent:problem:not-found"


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
