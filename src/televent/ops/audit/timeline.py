"""The audit's answer: a timeline entry, the `--since`/`--until` window, and the text form."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from televent.domain.errors import DomainError


@dataclass(frozen=True)
class TimelineEntry:
    """One recorded change as an operator reads it."""

    at: dt.datetime
    position: int
    aggregate: str
    aggregate_id: str
    version: int
    subject: str
    calendar_owner: str | None
    uid: str | None
    who: str
    through: str
    kind: str
    what: str
    diff: tuple[str, ...]
    actor: str | None
    source: str | None
    redacted: bool
    # The role (read, write, manage) a calendar's member had when they made the change; None
    # for the owner and for everyone who is not a member (ops/audit/roles.py).
    actor_role: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The entry for `--json` (times as ISO-8601 UTC)."""
        return {
            "at": self.at.astimezone(dt.UTC).isoformat(),
            "position": self.position,
            "aggregate": self.aggregate,
            "aggregate_id": self.aggregate_id,
            "version": self.version,
            "subject": self.subject,
            "calendar_owner": self.calendar_owner,
            "uid": self.uid,
            "who": self.who,
            "through": self.through,
            "kind": self.kind,
            "what": self.what,
            "diff": list(self.diff),
            "actor": self.actor,
            "source": self.source,
            "redacted": self.redacted,
            "actor_role": self.actor_role,
        }


@dataclass(frozen=True)
class TimeWindow:
    """`--since` / `--until`: a date means the whole day, a date-time is exact (UTC if naive)."""

    since: dt.datetime | None = None
    until: dt.datetime | None = None

    @classmethod
    def parse(cls, since: str | None, until: str | None) -> TimeWindow:
        """Read the two bounds; a malformed one is a DomainError naming it."""
        return cls(
            None if since is None else _moment(since, end_of_day=False),
            None if until is None else _moment(until, end_of_day=True),
        )

    def holds(self, moment: dt.datetime) -> bool:
        """Whether the moment lies inside the window (both bounds included)."""
        if self.since is not None and moment < self.since:
            return False
        return self.until is None or moment <= self.until


def _moment(text: str, *, end_of_day: bool) -> dt.datetime:
    value = text.strip()
    try:
        if "T" not in value and " " not in value:
            day = dt.date.fromisoformat(value)
            start = dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)
            return start + dt.timedelta(days=1, microseconds=-1) if end_of_day else start
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise DomainError(
            f"{text!r} is not an ISO date or date-time (e.g. 2026-03-01 or 2026-03-01T09:30)."
        ) from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def render_timeline(entries: list[TimelineEntry]) -> str:
    """The timeline as an operator reads it in a terminal."""
    if not entries:
        return "No recorded changes in this period."
    lines: list[str] = []
    for entry in entries:
        where = ""
        if entry.calendar_owner is not None:
            where = f" {'of' if entry.aggregate == 'Calendar' else 'in the calendar of'} "
            where += entry.calendar_owner
        lines.append(
            f"{entry.at.astimezone(dt.UTC):%Y-%m-%d %H:%M:%S} UTC  {entry.kind} ({entry.what}): "
            f"{entry.subject}{where}"
        )
        lines.append(f"    who: {entry.who}; through: {entry.through}")
        lines.extend(f"    {line}" for line in entry.diff)
    return "\n".join(lines)
