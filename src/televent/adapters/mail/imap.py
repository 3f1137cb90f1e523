"""Polls an IMAP4rev1 mailbox (RFC 3501) for inbound invitation email.

``poll_once`` opens one session, logs in with LOGIN (RFC 3501 section 6.2.3), SELECTs the
configured mailbox, looks for messages without the ``\\Seen`` flag (``UID SEARCH UNSEEN``),
fetches each one with ``BODY.PEEK[]`` so that fetching alone leaves the flag alone, hands the raw
RFC 5322 bytes to a handler and only then sets ``\\Seen`` (``UID STORE ... +FLAGS``). A message
whose handler raises stays unseen and is offered again on the next poll, so handlers must be
idempotent; iMIP processing is (an invitation is identified by its UID and SEQUENCE).

The module uses the standard library's blocking ``imaplib``: callers run ``poll_once`` on a
worker thread (for example through ``asyncio.to_thread``).

The mailbox is configured by one URL, ``TELEVENT_IMAP_URL``:

* ``imap://user:pass@host[:143]/Mailbox``: plain connection, upgraded with STARTTLS
  (RFC 3501 section 6.2.1) when the server advertises it;
* ``imaps://user:pass@host[:993]/Mailbox``: TLS from the first byte (RFC 8314).

The mailbox defaults to ``INBOX``. User name, password and mailbox are percent-decoded. Options:
``?verify=no`` skips certificate checks (test servers with self-signed certificates only),
``?timeout=30`` sets the socket timeout in seconds.
"""

from __future__ import annotations

import base64
import contextlib
import imaplib
import logging
import math
import re
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

__all__ = [
    "ENV_VAR",
    "ImapConfigurationError",
    "ImapSettings",
    "ImapUnavailableError",
    "PollResult",
    "poll_once",
]

LOG = logging.getLogger(__name__)

ENV_VAR = "TELEVENT_IMAP_URL"
DEFAULT_MAILBOX = "INBOX"
DEFAULT_TIMEOUT = 30.0
DEFAULT_PORTS = {"imap": 143, "imaps": 993}
MAX_PORT = 65535

_YES = frozenset({"yes", "true", "1", "on"})
_NO = frozenset({"no", "false", "0", "off"})
# atom-specials of RFC 3501 section 9 (besides CTL, which the settings never contain).
_ATOM_SPECIALS = frozenset('(){ %*"\\]')
_FORBIDDEN = re.compile(r"[\x00-\x1f\x7f]")
_BODY_ITEM = re.compile(rb"\bBODY\[\]")
_UID_ITEM = re.compile(rb"\bUID (\d+)")


class ImapConfigurationError(ValueError):
    """``TELEVENT_IMAP_URL`` cannot be used; the message says why (never the password)."""


class ImapUnavailableError(Exception):
    """The IMAP server cannot be reached, times out, rejects the login or the mailbox."""


