"""Reading Authentication-Results headers (RFC 8601) without failing on hostile input.

    Authentication-Results: mx.example.org 1; dkim=pass (good) header.d=example.net;
        spf=pass smtp.mailfrom=erin@example.net; dmarc=pass header.from=example.net

Comments are dropped, quoted values unquoted, method versions (``dkim/1``) and the header's
version removed, names lower-cased. Which authserv-id may be believed is not decided here: the
application compares them with the operator's list (domain/inbound_mail.check_sender).
"""

from __future__ import annotations

import re
from email.message import Message

from televent.adapters.mail.mime import header_values
from televent.domain.inbound_mail import AuthenticationResults, AuthResult

MAX_HEADERS = 20  # a message with more is hostile; the topmost are the ones that count
MAX_RESULTS = 50
_WORD = re.compile(r'(?:[^\s"]|"(?:[^"\\]|\\.)*")+')
_AROUND_EQUALS = re.compile(r"\s*=\s*")


def authentication_results_of(message: Message) -> tuple[AuthenticationResults, ...]:
    """Every readable Authentication-Results header, topmost first."""
    found: list[AuthenticationResults] = []
    for value in header_values(message, "Authentication-Results")[:MAX_HEADERS]:
        parsed = parse_authentication_results(value)
        if parsed is not None:
            found.append(parsed)
    return tuple(found)


def parse_authentication_results(value: str) -> AuthenticationResults | None:
    """One header's value; None when it names no authserv-id."""
    segments = _split(_without_comments(value))
    head = _words(segments[0]) if segments else []
    if not head:
        return None
    results: list[AuthResult] = []
    for segment in segments[1 : MAX_RESULTS + 1]:
        result = _result(_words(_AROUND_EQUALS.sub("=", segment)))
        if result is not None:
            results.append(result)
    return AuthenticationResults(_unquoted(head[0]).lower(), tuple(results))


def _result(words: list[str]) -> AuthResult | None:
    if not words or "=" not in words[0]:
        return None  # "none", or garbage
    method, _, result = words[0].partition("=")
    properties: list[tuple[str, str]] = []
    for word in words[1:]:
        name, equals, raw = word.partition("=")
        if equals and "." in name:  # ptype.property=value; "reason=" is not a property
            properties.append((name.lower(), _unquoted(raw).strip()))
    return AuthResult(
        method.partition("/")[0].strip().lower(), _unquoted(result).lower(), tuple(properties)
    )


def _without_comments(text: str) -> str:
    """The text with (nested) comments replaced by a space; quoted strings kept as they are."""
    out: list[str] = []
    depth = 0
    quoted = escaped = False
    for char in text:
        if escaped:
            escaped = False
            if depth == 0:
                out.append(char)
            continue
        if char == "\\":
            escaped = True
            if depth == 0:
                out.append(char)
        elif quoted:
            quoted = char != '"'
            out.append(char)
        elif char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
            if depth == 0:
                out.append(" ")
        elif depth == 0:
            quoted = char == '"'
            out.append(char)
    return "".join(out)


def _split(text: str) -> list[str]:
    """The text split at semicolons outside quoted strings."""
    parts: list[str] = []
    current: list[str] = []
    quoted = escaped = False
    for char in text:
        if escaped:
            escaped = False
        elif char == "\\" and quoted:
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == ";" and not quoted:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return parts


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _unquoted(text: str) -> str:
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return re.sub(r"\\(.)", r"\1", text[1:-1])
    return text
