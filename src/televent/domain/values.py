"""Small immutable values shared by aggregates, projections and adapters.

Values that travel inside domain events are plain strings, numbers, lists and dicts so that the
event store's JSON transcoder keeps them exactly (a tuple would come back as a list).
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

# Namespace for deterministic aggregate ids (uuid5). Never change it: ids derive from it.
# The fields of domain events that hold a secret: never shown, exported or logged (a device's
# password hash; a connected account's password, docs/adr/0026).
SECRET_FIELDS = frozenset({"password_hash", "password", "secret", "previous_secret"})
# A sync token (RFC 6578 §3.2) is the event-store position of the last change it covers: the
# CalDAV server hands them out and WebDAV-Push messages carry them (docs/adr/0027).
SYNC_TOKEN_PREFIX = "urn:televent:sync:"  # noqa: S105 - a URI scheme, not a password


def sync_version(position: int, epoch: int = 0) -> str:
    """A collection's version as sync tokens and ctags carry it: the log `position` of its
    last change, after the id of the restore from a backup it was given after (`epoch`; 0,
    none: the position alone)."""
    return f"{epoch}.{position}" if epoch else str(position)


def sync_token(position: int, epoch: int = 0) -> str:
    """The sync token of a collection whose last change is at log `position` (`sync_version`)."""
    return f"{SYNC_TOKEN_PREFIX}{sync_version(position, epoch)}"


def from_undone_history(epoch: int, position: int, restores: Sequence[tuple[int, int]]) -> bool:
    """Whether a sync token (given after the restore `epoch`, 0 for none, naming `position`)
    was given in a history this database does not continue: after a restore it never went
    through, or before a later restore, beyond the backup that one loaded (`restores`: each
    restore's id and its backup's last position, oldest first). Such a position is given
    again to other changes, so what the token says of it cannot be trusted."""
    ids = [restore for restore, _ in restores]
    if epoch and epoch not in ids:
        return True
    later = restores[ids.index(epoch) + 1 :] if epoch else restores
    return any(position > loaded for _, loaded in later)


TELEVENT_NAMESPACE = uuid.UUID("8f0b6a52-6f43-4a39-9d4c-2b7c0e1d5a11")
# What a person's text may not hold: a control character other than tab and line breaks (NUL,
# which PostgreSQL cannot store, among them) and U+FFFE/U+FFFF, which no XML can carry
_UNSHOWABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def without_control_characters(text: str) -> str:
    """`text` from elsewhere (a feed's or another server's calendar name) with what
    `holds_control_characters` refuses of a person replaced by spaces: it is shown and stored."""
    return _UNSHOWABLE.sub(" ", text)


def folded_for_search(text: str) -> str:
    """Text as every search compares it: case folded and composed, so "café" typed finds a
    "café" written with a combining accent (as macOS writes it), and the other way round."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())


def search_words(query: str) -> list[str]:
    """The words a search looks for, as `found_in` compares them."""
    return folded_for_search(query).split()


def found_in(words: list[str], *texts: str | None) -> bool:
    """Whether each of the search's `words` is in one of `texts` (the one rule every search
    answers by: "dentist berlin" finds the dentist in Berlin, whatever the order or the
    field each word is in). No words: everything is found."""
    folded = [folded_for_search(text) for text in texts if text]
    return all(any(word in text for text in folded) for word in words)


def holds_control_characters(text: str) -> bool:
    """Whether a person's text holds a character that cannot be shown, stored or sent on
    (`_UNSHOWABLE`): the one rule every adapter refuses such text by."""
    return _UNSHOWABLE.search(text) is not None


DEFAULT_CALENDAR_SLUG = "default"
DEFAULT_REMINDER_MINUTES = 15
DEFAULT_TIMEZONE = "UTC"

_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~-]{0,127}$")
_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
_DEVICE_NAME = re.compile(r"^[\w .@'()+-]{1,64}$")


class PartStat(StrEnum):
    """Participation status of an attendee (RFC 5545 §3.2.12)."""

    NEEDS_ACTION = "NEEDS-ACTION"
    ACCEPTED = "ACCEPTED"
    DECLINED = "DECLINED"
    TENTATIVE = "TENTATIVE"
    DELEGATED = "DELEGATED"
    COMPLETED = "COMPLETED"
    IN_PROCESS = "IN-PROCESS"


class SourceKind(StrEnum):
    """The adapter through which a change entered the system."""

    BOT = "bot"
    CALDAV = "caldav"
    EMAIL = "email"
    CLI = "cli"
    API = "api"  # the JSON API (/api/v1) and the Mini App on it
    BOOKING = "booking"  # a visitor on a public booking page (/book/<slug>)
    SYSTEM = "system"
    # A file imported (docs/adr/0024); the detail is the source of whoever imported it, and
    # nothing an import stores is scheduling: no invitation, card or answer goes out for it.
    IMPORT = "import"
    # A subscribed feed's refresh (docs/adr/0025); the detail is the calendar's id. Like an
    # import, nothing it stores is scheduling.
    FEED = "feed"
    # A sync with a connected account's calendar (docs/adr/0026); the detail is the calendar's
    # id. The other server's own clients schedule its meetings: nothing it stores is mailed.
    CONNECTION = "connection"


@dataclass(frozen=True)
class Source:
    """Where a change came from: the adapter and the detail that identifies it.

    `detail` is a bot chat id, a CalDAV device name, an email Message-ID or a CLI operator.
    """

    kind: SourceKind
    detail: str = ""

    def encode(self) -> str:
        """Return the compact string stored in domain events (`kind:detail`)."""
        return f"{self.kind.value}:{self.detail}"

    def imported(self) -> Source:
        """This source, as the one a file it imports is recorded under (`import:<source>`)."""
        return Source(SourceKind.IMPORT, self.encode())

    @classmethod
    def decode(cls, text: str) -> Source:
        """Parse the string form written by `encode`."""
        kind, _, detail = text.partition(":")
        return cls(SourceKind(kind), detail)


