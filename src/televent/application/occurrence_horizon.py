"""Moving the occurrence index's horizon (docs/adr/0030): how far ahead endless series are
listed. The leader's maintenance asks it every round; it moves (an event in the log, so rebuilds
list the same) when the horizon comes nearer than `MOVE_WHEN`."""

from __future__ import annotations

import datetime as dt

from eventsourcing.application import AggregateNotFoundError

from televent.application.core import CommandCore
from televent.domain.occurrence_horizon import HORIZON_ID, OccurrenceHorizon, horizon_due

ACTOR, SOURCE = "system:maintenance", "system:occurrence-horizon"


class HorizonCommands(CommandCore):
    """Keeps endless series listed far enough ahead."""

    def move_occurrence_horizon(self, now: dt.datetime) -> dt.datetime | None:
        """Move the horizon if it is due; returns where it moved (None: not due)."""
        horizon = self._horizon()
        current = None if horizon is None else dt.datetime.fromisoformat(horizon.until)
        until = horizon_due(current, now)
        if until is None:
            return None
        if horizon is None:
            horizon = OccurrenceHorizon(until=until.isoformat(), actor=ACTOR, source=SOURCE)
        elif not horizon.move(until, actor=ACTOR, source=SOURCE):
            return None
        self.save_all(horizon)
        return until

    def _horizon(self) -> OccurrenceHorizon | None:
        try:
            found: OccurrenceHorizon = self.repository.get(HORIZON_ID)
        except AggregateNotFoundError:
            return None
        return found
