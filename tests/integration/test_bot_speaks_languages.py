"""The bot in Russian, Persian and Spanish, on SQLite and PostgreSQL with the Bot API stand-in:
/start, /timezone with a city named in the language, /create with the language's date words and
its confirmation card, /today, a reminder to the organizer in their language and to an invited
English speaker in English (and on a 12-hour clock), /settings; the command menu in every
language."""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass

import icalendar
import pytest
from aiogram.types import BotCommandScopeDefault

from televent.adapters.telegram.bot import COMMANDS, create_bot, set_command_menus
from televent.config import Settings
from televent.domain.languages import LANGUAGES
from tests.bot_harness import BotHarness, at, run_scenario, texts_of
from tests.botapi import Call, FakeBotApi
from tests.integration.test_bot_groups import GROUP
from tests.integration.test_bot_groups import create as create_in_group
from tests.integration.test_bot_groups import sent as sent_in_group
from tests.integration.test_bot_handlers import default_calendar, short_id_in
from tests.integration.test_bot_webapp import HTTP, start_bot

BERLIN = "Europe/Berlin"
ALICE, BOB = 1, 2


def bare(text: str) -> str:
    """A message without the isolation marks a right-to-left message puts around what it
    quotes, and with English times' narrow no-break space as a space."""
    return text.replace("\u2068", "").replace("\u2069", "").replace("\u202f", " ")


def buttons(call: Call) -> list[tuple[str, str]]:
    markup = call.params.get("reply_markup") or {}
    return [
        (b["text"], b.get("callback_data", ""))
        for row in markup.get("inline_keyboard", [])
        for b in row
    ]


@dataclass(frozen=True)
class Speaker:
    """What a journey in one language types and expects to read."""

    language: str  # Telegram's language_code
    welcome: str
    city: str  # Berlin, as the language writes it
    create: str  # "/create" line: a title, today at 18:00, a bare 45 (minutes)
    title: str
    confirm: str
    span: str  # 18:00 to 18:45 as the card and the listing show it
    length: str  # 45 minutes in words
    save: str  # the save button
    saved: str
    invited: str
    refused: tuple[str, str, str]  # why @nobody, 4242 and "lunch" name nobody
    calendar: str  # the name of the calendar she starts with
    today: str
    reminder: str  # "starts in 14 minutes" in the language
    settings: str
    reminders_button: str
    zone_button: str  # a city of the zone buttons, named in the language


SPEAKERS = [
    Speaker(
        language="ru",
        calendar="Календарь",
        welcome="Привет, Alice!",
        city="Берлин",
        create="/create Планёрка, сегодня в 18, 45",
        title="Планёрка",
        confirm="Сохранить это событие?",
        span="18:00–18:45",
        length="45 минут",
        save="✅ Сохранить",
        saved="✅ Сохранено!",
        invited="✔️ Bob приглашён(а)",
        refused=("ещё нет в Televent", "ещё не запускал бота", "это не @username"),
        today="<b>Сегодня</b>",
        reminder="начнётся через 14 минут",
        settings="⚙️ <b>Уведомления</b>",
        reminders_button="⏰ Напоминания: за 15 мин",
        zone_button="🇷🇺 Москва",
    ),
    Speaker(
        language="fa",
        calendar="تقویم",
        welcome="سلام Alice!",
        city="برلین",
        create="/create جلسه، امروز ساعت ۱۸، ۴۵",
        title="جلسه",
        confirm="این رویداد ذخیره شود؟",
        span="18:00 تا 18:45",
        length="45 دقیقه",
        save="✅ ذخیره",
        saved="✅ ذخیره شد!",
        invited="✔️ Bob دعوت شد",
        refused=("هنوز در Televent نیست", "هنوز ربات را شروع نکرده", "نه ‎@username‎ است"),
        today="<b>امروز</b>",
        reminder="تا 14 دقیقهٔ دیگر شروع می‌شود",
        settings="⚙️ <b>اعلان‌ها</b>",
        reminders_button="⏰ یادآوری‌ها: 15 دقیقه پیش از شروع",
        zone_button="🇷🇺 مسکو",
    ),
    Speaker(
        language="es",
        calendar="Calendario",
        welcome="¡Hola, Alice!",
        city="Berlín",
        create="/create Reunión, hoy a las 18, 45",
        title="Reunión",
        confirm="¿Guardar este evento?",
        span="18:00–18:45",
        length="45 minutos",
        save="✅ Guardar",
        saved="✅ ¡Guardado!",
        invited="✔️ Bob invitado",
        refused=("todavía no está en Televent", "no ha iniciado el bot", "no es un @usuario"),
        today="<b>Hoy</b>",
        reminder="empieza en 14 minutos",
        settings="⚙️ <b>Notificaciones</b>",
        reminders_button="⏰ Recordatorios: 15 min antes",
        zone_button="🇷🇺 Moscú",
    ),
]


