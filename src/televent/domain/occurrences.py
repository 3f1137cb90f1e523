"""The occurrences of recurring components in a window (RFC 5545 §3.8.5; RFC 4791 §9.9): the
one expansion shared by the CalDAV queries, the bot's listings, reminders and what comes next.

The expansion is `recurring-ical-events` (RRULE, RDATE, EXDATE, RECURRENCE-ID overrides,
RANGE=THISANDFUTURE, DURATION and PERIOD values), made lazy and bounded:

- a series' rules are walked one instance at a time, in time order, never a whole window into
  a list (the library's `rrule.between` builds one);
- a rule without COUNT that began long before a window is walked from near it
  (`rule_walk.started_near`: whole periods or intervals later, the same instances), as the
  occurrence index lists it, so an old series costs its window, not its age, and the two
  list the same instances; a rule with COUNT is walked from its DTSTART;
- a walk stops at the window's end, or after `work` rule instances counted from where it
  started, so a `FREQ=SECONDLY` series without end, or `FREQ=MINUTELY;BYSECOND=0,...,59`,
  costs a bounded amount however wide the window; and each rule stops when it goes
  `rule_walk.MAX_IDLE` months without an instance, so a rule that never matches
  (`FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30`) costs a tenth of a second, not dateutil's walk to
  the year 9999;
- a query yields at most `limit` occurrences, the earliest first.

What lies beyond the bounds is left out; ordinary calendars never come near them (`MAX_WORK`
is 270 years of a daily series, 11 of an hourly one; a minutely or secondly one, refused at a
write but in older logs, is walked from three days before its window: 4,320 minutes, or more
seconds than the bound).
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import itertools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import recurring_ical_events
from dateutil.rrule import FREQNAMES, rrule
from icalendar.prop import vDDDTypes
from recurring_ical_events.selection.name import ComponentsWithName
from recurring_ical_events.series import Series
from recurring_ical_events.util import compare_greater

from televent.domain.broken_dates import repair_broken_dates
from televent.domain.rule_walk import NEAR, started_near, walk
from televent.domain.zones import in_series_form

# Occurrences one query yields at most (callers may ask for fewer or more).
MAX_OCCURRENCES = 1_000
# Rule instances one series walks at most, from its first instance.
MAX_WORK = 100_000
_END = object()
# more than any step back a zone's clock change makes in a walk (a day, Samoa in 2011)
_ZONE_GAPS = dt.timedelta(days=3)
# What reading or expanding odd calendar data can raise (the libraries raise these, not one
# error of their own): callers catch them to leave one event aside, never a whole answer.
EXPANSION_ERRORS: tuple[type[Exception], ...] = (
    ValueError,
    TypeError,
    KeyError,
    AttributeError,
    IndexError,
    OverflowError,
    RecursionError,
)

Moment = dt.datetime | dt.date


class Occurrences:
    """The occurrences of one parsed calendar (an `icalendar.Calendar`), for as many windows
    as asked: the series are read once.

    Args:
        calendar: the parsed calendar.
        components: the component names expanded ("VEVENT", "VTODO", "VJOURNAL").
        x_wr_timezone: read an X-WR-TIMEZONE as calendar applications do (what
            `recurring_ical_events.of` does); RFC 4791 queries leave it aside.
        work: the rule instances a series walks at most per window.
    """

    def __init__(
        self,
        calendar: Any,
        components: Sequence[str] = ("VEVENT",),
        *,
        x_wr_timezone: bool = True,
        work: int = MAX_WORK,
    ) -> None:
        repair_broken_dates(calendar)  # Google's RDATE:20131210Z on all-day events
        series = _bounded_series(work)
        selection = [ComponentsWithName(name, series=series) for name in components]
        if x_wr_timezone:
            self._query = recurring_ical_events.of(calendar, components=selection)
        else:
            self._query = recurring_ical_events.CalendarQuery(calendar, components=selection)

    def between(
        self, start: Moment, end: Moment, *, uid: str | None = None, limit: int = MAX_OCCURRENCES
    ) -> Iterator[Any]:
        """The occurrences overlapping [start, end), earliest first, at most `limit`: each a
        component (an `icalendar` Component) moved to its instance, with a RECURRENCE-ID when
        it belongs to a series. With `uid`, only that UID's series.

        Naive and aware bounds compare as the library does (floating times as given). When
        more than `limit` occurrences fall in the window, the earliest of each series' rule
        walk are kept (an override moved in from outside the window may then be missed).
        """
        if limit <= 0:
            return
        found: list[Any] = []
        starts: dict[int, Any] = {}  # each occurrence's series' start
        for series in self._query.series:
            if uid is None or str(series.uid) == uid:
                first = getattr(series.recurrence, "original_start", None)
                for occurrence in itertools.islice(series.between(start, end), limit):
                    found.append(occurrence)
                    starts[id(occurrence)] = first
        found.sort()
        seen: set[Any] = set()
        for occurrence in found:
            if occurrence.id in seen:
                continue
            seen.add(occurrence.id)
            yield named_in_series_form(occurrence.as_component(False), starts[id(occurrence)])
            if len(seen) >= limit:
                return


def occurrences_between(
    calendar: Any,
    start: Moment,
    end: Moment,
    *,
    components: Sequence[str] = ("VEVENT",),
    limit: int = MAX_OCCURRENCES,
) -> Iterator[Any]:
    """The occurrences of a parsed calendar overlapping [start, end), earliest first, at most
    `limit` (see `Occurrences`; X-WR-TIMEZONE read as calendar applications do)."""
    return Occurrences(calendar, components).between(start, end, limit=limit)


def named_in_series_form(component: Any, start: Any) -> Any:
    """An occurrence with its RECURRENCE-ID in the form of its series' start `start`
    (zones.in_series_form): an override written with a zone in a floating series, or floating
    in a zoned one, is named as the series' other occurrences are. The component itself when
    its name is already so; otherwise a copy (the stored override is left as written)."""
    rid = component.get("RECURRENCE-ID")
    if rid is None or not isinstance(start, dt.datetime) or not isinstance(rid.dt, dt.datetime):
        return component
    named = in_series_form(rid.dt, start)
    if named is rid.dt:
        return component
    shown = component.copy()  # icalendar copies the properties, not the subcomponents
    shown["RECURRENCE-ID"] = vDDDTypes(named)
    for sub in component.subcomponents:
        shown.add_component(sub)
    return shown


def _bounded_series(work: int) -> type[Series]:
    """The library's series, walking its rules lazily and at most `work` instances a window."""

    class BoundedSeries(Series):  # type: ignore[misc]
        def __init__(self, components: Any) -> None:
            super().__init__(components)
            rules = getattr(self.recurrence, "rrules", None)
            if rules is not None:  # a series with a master (RecurrenceRules)
                self.recurrence.rrules = [_LazyRules(rules, work)]

    return BoundedSeries


