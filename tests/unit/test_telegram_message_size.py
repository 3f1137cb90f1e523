"""Every message the bot sends fits one Telegram message (4,096 UTF-16 code units) and is whole
HTML: the morning agenda was cut at 3,900 characters inside a tag or an entity, and /event
and /attendees of a meeting with many guests were too long; Telegram refused them all and
the person got nothing."""

from __future__ import annotations

import datetime as dt
import re
import uuid
import zoneinfo
from html import escape, unescape
from html.parser import HTMLParser

import pytest

from televent.adapters.telegram import group_texts, inline_texts, sharing_texts, texts
from televent.adapters.telegram.booking_texts import booking_notice
from televent.adapters.telegram.inline_texts import CardState
from televent.adapters.telegram.settings_view import agenda_message
from televent.adapters.telegram.sharing_texts import SharedCalendar
from televent.adapters.telegram.texts import attendees_summary, details
from televent.domain.sharing import Role
from televent.projections.agenda_reader import EventDetails, Occurrence
from televent.projections.telegram_delivery import BOOKED, BOOKING_CANCELLED

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
LIMIT = 4096


class _Tags(HTMLParser):
    """The tags left open, and whether an entity was cut (`&lt` without its `;`)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.open: list[str] = []
        self.cut_entities = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, (self.open, tag)
        self.open.pop()

    def unknown_decl(self, data: str) -> None:  # pragma: no cover - nothing such is written
        raise AssertionError(data)


def units(text: str) -> int:
    """UTF-16 code units, as Telegram counts (of the HTML: at least what is shown)."""
    return len(text.encode("utf-16-le")) // 2


def _whole(html: str) -> None:
    tags = _Tags()
    tags.feed(html)
    tags.close()
    assert tags.open == []
    assert all(part.split(";", 1)[0].isalnum() and ";" in part for part in html.split("&")[1:])
    assert units(unescape(re.sub(r"<[^>]*>", "", html))) <= LIMIT  # as Telegram counts


@pytest.mark.parametrize("title", ["R&D " * 230, "🎉" * 930, "<b>" * 300])
def test_a_morning_agenda_of_long_titles_is_one_whole_message(title: str) -> None:
    items = [
        {
            "event_id": str(uuid.uuid4()),
            "summary": title,
            "start": f"2026-03-02T{9 + n // 4:02d}:{n % 4 * 15:02d}:00+01:00",
            "location": "Room & hall",
            "conflict": n == 1,
        }
        for n in range(40)  # a day's titles, each shown cut, more than one message holds
    ]
    text = agenda_message({"date": "2026-03-02", "items": items, "unreadable": 2}, BERLIN)
    _whole(text)
    assert "more" in text  # what was left out is said
    assert "could not be shown" in text  # and the notes stay at the end


def _meeting(guests: int, title: str = "Planning") -> EventDetails:
    return EventDetails(
        event_id=uuid.uuid4(),
        uid="m@example.com",
        summary=title,
        start=dt.datetime(2026, 3, 2, 9, tzinfo=BERLIN),
        end=dt.datetime(2026, 3, 2, 10, tzinfo=BERLIN),
        all_day=False,
        location="🏢" * 1000,
        description=None,
        recurring=False,
        cancelled=False,
        organizer="Alice",
        owned=True,
        changeable=True,
        my_address=None,
        my_answer=None,
        attendees=[
            {
                "address": f"mailto:guest.with.a.long.address.{n}@example.com",
                "cn": None,
                "partstat": "NEEDS-ACTION" if n % 2 else "ACCEPTED",
            }
            for n in range(guests)
        ],
    )


@pytest.mark.parametrize("guests", [0, 3, 90, 400])
def test_an_event_card_and_its_guests_fit_one_message(guests: int) -> None:
    meeting = _meeting(guests, title="R&D " * 1500)
    for text in (details(meeting, BERLIN), attendees_summary(meeting)):
        _whole(text)
        assert "{???}" not in text  # Fluent's answer to a placeable of over 2,500 characters
    if guests == 3:  # a small meeting shows every guest
        assert details(meeting, BERLIN).count("guest.with") == 3


LONG = ["R&D " * 1500, "🎉" * 5000, "<b>" * 2000]  # what a CalDAV client or an invitation may hold


def _listed(title: str, cancelled: bool) -> Occurrence:
    return Occurrence(
        event_id=uuid.uuid4(),
        summary=title,
        start=dt.datetime(2026, 3, 2, 9, tzinfo=BERLIN),
        end=dt.datetime(2026, 3, 2, 10, tzinfo=BERLIN),
        all_day=False,
        location=title,
        recurring=False,
        cancelled=cancelled,
        attendees=2,
        accepted=1,
        my_answer=None,
    )


def _every_message(title: str) -> dict[str, str]:
    """Each message the bot writes with an event's title, its place or a person's name."""
    payload = {
        "summary": title,
        "location": title,
        "organizer_name": title,
        "attendee_name": title,
        "comment": title,
        "reason": title,
        "recipient": title,
        "start": "2026-03-02T09:00:00+01:00",
        "end": "2026-03-02T10:00:00+01:00",
        "partstat": "ACCEPTED",
        "minutes": 15,
    }
    shared = SharedCalendar(title, title, "Ann", Role.WRITE)
    messages = {
        "listing": texts.agenda("Today", [_listed(title, n == 1) for n in range(3)], BERLIN),
        "invitation": texts.card("invitation", payload, BERLIN, "ACCEPTED"),
        "group card": group_texts.card(
            title, payload_start(), None, title, {}, BERLIN, cancelled=True
        ),
        "inline card": inline_texts.event_card(
            CardState(uuid.uuid4(), title, payload_start(), None, title, False, False, title, "UTC")
        )[0],
        "booking": booking_notice(
            BOOKED, {"name": title, "title": title, "answers": [[title, title]]}, BERLIN
        ),
        "cancelled booking": booking_notice(
            BOOKING_CANCELLED, {"name": title, "title": title, "reason": title}, BERLIN
        ),
        "shared calendar": sharing_texts.invitation_card(shared),
        "morning agenda": agenda_message(
            {
                "date": "2026-03-02",
                "items": [{"summary": title, "location": title, "start": payload["start"]}],
            },
            BERLIN,
        ),
    }
    for kind in ("rsvp", "cancelled", "uninvited", "counter", "mail_failed", "reminder"):
        messages[kind] = texts.notice(kind, payload, BERLIN)
    return messages


def payload_start() -> dt.datetime:
    return dt.datetime(2026, 3, 2, 9, tzinfo=BERLIN)


@pytest.mark.parametrize("title", LONG, ids=["entities", "emoji", "tags"])
def test_a_title_of_thousands_of_characters_is_shown_cut_in_every_message(title: str) -> None:
    """An invitation by mail or an event written by a CalDAV client may carry a title of
    thousands of characters: its card was longer than Telegram takes, or showed {???}; now
    the start of the title is shown, cut with "…"."""
    for kind, text in _every_message(title).items():
        _whole(text)
        assert "{???}" not in text, kind
        assert escape(title[:40]) in text and "…" in text, kind


def test_a_short_title_is_shown_whole() -> None:
    for kind, text in _every_message("Tea & cake").items():
        assert "Tea &amp; cake" in text and "…" not in text, kind
