"""What users type to the bot: dates, durations, the one-line ``/create`` and time-zone names.

Pure functions: no I/O and no clock (``now`` is always passed in). Dates and times are read in
the user's own zone, an IANA tz database name, and the zone is attached to the naive local result
with :mod:`zoneinfo`, so the UTC offset is the one in force on that day (a wall time in a
spring-forward gap moves forward by the gap; an ambiguous one takes the first occurrence,
``fold=0``). A date without a time of day is an all-day event and follows the iCalendar
convention (RFC 5545 §3.6.1): it starts at local midnight and DTEND is the next day, exclusive.
Numeric dates are day-first (``25.12``, ``25/12``); ``12.10`` is 12 October unless the text also
names a day (``tomorrow 12.10`` is ten past twelve).
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import dateparser  # type: ignore[import-untyped]

MAX_TITLE = 200
MAX_DURATION = timedelta(days=14)
DEFAULT_DURATION = timedelta(hours=1)
CREATE_EXAMPLE = "/create Team sync, tomorrow 15:00, 1h, Room 4"

COMMON_ZONES: list[tuple[str, str]] = [
    ("🇬🇧 London", "Europe/London"),
    ("🇩🇪 Berlin", "Europe/Berlin"),
    ("🇷🇺 Moscow", "Europe/Moscow"),
    ("🇦🇪 Dubai", "Asia/Dubai"),
    ("🇮🇳 Kolkata", "Asia/Kolkata"),
    ("🇯🇵 Tokyo", "Asia/Tokyo"),
    ("🇺🇸 New York", "America/New_York"),
    ("🇺🇸 Los Angeles", "America/Los_Angeles"),
    ("UTC", "UTC"),
]


class ParseProblem(Exception):  # noqa: N818 - the name the bot handlers use
    """Input the bot could not understand; ``str()`` is a short message fit to show the user."""

    def __init__(self, message: str, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.suggestions = suggestions  # e.g. IANA names the bot may offer as buttons


@dataclass(frozen=True)
class NewEvent:
    title: str
    start: datetime  # aware, in the user's zone
    end: datetime  # exclusive; the next local midnight for an all-day event
    location: str | None
    all_day: bool = False


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= 60 else text[:59] + '…'}”"


# --- dates and times -------------------------------------------------------------------------

_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_NAMES = (
    *("january", "february", "march", "april", "may", "june", "july", "august"),
    *("september", "october", "november", "december"),
)
_WEEKDAYS = tuple(name[:3] for name in _WEEKDAY_NAMES)
_MONTHS = tuple(name[:3] for name in _MONTH_NAMES)
_VOCABULARY = (
    *_WEEKDAY_NAMES,
    *_WEEKDAYS,
    *_MONTH_NAMES,
    *_MONTHS,
    *("today", "tomorrow", "tonight", "next", "noon", "midnight", "am", "pm", "at", "in"),
    *("hours", "minutes", "week", "day"),
)
_DAY_WORD = re.compile(
    r"\b(?:today|tomorrow|tonight|next|this|in|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)\b"
)
_COLON_OR_MERIDIEM = re.compile(r"\d:\d\d|\d\s*[ap]\.?m\b")
_UNIT = r"\s*(?:h|hrs?|hours?|m|mins?|minutes?|d|days?|w|weeks?)\b"
_DOTTED = re.compile(r"(?<![\d.:/])(\d{1,2})\.(\d{1,2})(\.?)(?![\d:/]|\.\d|" + _UNIT + ")")
_AT_HOUR = re.compile(r"\bat\s+(\d{1,2})\b(?![:.]\d|\s*[ap]\.?m\b)")
_TIME_HINT = re.compile(
    r"\d:\d\d|\d\s*[ap]\.?m\b|\d\s*h\s*\d|\b(?:noon|midnight|tonight|now|morning|afternoon|"
    r"evening|night)\b|\d\s*(?:h|hrs?|hours?|m|mins?|minutes?)\b|\ban?\s+hour\b"
)
_BARE_TIME = re.compile(r"(?:at\s+)?(?:noon|midnight|\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?)")


def _rewrite_dotted(text: str) -> str:
    """``9.30`` is a time, ``25.12`` and ``12.10.`` are dates, ``12.10`` depends on context."""
    names_day = bool(_DAY_WORD.search(text))
    has_time = bool(_COLON_OR_MERIDIEM.search(text))

    def rewrite(match: re.Match[str]) -> str:
        first, second, trailing_dot = int(match[1]), match[2], match[3]
        as_time = first <= 23 and len(second) == 2 and int(second) <= 59 and not trailing_dot
        as_date = 1 <= first <= 31 and 1 <= int(second) <= 12
        if as_time and (not as_date or (names_day and not has_time)):
            return f"{first}:{second}"
        return f"{first} {_MONTHS[int(second) - 1]}" if as_date else match[0]

    return _DOTTED.sub(rewrite, text)


def _normalise_when(text: str) -> str:
    text = " ".join(text.lower().split())
    text = re.sub(r"\b(?:tmrw|tmrow|tmr|tmw|2moro)\b", "tomorrow", text)
    text = re.sub(r"\bhalf an? hour\b", "30 minutes", text)
    return _AT_HOUR.sub(r"at \1:00", _rewrite_dotted(text))


def _fix_typos(text: str) -> str:
    def fix(match: re.Match[str]) -> str:
        word = match[0]
        if len(word) < 3 or word in _VOCABULARY:
            return word
        close = difflib.get_close_matches(word, _VOCABULARY, n=1, cutoff=0.75)
        return close[0] if close else word

    return re.sub(r"[a-z]+", fix, text)


def _dateparse(text: str, base: datetime) -> datetime | None:
    settings = {
        "PREFER_DATES_FROM": "future",
        "RELATIVE_BASE": base,
        "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": "DMY",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        result = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, TypeError, OverflowError, LookupError):  # odd input deep in dateparser
        return None
    return result if isinstance(result, datetime) else None


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ParseProblem(
            f"I don't know the time zone {_quote(name)}; please set it again."
        ) from exc


def _localise(naive: datetime, zone: ZoneInfo) -> datetime:
    """Attach ``zone``; a wall time in a DST gap moves forward by the gap, fold=0 otherwise."""
    return naive.replace(tzinfo=zone, fold=0).astimezone(UTC).astimezone(zone)


def _settle(cleaned: str, naive: datetime, base: datetime, has_time: bool) -> datetime:
    """Midnight for a bare date; today for a bare time or today's weekday name if still ahead."""
    if not has_time:
        naive = datetime.combine(naive.date(), time())
    elif naive <= base and _BARE_TIME.fullmatch(cleaned):
        return naive + timedelta(days=1)
    week_earlier = naive - timedelta(days=7)
    today_named = re.search(rf"\b{_WEEKDAYS[base.weekday()]}", cleaned) and "next" not in cleaned
    if today_named and week_earlier.date() == base.date() and (week_earlier > base or not has_time):
        return week_earlier
    return naive


