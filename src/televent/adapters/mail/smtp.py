"""SMTP submission of outgoing mail (RFC 5321) with aiosmtplib, configured by one URL.

``TELEVENT_SMTP_URL`` takes these forms:

* ``smtp://host`` - port 25; STARTTLS (RFC 3207) when the server offers it, plain text otherwise.
* ``smtp://user:pass@host:587`` - submission with AUTH; user and password are percent-decoded.
  With credentials, STARTTLS is required unless the URL says otherwise, so that a server (or
  someone in between) that does not offer STARTTLS never sees the password in plain text.
* ``smtps://host`` - port 465, implicit TLS ("submissions", RFC 8314 section 3.3).

Options in the query string:

* ``starttls=required`` - refuse to send when STARTTLS is not offered;
  ``starttls=opportunistic`` - use it when offered; ``starttls=no`` - never use TLS.
* ``verify=no`` - do not verify the server's certificate (a relay with a self-signed one).
* ``timeout=30`` - seconds for each network step (default 30).

Failures are sorted for the delivery queue: a 5xx reply (RFC 5321 section 4.2.1) is a
:class:`PermanentMailError`, anything that may pass later (a 4xx reply, a refused or lost
connection, a timeout, a failed TLS handshake) a :class:`TemporaryMailError`.
"""

from __future__ import annotations

import asyncio
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from urllib.parse import parse_qsl, unquote, urlsplit

import aiosmtplib

__all__ = [
    "ENV_VAR",
    "MailConfigurationError",
    "MailDeliveryError",
    "PermanentMailError",
    "SmtpSettings",
    "TemporaryMailError",
    "send_message",
]

ENV_VAR = "TELEVENT_SMTP_URL"
DEFAULT_TIMEOUT = 30.0
SECURITY_MODES = ("plain", "starttls", "opportunistic", "tls")
_STARTTLS_OPTION = {"required": "starttls", "opportunistic": "opportunistic", "no": "plain"}
_BOOLEAN = {"yes": True, "true": True, "1": True, "no": False, "false": False, "0": False}
_DEFAULT_PORTS = {"smtp": 25, "smtps": 465}
# A whole delivery may take this many steps' worth of the per-step timeout, then it is cut off.
_STEPS = 6


class MailConfigurationError(ValueError):
    """TELEVENT_SMTP_URL cannot be used; the message says why (never echoing the password)."""

    def __init__(self, problem: str) -> None:
        super().__init__(f"{ENV_VAR}: {problem}")


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to submit mail."""

    host: str
    port: int
    username: str | None
    password: str | None = field(repr=False)
    security: str  # one of SECURITY_MODES
    verify_tls: bool
    timeout: float

    def __post_init__(self) -> None:
        if self.security not in SECURITY_MODES:
            raise ValueError(f"security must be one of {SECURITY_MODES}, not {self.security!r}")

    @classmethod
    def parse(cls, url: str) -> SmtpSettings:
        """Reads ``smtp[s]://[user:password@]host[:port][?option=value&...]``."""
        try:
            parts = urlsplit(url.strip())
            port = parts.port
        except ValueError as exc:  # a malformed netloc or a port out of range
            raise MailConfigurationError(f"not a valid URL ({exc})") from None
        scheme = parts.scheme.lower()
        if scheme not in _DEFAULT_PORTS:
            raise MailConfigurationError(
                f"unknown scheme {parts.scheme!r}; use smtp://host or smtps://host"
            )
        host = parts.hostname
        if not host:
            raise MailConfigurationError("no host given, e.g. smtp://mail.example.org:587")
        if port == 0:
            raise MailConfigurationError("port 0 is not a valid port")
        if parts.path not in ("", "/") or parts.fragment:
            raise MailConfigurationError("the URL must not have a path or a fragment")
        username, password = _credentials(parts.username, parts.password)

        options = _options(parts.query)
        verify_tls = _boolean(options, "verify", default=True)
        timeout = _timeout(options)
        security = _security(scheme, options, authenticated=username is not None)
        if options:
            raise MailConfigurationError(
                f"unknown option(s) {', '.join(sorted(options))}; known: starttls, verify, timeout"
            )
        return cls(
            host=host,
            port=port or _DEFAULT_PORTS[scheme],
            username=username,
            password=password,
            security=security,
            verify_tls=verify_tls,
            timeout=timeout,
        )


class MailDeliveryError(Exception):
    """A message was not accepted; ``code`` is the SMTP reply code when there was one."""

    def __init__(self, code: int | None, detail: str) -> None:
        super().__init__(f"{code} {detail}" if code is not None else detail)
        self.code = code
        self.detail = detail


class PermanentMailError(MailDeliveryError):
    """A 5xx reply: the address or the message is refused; do not retry."""