@pytest.mark.parametrize("speaker", SPEAKERS, ids=[s.language for s in SPEAKERS])
def test_a_journey_in_the_persons_language(app, api, clock, speaker: Speaker) -> None:
    """Alice's Telegram speaks the language, Bob's reports none: each reads their own."""

    async def scenario(h: BotHarness) -> None:
        h.languages[ALICE] = speaker.language
        started = await h.say(ALICE, "/start")
        assert any(speaker.welcome in bare(text) for text in texts_of(started))
        asking = next(c for c in started if "tz:Europe/Berlin" in str(c.params))
        assert speaker.zone_button in dict(buttons(asking)), buttons(asking)

        (calendar,) = app.queries.calendars_of(app.queries.account_by_telegram_id(ALICE).account_id)
        assert calendar.display_name == speaker.calendar, "named in her language"
        zone_set = texts_of(await h.say(ALICE, f"/timezone {speaker.city}"))
        assert "Europe/Berlin" in zone_set[0] and "Time zone" not in zone_set[0]
        assert app.queries.account_by_telegram_id(ALICE).timezone == BERLIN
        await h.register(BOB)  # English: his Telegram reports no language

        confirm = await h.say(ALICE, speaker.create)
        card = next(c for c in confirm if speaker.confirm in bare(c.text))
        shown = bare(card.text)
        assert speaker.title in shown and speaker.span in shown and speaker.length in shown
        assert speaker.save in dict(buttons(card))
        saved = next(c for c in await h.tap(ALICE, "new:1", card) if c.method == "editMessageText")
        assert bare(saved.text).startswith(speaker.saved)
        (stored,) = app.queries.objects_in(default_calendar(ALICE))
        event = icalendar.Calendar.from_ical(stored.ical).walk("VEVENT")[0]
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        assert start.replace(tzinfo=None) == dt.datetime(2026, 3, 1, 18, 0)
        assert end - start == dt.timedelta(minutes=45), "a bare number is minutes"
        assert str(event["SUMMARY"]) == speaker.title

        sid = short_id_in(saved.text)
        invited = texts_of(await h.say(ALICE, f"/invite {sid} @bob"))[0]
        assert speaker.invited in bare(invited)
        said = await h.say(ALICE, f"/invite {sid} @nobody 4242 lunch ²")
        refused = bare(texts_of(said)[0])
        lines = refused.splitlines()
        assert [line.split(":")[0] for line in lines] == [
            "✖️ @nobody", "✖️ 4242", "✖️ lunch", "✖️ ²",
        ]  # fmt: skip
        for line, why in zip(lines, (*speaker.refused, speaker.refused[2]), strict=True):
            assert why in line, (line, why)
        assert "Televent user" not in refused and "email address" not in refused, refused
        (bobs_card,) = [c for c in await h.deliver() if c.chat_id == BOB]
        assert "📨 <b>Invitation</b>" in bobs_card.text
        assert "6:00 PM–6:45 PM" in bare(bobs_card.text), "Bob's English, on his clock"
        assert [text for text, _ in buttons(bobs_card)][:3] == [
            "✅ Accept",
            "❔ Tentative",
            "❌ Decline",
        ]

        today = bare(texts_of(await h.say(ALICE, "/today"))[0])
        assert today.startswith(speaker.today) and speaker.span in today and speaker.title in today

        clock.now = dt.datetime(2026, 3, 1, 16, 46, tzinfo=dt.UTC)  # 17:46 in Berlin
        await h.remind()
        sent = [c for c in await h.deliver() if c.method == "sendMessage"]
        (to_alice,) = [bare(c.text) for c in sent if c.chat_id == ALICE]
        assert speaker.reminder in to_alice and speaker.title in to_alice
        assert "18:00" in to_alice and "PM" not in to_alice
        to_bob = [bare(c.text) for c in sent if c.chat_id == BOB]
        assert to_bob, "the invited English speaker is reminded too"
        for text in to_bob:
            assert text.startswith(f"⏰ <b>{speaker.title}</b> starts in 14 minutes")
            assert "Sun, Mar 1, 6:00 PM" in text and "18:00" not in text

        settings = await h.say(ALICE, "/settings")
        keyboard = next(c for c in settings if speaker.settings in bare(c.text))
        assert speaker.reminders_button in [bare(text) for text, _ in buttons(keyboard)]

    run_scenario(app, api, clock, scenario)