def _parse(text: str, zone: str, now: datetime, *, fix_typos: bool) -> tuple[datetime, bool]:
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    tz = _zone(zone)
    base = now.astimezone(tz).replace(tzinfo=None)
    cleaned = _normalise_when(text)
    if not cleaned:
        raise ParseProblem("Please give a date, e.g. “tomorrow 15:00” or “Fri 9:30”.")
    naive = _dateparse(cleaned, base)
    if naive is None and fix_typos and (fixed := _fix_typos(cleaned)) != cleaned:
        cleaned, naive = fixed, _dateparse(fixed, base)
    if naive is None:
        raise ParseProblem(
            f"I couldn't read a date in {_quote(text)}. Try “tomorrow 15:00” or “Fri 9:30”."
        )
    has_time = bool(_TIME_HINT.search(cleaned))
    naive = _settle(cleaned, naive, base, has_time)
    _check_range(text, naive, base, has_time)
    return _localise(naive, tz), has_time


def _check_range(text: str, naive: datetime, base: datetime, has_time: bool) -> None:
    """A result years ahead or days behind is more likely a misread than what was meant."""
    shown = f"{naive.day} {naive:%b %Y}" + (f" {naive:%H:%M}" if has_time else "")
    if naive - base > timedelta(days=5 * 365):
        raise ParseProblem(f"{_quote(text)} reads as {shown}, over five years away. A typo?")
    earliest = base - timedelta(days=1)
    if naive < earliest if has_time else naive.date() < earliest.date():
        raise ParseProblem(f"{_quote(text)} reads as {shown}, which is in the past.")


