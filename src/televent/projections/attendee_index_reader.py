"""Questions about who is invited to what, answered from the attendee index."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from televent.projections.directory_reader import AccountView, addresses_of
from televent.projections.view_reader import Reader

INVITATION_COLUMNS = ("address", "event_id", "calendar_id", "account_id", "uid", "partstat")


def invitations_query(addresses: Sequence[str]) -> tuple[str, tuple[str, ...]]:
    """The statement (and its parameters) for every event any of these addresses is an
    attendee of, in the order they were invited: `INVITATION_COLUMNS` of each."""
    marks = ", ".join("?" for _ in addresses)
    return (
        f"SELECT {', '.join(INVITATION_COLUMNS)} FROM attendees "
        f"WHERE address IN ({marks}) ORDER BY position",
        tuple(addresses),
    )


def invitation_rows(rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """`invitations_query`'s rows as the readers take them."""
    return [dict(zip(INVITATION_COLUMNS, row, strict=True)) for row in rows]


class AttendeeIndexReader(Reader):
    """Invitations by address, and the attendees of an event."""

    def invitations_for_account(
        self, account: AccountView, internal_domain: str
    ) -> list[dict[str, Any]]:
        """Every event any of the account's addresses is an attendee of."""
        with self.reader.read() as db:
            return db.all(*invitations_query(addresses_of(account, internal_domain)))

    def meet_each_other(self, one: AccountView, other: AccountView, internal_domain: str) -> bool:
        """Whether either account has invited the other to an event (it is, or was, in a
        calendar of theirs with the other among its attendees); an account meets itself."""
        if one.account_id == other.account_id:
            return True
        one_addresses = addresses_of(one, internal_domain)
        other_addresses = addresses_of(other, internal_domain)
        one_marks = ", ".join("?" for _ in one_addresses)
        other_marks = ", ".join("?" for _ in other_addresses)
        with self.reader.read() as db:
            found = db.scalar(
                "SELECT 1 FROM attendees WHERE "
                f"(account_id = ? AND address IN ({other_marks})) OR "
                f"(account_id = ? AND address IN ({one_marks})) LIMIT 1",
                (str(one.account_id), *other_addresses, str(other.account_id), *one_addresses),
            )
        return found is not None

    def attendees_of(self, event_id: UUID) -> list[dict[str, Any]]:
        """The attendee index rows of one event."""
        with self.reader.read() as db:
            return db.all(
                "SELECT address, partstat, role, cn FROM attendees WHERE event_id = ? "
                "ORDER BY address",
                (str(event_id),),
            )

    def invitations_for(self, address: str) -> list[dict[str, Any]]:
        """Every event an address is an attendee of."""
        with self.reader.read() as db:
            return db.all(
                "SELECT event_id, calendar_id, account_id, uid, partstat FROM attendees "
                "WHERE address = ? ORDER BY position",
                (address.strip().lower(),),
            )
