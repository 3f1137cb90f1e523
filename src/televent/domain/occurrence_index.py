"""What each occurrence of an event shows to readers, decided when the event is written
(docs/adr/0030): the rows of the occurrence index, so that a listing, a search, the bot, the
morning agenda, reminders and busy time read them instead of parsing and expanding iCalendar.

`index_of(text, at)` reads a stored VEVENT object once with the fast content-line reader and
gives its `Indexed` form: the reader-facing fields of its master and of each override (title,
location, description, status, transparency, organizer, attendees and their answers, its own
reminders, the zone its start is written in, its RRULE), and its instances in a window around
`at`: a single event's one instance; a series' instances from `at - BEHIND` to `at + AHEAD`
(or all of them, when they end before). A series whose every instance this module can place
exactly (zoned or UTC starts in an IANA zone, floating starts, or dates; RRULEs of any
frequency; EXDATEs and DATE-TIME or DATE RDATEs; overrides by RECURRENCE-ID) is expanded here
with dateutil; any other (a RANGE=THISANDFUTURE override, PERIOD values, EXRULE, a zone the
calendar defines itself) is left to the expansion library at read time (`expand_on_read`), as
is one this reader cannot read at all. `instances_between(recipe, low, high)` lists a series'
instances again from its stored recipe, for the window a horizon move asks for.

Times are as the JSON API writes them: a date "YYYY-MM-DD"; a date-time with its offset, in
the zone it is written in; a floating time without one (read in the reader's zone). Instants
(`start_ts`, `end_ts`) are epoch seconds; a floating time or a date counts as if it were UTC,
and `floating` says a reader must place it in their zone.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr

from televent.domain.content_lines import (
    Component,
    ContentError,
    Property,
    decode_duration,
    decode_moment,
    encode_utc,
    unescape_text,
)
from televent.domain.errors import DomainError, InvalidCalendarDataError
from televent.domain.event_alarms import duration_text
from televent.domain.event_times import occurrence_moment
from televent.domain.ical import CalendarObject, facts_of, parse_calendar_object
from televent.domain.rule_walk import WalkBoundError, bounded, rule_interval, started_near
from televent.domain.values import normalize_address
from televent.domain.zones import in_series_form, instance_key

# The form of a reading: change it with anything that changes what a reading holds (fields,
# instances, recipe), so that readings carried by events logged before are read anew from
# their bodies instead of being taken as they are (`carried_reading`).
VERSION = 2  # 2: names read with RFC 6868's escapes, an escaped colon read as a colon
AHEAD = dt.timedelta(days=200)  # an endless series is listed this far after it is written
BEHIND = dt.timedelta(days=35)  # and from this far before (older windows expand on read)
MARGIN = dt.timedelta(days=1)  # a window is listed this much wider (every zone is within it)
MAX_INSTANCES = 5_000  # instances one series keeps in the index at most
Moment = dt.date | dt.datetime
Fields = dict[str, Any]
Reading = dict[str, Any]
READING = "reading"  # the key of an event's facts that carries its reading (`stored_facts`)


class NoReading:
    """An event's facts carry no reading this module can use."""


NO_READING = NoReading()


class NotExactError(Exception):
    """This reader cannot place the series' instances as the expansion library would."""


# what reading a body or listing a recipe raises when the event is left to its readers
_NOT_EXACT = (NotExactError, ContentError, ValueError, OverflowError, TypeError, KeyError)


@dataclass(frozen=True)
class Instance:
    """One occurrence: its key (the RECURRENCE-ID's instance key, "" for a single event), the
    RECURRENCE-ID as the API writes it, start and end, and an override's own fields."""

    key: str
    recurrence_id: str | None
    start: str
    end: str
    start_ts: int
    end_ts: int
    floating: bool
    fields: Fields | None = None  # None: the series' fields


@dataclass(frozen=True)
class Indexed:
    """An event as the occurrence index holds it."""

    fields: Fields  # the master's (or, without one, the first override's)
    instances: list[Instance] = field(default_factory=list)
    # what `instances_between` needs to list an endless series' instances again
    recipe: Fields | None = None
    # the instants between which `instances` is every instance (None: no bound that side)
    from_ts: int | None = None
    until_ts: int | None = None
    expand_on_read: bool = False  # odd data: readers expand the stored body themselves


