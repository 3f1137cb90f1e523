"""Every message the bot sends fits one Telegram message (4,096 UTF-16 code units) and is whole
HTML: the morning agenda was cut at 3,900 characters inside a tag or an entity, and /event
and /attendees of a meeting with many guests were too long; Telegram refused them all and
the person got nothing."""

from __future__ import annotations

import datetime as dt
import uuid
import zoneinfo
from html.parser import HTMLParser

import pytest

from televent.adapters.telegram.settings_view import agenda_message
from televent.adapters.telegram.texts import attendees_summary, details
from televent.projections.agenda_reader import EventDetails

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
    assert units(html) <= LIMIT


@pytest.mark.parametrize("title", ["R&D " * 230, "🎉" * 930, "<b>" * 300])
def test_a_morning_agenda_of_long_titles_is_one_whole_message(title: str) -> None:
    items = [
        {
            "event_id": str(uuid.uuid4()),
            "summary": title,
            "start": f"2026-03-02T{9 + n:02d}:00:00+01:00",
            "end": f"2026-03-02T{10 + n:02d}:00:00+01:00",
            "location": "Room & hall",
            "conflict": n == 1,
        }
        for n in range(5)
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
