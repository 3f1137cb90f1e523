"""How the bot says things: times in the user's zone, event lines, cards (Telegram HTML).

Every word comes from the catalogue (`locales/<language>/bot*.ftl`) in the current language,
set per update by the account middleware (context.py) and per delivery by the sender
(delivery.py); dates and times are written by `adapters/i18n/formatting.py` in that language
and on the reader's clock (`hour_cycle`: "12", "24" or None for their language's custom), the
same clock for every time of one message.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import zoneinfo
from collections.abc import Iterator, Mapping
from html import escape
from typing import Any

from televent.adapters.i18n import current_language, t
from televent.adapters.i18n.formatting import day_short, time_of_day
from televent.domain.zones import zone_or_utc

from .agenda import EventDetails, Occurrence

LOG = logging.getLogger(__name__)

# the one icon of each answer, in listings, cards and the organizer's notices
ICONS = {
    "ACCEPTED": "✅",
    "TENTATIVE": "❔",
    "DECLINED": "❌",
    "NEEDS-ACTION": "⏳",
    "DELEGATED": "↪️",
}
ANSWER_ORDER = ("ACCEPTED", "TENTATIVE", "DECLINED", "NEEDS-ACTION", "DELEGATED")
# "in 15 minutes": how a queued reminder says when its event starts (application/reminders.py)
_IN_MINUTES = re.compile(r"^in (\d+) minutes?$")


def answer_text(partstat: str) -> str:
    """An answer with its icon, "✅ accepted", in the current language (an unknown PARTSTAT
    as it is)."""
    if partstat not in ICONS:
        return partstat
    return t("bot-answer", answer=partstat.lower())


class _Answers(Mapping[str, str]):
    """`ANSWERS["ACCEPTED"]`: an answer in words, rendered when read (the current language)."""

    def __getitem__(self, partstat: str) -> str:
        if partstat not in ICONS:
            raise KeyError(partstat)
        return answer_text(partstat)

    def __iter__(self) -> Iterator[str]:
        return iter(ICONS)

    def __len__(self) -> int:
        return len(ICONS)


ANSWERS: Mapping[str, str] = _Answers()


def welcome(name: str) -> str:
    """The greeting of /start (`name` is escaped here)."""
    return t("bot-welcome", name=escape(name))


def help_text() -> str:
    """/help: every command with an example."""
    return t("bot-help")


def zone(name: str) -> zoneinfo.ZoneInfo:
    """The zone by IANA name (UTC when unknown)."""
    return zone_or_utc(name)


def local(moment: dt.datetime, tz: zoneinfo.ZoneInfo) -> dt.datetime:
    """A moment in the user's zone (a floating time is taken as already local)."""
    return moment.replace(tzinfo=tz) if moment.tzinfo is None else moment.astimezone(tz)


def day(day: dt.date) -> str:
    """A day in a list or card: "Mon, Mar 2" / "пн, 2 мар."."""
    return day_short(day, current_language())


def clock(moment: dt.datetime | dt.time, hour_cycle: str | None = None) -> str:
    """A time of day on the reader's clock: "4:00 PM" / "16:00"."""
    return time_of_day(moment, current_language(), hour_cycle)


def when(
    start: dt.datetime | dt.date | None,
    end: dt.datetime | dt.date | None,
    tz: zoneinfo.ZoneInfo,
    *,
    with_date: bool = True,
    hour_cycle: str | None = None,
) -> str:
    """ "Tue, Mar 31, 3:00 PM–4:00 PM" in the user's zone and on their clock; all-day and
    multi-day events too."""
    if start is None:
        return t("bot-when-none")
    if not isinstance(start, dt.datetime):
        last = end - dt.timedelta(days=1) if isinstance(end, dt.date) else start
        if not isinstance(last, dt.datetime) and last > start:
            return t("bot-when-all-days", first=day(start), last=day(last))
        return t("bot-when-all-day", day=day(start)) if with_date else t("bot-all-day")
    begin = local(start, tz)
    at = clock(begin, hour_cycle)
    if not isinstance(end, dt.datetime):
        shown = at
    else:
        finish = local(end, tz)
        until = clock(finish, hour_cycle)
        if finish.date() != begin.date() and finish - begin >= dt.timedelta(hours=24):
            shown = t("bot-time-until-day", start=at, last=day(finish.date()), end=until)
        else:
            shown = t("bot-time-range", start=at, end=until)
    return t("bot-day-and-time", day=day(begin.date()), time=shown) if with_date else shown