def index_of(text: str, at: dt.datetime) -> Indexed | None:
    """The index rows of a stored object (None for a VTODO or VJOURNAL: nothing is listed).
    Data this reader cannot read is left for readers to expand (`expand_on_read`)."""
    try:
        obj = parse_calendar_object(text)
    except (InvalidCalendarDataError, ContentError, ValueError):
        return Indexed({}, expand_on_read=True)
    return indexed_from(reading_of(obj), at)


# --- the reading: what the index needs of a body, whenever it is listed --------------------------


def reading_of(obj: CalendarObject) -> Reading | None:
    """What the index needs of an object, read once when it is stored and carried by its event
    (`stored_facts`), so that a view or a rebuild lists its instances without reading the body
    again (`indexed_from`). JSON-able, and the same at any time: the fields of the master and
    of each override, a single event's instance, a series' recipe. None for a VTODO or VJOURNAL;
    `on_read` for data this reader cannot place exactly (readers expand the body)."""
    if obj.component_type != "VEVENT":
        return None
    try:
        return _reading(obj)
    except _NOT_EXACT:
        return {"version": VERSION, "fields": _safe_fields(obj), "on_read": True}


def _reading(obj: CalendarObject) -> Reading:
    master = obj.master
    overrides = [c for c in obj.components if "RECURRENCE-ID" in c]
    lead = master if master is not None else overrides[0]
    fields = {**fields_of(lead, obj), "overridden": bool(overrides)}
    if master is not None and not ("RRULE" in master or "RDATE" in master) and not overrides:
        start, end = times_of(master, obj)
        own = [_instance("", None, start, end)]
        return {"version": VERSION, "fields": fields, "instances": _instances_json(own)}
    if master is None:  # overrides only: an invitation to some occurrences
        found = sorted((_override(c, obj) for c in overrides), key=lambda i: (i.start_ts, i.key))
        return {"version": VERSION, "fields": fields, "instances": _instances_json(found)}
    recipe = recipe_of(master, obj)
    replaced = {}
    for component in overrides:
        rid = component.get("RECURRENCE-ID")
        if rid is not None and "RANGE" in rid.params:
            raise NotExactError("RANGE=THISANDFUTURE")
        own_instance = _override(component, obj)
        replaced[own_instance.key] = own_instance
    return {
        "version": VERSION,
        "fields": fields,
        "recipe": recipe,
        "overrides": _instances_json(list(replaced.values())),
    }


# one encoder for every reading (json.dumps with options builds a new one per call)
_READING_TEXT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


# how every reading `stored_facts` writes begins (its version first): a rebuild tells one of
# this version from its text without decoding it (`carries_current_reading`)
_CURRENT_READING = f'{{"version":{VERSION},'


def carries_current_reading(facts: Fields | None) -> bool:
    """Whether an event's facts carry a reading of this version (or the reading of nothing:
    a task or a journal), told from its text without decoding it (`carried_reading` decodes
    it); False for none, or one of another version, whose body is read again."""
    text = (facts or {}).get(READING)
    return isinstance(text, str) and (text == "null" or text.startswith(_CURRENT_READING))


def stored_facts(obj: CalendarObject, facts: Fields | None = None) -> Fields:
    """The facts an event carries with its body: `facts_of` (given when already made) and the
    index's reading, as one JSON text (null for a VTODO or VJOURNAL), so that decoding the event
    costs one string and only the occurrence index reads it."""
    reading = _READING_TEXT(reading_of(obj))
    return {**(facts_of(obj) if facts is None else facts), READING: reading}


def carried_reading(facts: Fields | None) -> Reading | NoReading | None:
    """The reading an event's facts carry, or NO_READING when they carry none this module can
    use (an event logged before readings were carried, or by another version of this module,
    or one whose body was pseudonymized after an erasure): then the body is read again."""
    text = (facts or {}).get(READING)
    if not isinstance(text, str):
        return NO_READING
    try:
        reading = json.loads(text)
    except ValueError:
        return NO_READING
    if reading is None:
        return None
    if not isinstance(reading, dict) or reading.get("version") != VERSION:
        return NO_READING
    return reading