class _LazyRules:
    """A series' rules (the rule set of RDATEs and DTSTART, then each RRULE) as one rule: what
    the library asks of a dateutil rule (`between` and `until`), walked lazily in time order."""

    until = None  # each rule's own UNTIL is applied in `_walk`, as the library does

    def __init__(self, rules: Iterable[Any], work: int) -> None:
        self._rules = list(rules)
        self._work = work
        self._starts: list[Any] = [None] * len(self._rules)  # each rule's start (None: DTSTART)
        self._exact_from: Any = None  # the walk lists every instance from here (None: all)
        self._found: list[Any] = []  # the instances walked so far, in time order
        self._walk_on: Iterator[Any] | None = None  # the walk, where it stopped
        self._ended = False  # the walk came to the series' end
        self._spent = False  # a rule took `rule_walk.MAX_STEPS` steps: no end

    def between(self, after: Any, before: Any, inc: bool = True) -> Iterator[Any]:
        """The instances from `after` to `before` (both included with `inc`), in time order,
        walking at most `work` instances from the walk's start. The walk is kept: the widening
        windows of one query walk the series once, not once each."""
        self._walk_near(after)
        # the instances walked before `after` are passed over by bisection: a query's many
        # windows over a long series cost each their own instances, not the whole walk. The
        # walk is in time order but for a zone's gap (a zoned time compares by wall clock:
        # 02:20 that does not exist comes before 03:00), so the search stops well before
        try:
            first = bisect.bisect_left(self._found, after - _ZONE_GAPS)
        except OverflowError:  # `after` at the calendar's first days
            first = 0
        for moment in self._instances(first):
            if moment > before or (not inc and moment == before):
                return
            if moment > after or (inc and moment == after):
                yield moment

    def _walk_near(self, after: Any) -> None:
        """Starts the walk again near `after` (`rule_walk.started_near`) when it lists only
        later instances, or has not come within `NEAR` of `after` and its rules can start
        nearer: an old series costs its window, not its age, as in the occurrence index."""
        try:
            if self._exact_from is None or after >= self._exact_from:
                reached = self._found[-1] if self._found else self._exact_from
                # a walk that came to its end (UNTIL, COUNT, a century without an
                # instance) is not started again; one that spent its steps or its `work`
                # far before `after` is, near it: a bound is no end
                if self._ended or (reached is not None and after - reached <= NEAR):
                    return
            starts = [self._start_near(rule, after) for rule in self._rules]
        except (TypeError, ValueError, OverflowError):  # a zoned window of a floating series
            return
        if starts == self._starts:  # already started there: it lists every instance from `after`
            if self._exact_from is not None:
                self._exact_from = min(self._exact_from, after)
            return
        self._starts = starts
        self._exact_from = None if all(start is None for start in starts) else after
        self._found, self._walk_on = [], None
        self._ended = self._spent = False

    @staticmethod
    def _start_near(rule: Any, after: Any) -> dt.datetime | None:
        """Where a walk of `rule` that lists its instances from `after` starts (None: at its
        DTSTART)."""
        if not isinstance(rule, rrule):  # the rule set of RDATEs and DTSTART
            return None
        given: Any = rule  # dateutil's own attributes, as its `rrule.replace` reads them
        start = given._dtstart
        if (start.tzinfo is None) != (after.tzinfo is None):
            return None
        counted = given._count is not None
        frequency = FREQNAMES[given._freq]
        moved = started_near(start, frequency, given._interval, after, counted=counted)
        return None if moved == start else moved

    def _instances(self, index: int = 0) -> Iterator[Any]:
        """The first `work` instances from the `index`th: those walked before, then the walk
        continued."""
        while index < self._work:
            if index == len(self._found):
                if self._walk_on is None:
                    walks = map(self._walk, self._rules, self._starts)
                    self._walk_on = heapq.merge(*walks)
                moment = next(self._walk_on, _END)
                if moment is _END:
                    self._ended = not self._spent
                    return
                self._found.append(moment)
            yield self._found[index]
            index += 1

    def _steps_spent(self) -> None:
        self._spent = True

    def _walk(self, rule: Any, start: dt.datetime | None) -> Iterator[Any]:
        until = getattr(rule, "until", None)
        for moment in walk(rule, start=start, spent=self._steps_spent):
            if until is None or not compare_greater(moment, until):
                yield moment
