"""What a reminder, morning agenda or notice says by mail: subject, text and HTML in the
recipient's language (the catalogue's `mail-*` messages), times in their zone and on their
clock (adapters/i18n/formatting.py), everything from users escaped in the HTML (outbound.py
`esc`), and why the mail came with the link that stops it at the end."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass, replace
from typing import Any

from televent.adapters.i18n import formatting, speaking, t, translate
from televent.adapters.mail.outbound import (
    MailSummary,
    esc,
    html_page,
    render_html,
    render_text,
)
from televent.domain.languages import DEFAULT_LANGUAGE

# an answer's PARTSTAT as the `status` of the catalogue's `mail-rsvp` message
ANSWERS = {
    "ACCEPTED": "accepted",
    "DECLINED": "declined",
    "TENTATIVE": "tentative",
    "DELEGATED": "delegated",
}
INVITATION_KINDS = ("invitation", "invitation_update")
# "in 15 minutes": how reminders queued before they carried `minutes` say when
_IN_MINUTES = re.compile(r"^in (\d+) minutes?$")
_MINUTES_PER_DAY = 24 * 60


@dataclass(frozen=True)
class Reader:
    """Whom a mail is written for: their language (domain/languages.py), their clock ("12",
    "24" or None for their language's custom) and their zone."""

    language: str
    hour_cycle: str | None
    zone: zoneinfo.ZoneInfo

    def time(self, moment: dt.datetime) -> str:
        return formatting.time_of_day(moment, self.language, self.hour_cycle)


@dataclass(frozen=True)
class NoticeText:
    """A mail's subject and its two bodies, and the language they are written in."""

    subject: str
    text: str
    html: str
    language: str = DEFAULT_LANGUAGE


def notice_text(
    channel: str,
    kind: str,
    message: dict[str, Any],
    zone: zoneinfo.ZoneInfo,
    *,
    language: str = DEFAULT_LANGUAGE,
    hour_cycle: str | None = None,
    event_id: str | None = None,
    app_url: str = "",
    unsubscribe_url: str | None = None,
) -> NoticeText:
    """The mail of one queued reminder, agenda or notice (`message` is what Telegram would
    show), written for a reader of `language` with their clock (`hour_cycle`) in `zone`;
    `app_url` is the server's public base, for a link to the event in the app."""
    with speaking(language) as code:
        reader = Reader(code, hour_cycle, zone)
        footer = _footer(channel, unsubscribe_url)
        if kind == "agenda":
            return _agenda(reader, message, footer)
        subject, summary = _single(reader, kind, message)
        if kind in INVITATION_KINDS and app_url and event_id:
            answer = t("mail-answer-in-app", url=f"{app_url}/app/#event={event_id}")
            summary = replace(summary, description=answer)
        summary = replace(summary, footer=footer)
        return NoticeText(subject, render_text(summary), render_html(summary), code)


def when_text(
    start: str | None,
    end: str | None,
    zone: zoneinfo.ZoneInfo,
    *,
    all_day: bool = False,
    language: str = DEFAULT_LANGUAGE,
    hour_cycle: str | None = None,
) -> str:
    """A time as the reader reads it: "Tue, Mar 3, 2026, 3:00 PM to 4:00 PM (Europe/Berlin)",
    "Tue, Mar 3, 2026 (all day)"; the end is shown when it is a time (of the same event)."""
    with speaking(language) as code:
        return _when_text(start, end, Reader(code, hour_cycle, zone), all_day=all_day)


def _when_text(start: str | None, end: str | None, reader: Reader, *, all_day: bool) -> str:
    if not start:
        return t("mail-no-time")
    language, zone = reader.language, reader.zone
    if all_day or len(start) == 10:
        day = dt.date.fromisoformat(start[:10])
        return t("mail-when-all-day", day=formatting.day_with_weekday_and_year(day, language))
    begin = _local(start, zone)
    time = reader.time(begin)
    if end and len(end) > 10:
        finish = _local(end, zone)
        if finish.date() == begin.date():
            time = t("mail-time-range", start=time, end=reader.time(finish))
        else:
            ends = t(
                "mail-day-and-time",
                day=formatting.day_with_weekday_and_year(finish.date(), language),
                time=reader.time(finish),
            )
            time = t("mail-time-range", start=time, end=ends)
    moment = t(
        "mail-day-and-time",
        day=formatting.day_with_weekday_and_year(begin.date(), language),
        time=time,
    )
    return t("mail-in-zone", when=moment, zone=zone.key)


def reminder_minutes(message: dict[str, Any]) -> int | None:
    """How many minutes before the start a reminder was sent for (None: not said)."""
    minutes = message.get("minutes")
    if isinstance(minutes, int) and not isinstance(minutes, bool):
        return max(minutes, 0)
    said = str(message.get("in") or "")
    if said == "now":
        return 0
    found = _IN_MINUTES.match(said)
    return int(found.group(1)) if found else None


def _local(raw: str, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    moment = dt.datetime.fromisoformat(raw)
    return moment.astimezone(zone) if moment.tzinfo is not None else moment.replace(tzinfo=zone)


def _when(reader: Reader, start: Any, end: Any, *, all_day: bool = False) -> str:
    return _when_text(
        None if start is None else str(start),
        None if end is None else str(end),
        reader,
        all_day=all_day,
    )


def _single(reader: Reader, kind: str, message: dict[str, Any]) -> tuple[str, MailSummary]:
    """The subject and the summary of a mail about one event or booking."""
    title = str(message.get("summary") or message.get("title") or t("mail-no-title"))
    when = _when(
        reader, message.get("start"), message.get("end"), all_day=bool(message.get("all_day"))
    )
    organizer = message.get("organizer_name") or message.get("organizer")
    location = message.get("location")
    lines: list[str] = []
    if kind == "reminder":
        subject = t("mail-reminder-subject", title=title, when=when)
        headline = _reminder_headline(title, reminder_minutes(message))
    elif kind == "invitation":
        subject = t("mail-invitation-subject", title=title, when=when)
        headline = t("mail-invitation-headline", organizer=str(organizer or t("mail-someone")))
    elif kind == "invitation_update":
        subject = t("mail-invitation-update-subject", title=title, when=when)
        headline = t(
            "mail-invitation-update-headline", organizer=str(organizer or t("mail-the-organizer"))
        )
    elif kind == "cancelled":
        subject = t("mail-cancelled-subject", title=title, when=when)
        headline = t("mail-cancelled-headline")
    elif kind == "uninvited":
        subject = t("mail-uninvited-subject", title=title, when=when)
        headline = t("mail-uninvited-headline")
    elif kind == "rsvp":
        who = str(message.get("attendee_name") or t("mail-someone"))
        headline = rsvp_text(reader.language, who, message.get("partstat"))
        if message.get("recurrence_id"):
            headline = t("mail-one-occurrence", text=headline)
        subject = t("mail-rsvp-subject", answer=headline, title=title, when=when)
        organizer = None
    else:  # a booking of one of the person's links
        subject, headline, lines = _booking(reader, kind, title, message, when)
        organizer, location = None, None
    summary = MailSummary(
        headline=headline,
        title=title,
        when=when,
        location=str(location) if location else None,
        organizer=str(organizer) if organizer else None,
        description="\n".join(lines) or None,
        language=reader.language,
    )
    return subject, summary


def rsvp_text(language: str, who: str, partstat: Any) -> str:
    """ "Bob declined", "Bob tentatively accepted", ... in `language`."""
    status = ANSWERS.get(str(partstat), "other")
    return translate(language, "mail-rsvp", who=who, status=status)


def _reminder_headline(title: str, minutes: int | None) -> str:
    """ "Standup starts in 15 minutes" (or hours, or days when it is a whole number of them)."""
    if minutes is None:
        return t("mail-reminder-soon", title=title)
    if minutes == 0:
        return t("mail-reminder-now", title=title)
    if minutes % _MINUTES_PER_DAY == 0:
        return t("mail-reminder-days", title=title, count=minutes // _MINUTES_PER_DAY)
    if minutes % 60 == 0:
        return t("mail-reminder-hours", title=title, count=minutes // 60)
    return t("mail-reminder-minutes", title=title, count=minutes)


def _booking(
    reader: Reader, kind: str, title: str, message: dict[str, Any], when: str
) -> tuple[str, str, list[str]]:
    """(subject, headline, more lines) of the owner's mail about a booking."""
    who = str(message.get("name") or t("mail-someone"))
    meeting = t("mail-booking-with", title=title, name=who)
    lines: list[str] = []
    if kind == "booking_cancelled":
        if message.get("reason"):
            lines.append(t("mail-booking-reason", reason=str(message["reason"])))
        subject = t("mail-booking-cancelled-subject", meeting=meeting, when=when)
        return subject, t("mail-booking-cancelled-headline", name=who), lines
    if kind == "booking_moved":
        if message.get("old_start"):
            was = _when(reader, message["old_start"], message.get("old_end"))
            lines.append(t("mail-booking-was", when=was))
        subject = t("mail-booking-moved-subject", meeting=meeting, when=when)
        return subject, t("mail-booking-moved-headline", name=who), lines
    if message.get("email"):
        lines.append(t("mail-booking-email", email=str(message["email"])))
    lines.extend(
        t("mail-field", label=str(label), value=str(answer))
        for label, answer in message.get("answers") or []
    )
    subject = t("mail-booked-subject", meeting=meeting, when=when)
    return subject, t("mail-booked-headline", name=who), lines


def _agenda(reader: Reader, message: dict[str, Any], footer: str) -> NoticeText:
    day = dt.date.fromisoformat(str(message["date"]))
    heading = formatting.day_long(day, reader.language)
    items = message.get("items") or []
    lines = [_agenda_line(reader, item) for item in items]
    notes = []
    unreadable = int(message.get("unreadable") or 0)
    if unreadable:
        notes.append(t("mail-agenda-unreadable", count=unreadable))
    if any(item.get("conflict") for item in items):
        notes.append(t("mail-agenda-conflicts"))
    intro = t("mail-agenda-intro", day=heading, zone=reader.zone.key)
    empty = t("mail-agenda-empty")
    text = "\n".join([intro, "", *(f"- {line}" for line in lines or [empty]), *notes])
    text += f"\n\n-- \n{footer}\n"
    listed = "\n".join(f"<li>{esc(line)}</li>" for line in lines)
    parts = [
        f"<h2>{esc(intro)}</h2>",
        f"<ul>\n{listed}\n</ul>" if lines else f"<p>{esc(empty)}</p>",
    ]
    parts.extend(f"<p>{esc(note)}</p>" for note in notes)
    page = html_page(intro, parts, footer=footer, language=reader.language)
    return NoticeText(t("mail-agenda-subject", day=heading), text, page, reader.language)


def _agenda_line(reader: Reader, item: dict[str, Any]) -> str:
    if item.get("all_day"):
        when = t("mail-all-day")
    else:
        when = reader.time(_local(str(item["start"]), reader.zone))
        if item.get("end") and len(str(item["end"])) > 10:
            end = reader.time(_local(str(item["end"]), reader.zone))
            when = t("mail-time-range", start=when, end=end)
    if item.get("conflict"):
        when = t("mail-agenda-conflict", when=when)
    parts = [when, str(item.get("summary") or "")]
    if item.get("location"):
        parts.append(t("mail-agenda-at", location=str(item["location"])))
    if item.get("recurring"):
        parts.append(t("mail-agenda-repeats"))
    if item.get("awaiting"):
        parts.append(t("mail-agenda-awaiting"))
    return " · ".join(parts)


def _footer(channel: str, unsubscribe_url: str | None) -> str:
    why = t("mail-footer-why", kind=channel)
    if unsubscribe_url:
        return f"{why}\n{t('mail-footer-stop', url=unsubscribe_url)}"
    return f"{why}\n{t('mail-footer-settings')}"