def indexed_from(reading: Reading | None, at: dt.datetime) -> Indexed | None:
    """The index rows of a reading, a series' instances listed in the window around `at`: a
    single event's one instance; a series' instances from `at - BEHIND` to `at + AHEAD` (or
    all of them, when they end before)."""
    if reading is None:
        return None
    fields: Fields = reading["fields"]
    if reading.get("on_read"):
        return Indexed(fields, expand_on_read=True)
    recipe = reading.get("recipe")
    if recipe is None:
        return Indexed(fields, [_instance_of(i) for i in reading["instances"]])
    try:
        overrides = [_instance_of(i) for i in reading["overrides"]]
        return _series_indexed(fields, recipe, overrides, at)
    except _NOT_EXACT:
        return left_to_readers(fields)  # as the body's own reading gives up


def _series_indexed(
    fields: Fields, recipe: Fields, overrides: list[Instance], at: dt.datetime
) -> Indexed:
    low, high = at - BEHIND, at + AHEAD
    instances: list[Instance] = []
    complete = False
    if all(_ends(rule) for rule in recipe["rrules"]):  # a finite series: every instance
        zone = recipe.get("zone")
        first = min(  # an RDATE may come before DTSTART (Google's birthdays write such)
            (_as_datetime(_moment_of(m, zone)) for m in [recipe["start"], *recipe["rdates"]]),
            key=_comparable,
        )
        earliest = (first if first.tzinfo else first.replace(tzinfo=dt.UTC)) - dt.timedelta(days=2)
        instances, complete = _series(recipe, min(earliest, low), high)
    if not complete:  # an endless (or far-reaching) one: the window around the change, a day
        # wider each side, so a date or floating time is there for a reader in any zone
        instances, complete = _series(recipe, low - MARGIN, high + MARGIN)
        complete = False
    replaced = {}
    start = _moment_of(str(recipe["start"]), recipe.get("zone"))
    for own in overrides:
        # named by its RECURRENCE-ID in the form of the series' start (a zoned one of a
        # floating series, a floating one of a zoned series: zones.in_series_form)
        if own.recurrence_id is None:
            replaced[own.key] = own
            continue
        named = in_series_form(_written(own.recurrence_id), start)
        key, text = instance_key(named), _moment_text(named)
        same = (key, text) == (own.key, own.recurrence_id)
        replaced[key] = own if same else dataclasses.replace(own, key=key, recurrence_id=text)
    kept = [i for i in instances if i.key not in replaced]
    listed = sorted([*kept, *replaced.values()], key=lambda i: (i.start_ts, i.key))
    if complete:
        return Indexed(fields, listed)
    return Indexed(fields, listed, recipe, _ts(low), _ts(high))


def _instances_json(instances: list[Instance]) -> list[Fields]:
    return [dataclasses.asdict(i) for i in instances]


def _instance_of(stored: Fields) -> Instance:
    return Instance(**stored)


def _ends(rule: str) -> bool:
    """Whether a RRULE has an end (COUNT or UNTIL)."""
    upper = rule.upper()
    return "COUNT=" in upper or "UNTIL=" in upper


def instance_named(fields: Fields, occurrence: str) -> str | None:
    """The key (zones.instance_key) of the instance a caller names by `occurrence` in a series
    whose master repeats by a rule (`fields`: the master's, as `fields_of` keeps them), read
    against its start as `event_fields.instance_moment` reads it against the master's DTSTART;
    None for anything else, or when the text names no instance (the body's reader says why)."""
    if not fields.get("recurrence") or fields.get("recurrence_id") or "start" not in fields:
        return None
    try:
        start = _moment_of(str(fields["start"]), fields.get("timezone"))
        return instance_key(occurrence_moment(start, occurrence))
    except (DomainError, ValueError, OverflowError, KeyError, TypeError):
        return None


