"""Refusals of the bot's commands in the person's language, on SQLite and PostgreSQL with the Bot
API stand-in: a Russian reader asking for a reminder lead time longer than a week, naming a
device twice, revoking one that is not there; in a Telegram group, a Russian member who is no
admin changing its settings and adding an event to its view-only calendar. Each is the
application's refusal said in Russian, after the bot's warning sign."""

from __future__ import annotations

from tests.bot_harness import BotHarness, run_scenario, texts_of
from tests.integration.test_bot_groups import GROUP, create, say
from tests.integration.test_bot_handlers import default_calendar

ALICE, BOB, CAROL = 1, 2, 3


def test_a_russian_reader_is_refused_in_russian_in_a_private_chat(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        h.languages[ALICE] = "ru"
        await h.register(ALICE)

        week = texts_of(await h.say(ALICE, "/reminder 20000"))
        assert week == ["⚠️ Напоминание можно получить за 0–10\u00a0080 минут до начала."], week
        account = app.queries.account_by_telegram_id(ALICE)
        assert account is not None and account.reminder_minutes != 20000

        added = texts_of(await h.say(ALICE, "/device add laptop"))
        assert len(added) == 1 and not added[0].startswith("⚠️")
        twice = texts_of(await h.say(ALICE, "/device add laptop"))
        assert twice == ["⚠️ Устройство с именем «laptop» уже есть; сначала отзовите его пароль."]
        missing = texts_of(await h.say(ALICE, "/device revoke phone"))
        assert missing == ["⚠️ Нет действующего устройства с именем «phone»."]
        assert [d.name for d in app.queries.devices_of(account.account_id)] == ["laptop"]

    run_scenario(app, api, clock, scenario)


def test_a_russian_member_of_a_group_is_refused_in_russian(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        h.languages[BOB] = "ru"
        api.set_admins(GROUP, CAROL)
        await create(h, ALICE, "Team lunch, tomorrow 13:00")

        settings = texts_of(await say(h, BOB, "/calendar edit off"))
        assert settings == ["⚠️ Менять настройки календаря группы могут только её администраторы."]
        found = app.queries.group_chat(GROUP)
        assert found is not None and found.members_edit

        await say(h, CAROL, "/calendar edit off")  # Carol is an admin: view-only now
        found = app.queries.group_chat(GROUP)
        assert found is not None and not found.members_edit
        events = len(app.queries.objects_in(found.calendar_id))
        refused = texts_of(await say(h, BOB, "/create Тайком, завтра 10:00"))
        assert refused == [
            "⚠️ Календарь этой группы только для просмотра: события добавляют только администраторы."
        ]
        assert len(app.queries.objects_in(found.calendar_id)) == events

    run_scenario(app, api, clock, scenario)


def test_a_failure_on_our_side_is_an_apology_in_the_readers_language(app, api, clock) -> None:
    """A read model that cannot be written (here its table is gone) is no refusal of the
    person's: they read the bot's apology in Russian, never the database's words."""

    async def scenario(h: BotHarness) -> None:
        h.languages[ALICE] = "ru"
        await h.register(ALICE)
        confirm = await h.say(ALICE, "/create Планёрка, завтра в 18, 45")
        card = next(c for c in confirm if "Сохранить это событие?" in (c.text or ""))
        with app.views.write() as db:
            db.run("DROP TABLE occurrences")
        (apology,) = await h.tap(ALICE, "new:1", card)
        assert (apology.method, apology.params["text"]) == (
            "answerCallbackQuery",
            "😕 Извините, у меня что-то пошло не так. Попробуйте ещё раз чуть позже.",
        )
        assert app.queries.objects_in(default_calendar(ALICE)) == [], "nothing half-written"

    run_scenario(app, api, clock, scenario)
