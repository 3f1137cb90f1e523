"""What the bot reads: a user's agenda, an event's card, and which events the user may see.

The reads themselves are the read side's (televent/projections/agenda_reader.py), shared with
the JSON API; the bot adds what only it needs: finding an event by the short id a user typed.
The identity is always the Telegram user who sent the update.
"""

from __future__ import annotations

import re
from uuid import UUID

from televent.adapters.i18n import t
from televent.domain.errors import DomainError, NotFoundError
from televent.projections.agenda_reader import (
    SHORT_ID_LENGTH,
    AgendaReader,
    EventDetails,
    Listing,
    Occurrence,
    short_id,
)
from televent.projections.queries import AccountView, ObjectView

# direction marks a right-to-left message puts around an id, copied along with it
_INVISIBLE = re.compile("[\u200e\u200f\u2066-\u2069]")

__all__ = ["SHORT_ID_LENGTH", "Agenda", "EventDetails", "Listing", "Occurrence", "short_id"]


class Agenda(AgendaReader):
    """The bot's reads of the calendar, for one user's account at a time."""

    def find(self, account: AccountView, reference: str) -> ObjectView:
        """An event the user may see, by what they typed: a short id (or a full id)."""
        text = _INVISIBLE.sub("", reference).strip().lstrip("#").lower()
        hexdigits = text.replace("-", "")
        if len(hexdigits) < 4 or any(c not in "0123456789abcdef" for c in hexdigits):
            raise DomainError(t("bot-event-not-an-id", text=reference[:40]))
        own = [c.calendar_id for c in self.queries.calendars_of(account.account_id)]
        candidates = self.queries.objects_with_id_prefix(own, hexdigits)
        for invitation in self.invitations(account):
            if invitation["event_id"].replace("-", "").startswith(hexdigits):
                invited = self.object(UUID(invitation["event_id"]))
                if invited is not None and invited not in candidates:
                    candidates.append(invited)
        if not candidates:
            raise NotFoundError(t("bot-event-not-found", id=text[:40]))
        if len(candidates) > 1:
            raise DomainError(t("bot-event-ambiguous", id=text[:40]))
        return candidates[0]
