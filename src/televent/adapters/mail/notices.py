"""What a reminder, morning agenda or notice says by mail: subject, text and HTML, times in the
recipient's zone, everything from users escaped in the HTML (outbound.py `esc`), and why the
mail came with the link that stops it at the end."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass, replace
from typing import Any

from televent.adapters.mail.outbound import (
    MailSummary,
    esc,
    html_page,
    render_html,
    render_text,
)

VERBS = {
    "ACCEPTED": "accepted",
    "DECLINED": "declined",
    "TENTATIVE": "tentatively accepted",
    "DELEGATED": "delegated",
}
KIND_WORDS = {
    "reminders": "reminders",
    "agenda": "the morning agenda",
    "notices": "notices about your events",
}
INVITATION_KINDS = ("invitation", "invitation_update")


@dataclass(frozen=True)
class NoticeText:
    """A mail's subject and its two bodies."""

    subject: str
    text: str
    html: str


def notice_text(
    channel: str,
    kind: str,
    message: dict[str, Any],
    zone: zoneinfo.ZoneInfo,
    *,
    event_id: str | None = None,
    app_url: str = "",
    unsubscribe_url: str | None = None,
) -> NoticeText:
    """The mail of one queued reminder, agenda or notice (`message` is what Telegram would
    show); `app_url` is the server's public base, for a link to the event in the app."""
    footer = _footer(channel, unsubscribe_url)
    if kind == "agenda":
        return _agenda(message, zone, footer)
    subject, summary = _single(kind, message, zone)
    if kind in INVITATION_KINDS and app_url and event_id:
        answer = f"Answer in Telegram, or in the calendar app: {app_url}/app/#event={event_id}"
        summary = replace(summary, description=answer)
    summary = replace(summary, footer=footer)
    return NoticeText(subject, render_text(summary), render_html(summary))


def when_text(
    start: str | None, end: str | None, zone: zoneinfo.ZoneInfo, *, all_day: bool = False
) -> str:
    """A time as the reader reads it: "Tue 03 Dec 2026, 15:00-16:00 (Europe/Berlin)", "Tue 03
    Dec 2026 (all day)"; the end is shown when it is the same day's time."""
    if not start:
        return "no time set"
    if all_day or len(start) == 10:
        return dt.date.fromisoformat(start[:10]).strftime("%a %d %b %Y (all day)")
    begin = _local(start, zone)
    text = begin.strftime("%a %d %b %Y, %H:%M")
    if end and len(end) > 10:
        text += "-" + _local(end, zone).strftime("%H:%M")
    return f"{text} ({zone.key})"


