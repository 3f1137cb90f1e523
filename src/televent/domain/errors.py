"""The error tree every adapter maps to its own protocol (HTTP status, bot reply, exit code)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Self


@dataclass(frozen=True)
class Words:
    """A catalogue message and its arguments, said in the reader's language: passed as an
    argument of a wording, it is said first and put in its place (the reason inside a
    refusal that names it)."""

    message_id: str
    arguments: dict[str, object] = field(default_factory=dict, hash=False)


class TeleventError(Exception):
    """Base of every error Televent raises on purpose; its message is safe to show a user.

    Its message is English. A refusal people meet in ordinary use also names the message of
    the catalogue that says it in their language (`worded`): adapters show that one, in the
    reader's language (ADR 0021), and the English message stays for logs and the operator."""

    wording: tuple[str, dict[str, object]] | None = None

    def worded(self, message_id: str, **arguments: object) -> Self:
        """This error, said to a person by the catalogue's `message_id` with `arguments`."""
        self.wording = (message_id, arguments)
        return self


class DomainError(TeleventError):
    """A command broke a rule of the domain (the request was understood but refused)."""


class InvalidCalendarDataError(DomainError):
    """The iCalendar data cannot be parsed or is not a valid calendar object resource.

    Args:
        message: what is wrong, in words a client developer understands.
        precondition: the CalDAV precondition (RFC 4791 §5.3.2.1) that was violated.
    """

    def __init__(self, message: str, precondition: str = "valid-calendar-data") -> None:
        super().__init__(message)
        self.precondition = precondition


class NotInvitedError(DomainError):
    """An RSVP or attendee change named someone who is not an attendee of the event."""


class NotFoundError(TeleventError):
    """The account, calendar, device or event does not exist (or is deleted)."""


class ConflictError(TeleventError):
    """The command collides with the current state (already exists, stale version, UID in use)."""


class PreconditionFailedError(ConflictError):
    """An If-Match / If-None-Match style expectation about the current version did not hold."""


class UidConflictError(ConflictError):
    """The UID is already used by another resource in the same calendar (RFC 4791 no-uid-conflict).

    Args:
        message: the explanation.
        existing_href: the resource name that already holds the UID.
    """

    def __init__(self, message: str, existing_href: str) -> None:
        super().__init__(message)
        self.existing_href = existing_href


class ForbiddenError(TeleventError):
    """The caller may see the calendar, but their role does not allow this (CalDAV 403
    need-privileges, API 403); `action` names the right that is missing.

    Args:
        message: what was refused and why, in words the person understands.
        action: the missing right (`domain.sharing.Action` value).
    """

    def __init__(self, message: str, action: str = "write") -> None:
        super().__init__(message)
        self.action = action


class TooManyRequestsError(TeleventError):
    """The person asked for this too often (codes mailed to an address, wrong codes typed);
    `retry_after` is how many seconds until asking again can succeed (API 429, Retry-After).

    Args:
        message: what was refused and when to try again, in words the person understands.
        retry_after: seconds to wait (0 when only a new request helps, not waiting).
    """

    def __init__(self, message: str, retry_after: int = 0) -> None:
        super().__init__(message)
        self.retry_after = retry_after