def parse_when_detailed(text: str, zone: str, now: datetime) -> tuple[datetime, bool]:
    """Read a date/time in ``zone``; the flag says whether a time of day was given.

    Without one the result is local midnight, which callers treat as an all-day date.
    """
    return _parse(text, zone, now, fix_typos=True)


def parse_when(text: str, zone: str, now: datetime) -> datetime:
    """Read a date/time in ``zone`` as an aware datetime (see :func:`parse_when_detailed`)."""
    return parse_when_detailed(text, zone, now)[0]


# --- durations -------------------------------------------------------------------------------

_NUMBER = r"\d+(?:[.,]\d+)?"
_DURATION = re.compile(
    rf"(?:(?P<d>{_NUMBER})\s*(?:days?|d))?\s*(?:(?P<h>{_NUMBER})\s*(?:hours?|hrs?|h))?\s*"
    rf"(?:and\s+)?(?:(?P<m>{_NUMBER})\s*(?P<unit>minutes?|mins?|m|')?)?"
)
_DURATION_PHRASES = {
    "half an hour": 30,
    "half hour": 30,
    "an hour": 60,
    "a hour": 60,
    "one hour": 60,
    "an hour and a half": 90,
    "a day": 24 * 60,
}


def _duration_minutes(text: str) -> float | None:
    text = " ".join(text.lower().split())
    if text in _DURATION_PHRASES:
        return _DURATION_PHRASES[text]
    if clock := re.fullmatch(r"(\d{1,3}):([0-5]\d)", text):
        return int(clock[1]) * 60 + int(clock[2])
    match = _DURATION.fullmatch(text)
    if not text or match is None or (match["m"] and not match["unit"] and not match["h"]):
        return None  # a bare number is not a duration
    days, hours, minutes = (float((match[k] or "0").replace(",", ".")) for k in ("d", "h", "m"))
    return days * 24 * 60 + hours * 60 + minutes


def looks_like_duration(text: str) -> bool:
    """Whether ``text`` is shaped like a duration (its size is checked by parse_duration)."""
    return _duration_minutes(text) is not None


def parse_duration(text: str) -> timedelta:
    """``1h``, ``90 min``, ``1h30``, ``1.5h``, ``1:30``, ``half an hour``, ``30'`` and the like."""
    minutes = _duration_minutes(text)
    if minutes is None:
        raise ParseProblem(f"I couldn't read a duration in {_quote(text)}. Try “1h” or “45m”.")
    duration = timedelta(seconds=round(minutes * 60))
    if not timedelta(0) < duration <= MAX_DURATION:
        raise ParseProblem(
            f"A duration must be more than zero and at most 14 days, not {_quote(text)}."
        )
    return duration


def format_duration(duration: timedelta) -> str:
    """``1h``, ``1h 30m``, ``45m``, ``2 days``: whole minutes, as parse_duration reads them."""
    minutes = round(duration.total_seconds() / 60)
    if minutes < 0:
        raise ValueError("negative duration")
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [f"{days} day{'s' if days != 1 else ''}"] if days else []
    parts += [f"{hours}h"] if hours else []
    parts += [f"{minutes}m"] if minutes or not parts else []
    return " ".join(parts)


# --- /create ---------------------------------------------------------------------------------


def _split_title_and_when(line: str, zone: str, now: datetime) -> tuple[str, datetime, bool]:
    """``Team sync tomorrow 15:00``: the longest trailing words that read as a date."""

    def when(words: list[str]) -> tuple[datetime, bool] | None:
        try:
            return _parse(" ".join(words), zone, now, fix_typos=False)
        except ParseProblem:
            return None

    words = line.split()
    for cut in range(max(1, len(words) - 8), len(words)):
        if (found := when(words[cut:])) is None:
            continue
        if words[cut].isdigit() and when(words[cut + 1 :]) == found:
            continue  # "Room 4 tomorrow": the 4 belongs to the title
        return " ".join(words[:cut]), *found
    raise ParseProblem(f"I couldn't find the date. Use commas, e.g. “{CREATE_EXAMPLE}”.")


