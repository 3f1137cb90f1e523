"""What users type to the bot: dates, durations, the one-line ``/create`` and time-zone names.

Pure functions: no I/O and no clock (``now`` is always passed in). Dates and times are read in
the user's own zone, an IANA tz database name, and the zone is attached to the naive local result
with :mod:`zoneinfo`, so the UTC offset is the one in force on that day (a wall time in a
spring-forward gap moves forward by the gap; an ambiguous one takes the first occurrence,
``fold=0``). A date without a time of day is an all-day event and follows the iCalendar
convention (RFC 5545 §3.6.1): it starts at local midnight and DTEND is the next day, exclusive.
Numeric dates are day-first (``25.12``, ``25/12``); ``12.10`` is 12 October unless the text also
names a day (``tomorrow 12.10`` is ten past twelve).

Dates are read in the reader's language and in English (``завтра 13:00``, ``mañana a las 13``,
``morgen um 13 Uhr``, ``besok jam 13``, ``فردا ساعت ۱۳``): the language is the current one of
the catalogue (set per update by the bot's middleware) unless a caller names one. Problems are
:class:`ParseProblem`, worded in that language.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, available_timezones

import dateparser  # type: ignore[import-untyped]

from televent.adapters.i18n import current_language, t, translate
from televent.adapters.i18n.formatting import day_with_year, locale_of, time_of_day
from televent.domain.languages import DEFAULT_LANGUAGE, LANGUAGES, supported
from televent.domain.zones import zone_named

MAX_TITLE = 200
# the commas that separate a /create line's parts: "," and the Arabic script's "،"
_COMMAS = str.maketrans({"\u060c": ","})
MAX_DURATION = timedelta(days=14)
DEFAULT_DURATION = timedelta(hours=1)


def create_example(language: str | None = None) -> str:
    """ "/create Team sync, tomorrow 15:00, 1h, Room 4", in the reader's language."""
    return translate(language or current_language(), "bot-create-example")


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
    description: str | None = None


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return t("bot-quote", text=text if len(text) <= 60 else text[:59] + "…")


def _language(language: str | None) -> str:
    return supported(language) or (current_language() if language is None else DEFAULT_LANGUAGE)


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
# a time of day, or a length from now ("in 2 hours", "через 2 часа"), in any of the languages
_TIME_HINT = re.compile(
    r"\d:\d\d|\d\s*[ap]\.?m\b|\d\s*h\s*\d|\b(?:noon|midnight|tonight|now|morning|afternoon|"
    r"evening|night)\b|\d\s*(?:h|hrs?|hours?|m|mins?|minutes?)\b|\ban?\s+hour\b|"
    r"\d\s*(?:ч|час|мин|год|хв|hora|min|uhr|std|stunde|jam|menit|ساعت|دقیقه)"
)
_BARE_TIME = re.compile(r"(?:at\s+)?(?:noon|midnight|\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?)")

# The catalogue's languages as dateparser names them; English is always tried too.
_DATEPARSER = {"en": "en", "ru": "ru", "es": "es", "pt-BR": "pt", "de": "de", "uk": "uk"}
_DATEPARSER |= {"id": "id", "fa": "fa"}


@dataclass(frozen=True)
class _Words:
    """What a language says around a date that dateparser does not read by itself."""

    at: str = ""  # words before a time of day ("в 13", "a las 13", "um 13", "jam 13")
    fillers: tuple[str, ...] = ()  # words before a day that add nothing ("el lunes", "am Montag")
    days: tuple[str, ...] = ()  # today, tomorrow, the day after (they name a day)
    after_tomorrow: str = ""  # the day after tomorrow, where dateparser lacks it
    next: tuple[str, ...] = ()  # beginnings of "next" ("next Friday" is not today)
    within: tuple[str, ...] = ()  # "in" of "in 2h" (a length, not a time of day)