def instances_between(recipe: Fields, low: dt.datetime, high: dt.datetime) -> list[Instance] | None:
    """A series' own instances (overrides aside) from its recipe, starting in [low, high);
    None when this reader cannot list them there exactly (more than `MAX_INSTANCES`, a walk
    past its bound): the event is then left to its readers (`left_to_readers`)."""
    try:
        found, _ = _series(recipe, low, high)
    except _NOT_EXACT:
        return None
    return found


def left_to_readers(fields: Fields) -> Indexed:
    """An event whose instances readers expand from its body themselves, with the fields of
    its lead component (its master's, without what its overrides change)."""
    return Indexed(
        {name: value for name, value in fields.items() if name != "overridden"},
        expand_on_read=True,
    )


# --- fields ------------------------------------------------------------------------------------


def fields_of(component: Component, obj: CalendarObject) -> Fields:
    """What readers show of one component (JSON-able)."""
    organizer = component.get("ORGANIZER")
    return {
        "title": _text(component, "SUMMARY") or "",
        "location": _text(component, "LOCATION"),
        "description": _text(component, "DESCRIPTION"),
        "status": (_text(component, "STATUS") or "").strip().upper() or None,
        "transparent": (_text(component, "TRANSP") or "").strip().upper() == "TRANSPARENT",
        "organizer": None
        if organizer is None
        else {"address": _address(organizer.value), "name": organizer.param("CN")},
        "attendees": [
            {
                "address": _address(a.value),
                "key": normalize_address(a.value),
                "name": a.param("CN"),
                "status": (a.param("PARTSTAT") or "NEEDS-ACTION").lower(),
            }
            for a in component.all("ATTENDEE")
        ],
        "reminders": reminders_of(component),
        "timezone": zone_name(component, obj),
        "recurrence": _value(component, "RRULE") if "RECURRENCE-ID" not in component else None,
        # an alarm that never fires (ACTION:NONE): with no other, the person's lead time is off
        "silent": any(
            (_text(c, "ACTION") or "").strip().upper() == "NONE"
            for c in component.components
            if c.name == "VALARM"
        ),
        **_own_times(component, obj),
    }


def _own_times(component: Component, obj: CalendarObject) -> Fields:
    """The component's own start, end and RECURRENCE-ID as the API writes them (what one
    event's JSON shows without listing its instances); none when they cannot be read."""
    try:
        start, end = times_of(component, obj)
        rid = component.get("RECURRENCE-ID")
        return {
            "start": _moment_text(start),
            "end": _moment_text(end),
            "recurrence_id": None if rid is None else _moment_text(_decoded(rid, obj)),
        }
    except (NotExactError, ContentError, ValueError, OverflowError, TypeError):
        return {}


def _safe_fields(obj: CalendarObject) -> Fields:
    try:
        return fields_of(obj.lead, obj)
    except (ContentError, ValueError, OverflowError, TypeError, KeyError):
        return {}


def reminders_of(component: Component) -> list[int | str] | None:
    """Its VALARMs as the API's `reminders` (domain/event_alarms.py): None without any."""
    alarms = [c for c in component.components if c.name == "VALARM"]
    if not alarms:
        return None
    found: list[int | str] = []
    for alarm in alarms:
        if (_text(alarm, "ACTION") or "").strip().upper() == "NONE":
            continue
        trigger = alarm.get("TRIGGER")
        if trigger is None:
            continue
        try:
            entry = _reminder(trigger)
        except (ContentError, ValueError, OverflowError):
            continue
        if entry is not None:
            found.append(entry)
    return found


def _reminder(trigger: Property) -> int | str | None:
    if (trigger.param("VALUE") or "DURATION").upper() == "DATE-TIME":
        moment = decode_moment(trigger.value, trigger.param("TZID"), {})
        if not isinstance(moment, dt.datetime):
            return None
        return f"VALUE=DATE-TIME:{encode_utc(moment)}"
    value = decode_duration(trigger.value)
    related = (trigger.param("RELATED") or "START").upper()
    seconds = int(value.total_seconds())
    if related == "START" and seconds % 60 == 0:
        return -seconds // 60
    return f"RELATED={related}:{duration_text(value)}"


