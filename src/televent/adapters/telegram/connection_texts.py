"""What the bot says about connected Google accounts (docs/adr/0034), from the message
catalogue."""

from __future__ import annotations

from html import escape

from televent.adapters.i18n import t
from televent.projections.queries import ConnectionView


def off() -> str:
    return t("bot-google-off")


def connect(url: str, *, button: bool, connected: list[ConnectionView]) -> str:
    """The invitation to open Google's consent screen: with a button (an https address), or
    the address itself to open in a browser; the accounts connected already first."""
    lines = []
    if connected:
        lines.append("\n".join([t("bot-google-head"), *(_line(c) for c in connected)]))
        lines.append(t("bot-google-manage"))
    lines.append(f"{t('bot-google-connect')} {t('bot-google-link-rules')}")
    if not button:
        lines.append(f"{t('bot-google-link')}\n{escape(url)}")
    return "\n\n".join(lines)


def _line(connection: ConnectionView) -> str:
    mirrors = connection.calendars
    states = {mirror.state for mirror in mirrors}
    state = next((s for s in ("failing", "waiting") if s in states), "ok")
    failing = next((m for m in mirrors if m.state == "failing"), None)
    # the reason's code alone (unauthorized, rate-limited): the message is the operator's
    reason = "" if failing is None else (failing.last_error or "").split(":", 1)[0]
    return t(
        "bot-google-line", email=escape(connection.username), count=len(mirrors),
        state=state, reason=escape(reason),
    )  # fmt: skip


def button_label() -> str:
    return t("conn-google")
