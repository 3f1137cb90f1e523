"""Dates, times and durations as a person reads them, written by Babel (CLDR data).

Every function takes the language (domain/languages.py) and, for times, the person's clock:
`hour_cycle` "12" or "24", None for their language's custom (16:00 in Russian, 4:00 PM in
English). Nothing here mixes the two: a card, a list and a mail of one person all use the same
clock. Digits are CLDR's default for the language.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from babel import Locale
from babel.dates import format_date, format_skeleton, format_time
from babel.units import format_unit

from televent.domain.languages import DEFAULT_LANGUAGE, supported

_WEEKDAY = re.compile(r"E+|c+")
_MONTH_ABBREVIATED = re.compile(r"(?<![ML])(MMM|LLL)(?![ML])")
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@cache
def locale_of(language: str) -> Locale:
    """Babel's locale for a catalogue language ("pt-BR" → pt_BR)."""
    return Locale.parse((supported(language) or DEFAULT_LANGUAGE).replace("-", "_"))


def time_of_day(moment: dt.datetime | dt.time, language: str, hour_cycle: str | None = None) -> str:
    """A clock time: "16:00", "4:00 PM", "16.00" (Indonesian)."""
    at = moment.time() if isinstance(moment, dt.datetime) else moment
    at = at.replace(tzinfo=None)
    locale = locale_of(language)
    if hour_cycle == "24":
        return format_skeleton("Hm", at, locale=locale)
    if hour_cycle == "12":
        return format_skeleton("hm", at, locale=locale)
    return format_time(at, format="short", locale=locale)


def day_short(day: dt.date, language: str) -> str:
    """A day in a list: "Mon, Nov 23" / "пн, 23 нояб."."""
    return format_skeleton("MMMEd", day, locale=locale_of(language))


def day_long(day: dt.date, language: str) -> str:
    """A day as a heading: "Monday, November 23" / "понедельник, 23 ноября" (the language's
    pattern for a month and day with a weekday, the weekday written out)."""
    locale = locale_of(language)
    skeletons = locale.datetime_skeletons
    if "MMMMEd" in skeletons:
        pattern = str(skeletons["MMMMEd"])
    else:  # the abbreviated month's pattern with the month written out
        pattern = _MONTH_ABBREVIATED.sub(lambda m: m.group(0)[0] * 4, str(skeletons["MMMEd"]))
    pattern = _WEEKDAY.sub(lambda m: m.group(0)[0] * 4, pattern)
    return format_date(day, pattern, locale=locale)


def day_with_year(day: dt.date, language: str) -> str:
    """A day with its year: "Nov 23, 2026"."""
    return format_date(day, format="medium", locale=locale_of(language))


def day_with_weekday_and_year(day: dt.date, language: str) -> str:
    """A day with its weekday and year, as a mail dates an event: "Mon, Mar 2, 2026"."""
    return format_skeleton("yMMMEd", day, locale=locale_of(language))


def weekday_name(day: dt.date | int, language: str, width: str = "abbreviated") -> str:
    """A weekday's name ("Mon"; an int is 0 for Monday)."""
    index = day if isinstance(day, int) else day.weekday()
    names = locale_of(language).days["format"][width]
    return str(names[index])


def moment(when: dt.datetime, language: str, hour_cycle: str | None = None) -> str:
    """A day and a time: "Mon, Nov 23, 16:00"."""
    return f"{day_short(when.date(), language)}, {time_of_day(when, language, hour_cycle)}"


def duration(minutes: int, language: str) -> str:
    """A length of time in words: "30 minutes", "1 hour 30 minutes", "2 days"."""
    locale = locale_of(language)
    days, rest = divmod(max(0, minutes), 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = [
        _unit(amount, unit, locale)
        for amount, unit in (
            (days, "duration-day"),
            (hours, "duration-hour"),
            (mins, "duration-minute"),
        )
        if amount
    ]
    if not parts:
        return _unit(0, "duration-minute", locale)
    return " ".join(parts)  # "1 hr 30 min": CLDR's unit lists are incomplete in some languages


def _unit(amount: int, unit: str, locale: Locale) -> str:
    """An amount of a unit in words, else in CLDR's short form where a language lacks them."""
    for length in ("long", "short"):
        text = format_unit(amount, unit, length=length, locale=locale)
        if unit not in text:
            return str(text)
    return f"{amount} {unit.removeprefix('duration-')}"


def first_weekday(language: str, week_start: str | None = None) -> int:
    """The first day of the person's week, 0 for Monday: their choice ("sun"), else their
    language's custom."""
    if week_start in _WEEKDAYS:
        return _WEEKDAYS.index(week_start)
    return int(locale_of(language).first_week_day)


def uses_12_hours(language: str, hour_cycle: str | None = None) -> bool:
    """Whether times are written on a 12-hour clock for this person."""
    if hour_cycle in ("12", "24"):
        return hour_cycle == "12"
    pattern = locale_of(language).time_formats["short"].pattern
    return "h" in pattern or "K" in pattern
