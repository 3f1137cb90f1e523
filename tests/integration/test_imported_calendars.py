"""Importing a calendar schedules nothing: only the owner's own meetings send (RFC 6638 §3.1).

Real Google Calendar exports (`../shared/corpus/calendars/google-*.ics`) list ATTENDEEs — a
`…@group.calendar.google.com` free/busy address with no ORGANIZER, a contacts' birthday
`…@virtual` address — and are stored the way a CalDAV client imports a file: one PUT per UID.
None of them is a scheduling object resource of the importing user, so nothing is queued for
email or Telegram, no copy lands in another Televent user's calendar, no scheduling inbox item
is filed, and deleting them queues nothing either. The same object with the user as ORGANIZER
(what Thunderbird and Apple write) still invites. Both backends.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from pathlib import Path
from typing import Any

import icalendar
import pytest

from televent.application.televent import Televent
from televent.delivery.mail_queue import MailQueue
from televent.delivery.telegram_queue import DeliveryQueue
from televent.domain.errors import InvalidCalendarDataError
from televent.domain.values import (
    DEFAULT_CALENDAR_SLUG,
    PartStat,
    account_id_for,
    calendar_id_for,
)
from tests.helpers import CLI, FIXTURE_CORPUS, vevent

CORPUS = FIXTURE_CORPUS / "calendars"
GOOGLE = sorted(CORPUS.glob("google-*.ics"))
ALICE, BOB = 1, 2
DOMAIN = "televent.internal"


def alice_actor() -> str:
    return f"account:{account_id_for(ALICE)}"


def calendar_of(telegram_id: int) -> Any:
    return calendar_id_for(account_id_for(telegram_id), DEFAULT_CALENDAR_SLUG)


def resources(path: Path) -> dict[str, str]:
    """The file split as a CalDAV client imports it: one calendar object per UID, each with
    the file's VTIMEZONEs."""
    source = icalendar.Calendar.from_ical(path.read_bytes())
    zones = [c for c in source.subcomponents if c.name == "VTIMEZONE"]
    by_uid: dict[str, list[Any]] = defaultdict(list)
    for component in source.subcomponents:
        if component.name in ("VEVENT", "VTODO", "VJOURNAL"):
            by_uid[str(component["UID"])].append(component)
    found: dict[str, str] = {}
    for uid, components in by_uid.items():
        calendar = icalendar.Calendar()
        calendar.add("PRODID", "-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN")
        calendar.add("VERSION", "2.0")
        for zone in zones:
            calendar.add_component(zone)
        for component in components:
            calendar.add_component(component)
        found[uid] = calendar.to_ical().decode()
    return found


def queued(app: Televent) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(mail rows, Telegram rows) ever queued."""
    return (
        MailQueue(app.views, app.clock).mail_rows(),
        DeliveryQueue(app.views, app.clock).rows(),
    )


def inbox_items(app: Televent) -> list[dict[str, Any]]:
    with app.views.read() as db:
        return db.all("SELECT account_id, method FROM schedule_inbox")


def users(app: Televent) -> None:
    """Alice imports; Bob is another Televent user some imported events name."""
    app.register_account(ALICE, name="Alice", actor="system:", source=CLI)
    app.register_account(BOB, name="Bob", actor="system:", source=CLI)
    app.link_email(BOB, "bob@example.org", actor="system:", source=CLI)


def import_file(app: Televent, path: Path) -> list[tuple[str, Any]]:
    """PUT each UID of the file into Alice's calendar; (href, event id) of those stored."""
    stored: list[tuple[str, Any]] = []
    for uid, text in resources(path).items():
        href = hashlib.sha256(uid.encode()).hexdigest()[:20] + ".ics"
        try:
            result = app.put_object(
                calendar_of(ALICE), href, text, actor=alice_actor(), source="caldav:Thunderbird"
            )
        except InvalidCalendarDataError:
            continue  # refused as a whole by write-time validation: nothing stored either
        assert result.event_id is not None, uid
        stored.append((href, result.event_id))
    return stored


@pytest.mark.parametrize("path", GOOGLE, ids=[p.name for p in GOOGLE])
def test_importing_a_google_export_sends_nothing_and_deleting_it_neither(
    app: Televent, path: Path
) -> None:
    users(app)
    stored = import_file(app, path)
    assert queued(app) == ([], [])
    assert inbox_items(app) == []
    for href, _ in stored:
        app.delete_object(calendar_of(ALICE), href, actor=alice_actor(), source="caldav:x")
    assert queued(app) == ([], [])
    assert inbox_items(app) == []


