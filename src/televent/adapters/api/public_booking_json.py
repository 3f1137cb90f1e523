"""The JSON of the public booking pages (adapters/api/public_booking.py): reading a visitor's
input and writing links, slots and bookings.

Times are RFC 3339 date-times with the offset of the visitor's zone (`tz`, an IANA name;
UTC when none is given). A window bound may also be a date (YYYY-MM-DD), read at local
midnight in `tz`. Nothing of a link's owner is written but their name and the link's own
settings.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from televent.domain.booking_links import BookingLink
from televent.domain.errors import DomainError, NotFoundError
from televent.domain.event_times import FieldError, parse_moment, zone_of
from televent.domain.preferences import local_instant
from televent.domain.values import holds_control_characters
from televent.projections.bookings_reader import BookingView
from televent.projections.slot_reader import PublicLink

MAX_WINDOW = dt.timedelta(days=62)
DEFAULT_WINDOW = dt.timedelta(days=7)
MAX_TEXT = 2000  # any one text a visitor sends (names, emails, answers are checked further)
BOOKING_FIELDS = frozenset({"start", "name", "email", "tz", "duration_minutes", "answers"})
RESCHEDULE_FIELDS = frozenset({"start", "tz"})
CANCEL_FIELDS = frozenset({"reason"})
SLUG_SHAPE = re.compile(r"^[A-Za-z0-9-]{1,64}$")
TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9_-]{1,128}$")
MAX_DEPTH = 8
# What a body is, as body_object's callers name it, by the catalogue's word for it.
_BODIES = {"A booking": "booking", "A cancellation": "cancellation", "A new time": "new-time"}


def plain_texts(data: Any, depth: int = 0) -> Any:
    """`data` (a request body), refused when a text in it holds a control character other
    than tab and line breaks (NUL cannot even be stored) or it nests too deep."""
    if depth > MAX_DEPTH:
        raise DomainError("The request body nests too deep.").worded(
            "refusal-booking-body-too-deep"
        )
    if isinstance(data, str):
        if holds_control_characters(data):
            raise DomainError("Texts may not contain control characters.").worded(
                "refusal-booking-control-characters"
            )
    elif isinstance(data, Mapping):
        for key, value in data.items():
            plain_texts(key, depth + 1)
            plain_texts(value, depth + 1)
    elif isinstance(data, list | tuple):
        for value in data:
            plain_texts(value, depth + 1)
    return data


def path_slug(slug: str) -> str:
    """A slug from a path, lower-cased; a text no slug can be is not found."""
    if not SLUG_SHAPE.match(slug):
        raise NotFoundError("There is no booking page at this address.").worded(
            "refusal-booking-no-page"
        )
    return slug.lower()


def path_token(token: str) -> str:
    """A manage token from a path; a text no token can be is not found."""
    if not TOKEN_SHAPE.match(token):
        raise NotFoundError("This booking link is not valid.").worded("refusal-booking-not-valid")
    return token


def manage_path(slug: str, token: str) -> str:
    """The visitor's page to see, move or cancel their booking (relative to the server)."""
    return f"/book/{slug}/manage/{token}"


def ics_path(slug: str, token: str) -> str:
    """The booking as a file for the visitor's calendar (relative to the server)."""
    return f"/api/v1/book/{slug}/manage/{token}/booking.ics"


def link_info(public: PublicLink) -> dict[str, Any]:
    """What a booking page shows of a link: its settings and the owner's name."""
    link = public.link
    return {
        "slug": link.slug,
        "title": link.title,
        "owner_name": public.owner_name,
        "description": link.description,
        "location": link.location,
        "duration_minutes": link.duration_minutes,
        "durations_minutes": list(link.lengths),
        "questions": [
            {"id": q.id, "label": q.label, "required": q.required} for q in link.questions
        ],
        "active": link.active,
        "horizon_days": link.horizon_days,
        "min_notice_minutes": link.min_notice_minutes,
        "owner_timezone": public.owner_timezone,
    }