def parse_create_line(text: str, zone: str, now: datetime) -> NewEvent:
    """``title, when[, duration][, location]``; a date without a time makes an all-day event."""
    parts = [part.strip() for part in text.split(",")]
    if not parts[0]:
        raise ParseProblem(f"The event needs a title, e.g. “{CREATE_EXAMPLE}”.")
    if len(parts) == 1:
        title, start, has_time = _split_title_and_when(parts[0], zone, now)
    elif not parts[1]:
        raise ParseProblem(f"When is {_quote(parts[0])}? E.g. “{CREATE_EXAMPLE}”.")
    else:
        title, (start, has_time) = parts[0], parse_when_detailed(parts[1], zone, now)
    if len(title) > MAX_TITLE:
        raise ParseProblem(f"That title is too long: at most {MAX_TITLE} characters, please.")
    rest = parts[2:]
    duration = parse_duration(rest.pop(0)) if rest and looks_like_duration(rest[0]) else None
    location = ", ".join(part for part in rest if part) or None
    tz = _zone(zone)
    if has_time:
        end = (start.astimezone(UTC) + (duration or DEFAULT_DURATION)).astimezone(tz)
        return NewEvent(title, start, end, location)
    if duration is not None and duration % timedelta(days=1):
        raise ParseProblem(
            "Without a start time this is an all-day event, so its length must be whole days "
            "(“2 days”). Or add a time, e.g. “25.12 18:00”."
        )
    days = duration.days if duration is not None else 1
    end = _localise(datetime.combine(start.date() + timedelta(days=days), time()), tz)
    return NewEvent(title, start, end, location, all_day=True)


# --- time zones ------------------------------------------------------------------------------

_ALIASES = {
    "Europe/Berlin": "germany, munich, munchen, hamburg, frankfurt, cologne, koln, stuttgart",
    "Europe/London": "uk, united kingdom, britain, great britain, england, manchester",
    "Europe/Paris": "france, lyon, marseille",
    "Europe/Madrid": "spain, barcelona",
    "Europe/Rome": "italy, milan, florence, venice, naples",
    "Europe/Amsterdam": "netherlands, holland, rotterdam",
    "Europe/Zurich": "switzerland, geneva, bern",
    "Europe/Moscow": "russia, st petersburg, saint petersburg",
    "Europe/Kyiv": "kiev, kyiv, ukraine",
    "Europe/Istanbul": "istanbul, turkey, ankara",
    "America/New_York": "washington, boston, miami, philadelphia, atlanta, nyc",
    "America/Chicago": "houston, dallas, austin",
    "America/Los_Angeles": "san francisco, sf, seattle, san diego, las vegas, portland",
    "America/Toronto": "montreal, ottawa",
    "America/Sao_Paulo": "brazil, rio, rio de janeiro",
    "Asia/Shanghai": "china, beijing, shenzhen, guangzhou",
    "Asia/Kolkata": "india, delhi, new delhi, mumbai, bangalore, bengaluru, chennai, calcutta",
    "Asia/Jerusalem": "israel, tel aviv",
    "Asia/Tokyo": "japan, osaka, kyoto",
    "Asia/Seoul": "korea, south korea",
    "Asia/Dubai": "uae, abu dhabi",
    "Asia/Ho_Chi_Minh": "vietnam, saigon",
    "Asia/Yangon": "rangoon",
    "Asia/Kathmandu": "katmandu",
    "Pacific/Honolulu": "hawaii",
}
_RENAMED = {"Europe/Kyiv": "Europe/Kiev"}  # for an older tz database
_CITY_REGIONS = "Africa America Antarctica Arctic Asia Atlantic Australia Europe Indian Pacific"
_UTC_NAMES = {"utc", "gmt", "z", "zulu", "uct", "universal", "greenwich", "etc/utc", "etc/gmt"}
_OFFSET = re.compile(r"(?:utc|gmt)?([+\-\u2212])(\d{1,2})(?::?(\d\d))?")
_FRACTIONAL = {  # minutes east of UTC -> a zone there
    330: "Asia/Kolkata",
    345: "Asia/Kathmandu",
    210: "Asia/Tehran",
    270: "Asia/Kabul",
    390: "Asia/Yangon",
    570: "Australia/Darwin",
    -210: "America/St_Johns",
    -570: "Pacific/Marquesas",
}


