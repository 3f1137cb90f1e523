"""The crypto-shredding mapper: sealed at rest, redacted without a key, pseudonyms for erased."""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from collections.abc import Callable
from typing import Any, cast

import pytest
from eventsourcing.application import Application
from eventsourcing.persistence import JSONTranscoder, MapperDeserialisationError, StoredEvent

from televent.domain.calendar_event import CalendarEvent
from televent.domain.ical import parse_calendar_object
from televent.domain.occurrence_index import NO_READING, READING, carried_reading, stored_facts
from televent.domain.values import account_id_for, calendar_id_for
from televent.infrastructure.crypto_shredding import SubjectMapper, is_redacted, pseudonymized
from televent.infrastructure.subject_keys import SubjectKeys

OWNER = account_id_for(1)
ERASED = {"bob@example.org": "erased-1234@erased.invalid"}
ICAL = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:u1\r\nSUMMARY:Secret plans\r\n"
    "ATTENDEE;CN=Bob Builder;PARTSTAT=ACCEPTED:mailto:bob@exam\r\n ple.org\r\n"
    "ATTENDEE;CN=Carol:mailto:carol@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


class MemoryKeys:
    """The key store's interface, in memory."""

    def __init__(self) -> None:
        self.keys: dict[uuid.UUID, bytes | None] = {}
        self.erased: dict[str, str] = {}

    def key_for_writing(self, subject: uuid.UUID) -> bytes:
        return self.keys.setdefault(subject, os.urandom(32)) or b""

    def key_for_reading(self, subject: uuid.UUID) -> bytes | None:
        return self.keys.get(subject)

    def pseudonym_lookup(self, written: dt.datetime) -> Callable[[str], str | None] | None:
        return (lambda a: self.erased.get(a.lower())) if self.erased else None


def mapper(keys: MemoryKeys) -> SubjectMapper:
    transcoder = JSONTranscoder()
    Application.register_transcodings(cast(Any, None), transcoder)
    return SubjectMapper(transcoder, cast(SubjectKeys, keys))


def created_event() -> Any:
    calendar_id = calendar_id_for(OWNER, "default")
    event = CalendarEvent(
        calendar_id=calendar_id, account_id=OWNER, uid="u1", href="u1.ics", ical=ICAL,
        facts={"summary": "Secret plans"}, actor="address:bob@example.org", source="cli:test",
    )  # fmt: skip
    return event.collect_events()[0]


def test_a_sealed_event_reads_back_equal_and_holds_no_clear_text() -> None:
    keys = MemoryKeys()
    original = created_event()
    stored = mapper(keys).to_stored_event(original)
    assert b"Secret plans" not in stored.state and b"bob@" not in stored.state
    assert vars(mapper(keys).to_domain_event(stored)) == vars(original)


def test_without_the_key_the_event_is_redacted_not_an_error() -> None:
    keys = MemoryKeys()
    original = created_event()
    stored = mapper(keys).to_stored_event(original)
    keys.keys[OWNER] = None
    redacted = mapper(keys).to_domain_event(stored)
    assert is_redacted(redacted)
    assert redacted.timestamp == original.timestamp and redacted.account_id == OWNER
    assert not hasattr(redacted, "ical") and not hasattr(redacted, "actor")


def test_a_state_moved_to_another_event_or_altered_is_refused() -> None:
    keys = MemoryKeys()
    stored = mapper(keys).to_stored_event(created_event())
    moved = StoredEvent(uuid.uuid4(), stored.originator_version, stored.topic, stored.state)
    with pytest.raises(MapperDeserialisationError):
        mapper(keys).to_domain_event(moved)
    altered = bytearray(stored.state)
    altered[-1] ^= 1
    flipped = StoredEvent(stored.originator_id, 1, stored.topic, bytes(altered))
    with pytest.raises(MapperDeserialisationError):
        mapper(keys).to_domain_event(flipped)


def test_an_erased_persons_address_becomes_their_pseudonym_even_when_folded() -> None:
    keys = MemoryKeys()
    stored = mapper(keys).to_stored_event(created_event())
    keys.erased = dict(ERASED)
    event = mapper(keys).to_domain_event(stored)
    assert "mailto:erased-1234@erased.invalid" in event.ical
    assert "Bob Builder" not in event.ical and "bob@" not in event.ical
    assert "ATTENDEE;CN=Carol:mailto:carol@example.org" in event.ical  # others untouched
    assert "PARTSTAT=ACCEPTED" in event.ical
    assert event.actor == "address:erased-1234@erased.invalid"


def test_the_index_reading_of_a_body_naming_an_erased_person_is_dropped_not_pseudonymized() -> None:
    """A body that names an erased person is read anew by the occurrence index, from its
    pseudonymized text; an event whose body names nobody erased keeps the reading it carries."""
    keys = MemoryKeys()
    calendar_id = calendar_id_for(OWNER, "default")
    timed = ICAL.replace("SUMMARY:", "DTSTART:20260301T090000Z\r\nSUMMARY:")
    texts = {"u1": timed, "u2": timed.replace("UID:u1", "UID:u2").replace("bob@exam\r\n ple", "x")}
    stored = []
    for uid, text in texts.items():
        facts = stored_facts(parse_calendar_object(text))
        event = CalendarEvent(
            calendar_id=calendar_id, account_id=OWNER, uid=uid, href=f"{uid}.ics", ical=text,
            facts=facts, actor="cli:test", source="cli:test",
        )  # fmt: skip
        stored.append(mapper(keys).to_stored_event(event.collect_events()[0]))
    assert isinstance(carried_reading(facts), dict)
    keys.erased = dict(ERASED)
    named, unnamed = (mapper(keys).to_domain_event(s) for s in stored)
    assert "bob@" not in named.ical and carried_reading(named.facts) is NO_READING
    assert "bob@" not in str(named.facts)
    assert carried_reading(unnamed.facts) == json.loads(unnamed.facts[READING]) != {}


def test_pseudonyms_drop_the_name_beside_the_address_only() -> None:
    def lookup(address: str) -> str | None:
        return ERASED.get(address.lower())

    facts = {
        "organizer": "alice@example.org",
        "organizer_name": "Alice",
        "attendees": [
            {"address": "Bob@Example.org", "cn": "Bob Builder", "partstat": "ACCEPTED"},
            {"address": "carol@example.org", "cn": "Carol", "partstat": "DECLINED"},
        ],
    }
    assert pseudonymized(facts, lookup) == {
        "organizer": "alice@example.org",
        "organizer_name": "Alice",
        "attendees": [
            {"address": "erased-1234@erased.invalid", "cn": None, "partstat": "ACCEPTED"},
            {"address": "carol@example.org", "cn": "Carol", "partstat": "DECLINED"},
        ],
    }
    unchanged = "BEGIN:VCALENDAR\r\nX:carol@example.org\r\n foo\r\nEND:VCALENDAR\r\n"
    assert pseudonymized(unchanged, lookup) is unchanged  # byte for byte: the ETag holds