class TemporaryMailError(MailDeliveryError):
    """A 4xx reply, a refused, lost or timed-out connection, a TLS failure: retry later."""


async def send_message(
    settings: SmtpSettings,
    message: EmailMessage,
    *,
    envelope_from: str,
    recipients: list[str],
) -> None:
    """Submits ``message`` for ``recipients``; returns when the server has accepted it.

    Raises PermanentMailError or TemporaryMailError. When several recipients are given and
    some are refused while others are accepted, the message has gone to the accepted ones and
    the first refusal is raised.
    """
    if not recipients:
        raise ValueError("a message needs at least one recipient")
    start_tls: bool | None = {
        "plain": False,
        "starttls": True,
        "opportunistic": None,
        "tls": False,
    }[settings.security]
    try:
        async with asyncio.timeout(settings.timeout * _STEPS):
            refused, _reply = await aiosmtplib.send(
                message,
                sender=envelope_from,
                recipients=recipients,
                hostname=settings.host,
                port=settings.port,
                username=settings.username,
                password=settings.password,
                use_tls=settings.security == "tls",
                start_tls=start_tls,
                validate_certs=settings.verify_tls,
                timeout=settings.timeout,
            )
    except aiosmtplib.SMTPRecipientsRefused as exc:
        first = exc.recipients[0]
        raise _by_code(first.code, f"<{first.recipient}>: {first.message}") from exc
    except aiosmtplib.SMTPResponseException as exc:
        raise _by_code(exc.code, exc.message) from exc
    except aiosmtplib.SMTPNotSupported as exc:
        # e.g. a non-ASCII address and a server without SMTPUTF8: resending will not help.
        raise PermanentMailError(None, exc.message) from exc
    except aiosmtplib.SMTPException as exc:
        # Lost connection, timeout, or the server lacks STARTTLS/AUTH that the settings need.
        raise TemporaryMailError(None, _describe(exc)) from exc
    except ssl.SSLError as exc:
        raise TemporaryMailError(None, f"TLS failed: {exc}") from exc
    except OSError as exc:  # refused, reset, unreachable, and TimeoutError
        raise TemporaryMailError(None, _describe(exc)) from exc
    if refused:
        recipient, response = next(iter(refused.items()))
        raise _by_code(response.code, f"<{recipient}>: {response.message}")


def _by_code(code: int, detail: str) -> MailDeliveryError:
    if 500 <= code < 600:
        return PermanentMailError(code, detail)
    return TemporaryMailError(code if code > 0 else None, detail)


def _describe(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if type(exc).__name__ in text else f"{type(exc).__name__}: {text}"


def _credentials(user: str | None, password: str | None) -> tuple[str | None, str | None]:
    username = unquote(user) if user else None
    secret = unquote(password) if password is not None else None
    if username is None and secret:
        raise MailConfigurationError("a password was given without a user name")
    if username is not None and secret is None:
        raise MailConfigurationError("a user name was given without a password")
    return username, secret


def _security(scheme: str, options: dict[str, str], *, authenticated: bool) -> str:
    if scheme == "smtps":
        if "starttls" in options:
            raise MailConfigurationError("starttls= has no meaning with smtps:// (always TLS)")
        return "tls"
    if "starttls" not in options:
        # Credentials must not go out in plain text because a server did not offer STARTTLS.
        return "starttls" if authenticated else "opportunistic"
    value = options.pop("starttls").lower()
    if value not in _STARTTLS_OPTION:
        raise MailConfigurationError(
            f"starttls={value!r} is not one of {', '.join(_STARTTLS_OPTION)}"
        )
    return _STARTTLS_OPTION[value]


def _options(query: str) -> dict[str, str]:
    try:
        pairs = parse_qsl(query, keep_blank_values=True, strict_parsing=bool(query))
    except ValueError:
        raise MailConfigurationError(f"cannot read the options {query!r}") from None
    options: dict[str, str] = {}
    for name, value in pairs:
        key = name.lower()
        if key in options:
            raise MailConfigurationError(f"option {key} is given twice")
        options[key] = value
    return options


def _boolean(options: dict[str, str], name: str, *, default: bool) -> bool:
    if name not in options:
        return default
    value = options.pop(name).lower()
    if value not in _BOOLEAN:
        raise MailConfigurationError(f"{name}={value!r} should be yes or no")
    return _BOOLEAN[value]


def _timeout(options: dict[str, str]) -> float:
    if "timeout" not in options:
        return DEFAULT_TIMEOUT
    value = options.pop("timeout")
    try:
        seconds = float(value)
    except ValueError:
        raise MailConfigurationError(f"timeout={value!r} is not a number of seconds") from None
    if not 0 < seconds <= 3600:  # also rejects nan and inf
        raise MailConfigurationError(f"timeout={value!r} should be between 0 and 3600 seconds")
    return seconds
