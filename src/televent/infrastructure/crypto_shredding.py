"""The event store's mapper: personal data in the log is encrypted per person (crypto-shredding).

Every domain event belongs to one person, its *subject*: the account an Account event is about,
or the owner of the calendar a Calendar or CalendarEvent event belongs to (`account_id`).
`SubjectMapper` seals the event's state with the subject's AES-256-GCM key (NIST SP 800-38D;
the event's id and version are authenticated with it, so a sealed state cannot be moved to
another event). Only the time, the subject and the aggregate's id stay in clear.

Erasing a person deletes their key (subject_keys.py). Their events then decode as *redacted*
events: the same class with `redacted = True` and only originator id, version, timestamp and
account id; projections skip them, audits show "erased", and nothing raises, so no projection
or replay stops. Records of exports and erasures are stored in clear: they must outlive the key.

Other people's events that name an erased person (an attendee address, an answer) are sealed
with their owner's key; when decoded, each erased address is replaced by the person's
pseudonym and the CN next to it is dropped (and the occurrence index's reading of a body so
changed is dropped with it: readers read the pseudonymized body again). Events written before
encryption was introduced (no envelope) decode as before.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Hashable
from typing import Any, cast
from uuid import UUID

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from eventsourcing.persistence import (
    Compressor,
    Mapper,
    MapperDeserialisationError,
    StoredEvent,
    Transcoder,
    find_id_convertor,
)
from eventsourcing.utils import get_topic, resolve_topic

from televent.domain.content_lines import unfold
from televent.domain.occurrence_index import READING
from televent.infrastructure.subject_keys import SubjectKeys

MAGIC = b"\x00TVS1"
NONCE_BYTES = 12
HEADER_LENGTH_BYTES = 4
REDACTED = "redacted"
CLEAR_FIELDS = ("timestamp", "account_id")
# Accountability records: who exported or erased whose data, when and why, and which meetings
# (by id) an erasure called off (no personal data).
CLEAR_EVENTS = frozenset(
    {
        "Account.AccountErased",
        "Account.PersonalDataExported",
        "Account.MeetingsCalledOff",
        # how far ahead the occurrence index lists endless series: no one's data
        "OccurrenceHorizon.HorizonOpened",
        "OccurrenceHorizon.HorizonMoved",
    }
)

_ADDRESS = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
ADDRESS = _ADDRESS  # what text counts as an email address (also for the queues' scrub)
_CN = re.compile(r';CN=(?:"[^"]*"|[^;:]*)', re.IGNORECASE)
_NAME_KEYS = ("cn", "name")

Lookup = Callable[[str], str | None]


class SubjectMapper(Mapper[UUID]):
    """eventsourcing's Mapper, sealing each event with its subject's key."""

    def __init__(
        self,
        transcoder: Transcoder,
        keys: SubjectKeys,
        compressor: Compressor | None = None,
    ) -> None:
        super().__init__(transcoder, compressor=compressor)
        self.keys = keys

    def to_stored_event(self, domain_event: Any) -> StoredEvent:
        """Seal the event's state with its subject's key (records of erasure stay clear)."""
        topic = get_topic(type(domain_event))
        if _event_name(topic) in CLEAR_EVENTS:
            return super().to_stored_event(domain_event)
        state = dict(vars(domain_event))
        originator_id = state.pop("originator_id")
        version = state.pop("originator_version")
        class_version = getattr(type(domain_event), "class_version", 1)
        if class_version > 1:
            state["class_version"] = class_version
        subject = subject_of(originator_id, state)
        clear = {name: state.pop(name) for name in CLEAR_FIELDS if name in state}
        clear["subject"] = subject
        header = self.transcoder.encode(clear)
        nonce = os.urandom(NONCE_BYTES)
        sealed = AESGCM(self.keys.key_for_writing(subject)).encrypt(
            nonce, self.transcoder.encode(state), _associated(originator_id, version)
        )
        envelope = MAGIC + len(header).to_bytes(HEADER_LENGTH_BYTES, "big") + header
        return StoredEvent(originator_id, version, topic, envelope + nonce + sealed)

    def to_domain_event(self, stored_event: StoredEvent) -> Any:
        """Open the event; a subject without key gives a redacted event."""
        if not stored_event.state.startswith(MAGIC):
            return self._pseudonymized(super().to_domain_event(stored_event))
        cls = resolve_topic(stored_event.topic)
        state = self._opened(stored_event)
        id_type = cast(Hashable, type(stored_event.originator_id))
        state["originator_id"] = find_id_convertor(cls, id_type)(stored_event.originator_id)
        state["originator_version"] = stored_event.originator_version
        if not state.get(REDACTED):
            class_version = getattr(cls, "class_version", 1)
            from_version = state.pop("class_version", 1)
            while from_version < class_version:
                getattr(cls, f"upcast_v{from_version}_v{from_version + 1}")(state)
                from_version += 1
        domain_event = object.__new__(cls)
        object.__setattr__(domain_event, "__dict__", state)
        return self._pseudonymized(domain_event)

    def _opened(self, stored_event: StoredEvent) -> dict[str, Any]:
        data = stored_event.state
        start = len(MAGIC) + HEADER_LENGTH_BYTES
        try:
            length = int.from_bytes(data[len(MAGIC) : start], "big")
            clear: dict[str, Any] = self.transcoder.decode(data[start : start + length])
            subject = clear.pop("subject")
            key = self.keys.key_for_reading(subject)
            if key is None:
                return {**clear, REDACTED: True}
            body = data[start + length :]
            opened = AESGCM(key).decrypt(
                body[:NONCE_BYTES],
                body[NONCE_BYTES:],
                _associated(stored_event.originator_id, stored_event.originator_version),
            )
            state: dict[str, Any] = self.transcoder.decode(opened)
        except (InvalidTag, ValueError, KeyError) as exc:
            raise MapperDeserialisationError(
                f"Cannot open stored event {stored_event.originator_id} "
                f"v{stored_event.originator_version} ({stored_event.topic}): "
                f"{type(exc).__name__} {exc}"
            ) from exc
        return {**clear, **state}

    def _pseudonymized(self, domain_event: Any) -> Any:
        if getattr(domain_event, REDACTED, False):
            return domain_event
        lookup = self.keys.pseudonym_lookup(domain_event.timestamp)
        if lookup is None:
            return domain_event
        state = vars(domain_event)
        written = state.get("ical")
        for name, value in list(state.items()):
            if name not in ("originator_id", "originator_version", "timestamp"):
                state[name] = pseudonymized(value, lookup)
        facts = state.get("facts")
        if isinstance(facts, dict) and READING in facts and state.get("ical") != written:
            # the occurrence index's reading was of the body as written: readers read the
            # pseudonymized body again instead (domain/occurrence_index.carried_reading)
            state["facts"] = {key: value for key, value in facts.items() if key != READING}
        return domain_event


def subject_of(originator_id: UUID, state: dict[str, Any]) -> UUID:
    """The person an event belongs to: its calendar's owner, or the account itself."""
    account_id = state.get("account_id")
    return account_id if isinstance(account_id, UUID) else originator_id