def zone_name(component: Component, obj: CalendarObject) -> str | None:
    """The IANA name its start is written in ("UTC" for UTC; None for dates and floating)."""
    prop = component.get("DTSTART")
    if prop is None:
        return None
    moment = _decoded(prop, obj)
    if not isinstance(moment, dt.datetime) or moment.tzinfo is None:
        return None
    key = getattr(moment.tzinfo, "key", None)
    if moment.tzinfo is dt.UTC or key in ("UTC", "Etc/UTC"):
        return "UTC"
    if key:
        return str(key)
    tzid = prop.param("TZID")
    return None if tzid is None else tzid


# --- times -------------------------------------------------------------------------------------


def times_of(component: Component, obj: CalendarObject) -> tuple[Moment, Moment]:
    """A component's start and end (from DTEND or DURATION; RFC 5545 §3.6.1 when neither)."""
    prop = component.get("DTSTART")
    if prop is None:
        raise NotExactError("no DTSTART")
    start = _decoded(prop, obj)
    if "DTEND" in component:
        end_prop = component.get("DTEND")
        assert end_prop is not None
        return start, _decoded(end_prop, obj)
    if "DURATION" in component:
        return start, start + decode_duration(_value(component, "DURATION") or "")
    if isinstance(start, dt.datetime):
        return start, start
    return start, start + dt.timedelta(days=1)


def recipe_of(master: Component, obj: CalendarObject) -> Fields:
    """What listing a series' instances needs: its start, length, rules, RDATEs and EXDATEs,
    every moment as text (JSON-able), each zone by IANA name."""
    if "EXRULE" in master:
        raise NotExactError("EXRULE")
    start, end = times_of(master, obj)
    _exact_zone(start)
    if isinstance(start, dt.datetime) and isinstance(end, dt.datetime):
        if end.tzinfo is not start.tzinfo:
            raise NotExactError("a series whose end is in another zone than its start")
        length = (end.replace(tzinfo=None) - start.replace(tzinfo=None)).total_seconds()
    elif isinstance(start, dt.datetime) or isinstance(end, dt.datetime):
        raise NotExactError("a date start with a date-time end")
    else:
        length = (end - start).total_seconds()
    return {
        "start": _moment_text(start),
        "zone": _zone_key(start),
        "length": int(length),
        "rrules": [p.value.strip() for p in master.all("RRULE")],
        "rdates": [_moment_text(m) for m in _listed(master, "RDATE", obj)],
        "exdates": [_moment_text(m) for m in _listed(master, "EXDATE", obj)],
    }


def _listed(component: Component, name: str, obj: CalendarObject) -> list[Moment]:
    found = []
    for prop in component.all(name):
        if (prop.param("VALUE") or "").upper() == "PERIOD":
            raise NotExactError("PERIOD values")
        for value in prop.value.split(","):
            if "/" in value:
                raise NotExactError("PERIOD values")
            moment = decode_moment(
                value,
                prop.param("TZID"),
                obj.zones,
                date_only=(prop.param("VALUE") or "").upper() == "DATE",
            )
            _exact_zone(moment)
            found.append(moment)
    return found


def _series(recipe: Fields, low: dt.datetime, high: dt.datetime) -> tuple[list[Instance], bool]:
    """The instances of a recipe that start before `high` and end after `low` (an instant at
    `low` too), and whether that is every instance (none starts at or after `high`)."""
    start = _moment_of(str(recipe["start"]), recipe.get("zone"))
    length = dt.timedelta(seconds=int(recipe["length"]))
    zone = recipe.get("zone")
    excluded = {_comparable(_moment_of(m, zone)) for m in recipe["exdates"]}
    first, last = _like(low, start), _like(high, start)
    # DTSTART is the first instance (RFC 5545 §3.8.5.3), unless it is after the rules' last
    # UNTIL: then the series has none from its rules, as the expansion library reads it
    untils = [u for u in (_until(r, start) for r in recipe["rrules"]) if u is not None]
    after_end = bool(untils) and _comparable(start) > max(map(_comparable, untils))
    starts: set[Moment] = set() if after_end else {start}
    complete = True
    for rule_text in recipe["rrules"]:
        found, ends = _rule_between(rule_text, start, _minus(first, length), last)
        starts.update(found)
        complete = complete and ends
    starts.update(_moment_of(m, zone) for m in recipe["rdates"])
    low_at, high_at = _comparable(first), _comparable(last)
    kept = []
    for moment in sorted(starts, key=_comparable):
        at = _comparable(moment)
        if at in excluded:
            continue
        if at >= high_at:
            complete = False
            continue
        end = _plus(moment, length)
        if _comparable(end) <= low_at and at < low_at:
            continue
        kept.append(_instance(instance_key(moment), _moment_text(moment), moment, end))
    if len(kept) > MAX_INSTANCES:
        raise NotExactError("too many instances")
    return kept, complete


