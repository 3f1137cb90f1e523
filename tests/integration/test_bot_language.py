"""/language and the language the bot speaks, on SQLite and PostgreSQL with the Bot API
stand-in: Telegram's language_code by default, the person's choice over it, "auto" back."""

from __future__ import annotations

from tests.bot_harness import BotHarness, run_scenario, texts_of


def _buttons(call) -> list[tuple[str, str]]:
    markup = call.params.get("reply_markup") or {}
    return [
        (b["text"], b.get("callback_data", ""))
        for row in markup.get("inline_keyboard", [])
        for b in row
    ]


def test_the_bot_speaks_telegrams_language_until_the_person_chooses(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        h.languages[1] = "ru"
        shown = texts_of(await h.say(1, "/language"))[-1]
        assert "Выберите язык" in shown and "Русский" in shown

        chosen = texts_of(await h.say(1, "/language de"))[-1]
        assert "Ab jetzt spreche ich Deutsch" in chosen
        account = app.queries.account_by_telegram_id(1)
        assert account is not None and account.preferences.language == "de"
        assert account.telegram_language == "ru"
        # the choice holds although Telegram still reports Russian
        assert "Wähle die Sprache" in texts_of(await h.say(1, "/language"))[-1]

        refused = texts_of(await h.say(1, "/language klingon"))[-1]
        assert "kenne ich nicht" in refused and "pt-BR" in refused

        back = texts_of(await h.say(1, "/language auto"))[-1]
        assert "Готово" in back
        after = app.queries.account_by_telegram_id(1)
        assert after is not None and after.preferences.language is None

    run_scenario(app, api, clock, scenario)


def test_a_tap_on_a_language_answers_in_that_language(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        h.languages[2] = "pt-br"
        calls = await h.say(2, "/language")
        offer = next(c for c in calls if c.method == "sendMessage")
        assert "Escolha o idioma" in offer.text
        buttons = dict(_buttons(offer))
        ticked = [text for text in buttons if text.startswith("✓")]
        assert "فارسی" in buttons and ticked == [
            "✓ Automático: como o seu Telegram (Português (Brasil))"
        ]
        edited = await h.tap(2, buttons["فارسی"], offer)
        texts = texts_of(edited, "editMessageText")
        assert texts and "صحبت می‌کنم" in texts[-1] and "فارسی" in texts[-1]
        account = app.queries.account_by_telegram_id(2)
        assert account is not None and account.language == "fa"
        again = await h.say(2, "/language")
        offer = next(c for c in again if c.method == "sendMessage")
        assert "✓ فارسی" in dict(_buttons(offer))

    run_scenario(app, api, clock, scenario)
