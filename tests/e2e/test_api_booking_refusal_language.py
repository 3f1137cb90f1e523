"""Refusals about bookable hours, booking links and bookings in the reader's language, on both
databases: over HTTP against `televent serve`, an owner who reads Russian is told in Russian why
their hours or link were refused (whatever their browser asks for), and a visitor whose browser
asks for Persian is told in Persian why a booking was refused; through the bot (the Bot API
stand-in), a Russian owner's /availability and /booking mistakes are answered in Russian."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from televent.application.televent import Televent
from televent.domain.values import account_id_for
from tests.bot_harness import BotHarness, run_scenario, texts_of
from tests.botapi import FakeBotApi
from tests.conftest import Backend
from tests.e2e.test_api_booking import (
    BOB,
    LINKS,
    NO_LIMITS,
    at,
    book,
    make_link,
    next_weekday,
    owner,
    visitor,
)
from tests.tma import ApiServer, running_api_server

PERSIAN = {"Accept-Language": "fa-IR,fa;q=0.9,en;q=0.5"}
ENGLISH_BROWSER = {"Accept-Language": "en-US,en;q=0.9"}


@pytest.fixture
def server(backend: Backend, tmp_path: Path) -> Iterator[ApiServer]:
    with running_api_server(backend.migrated_url(), tmp_path, NO_LIMITS, bot=False) as running:
        yield running


@pytest.fixture
def bot_api() -> Iterator[FakeBotApi]:
    with FakeBotApi() as stand_in:
        yield stand_in


def said(reply: httpx.Response, status: int, language: str) -> str:
    """The detail of a problem in `language`, without the isolation marks Persian puts around
    what it quotes."""
    assert reply.status_code == status, reply.text
    assert reply.headers["content-type"].startswith("application/problem+json")
    assert reply.headers["content-language"] == language
    body: dict[str, Any] = reply.json()
    return str(body["detail"]).replace("\u2068", "").replace("\u2069", "")


def test_a_russian_owner_is_told_in_russian_why_hours_and_links_are_refused(
    server: ApiServer,
) -> None:
    with owner(server) as alice, owner(server, BOB) as bob:
        assert alice.patch("/api/v1/me", json={"language": "ru"}).status_code == 200
        alice.headers.update(ENGLISH_BROWSER)  # her own choice wins over the browser's
        hours = "/api/v1/availability"
        backwards = {"timezone": "Europe/Berlin", "weekly": {"sat": [["10:00", "09:00"]]}}
        assert said(alice.post(hours, json=backwards), 422, "ru") == (
            "Суббота: промежуток 10:00-09:00 заканчивается раньше, чем начинается."
        )
        overlapping = {
            "timezone": "Europe/Berlin",
            "weekly": {"fri": [["09:00", "13:30"], ["13:00", "17:00"]]},
        }
        assert said(alice.post(hours, json=overlapping), 422, "ru") == (
            "Пятница: промежутки 09:00-13:30 и 13:00-17:00 пересекаются."
        )
        odd_date = {
            "timezone": "Europe/Berlin",
            "overrides": [{"date": "2030-12-24", "ranges": [["12:00", "11:00"]]}],
        }
        assert said(alice.post(hours, json=odd_date), 422, "ru") == (
            "24 дек. 2030\u202fг.: промежуток 12:00-11:00 заканчивается раньше, чем начинается."
        )
        not_a_time = {"timezone": "Europe/Berlin", "weekly": {"mon": [["09:00", "25:00"]]}}
        assert said(alice.post(hours, json=not_a_time), 422, "ru") == (
            "Понедельник: 25:00 — не время суток в виде ЧЧ:ММ (от 00:00 до 24:00)."
        )
        assert alice.get(hours).json()["is_default"] is True, "nothing was saved"

        assert said(alice.post(LINKS, json={"slug": "Intro_Call!", "title": "X"}), 422, "ru") == (
            "Адрес (slug) — от 3 до 40 строчных латинских букв, цифр и дефисов (не по краям), "
            "например intro-call."
        )
        assert said(alice.post(LINKS, json={"slug": "manage", "title": "X"}), 422, "ru") == (
            "Адрес (slug) manage зарезервирован; выберите другой."
        )
        short = {"slug": "demo", "title": "Demo", "duration_minutes": 2}
        assert said(alice.post(LINKS, json=short), 422, "ru") == (
            "Встреча длится от 5 до 720 минут (duration_minutes)."
        )
        unlabelled = {"slug": "demo", "title": "Demo", "questions": [{"label": "  "}]}
        assert said(alice.post(LINKS, json=unlabelled), 422, "ru") == "У вопроса 1 нет текста."
        make_link(bob, "intro")
        assert said(alice.post(LINKS, json={"slug": "intro", "title": "Моя"}), 409, "ru") == (
            "Адрес /book/intro уже занят; выберите другой."
        )
        assert alice.get(LINKS).json()["items"] == [], "no link was made"
        # Bob reads English: the same refusal in the words it always had.
        taken = bob.post(LINKS, json={"slug": "intro", "title": "Again"})
        assert said(taken, 409, "en") == "The address /book/intro is taken; choose another slug."


def test_a_persian_visitor_is_told_in_persian_why_a_booking_is_refused(
    server: ApiServer,
) -> None:
    tuesday = next_weekday(1)
    start = at(tuesday, 10)
    with owner(server) as alice, visitor(server) as vera:
        vera.headers.update(PERSIAN)
        make_link(alice, "talk", questions=[{"id": "topic", "label": "Topic?", "required": True}])
        wrong = book(vera, "talk", start, answers={"topic": "Roadmap", "budget": "10k"})
        assert said(wrong, 422, "fa") == (
            "این صفحهٔ رزرو پرسشی به نام «budget» ندارد (پرسش‌هایش: topic)."
        )
        assert wrong.json()["title"] == "درخواست رد شد"
        missing = book(vera, "talk", start, answers={"topic": "  "})
        assert said(missing, 422, "fa") == "لطفاً پاسخ دهید: Topic?"
        longer = book(vera, "talk", start, answers={"topic": "Roadmap"}, duration_minutes=45)
        assert said(longer, 422, "fa") == "این پیوند برای 30 دقیقه رزرو می‌گیرد، نه 45 دقیقه."
        assert alice.get("/api/v1/bookings").json()["items"] == [], "nothing was booked"

        booked = book(vera, "talk", start, answers={"topic": "Roadmap"})
        assert booked.status_code == 201, booked.text
        manage = f"/api/v1{booked.json()['manage_url']}"
        assert vera.post(f"{manage}/cancel", json={}).status_code == 200
        again = vera.post(f"{manage}/cancel", json={})
        assert said(again, 409, "fa") == "این رزرو پیش‌تر لغو شده بود."

        paused = alice.patch(f"{LINKS}/talk", json={"active": False})
        assert paused.status_code == 200, paused.text
        refused = book(vera, "talk", at(tuesday, 11), answers={"topic": "Roadmap"})
        assert said(refused, 422, "fa") == "این پیوند رزرو متوقف است؛ اکنون رزرو نمی‌پذیرد."


def test_a_persian_visitor_is_told_in_persian_that_a_time_cannot_be_booked(
    server: ApiServer,
) -> None:
    tuesday = next_weekday(1)
    start = at(tuesday, 10)
    with owner(server) as alice, visitor(server) as ann, visitor(server) as vera:
        vera.headers.update(PERSIAN)
        make_link(alice, "talk")
        assert book(ann, "talk", start).status_code == 201
        taken = book(vera, "talk", start)
        assert taken.json()["title"] == "تداخل" and taken.json()["slots"]
        assert said(taken, 409, "fa") == "این وقت دیگر در دسترس نیست؛ وقت دیگری انتخاب کنید."
        soon = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)).replace(second=0, microsecond=0)
        assert said(book(vera, "talk", soon.isoformat()), 409, "fa") == (
            "این وقت خیلی نزدیک است: این پیوند رزرو را دست‌کم 4 ساعت پیش از زمان جلسه می‌پذیرد."
        )
        far = soon + dt.timedelta(days=90)
        assert said(book(vera, "talk", far.isoformat()), 409, "fa") == (
            "این وقت خیلی دور است: این پیوند رزرو را حداکثر تا 60 روز جلوتر می‌پذیرد."
        )


def test_a_russian_owner_is_told_in_russian_by_the_bot(
    app: Televent, bot_api: FakeBotApi, clock: Any
) -> None:
    owner_id, other_id = 1, 2

    async def answer(h: BotHarness, user_id: int, line: str) -> str:
        (text,) = texts_of(await h.say(user_id, line))
        return text

    async def scenario(h: BotHarness) -> None:
        h.languages[owner_id] = "ru"
        await h.register(owner_id, other_id)
        backwards = await answer(h, owner_id, "/availability sat 10:00-09:00")
        assert backwards.startswith(
            "⚠️ Суббота: промежуток 10:00-09:00 заканчивается раньше, чем начинается.\n"
        ), backwards
        overlapping = await answer(h, owner_id, "/availability fri 09:00-13:30 13:00-17:00")
        assert overlapping.startswith(
            "⚠️ Пятница: промежутки 09:00-13:30 и 13:00-17:00 пересекаются.\n"
        ), overlapping
        assert app.queries.availability_of(account_id_for(owner_id)) is None, "not saved"

        short = await answer(h, owner_id, "/booking new demo 2 Demo")
        assert short == "⚠️ Встреча длится от 5 до 720 минут (duration_minutes)."
        await answer(h, other_id, "/booking new intro 30 Intro call")
        taken = await answer(h, owner_id, "/booking new intro 30 Знакомство")
        assert taken == "⚠️ Адрес /book/intro уже занят; выберите другой."
        # The other person reads English, as before.
        assert await answer(h, other_id, "/booking new demo 2 Demo") == (
            "⚠️ A meeting lasts from 5 to 720 minutes (duration_minutes)."
        )

    run_scenario(app, bot_api, clock, scenario)