def test_the_clock_chosen_in_settings_holds_for_every_time_shown(app, api, clock) -> None:
    """A Russian reader reads 18:00 until they choose the 12-hour clock in /settings; then
    the listing and the cards say 6:00 PM, never both on one message."""

    async def scenario(h: BotHarness) -> None:
        h.languages[ALICE] = "ru"
        await h.register(ALICE, zone=BERLIN)
        card = next(
            c
            for c in await h.say(ALICE, "/create Ужин, завтра в 18:00, 1ч")
            if "Сохранить" in c.text
        )
        await h.tap(ALICE, "new:1", card)
        assert "18:00–19:00" in texts_of(await h.say(ALICE, "/tomorrow"))[0]

        settings = await h.say(ALICE, "/settings")
        keyboard = next(c for c in settings if "Уведомления" in c.text)
        clock_button = dict(buttons(keyboard))["🕒 Время: как принято в моём языке"]
        edited = await h.tap(ALICE, clock_button, keyboard)
        assert any("🕒 Время: 24 часа" in str(c.params) for c in edited)
        keyboard = next(c for c in await h.say(ALICE, "/settings") if "Уведомления" in c.text)
        await h.tap(ALICE, dict(buttons(keyboard))["🕒 Время: 24 часа"], keyboard)
        account = app.queries.account_by_telegram_id(ALICE)
        assert account is not None and account.preferences.hour_cycle == "12"

        listing = bare(texts_of(await h.say(ALICE, "/tomorrow"))[0])
        assert "6:00 PM–7:00 PM" in listing and "18:00" not in listing
        assert listing.startswith("<b>Завтра</b>") and "пн, 2 мар." in listing

    run_scenario(app, api, clock, scenario)


def test_a_groups_reminder_is_in_its_calendar_owners_language(app, api, clock) -> None:
    """A group has no one reader: what the bot posts there is in the language (and on the
    clock) of the group calendar's owner, whoever else is in the group."""

    async def scenario(h: BotHarness) -> None:
        h.languages[ALICE] = "ru"
        await h.register(ALICE, zone=BERLIN)
        api.set_admins(GROUP, ALICE)
        at(clock, dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC))  # 09:00 in Berlin
        await create_in_group(h, ALICE, "Планёрка, сегодня в 9:10")
        await h.remind()
        posted = [bare(c.text) for c in sent_in_group(await h.deliver())]
        assert posted == ["⏰ <b>Планёрка</b> начнётся через 10 минут\n🕒 вс, 1 мар., 09:10"]

    run_scenario(app, api, clock, scenario)