def zone_named(value: Any, field: str = "tz") -> dt.tzinfo:
    """The IANA zone `value` names (UTC when absent)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return dt.UTC
    if not isinstance(value, str) or len(value) > 64:
        raise FieldError(field, "is an IANA time zone name like Europe/Berlin.").worded(
            "refusal-booking-zone-form", field=field
        )
    return zone_of(value, field)


def zone_text(zone: dt.tzinfo) -> str:
    """The name a zone is given back by."""
    return "UTC" if zone is dt.UTC else str(zone)


def bound(text: str | None, field: str, zone: dt.tzinfo) -> dt.datetime | None:
    """A window bound: RFC 3339, a local time (read in `zone`) or a date (its local
    midnight in `zone`); None when not given."""
    if text is None or not text.strip():
        return None
    if len(text) > 64:
        raise FieldError(field, "is a date (YYYY-MM-DD) or an RFC 3339 date-time.").worded(
            "refusal-booking-moment-form", field=field
        )
    moment = parse_moment(text, field, zone)
    if isinstance(moment, dt.datetime):
        return moment
    return local_instant(moment, dt.time(0), zone).astimezone(zone)


def window(
    start: str | None, end: str | None, zone: dt.tzinfo, now: dt.datetime
) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) of a slot listing: from now for a week unless given; at most 62 days."""
    low = bound(start, "start", zone) or now
    high = bound(end, "end", zone) or low + DEFAULT_WINDOW
    if high <= low:
        raise FieldError("end", "must be after start.").worded("refusal-events-window-backwards")
    if high - low > MAX_WINDOW:
        raise FieldError(
            "end", f"the window is at most {MAX_WINDOW.days} days; ask for the next one after."
        ).worded("refusal-events-window-too-long", days=MAX_WINDOW.days)
    return low, high


