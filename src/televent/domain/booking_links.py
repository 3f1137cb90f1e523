"""Booking links: what a visitor may book with a Televent user, and the rules its slots follow.

A link has a `slug` (its public address `/book/<slug>`, unique across the server), a title,
a duration (and optionally other durations the visitor may choose), a slot step, buffers kept
free before and after, a minimum notice, a horizon (how far ahead slots are offered), a cap per
day and optional questions (the visitor's name and email are always asked). A paused link shows
no slots and takes no bookings.

A question keeps its id: the one its owner gave it (letters, digits, `-` and `_`), else the id
of the question it was before (the same label), else a new `q<n>` no question of the link had.
Answers are keyed by these ids, so changing the questions never pins an answer on another.

Pure: values and their validation only; `televent.domain.slots` computes the slots.
"""

from __future__ import annotations

import itertools
import re
import uuid
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from televent.domain.errors import DomainError
from televent.domain.slots import SlotRules
from televent.domain.values import holds_control_characters

SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$")
QUESTION_ID = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
RESERVED_SLUGS = frozenset({"manage", "static", "api", "new", "admin", "app"})
MAX_TITLE = 200
MAX_DESCRIPTION = 2000
MAX_QUESTIONS = 10
MAX_QUESTION_LABEL = 200
MAX_DURATIONS = 6  # other lengths a link may offer besides its own
MAX_LINKS_PER_ACCOUNT = 50
# name: (low, high) for the whole-minute settings.
LIMITS: dict[str, tuple[int, int]] = {
    "duration_minutes": (5, 720),
    "step_minutes": (5, 720),
    "buffer_before_minutes": (0, 720),
    "buffer_after_minutes": (0, 720),
    "min_notice_minutes": (0, 60 * 24 * 365),
    "horizon_days": (1, 365),
    "max_per_day": (1, 100),
}


@dataclass(frozen=True)
class Question:
    """A question the booking page asks besides name and email."""

    id: str
    label: str
    required: bool = False


@dataclass(frozen=True)
class BookingLink:
    """One booking link, as its owner set it up (see the module docstring)."""

    slug: str
    title: str
    duration_minutes: int = 30
    durations_minutes: tuple[int, ...] = ()  # other lengths the visitor may choose
    step_minutes: int | None = None  # None: the duration
    buffer_before_minutes: int = 0
    buffer_after_minutes: int = 0
    min_notice_minutes: int = 240
    horizon_days: int = 60
    max_per_day: int | None = None
    description: str | None = None
    location: str | None = None
    questions: tuple[Question, ...] = field(default_factory=tuple)
    active: bool = True
    # The calendar its bookings are written into (one of the owner's, a connected account's
    # included, docs/adr/0026); None: the owner's default calendar.
    calendar_id: str | None = None

    @property
    def lengths(self) -> tuple[int, ...]:
        """Every duration a visitor may book, the default first."""
        return (
            self.duration_minutes,
            *(d for d in self.durations_minutes if d != self.duration_minutes),
        )

    def rules(self, duration_minutes: int | None = None) -> SlotRules:
        """The slot rules for one of the link's durations (the default when None)."""
        duration = self.duration_minutes if duration_minutes is None else duration_minutes
        if duration not in self.lengths:
            choices = ", ".join(str(d) for d in self.lengths)
            raise DomainError(f"This link books {choices} minutes, not {duration}.").worded(
                "refusal-booking-duration", choices=choices, minutes=duration
            )
        return SlotRules(
            duration_minutes=duration,
            step_minutes=self.step_minutes,
            buffer_before_minutes=self.buffer_before_minutes,
            buffer_after_minutes=self.buffer_after_minutes,
            min_notice_minutes=self.min_notice_minutes,
            horizon_days=self.horizon_days,
            max_per_day=self.max_per_day,
        )

    def as_json(self) -> dict[str, Any]:
        """The link in the API's shape (plain JSON values)."""
        data = asdict(self)
        data["durations_minutes"] = list(self.lengths)
        data["questions"] = [asdict(q) for q in self.questions]
        return data

    @classmethod
    def from_json(cls, data: Any) -> BookingLink:
        """A new link from a request body; raises DomainError naming the first bad value."""
        if not isinstance(data, Mapping):
            raise DomainError("A booking link is a JSON object.")
        if "slug" not in data or "title" not in data:
            raise DomainError("A booking link needs a slug and a title.").worded(
                "refusal-booking-link-needs"
            )
        link = cls(slug=check_slug(data["slug"]), title=_title(data["title"]))
        return link.changed({k: v for k, v in data.items() if k != "slug"})

    def changed(self, changes: Mapping[str, Any]) -> BookingLink:
        """This link with `changes` applied and checked (the slug cannot change)."""
        if not isinstance(changes, Mapping):
            raise DomainError("A change of a booking link is a JSON object.")
        known = {f.name for f in fields(self)} - {"slug"}
        values: dict[str, Any] = {}
        for name, value in changes.items():
            if name == "slug":
                if value != self.slug:
                    raise DomainError(
                        "A link's slug cannot change; create a new link instead."
                    ).worded("refusal-booking-slug-fixed")
                continue
            if name not in known:
                raise DomainError(f"Unknown booking link field {name!r}.")
            if name == "questions":
                values[name] = _questions(value, self.questions)
            else:
                values[name] = _CHECKS[name](name, value)
        link = replace(self, **values)
        if "durations_minutes" in values or "duration_minutes" in values:
            link = replace(
                link,
                durations_minutes=tuple(
                    sorted({*link.durations_minutes} - {link.duration_minutes})
                ),
            )
        return link

    @classmethod
    def from_stored(cls, data: Mapping[str, Any]) -> BookingLink:
        """A link as events and read models store it (`as_json`), without checks."""
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["durations_minutes"] = tuple(
            d for d in values.get("durations_minutes", ()) if d != values.get("duration_minutes")
        )
        values["questions"] = tuple(Question(**q) for q in values.get("questions", ()))
        return cls(**values)