SHOWN = 300  # characters of a title, a place or a name a message shows before "…"
NOTE_SHOWN = 600  # of a description, a comment or a reason


def shown(text: str, limit: int = SHOWN) -> str:
    """A person's words in a message, escaped, cut with "…" after `limit` characters (cut
    before escaping, so never inside an entity): a title of thousands of characters made a
    message longer than Telegram takes, which it refused, or was shown by the catalogue as
    {???} (a placeable of over 2,500 characters)."""
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return escape(text)


def code(text: str) -> str:
    """Something to copy, a command or an id, as Telegram's monospace (escaped)."""
    return f"<code>{escape(text)}</code>"


def occurrence_line(
    occurrence: Occurrence, tz: zoneinfo.ZoneInfo, hour_cycle: str | None = None
) -> str:
    """One line of a listing: time, title, place, attendees, answer, id."""
    moment = when(occurrence.start, occurrence.end, tz, with_date=False, hour_cycle=hour_cycle)
    parts = [f"<b>{escape(moment)}</b>"]
    title = shown(occurrence.summary)
    parts.append(t("bot-list-cancelled", title=title) if occurrence.cancelled else title)
    if occurrence.location:
        parts.append(f"📍 {shown(occurrence.location)}")
    if occurrence.attendees:
        parts.append(
            t("bot-list-people", accepted=occurrence.accepted, invited=occurrence.attendees)
        )
    if occurrence.my_answer is not None:
        parts.append(ICONS.get(occurrence.my_answer, occurrence.my_answer))
    if occurrence.recurring:
        parts.append("🔁")
    parts.append(code(occurrence.short_id))
    return " · ".join(parts)


MAX_MESSAGE = 3900  # Telegram refuses messages over 4096 characters; keep a margin


def units(text: str) -> int:
    """The length Telegram counts a message in (UTF-16 code units; an emoji is two), of its
    HTML: at least what the person sees."""
    return len(text.encode("utf-16-le")) // 2


def fitted(lines: list[str], *, first: int = 1, last: int = 0, more: str = "bot-more") -> str:
    """`lines` joined, the `first` and the `last` always and as many of those between as one
    Telegram message holds, then the `more` note with how many were left out: cut between
    lines, so every tag a line opens is closed (a message cut inside one, or inside "&amp;",
    was refused and lost)."""
    head, middle, tail = lines[:first], lines[first : len(lines) - last], lines[len(lines) - last :]
    room = MAX_MESSAGE - 160 - sum(units(line) + 1 for line in (*head, *tail))
    kept: list[str] = []
    size = 0
    for index, line in enumerate(middle):
        size += units(line) + 1
        if size > room:
            kept.append(t(more, count=len(middle) - index))
            break
        kept.append(line)
    return "\n".join([*head, *kept, *tail])


def agenda(
    title: str,
    occurrences: list[Occurrence],
    tz: zoneinfo.ZoneInfo,
    *,
    unreadable: int = 0,
    hour_cycle: str | None = None,
) -> str:
    """A listing grouped by day, in the user's zone, cut to fit one Telegram message; it ends
    by saying how many events could not be shown (`unreadable`, and lines that fail here)."""
    note_room = 160 if unreadable else 0
    if not occurrences:
        if unreadable:
            return f"<b>{escape(title)}</b>" + left_out(unreadable)
        return f"<b>{escape(title)}</b>\n{t('bot-list-empty')}"
    lines = [f"<b>{escape(title)}</b>"]
    size = units(lines[0])
    current: dt.date | None = None
    for index, occurrence in enumerate(occurrences):
        try:
            line = occurrence_line(occurrence, tz, hour_cycle)
            start = occurrence.start
            shown_day = local(start, tz).date() if isinstance(start, dt.datetime) else start
        except Exception:  # one odd event never hides the others
            LOG.exception("Cannot show an occurrence of event %s", occurrence.event_id)
            unreadable += 1
            note_room = 160
            continue
        if size + units(line) + 120 + note_room > MAX_MESSAGE:
            lines.append("\n" + t("bot-list-more", count=len(occurrences) - index))
            break
        if shown_day != current:
            header = f"\n📅 <b>{escape(day(shown_day))}</b>"
            lines.append(header)
            size += units(header) + 1
            current = shown_day
        lines.append(line)
        size += units(line) + 1
    return "\n".join(lines) + left_out(unreadable)


