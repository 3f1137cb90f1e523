"""How the bot says things: times in the user's zone, event lines, cards (Telegram HTML)."""

from __future__ import annotations

import datetime as dt
import logging
import zoneinfo
from html import escape
from typing import Any

from .agenda import EventDetails, Occurrence

LOG = logging.getLogger(__name__)

ANSWERS = {
    "ACCEPTED": "✅ accepted",
    "TENTATIVE": "❔ maybe",
    "DECLINED": "❌ declined",
    "NEEDS-ACTION": "⏳ no answer yet",
    "DELEGATED": "↪️ delegated",
}
ANSWER_VERBS = {
    "ACCEPTED": "accepted",
    "TENTATIVE": "tentatively accepted",
    "DECLINED": "declined",
    "NEEDS-ACTION": "has not answered",
}

WELCOME = (
    "👋 Hi {name}! I keep your calendar right here in Telegram.\n"
    "• /create an event in one line: <code>/create Team sync, tomorrow 15:00, 1h</code>\n"
    "• Invite people, and answer invitations with one tap.\n"
    "• Sync with Apple Calendar, Thunderbird or DAVx5: /device add laptop"
)
HELP = """<b>Televent commands</b>
/create <i>title, when[, duration][, place]</i> — e.g. <code>/create Dentist, fri 9:30, 45m</code>
/today, /tomorrow, /week — what's on; /list — everything coming up
/app — the calendar app (month, week, day views), and a login link for a browser
/event <i>id</i> — details, with buttons to invite, cancel or export
/invite <i>id</i> <i>@username | Telegram id | email …</i> — invite people
/attendees <i>id</i> — who accepted, declined, or hasn't answered
/rsvp <i>accept | tentative | decline</i> <i>id</i> — answer an invitation
/cancel <i>id</i> — cancel your event (alone: leave a dialogue)
/calendars — your calendars and invitations; /calendars <i>name</i> — who has one
/share <i>calendar @username</i> [read | write | manage] — e.g. <code>/share family @anna</code>
/unshare <i>calendar @username</i> — stop sharing; /leave <i>calendar</i> — leave a shared one
/timezone <i>city or zone</i> — e.g. <code>/timezone Berlin</code>
/reminder <i>minutes</i> — how long before events I remind you (0: off)
/agenda <i>HH:MM</i> | off — your day's events every morning at that local time
/quiet <i>HH:MM-HH:MM</i> | off — quiet hours: messages wait until they end
/settings — notifications: reminders, invitation cards, answers, quiet hours, agenda
/email — your invitation address; /email <i>you@example.com</i> links your email (a code is mailed)
/availability <i>days hours</i> — when people can book you: <code>/availability mon-fri 9-17</code>
/booking new <i>slug minutes title</i> | list | pause | resume | delete — booking links
/device add <i>name</i> | list | revoke <i>name</i> — passwords for CalDAV apps
/export — your calendar as an .ics file
/deleteaccount — erase your data (after 30 days, cancellable)
Ids are the short codes shown in lists, like <code>a1b2c3</code>."""


def zone(name: str) -> zoneinfo.ZoneInfo:
    """The zone by IANA name (UTC when unknown)."""
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def local(moment: dt.datetime, tz: zoneinfo.ZoneInfo) -> dt.datetime:
    """A moment in the user's zone (a floating time is taken as already local)."""
    return moment.replace(tzinfo=tz) if moment.tzinfo is None else moment.astimezone(tz)


def when(
    start: dt.datetime | dt.date | None,
    end: dt.datetime | dt.date | None,
    tz: zoneinfo.ZoneInfo,
    *,
    with_date: bool = True,
) -> str:
    """ "Tue 31 Mar, 15:00–16:00" in the user's zone; all-day and multi-day events too."""
    if start is None:
        return "no date"
    if not isinstance(start, dt.datetime):
        last = end - dt.timedelta(days=1) if isinstance(end, dt.date) else start
        if not isinstance(last, dt.datetime) and last > start:
            return f"{_day(start)} – {_day(last)}, all day"
        return f"{_day(start)}, all day" if with_date else "all day"
    begin = local(start, tz)
    day = f"{_day(begin.date())}, " if with_date else ""
    if not isinstance(end, dt.datetime):
        return f"{day}{begin:%H:%M}"
    finish = local(end, tz)
    if finish.date() != begin.date() and finish - begin >= dt.timedelta(hours=24):
        return f"{day}{begin:%H:%M} – {_day(finish.date())} {finish:%H:%M}"
    return f"{day}{begin:%H:%M}–{finish:%H:%M}"


