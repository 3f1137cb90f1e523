"""What the bot says about feed subscriptions (docs/adr/0025), from the message catalogue."""

from __future__ import annotations

from html import escape

from televent.adapters.i18n import t
from televent.projections.queries import SubscriptionView

from .texts import shown


def usage() -> str:
    return t("bot-subscribe-usage")


def subscribed(sub: SubscriptionView) -> str:
    return t("bot-subscribe-done", name=shown(sub.name))


def status(sub: SubscriptionView) -> str:
    """ok, waiting, failing or paused, with the last outcome or error."""
    state = sub.state
    # a failure's reason code (timeout, http-503, not-a-calendar); what worked is not detailed
    detail = (sub.last_error or "").split(":", 1)[0] if state == "failing" else "unchanged"
    return t("bot-subscriptions-status", state=state, detail=escape(detail))


def listing(subs: list[SubscriptionView]) -> str:
    if not subs:
        return t("bot-subscriptions-none")
    lines = [t("bot-subscriptions-head")]
    for number, sub in enumerate(subs, start=1):
        lines.append(
            t("bot-subscriptions-line", number=number, name=shown(sub.name), status=status(sub))
        )
    lines.append(t("bot-subscriptions-usage"))
    return "\n".join(lines)


def changed(action: str, name: str) -> str:
    return t("bot-subscriptions-changed", action=action, name=shown(name))


def no_such(which: str, count: int) -> str:
    return t("bot-subscriptions-no-such", which=escape(which[:60]), count=count)
