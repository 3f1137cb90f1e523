"""Questions about who is invited to what, answered from the attendee index."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from televent.domain.busy_time_sharing import YES, HeldAttendee, may_read_busy_time
from televent.projections.directory_reader import AccountView, addresses_of
from televent.projections.view_reader import Reader

# the latest of a person's events naming the other read to decide on their busy time: the
# rule needs one, and this bounds the work of a question anyone may ask
MAX_MEETINGS_READ = 200
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
        """Whether `one` may read `other`'s busy time: `other` invited `one` to an event they
        organise, or said yes or maybe to an invitation of `one`'s (the domain's rule,
        domain/busy_time_sharing.py, on the events of `other`'s calendars that name either);
        an account meets itself."""
        if one.account_id == other.account_id:
            return True
        asker = addresses_of(one, internal_domain)
        owner = addresses_of(other, internal_domain)
        asker_marks = ", ".join("?" for _ in asker)
        owner_marks = ", ".join("?" for _ in owner)
        columns = "SELECT a.address, a.partstat, o.ical FROM attendees a JOIN calendar_objects o "
        with self.reader.read() as db:
            # the owner's events that name the asker (one they organise among them)
            rows = db.all(
                f"{columns} ON o.event_id = a.event_id WHERE a.account_id = ? "
                f"AND a.address IN ({asker_marks}) ORDER BY a.position DESC LIMIT ?",
                (str(other.account_id), *asker, MAX_MEETINGS_READ),
            )
            # the owner's yes or maybe to meetings the asker's calendars hold too (one the
            # asker organises among them), however many others the owner said yes to; and
            # the newest of all (the asker organised one from outside, by mail)
            yes = f"{columns} ON o.event_id = a.event_id WHERE a.account_id = ? " + (
                f"AND a.address IN ({owner_marks}) AND UPPER(a.partstat) IN (?, ?) "
            )
            rows += db.all(
                yes + "AND EXISTS (SELECT 1 FROM calendar_objects m JOIN calendars c "
                "ON c.calendar_id = m.calendar_id WHERE m.uid = a.uid AND c.account_id = ?) "
                "ORDER BY a.position DESC LIMIT ?",
                (str(other.account_id), *owner, *sorted(YES), str(one.account_id),
                 MAX_MEETINGS_READ),
            )  # fmt: skip
            rows += db.all(
                yes + "ORDER BY a.position DESC LIMIT ?",
                (str(other.account_id), *owner, *sorted(YES), MAX_MEETINGS_READ),
            )
        held = [HeldAttendee(r["address"], r["partstat"] or "", r["ical"]) for r in rows]
        return may_read_busy_time(set(owner), set(asker), held)

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