def test_the_exports_with_attendees_are_stored_as_plain_data(app: Televent) -> None:
    """The two Google exports that list ATTENDEEs (no ORGANIZER) are kept, unscheduled."""
    users(app)
    with_attendees = [p for p in GOOGLE if any("ATTENDEE" in t for t in resources(p).values())]
    assert {p.name for p in with_attendees} >= {
        "google-export-orphan-allday-overrides-no-master.ics",
        "google-birthdays-rdate-z-on-date.ics",
    }
    for path in with_attendees:
        for _, event_id in import_file(app, path):
            stored = app.queries.object_by_event_id(event_id)
            assert stored is not None
            assert "SCHEDULE-STATUS" not in stored.ical  # not stamped as scheduled
    assert queued(app) == ([], [])


@pytest.mark.parametrize("organizer", [None, "mailto:carol@example.com"])
def test_an_imported_event_naming_televent_users_makes_no_copies_or_cards(
    app: Televent, organizer: str | None
) -> None:
    """ATTENDEEs with no ORGANIZER, or someone else's event Alice is not invited to: Bob (by
    his internal address and by his linked email) and outsiders are listed, nobody is told."""
    users(app)
    text = vevent(
        uid="imported-1",
        organizer=organizer,
        attendees=[
            (f"tg_{BOB}@{DOMAIN}", "NEEDS-ACTION"),
            ("bob@example.org", "NEEDS-ACTION"),
            ("team@group.calendar.google.com", "ACCEPTED"),
            ("contacts@virtual", "ACCEPTED"),
        ],
    )
    result = app.put_object(
        calendar_of(ALICE), "imported-1.ics", text, actor=alice_actor(), source="caldav:x"
    )
    assert app.queries.object_with_uid(account_id_for(BOB), "imported-1") is None
    changed = (
        text.replace("SUMMARY:Team sync", "SUMMARY:Team sync (moved)")
        .replace(
            "DTSTART;TZID=Europe/Berlin:20260305T150000",
            "DTSTART;TZID=Europe/Berlin:20260305T170000",
        )
        .replace(
            "DTEND;TZID=Europe/Berlin:20260305T160000", "DTEND;TZID=Europe/Berlin:20260305T180000"
        )
    )
    app.put_object(
        calendar_of(ALICE), "imported-1.ics", changed, actor=alice_actor(), source="caldav:x"
    )
    app.give_rsvp(
        result.event_id, "bob@example.org", PartStat.ACCEPTED, actor=alice_actor(), source=CLI
    )
    assert app.queries.object_with_uid(account_id_for(BOB), "imported-1") is None
    app.delete_object(calendar_of(ALICE), "imported-1.ics", actor=alice_actor(), source="x")
    assert queued(app) == ([], [])
    assert inbox_items(app) == []


def test_the_same_event_with_the_user_as_organizer_still_invites(app: Televent) -> None:
    """What Thunderbird and Apple write (the user as ORGANIZER) is a meeting: Bob gets a copy
    and a card, the outsider a REQUEST; deleting it cancels both."""
    users(app)
    text = vevent(
        uid="meeting-1",
        organizer=f"mailto:tg_{ALICE}@{DOMAIN}",
        attendees=[("bob@example.org", "NEEDS-ACTION"), ("carol@example.com", "NEEDS-ACTION")],
    )
    app.put_object(calendar_of(ALICE), "meeting-1.ics", text, actor=alice_actor(), source="x")
    assert app.queries.object_with_uid(account_id_for(BOB), "meeting-1") is not None
    mail, telegram = queued(app)
    assert [(r["method"], r["recipient"]) for r in mail] == [("REQUEST", "carol@example.com")]
    assert [r["kind"] for r in telegram] == ["invitation"]
    app.delete_object(calendar_of(ALICE), "meeting-1.ics", actor=alice_actor(), source="x")
    mail, telegram = queued(app)
    assert sorted(r["method"] for r in mail) == ["CANCEL", "REQUEST"]
    assert sorted(r["kind"] for r in telegram) == ["cancelled", "invitation"]
