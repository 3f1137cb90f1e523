"""What the bot says about the person's addresses (/email, and a line in /start and /settings)."""

from __future__ import annotations

from html import escape

from televent.application.email_links import CodeSent

from .email_service import MailStatus

USAGE = (
    "Link your email with <code>/email you@example.com</code>: I mail you a code, and "
    "<code>/email 123456</code> links the address. <code>/email remove</code> unlinks it."
)


def invite_line(address: str) -> str:
    """The invitation address, as /start and /settings show it."""
    return (
        f"📮 People can invite you from any calendar app at <code>{escape(address)}</code> "
        "(/email for more)."
    )


def settings_text(status: MailStatus) -> str:
    """The addresses' lines above /settings' notification buttons."""
    email = (
        ", ".join(f"<code>{escape(e)}</code>" for e in status.emails) + " ✅"
        if status.emails
        else "none linked"
    )
    return (
        f"📮 Invitation address: <code>{escape(status.invite_address)}</code>\n"
        f"✉️ Email: {email}\n"
        "/email shows both and links or unlinks your email."
    )


def status_text(status: MailStatus) -> str:
    """/email alone: both addresses and what the person can do."""
    lines = [
        f"📮 Your invitation address: <code>{escape(status.invite_address)}</code>\n"
        "Anyone can invite you there from Gmail, Outlook or any calendar app: the invitation "
        "lands in your calendar and here, and your answer goes back by email.",
    ]
    if status.emails:
        linked = ", ".join(f"<code>{escape(e)}</code>" for e in status.emails)
        lines.append(
            f"✉️ Your email: {linked} ✅ — invitations sent there reach you too. "
            "<code>/email remove</code> unlinks it."
        )
    elif status.awaiting:
        lines.append(
            f"✉️ A code is on its way to <code>{escape(status.awaiting)}</code>: send it as "
            "<code>/email 123456</code>."
        )
    else:
        lines.append("✉️ No email linked. " + USAGE)
    return "\n\n".join(lines)


def code_sent(sent: CodeSent) -> str:
    """After `/email address`."""
    return (
        f"📧 I mailed a code to <code>{escape(sent.address)}</code>. Send it here as "
        f"<code>/email 123456</code> within {sent.minutes} minutes. No mail? Check the spam "
        "folder, or ask for a new code in a minute."
    )


def linked(address: str) -> str:
    """After the right code."""
    return (
        f"✅ <code>{escape(address)}</code> is linked to your account: invitations sent to it "
        "reach you here."
    )


def removed(addresses: list[str], unsent: list[str]) -> str:
    """After `/email remove` (`unsent`: the kinds chosen by email alone, now not sent)."""
    if not addresses:
        return "👍 The code I mailed no longer works; no email is linked."
    listed = ", ".join(f"<code>{escape(a)}</code>" for a in addresses)
    text = f"👍 {listed} is no longer linked to your account."
    if unsent:
        kinds = " and ".join([", ".join(unsent[:-1]), unsent[-1]] if len(unsent) > 1 else unsent)
        text += (
            f"\n\n⚠️ You get {kinds} by email only: they will not be sent until you link an "
            "address again (<code>/email you@example.com</code>), or choose Telegram in /settings."
        )
    return text