@dataclass(frozen=True)
class ImapSettings:
    """Where and how to poll; built from ``TELEVENT_IMAP_URL`` by ``parse``."""

    host: str
    port: int
    username: str
    password: str = field(repr=False)
    mailbox: str
    use_tls: bool
    verify_tls: bool
    timeout: float

    @classmethod
    def parse(cls, url: str) -> ImapSettings:
        """Read an ``imap://`` or ``imaps://`` URL; raise ``ImapConfigurationError`` if unusable."""
        try:
            parts = urlsplit(url.strip())
        except ValueError as exc:
            raise _config_error(f"not a URL ({exc})") from None
        scheme = parts.scheme.lower()
        if scheme not in DEFAULT_PORTS:
            shown = f"{parts.scheme!r}" if parts.scheme else "none"
            raise _config_error(f"scheme must be imap:// or imaps://, got {shown}")
        if not parts.hostname:
            raise _config_error("no host name")
        try:
            explicit_port = parts.port
        except ValueError:
            raise _config_error("the port must be a number from 1 to 65535") from None
        port = DEFAULT_PORTS[scheme] if explicit_port is None else explicit_port
        if not 1 <= port <= MAX_PORT:
            raise _config_error("the port must be a number from 1 to 65535")
        username = unquote(parts.username or "")
        password = unquote(parts.password or "")
        if not username or not password:
            raise _config_error("a user name and a password are required (imap://user:pass@host)")
        if not (username + password).isascii() or _FORBIDDEN.search(username + password):
            raise _config_error("the user name and the password must be printable ASCII")
        mailbox = unquote(parts.path[1:]) if parts.path.startswith("/") else ""
        mailbox = mailbox or DEFAULT_MAILBOX
        if _FORBIDDEN.search(mailbox):
            raise _config_error("the mailbox name contains control characters")
        if parts.fragment:
            raise _config_error("a fragment (#...) is not allowed")
        verify_tls, timeout = _parse_options(parts.query)
        return cls(
            host=parts.hostname,
            port=port,
            username=username,
            password=password,
            mailbox=mailbox,
            use_tls=scheme == "imaps",
            verify_tls=verify_tls,
            timeout=timeout,
        )

    @property
    def address(self) -> str:
        """``host:port`` for messages (IPv6 literals in brackets)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"


@dataclass(frozen=True)
class PollResult:
    """What one poll did."""

    fetched: int
    """Messages handed to the handler (including those it failed on)."""
    failed: int
    """Messages whose handler raised: logged and left unseen for the next poll."""


def poll_once(
    settings: ImapSettings, handle: Callable[[bytes], object], *, limit: int = 50
) -> PollResult:
    """Hand up to ``limit`` unseen messages, oldest UID first, to ``handle``; mark them seen.

    A message is marked ``\\Seen`` only after ``handle`` returned. If ``handle`` raises, the
    error is logged, the message stays unseen and the poll goes on with the next one.
    Connection failures, timeouts, rejected logins, a mailbox that cannot be selected and
    protocol errors raise ``ImapUnavailableError``. The session is always logged out.
    """
    if limit < 1:
        raise ValueError("limit must be at least 1")
    conn = _connect(settings)
    try:
        _login(conn, settings)
        _select(conn, settings)
        fetched = failed = 0
        for uid in _unseen(conn, settings)[:limit]:
            raw = _fetch(conn, settings, uid)
            if raw is None:
                LOG.debug("IMAP message UID %d vanished before it was fetched", uid)
                continue
            fetched += 1
            try:
                handle(raw)
            except Exception:
                failed += 1
                LOG.exception(
                    "handling IMAP message UID %d from %r at %s failed; left unseen",
                    uid,
                    settings.mailbox,
                    settings.address,
                )
                continue
            _mark_seen(conn, settings, uid)
        return PollResult(fetched=fetched, failed=failed)
    except (OSError, imaplib.IMAP4.error) as exc:
        raise ImapUnavailableError(
            f"IMAP session with {settings.address} failed: {_describe(exc, settings)}"
        ) from None
    finally:
        with contextlib.suppress(OSError, imaplib.IMAP4.error):
            conn.logout()


def _connect(settings: ImapSettings) -> imaplib.IMAP4:
    context = _tls_context(settings)
    try:
        conn: imaplib.IMAP4
        if settings.use_tls:
            conn = imaplib.IMAP4_SSL(
                settings.host, settings.port, ssl_context=context, timeout=settings.timeout
            )
        else:
            conn = imaplib.IMAP4(settings.host, settings.port, timeout=settings.timeout)
    except (OSError, imaplib.IMAP4.error) as exc:
        raise ImapUnavailableError(
            f"cannot connect to IMAP server {settings.address}: {_describe(exc, settings)}"
        ) from None
    if not settings.use_tls:
        try:
            if "STARTTLS" in conn.capabilities:
                conn.starttls(context)
            else:
                LOG.debug(
                    "IMAP server %s offers no STARTTLS; continuing in plain text", settings.address
                )
        except (OSError, imaplib.IMAP4.error) as exc:
            with contextlib.suppress(OSError):
                conn.shutdown()
            raise ImapUnavailableError(
                f"STARTTLS with IMAP server {settings.address} failed: {_describe(exc, settings)}"
            ) from None
    return conn


def _tls_context(settings: ImapSettings) -> ssl.SSLContext:
    context = ssl.create_default_context()
    if not settings.verify_tls:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def _login(conn: imaplib.IMAP4, settings: ImapSettings) -> None:
    try:
        # imaplib quotes the password but sends the user name as given.
        conn.login(_astring(settings.username), settings.password)
    except imaplib.IMAP4.abort:
        raise
    except imaplib.IMAP4.error as exc:
        raise ImapUnavailableError(
            f"IMAP login as {settings.username!r} at {settings.address} was rejected: "
            f"{_describe(exc, settings)}"
        ) from None


def _select(conn: imaplib.IMAP4, settings: ImapSettings) -> None:
    typ, data = conn.select(_astring(_encode_mailbox(settings.mailbox)))
    if typ != "OK":
        raise ImapUnavailableError(
            f"IMAP mailbox {settings.mailbox!r} at {settings.address} cannot be selected: "
            f"{_text(data, settings)}"
        )


def _unseen(conn: imaplib.IMAP4, settings: ImapSettings) -> list[int]:
    typ, data = conn.uid("SEARCH", "UNSEEN")
    if typ != "OK":
        raise ImapUnavailableError(
            f"IMAP server {settings.address} refused UID SEARCH UNSEEN: {_text(data, settings)}"
        )
    uids: set[int] = set()
    for line in data:
        if isinstance(line, bytes):
            uids.update(int(token) for token in line.split() if token.isdigit())
    return sorted(uids)


def _fetch(conn: imaplib.IMAP4, settings: ImapSettings, uid: int) -> bytes | None:
    typ, data = conn.uid("FETCH", str(uid), "(BODY.PEEK[])")
    if typ != "OK":
        raise ImapUnavailableError(
            f"IMAP server {settings.address} refused UID FETCH {uid}: {_text(data, settings)}"
        )
    for item in data:
        # A literal comes back as (b'<seq> (UID <uid> BODY[] {<size>}', b'<bytes>').
        if not isinstance(item, tuple) or len(item) < 2:
            continue
        header, body = item[0], item[1]
        if not isinstance(header, bytes) or not isinstance(body, bytes):
            continue
        if not _BODY_ITEM.search(header):
            continue
        found = _UID_ITEM.search(header)
        if found is not None and int(found.group(1)) != uid:
            continue
        return body
    return None


def _mark_seen(conn: imaplib.IMAP4, settings: ImapSettings, uid: int) -> None:
    typ, data = conn.uid("STORE", str(uid), "+FLAGS", "(\\Seen)")
    if typ != "OK":
        # Handled but not marked: it is offered again next time, which handlers tolerate.
        LOG.warning(
            "IMAP server %s refused to mark UID %d as seen: %s",
            settings.address,
            uid,
            _text(data, settings),
        )


def _parse_options(query: str) -> tuple[bool, float]:
    verify_tls, timeout = True, DEFAULT_TIMEOUT
    try:
        options = parse_qsl(query, keep_blank_values=True, strict_parsing=True) if query else []
    except ValueError:
        raise _config_error("the query string is malformed") from None
    seen: set[str] = set()
    for name, value in options:
        if name in seen:
            raise _config_error(f"option {name!r} is given twice")
        seen.add(name)
        if name == "verify":
            if value.lower() in _NO:
                verify_tls = False
            elif value.lower() not in _YES:
                raise _config_error(f"verify must be yes or no, got {value!r}")
        elif name == "timeout":
            try:
                timeout = float(value)
            except ValueError:
                timeout = math.nan
            if not (math.isfinite(timeout) and timeout > 0):
                raise _config_error(f"timeout must be a positive number of seconds, got {value!r}")
        else:
            raise _config_error(f"unknown option {name!r} (known: verify, timeout)")
    return verify_tls, timeout


def _config_error(reason: str) -> ImapConfigurationError:
    return ImapConfigurationError(f"{ENV_VAR}: {reason}")


def _astring(value: str) -> str:
    """An IMAP astring (RFC 3501 section 9): the atom itself, or a quoted string."""
    if value and not any(char in _ATOM_SPECIALS for char in value):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _encode_mailbox(name: str) -> str:
    """Modified UTF-7 for mailbox names (RFC 3501 section 5.1.3)."""
    out: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            encoded = base64.b64encode("".join(pending).encode("utf-16-be")).decode("ascii")
            out.append("&" + encoded.rstrip("=").replace("/", ",") + "-")
            pending.clear()

    for char in name:
        if 0x20 <= ord(char) <= 0x7E:
            flush()
            out.append("&-" if char == "&" else char)
        else:
            pending.append(char)
    flush()
    return "".join(out)


def _text(data: list[Any], settings: ImapSettings) -> str:
    parts = [
        item.decode("ascii", "replace") if isinstance(item, bytes) else str(item)
        for item in data
        if item is not None
    ]
    return _redact(" ".join(parts) or "no reason given", settings)


def _describe(exc: BaseException, settings: ImapSettings) -> str:
    if isinstance(exc, TimeoutError):
        return f"timed out after {settings.timeout:g} s"
    args = exc.args
    if isinstance(exc, imaplib.IMAP4.error) and len(args) == 1 and isinstance(args[0], bytes):
        text = args[0].decode("ascii", "replace")
    else:
        text = str(exc) or type(exc).__name__
    return _redact(text, settings)


def _redact(text: str, settings: ImapSettings) -> str:
    return text.replace(settings.password, "***") if settings.password else text