def _local(raw: str, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    moment = dt.datetime.fromisoformat(raw)
    return moment.astimezone(zone) if moment.tzinfo is not None else moment.replace(tzinfo=zone)


def _single(kind: str, message: dict[str, Any], zone: zoneinfo.ZoneInfo) -> tuple[str, MailSummary]:
    """The subject and the summary of a mail about one event or booking."""
    title = str(message.get("summary") or message.get("title") or "(no title)")
    when = when_text(
        message.get("start"), message.get("end"), zone, all_day=bool(message.get("all_day"))
    )
    organizer = message.get("organizer_name") or message.get("organizer")
    location = message.get("location")
    lines: list[str] = []
    if kind == "reminder":
        subject, headline = f"Reminder: {title} @ {when}", f"{title} starts {message.get('in')}"
    elif kind == "invitation":
        subject, headline = f"Invitation: {title} @ {when}", f"{organizer or 'Someone'} invites you"
    elif kind == "invitation_update":
        subject = f"Updated invitation: {title} @ {when}"
        headline = f"{organizer or 'The organizer'} changed the meeting; please check the details"
    elif kind == "cancelled":
        subject, headline = f"Cancelled: {title} @ {when}", "The organizer cancelled the meeting"
    elif kind == "uninvited":
        subject, headline = f"Removed: {title} @ {when}", "You were removed from the meeting"
    elif kind == "rsvp":
        who = str(message.get("attendee_name") or "Someone")
        verb = VERBS.get(str(message.get("partstat")), "answered")
        scope = " (one occurrence)" if message.get("recurrence_id") else ""
        subject, headline = f"{who} {verb}: {title}{scope} @ {when}", f"{who} {verb}{scope}"
        organizer = None
    else:  # a booking of one of the person's links
        subject, headline, lines = _booking(kind, title, message, zone, when)
        organizer, location = None, None
    summary = MailSummary(
        headline=headline,
        title=title,
        when=when,
        location=str(location) if location else None,
        organizer=str(organizer) if organizer else None,
        description="\n".join(lines) or None,
    )
    return subject, summary


def _booking(
    kind: str, title: str, message: dict[str, Any], zone: zoneinfo.ZoneInfo, when: str
) -> tuple[str, str, list[str]]:
    """(subject, headline, more lines) of the owner's mail about a booking."""
    who = str(message.get("name") or "Someone")
    lines: list[str] = []
    if kind == "booking_cancelled":
        if message.get("reason"):
            lines.append(f"Reason: {message['reason']}")
        return f"Booking cancelled: {title} with {who} @ {when}", f"{who} cancelled", lines
    if kind == "booking_moved":
        if message.get("old_start"):
            lines.append(f"Was: {when_text(message['old_start'], message.get('old_end'), zone)}")
        return f"Booking moved: {title} with {who} @ {when}", f"{who} moved the booking", lines
    if message.get("email"):
        lines.append(f"Email: {message['email']}")
    lines.extend(f"{label}: {answer}" for label, answer in message.get("answers") or [])
    return f"Booked: {title} with {who} @ {when}", f"{who} booked a time with you", lines


def _agenda(message: dict[str, Any], zone: zoneinfo.ZoneInfo, footer: str) -> NoticeText:
    day = dt.date.fromisoformat(str(message["date"]))
    heading = f"{day:%A} {day.day} {day:%B} {day.year}"
    lines = [_agenda_line(item, zone) for item in message.get("items") or []]
    notes = []
    unreadable = int(message.get("unreadable") or 0)
    if unreadable:
        notes.append(f"({unreadable} event{'s' if unreadable > 1 else ''} could not be shown)")
    if any(item.get("conflict") for item in message.get("items") or []):
        notes.append("(!) marks events that overlap.")
    intro = f"Your day, {heading} ({zone.key})"
    empty = "Nothing planned today."
    text = "\n".join([intro, "", *(f"- {line}" for line in lines or [empty]), *notes])
    text += f"\n\n-- \n{footer}\n"
    items = "\n".join(f"<li>{esc(line)}</li>" for line in lines)
    parts = [f"<h2>{esc(intro)}</h2>", f"<ul>\n{items}\n</ul>" if lines else f"<p>{empty}</p>"]
    parts.extend(f"<p>{esc(note)}</p>" for note in notes)
    return NoticeText(f"Your day: {heading}", text, html_page(intro, parts, footer=footer))


def _agenda_line(item: dict[str, Any], zone: zoneinfo.ZoneInfo) -> str:
    if item.get("all_day"):
        when = "all day"
    else:
        when = _local(str(item["start"]), zone).strftime("%H:%M")
        if item.get("end") and len(str(item["end"])) > 10:
            when += "-" + _local(str(item["end"]), zone).strftime("%H:%M")
    parts = [f"{'(!) ' if item.get('conflict') else ''}{when}", str(item.get("summary") or "")]
    if item.get("location"):
        parts.append(f"at {item['location']}")
    if item.get("recurring"):
        parts.append("repeats")
    if item.get("awaiting"):
        parts.append("awaiting your answer")
    return " · ".join(parts)


def _footer(channel: str, unsubscribe_url: str | None) -> str:
    what = KIND_WORDS.get(channel, channel)
    why = f"You get {what} by email because you chose so in Televent's settings."
    if unsubscribe_url:
        return f"{why}\nStop these emails: {unsubscribe_url}"
    return f"{why}\nChange it with /settings in the bot, or in the calendar app."
