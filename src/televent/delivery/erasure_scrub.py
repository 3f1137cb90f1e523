"""An erased person's addresses and name taken out of text a rebuild does not touch (queues,
operational records; delivery/erasure.py), without touching anyone else's.

An address is replaced where it stands whole (another address that holds it, `jimbob@` for
`bob@`, is not theirs), whatever its case, and in iCalendar text also where a line was folded
inside it, as the log's pseudonymisation finds it (infrastructure/crypto_shredding.py, whose
reading this is: the name given next to it, CN, goes with it). A name is replaced where it
stands as whole words, never inside an address (alex.smith@ is not Alex's) and never in a
column that holds an address or a key. JSON text (queued payloads) is read as
JSON, so a folded line or a name inside an escaped string is found too, and written back only
when something changed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from televent.domain.values import normalize_address
from televent.infrastructure.crypto_shredding import ADDRESS, pseudonymized

_BETWEEN_ADDRESSES = re.compile(f"({ADDRESS.pattern})")


def is_address(term: str) -> bool:
    """Whether a scrub term is an address (else a name)."""
    return "@" in term


def scrubber(terms: Mapping[str, str], *, identifier: bool) -> Callable[[str], str]:
    """The function that takes the `terms` (an address or a name → its replacement) out of one
    column's text; `identifier`: the column holds an address or a key, which only the
    person's own addresses are taken out of."""
    addresses = {normalize_address(t): r for t, r in terms.items() if is_address(t)}
    names = [] if identifier else [(_words(t), r) for t, r in terms.items() if not is_address(t)]

    def lookup(found: str) -> str | None:
        return addresses.get(normalize_address(found))

    def without_names(value: str) -> str:
        if not names:
            return value
        # the text between addresses (even places; odd ones are the addresses, kept): a name
        # inside an address is not a name
        parts = _BETWEEN_ADDRESSES.split(value)
        for index in range(0, len(parts), 2):
            for pattern, replacement in names:
                parts[index] = pattern.sub(replacement, parts[index])
        return "".join(parts)

    def scrubbed(value: str) -> str:
        if value[:1] in ("{", "["):
            try:
                parsed = json.loads(value)
            except ValueError:
                parsed = None
            if parsed is not None:  # keys too: a message's people are keyed by address
                changed = _each_text(
                    pseudonymized(parsed, lookup),
                    without_names,
                    lambda key: without_names(str(pseudonymized(key, lookup))),
                )
                return value if changed == parsed else json.dumps(changed)
        out = pseudonymized(value, lookup)
        assert isinstance(out, str)
        return without_names(out)

    return scrubbed


def prefilter_terms(terms: Mapping[str, str], *, identifier: bool) -> list[str]:
    """What a row's text, unfolded and in lower case, holds if a term may be in it: each term
    in lower case, as typed and in capitals (SQLite's LOWER leaves letters beyond ASCII as
    they are), and as JSON writes each (letters beyond ASCII escaped, the escape then in lower
    case)."""
    found: list[str] = []
    for term in terms:
        if identifier and not is_address(term):
            continue
        forms = [term.lower()] if is_address(term) else [term.lower(), term, term.upper()]
        for form in forms:
            found += [form, json.dumps(form)[1:-1].lower()]
    return list(dict.fromkeys(found))


def _words(name: str) -> re.Pattern[str]:
    """The name as whole words, any case, any run of spaces between them."""
    parts = [re.escape(part) for part in name.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)", re.IGNORECASE)


def _each_text(value: Any, text: Callable[[str], str], key: Callable[[str], str]) -> Any:
    """`value` (parsed JSON) with `text` applied to every string in it, `key` to every key."""
    if isinstance(value, str):
        return text(value)
    if isinstance(value, dict):
        return {key(k): _each_text(item, text, key) for k, item in value.items()}
    if isinstance(value, list):
        return [_each_text(item, text, key) for item in value]
    return value
