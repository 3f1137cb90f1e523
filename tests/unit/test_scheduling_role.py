"""The one rule of what an owner is to a calendar object (RFC 6638 §3.1), and how Televent users
are shown in messages that leave Televent."""

from __future__ import annotations

import datetime as dt

import pytest

from televent.domain.ical import facts_of, parse_calendar_object
from televent.domain.itip.outbound import outgoing
from televent.domain.mail_identity import MailIdentity
from televent.domain.scheduling import (
    ATTENDEE_ROLE,
    ORGANIZER_ROLE,
    facts_role,
    object_role,
    scheduling_role,
)
from tests.helpers import vevent

OWN = ["tg_1@televent.internal", "alice@example.org"]


@pytest.mark.parametrize(
    ("organizer", "attendees", "role"),
    [
        ("mailto:tg_1@televent.internal", ["bob@example.com"], ORGANIZER_ROLE),
        ("MAILTO:Alice@Example.org", [], ORGANIZER_ROLE),
        ("mailto:erin@example.net", ["mailto:alice@example.org"], ATTENDEE_ROLE),
        ("mailto:erin@example.net", ["bob@example.com"], None),  # someone else's event
        (None, ["hst9ma4s2h5hf2iafmrqffki9o@group.calendar.google.com"], None),  # an export
        (None, ["mailto:tg_1@televent.internal"], None),  # no ORGANIZER: never scheduled
        ("", ["bob@example.com"], None),
    ],
)
def test_scheduling_role(organizer: str | None, attendees: list[str], role: str | None) -> None:
    assert scheduling_role(organizer, attendees, OWN) == role


def test_objects_and_facts_agree() -> None:
    for organizer, role in [
        ("mailto:tg_1@televent.internal", ORGANIZER_ROLE),
        ("mailto:erin@example.net", ATTENDEE_ROLE),
        (None, None),
    ]:
        text = vevent(organizer=organizer, attendees=[("alice@example.org", "NEEDS-ACTION")])
        obj = parse_calendar_object(text)
        assert object_role(obj, OWN) == role
        assert facts_role(facts_of(obj), OWN) == role


def test_outgoing_shows_televent_users_and_hides_internal_addresses() -> None:
    text = vevent(
        organizer="mailto:tg_1@televent.internal",
        attendees=[
            ("tg_1@televent.internal", "ACCEPTED"),
            ("tg_2@televent.internal", "NEEDS-ACTION"),
            ("tg_3@televent.internal", "NEEDS-ACTION"),
            ("carol@example.com", "NEEDS-ACTION"),
        ],
    )
    identity = MailIdentity.parse("calendar@cal.example.org")
    people = {
        "tg_1@televent.internal": (identity.alias_address("ab" * 10), "Alice"),
        "tg_2@televent.internal": ("bob@example.net", "Bob"),
    }
    stamp = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    for method, organizer in [("REQUEST", ("calendar+" + "cd" * 12 + "@cal.example.org", "A"))]:
        message = outgoing(
            text, method, organizer=organizer, stamp=stamp, people=people,
            hidden_domain="televent.internal",
        )  # fmt: skip
        assert "televent.internal" not in message.lower()
        assert "tg_" not in message
        unfolded = message.replace("\r\n ", "")
        lines = unfolded.splitlines()
        assert any("CN=Alice" in line and "calendar+uabab" in line for line in lines)
        assert any("CN=Bob" in line and ":mailto:bob@example.net" in line for line in lines)
        assert not any(line.startswith("ATTENDEE") and "CN=tg_3" in line for line in lines)
        assert "mailto:carol@example.com" in unfolded
    reply = outgoing(
        text.replace("ORGANIZER;CN=Alice:mailto:tg_1@televent.internal", "ORGANIZER:mailto:e@x.y"),
        "REPLY", organizer=None, stamp=stamp, attendee="tg_1@televent.internal",
        partstat="ACCEPTED", people=people, hidden_domain="televent.internal",
    )  # fmt: skip
    assert "televent.internal" not in reply.lower()
    assert "calendar+uabab" in reply.replace("\r\n ", "")


def test_an_alias_is_never_a_reply_token() -> None:
    identity = MailIdentity.parse("Televent <calendar@cal.example.org>")
    alias = identity.alias_address("0123456789abcdef0123")
    assert identity.token_in([alias]) is None
    assert identity.alias_in(alias) == "0123456789abcdef0123"
    assert identity.alias_in("mailto:" + alias.upper()) == "0123456789abcdef0123"
    assert identity.alias_in(identity.reply_address("0123456789abcdef0123")) is None
    assert identity.is_ours(alias)