def _until(rule_text: str, start: Moment) -> Moment | None:
    """A rule's UNTIL (None without one), in the form of the series' start: a date as a date
    (at midnight in the start's zone for a timed series), a UTC time as UTC (as a UTC wall
    clock for a floating series), a local time in the start's zone."""
    parts = dict(item.split("=", 1) for item in rule_text.strip().upper().split(";") if "=" in item)
    value = parts.get("UNTIL")
    if not value:
        return None
    try:
        if len(value) == 8:
            day = dt.datetime.strptime(value, "%Y%m%d").date()
            if not isinstance(start, dt.datetime):
                return day
            return dt.datetime.combine(day, dt.time(), tzinfo=start.tzinfo)
        moment = dt.datetime.strptime(value.removesuffix("Z"), "%Y%m%dT%H%M%S")
    except ValueError as exc:
        raise NotExactError("an UNTIL that is no date") from exc
    zone = start.tzinfo if isinstance(start, dt.datetime) else None
    if value.endswith("Z"):
        return moment if zone is None else moment.replace(tzinfo=dt.UTC)
    return moment.replace(tzinfo=zone)


def _rule_between(
    rule_text: str, start: Moment, low: Moment, high: Moment
) -> tuple[list[Moment], bool]:
    """The rule's instances starting in [low, high), and whether it has none after `high`.

    dateutil walks a rule from its DTSTART: a rule without COUNT is started again near `low`
    (`rule_walk.started_near`, as the expansion starts it), so its instances are the same,
    and an old series costs its window, not its age."""
    parts = dict(item.split("=", 1) for item in rule_text.strip().upper().split(";") if "=" in item)
    interval = rule_interval(parts)
    if interval is None:
        raise NotExactError("an INTERVAL that is no positive number")
    dtstart = _as_datetime(start)
    shifted = started_near(
        dtstart, parts.get("FREQ", ""), interval, _as_datetime(low), counted="COUNT" in parts
    )
    parsed = rrulestr(f"RRULE:{rule_text}", dtstart=shifted, cache=True)
    if not isinstance(parsed, rrule):
        raise NotExactError("not one rule")
    rule = bounded(parsed)
    lower, upper = _as_datetime(low), _as_datetime(high)
    if isinstance(start, dt.datetime) and start.tzinfo is not None:
        lower, upper = lower.astimezone(start.tzinfo), upper.astimezone(start.tzinfo)
    found: list[Moment] = []
    as_dates = not isinstance(start, dt.datetime)
    try:
        for m in rule:  # one walk: the window's instances, then whether any comes after it
            if m >= upper:
                return found, False
            if m >= lower:
                if len(found) == MAX_INSTANCES:
                    raise NotExactError("too many instances")
                found.append(m.date() if as_dates else m)
    except WalkBoundError as exc:  # a walk from far away (an hourly series of the year 1)
        raise NotExactError("a rule walked past its bound") from exc
    return found, True


def _minus(moment: Moment, length: dt.timedelta) -> Moment:
    if isinstance(moment, dt.datetime):
        return moment - length
    return moment - dt.timedelta(days=max(length.days, 0))


def _override(component: Component, obj: CalendarObject) -> Instance:
    rid_prop = component.get("RECURRENCE-ID")
    assert rid_prop is not None
    rid = _decoded(rid_prop, obj)
    _exact_zone(rid)
    start, end = times_of(component, obj)
    _exact_zone(start)
    return _instance(instance_key(rid), _moment_text(rid), start, end, fields_of(component, obj))


