"""The bot in every reader's language where more than one person reads, on SQLite and PostgreSQL
with the Bot API stand-in: sharing a calendar (an English inviter and a Russian or Persian
invitee each read their own language), a group's event card (its calendar owner's language,
whoever taps; answers in the tapper's), a booking notice (the owner's language and clock) and
inline mode (the results and the posted card in the poster's language, edits too)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from televent.domain.sharing import Role
from televent.domain.values import account_id_for
from tests.bot_harness import BotHarness, run_scenario, texts_of
from tests.botapi import Call
from tests.integration.test_bot_booking import SLOT, book
from tests.integration.test_bot_groups import alert, buttons, create, edits, event_of
from tests.integration.test_bot_groups import say as say_in_group
from tests.integration.test_bot_groups import tap as tap_in_group
from tests.integration.test_bot_inline import answered, card_text
from tests.integration.test_bot_sharing import card_for, edited, family

ALICE, BOB, CAROL = 1, 2, 3  # @alice, @bob, @carol in the harness
ACTOR, SOURCE = "system:", "cli:tests"
FSI, PDI = "\u2068", "\u2069"  # the isolation marks around a placeholder in Persian text


def bare(text: str) -> str:
    """The text without Persian's isolation marks and Babel's narrow spaces."""
    return text.replace(FSI, "").replace(PDI, "").replace("\u202f", " ")


async def one_text(h: BotHarness, user_id: int, line: str) -> str:
    answers = texts_of(await h.say(user_id, line))
    assert len(answers) == 1, answers
    return bare(answers[0])


# --- sharing: each side reads their own language ----------------------------------------------

INVITEE_WORDS = {
    "ru": {
        "card": "📅 <b>Alice</b> делится с вами календарём «Family» — может редактировать",
        "hint": "Добавьте его, чтобы видеть события",
        "tap": "Добавлено",
        "added": (
            "✅ «Family» (владелец: Alice) теперь среди ваших календарей — может редактировать."
        ),
        "listed": "<b>Доступные вам</b>\n• <b>Family</b> — владелец Alice, может редактировать",
        "refused": "«Family» — календарь пользователя Alice, а вы можете его только редактировать",
    },
    "fa": {
        "card": "📅 <b>Alice</b> تقویم «Family» را با شما به اشتراک می‌گذارد — می‌تواند ویرایش کند",
        "hint": "آن را اضافه کنید تا رویدادهایش را",
        "tap": "اضافه شد",
        "added": "✅ «Family» (مال Alice) در تقویم‌های شماست — می‌تواند ویرایش کند.",
        "listed": "<b>به اشتراک گذاشته با شما</b>\n• <b>Family</b> — مال Alice، می‌تواند ویرایش کند",
        "refused": "«Family» تقویم Alice است و شما فقط می‌توانید آن را ویرایش کنید",
    },
}


@pytest.mark.parametrize("language", sorted(INVITEE_WORDS))
def test_an_english_inviter_and_an_invitee_who_reads_another_language(
    app, api, clock, language: str
) -> None:
    words = INVITEE_WORDS[language]

    async def scenario(h: BotHarness) -> None:
        h.languages[BOB] = language  # Alice's Telegram reports no language: English
        await h.register(ALICE, BOB)
        calendar_id = family(app)

        answer = await one_text(h, ALICE, "/share family @bob")
        assert answer.startswith("📨 Bob is invited to ‘Family’ — can edit.")

        card = await card_for(h, BOB)
        assert bare(card.text).startswith(words["card"])
        assert words["hint"] in bare(card.text)
        assert "shares" not in card.text and "can edit" not in card.text

        tapped = await h.tap(BOB, f"cal:{calendar_id.hex}:1", card)
        [said] = [c for c in tapped if c.method == "answerCallbackQuery"]
        assert bare(said.params["text"]) == words["tap"]
        assert bare(edited(tapped)).startswith(words["added"])
        assert app.queries.role_in(calendar_id, account_id_for(BOB)) is Role.WRITE

        # The owner's notice of the answer is in the owner's language, not the invitee's.
        told = [c for c in await h.deliver() if c.method == "sendMessage"]
        assert [(c.chat_id, c.text) for c in told] == [
            (ALICE, "✅ Bob added ‘Family’ to their calendars.")
        ]

        assert words["listed"] in await one_text(h, BOB, "/calendars")
        refused = await one_text(h, BOB, "/share family @carol")
        assert refused.startswith("⚠️") and words["refused"] in refused
        assert "<b>Shared with you</b>\n" not in await one_text(h, ALICE, "/calendars")

    run_scenario(app, api, clock, scenario)


# --- a group: the card in its calendar owner's language, answers in the tapper's ----------------


def test_a_group_card_stays_in_its_owners_language_whoever_taps(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        h.ctx.group_cards.interval = 0.05
        h.languages[ALICE] = "fa"  # Alice opens the group's calendar: she owns it
        h.languages[BOB] = "ru"
        card = await create(h, ALICE, "Team lunch, tomorrow 13:00, 1h, Cafe Central")
        text = bare(card.text)
        assert text.startswith("📅 <b>Team lunch</b>\n🕒 دوشنبه 2 مارس، 13:00")
        assert "14:00\n📍 Cafe Central" in text  # Persian's 24-hour clock
        assert text.endswith("✅ 0 · ❔ 0 · ❌ 0")
        assert [label for label, _ in buttons(card)] == [
            "✅ می‌آیم",
            "❔ شاید",
            "❌ نمی‌توانم",
            "👥 چه کسانی",
        ]
        event_id = event_of(card)

        # Bob reads Russian: the answer to his tap is Russian, the card stays Persian.
        nobody = await tap_in_group(h, BOB, f"gw:{event_id.hex}", card)
        assert alert(nobody) == "Пока никто не ответил."
        calls = await tap_in_group(h, BOB, f"ga:{event_id.hex}:Y", card)
        assert alert(calls) == "✅ Отмечено"
        before = len(api.calls())
        await h.ctx.group_cards.settle()
        shown = edits(calls + api.calls()[before:])
        assert shown and bare(shown[-1]).startswith("📅 <b>Team lunch</b>\n🕒 دوشنبه 2 مارس")
        assert bare(shown[-1]).endswith("✅ 1 · ❔ 0 · ❌ 0")
        made = [c for c in calls + api.calls()[before:] if c.method == "editMessageText"]
        assert [label for label, _ in buttons(made[-1])] == [
            "✅ می‌آیم",
            "❔ شاید",
            "❌ نمی‌توانم",
            "👥 چه کسانی",
        ]

        # Commands in the group are answered in the language of whoever wrote them.
        [week] = texts_of(await say_in_group(h, BOB, "/week"))
        assert week.startswith("<b>На этой неделе</b>")
        [english] = texts_of(await say_in_group(h, CAROL, "/week"))
        assert english.startswith("<b>This week</b>")
        [about] = texts_of(await say_in_group(h, BOB, "/calendar"))
        assert "ведёт Alice, подключили 0 участников" in bare(about)
        assert "только просмотр" not in about and "участники добавляют события" in about

    run_scenario(app, api, clock, scenario)


def test_a_group_card_reads_its_owners_clock(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        h.languages[ALICE] = "ru"
        await say_in_group(h, ALICE, "/calendar")  # opens the group's calendar, Alice owns it
        app.change_preferences(ALICE, {"hour_cycle": "12"}, actor=ACTOR, source=SOURCE)
        card = await create(h, ALICE, "Обед, завтра 13:00, 1h")
        assert "пн, 2 мар., 1:00 PM–2:00 PM" in bare(card.text)  # Russian words, her 12 hours

    run_scenario(app, api, clock, scenario)


# --- a booking notice: the owner's language and clock ------------------------------------------


def test_the_booking_notice_is_in_the_owners_language(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        h.languages[ALICE] = "fa"
        await h.register(ALICE)
        made = await one_text(h, ALICE, "/booking new intro 30 Intro call")
        assert made.startswith("🔗 <b>Intro call</b> (30 دقیقه) آماده است.")
        await h.deliver()

        book(app, SLOT)
        sent = [c for c in await h.deliver() if c.method == "sendMessage"]
        assert len(sent) == 1 and sent[0].chat_id == ALICE
        # Tuesday 3 March, 13:00 UTC: 14:00 in Berlin, on Persian's 24-hour clock
        notice = bare(sent[0].text)
        assert notice.startswith(
            "📅 Ann Visitor 30 دقیقه با شما وقت رزرو کرد: <b>Intro call</b>، سه‌شنبه 3 مارس، 14:00"
        )
        assert "14:30\n✉️ ann@example.org" in notice
        listing = await one_text(h, ALICE, "/booking list")
        assert "<b>Intro call</b> — 30 دقیقه، فعال، 1 رزرو پیش رو" in listing

    run_scenario(app, api, clock, scenario)


def test_availability_in_russian_and_in_a_chosen_clock(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        h.languages[ALICE] = "ru"
        await h.register(ALICE)
        shown = await one_text(h, ALICE, "/availability")
        assert "Когда к вам можно записаться" in shown and "по умолчанию" in shown
        assert "пн  09:00–17:00" in shown and "сб  нет записи" in shown
        saved = await one_text(h, ALICE, "/availability пт 10-12")  # a weekday in Russian
        assert saved.startswith("✅ Сохранено.") and "пт  10:00–12:00" in saved
        app.change_preferences(ALICE, {"hour_cycle": "12"}, actor=ACTOR, source=SOURCE)
        assert "пт  10:00 AM–12:00 PM" in await one_text(h, ALICE, "/availability")
        refused = await one_text(h, ALICE, "/availability никогда 9-17")
        assert refused.startswith("⚠️ Не знаю такого дня: «никогда».")

    run_scenario(app, api, clock, scenario)


# --- inline mode: the poster's language, whoever taps -----------------------------------------


async def create_event(h: BotHarness, user_id: int, line: str) -> None:
    """/create and its Save button (found by its data: the words are the user's language)."""
    confirm = await h.say(user_id, f"/create {line}")
    card = next(c for c in confirm if any(d == "new:1" for _, d in _buttons(c)))
    await h.tap(user_id, "new:1", card)


def _buttons(call: Call) -> list[tuple[str, str]]:
    markup = call.params.get("reply_markup") or {}
    return [
        (b["text"], b.get("callback_data", ""))
        for row in markup.get("inline_keyboard", [])
        for b in row
    ]


def _labels(markup: dict[str, Any] | None) -> list[str]:
    return [b["text"] for row in (markup or {}).get("inline_keyboard", []) for b in row]


def test_inline_results_and_cards_are_in_the_posters_language(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        h.languages[ALICE] = "de"
        h.languages[BOB] = "ru"
        await h.register(ALICE, BOB)
        await create_event(h, ALICE, "Team sync, tomorrow 15:00, 1h")
        await h.say(ALICE, "/booking new intro 30 Intro call")

        query_id, calls = await h.inline_query(ALICE, "")
        results = answered(api, calls, query_id)["results"]
        sync, link = results
        assert sync["title"] == "Team sync"
        assert sync["description"] == "Mo., 2. März, 15:00–16:00 (Europe/Berlin)"
        content = sync["input_message_content"]["message_text"]
        assert "Tippe zum Antworten" in content and "✅ 0 · ❔ 0 · ❌ 0" in content
        assert _labels(sync["reply_markup"]) == ["✅ Zusagen", "❔ Vielleicht", "❌ Absagen"]
        assert link["description"] == "Buchungslink · 30 Minuten"
        assert "Buche einen Termin bei Alice." in link["input_message_content"]["message_text"]
        assert _labels(link["reply_markup"]) == ["📆 Termin buchen"]

        chosen = await h.choose(query_id, sync["id"])
        card_id = str(chosen["inline_message_id"])
        accept = sync["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
        tapped = await h.tap_inline(BOB, card_id, accept)  # Bob reads Russian
        said = next(c for c in tapped if c.method == "answerCallbackQuery")
        assert said.params["text"] == "✅ вы придёте: Team sync"
        assert "Tippe zum Antworten" in card_text(api, card_id)
        assert "✅ 1 · ❔ 0 · ❌ 0" in card_text(api, card_id)
        await h.deliver()

        # An edit the delivery queue makes later (the event moved) is in Alice's German too.
        obj = next(
            app.queries.object_by_event_id(o.event_id)
            for o in _events_of(h, ALICE)
            if o.summary == "Team sync"
        )
        assert obj is not None
        moved = obj.ical.replace("T150000", "T170000").replace("T160000", "T180000")
        app.put_object(obj.calendar_id, obj.href, moved, actor=ACTOR, source=SOURCE)
        await h.deliver()
        assert "Mo., 2. März, 17:00–18:00 (Europe/Berlin)" in card_text(api, card_id)
        app.delete_object(obj.calendar_id, obj.href, actor=ACTOR, source=SOURCE)
        await h.deliver()
        assert card_text(api, card_id) == "🗑 Der Organisator hat diesen Termin gelöscht."

        # Someone without an account is pointed to the bot in their Telegram's language.
        h.languages[CAROL] = "ru"
        query_id, calls = await h.inline_query(CAROL, "")
        button = answered(api, calls, query_id)["button"]
        assert button["text"] == "Запустите Televent, чтобы делиться событиями"

    run_scenario(app, api, clock, scenario)


def _events_of(h: BotHarness, user_id: int) -> list[Any]:
    account = h.app.queries.account_by_telegram_id(user_id)
    assert account is not None
    start = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    return list(h.service.reader.listing(account, start, start + dt.timedelta(days=7)).occurrences)