def _place_key(text: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    plain = re.sub(r"[.'\u2019]", "", re.sub(r"[_\-]", " ", plain.lower()))
    return " ".join(plain.split())


@functools.cache
def _zone_tables() -> tuple[dict[str, str], dict[str, str]]:
    """(lower-cased IANA name -> name, place name -> IANA name)."""
    names = available_timezones() - {"localtime", "Factory"}
    regions = set(_CITY_REGIONS.split())
    cities: dict[str, str] = {}
    # more segments first: America/Argentina/Buenos_Aires wins over the old America/Buenos_Aires
    for name in sorted(names, key=lambda n: (-n.count("/"), n)):
        if name.split("/")[0] in regions:
            cities.setdefault(_place_key(name.rsplit("/", 1)[-1]), name)
    for zone, aliases in _ALIASES.items():
        target = zone if zone in names else _RENAMED.get(zone, zone)
        if target in names:
            cities.update(dict.fromkeys((_place_key(a) for a in aliases.split(",")), target))
    return {name.lower(): name for name in names}, cities


def _offset_zone(match: re.Match[str], text: str) -> str:
    sign = -1 if match[1] != "+" else 1
    hours, minutes = int(match[2]), int(match[3] or 0)
    if minutes:
        city = _FRACTIONAL.get(sign * (hours * 60 + minutes))
        hint = f"e.g. “{city.rsplit('/', 1)[-1].replace('_', ' ')}”" if city else "e.g. “Kolkata”"
        raise ParseProblem(
            f"Only whole-hour offsets work here; for {_quote(text)} please type a city, {hint}.",
            (city,) if city else (),
        )
    if hours > (14 if sign > 0 else 12):
        raise ParseProblem(f"No place on Earth is at {_quote(text)}. Try a city, e.g. “Berlin”.")
    return "UTC" if hours == 0 else f"Etc/GMT{'-' if sign > 0 else '+'}{hours}"


def resolve_timezone(text: str) -> str:
    """An IANA name for a zone name, city, country, ``UTC``/offset or a near-miss typo of one."""
    raw = text.strip()
    lowered = raw.lower()
    if lowered in _UTC_NAMES:
        return "UTC"
    if offset := _OFFSET.fullmatch(re.sub(r"\s+", "", lowered)):
        return _offset_zone(offset, raw)
    exact, places = _zone_tables()
    key = _place_key(raw.rsplit("/", 1)[-1])
    if "/" in raw and lowered in exact:
        return exact[lowered]
    if key in places:
        return places[key]
    if lowered in exact:  # legacy names such as EST5EDT or Cuba
        return exact[lowered]
    matches = difflib.get_close_matches(key, places, n=8, cutoff=0.6) if key else []
    scores: dict[str, float] = {}  # best similarity per zone
    for match in matches:
        score = difflib.SequenceMatcher(None, key, match).ratio()
        scores[places[match]] = max(score, scores.get(places[match], 0.0))
    ranked = sorted(scores.values(), reverse=True)
    if ranked and ranked[0] >= 0.8 and (len(ranked) == 1 or ranked[1] < ranked[0]):
        return max(scores, key=scores.__getitem__)  # a single clear winner
    suggestions = tuple(dict.fromkeys(places[m] for m in matches))[:3]
    hint = f"Did you mean {', '.join(suggestions)}?" if suggestions else "Try a city like “Berlin”."
    raise ParseProblem(
        f"I don't know the time zone {_quote(raw)}. {hint} "
        "Names like “Europe/Berlin” and offsets like “UTC+3” work too.",
        suggestions,
    )
