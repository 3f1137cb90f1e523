"""Reading raw email into the standard library's MIME tree with bounded work, whatever the bytes.

Python's email parser spends time that grows faster than the input on hostile structure:
measured, a 9.6 MB message of 260,000 sibling parts took minutes of CPU, a Content-Type of a
few thousand parameters or a long address list a second or more (with the structured header
classes of ``email.policy.default``), and a MIME tree thousands of levels deep ran out of
recursion. Every line is also checked against the boundary of each enclosing multipart, so the
work per line grows with the depth. Each way in (the ``mail ingest`` pipe, ``/inbound/*``,
IMAP) reads a message here, so each is decided in a fraction of a second:

* Before parsing, the lines and the multipart boundaries are counted (C-speed scans of the
  bytes): more than :data:`MAX_LINES` lines (or one per :data:`BYTES_PER_LINE` bytes of a
  larger size limit) are refused, and so are fewer lines in so many multiparts that checking
  them would cost more (:data:`BOUNDARY_CHECKS_PER_LINE`).
* While parsing, each new MIME part is counted and its depth checked as the parser attaches it
  to its parent, and each header field as the parser stores it, so a message over a limit is
  refused when it crosses it, before the tree grows.

The limits are far above what mailers write (the interop corpus has at most ten parts, three
levels, and header fields of a few kilobytes). A refusal names the limit, never the parser's
own error text.

Header fields are kept as their raw text (the ``compat32`` policy; mime.py decodes what it
reads), which costs time linear in their length.
"""

from __future__ import annotations

import email.policy
from email.feedparser import BytesFeedParser
from email.message import Message
from typing import Any

from televent.domain.errors import DomainError

MAX_PARTS = 500  # MIME parts, the message itself and encapsulated messages included
MAX_DEPTH = 10  # levels of MIME nesting below the message (multiparts and message/rfc822)
MAX_FIELDS = 5_000  # header fields in the whole message, every part's included
MAX_HEADER_BYTES = 64 * 1024  # one part's header fields together, folded lines included
MAX_MIME_FIELD_BYTES = 4 * 1024  # one Content-* field: their parameters are parsed repeatedly
MAX_MIME_PARAMETERS = 64  # parameters (";") of one Content-* field
MAX_LINES = 250_000  # lines, or one per BYTES_PER_LINE bytes of a larger size limit
BYTES_PER_LINE = 40
# Each line is checked against the boundary of every multipart around it: lines times
# multiparts (counted as the "boundary" parameters in the bytes) may be this many times the
# line limit, so four levels of multipart read as many lines as the limit allows.
BOUNDARY_CHECKS_PER_LINE = 4


class UnreadableMessageError(DomainError):
    """The input is not an email, or one whose structure Televent refuses to read; the message
    says why, in words meant for the sender or the operator."""


class _OverLimitError(Exception):
    """Raised inside the parser when a limit is crossed (becomes UnreadableMessageError)."""


def read_message(raw: bytes, *, max_bytes: int) -> Message:
    """Parse ``raw`` into the stdlib's tree, within the limits above.

    ``max_bytes`` is the size limit the caller enforces; a large one raises the line budget.

    Raises:
        UnreadableMessageError: the bytes are over a limit or cannot be parsed at all.
    """
    max_lines = max(MAX_LINES, max_bytes // BYTES_PER_LINE)
    lines = line_count(raw)
    if lines > max_lines:
        raise UnreadableMessageError(
            f"the message has {lines} lines, more than the {max_lines} Televent reads"
        )
    boundaries = raw.lower().count(b"boundary")  # at least one per multipart
    if lines * min(boundaries, MAX_DEPTH) > max_lines * BOUNDARY_CHECKS_PER_LINE:
        raise UnreadableMessageError(
            f"the message has {lines} lines and {boundaries} multipart boundaries: more "
            "lines in multiparts than Televent reads"
        )
    budget = _Budget()
    parser = BytesFeedParser(_factory=budget.new_part, policy=email.policy.compat32)
    try:
        parser.feed(raw)
        return parser.close()
    except _OverLimitError as error:
        raise UnreadableMessageError(str(error)) from None
    except Exception:  # the stdlib parser has assorted bugs on hostile input
        raise UnreadableMessageError("the message structure cannot be parsed") from None


def line_count(raw: bytes) -> int:
    """The number of lines the parser sees: CRLF, LF and a lone CR each end one."""
    return raw.count(b"\n") + raw.count(b"\r") - raw.count(b"\r\n") + 1


class _Budget:
    """What one message has used so far; the parts it creates report to it."""

    def __init__(self) -> None:
        self.parts = 1  # the message itself
        self.fields = 0

    def new_part(self, policy: Any = email.policy.compat32) -> Message:
        return _Part(self, policy)

    def attached(self, depth: int) -> None:
        self.parts += 1
        if self.parts > MAX_PARTS:
            raise _OverLimitError(f"the message has more than {MAX_PARTS} MIME parts")
        if depth > MAX_DEPTH:
            raise _OverLimitError(f"the MIME structure is nested more than {MAX_DEPTH} levels")

    def field(self, part: _Part, name: str, value: str) -> None:
        self.fields += 1
        if self.fields > MAX_FIELDS:
            raise _OverLimitError(f"the message has more than {MAX_FIELDS} header fields")
        size = len(name) + len(value)
        part.header_bytes += size
        if part.header_bytes > MAX_HEADER_BYTES:
            raise _OverLimitError(
                f"a header is longer than {MAX_HEADER_BYTES} bytes (at the {_shown(name)} field)"
            )
        if name.strip().lower().startswith("content-") and (
            size > MAX_MIME_FIELD_BYTES or value.count(";") > MAX_MIME_PARAMETERS
        ):
            raise _OverLimitError(
                f"a {_shown(name)} field is longer than {MAX_MIME_FIELD_BYTES} bytes "
                f"or has more than {MAX_MIME_PARAMETERS} parameters"
            )


class _Part(Message):
    """A part that reports its header fields and its children to the message's budget.

    The feed parser calls ``set_raw`` for each header field it reads and ``attach`` on the
    parent for each part it starts, before reading that part's lines.
    """

    def __init__(self, budget: _Budget, policy: Any) -> None:
        super().__init__(policy)
        self.budget = budget
        self.depth = 0
        self.header_bytes = 0

    def set_raw(self, name: str, value: str) -> None:
        self.budget.field(self, name, value)
        super().set_raw(name, value)

    def attach(self, payload: Any) -> None:
        if isinstance(payload, _Part):
            payload.depth = self.depth + 1
            self.budget.attached(payload.depth)
        super().attach(payload)


def _shown(name: str) -> str:
    """A header field's name as a refusal may quote it: printable, short."""
    printable = "".join(c for c in name.strip() if c.isascii() and c.isprintable())
    return printable[:40] or "unnamed"
