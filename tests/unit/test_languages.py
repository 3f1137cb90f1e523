"""Which language a person reads (domain/languages.py), how dates and times are written in it
(adapters/i18n/formatting.py), and the catalogue's own check (make lint)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from televent.adapters.i18n import catalogue, check, formatting, speaking, t, translate
from televent.domain.errors import DomainError
from televent.domain.languages import (
    LANGUAGES,
    direction,
    from_accept_language,
    language_for,
    supported,
)
from televent.domain.preferences import Preferences, validate_changes


@pytest.mark.parametrize(
    ("tag", "code"),
    [
        ("ru", "ru"),
        ("pt-br", "pt-BR"),
        ("pt", "pt-BR"),
        ("PT_BR", "pt-BR"),
        ("de-AT", "de"),
        ("in", "id"),  # the old code for Indonesian some systems still send
        ("fa-IR", "fa"),
        ("fr", None),
        ("", None),
        (None, None),
    ],
)
def test_a_tag_is_read_as_the_catalogues_language(tag: str | None, code: str | None) -> None:
    assert supported(tag) == code


def test_the_choice_wins_then_telegram_then_english() -> None:
    assert language_for("de", "ru") == "de"
    assert language_for(None, "ru") == "ru"
    assert language_for(None, "fr", "es") == "es"  # the first supported one reported
    assert language_for(None, "fr") == "en"
    assert language_for(None) == "en"


def test_accept_language_is_read_by_quality() -> None:
    assert from_accept_language("fr-CH, fr;q=0.9, de;q=0.7, en;q=0.8") == "en"
    assert from_accept_language("pt-BR,pt;q=0.9") == "pt-BR"
    assert from_accept_language("uk;q=0, ru;q=0.5") == "ru"  # q=0 means "not this"
    assert from_accept_language("xx, yy;q=bad") is None
    assert from_accept_language(None) is None


@given(st.text(max_size=300))
def test_any_accept_language_header_reads_without_failing(header: str) -> None:
    assert from_accept_language(header) in (None, *LANGUAGES)


def test_persian_is_right_to_left() -> None:
    assert direction("fa") == "rtl" and direction("ru") == "ltr"


def test_language_clock_and_week_start_are_preferences() -> None:
    clean = validate_changes({"language": "PT-br", "hour_cycle": 12, "week_start": "Sun"})
    assert clean == {"language": "pt-BR", "hour_cycle": "12", "week_start": "sun"}
    assert validate_changes({"language": "auto"}) == {"language": None}
    for bad in ({"language": "tlh"}, {"hour_cycle": "13"}, {"week_start": "wed"}):
        with pytest.raises(DomainError):
            validate_changes(bad)
    # preferences stored before these existed read as automatic
    assert Preferences.from_mapping({"quiet_hours": "22:00-07:00"}).language is None


def test_times_follow_the_persons_clock_and_language() -> None:
    five = dt.time(17, 0)
    assert formatting.time_of_day(five, "en") == "5:00\u202fPM"  # CLDR: a narrow space
    assert formatting.time_of_day(five, "ru") == "17:00"
    assert formatting.time_of_day(five, "ru", "12") == "5:00\u202fPM"
    assert formatting.time_of_day(five, "en", "24") == "17:00"
    monday = dt.date(2026, 11, 23)
    assert formatting.day_long(monday, "ru") == "понедельник, 23 ноября"
    assert formatting.day_long(monday, "de") == "Montag, 23. November"
    assert formatting.duration(90, "en") == "1 hour 30 minutes"
    assert formatting.duration(90, "ru") == "1 час 30 минут"
    assert formatting.first_weekday("pt-BR") == 6  # Sunday in Brazil
    assert formatting.first_weekday("de") == 0
    assert formatting.first_weekday("de", "sun") == 6
    assert formatting.uses_12_hours("en") and not formatting.uses_12_hours("de")


def test_messages_render_in_the_current_language_with_plurals_and_isolation() -> None:
    assert translate("ru", "bot-sorry").startswith("😕 Извините")
    with speaking("es"):
        assert t("bot-sorry").startswith("😕 Lo siento")
        with speaking("xx"):  # unsupported: English
            assert t("bot-sorry").startswith("😕 Sorry")
        assert t("bot-sorry").startswith("😕 Lo siento")
    # a Latin name inside Persian keeps its order (Unicode isolation marks around it)
    assert "\u2068English\u2069" in translate("fa", "language-chosen", language="English")
    assert "\u2068" not in translate("ru", "language-chosen", language="English")
    assert translate("de", "no-such-message") == "no-such-message"


def test_the_catalogue_check_finds_what_is_missing_or_wrong(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert check.problems() == []  # the catalogue as shipped
    for code in LANGUAGES:
        folder = tmp_path / code
        folder.mkdir()
        (folder / "a.ftl").write_text(
            "hello = Hello { $name }\nfield = Name\n    .placeholder = Your name\n",
            encoding="utf-8",
        )
    (tmp_path / "ru" / "a.ftl").write_text(
        "hello = Привет { $nme }\nfield = Имя\n    .placehoder = Ваше имя\n", encoding="utf-8"
    )
    (tmp_path / "de" / "a.ftl").write_text("other = Hallo\n", encoding="utf-8")
    (tmp_path / "fa" / "a.ftl").write_text("hello = = broken {\n", encoding="utf-8")
    monkeypatch.setattr(check, "LOCALES", tmp_path)
    monkeypatch.setattr(check, "used_ids", lambda: iter([("x.py", "hello"), ("y.js", "gone")]))
    found = "\n".join(check.problems())
    assert "ru: hello has placeholders nme, English name" in found
    assert "ru: field has attributes .placehoder, English .placeholder" in found
    assert "es: field" not in found  # the same attribute, in other words
    assert "de: hello is missing" in found and "de: other is not in English" in found
    assert "fa/a.ftl: does not parse" in found
    assert "y.js: asks for gone" in found and "x.py" not in found


def test_the_app_gets_only_its_own_messages() -> None:
    text = catalogue.app_catalogue("ru")
    assert "app-name" in text and "bot-sorry" not in text