def day_around(start: dt.datetime, zone: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
    """The local day of `start` in `zone`, one day either side: where fresh slots are
    looked for when the one asked for is gone."""
    day = start.astimezone(zone).date()
    low = local_instant(day - dt.timedelta(days=1), dt.time(0), zone)
    high = local_instant(day + dt.timedelta(days=2), dt.time(0), zone)
    return low, high


def slots_json(
    spans: list[tuple[dt.datetime, dt.datetime]], zone: dt.tzinfo
) -> list[dict[str, str]]:
    """Slots as RFC 3339 texts with the offset of `zone`."""
    return [
        {"start": low.astimezone(zone).isoformat(), "end": high.astimezone(zone).isoformat()}
        for low, high in spans
    ]


def duration_param(text: str | None) -> int | None:
    """The `duration` query parameter: whole minutes, or None."""
    if text is None or not text.strip():
        return None
    value = text.strip()
    if not (value.isascii() and value.isdigit()) or len(value) > 4:
        raise FieldError("duration", "is a whole number of minutes, one the link offers.").worded(
            "refusal-booking-duration-param"
        )
    return int(value)


def body_object(data: Any, allowed: frozenset[str], what: str) -> Mapping[str, Any]:
    """A request body: a JSON object of known fields."""
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise DomainError(f"{what} is a JSON object.").worded(
            "refusal-booking-body-object", what=_BODIES.get(what, "other")
        )
    plain_texts(data)
    unknown = sorted(str(k) for k in data if k not in allowed)
    if unknown:
        known = ", ".join(sorted(allowed))
        raise DomainError(f"Unknown field {unknown[0][:64]!r}; {what} takes: {known}.").worded(
            "refusal-booking-body-field",
            field=unknown[0][:64],
            what=_BODIES.get(what, "other"),
            known=known,
        )
    return data


def text_field(body: Mapping[str, Any], field: str, *, required: bool) -> str | None:
    """A text field of a body (None when absent and not required)."""
    value = body.get(field)
    if value is None:
        if required:
            raise FieldError(field, "is required.").worded(
                "refusal-booking-field-required", field=field
            )
        return None
    if not isinstance(value, str):
        raise FieldError(field, "is a text.").worded("refusal-booking-field-text", field=field)
    if len(value) > MAX_TEXT:
        raise FieldError(field, f"is at most {MAX_TEXT} characters.").worded(
            "refusal-booking-field-long", field=field, most=MAX_TEXT
        )
    return value


def start_field(body: Mapping[str, Any], zone: dt.tzinfo) -> dt.datetime:
    """The `start` of a slot: an RFC 3339 date-time (without an offset, read in `zone`)."""
    text = text_field(body, "start", required=True)
    assert text is not None
    if len(text) > 64:
        raise FieldError("start", "is an RFC 3339 date-time.").worded("refusal-booking-start-form")
    moment = parse_moment(text, "start", zone)
    if not isinstance(moment, dt.datetime):
        raise FieldError("start", "is a date-time (the slot's start), not a date.").worded(
            "refusal-booking-start-date"
        )
    return moment


def duration_field(body: Mapping[str, Any]) -> int | None:
    """The optional `duration_minutes` of a booking."""
    value = body.get("duration_minutes")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 10_000:
        raise FieldError(
            "duration_minutes", "is a whole number of minutes the link offers."
        ).worded("refusal-booking-duration-minutes")
    return value


def answers_field(body: Mapping[str, Any]) -> dict[str, str]:
    """The optional answers to the link's questions, by question id: {"q1": "..."} (an id
    the link has no question for is refused when booking, application/bookings.py)."""
    value = body.get("answers")
    if value is None:
        return {}
    if not isinstance(value, Mapping) or len(value) > 50:
        raise FieldError("answers", 'is an object of answers like {"q1": "..."}.').worded(
            "refusal-booking-answers-form"
        )
    answers: dict[str, str] = {}
    for key, answer in value.items():
        if not isinstance(answer, str) or len(answer) > MAX_TEXT:
            raise FieldError(
                "answers", f"each answer is a text of at most {MAX_TEXT} characters."
            ).worded("refusal-booking-answer-text", most=MAX_TEXT)
        answers[str(key)] = answer
    return answers


def booking_json(
    booking: BookingView, *, mail: bool, zone: dt.tzinfo | None = None
) -> dict[str, Any]:
    """A booking as its visitor sees it, times in `zone` (the booking's own by default).
    `invitation_by_email` says whether the server sends email (`mail`), so whether the
    invitation (and its updates) reach the visitor that way; `ics_url` is the booking as a
    calendar file either way."""
    shown = zone or zone_named(booking.tz)
    return {
        "id": booking.booking_id,
        "slug": booking.slug,
        "title": booking.title,
        "start": _local(booking.start, shown),
        "end": _local(booking.end, shown),
        "status": booking.status,
        "name": booking.name,
        "email": booking.email,
        "tz": booking.tz,
        "manage_url": manage_path(booking.slug, booking.token),
        "ics_url": ics_path(booking.slug, booking.token),
        "invitation_by_email": mail,
    }


def manage_json(
    booking: BookingView, link: BookingLink | None, owner_name: str, *, mail: bool
) -> dict[str, Any]:
    """A booking on its manage page: the booking, the owner's name and what may change."""
    minutes = _minutes(booking)
    return {
        **booking_json(booking, mail=mail),
        "owner_name": owner_name,
        "answers": dict(booking.answers),
        "duration_minutes": minutes,
        "durations": list(link.lengths) if link is not None else [minutes],
        "location": None if link is None else link.location,
        "link_active": link is not None and link.active,
        "can_change": booking.active,
    }


def _local(text: str, zone: dt.tzinfo) -> str:
    return dt.datetime.fromisoformat(text).astimezone(zone).isoformat()


def _minutes(booking: BookingView) -> int:
    start = dt.datetime.fromisoformat(booking.start)
    end = dt.datetime.fromisoformat(booking.end)
    return int((end - start).total_seconds() // 60)