@dataclass(frozen=True)
class Actor:
    """Who made a change: a Televent account, or an external calendar address."""

    account_id: uuid.UUID | None = None
    address: str | None = None

    def encode(self) -> str:
        """Return the compact string stored in domain events."""
        if self.account_id is not None:
            return f"account:{self.account_id}"
        if self.address is not None:
            return f"address:{self.address}"
        return "system:"

    @classmethod
    def decode(cls, text: str) -> Actor:
        """Parse the string form written by `encode`."""
        kind, _, rest = text.partition(":")
        if kind == "account":
            return cls(account_id=uuid.UUID(rest))
        if kind == "address":
            return cls(address=rest)
        return cls()


SYSTEM = Actor()


def account_id_for(telegram_id: int, generation: int = 0) -> uuid.UUID:
    """The account aggregate id of a Telegram user (deterministic: one account at a time).

    `generation` counts the accounts the user had before and that were erased (GDPR): a user
    who comes back after an erasure gets a new account, never the erased one's history."""
    suffix = f":{generation}" if generation else ""
    return uuid.uuid5(TELEVENT_NAMESPACE, f"telegram:{telegram_id}{suffix}")


def calendar_id_for(account_id: uuid.UUID, slug: str) -> uuid.UUID:
    """The calendar aggregate id of an account's calendar with this URL segment."""
    return uuid.uuid5(account_id, f"calendar:{slug}")


def calendar_event_id_for(calendar_id: uuid.UUID, uid: str) -> uuid.UUID:
    """The calendar event aggregate id of an iCalendar UID within one calendar."""
    return uuid.uuid5(calendar_id, f"uid:{uid}")


def is_valid_slug(slug: str) -> bool:
    """Whether `slug` may name a calendar collection in a URL."""
    return bool(_SLUG.match(slug)) and slug not in {".", ".."}


def is_valid_email(address: str) -> bool:
    """A permissive check that `address` looks like an email address."""
    return bool(_EMAIL.match(address))


def is_valid_device_name(name: str) -> bool:
    """Whether `name` may name a device (letters, digits, spaces and a little punctuation)."""
    return bool(_DEVICE_NAME.match(name)) and name.strip() == name


def normalize_address(value: str) -> str:
    """Return the comparison key of a calendar user address (RFC 5545 CAL-ADDRESS).

    `mailto:` URIs compare case-insensitively by their email address (what iTIP
    implementations do in practice); other URIs compare case-insensitively as a whole.
    """
    text = value.strip()
    if text[:7].lower() == "mailto:":
        return text[7:].strip().lower()
    return text.lower()


def internal_address(telegram_id: int, domain: str) -> str:
    """The calendar address that stands for a Telegram user (`tg_<id>@<domain>`).

    `telegram_id_of` reads it back; `internal_address_pattern` matches it."""
    return f"tg_{telegram_id}@{domain}"


def internal_uri(telegram_id: int, domain: str) -> str:
    """The internal address as a calendar user address (`mailto:tg_<id>@<domain>`)."""
    return f"mailto:{internal_address(telegram_id, domain)}"


def internal_address_pattern(domain: str) -> re.Pattern[str]:
    """What an internal address looks like once normalised (`normalize_address`): its
    `fullmatch` of a comparison key has the Telegram id as group 1."""
    return re.compile(rf"tg_(\d+)@{re.escape(domain.lower())}")


MAX_TELEGRAM_ID = 2**63 - 1  # Telegram ids fit a signed 64-bit integer (and the databases')


def is_telegram_id(value: int) -> bool:
    """Whether a number can be a Telegram user's id (positive, within 64 bits)."""
    return 0 < value <= MAX_TELEGRAM_ID


def telegram_id_in(text: str) -> int | None:
    """The Telegram user id a person typed (ASCII digits only, within 64 bits); None for
    anything else, so no text reaches int() or the database as a number it cannot be."""
    text = text.strip()
    if not text or len(text) > 19 or not (text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if is_telegram_id(value) else None


def telegram_id_of(address: str, domain: str) -> int | None:
    """The Telegram user an internal address stands for (`tg_<id>@<domain>`, as a `mailto:`
    URI or bare, in any case); None for every other address."""
    match = internal_address_pattern(domain).fullmatch(normalize_address(address))
    return None if match is None else int(match.group(1))


def account_addresses(
    telegram_id: int, emails: Iterable[str], domain: str, invite: str | None = None
) -> list[str]:
    """An account's calendar user addresses as `mailto:` URIs (RFC 6638 §2.4.1), in one order:
    its internal address first, then the emails it linked, in the order given, then its
    invitation address (the one outsiders invite it at, docs/adr/0019), when it has one."""
    others = [*emails, invite] if invite else list(emails)
    return [internal_uri(telegram_id, domain), *(f"mailto:{address}" for address in others)]


def account_address_keys(
    telegram_id: int,
    emails: Iterable[str],
    domain: str,
    invite: str | None = None,
    replaced: Iterable[str] = (),
) -> list[str]:
    """The same addresses as the read models store them: the internal one lower-cased, then
    the linked emails (stored lower-case when linked), then the invitation address and the
    ones it replaced (stored lower-case), without `mailto:`. A replaced invitation address
    still stands for the person in the events that name it (so an invitation received there
    can be answered), though mail sent to it no longer reaches them."""
    keys = [internal_address(telegram_id, domain).lower(), *emails]
    return [*keys, invite, *replaced] if invite else [*keys, *replaced]
