"""Erasure and export bookkeeping (GDPR Art. 15, 17, 20): scheduling an erasure after a grace
period, recording exports and erasures in the log, and withdrawing the copies other users
hold of an erased organizer's events. The key itself is deleted by ops/gdpr.py.
"""

from __future__ import annotations

import datetime as dt
from uuid import UUID

from televent.application.core import CommandCore
from televent.domain.calendar_event import CalendarEvent
from televent.projections.queries import Reading

ERASURE_GRACE_DAYS = 30  # the user may change their mind until then


class ErasureCommands(CommandCore):
    """Commands on a person's erasure and exports."""

    def withdraw_copies(self, account_id: UUID, *, actor: str, source: str) -> int:
        """Delete the copies other Televent users hold of the events this account organises
        (before its erasure: the copies repeat what it wrote). Returns how many went."""
        owner = self.queries.account_by_id(account_id)
        if owner is None:
            return 0
        own = self.scheduler.addresses_of(owner)
        withdrawn = 0
        for calendar in self.queries.calendars_of(account_id):
            for obj in self.queries.objects_in(calendar.calendar_id, reading=Reading.WITHOUT_BODY):
                for holder, copy_id in self.queries.holders_of_uid(obj.uid):
                    if holder == account_id:
                        continue
                    copy: CalendarEvent = self.repository.get(copy_id)
                    if copy.facts.get("organizer") in own:
                        copy.delete(actor=actor, source=source)
                        self.save_all(copy)
                        withdrawn += 1
        return withdrawn

    def request_erasure(self, telegram_id: int, *, actor: str, source: str) -> str:
        """Schedule the erasure of the account's personal data after the grace period;
        returns the date (ISO). Asking again keeps the first date."""
        account = self._account(telegram_id)
        due = (self.clock() + dt.timedelta(days=ERASURE_GRACE_DAYS)).date().isoformat()
        scheduled = account.request_erasure(due=due, actor=actor, source=source)
        self.save_all(account)
        return scheduled

    def record_export(self, telegram_id: int, *, reason: str, actor: str, source: str) -> None:
        """Record in the log that the person's data was exported (who, when, why)."""
        account = self._account(telegram_id)
        account.record_export(reason=reason, actor=actor, source=source)
        self.save_all(account)

    def record_erasure(self, telegram_id: int, *, reason: str, actor: str, source: str) -> None:
        """Record in the log that the person's data is erased (who, when, why); the caller
        then deletes their key (see gdpr.py)."""
        account = self._account(telegram_id)
        account.erase(reason=reason, actor=actor, source=source)
        self.save_all(account)

    def cancel_erasure(self, telegram_id: int, *, actor: str, source: str) -> None:
        """Withdraw a scheduled erasure."""
        account = self._account(telegram_id)
        account.cancel_erasure(actor=actor, source=source)
        self.save_all(account)
