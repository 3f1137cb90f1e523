"""Whom an inbound iTIP message may change: nothing anyone sends changes another's meeting.

- A meeting organised in Televent (its ORGANIZER is Televent's own or an internal
  `tg_<id>@` address, or a Televent user who holds the UID as their organizer's object) is
  changed only by its organizer, here: a REQUEST, ADD or CANCEL for it is refused, whoever the
  From header names.
- Mail only updates the attendee copy of a meeting organised elsewhere, and only when it comes
  from that copy's ORGANIZER (or the SENT-BY the copy names), compared case-insensitively, and
  names the same ORGANIZER. A message naming the user's own address as organizer never makes
  a copy: it would be an organizer's object, from which Televent sends invitations.
- An attendee's message (REPLY, COUNTER, REFRESH) is believed by the reply address it came to
  (application/itip_inbox.py), never by its From header.
"""

from __future__ import annotations

from televent.application.televent import Televent
from televent.domain.ical import facts_of, parse_calendar_object
from televent.domain.inbound_mail import InboundMessage
from televent.domain.itip import ItipMessage, organizer_address, sent_by, sequence_of
from televent.domain.mail_identity import MailIdentity
from televent.domain.scheduling import organizer_of
from televent.domain.values import normalize_address
from televent.projections.directory_reader import addresses_of
from televent.projections.queries import AccountView, ObjectView


class MeetingOwnership:
    """Decides whether an organizer's message may change a Televent user's copy."""

    def __init__(self, app: Televent, identity: MailIdentity) -> None:
        self.app = app
        self.identity = identity

    def addresses(self, account: AccountView) -> set[str]:
        """The account's calendar user addresses (normalised)."""
        domain = self.app.internal_domain
        return set(addresses_of(account, domain))

    def organised_here(self, organizer: str, uid: str) -> bool:
        """Whether the meeting `uid` of `organizer` is organised in Televent: the organizer is
        Televent's own or an internal (`tg_<id>@`) address, or a Televent user who holds the
        UID as their organizer's object. (A user's linked address may organise meetings in
        another calendar system: those are organised elsewhere.)"""
        key = normalize_address(organizer)
        domain = self.app.internal_domain.lower()
        if self.identity.is_ours(key) or key.endswith("@" + domain):
            return True
        account = self.app.queries.account_for_address(key, domain)
        if account is None:
            return False
        own = self.addresses(account)
        for holder, event_id in self.app.queries.holders_of_uid(uid):
            if holder != account.account_id:
                continue
            view = self.app.queries.object_by_event_id(event_id)
            prop = None if view is None else organizer_of(parse_calendar_object(view.ical))
            if prop is not None and organizer_address(prop) in own:
                return True
        return False

    def refusal(
        self,
        message: InboundMessage,
        itip: ItipMessage,
        account: AccountView,
        current: ObjectView | None,
    ) -> str | None:
        """Why an organizer's message may not change the account's copy (`current`, None when
        it has none yet), or None when it may."""
        own = self.addresses(account)
        if itip.organizer in own:
            return f"the message names the user's own {itip.organizer} as organizer"
        return None if current is None else self._copy_refusal(message, itip, own, current)

    def _copy_refusal(
        self, message: InboundMessage, itip: ItipMessage, own: set[str], current: ObjectView
    ) -> str | None:
        """Only an attendee copy of a meeting organised elsewhere is changed, and only by that
        meeting's organizer: never the user's own events, never a meeting organised in
        Televent, never an event nobody organises."""
        stored = parse_calendar_object(current.ical)
        prop = organizer_of(stored)
        if prop is None:
            if itip.organizer is None and _sequence(itip) <= facts_of(stored)["sequence"]:
                return None  # the same organizer-less invitation again: nothing newer to apply
            return f"the stored event {itip.uid} has no organizer: it is not an invitation"
        organizer = organizer_address(prop)
        if organizer in own or self.organised_here(organizer, itip.uid):
            return f"the meeting is organised in Televent by {organizer}: mail cannot change it"
        if itip.organizer is not None and itip.organizer != organizer:
            return f"the message names {itip.organizer} as organizer, the event {organizer}"
        if normalize_address(message.sender or "") not in (organizer, sent_by(prop)):
            return f"the message was sent by {message.sender}, not by the organizer {organizer}"
        return None


def _sequence(itip: ItipMessage) -> int:
    """The highest SEQUENCE the message's components carry (RFC 5545 §3.8.7.4; 0 if none)."""
    return max((sequence_of(c) for c in itip.components), default=0)