def is_redacted(event: Any) -> bool:
    """Whether the event's subject has been erased (only its time and ids are left)."""
    return bool(getattr(event, REDACTED, False))


def pseudonymized(value: Any, lookup: Lookup) -> Any:
    """`value` with every erased person's address replaced by their pseudonym, and the
    name (CN, cn, name) given next to such an address dropped."""
    if isinstance(value, str):
        return _text(value, lookup)
    if isinstance(value, dict):
        result = {key: pseudonymized(item, lookup) for key, item in value.items()}
        if result.get("organizer") != value.get("organizer") and "organizer_name" in result:
            result["organizer_name"] = None
        # A person's own entry (an attendee: address, value, cn) loses its name with its address.
        if any(isinstance(item, str) and result[key] != item for key, item in value.items()):
            for key in _NAME_KEYS:
                if isinstance(result.get(key), str):
                    result[key] = None
        return result
    if isinstance(value, list | tuple):
        return type(value)(pseudonymized(item, lookup) for item in value)
    return value


def _text(text: str, lookup: Lookup) -> str:
    if "@" not in text:
        return text
    if "BEGIN:V" in text:
        return _calendar_text(text, lookup)
    return _ADDRESS.sub(lambda m: lookup(m.group(0)) or m.group(0), text)


def _calendar_text(text: str, lookup: Lookup) -> str:
    """iCalendar text, compared unfolded (RFC 5545 §3.1) so a folded address is found too;
    returned unchanged unless an erased person is named."""
    lines = unfold(text).split("\n")
    changed = False
    for index, line in enumerate(lines):
        replaced = _ADDRESS.sub(lambda m: lookup(m.group(0)) or m.group(0), line)
        if replaced != line:
            changed = True
            if replaced.upper().startswith(("ATTENDEE", "ORGANIZER")):
                replaced = _CN.sub("", replaced, count=1)
            lines[index] = replaced
    return "\n".join(lines) if changed else text


def _associated(originator_id: Any, version: int) -> bytes:
    return f"{originator_id}:{version}".encode()


def _event_name(topic: str) -> str:
    return topic.rpartition(":")[2]