def test_date_words_of_each_language_create_the_event(app, api, clock) -> None:
    """Whoever writes to the bot, /create reads their language's words for tomorrow and a
    time of day (and English), and answers in their language."""
    lines = {
        "ru": ("/create Обед, завтра в 13:00", "Сохранить это событие?"),
        "uk": ("/create Обід, завтра о 13:00", "Зберегти цю подію?"),
        "es": ("/create Comida, mañana a las 13", "¿Guardar este evento?"),
        "pt-br": ("/create Almoço, amanhã às 13h", "Salvar este evento?"),
        "de": ("/create Mittagessen, morgen um 13 Uhr", "Diesen Termin speichern?"),
        "id": ("/create Makan siang, besok jam 13", "Simpan acara ini?"),
        "fa": ("/create ناهار، فردا ساعت ۱۳", "این رویداد ذخیره شود؟"),
        "en": ("/create Lunch, tomorrow 1pm", "Save this event?"),
    }

    async def scenario(h: BotHarness) -> None:
        for user, (language, (line, question)) in enumerate(lines.items(), start=10):
            h.languages[user] = language
            await h.register(user, zone=BERLIN)
            card = next((c for c in await h.say(user, line) if question in c.text), None)
            assert card is not None, (language, texts_of(api.calls(chat_id=user)))
            await h.tap(user, "new:1", card)
            (stored,) = app.queries.objects_in(default_calendar(user))
            start = icalendar.Calendar.from_ical(stored.ical).walk("VEVENT")[0]["DTSTART"].dt
            assert start.replace(tzinfo=None) == dt.datetime(2026, 3, 2, 13, 0), language
            assert str(start.tzinfo) == BERLIN

    run_scenario(app, api, clock, scenario)


def test_a_date_the_bot_cannot_read_is_explained_in_the_writers_language(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        h.languages[ALICE] = "de"
        await h.register(ALICE, zone=BERLIN)
        (answer,) = texts_of(await h.say(ALICE, "/create Mittagessen, blorf"))
        assert answer.startswith("⚠️") and "konnte ich kein Datum lesen" in answer
        assert "„blorf“" in answer
        await h.say(ALICE, "/create")
        await h.say(ALICE, "Zahnarzt")
        (again,) = texts_of(await h.say(ALICE, "irgendwann"))
        assert "Wann ist er?" in again

    run_scenario(app, api, clock, scenario)


def test_the_command_menu_is_set_in_every_language(api: FakeBotApi) -> None:
    async def scenario() -> None:
        bot = create_bot(Settings(telegram_bot_token="123:ABC", telegram_api_base=api.base_url))
        try:
            await set_command_menus(bot)
            english = await bot.get_my_commands()
            russian = await bot.get_my_commands(language_code="ru")
            portuguese = await bot.get_my_commands(language_code="pt")
            default_scope = await bot.get_my_commands(
                scope=BotCommandScopeDefault(), language_code="fa"
            )
        finally:
            await bot.session.close()
        assert [c.command for c in english] == [command for command, _ in COMMANDS]
        assert [c.command for c in russian] == [c.command for c in english], "names stay"
        described = {c.command: c.description for c in english}
        assert described["today"] == "What's on today"
        assert {c.command: c.description for c in russian}["today"] == "Что сегодня"
        assert {c.command: c.description for c in portuguese}["today"] == "O que tem hoje"
        assert {c.command: c.description for c in default_scope}["today"] == "برنامهٔ امروز"

    asyncio.run(scenario())
    menus = api.calls("setMyCommands")
    assert len(menus) == len(LANGUAGES) and not any(c.failed for c in menus)
    codes = sorted(str(c.params.get("language_code") or "") for c in menus)
    assert codes == ["", "de", "es", "fa", "id", "pt", "ru", "uk"]
    assert api.commands("uk")[0] == {"command": "today", "description": "Що сьогодні"}


def test_the_running_bot_sets_its_menu_in_every_language(app, api: FakeBotApi) -> None:
    """English first, for everyone; the other languages' menus while it already answers."""

    async def scenario() -> None:
        async with await start_bot(app, api, HTTP):
            await asyncio.to_thread(api.wait_for_count, "setMyCommands", len(LANGUAGES))

    asyncio.run(scenario())
    first = api.calls("setMyCommands")[0]
    assert "language_code" not in first.params
    assert api.commands()[0] == {"command": "today", "description": "What's on today"}
    assert api.commands("fa")[0] == {"command": "today", "description": "برنامهٔ امروز"}
    assert api.commands("pt")[0] == {"command": "today", "description": "O que tem hoje"}
