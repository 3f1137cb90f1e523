"""CPU time to decide one inbound email, for the messages that cost the most: those refused at
a limit of adapters/mail/bounded.py, and the worst ones just inside every limit (all under
the 10 MB size limit). The intake must decide each in well under a second; the exit status is
1 when one takes a second or more.

    python -m benchmarks.mail_intake
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from televent.adapters.mail.bounded import (
    BOUNDARY_CHECKS_PER_LINE,
    MAX_DEPTH,
    MAX_HEADER_BYTES,
    MAX_LINES,
    MAX_MIME_PARAMETERS,
    MAX_PARTS,
)
from televent.adapters.mail.inbound import MAX_MESSAGE_BYTES, parse_message
from televent.domain.errors import DomainError

HEAD = b"From: Erin <erin@example.net>\r\nTo: carol@example.org\r\nMessage-ID: <b@example.net>\r\n"
CALENDAR = (
    b"Content-Type: text/calendar; method=REQUEST\r\n\r\nBEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\n"
    b"BEGIN:VEVENT\r\nUID:b1\r\nDTSTAMP:20260101T000000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)
LIMIT_SECONDS = 1.0


def siblings(count: int, part: bytes = b"Content-Type: text/plain\r\n\r\nx\r\n") -> bytes:
    body = b"".join(b"--B\r\n" + part for _ in range(count))
    return (
        HEAD + b"Content-Type: multipart/mixed; boundary=B\r\n\r\n" + body + b"--B\r\n"
        + CALENDAR + b"--B--\r\n"
    )  # fmt: skip


def nested(depth: int, tail: bytes = b"") -> bytes:
    levels = b"".join(
        b"Content-Type: multipart/mixed; boundary=b%d\r\n\r\n--b%d\r\n" % (n, n)
        for n in range(depth)
    )
    return HEAD + levels + CALENDAR + tail


def cases() -> dict[str, Callable[[], bytes]]:
    line_budget = MAX_LINES - 200
    big_part = b"Content-Type: text/plain\r\n\r\n" + b"y" * (MAX_MESSAGE_BYTES // MAX_PARTS - 80)
    big_part += b"\r\n"
    quoted = b'; name="' + b";" * (MAX_MIME_PARAMETERS // 2) + b"x" * 3_800 + b'"'
    params = quoted + b"; a=b" * (MAX_MIME_PARAMETERS // 2 - 1)
    recipients = b",\r\n ".join(b"guest%05d@example.org" % n for n in range(2400))
    return {
        "260,000 sibling parts (refused)": lambda: siblings(260_000),
        "5,000 levels of nesting (refused)": lambda: nested(5_000),
        f"{MAX_PARTS} parts (refused)": lambda: siblings(MAX_PARTS),
        f"{MAX_LINES} empty lines, {MAX_DEPTH} levels deep (refused)": (
            lambda: nested(MAX_DEPTH, b"\n" * line_budget)
        ),
        f"{MAX_LINES * BOUNDARY_CHECKS_PER_LINE // MAX_DEPTH} lines, {MAX_DEPTH} levels deep": (
            lambda: nested(MAX_DEPTH, b"\n" * (line_budget * BOUNDARY_CHECKS_PER_LINE // MAX_DEPTH))
        ),
        f"{MAX_LINES} lines, 4 levels deep": lambda: nested(4, b"\n" * line_budget),
        f"{MAX_PARTS - 2} parts of 20 KB": lambda: siblings(MAX_PARTS - 2, big_part),
        f"{MAX_PARTS - 2} parts with quoted parameters": lambda: siblings(
            MAX_PARTS - 2, b"Content-Type: text/plain" + params + b"\r\n\r\nx\r\n"
        ),
        f"a To field near {MAX_HEADER_BYTES // 1024} KB": (
            lambda: HEAD.replace(b"carol@example.org", recipients) + CALENDAR
        ),
    }


def main() -> int:
    slowest = 0.0
    print(f"{'message':45} {'bytes':>10} {'CPU ms':>8}  outcome")
    for name, build in cases().items():
        raw = build()
        started = time.process_time()
        try:
            parsed = parse_message(raw)
            outcome = f"read ({len(parsed.calendars)} calendar)"
        except DomainError as refused:
            outcome = f"refused: {refused}"
        spent = time.process_time() - started
        slowest = max(slowest, spent)
        print(f"{name:45} {len(raw):>10} {spent * 1000:>8.0f}  {outcome}")
    print(f"slowest: {slowest * 1000:.0f} ms of CPU (limit {LIMIT_SECONDS * 1000:.0f} ms)")
    return 0 if slowest < LIMIT_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
