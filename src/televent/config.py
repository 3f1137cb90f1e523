"""Settings, read from the environment (and a `.env` file in the working directory)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dotenv import load_dotenv

from televent.domain.errors import TeleventError
from televent.infrastructure.database import DatabaseUrl

PUBLIC_BOT_API = "https://api.telegram.org"


class ConfigurationError(TeleventError):
    """A setting has a value Televent cannot use."""


def default_database_path(environ: Mapping[str, str] | None = None) -> Path:
    """Where the embedded SQLite database lives unless TELEVENT_DATABASE_URL says otherwise:
    `$XDG_DATA_HOME/televent/televent.db`, else `~/.local/share/televent/televent.db`. It does
    not depend on the working directory, so the CLI and the server find the same database
    wherever they are started from."""
    environ = os.environ if environ is None else environ
    data_home = environ.get("XDG_DATA_HOME") or ""
    # The XDG spec: a relative value is invalid and is ignored.
    base = Path(data_home) if Path(data_home).is_absolute() else Path.home() / ".local" / "share"
    return base / "televent" / "televent.db"


def default_erasure_journal(environ: Mapping[str, str] | None = None) -> Path:
    """Where erasures are journaled unless TELEVENT_ERASURE_JOURNAL says otherwise: beside
    the default database (`$XDG_DATA_HOME/televent/erasures.jsonl`), outside any database."""
    return default_database_path(environ).with_name("erasures.jsonl")


def default_database_url(environ: Mapping[str, str] | None = None) -> str:
    """The default database as a URL (an absolute SQLite path)."""
    return f"sqlite:///{default_database_path(environ)}"


@dataclass(frozen=True)
class Settings:
    """Everything configurable, with the defaults a fresh machine runs with."""

    database_url: str = field(default_factory=default_database_url)
    telegram_bot_token: str | None = None
    telegram_api_base: str = PUBLIC_BOT_API
    telegram_webhook_url: str | None = None
    telegram_webhook_secret: str | None = None
    # The Mini App's short name registered with @BotFather's /newapp: group messages then link
    # to the group's calendar as https://t.me/<bot>/<short name>?startapp=cal_<calendar id>.
    telegram_mini_app_name: str | None = None
    public_url: str | None = None
    smtp_url: str | None = None
    mail_from: str | None = None
    inbound_secret: str | None = None
    # Mailgun's HTTP webhook signing key: POST /inbound/mailgun is on when it is set
    mailgun_signing_key: str | None = None
    imap_url: str | None = None
    imap_interval_seconds: int = 60
    max_message_bytes: int = 10_000_000
    internal_domain: str = "televent.internal"
    tombstone_retention_days: int = 30
    max_resource_bytes: int = 1_000_000
    # authserv-ids (RFC 8601) of the MTAs whose Authentication-Results Televent believes
    trusted_authserv_ids: tuple[str, ...] = ()
    header_timeout_seconds: int = 10  # a request's head must arrive within this (else 408)
    body_timeout_seconds: int = 60  # and its body within this after the head (else 408)
    keep_alive_seconds: int = 5  # an idle kept-alive connection is closed after this
    # Telegram Mini App init data older than this is refused (Telegram Desktop caches it)
    tma_max_age_seconds: int = 86_400
    login_link_seconds: int = 600  # a login link from the bot's /app works once, this long
    session_days: int = 30  # a browser session from a login link lasts this long
    # Running in production (docs/operations.md)
    redis_url: str | None = None  # rate-limit buckets shared by every process, else in memory
    rate_limits: bool = True
    rate_address_per_minute: int = 120  # requests without valid credentials, per address
    rate_address_burst: int = 60
    rate_account_per_minute: int = 1200  # requests with credentials, per user name or secret
    rate_account_burst: int = 600
    rate_booking_per_minute: int = 10  # bookings (public POSTs under /book), per address
    rate_booking_burst: int = 10
    metrics_token: str | None = None  # /metrics needs it as a Bearer token; else loopback only
    log_format: str = "text"  # or "json": one object a line
    log_level: str = "warning"  # the level of every record but the access log's
    access_log: bool = True  # one line per request and per delivery attempt, at INFO
    leader_interval_seconds: float = 2.0  # how often the leader lease is tried and checked
    shutdown_grace_seconds: int = 30  # SIGTERM: in-flight requests get this long to finish
    # Requests to addresses people chose may reach loopback, private and link-local addresses
    # (and plain http:// there): test stand-ins, a LAN server (adapters/outbound, ADR 0023)
    outbound_allow_private: bool = False
    # Subscribed feeds (docs/adr/0025): how often the leader looks for feeds due, the largest
    # feed read and how long one fetch may take
    feed_scan_seconds: float = 5.0
    feed_max_bytes: int = 10_000_000
    feed_timeout_seconds: float = 30.0
    # Every erasure is appended here first, outside the database; `restore` applies it
    # (docs/adr/0033)
    erasure_journal: Path = field(default_factory=default_erasure_journal)
    # Error reporting (docs/operations.md): unexpected errors go to this Sentry DSN, without
    # personal data; nothing of Sentry's is imported unless it is set
    sentry_dsn: str | None = None
    # Connected Google accounts (docs/adr/0034): the operator's OAuth client, and where Google
    # is (another Google-compatible endpoint: the tests' stand-in)
    google_client_id: str | None = None
    google_client_secret: str | None = None
    google_api_base: str = "https://www.googleapis.com/"
    google_oauth_base: str | None = None

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
        environ = with_secret_files(environ)
        return cls(
            database_url=environ.get("TELEVENT_DATABASE_URL") or default_database_url(environ),
            telegram_bot_token=environ.get("TELEGRAM_BOT_TOKEN") or None,
            telegram_api_base=environ.get("TELEGRAM_API_BASE") or PUBLIC_BOT_API,
            telegram_webhook_url=environ.get("TELEGRAM_WEBHOOK_URL") or None,
            telegram_webhook_secret=environ.get("TELEGRAM_WEBHOOK_SECRET") or None,
            telegram_mini_app_name=environ.get("TELEGRAM_MINI_APP_NAME") or None,
            public_url=environ.get("TELEVENT_PUBLIC_URL") or None,
            smtp_url=environ.get("TELEVENT_SMTP_URL") or None,
            mail_from=environ.get("TELEVENT_MAIL_FROM") or None,
            inbound_secret=environ.get("TELEVENT_INBOUND_SECRET") or None,
            mailgun_signing_key=environ.get("TELEVENT_MAILGUN_SIGNING_KEY") or None,
            imap_url=environ.get("TELEVENT_IMAP_URL") or None,
            imap_interval_seconds=_positive_int(environ, "TELEVENT_IMAP_INTERVAL", 60),
            max_message_bytes=_positive_int(environ, "TELEVENT_MAX_MESSAGE_BYTES", 10_000_000),
            internal_domain=environ.get("TELEVENT_INTERNAL_DOMAIN") or "televent.internal",
            tombstone_retention_days=_positive_int(
                environ, "TELEVENT_TOMBSTONE_RETENTION_DAYS", 30
            ),
            max_resource_bytes=_positive_int(environ, "TELEVENT_MAX_RESOURCE_BYTES", 1_000_000),
            trusted_authserv_ids=_names(environ.get("TELEVENT_TRUSTED_AUTHSERV_IDS")),
            header_timeout_seconds=_positive_int(environ, "TELEVENT_HEADER_TIMEOUT", 10),
            body_timeout_seconds=_positive_int(environ, "TELEVENT_BODY_TIMEOUT", 60),
            keep_alive_seconds=_positive_int(environ, "TELEVENT_KEEP_ALIVE_TIMEOUT", 5),
            tma_max_age_seconds=_positive_int(environ, "TELEVENT_TMA_MAX_AGE_SECONDS", 86_400),
            login_link_seconds=_positive_int(environ, "TELEVENT_LOGIN_LINK_SECONDS", 600),
            session_days=_positive_int(environ, "TELEVENT_SESSION_DAYS", 30),
            redis_url=environ.get("TELEVENT_REDIS_URL") or None,
            rate_limits=_switch(environ, "TELEVENT_RATE_LIMITS", default=True),
            rate_address_per_minute=_positive_int(environ, "TELEVENT_RATE_ADDRESS_PER_MINUTE", 120),
            rate_address_burst=_positive_int(environ, "TELEVENT_RATE_ADDRESS_BURST", 60),
            rate_account_per_minute=_positive_int(
                environ, "TELEVENT_RATE_ACCOUNT_PER_MINUTE", 1200
            ),
            rate_account_burst=_positive_int(environ, "TELEVENT_RATE_ACCOUNT_BURST", 600),
            rate_booking_per_minute=_positive_int(environ, "TELEVENT_RATE_BOOKING_PER_MINUTE", 10),
            rate_booking_burst=_positive_int(environ, "TELEVENT_RATE_BOOKING_BURST", 10),
            metrics_token=environ.get("TELEVENT_METRICS_TOKEN") or None,
            log_format=_choice(environ, "TELEVENT_LOG_FORMAT", ("text", "json")),
            log_level=_choice(environ, "TELEVENT_LOG_LEVEL", ("warning", "info", "debug", "error")),
            access_log=_switch(environ, "TELEVENT_ACCESS_LOG", default=True),
            leader_interval_seconds=_positive_float(environ, "TELEVENT_LEADER_INTERVAL", 2.0),
            shutdown_grace_seconds=_positive_int(environ, "TELEVENT_SHUTDOWN_GRACE", 30),
            outbound_allow_private=_switch(
                environ, "TELEVENT_OUTBOUND_ALLOW_PRIVATE", default=False
            ),
            feed_scan_seconds=_positive_float(environ, "TELEVENT_FEED_SCAN_SECONDS", 5.0),
            feed_max_bytes=_positive_int(environ, "TELEVENT_FEED_MAX_BYTES", 10_000_000),
            feed_timeout_seconds=_positive_float(environ, "TELEVENT_FEED_TIMEOUT", 30.0),
            sentry_dsn=(environ.get("SENTRY_DSN") or "").strip() or None,
            google_client_id=(environ.get("TELEVENT_GOOGLE_CLIENT_ID") or "").strip() or None,
            google_client_secret=(environ.get("TELEVENT_GOOGLE_CLIENT_SECRET") or "").strip()
            or None,
            google_api_base=_web_base(environ, "TELEVENT_GOOGLE_API_BASE")
            or "https://www.googleapis.com/",
            google_oauth_base=_web_base(environ, "TELEVENT_GOOGLE_OAUTH_BASE"),
            erasure_journal=_path(environ, "TELEVENT_ERASURE_JOURNAL")
            or default_erasure_journal(environ),
        )


def _web_base(environ: Mapping[str, str], key: str) -> str | None:
    """An http(s) base URL setting (None when unset); anything else is a ConfigurationError."""
    value = (environ.get(key) or "").strip()
    if not value:
        return None
    if not value.startswith(("https://", "http://")) or " " in value:
        raise ConfigurationError(f"{key} must be an http:// or https:// address, not {value!r}.")
    return value


# Every setting that holds a secret (a password, a token, a key, a URL with credentials). Each
# may instead be given as `<NAME>_FILE`, the path of a file holding it (the convention of
# container secrets: Docker and Kubernetes mount them as files, systemd as credentials).
SECRET_SETTINGS = (
    "TELEVENT_DATABASE_URL",
    "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_WEBHOOK_SECRET",
    "TELEVENT_SMTP_URL",
    "TELEVENT_IMAP_URL",
    "TELEVENT_INBOUND_SECRET",
    "TELEVENT_MAILGUN_SIGNING_KEY",
    "TELEVENT_REDIS_URL",
    "TELEVENT_METRICS_TOKEN",
    "SENTRY_DSN",
    "TELEVENT_GOOGLE_CLIENT_SECRET",
)
MAX_SECRET_BYTES = 64 * 1024


def with_secret_files(environ: Mapping[str, str]) -> Mapping[str, str]:
    """The environment with each secret given as `<NAME>_FILE` read from its file (one
    trailing line break dropped, as `echo` and editors leave one; an empty file is an unset
    setting, as an empty variable is: an optional secret, such as the bot token, is turned on
    by writing it into its file). Setting both a secret and its file, or naming a file that
    cannot be read, is a ConfigurationError that names the setting and the file, never the
    secret."""
    found: dict[str, str] = {}
    for name in SECRET_SETTINGS:
        path = (environ.get(f"{name}_FILE") or "").strip()
        if not path:
            continue
        if environ.get(name):
            raise ConfigurationError(f"Set {name} or {name}_FILE, not both.")
        found[name] = _secret_file(f"{name}_FILE", Path(path))
    return {**environ, **found} if found else environ  # an empty file: as an empty variable


def _secret_file(setting: str, path: Path) -> str:
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_SECRET_BYTES + 1)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise ConfigurationError(f"{setting}: cannot read {path}: {reason}.") from None
    if len(raw) > MAX_SECRET_BYTES:
        raise ConfigurationError(f"{setting}: {path} is larger than a secret can be.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigurationError(f"{setting}: {path} is not UTF-8 text.") from None
    text = text.removesuffix("\n").removesuffix("\r")
    return text if text.strip() else ""


def _path(environ: Mapping[str, str], key: str) -> Path | None:
    raw = (environ.get(key) or "").strip()
    return Path(raw).expanduser() if raw else None


def _names(raw: str | None) -> tuple[str, ...]:
    """A list of names separated by commas or spaces, lower-cased, without duplicates."""
    return tuple(dict.fromkeys(n.lower() for n in (raw or "").replace(",", " ").split()))


def _switch(environ: Mapping[str, str], key: str, *, default: bool) -> bool:
    raw = (environ.get(key) or "").strip().lower()
    if not raw:
        return default
    if raw in ("on", "true", "yes", "1"):
        return True
    if raw in ("off", "false", "no", "0"):
        return False
    raise ConfigurationError(f"{key} must be on or off, not {raw!r}.")


def _choice(environ: Mapping[str, str], key: str, choices: tuple[str, ...]) -> str:
    """One of `choices` (the first is the default), case-insensitive."""
    raw = (environ.get(key) or "").strip().lower()
    if not raw:
        return choices[0]
    if raw not in choices:
        raise ConfigurationError(f"{key} must be one of {', '.join(choices)}, not {raw!r}.")
    return raw


def _positive_float(environ: Mapping[str, str], key: str, default: float) -> float:
    raw = environ.get(key)
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigurationError(f"{key} must be a number of seconds, not {raw!r}.") from None
    if not 0 < value < float("inf"):  # NaN fails this too
        raise ConfigurationError(f"{key} must be a positive number of seconds, not {raw}.")
    return value


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