_WORDS = {
    "en": _Words(days=("today", "tomorrow", "tonight"), next=("next",), within=("in",)),
    "ru": _Words(
        at=r"в|во",
        fillers=("в", "во"),
        days=("сегодня", "завтра", "послезавтра"),
        next=("следующ",),
        within=("через",),
    ),
    "uk": _Words(
        at=r"о|об|в|у|на",
        fillers=("в", "у"),
        days=("сьогодні", "завтра", "післязавтра"),
        next=("наступн",),
        within=("через",),
    ),
    "es": _Words(
        at=r"a\s+las|a\s+la",
        fillers=("el",),
        days=("hoy", "mañana", "manana", "pasado"),
        after_tomorrow=r"pasado\s+ma(?:ñ|n)ana",
        next=("próxim", "proxim", "siguiente"),
        within=("en", "dentro"),
    ),
    "pt-BR": _Words(
        at=r"às|as|à",
        fillers=("na", "no"),
        days=("hoje", "amanhã", "amanha"),
        after_tomorrow=r"depois\s+de\s+amanh(?:ã|a)",
        next=("próxim", "proxim"),
        within=("em", "daqui"),
    ),
    "de": _Words(
        at=r"um",
        fillers=("am",),
        days=("heute", "morgen", "übermorgen"),
        next=("nächst", "naechst", "kommend"),
        within=("in",),
    ),
    "id": _Words(
        at=r"jam|pukul|pk\.?",
        fillers=("pada",),
        days=("hari ini", "besok", "lusa"),
        after_tomorrow=r"lusa",
        next=("depan",),
        within=("dalam",),
    ),
    "fa": _Words(
        at=r"ساعت",
        fillers=("روز",),
        days=("امروز", "فردا"),
        after_tomorrow="پس\u200c?\\s*فردا",
        next=("بعد", "آینده"),
        within=(),
    ),
}
_HOUR_WORD = r"(?:h|hs|uhr|часов|часа|час|годин[аи]?|horas?|jam|ساعت)"


def _words(language: str) -> _Words:
    return _WORDS.get(language, _WORDS[DEFAULT_LANGUAGE])


@functools.cache
def _weekday_names(language: str) -> tuple[frozenset[str], ...]:
    """Each weekday's names in a language (0 for Monday), lower case, without dots: "fri",
    "friday"; "пт", "пятница", "пятницу" (the stem of the wide name)."""
    names: list[set[str]] = [set() for _ in range(7)]
    days = locale_of(language).days
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated", "short"):
            for index, name in days[context][width].items():
                plain = _apostrophes(str(name).lower().rstrip("."))
                names[index].add(plain)
                if width == "wide" and len(plain) >= 5:
                    names[index].add(plain[:-1])  # "пятниц-а/-у", "п'ятниц-я/-ю"
                    names[index].add(plain.split("-")[0])  # "sexta" of "sexta-feira"
    return tuple(frozenset(n) for n in names)


def _names_weekday(text: str, weekday: int, language: str) -> bool:
    """Whether a word of `text` names the weekday (0 for Monday) in the language or English."""
    english = re.search(rf"\b{_WEEKDAYS[weekday]}", text) is not None
    if language == DEFAULT_LANGUAGE or english:
        return english
    names = _weekday_names(language)[weekday]
    words = re.findall(r"[^\s,.;]+", text)
    return any(
        word in names or any(word.startswith(n) for n in names if len(n) >= 4) for word in words
    )


def _names_day(text: str, language: str) -> bool:
    """Whether `text` names a day (today, tomorrow, a weekday) in the language or English."""
    if _DAY_WORD.search(text):
        return True
    if language == DEFAULT_LANGUAGE:
        return False
    for said in _words(language).days:
        if re.search(rf"(?<!\S){re.escape(said)}(?!\S)", text):
            return True
    return any(_names_weekday(text, weekday, language) for weekday in range(7))


def _apostrophes(text: str) -> str:
    """One apostrophe for the several people type ("п’ятниця", "пʼятниця")."""
    return text.replace("\u2019", "'").replace("\u02bc", "'")


