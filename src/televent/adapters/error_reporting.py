"""Optional error reporting to Sentry: on when `SENTRY_DSN` is set, without personal data.

With the setting (and the optional extra `televent[sentry]`), every unexpected error is sent
to the DSN: whatever Televent logs at ERROR with a traceback, which is how every request
(`adapters/api/problems.handle_unexpected`, the CalDAV, Mini App and booking surfaces behind
the same handlers), job (the leader's reminder scan, morning agenda, maintenance, feed and
connection rounds) and sender (Telegram, mail, push, webhooks) reports a failure it did not
expect; and an exception that escapes a thread or the process. Without the setting nothing
of Sentry's is imported.

What is sent is chosen, not filtered (`scrubbed`): the exception's type and module and its
stack (file, function, line and the source lines, never local variables), the log record's
message template (never its arguments: they hold ids, addresses, paths with tokens), the
logger, the level, the release, the environment and the host's name. Never the exception's
message (a message may quote a title or an address), the request (its URL, headers, cookies,
body), the user, breadcrumbs or extra data. No performance traces and no sessions are sent.
"""

from __future__ import annotations

import logging
from typing import Any

INSTALL_HINT = "pip install 'televent[sentry]'"
# The parts of an event that are sent as they are (none of them holds what a person wrote)
KEPT = ("event_id", "timestamp", "platform", "level", "logger", "release", "environment",
        "server_name", "sdk", "fingerprint")  # fmt: skip
KEPT_FRAME = ("filename", "abs_path", "module", "function", "lineno", "colno", "in_app",
              "context_line", "pre_context", "post_context")  # fmt: skip


def start_error_reporting(dsn: str | None, release: str) -> str:
    """Send unexpected errors to `dsn` from now on; the one line the server says about it
    ("" without a DSN: nothing is imported then)."""
    if not dsn:
        return ""
    try:
        import sentry_sdk  # noqa: PLC0415 - only when configured
        from sentry_sdk.integrations.atexit import AtexitIntegration  # noqa: PLC0415
        from sentry_sdk.integrations.dedupe import DedupeIntegration  # noqa: PLC0415
        from sentry_sdk.integrations.excepthook import ExcepthookIntegration  # noqa: PLC0415
        from sentry_sdk.integrations.logging import LoggingIntegration  # noqa: PLC0415
        from sentry_sdk.integrations.threading import ThreadingIntegration  # noqa: PLC0415
    except ImportError:
        return (
            "Error reporting: off (SENTRY_DSN is set but Sentry's SDK is not installed: "
            f"{INSTALL_HINT})"
        )
    try:
        sentry_sdk.init(
            dsn=dsn,
            release=f"televent@{release}",
            # SENTRY_ENVIRONMENT names the deployment (Sentry's SDK reads it; "production")
            default_integrations=False,
            auto_enabling_integrations=False,
            integrations=[
                LoggingIntegration(level=None, event_level=logging.ERROR),  # no breadcrumbs
                ExcepthookIntegration(),
                ThreadingIntegration(),
                DedupeIntegration(),
                AtexitIntegration(callback=lambda pending, timeout: None),
            ],
            send_default_pii=False,
            include_local_variables=False,
            max_breadcrumbs=0,
            traces_sample_rate=None,
            auto_session_tracking=False,
            send_client_reports=False,
            before_send=_before_send,
        )
    except Exception as exc:  # a DSN Sentry's SDK refuses: said, and the server runs on
        return f"Error reporting: off (SENTRY_DSN cannot be used: {type(exc).__name__})"
    return "Error reporting: on (unexpected errors go to Sentry, without personal data)"


def _before_send(event: Any, hint: dict[str, Any]) -> Any:
    return scrubbed(dict(event))


def scrubbed(event: dict[str, Any]) -> dict[str, Any]:
    """What is sent of an event (module docstring): chosen field by field."""
    kept: dict[str, Any] = {key: event[key] for key in KEPT if key in event}
    entry = event.get("logentry")
    ours = str(event.get("logger") or "").startswith("televent")
    if ours and isinstance(entry, dict) and isinstance(entry.get("message"), str):
        # the template, without its arguments; only Televent's own, which never format data
        # into it (a library's message may be an f-string or an exception's repr)
        kept["logentry"] = {"message": entry["message"]}
    exceptions = (event.get("exception") or {}).get("values")
    if isinstance(exceptions, list):
        kept["exception"] = {"values": [_exception(value) for value in exceptions]}
    threads = (event.get("threads") or {}).get("values")
    if isinstance(threads, list):
        kept["threads"] = {"values": [_thread(value) for value in threads]}
    return kept


def _exception(value: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = {key: value[key] for key in ("type", "module") if key in value}
    mechanism = value.get("mechanism")
    if isinstance(mechanism, dict):
        found["mechanism"] = {k: mechanism[k] for k in ("type", "handled") if k in mechanism}
    stack = value.get("stacktrace")
    if isinstance(stack, dict):
        found["stacktrace"] = _stack(stack)
    return found


def _thread(value: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = {
        key: value[key] for key in ("id", "crashed", "current") if key in value
    }
    stack = value.get("stacktrace")
    if isinstance(stack, dict):
        found["stacktrace"] = _stack(stack)
    return found


def _stack(stack: dict[str, Any]) -> dict[str, Any]:
    frames = stack.get("frames")
    if not isinstance(frames, list):
        frames = []
    return {
        "frames": [
            {key: frame[key] for key in KEPT_FRAME if key in frame}
            for frame in frames
            if isinstance(frame, dict)
        ]
    }