def _instance(
    key: str, recurrence_id: str | None, start: Moment, end: Moment, fields: Fields | None = None
) -> Instance:
    floating = not isinstance(start, dt.datetime) or start.tzinfo is None
    if (
        isinstance(start, dt.datetime)
        and isinstance(end, dt.datetime)
        and start.tzinfo is not None
        and end.tzinfo not in (None, start.tzinfo)
    ):
        end = end.astimezone(start.tzinfo)  # as the expansion library writes it
    return Instance(
        key, recurrence_id, _moment_text(start), _moment_text(end), _ts(start), _ts(end),
        floating, fields,
    )  # fmt: skip


def _decoded(prop: Property, obj: CalendarObject) -> Moment:
    date_only = (prop.param("VALUE") or "").upper() == "DATE"
    return decode_moment(prop.value, prop.param("TZID"), obj.zones, date_only=date_only)


def _exact_zone(moment: Moment) -> None:
    """Only UTC, IANA zones, floating times and dates are placed here: a zone the calendar
    defines itself is the expansion library's to read."""
    zone = moment.tzinfo if isinstance(moment, dt.datetime) else None
    if zone not in (None, dt.UTC) and not isinstance(zone, ZoneInfo):
        raise NotExactError("a zone defined by the calendar")


def _zone_key(moment: Moment) -> str | None:
    if not isinstance(moment, dt.datetime) or moment.tzinfo is None:
        return None
    return "UTC" if moment.tzinfo is dt.UTC else str(getattr(moment.tzinfo, "key", "UTC"))


def _moment_text(moment: Moment) -> str:
    return moment.isoformat()


def _moment_of(text: str, zone: str | None) -> Moment:
    """A moment from its text, placed in the series' zone (DST-correct for each instance)."""
    if len(text) == 10:
        return dt.date.fromisoformat(text)
    moment = dt.datetime.fromisoformat(text)
    if moment.tzinfo is None:
        return moment
    if zone in (None, "UTC"):
        return moment.astimezone(dt.UTC)
    return moment.astimezone(ZoneInfo(zone))


def _written(text: str) -> Moment:
    """A moment from its text as written (with the offset it was written with, if any)."""
    return dt.date.fromisoformat(text) if len(text) == 10 else dt.datetime.fromisoformat(text)


def _as_datetime(moment: Moment) -> dt.datetime:
    if isinstance(moment, dt.datetime):
        return moment
    return dt.datetime.combine(moment, dt.time())


def _like(bound: dt.datetime, start: Moment) -> Moment:
    """A window bound comparable with the series' starts (floating and dates as UTC walls)."""
    if isinstance(start, dt.datetime) and start.tzinfo is not None:
        return bound
    naive = bound.astimezone(dt.UTC).replace(tzinfo=None)
    return naive if isinstance(start, dt.datetime) else naive.date()


def _comparable(moment: Moment) -> float:
    if isinstance(moment, dt.datetime):
        if moment.tzinfo is None:
            return moment.replace(tzinfo=dt.UTC).timestamp()
        return moment.timestamp()
    return dt.datetime.combine(moment, dt.time(), tzinfo=dt.UTC).timestamp()


def _plus(moment: Moment, length: dt.timedelta) -> Moment:
    """The end of an instance: its wall-clock start plus the series' length, as the expansion
    library counts it (a zoned end keeps the zone)."""
    if isinstance(moment, dt.datetime) and moment.tzinfo is not None:
        wall = moment.replace(tzinfo=None) + length
        return wall.replace(tzinfo=moment.tzinfo)
    return moment + length


def _ts(moment: Moment) -> int:
    return int(_comparable(moment))


def _text(component: Component, name: str) -> str | None:
    prop = component.get(name)
    return None if prop is None else unescape_text(prop.value)


def _value(component: Component, name: str) -> str | None:
    prop = component.get(name)
    return None if prop is None else prop.value.strip()


def _address(value: str) -> str:
    text = value.strip()
    return text[7:] if text.lower().startswith("mailto:") else text