def ascii_digits(text: str) -> str:
    """Persian, Arabic and other decimal digits as 0-9 ("۱۳:۰۰" is "13:00")."""
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


def _rewrite_dotted(text: str, language: str = DEFAULT_LANGUAGE) -> str:
    """``9.30`` is a time, ``25.12`` and ``12.10.`` are dates, ``12.10`` depends on context."""
    names_day = _names_day(text, language)
    has_time = bool(_COLON_OR_MERIDIEM.search(text))

    def rewrite(match: re.Match[str]) -> str:
        first, second, trailing_dot = int(match[1]), match[2], match[3]
        as_time = first <= 23 and len(second) == 2 and int(second) <= 59 and not trailing_dot
        as_date = 1 <= first <= 31 and 1 <= int(second) <= 12
        if as_time and (not as_date or (names_day and not has_time)):
            return f"{first}:{second}"
        if not as_date:
            return match[0]
        if language == DEFAULT_LANGUAGE:
            return f"{first} {_MONTHS[int(second) - 1]}"
        return f"{first}/{int(second)}"  # day first (DATE_ORDER), whatever the language

    return _DOTTED.sub(rewrite, text)


def _rewrite_hours(text: str, language: str) -> str:
    """A language's ways of saying a time of day as "13:00": "в 13", "a las 13", "um 13 Uhr",
    "13h30", "jam 13", "ساعت 13" (never "через 2 ч", "en 2h": lengths from now)."""
    words = _words(language)

    def clock(match: re.Match[str]) -> str:
        hour, minute = int(match["hour"]), match["minute"] or "00"
        return f" {hour}:{minute}" if hour <= 23 and int(minute) <= 59 else match[0]

    if words.at:
        at = rf"(?<!\S)(?:{words.at})\s+(?P<hour>\d{{1,2}})(?:[:.h](?P<minute>\d\d))?"
        text = re.sub(rf"{at}(?:\s*{_HOUR_WORD})?(?!\S)", clock, text)

    def suffixed(match: re.Match[str]) -> str:
        before = text[: match.start()].split()
        if before and before[-1] in words.within:
            return match[0]
        return clock(match)

    return re.sub(
        r"(?<!\S)(?P<hour>\d{1,2})(?:h(?P<minute>\d\d)|\s*(?:h|uhr))(?!\S)", suffixed, text
    ).strip()


def _normalise_when(text: str, language: str = DEFAULT_LANGUAGE) -> str:
    text = ascii_digits(" ".join(_apostrophes(text.lower()).split()))
    text = re.sub(r"\b(?:tmrw|tmrow|tmr|tmw|2moro)\b", "tomorrow", text)
    text = re.sub(r"\bhalf an? hour\b", "30 minutes", text)
    if language != DEFAULT_LANGUAGE:
        words = _words(language)
        text = _rewrite_hours(text, language)
        text = " ".join(
            word
            for word in text.split()
            if word not in words.fillers and not (words.next and word.startswith(words.next))
        )
    return _AT_HOUR.sub(r"at \1:00", _rewrite_dotted(text, language))


def _names_next(text: str, language: str) -> bool:
    """Whether `text` says "next" ("next friday" is never today)."""
    starts = (*_words(DEFAULT_LANGUAGE).next, *_words(language).next)
    return any(word.startswith(starts) for word in text.lower().split())


def _after_tomorrow(text: str, base: datetime, language: str) -> str:
    """The day after tomorrow as a date, in the languages dateparser does not read it in."""
    pattern = _words(language).after_tomorrow
    if not pattern:
        return text
    day = (base + timedelta(days=2)).date()
    return re.sub(rf"(?<!\S){pattern}(?!\S)", f"{day.day}/{day.month}/{day.year}", text)


