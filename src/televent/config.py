"""Settings, read from the environment (and a `.env` file in the working directory)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from dotenv import load_dotenv

from televent.domain.errors import TeleventError
from televent.infrastructure.database import DatabaseUrl

DEFAULT_DATABASE_URL = "sqlite:///var/televent.db"
PUBLIC_BOT_API = "https://api.telegram.org"


class ConfigurationError(TeleventError):
    """A setting has a value Televent cannot use."""


@dataclass(frozen=True)
class Settings:
    """Everything configurable, with the defaults a fresh machine runs with."""

    database_url: str = DEFAULT_DATABASE_URL
    telegram_bot_token: str | None = None
    telegram_api_base: str = PUBLIC_BOT_API
    telegram_webhook_url: str | None = None
    telegram_webhook_secret: str | None = None
    public_url: str | None = None
    smtp_url: str | None = None
    mail_from: str | None = None
    inbound_secret: str | None = None
    imap_url: str | None = None
    imap_interval_seconds: int = 60
    max_message_bytes: int = 10_000_000
    internal_domain: str = "televent.internal"
    tombstone_retention_days: int = 30
    max_resource_bytes: int = 1_000_000

    @property
    def database(self) -> DatabaseUrl:
        """The parsed database URL."""
        return DatabaseUrl.parse(self.database_url)

    @classmethod
    def from_environment(
        cls, environ: Mapping[str, str] | None = None, *, read_dotenv: bool = True
    ) -> Settings:
        """Build settings from environment variables (names as in PRODUCT.md)."""
        if environ is None:
            if read_dotenv:
                # The working directory's .env (dotenv's default looks beside the caller).
                load_dotenv(Path.cwd() / ".env", override=False)
            environ = os.environ
        return cls(
            database_url=environ.get("TELEVENT_DATABASE_URL") or DEFAULT_DATABASE_URL,
            telegram_bot_token=environ.get("TELEGRAM_BOT_TOKEN") or None,
            telegram_api_base=environ.get("TELEGRAM_API_BASE") or PUBLIC_BOT_API,
            telegram_webhook_url=environ.get("TELEGRAM_WEBHOOK_URL") or None,
            telegram_webhook_secret=environ.get("TELEGRAM_WEBHOOK_SECRET") or None,
            public_url=environ.get("TELEVENT_PUBLIC_URL") or None,
            smtp_url=environ.get("TELEVENT_SMTP_URL") or None,
            mail_from=environ.get("TELEVENT_MAIL_FROM") or None,
            inbound_secret=environ.get("TELEVENT_INBOUND_SECRET") or None,
            imap_url=environ.get("TELEVENT_IMAP_URL") or None,
            imap_interval_seconds=_positive_int(environ, "TELEVENT_IMAP_INTERVAL", 60),
            max_message_bytes=_positive_int(environ, "TELEVENT_MAX_MESSAGE_BYTES", 10_000_000),
            internal_domain=environ.get("TELEVENT_INTERNAL_DOMAIN") or "televent.internal",
            tombstone_retention_days=_positive_int(
                environ, "TELEVENT_TOMBSTONE_RETENTION_DAYS", 30
            ),
            max_resource_bytes=_positive_int(environ, "TELEVENT_MAX_RESOURCE_BYTES", 1_000_000),
        )


def _positive_int(environ: Mapping[str, str], key: str, default: int) -> int:
    raw = environ.get(key)
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigurationError(f"{key} must be a whole number, not {raw!r}.") from None
    if value <= 0:
        raise ConfigurationError(f"{key} must be positive, not {value}.")
    return value
