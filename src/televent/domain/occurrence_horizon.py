"""How far ahead the occurrence index lists endless series (docs/adr/0030): one aggregate for the
whole server, moved forward by the leader's maintenance. Its move is an event in the log, so a
rebuild of the index lists exactly what the live index listed. No personal data: stored in clear.
"""

from __future__ import annotations

import datetime as dt
import uuid
from uuid import UUID

from eventsourcing.domain import Aggregate, event

HORIZON_ID = uuid.uuid5(uuid.NAMESPACE_URL, "urn:televent:occurrence-horizon")
KEEP_AHEAD = dt.timedelta(days=200)  # the horizon is kept this far after now
MOVE_WHEN = dt.timedelta(days=170)  # and moved once it is nearer than this


class OccurrenceHorizon(Aggregate):
    """The instant before which every instance of every endless series is indexed."""

    @staticmethod
    def create_id() -> UUID:
        return HORIZON_ID

    @event("HorizonOpened")
    def __init__(self, *, until: str, actor: str, source: str) -> None:
        self.until = until

    def move(self, until: dt.datetime, *, actor: str, source: str) -> bool:
        """Move it to `until` (never back); False when it is there already."""
        if dt.datetime.fromisoformat(self.until) >= until:
            return False
        self._moved(until=until.isoformat(), actor=actor, source=source)
        return True

    @event("HorizonMoved")
    def _moved(self, *, until: str, actor: str, source: str) -> None:
        self.until = until


def horizon_due(current: dt.datetime | None, now: dt.datetime) -> dt.datetime | None:
    """Where the horizon should move now (None: it is far enough ahead)."""
    if current is not None and current - now >= MOVE_WHEN:
        return None
    return now + KEEP_AHEAD