def check_text(what: str, value: str) -> str:
    """`value` without control characters (a line break and a tab excepted): they cannot be
    shown, and some databases cannot store them (NUL)."""
    if holds_control_characters(value):
        raise DomainError(f"{what} contains control characters.")
    return value


def check_slug(value: Any) -> str:
    """A slug as stored: 3 to 40 lower-case letters, digits and inner hyphens."""
    if not isinstance(value, str):
        raise DomainError("slug is text.")
    slug = value.strip().lower()
    if not SLUG.match(slug) or "--" in slug:
        raise DomainError(
            "slug is 3 to 40 lower-case letters, digits and hyphens (not at the ends), "
            "e.g. 'intro-call'."
        ).worded("refusal-booking-slug-shape")
    if slug in RESERVED_SLUGS:
        raise DomainError(f"The slug {slug!r} is reserved; choose another.").worded(
            "refusal-booking-slug-reserved", slug=slug
        )
    return slug


def _title(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise DomainError("title is a non-empty text.").worded("refusal-booking-title-empty")
    if len(value) > MAX_TITLE:
        raise DomainError(f"title is at most {MAX_TITLE} characters.").worded(
            "refusal-booking-title-long", count=MAX_TITLE
        )
    return " ".join(check_text("title", value).split())


def _whole(name: str, value: Any) -> int:
    low, high = LIMITS[name]
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise DomainError(f"{name} is a whole number from {low} to {high}.").worded(
            "refusal-booking-number", field=name, low=low, high=high
        )
    return value


def _optional_whole(name: str, value: Any) -> int | None:
    return None if value is None else _whole(name, value)


def _durations(name: str, value: Any) -> tuple[int, ...]:
    refused = DomainError(f"{name} is a list of at most {MAX_DURATIONS} durations in minutes.")
    if not isinstance(value, list | tuple):
        raise refused
    if len(value) > MAX_DURATIONS:
        raise refused.worded("refusal-booking-durations", count=MAX_DURATIONS)
    return tuple(sorted({_whole("duration_minutes", v) for v in value}))


def _text_or_none(limit: int) -> Any:
    def check(name: str, value: Any) -> str | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        refused = DomainError(f"{name} is a text of at most {limit} characters.")
        if not isinstance(value, str):
            raise refused
        if len(value) > limit:
            raise refused.worded("refusal-booking-text-long", field=name, count=limit)
        return check_text(name, value).strip()

    return check


def _calendar_choice(name: str, value: Any) -> str | None:
    """A calendar's id as text (None or "": the default calendar); whether the owner may
    write into it is the application's question."""
    if value is None or value == "":
        return None
    try:
        if isinstance(value, str):
            return str(uuid.UUID(value))
    except ValueError:
        pass
    raise no_calendar()


def no_calendar() -> DomainError:
    """A link's calendar that is none the owner may write events into."""
    return DomainError("calendar_id names none of your calendars you may add events to.").worded(
        "refusal-booking-calendar"
    )


def _boolean(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise DomainError(f"{name} is true or false.")
    return value


def _questions(value: Any, current: tuple[Question, ...] = ()) -> tuple[Question, ...]:
    """The questions a link is given, replacing `current` (ids as the module docstring says)."""
    refused = DomainError(f"questions is a list of at most {MAX_QUESTIONS} questions.")
    if not isinstance(value, list):
        raise refused
    if len(value) > MAX_QUESTIONS:
        raise refused.worded("refusal-booking-too-many-questions", count=MAX_QUESTIONS)
    given = [_question(index, entry) for index, entry in enumerate(value, start=1)]
    taken: set[str] = set()
    for question in given:
        if question.id in taken:
            raise DomainError(f"Two questions have the id {question.id!r}; give each its own.")
        if question.id:
            taken.add(question.id)
    before = {q.label: q.id for q in reversed(current)}  # the first of equal labels wins
    fresh = (f"q{n}" for n in itertools.count(1) if f"q{n}" not in {q.id for q in current})
    questions: list[Question] = []
    for question in given:
        chosen = question.id or before.get(question.label)
        if not chosen or (not question.id and chosen in taken):
            chosen = next(i for i in fresh if i not in taken)
        taken.add(chosen)
        questions.append(replace(question, id=chosen))
    return tuple(questions)


def _question(index: int, entry: Any) -> Question:
    """One question as given (a label alone, or {"id"?, "label", "required"?}); its id is ""
    when none was given."""
    item = {"label": entry} if isinstance(entry, str) else entry
    if not isinstance(item, Mapping) or not isinstance(item.get("label"), str):
        raise DomainError(f"Question {index} needs a label.")
    label = check_text(f"Question {index}", item["label"]).strip()
    refused = DomainError(f"Question {index}'s label is 1 to {MAX_QUESTION_LABEL} characters.")
    if not label:
        raise refused.worded("refusal-booking-question-unlabelled", number=index)
    if len(label) > MAX_QUESTION_LABEL:
        raise refused.worded(
            "refusal-booking-question-label-long", number=index, count=MAX_QUESTION_LABEL
        )
    required = item.get("required", False)
    if not isinstance(required, bool):
        raise DomainError(f"Question {index}'s 'required' is true or false.")
    question_id = item.get("id")
    if question_id is None:
        return Question(id="", label=label, required=required)
    if not isinstance(question_id, str) or not QUESTION_ID.match(question_id):
        raise DomainError(
            f"Question {index}'s id is 1 to 32 letters, digits, hyphens or underscores."
        )
    return Question(id=question_id, label=label, required=required)


_CHECKS: dict[str, Any] = {
    "title": lambda name, value: _title(value),
    "duration_minutes": _whole,
    "durations_minutes": _durations,
    "step_minutes": _optional_whole,
    "buffer_before_minutes": _whole,
    "buffer_after_minutes": _whole,
    "min_notice_minutes": _whole,
    "horizon_days": _whole,
    "max_per_day": _optional_whole,
    "description": _text_or_none(MAX_DESCRIPTION),
    "location": _text_or_none(MAX_TITLE),
    "active": _boolean,
    "calendar_id": _calendar_choice,
}
