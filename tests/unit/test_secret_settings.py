"""Every secret setting can come from `<NAME>_FILE` (config.with_secret_files)."""

from __future__ import annotations

from pathlib import Path

import pytest

from televent.config import SECRET_SETTINGS, ConfigurationError, Settings

ATTRIBUTES = {
    "TELEVENT_DATABASE_URL": "database_url",
    "TELEGRAM_BOT_TOKEN": "telegram_bot_token",
    "TELEGRAM_WEBHOOK_SECRET": "telegram_webhook_secret",
    "TELEVENT_SMTP_URL": "smtp_url",
    "TELEVENT_IMAP_URL": "imap_url",
    "TELEVENT_INBOUND_SECRET": "inbound_secret",
    "TELEVENT_MAILGUN_SIGNING_KEY": "mailgun_signing_key",
    "TELEVENT_REDIS_URL": "redis_url",
    "TELEVENT_METRICS_TOKEN": "metrics_token",
    "SENTRY_DSN": "sentry_dsn",
    "TELEVENT_GOOGLE_CLIENT_SECRET": "google_client_secret",
}
VALUES = {
    "TELEVENT_DATABASE_URL": "postgresql://televent:pa55@db:5432/televent",
    "TELEVENT_SMTP_URL": "smtp://mail:pa55@smtp.example:587",
    "TELEVENT_IMAP_URL": "imaps://mail:pa55@imap.example/INBOX",
    "TELEVENT_REDIS_URL": "redis://:pa55@redis:6379/0",
    "SENTRY_DSN": "https://public@sentry.example/1",
}


def test_every_secret_setting_is_read_from_its_file(tmp_path: Path) -> None:
    assert set(ATTRIBUTES) == set(SECRET_SETTINGS)
    environ = {}
    for name in SECRET_SETTINGS:
        value = VALUES.get(name, f"secret-of-{name.lower()}")
        (tmp_path / name).write_text(value + "\r\n")
        environ[f"{name}_FILE"] = str(tmp_path / name)
    settings = Settings.from_environment(environ)
    for name, attribute in ATTRIBUTES.items():
        assert getattr(settings, attribute) == VALUES.get(name, f"secret-of-{name.lower()}")


def test_a_value_that_ends_in_spaces_keeps_them_only_the_line_break_goes(tmp_path: Path) -> None:
    (tmp_path / "token").write_text("123:abc  \n")
    settings = Settings.from_environment({"TELEGRAM_BOT_TOKEN_FILE": str(tmp_path / "token")})
    assert settings.telegram_bot_token == "123:abc  "


@pytest.mark.parametrize(
    ("content", "expected"),
    [(b"\xff\xfe", "not UTF-8"), (b"x" * 70_000, "larger")],
)
def test_a_file_that_cannot_hold_a_secret_is_refused(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    (tmp_path / "token").write_bytes(content)
    with pytest.raises(ConfigurationError, match=expected) as refused:
        Settings.from_environment({"TELEGRAM_BOT_TOKEN_FILE": str(tmp_path / "token")})
    assert "TELEGRAM_BOT_TOKEN_FILE" in str(refused.value)


def test_both_ways_at_once_is_refused_without_showing_either(tmp_path: Path) -> None:
    (tmp_path / "token").write_text("from-the-file")
    with pytest.raises(ConfigurationError) as refused:
        Settings.from_environment(
            {
                "TELEGRAM_BOT_TOKEN": "from-the-env",
                "TELEGRAM_BOT_TOKEN_FILE": str(tmp_path / "token"),
            }
        )
    message = str(refused.value)
    assert "TELEGRAM_BOT_TOKEN or TELEGRAM_BOT_TOKEN_FILE" in message
    assert "from-the" not in message


def test_a_missing_file_names_the_setting_and_the_path(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError) as refused:
        Settings.from_environment({"TELEVENT_SMTP_URL_FILE": str(tmp_path / "nowhere")})
    assert "TELEVENT_SMTP_URL_FILE" in str(refused.value)
    assert "nowhere" in str(refused.value)


def test_an_empty_file_setting_is_as_if_unset() -> None:
    assert Settings.from_environment({"TELEGRAM_BOT_TOKEN_FILE": " "}).telegram_bot_token is None


@pytest.mark.parametrize("content", [b"", b"\n", b"  \r\n"])
def test_an_empty_secret_file_leaves_the_setting_unset(tmp_path: Path, content: bytes) -> None:
    """An optional secret is turned on by writing it into its file (compose.yaml makes the bot
    token's file empty): until then the bot is off, as with an empty variable."""
    (tmp_path / "token").write_bytes(content)
    settings = Settings.from_environment({"TELEGRAM_BOT_TOKEN_FILE": str(tmp_path / "token")})
    assert settings.telegram_bot_token is None


def test_google_endpoints_must_be_web_addresses() -> None:
    """TELEVENT_GOOGLE_API_BASE and _OAUTH_BASE name http(s) bases; anything else stops the
    program with the setting's name, and unset ones mean Google's own."""
    settings = Settings.from_environment({})
    assert settings.google_api_base == "https://www.googleapis.com/"
    assert settings.google_oauth_base is None and settings.google_client_id is None
    with pytest.raises(ConfigurationError, match="TELEVENT_GOOGLE_OAUTH_BASE"):
        Settings.from_environment({"TELEVENT_GOOGLE_OAUTH_BASE": "ftp://example.com"})
