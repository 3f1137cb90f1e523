"""The /settings keyboard: each button sets the value it names, fits Telegram's 64 bytes, and
reads back as a change the application accepts."""

from __future__ import annotations

from itertools import product

from aiogram.types import InlineKeyboardMarkup

from televent.adapters.telegram import settings_view
from televent.domain.preferences import Preferences, validate_changes


def changes_of(markup: InlineKeyboardMarkup) -> list[dict[str, object]]:
    found = []
    for row in markup.inline_keyboard:
        for button in row:
            assert button.callback_data is not None
            assert len(button.callback_data.encode()) <= 64
            data = settings_view.Pref.unpack(button.callback_data)
            found.append(validate_changes(settings_view.decode(data)))
    return found


def test_every_button_sets_the_other_value() -> None:
    changes = changes_of(settings_view.settings_keyboard(Preferences(), 15))
    assert changes == [
        {"reminder_minutes": 30},
        {"event_alarms": False},
        {"cards_telegram": False},
        {"cards_email": False},
        {"organizer_notices": "declines"},
        {"quiet_hours": "22:00-07:00"},
        {"quiet_reminders": "hold"},
        {"agenda_time": "07:00"},
        {"agenda_empty_days": True},
        {"channels": {"reminders": ["telegram", "email"]}},
        {"channels": {"agenda": ["telegram", "email"]}},
        {"channels": {"notices": ["telegram", "email"]}},
        {"hour_cycle": "24"},
    ]
    turned = Preferences(quiet_hours="23:30-06:45", agenda_time="06:05", organizer_notices="none")
    back = changes_of(settings_view.settings_keyboard(turned, 60))
    assert {"quiet_hours": None} in back and {"agenda_time": None} in back
    assert {"organizer_notices": "all"} in back and {"reminder_minutes": 0} in back


def test_the_reminder_button_cycles_through_its_steps_and_back_to_off() -> None:
    seen = []
    minutes = 0
    for _ in settings_view.REMINDER_STEPS:
        first = changes_of(settings_view.settings_keyboard(Preferences(), minutes))[0]
        minutes = int(str(first["reminder_minutes"]))
        seen.append(minutes)
    assert seen == [5, 10, 15, 30, 60, 0]


def test_every_combination_renders() -> None:
    for alarms, notices, quiet, agenda in product(
        (True, False), ("all", "declines", "none"), (None, "22:00-07:00"), (None, "07:30")
    ):
        preferences = Preferences(
            event_alarms=alarms, organizer_notices=notices, quiet_hours=quiet, agenda_time=agenda
        )
        assert len(changes_of(settings_view.settings_keyboard(preferences, 7))) == 13


def test_the_clock_button_goes_24_hours_12_hours_and_back_to_the_languages_custom() -> None:
    preferences = Preferences()
    seen = []
    for _ in range(3):
        change = changes_of(settings_view.settings_keyboard(preferences, 15))[-1]
        preferences = preferences.merged(change)
        seen.append(preferences.hour_cycle)
    assert seen == ["24", "12", None]


def test_the_buttons_show_times_on_the_persons_clock() -> None:
    shown = Preferences(quiet_hours="22:00-07:00", agenda_time="07:30")

    def labels(hour_cycle: str) -> list[str]:
        markup = settings_view.settings_keyboard(shown.merged({"hour_cycle": hour_cycle}), 15)
        return [b.text.replace("\u202f", " ") for row in markup.inline_keyboard for b in row]

    twelve = labels("12")
    assert "🌙 Quiet hours: 10:00 PM–7:00 AM" in twelve
    assert "☀️ Morning agenda: 7:30 AM" in twelve and "🕒 Clock: 12-hour (AM/PM)" in twelve
    day = labels("24")
    assert "🌙 Quiet hours: 22:00–07:00" in day and "☀️ Morning agenda: 07:30" in day


def test_a_forged_button_changes_nothing() -> None:
    assert settings_view.decode(settings_view.Pref(key="zz", value="1")) == {}


def test_a_channel_button_goes_telegram_both_email_and_back() -> None:
    preferences = Preferences()
    seen = []
    for _ in range(4):
        (change,) = [c for c in changes_of(settings_view.settings_keyboard(preferences, 15))
                     if "channels" in c and "agenda" in c["channels"]]  # fmt: skip
        preferences = preferences.merged(change)
        seen.append(preferences.channels["agenda"])
    assert seen == [["telegram", "email"], ["email"], ["telegram"], ["telegram", "email"]]
    assert preferences.channels["reminders"] == ["telegram"], "the other kinds stay"


def test_the_settings_say_where_mail_goes_and_when_none_can() -> None:
    by_mail = Preferences().merged({"channels": {"notices": ["email"]}})
    assert settings_view.mail_note(Preferences(), ()) == ""
    assert "nothing is mailed" in settings_view.mail_note(by_mail, ())
    assert "a&lt;b@example.com" in settings_view.mail_note(by_mail, ("a<b@example.com",))
    text = settings_view.settings_text("Europe/Berlin", by_mail, ())
    assert "no email is linked" in text
