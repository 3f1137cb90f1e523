"""What the bot says about the person's addresses (/email, and a line in /start and /settings),
in the current language (locales/<language>/bot-email.ftl)."""

from __future__ import annotations

from html import escape

from televent.adapters.i18n import t
from televent.application.email_links import CodeSent

from .email_service import MailStatus
from .sharing_texts import listed


def usage() -> str:
    """How to link, confirm and unlink one's email."""
    return t("email-bot-usage")


def invite_line(address: str) -> str:
    """The invitation address, as /start and /settings show it."""
    return t("email-bot-invite-line", address=escape(address))


def settings_text(status: MailStatus) -> str:
    """The addresses' lines above /settings' notification buttons."""
    email = (
        ", ".join(f"<code>{escape(e)}</code>" for e in status.emails) + " ✅"
        if status.emails
        else t("email-bot-none-linked")
    )
    return t("email-bot-settings", address=escape(status.invite_address), email=email)


def status_text(status: MailStatus) -> str:
    """/email alone: both addresses and what the person can do."""
    lines = [t("email-bot-status-address", address=escape(status.invite_address))]
    if status.emails:
        linked = ", ".join(f"<code>{escape(e)}</code>" for e in status.emails)
        lines.append(t("email-bot-status-linked", email=linked))
    elif status.awaiting:
        lines.append(t("email-bot-status-awaiting", address=escape(status.awaiting)))
    else:
        lines.append(f"{t('email-bot-status-none')} {usage()}")
    return "\n\n".join(lines)


def code_sent(sent: CodeSent) -> str:
    """After `/email address`."""
    return t("email-bot-code-sent", address=escape(sent.address), minutes=sent.minutes)


def linked(address: str) -> str:
    """After the right code."""
    return t("email-bot-linked", address=escape(address))


def removed(addresses: list[str], unsent: list[str]) -> str:
    """After `/email remove` (`unsent`: the kinds chosen by email alone, now not sent)."""
    if not addresses:
        return t("email-bot-removed-nothing")
    listed_addresses = ", ".join(f"<code>{escape(a)}</code>" for a in addresses)
    text = t("email-bot-removed", addresses=listed_addresses, count=len(addresses))
    if unsent:
        kinds = listed([t("email-bot-kind", kind=kind) for kind in unsent])
        text += "\n\n" + t("email-bot-unsent", kinds=kinds)
    return text