def _day(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def occurrence_line(occurrence: Occurrence, tz: zoneinfo.ZoneInfo) -> str:
    """One line of a listing: time, title, place, attendees, answer, id."""
    parts = [f"<b>{escape(when(occurrence.start, occurrence.end, tz, with_date=False))}</b>"]
    title = escape(occurrence.summary)
    parts.append(f"<s>{title}</s> (cancelled)" if occurrence.cancelled else title)
    if occurrence.location:
        parts.append(f"📍 {escape(occurrence.location)}")
    if occurrence.attendees:
        parts.append(f"👥 {occurrence.accepted}/{occurrence.attendees}")
    if occurrence.my_answer is not None:
        parts.append(ANSWERS.get(occurrence.my_answer, occurrence.my_answer).split()[0])
    if occurrence.recurring:
        parts.append("🔁")
    parts.append(f"<code>{occurrence.short_id}</code>")
    return " · ".join(parts)


MAX_MESSAGE = 3900  # Telegram refuses messages over 4096 characters; keep a margin


def agenda(
    title: str, occurrences: list[Occurrence], tz: zoneinfo.ZoneInfo, *, unreadable: int = 0
) -> str:
    """A listing grouped by day, in the user's zone, cut to fit one Telegram message; it ends
    by saying how many events could not be shown (`unreadable`, and lines that fail here)."""
    note_room = 120 if unreadable else 0
    if not occurrences:
        if unreadable:
            return f"<b>{escape(title)}</b>" + left_out(unreadable, "could not be shown")
        return f"<b>{escape(title)}</b>\nNothing planned. Add something with /create."
    lines = [f"<b>{escape(title)}</b>"]
    size = len(lines[0])
    current: dt.date | None = None
    for index, occurrence in enumerate(occurrences):
        try:
            line = occurrence_line(occurrence, tz)
            start = occurrence.start
            day = local(start, tz).date() if isinstance(start, dt.datetime) else start
        except Exception:  # one odd event never hides the others
            LOG.exception("Cannot show an occurrence of event %s", occurrence.event_id)
            unreadable += 1
            note_room = 120
            continue
        if size + len(line) + 80 + note_room > MAX_MESSAGE:
            rest = len(occurrences) - index
            lines.append(f"\n… and {rest} more. /list shows everything, page by page.")
            break
        if day != current:
            lines.append(f"\n📅 <b>{_day(day)}</b>")
            size += 24
            current = day
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines) + left_out(unreadable, "could not be shown")


def left_out(count: int, what: str) -> str:
    """The note under an answer that leaves out events whose data cannot be read."""
    if not count:
        return ""
    events = "1 event" if count == 1 else f"{count} events"
    return (
        f"\n\n⚠️ {events} {what}: {'its' if count == 1 else 'their'} calendar data cannot be read."
    )


def details(event: EventDetails, tz: zoneinfo.ZoneInfo) -> str:
    """The /event card."""
    title = escape(event.summary)
    lines = [f"<b>{'❌ CANCELLED: ' if event.cancelled else ''}{title}</b>"]
    lines.append(f"🕒 {escape(when(event.start, event.end, tz))}{' 🔁' if event.recurring else ''}")
    if event.location:
        lines.append(f"📍 {escape(event.location)}")
    if event.organizer:
        lines.append(f"👤 Organizer: {escape(event.organizer)}")
    if event.description:
        lines.append(f"📝 {escape(event.description[:500])}")
    if event.attendees:
        lines.append(f"👥 {len(event.attendees)} invited:")
        lines.extend(attendee_lines(event.attendees))
    if event.my_answer is not None:
        lines.append(f"Your answer: {ANSWERS.get(event.my_answer, event.my_answer)}")
    lines.append(f"id <code>{event.short_id}</code>")
    return "\n".join(lines)


def attendee_lines(attendees: list[dict[str, Any]]) -> list[str]:
    """One line per attendee with their answer."""
    return [
        f"  {ANSWERS.get(a['partstat'], a['partstat']).split()[0]} "
        f"{escape(a['cn'] or a['address'])}"
        for a in attendees
    ]


def attendees_summary(event: EventDetails) -> str:
    """/attendees: grouped by answer."""
    if not event.attendees:
        return (
            f"Nobody is invited to <b>{escape(event.summary)}</b> yet. "
            f"Invite with /invite {event.short_id} @username"
        )
    groups: dict[str, list[str]] = {}
    for attendee in event.attendees:
        groups.setdefault(attendee["partstat"], []).append(attendee["cn"] or attendee["address"])
    lines = [f"<b>{escape(event.summary)}</b> — {len(event.attendees)} invited"]
    for partstat in ("ACCEPTED", "TENTATIVE", "DECLINED", "NEEDS-ACTION", "DELEGATED"):
        if partstat in groups:
            names = ", ".join(escape(n) for n in groups.pop(partstat))
            lines.append(f"{ANSWERS[partstat]}: {names}")
    for partstat, others in groups.items():
        lines.append(f"{escape(partstat)}: {', '.join(escape(n) for n in others)}")
    return "\n".join(lines)