def left_out(count: int, *, exported: bool = False) -> str:
    """The note under an answer that leaves out events whose data cannot be read (in a
    listing, or an export when `exported`)."""
    if not count:
        return ""
    if exported:
        return "\n\n" + t("bot-left-out-exported", count=count)
    return "\n\n" + t("bot-left-out-shown", count=count)


def details(event: EventDetails, tz: zoneinfo.ZoneInfo, hour_cycle: str | None = None) -> str:
    """The /event card, its guests as many as one message holds."""
    title = shown(event.summary, 500)
    lines = [f"<b>{t('bot-event-cancelled', title=title) if event.cancelled else title}</b>"]
    moment = escape(when(event.start, event.end, tz, hour_cycle=hour_cycle))
    lines.append(f"🕒 {moment}{' 🔁' if event.recurring else ''}")
    if event.location:
        lines.append(f"📍 {shown(event.location, 500)}")
    if event.organizer:
        lines.append(t("bot-event-organizer", name=shown(event.organizer)))
    if event.description:
        lines.append(f"📝 {shown(event.description, NOTE_SHOWN)}")
    if event.my_answer is not None:
        lines.append(t("bot-your-answer", answer=answer_text(event.my_answer)))
    lines.append(t("bot-event-id", id=code(event.short_id)))
    if not event.attendees:
        return "\n".join(lines)
    lines.append(t("bot-event-invited", count=len(event.attendees)))
    return fitted([*lines, *attendee_lines(event.attendees)], first=len(lines))


def attendee_lines(attendees: list[dict[str, Any]]) -> list[str]:
    """One line per attendee with their answer."""
    return [
        f"  {ICONS.get(a['partstat'], shown(a['partstat'], 40))} {shown(a['cn'] or a['address'])}"
        for a in attendees
    ]


def attendees_summary(event: EventDetails) -> str:
    """/attendees: grouped by answer."""
    title = shown(event.summary, 500)
    if not event.attendees:
        command = code(f"/invite {event.short_id} @username")
        return t("bot-attendees-none", title=title, command=command)
    groups: dict[str, list[str]] = {}
    for attendee in event.attendees:
        groups.setdefault(attendee["partstat"], []).append(attendee["cn"] or attendee["address"])
    lines = [t("bot-attendees-head", title=title, count=len(event.attendees))]
    for partstat in ANSWER_ORDER:
        if partstat in groups:
            lines.append(f"{answer_text(partstat)}: {_names(groups.pop(partstat))}")
    for partstat, others in groups.items():
        lines.append(f"{shown(partstat, 40)}: {_names(others)}")
    return fitted(lines)


def _names(names: list[str]) -> str:
    """The names of one answer's group, as many as a sixth of a message holds."""
    kept: list[str] = []
    size = 0
    for index, name in enumerate(names):
        written = shown(name)
        size += units(written) + 2
        if size > MAX_MESSAGE // 6:
            return ", ".join(kept) + " " + t("bot-more", count=len(names) - index)
        kept.append(written)
    return ", ".join(kept)


def _payload_when(
    payload: dict[str, Any], tz: zoneinfo.ZoneInfo, hour_cycle: str | None = None
) -> str:
    def parse(value: str | None) -> dt.datetime | dt.date | None:
        if not value:
            return None
        if len(value) == 10:
            return dt.date.fromisoformat(value)
        return dt.datetime.fromisoformat(value)

    return when(parse(payload.get("start")), parse(payload.get("end")), tz, hour_cycle=hour_cycle)


def card(
    kind: str,
    payload: dict[str, Any],
    tz: zoneinfo.ZoneInfo,
    answer: str | None,
    hour_cycle: str | None = None,
) -> str:
    """An invitation card (new or updated), in the recipient's zone."""
    head = t("bot-card-updated") if kind == "invitation_update" else t("bot-card-invitation")
    title = shown(payload.get("summary") or t("bot-no-title"))
    lines = [head, f"<b>{title}</b>"]
    moment = escape(_payload_when(payload, tz, hour_cycle))
    lines.append(f"🕒 {moment}{' 🔁' if payload.get('recurring') else ''}")
    if payload.get("location"):
        lines.append(f"📍 {shown(payload['location'])}")
    organizer = payload.get("organizer_name") or payload.get("organizer")
    if organizer:
        lines.append(t("bot-card-from", name=shown(organizer)))
    if answer is not None and answer != "NEEDS-ACTION":
        lines.append(t("bot-your-answer", answer=answer_text(answer)))
    return "\n".join(lines)


