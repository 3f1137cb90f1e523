"""What became of an inbound iMIP email: one Outcome per scheduling message, one Receipt per
email (the CLI prints it, the HTTP endpoint answers with it, `mail_inbound` keeps it)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from televent.domain.content_lines import Component, unescape_text


@dataclass(frozen=True)
class Outcome:
    """What one scheduling message did (or why it did nothing)."""

    method: str
    uid: str
    result: str  # created, updated, unchanged, stale, answered, refused, ignored, bounce...
    detail: str = ""

    def as_dict(self) -> dict[str, str]:
        """A JSON-able form."""
        return asdict(self)


@dataclass(frozen=True)
class Receipt:
    """What became of one inbound email."""

    message_id: str
    sender: str | None
    duplicate: bool
    outcomes: list[Outcome] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-able form (CLI --json, the HTTP answer)."""
        return {
            "message_id": self.message_id,
            "sender": self.sender,
            "duplicate": self.duplicate,
            "outcomes": [o.as_dict() for o in self.outcomes],
        }


def text_of(component: Component, name: str = "SUMMARY") -> str | None:
    """A text property's value, unescaped (a SUMMARY, a COMMENT), or None."""
    prop = component.get(name)
    return None if prop is None else unescape_text(str(prop.value))