def _payload_when(payload: dict[str, Any], tz: zoneinfo.ZoneInfo) -> str:
    def parse(value: str | None) -> dt.datetime | dt.date | None:
        if not value:
            return None
        if len(value) == 10:
            return dt.date.fromisoformat(value)
        return dt.datetime.fromisoformat(value)

    return when(parse(payload.get("start")), parse(payload.get("end")), tz)


def card(kind: str, payload: dict[str, Any], tz: zoneinfo.ZoneInfo, answer: str | None) -> str:
    """An invitation card (new or updated), in the recipient's zone."""
    head = {
        "invitation": "📨 <b>Invitation</b>",
        "invitation_update": "🔄 <b>Invitation updated</b> — please check the new details",
    }.get(kind, "📨 <b>Invitation</b>")
    lines = [head, f"<b>{escape(payload.get('summary') or '(no title)')}</b>"]
    lines.append(
        f"🕒 {escape(_payload_when(payload, tz))}{' 🔁' if payload.get('recurring') else ''}"
    )
    if payload.get("location"):
        lines.append(f"📍 {escape(payload['location'])}")
    organizer = payload.get("organizer_name") or payload.get("organizer")
    if organizer:
        lines.append(f"👤 From {escape(organizer)}")
    if answer is not None and answer != "NEEDS-ACTION":
        lines.append(f"Your answer: {ANSWERS.get(answer, answer)}")
    return "\n".join(lines)


def notice(kind: str, payload: dict[str, Any], tz: zoneinfo.ZoneInfo) -> str:  # noqa: PLR0911
    """Messages that are not cards: answers for the organizer, cancellations, reminders."""
    summary = escape(payload.get("summary") or "an event")
    moment = escape(_payload_when(payload, tz)) if payload.get("start") else ""
    if kind == "rsvp":
        verb = ANSWER_VERBS.get(payload.get("partstat", ""), payload.get("partstat", "answered"))
        icon = ANSWERS.get(payload.get("partstat", ""), "•").split()[0]
        instance = " (one occurrence)" if payload.get("recurrence_id") else ""
        who = escape(payload.get("attendee_name") or "Someone")
        return f"{icon} {who} {verb} <b>{summary}</b>{instance}\n🕒 {moment}"
    if kind == "cancelled":
        return f"❌ <b>{summary}</b> ({moment}) was cancelled by the organizer."
    if kind == "uninvited":
        return f"➖ You were removed from <b>{summary}</b> ({moment})."
    if kind == "counter":
        who = escape(payload.get("attendee_name") or "An attendee")
        proposed = escape(_counter_time(payload.get("proposed"), tz))
        comment = f"\n💬 {escape(payload['comment'])}" if payload.get("comment") else ""
        return f"🕑 {who} proposes a new time for <b>{summary}</b>: {proposed}{comment}"
    if kind == "mail_failed":
        recipient = escape(payload.get("recipient") or "someone")
        reason = escape(payload.get("reason") or "")
        if payload.get("method") == "CODE":
            return f"⚠️ The email with your code could not be delivered to {recipient}.\n{reason}"
        what = {"CANCEL": "cancellation", "REPLY": "answer"}.get(
            payload.get("method", ""), "invitation"
        )
        return (
            f"⚠️ The {what} email for <b>{summary}</b> could not be delivered to "
            f"{recipient}.\n{reason}"
        )
    if kind == "reminder":
        place = f"\n📍 {escape(payload['location'])}" if payload.get("location") else ""
        return f"⏰ <b>{summary}</b> starts {escape(payload.get('in', 'soon'))}\n🕒 {moment}{place}"
    return f"{summary} {moment}"


def _counter_time(raw: str | None, tz: zoneinfo.ZoneInfo) -> str:
    """A proposed DTSTART value (UTC or floating basic form) in the reader's zone."""
    if not raw:
        return "a new time"
    try:
        if len(raw) == 8:
            return dt.datetime.strptime(raw, "%Y%m%d").strftime("%a %d %b (all day)")
        moment = dt.datetime.strptime(raw.rstrip("Z"), "%Y%m%dT%H%M%S")
    except ValueError:
        return raw
    if raw.endswith("Z"):
        moment = moment.replace(tzinfo=dt.UTC).astimezone(tz)
    return moment.strftime("%a %d %b, %H:%M")