def notice(  # noqa: PLR0911 - one return per kind of notice
    kind: str, payload: dict[str, Any], tz: zoneinfo.ZoneInfo, hour_cycle: str | None = None
) -> str:
    """Messages that are not cards: answers for the organizer, cancellations, reminders."""
    summary = shown(payload.get("summary") or t("bot-notice-an-event"))
    moment = escape(_payload_when(payload, tz, hour_cycle)) if payload.get("start") else ""
    if kind == "rsvp":
        return _rsvp_notice(payload, summary, moment)
    if kind == "cancelled":
        return t("bot-notice-cancelled", title=summary, when=moment)
    if kind == "uninvited":
        return t("bot-notice-uninvited", title=summary, when=moment)
    if kind == "write_back_overruled":  # docs/adr/0026: the other server's version won
        deleted = payload.get("remote") == "deleted"
        key = "bot-notice-write-back-deleted" if deleted else "bot-notice-write-back-changed"
        return t(key, title=summary, when=moment)
    if kind == "webhook_paused":  # docs/adr/0029: its deliveries kept failing
        return t(
            "bot-notice-webhook-paused",
            url=shown(str(payload.get("url") or ""), NOTE_SHOWN),
            reason=shown(str(payload.get("reason") or ""), NOTE_SHOWN),
        )
    if kind == "counter":
        who = shown(payload.get("attendee_name") or t("bot-notice-an-attendee"))
        proposed = shown(_counter_time(payload.get("proposed"), tz, hour_cycle), 100)
        text = t("bot-notice-counter", who=who, title=summary, proposed=proposed)
        return text + (
            f"\n💬 {shown(payload['comment'], NOTE_SHOWN)}" if payload.get("comment") else ""
        )
    if kind == "mail_failed":
        return _mail_failed(payload, summary)
    if kind == "reminder":
        place = f"\n📍 {shown(payload['location'])}" if payload.get("location") else ""
        return f"{_reminder_head(payload, summary)}\n🕒 {moment}{place}"
    return f"{summary} {moment}"


def _rsvp_notice(payload: dict[str, Any], summary: str, moment: str) -> str:
    partstat = str(payload.get("partstat") or "")
    icon = ICONS.get(partstat, "•")
    who = shown(payload.get("attendee_name") or t("bot-someone"))
    text = t("bot-notice-rsvp", who=who, answer=partstat.lower() or "other", title=summary)
    if payload.get("recurrence_id"):
        text = t("bot-notice-one-occurrence", text=text)
    return f"{icon} {text}\n🕒 {moment}"


def _mail_failed(payload: dict[str, Any], summary: str) -> str:
    recipient = shown(payload.get("recipient") or t("bot-someone"))
    reason = shown(payload.get("reason") or "", NOTE_SHOWN)
    method = str(payload.get("method") or "").lower() or "request"
    if method == "code":
        return t("bot-notice-code-undelivered", recipient=recipient) + f"\n{reason}"
    what = method if method in ("cancel", "reply") else "request"
    text = t("bot-notice-mail-undelivered", what=what, title=summary, recipient=recipient)
    return f"{text}\n{reason}"


def _reminder_head(payload: dict[str, Any], summary: str) -> str:
    """ "⏰ Standup starts in 15 minutes" (the lead the reminder was queued with)."""
    minutes = payload.get("minutes")
    if not isinstance(minutes, int) or isinstance(minutes, bool):
        said = str(payload.get("in") or "")
        found = _IN_MINUTES.match(said)
        minutes = 0 if said == "now" else int(found.group(1)) if found else None
    if minutes is None:
        return t("bot-reminder-soon", title=summary)
    if minutes <= 0:
        return t("bot-reminder-now", title=summary)
    return t("bot-reminder-in", title=summary, minutes=minutes)


def _counter_time(raw: str | None, tz: zoneinfo.ZoneInfo, hour_cycle: str | None) -> str:
    """A proposed DTSTART value (UTC or floating basic form) in the reader's zone."""
    if not raw:
        return t("bot-notice-a-new-time")
    try:
        if len(raw) == 8:
            return t("bot-when-all-day", day=day(dt.datetime.strptime(raw, "%Y%m%d").date()))
        moment = dt.datetime.strptime(raw.rstrip("Z"), "%Y%m%dT%H%M%S")
    except ValueError:
        return raw
    if raw.endswith("Z"):
        moment = moment.replace(tzinfo=dt.UTC).astimezone(tz)
    return t("bot-day-and-time", day=day(moment.date()), time=clock(moment, hour_cycle))
