"""Messages by id, in the language of whoever reads them (Project Fluent, `fluent.runtime`).

    t("reminder-soon", title=title, minutes=15)

renders the message `reminder-soon` of the current language, set once per update, request or
delivery by `speaking(language)` (a context variable, so concurrent updates never mix their
languages). `translate(language, id, ...)` names the language outright (a mail to someone
else). A message missing in a language falls back to English; `make lint` fails before that
can ship (check.py).

Arguments: a number (`int`, `float`) is a Fluent number, formatted in the language (digit
grouping; Latin digits, as Babel writes numbers in every language) and usable in plural
selectors (`{ $count -> [one] ... *[other] ... }`); pass identifiers, codes, years and
anything already formatted (dates and times from formatting.py) as `str`. Right-to-left
languages get Unicode isolation marks around each placeholder, so a Latin title inside Persian
text keeps its order.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle, FluentResource

from televent.domain.errors import Words
from televent.domain.languages import DEFAULT_LANGUAGE, LANGUAGES, RIGHT_TO_LEFT, supported

LOG = logging.getLogger(__name__)
LOCALES = Path(__file__).parent / "locales"

_current: ContextVar[str] = ContextVar("televent_language", default=DEFAULT_LANGUAGE)


@cache
def bundle(language: str) -> FluentBundle:
    """Every message of a language (all its .ftl files), parsed once per process."""
    code = supported(language) or DEFAULT_LANGUAGE
    loaded = FluentBundle(
        [code.replace("-", "_"), DEFAULT_LANGUAGE], use_isolating=code in RIGHT_TO_LEFT
    )
    for path in sorted((LOCALES / code).glob("*.ftl")):
        loaded.add_resource(FluentResource(path.read_text(encoding="utf-8")))
    return loaded


def translate(language: str, message_id: str, /, **args: Any) -> str:
    """The message `message_id` in `language` (English when that language lacks it); an
    argument that is itself a message (`Words`) is said in that language first."""
    code = supported(language) or DEFAULT_LANGUAGE
    args = {
        name: translate(code, value.message_id, **value.arguments)
        if isinstance(value, Words)
        else value
        for name, value in args.items()
    }
    for candidate in dict.fromkeys((code, DEFAULT_LANGUAGE)):
        found = bundle(candidate)
        if not found.has_message(message_id):
            continue
        message = found.get_message(message_id)
        if message.value is None:
            break
        text, errors = found.format_pattern(message.value, args)
        for error in errors:
            LOG.warning("Message %s (%s): %s", message_id, candidate, error)
        return str(text)
    LOG.error("No message %r in the catalogue", message_id)
    return message_id


_ISOLATION_MARKS = str.maketrans("", "", "\u2066\u2067\u2068\u2069")


def unisolated(language: str, message_id: str, /, **args: Any) -> str:
    """`translate` without the Unicode isolation marks right-to-left languages put around
    each placeholder: for text that leaves for other software (an event's title and
    description in calendar data, an address someone taps), where the marks would stay in
    titles people search and end up inside links."""
    return translate(language, message_id, **args).translate(_ISOLATION_MARKS)


def t(message_id: str, /, **args: Any) -> str:
    """The message `message_id` in the current language (see `speaking`)."""
    return translate(_current.get(), message_id, **args)


def said(error: BaseException, language: str | None = None) -> str:
    """What an error says to a person: its catalogue wording (`TeleventError.worded`) in
    `language` (the current one when None), else its own message."""
    wording = getattr(error, "wording", None)
    if wording is None:
        return str(error)
    message_id, arguments = wording
    return translate(language or _current.get(), message_id, **arguments)


def current_language() -> str:
    """The language messages are rendered in now."""
    return _current.get()


@contextmanager
def speaking(language: str | None) -> Iterator[str]:
    """Render messages in `language` (English if unsupported or None) inside the block."""
    code = supported(language) or DEFAULT_LANGUAGE
    token = _current.set(code)
    try:
        yield code
    finally:
        _current.reset(token)


def app_catalogue(language: str) -> str:
    """The Mini App's messages of a language (its `app*.ftl` files, joined) for the browser."""
    code = supported(language) or DEFAULT_LANGUAGE
    return _app_catalogue(code)


@cache
def _app_catalogue(code: str) -> str:
    parts = [path.read_text(encoding="utf-8") for path in sorted((LOCALES / code).glob("app*.ftl"))]
    return "\n".join(parts)


def languages() -> tuple[str, ...]:
    """The languages the catalogue speaks (domain/languages.py)."""
    return LANGUAGES