def _fix_typos(text: str) -> str:
    def fix(match: re.Match[str]) -> str:
        word = match[0]
        if len(word) < 3 or word in _VOCABULARY:
            return word
        close = difflib.get_close_matches(word, _VOCABULARY, n=1, cutoff=0.75)
        return close[0] if close else word

    return re.sub(r"\b[a-z]+\b", fix, text)


def _dateparse(text: str, base: datetime, language: str = DEFAULT_LANGUAGE) -> datetime | None:
    settings = {
        "PREFER_DATES_FROM": "future",
        "RELATIVE_BASE": base,
        "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": "DMY",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    languages = list(dict.fromkeys((_DATEPARSER.get(language, "en"), "en")))
    try:
        result = dateparser.parse(text, languages=languages, settings=settings)
    except (ValueError, TypeError, OverflowError, LookupError):  # odd input deep in dateparser
        return None
    return result if isinstance(result, datetime) else None


def _zone(name: str) -> ZoneInfo:
    zone = zone_named(name)
    if zone is None:
        raise ParseProblem(t("bot-parse-zone-gone", zone=_quote(name)))
    return zone


def _localise(naive: datetime, zone: ZoneInfo) -> datetime:
    """Attach ``zone``; a wall time in a DST gap moves forward by the gap, fold=0 otherwise."""
    return naive.replace(tzinfo=zone, fold=0).astimezone(UTC).astimezone(zone)


def _settle(
    cleaned: str, naive: datetime, base: datetime, has_time: bool, *, language: str, nxt: bool
) -> datetime:
    """Midnight for a bare date; today for a bare time or today's weekday name if still ahead
    (unless the text said "next": `nxt`)."""
    if not has_time:
        naive = datetime.combine(naive.date(), time())
    elif naive <= base and _BARE_TIME.fullmatch(cleaned):
        return naive + timedelta(days=1)
    week_earlier = naive - timedelta(days=7)
    today_named = _names_weekday(cleaned, base.weekday(), language) and not nxt
    if today_named and week_earlier.date() == base.date() and (week_earlier > base or not has_time):
        return week_earlier
    return naive


def _parse(
    text: str, zone: str, now: datetime, *, fix_typos: bool, language: str
) -> tuple[datetime, bool]:
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    tz = _zone(zone)
    base = now.astimezone(tz).replace(tzinfo=None)
    cleaned = _after_tomorrow(_normalise_when(text, language), base, language)
    if not cleaned:
        raise ParseProblem(t("bot-parse-no-date"))
    naive = _dateparse(cleaned, base, language)
    if naive is None and fix_typos and (fixed := _fix_typos(cleaned)) != cleaned:
        cleaned, naive = fixed, _dateparse(fixed, base, language)
    if naive is None:
        raise ParseProblem(t("bot-parse-bad-date", text=_quote(text)))
    has_time = bool(_TIME_HINT.search(cleaned))
    naive = _settle(
        cleaned, naive, base, has_time, language=language, nxt=_names_next(text, language)
    )
    _check_range(text, naive, base, has_time, language)
    return _localise(naive, tz), has_time


def _check_range(text: str, naive: datetime, base: datetime, has_time: bool, language: str) -> None:
    """A result years ahead or days behind is more likely a misread than what was meant."""
    shown = day_with_year(naive.date(), language)
    if has_time:
        shown = t("bot-day-and-time", day=shown, time=time_of_day(naive, language))
    if naive - base > timedelta(days=5 * 365):
        raise ParseProblem(t("bot-parse-too-far", text=_quote(text), date=shown))
    earliest = base - timedelta(days=1)
    if naive < earliest if has_time else naive.date() < earliest.date():
        raise ParseProblem(t("bot-parse-past", text=_quote(text), date=shown))


def parse_when_detailed(
    text: str, zone: str, now: datetime, *, language: str | None = None
) -> tuple[datetime, bool]:
    """Read a date/time in ``zone``; the flag says whether a time of day was given.

    Without one the result is local midnight, which callers treat as an all-day date. The text
    is read in ``language`` (the current one when None) and in English.
    """
    return _parse(text, zone, now, fix_typos=True, language=_language(language))


def parse_when(text: str, zone: str, now: datetime, *, language: str | None = None) -> datetime:
    """Read a date/time in ``zone`` as an aware datetime (see :func:`parse_when_detailed`)."""
    return parse_when_detailed(text, zone, now, language=language)[0]


# --- durations -------------------------------------------------------------------------------

_NUMBER = r"\d+(?:[.,]\d+)?"
# the units in every catalogue language: "2 days", "2 дня", "2 Tage", "2 hari", "۲ روز"
_DAYS = r"days?|d|дн(?:я|ей|і|ів)?|день|días?|dias?|tag(?:e|en)?|hari|روز"
_HOURS = r"hours?|hrs?|h|ч|час(?:а|ов)?|год(?:ин[аи]?|ина)?|horas?|std|stunden?|jam|ساعت"
_MINUTES = r"minutes?|mins?|m|'|мин(?:ут[аы]?)?|хв(?:илин[аи]?)?|minutos?|minuten?|menit|دقیقه"
_AND = r"and|и|і|та|y|e|und|dan|و"
_DURATION = re.compile(
    rf"(?:(?P<d>{_NUMBER})\s*(?:{_DAYS}))?\s*(?:(?P<h>{_NUMBER})\s*(?:{_HOURS}))?\s*"
    rf"(?:(?:{_AND})\s+)?(?:(?P<m>{_NUMBER})\s*(?P<unit>{_MINUTES})?)?"
)
_DURATION_PHRASES = {
    "half an hour": 30,
    "half hour": 30,
    "an hour": 60,
    "a hour": 60,
    "one hour": 60,
    "an hour and a half": 90,
    "a day": 24 * 60,
    **dict.fromkeys(("полчаса", "пол часа", "пів години", "півгодини"), 30),
    **dict.fromkeys(("media hora", "meia hora", "halbe stunde", "eine halbe stunde"), 30),
    **dict.fromkeys(("setengah jam", "نیم ساعت"), 30),
    **dict.fromkeys(("час", "година", "una hora", "uma hora", "eine stunde", "satu jam"), 60),
    **dict.fromkeys(("یک ساعت",), 60),
    **dict.fromkeys(("день", "un día", "um dia", "ein tag", "sehari", "یک روز"), 24 * 60),
}
_DURATION_PHRASES |= {"полтора часа": 90, "півтори години": 90, "hora y media": 90}
_DURATION_PHRASES |= {"uma hora e meia": 90, "anderthalb stunden": 90, "satu setengah jam": 90}


def _duration_minutes(text: str) -> float | None:
    text = ascii_digits(" ".join(text.lower().split()))
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


def word_list(text: str) -> set[str]:
    """The words of a catalogue message listing words ("skip, no, none"; "رد، نه"), lower case."""
    return {word.strip().lower() for word in text.translate(_COMMAS).split(",") if word.strip()}


def is_bare_minutes(text: str) -> bool:
    """Whether ``text`` is a bare whole number ("30", "۳۰"): minutes, where a length goes."""
    plain = ascii_digits(text.strip())
    return plain.isascii() and plain.isdigit()


def parse_duration(text: str, *, bare_minutes: bool = False) -> timedelta:
    """``1h``, ``90 min``, ``1h30``, ``1.5h``, ``1:30``, ``half an hour``, ``30'``, ``1ч``,
    ``45 мин``, ``1 hora``, ``2 Stunden``, ``30 menit`` and the like; a bare number too when
    ``bare_minutes`` (it is minutes then)."""
    if bare_minutes and is_bare_minutes(text):
        minutes: float | None = int(ascii_digits(text.strip()))
    else:
        minutes = _duration_minutes(text)
    if minutes is None:
        raise ParseProblem(t("bot-parse-bad-duration", text=_quote(text)))
    duration = timedelta(seconds=round(minutes * 60))
    if not timedelta(0) < duration <= MAX_DURATION:
        raise ParseProblem(t("bot-parse-duration-range", text=_quote(text)))
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


def _split_title_and_when(
    line: str, zone: str, now: datetime, language: str
) -> tuple[str, datetime, bool]:
    """``Team sync tomorrow 15:00``: the longest trailing words that read as a date."""

    def when(words: list[str]) -> tuple[datetime, bool] | None:
        try:
            return _parse(" ".join(words), zone, now, fix_typos=False, language=language)
        except ParseProblem:
            return None

    words = line.split()
    for cut in range(max(1, len(words) - 8), len(words)):
        if (found := when(words[cut:])) is None:
            continue
        if words[cut].isdigit() and when(words[cut + 1 :]) == found:
            continue  # "Room 4 tomorrow": the 4 belongs to the title
        return " ".join(words[:cut]), *found
    raise ParseProblem(t("bot-parse-no-date-found", example=create_example(language)))


def parse_create_line(
    text: str, zone: str, now: datetime, *, language: str | None = None
) -> NewEvent:
    """``title, when[, duration][, location]``; a date without a time makes an all-day event.
    Parts are separated by commas ("," or the Persian "،").

    A bare number where the duration goes is minutes (``Lunch, tomorrow 13:00, 30``); the date
    is read in ``language`` (the current one when None) and in English.
    """
    language = _language(language)
    example = create_example(language)
    parts = [part.strip() for part in text.translate(_COMMAS).split(",")]
    if not parts[0]:
        raise ParseProblem(t("bot-parse-no-title", example=example))
    if len(parts) == 1:
        title, start, has_time = _split_title_and_when(parts[0], zone, now, language)
    elif not parts[1]:
        raise ParseProblem(t("bot-parse-when-missing", title=_quote(parts[0]), example=example))
    else:
        title = parts[0]
        start, has_time = parse_when_detailed(parts[1], zone, now, language=language)
    if len(title) > MAX_TITLE:
        raise ParseProblem(t("bot-parse-title-too-long", most=MAX_TITLE))
    rest = parts[2:]
    duration = None
    if rest and (is_bare_minutes(rest[0]) or looks_like_duration(rest[0])):
        duration = parse_duration(rest.pop(0), bare_minutes=True)
    location = ", ".join(part for part in rest if part) or None
    tz = _zone(zone)
    if has_time:
        end = (start.astimezone(UTC) + (duration or DEFAULT_DURATION)).astimezone(tz)
        return NewEvent(title, start, end, location)
    if duration is not None and duration % timedelta(days=1):
        raise ParseProblem(t("bot-parse-all-day-length"))
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
    """(lower-cased IANA name -> name, place name -> IANA name, in every catalogue language)."""
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
    for language in LANGUAGES:  # "Москва", "Nueva York", "تهران": CLDR's names of the cities
        for zone, data in locale_of(language).time_zones.items():
            city = data.get("city")
            if city and zone in names:
                cities.setdefault(_place_key(str(city)), zone)
    return {name.lower(): name for name in names}, cities


def _offset_zone(match: re.Match[str], text: str) -> str:
    sign = -1 if match[1] != "+" else 1
    hours, minutes = int(match[2]), int(match[3] or 0)
    if minutes:
        city = _FRACTIONAL.get(sign * (hours * 60 + minutes))
        example = city.rsplit("/", 1)[-1].replace("_", " ") if city else "Kolkata"
        raise ParseProblem(
            t("bot-parse-zone-whole-hours", text=_quote(text), city=_quote(example)),
            (city,) if city else (),
        )
    if hours > (14 if sign > 0 else 12):
        raise ParseProblem(t("bot-parse-zone-nowhere", text=_quote(text)))
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
    if suggestions:
        hint = t("bot-parse-zone-did-you-mean", names=", ".join(suggestions))
    else:
        hint = t("bot-parse-zone-try-city")
    raise ParseProblem(
        t("bot-parse-zone-unknown", zone=_quote(raw), hint=hint),
        suggestions,
    )
