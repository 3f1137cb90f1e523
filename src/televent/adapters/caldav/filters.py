"""CalDAV calendar-query filters and calendar-data transformations (RFC 4791).

Pure functions (no I/O) over the iCalendar text of calendar object resources:

- `matches` evaluates a CALDAV:filter (§9.7): comp-filter (§9.7.1), prop-filter (§9.7.2),
  param-filter (§9.7.3), is-not-defined (§9.7.4) and text-match (§9.7.5) with the
  ``i;ascii-casemap`` and ``i;octet`` collations (§7.5, RFC 4790) and negate-condition;
- time-range (§9.9) follows the overlap table of each component type (VEVENT, VTODO,
  VJOURNAL, VFREEBUSY, VALARM) over every recurrence instance: RRULE, RDATE and EXDATE are
  expanded by the shared, lazy and bounded expansion (televent/domain/occurrences.py), and
  RECURRENCE-ID overrides are judged on their own times (an override moved into the range
  matches, the instance it replaced does not);
- `expand` (§9.6.5) and `limit_recurrence_set` (§9.6.6) transform returned calendar data;
- `free_busy` and `render_free_busy` answer a CALDAV:free-busy-query (§7.10).

DATE values and floating DATE-TIMEs are read in the zone the caller gives (the query's
CALDAV:timezone, else the collection's CALDAV:calendar-timezone, §9.9: `query_zone`), UTC when
none.

This module is the public facade; the code lives in the ``query_*`` sibling modules:
`query_compile` (the filter element, §9.7), `query_match` (its evaluation, §9.7),
`query_time_range` (§9.9), `query_instances` (recurrence instances), `query_values`
(iCalendar values), `query_expand` (§9.6.5, §9.6.6) and `query_freebusy` (§7.10).
"""

from televent.adapters.caldav.query_compile import (
    CALDAV_NS,
    SUPPORTED_COLLATIONS,
    FilterError,
    parse_time,
    query_time_range,
)
from televent.adapters.caldav.query_expand import expand, limit_recurrence_set
from televent.adapters.caldav.query_freebusy import PRODID, Period, free_busy, render_free_busy
from televent.adapters.caldav.query_instances import MAX_INSTANCES
from televent.adapters.caldav.query_match import matches

__all__ = [
    "CALDAV_NS",
    "MAX_INSTANCES",
    "PRODID",
    "SUPPORTED_COLLATIONS",
    "FilterError",
    "Period",
    "expand",
    "free_busy",
    "limit_recurrence_set",
    "matches",
    "parse_time",
    "query_time_range",
    "render_free_busy",
]
