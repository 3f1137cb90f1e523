"""Sends the delivery queue to Telegram: retries with backoff, 429 retry_after, 403 given up.

Messages are rendered when sent, in the recipient's current language, time zone and clock (a
person's: their account's `language` and `preferences.hour_cycle`; a group's: those of its
calendar's owner, see `group_service.card_reader`, English and UTC without one). An invitation
card shows the recipient's current answer and the answer buttons (and "Open", the event in the
Mini App, when it is served over HTTPS: see mini_app.py). A booking of one of the recipient's
links comes with "Open" too (booking_texts.py). An invitation to someone's calendar comes with
[Add to my calendars] [Decline] (sharing_texts.py), unless it was answered or withdrawn
meanwhile: then nothing is sent and the row is marked skipped. A card posted in some chat
through inline mode is edited in place, by its inline_message_id, to show its event as it is
when sent (inline_service.py); a card that shows that already is skipped.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from uuid import UUID

from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramUnauthorizedError,
)
from aiogram.types import InlineKeyboardMarkup, Message

from televent.adapters.i18n import speaking
from televent.adapters.port import AppPort
from televent.application.morning_agenda import AGENDA_KIND, MorningAgenda
from televent.application.reminders import ReminderScheduler
from televent.delivery.telegram_queue import (
    MAX_ATTEMPTS,
    SKIPPED,
    Delivery,
    DeliveryQueue,
    backoff,
)
from televent.domain.errors import NotFoundError
from televent.domain.languages import DEFAULT_LANGUAGE
from televent.infrastructure.database import is_lock_contention
from televent.projections.inline_card_edits import INLINE_CARD
from televent.projections.queries import Queries
from televent.projections.telegram_delivery import (
    BOOKING_CANCELLED,
    CALENDAR_INVITATION,
    SHARE_ACCEPTED,
    SHARE_DECLINED,
)

from . import booking_texts, keyboards, settings_view, sharing_service, sharing_texts, texts
from .group_service import card_reader
from .inline_service import CardEditor
from .mini_app import MiniApp, open_url

LOG = logging.getLogger(__name__)
CARD_KINDS = ("invitation", "invitation_update")
REMINDER_INTERVAL = dt.timedelta(seconds=30)


@dataclass(frozen=True)
class Reader:
    """Whom a message is written for: their language, clock ("12", "24" or None for their
    language's custom) and time zone."""

    language: str
    hour_cycle: str | None
    timezone: str


class DeliverySender:
    """Claims due deliveries and sends them through the Bot API."""

    def __init__(
        self,
        bot: Bot,
        queue: DeliveryQueue,
        queries: Queries,
        port: AppPort,
        reminders: ReminderScheduler | None = None,
        clock: Callable[[], dt.datetime] | None = None,
        poll_seconds: float = 0.5,
        *,
        mini_app: MiniApp | None = None,
        agenda: MorningAgenda | None = None,
    ) -> None:
        self.bot = bot
        self.queue = queue
        self.queries = queries
        self.port = port
        self.reminders = reminders
        self.clock = clock or queue.clock
        self.poll_seconds = poll_seconds
        self.mini_app = mini_app
        self._last_reminder_scan: dt.datetime | None = None
        self.agenda = agenda
        self._last_agenda_scan: dt.datetime | None = None
        self.inline_cards = CardEditor(queries, queue.views, self.clock)

    async def run_forever(self) -> None:
        """Send until cancelled; a failure of one round is logged and the next one tries."""
        while True:
            try:
                await self._scan_reminders()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # a failing scan never keeps the queue from being sent
                if not is_lock_contention(exc):
                    LOG.exception("Reminder scan failed")
            try:
                await self._scan_agenda()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # nor does a failing agenda run
                if not is_lock_contention(exc):
                    LOG.exception("Morning agenda run failed")
            try:
                sent = await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                if not is_lock_contention(exc):  # another process writing: the next round
                    LOG.exception("Delivery round failed")
                sent = 0
            if not sent:
                await asyncio.sleep(self.poll_seconds)

    async def _scan_reminders(self) -> None:
        now = self.clock()
        last = self._last_reminder_scan
        if self.reminders is None or (last is not None and now - last < REMINDER_INTERVAL):
            return
        self._last_reminder_scan = now
        await self.port.run(self.reminders.run_once, now)

    async def _scan_agenda(self) -> None:
        """Queue the morning agendas due now (application/morning_agenda.py); every process
        may run it, the queue's key keeps each person's agenda to one a day."""
        now = self.clock()
        last = self._last_agenda_scan
        if self.agenda is None or (last is not None and now - last < REMINDER_INTERVAL):
            return
        self._last_agenda_scan = now
        await self.port.run(self.agenda.run_once, now)

    async def run_once(self) -> int:
        """Send what is due now; returns how many rows were handled."""
        batch = await self.port.run(self.queue.claim)
        for delivery in batch:
            try:
                await self._send(delivery)
            except asyncio.CancelledError:
                raise
            except Exception:  # one row never stops the others; its lease lapses, it is retried
                LOG.exception("Delivery %s failed; sending the others", delivery.delivery_id)
        return len(batch)

    async def _send(self, delivery: Delivery) -> None:
        try:
            inline = delivery.kind == INLINE_CARD  # a card posted in a chat: edited in place
            rendered = (
                None
                if is_stale(delivery, self.clock())
                else await self.port.run(
                    self.inline_cards.render if inline else self._render, delivery
                )
            )
            if rendered is None:
                await self.port.run(
                    self.queue.give_up, delivery.delivery_id, "no longer to be sent", SKIPPED
                )
                return
            text, markup = rendered
            if inline:
                await self.inline_cards.edit(self.bot, self.port, delivery, text, markup)
                message_id = None
            else:
                message_id = (await self._post(delivery.chat_id, text, markup)).message_id
        except TelegramRetryAfter as exc:
            await self.port.run(
                self.queue.retry,
                delivery.delivery_id,
                dt.timedelta(seconds=exc.retry_after),
                f"429: retry after {exc.retry_after} s",
            )
        except (TelegramForbiddenError, TelegramUnauthorizedError) as exc:
            LOG.warning("Giving up delivery %s: %s", delivery.delivery_id, exc)
            await self.port.run(self.queue.give_up, delivery.delivery_id, f"403: {exc.message}")
        except (TelegramBadRequest, TelegramNotFound) as exc:
            LOG.warning("Giving up delivery %s: %s", delivery.delivery_id, exc)
            await self.port.run(self.queue.give_up, delivery.delivery_id, f"400: {exc.message}")
        except Exception as exc:  # network, Telegram 5xx, a row it cannot render: try again later
            LOG.warning("Delivery %s failed (attempt %d): %r", delivery.delivery_id,
                        delivery.attempts + 1, exc)  # fmt: skip
            error = f"{type(exc).__name__}: {exc}"
            if delivery.attempts + 1 >= MAX_ATTEMPTS:
                await self.port.run(self.queue.give_up, delivery.delivery_id, error)
            else:
                await self.port.run(
                    self.queue.retry, delivery.delivery_id, backoff(delivery.attempts + 1), error
                )
        else:
            await self.port.run(self.queue.sent, delivery.delivery_id, message_id)

    async def _post(self, chat_id: int, text: str, markup: InlineKeyboardMarkup | None) -> Message:
        """Send one message. Should Telegram refuse a card because of its "Open" button (a
        public URL it will not open as a Mini App), the card goes again without it: a card is
        never lost for a button."""
        try:
            return await self.bot.send_message(chat_id, text, reply_markup=markup)
        except TelegramBadRequest as exc:
            plain = keyboards.without_open(markup)
            if plain is None:
                raise
            LOG.warning("Telegram refused a card with an Open button (%s); sent without", exc)
            return await self.bot.send_message(chat_id, text, reply_markup=plain)

    def _render(self, delivery: Delivery) -> tuple[str, InlineKeyboardMarkup | None] | None:
        """The message's text and buttons (None: nothing to send any more), in the
        recipient's language."""
        reader = self._reader(delivery.chat_id)
        with speaking(reader.language):
            if delivery.kind in (CALENDAR_INVITATION, SHARE_ACCEPTED, SHARE_DECLINED):
                return self._render_sharing(delivery)
            return self._render_for(delivery, texts.zone(reader.timezone), reader.hour_cycle)

    def _reader(self, chat_id: int) -> Reader:
        """Whose language, clock and zone a message to `chat_id` is written in."""
        account = self.queries.account_by_telegram_id(chat_id)
        if account is not None:
            return Reader(account.language, account.preferences.hour_cycle, account.timezone)
        if chat_id < 0:
            # A group's reminder (docs/adr/0018): a group has no one reader, so it reads the
            # language, clock and zone of its calendar's owner (English and UTC without one),
            # the same as its cards posted there.
            group = card_reader(self.queries, chat_id)
            return Reader(group.language, group.hour_cycle, group.timezone)
        return Reader(DEFAULT_LANGUAGE, None, "UTC")

    def _render_for(
        self, delivery: Delivery, tz: zoneinfo.ZoneInfo, cycle: str | None
    ) -> tuple[str, InlineKeyboardMarkup | None] | None:
        payload = delivery.payload
        if delivery.kind in CARD_KINDS and delivery.event_id is not None:
            address = payload.get("address")
            answer = None if not address else self.queue.answer_of(delivery.event_id, address)
            event_id = UUID(delivery.event_id)
            return (
                texts.card(delivery.kind, payload, tz, answer, cycle),
                keyboards.rsvp(event_id, answer, open_url=open_url(self.mini_app, event_id)),
            )
        if delivery.kind == AGENDA_KIND:
            return (
                settings_view.agenda_message(payload, tz, cycle),
                settings_view.agenda_answers(payload),
            )
        if delivery.kind == "counter":
            return texts.notice(delivery.kind, payload, tz, cycle), keyboards.counter(
                str(payload.get("counter_id", ""))
            )
        if delivery.kind in booking_texts.BOOKING_KINDS:
            notice = booking_texts.booking_notice(delivery.kind, payload, tz, cycle)
            return notice, self._open_only(delivery)
        return texts.notice(delivery.kind, payload, tz, cycle), None

    def _render_sharing(self, delivery: Delivery) -> tuple[str, InlineKeyboardMarkup | None] | None:
        """An invitation to someone's calendar (only while it is still open), or the owner's
        notice of the answer; names are read now, so a renamed calendar shows its new name."""
        payload = delivery.payload
        try:
            calendar_id = UUID(str(payload.get("calendar_id")))
            member = UUID(str(payload.get("member")))
        except ValueError:
            return None
        if delivery.kind == CALENDAR_INVITATION:
            try:
                shared = sharing_service.open_invitation(self.queries, calendar_id, member)
            except NotFoundError:
                return None  # answered, withdrawn, or the calendar is gone
            return sharing_texts.invitation_card(shared), keyboards.calendar_invitation(calendar_id)
        calendar = self.queries.calendar(calendar_id)
        if calendar is None:
            return None
        person = self.queries.account_by_id(member)
        text = sharing_texts.owner_notice(
            delivery.kind == SHARE_ACCEPTED,
            person.name if person is not None else sharing_texts.someone(),
            calendar.display_name or calendar.slug,
        )
        return text, None

    def _open_only(self, delivery: Delivery) -> InlineKeyboardMarkup | None:
        """An "Open" button to a booking's event (not for a cancelled booking: it is gone)."""
        if delivery.kind == BOOKING_CANCELLED or not delivery.event_id:
            return None
        try:
            event_id = UUID(delivery.event_id)
        except ValueError:
            return None
        return keyboards.open_only(open_url(self.mini_app, event_id))


def is_stale(delivery: Delivery, now: dt.datetime) -> bool:
    """A reminder of an event that has begun, or a morning agenda of a day that has passed (in
    the person's zone), helps nobody: after the bot was off or unreachable, they are dropped."""
    payload = delivery.payload
    try:
        if delivery.kind == "reminder":
            start = dt.datetime.fromisoformat(str(payload["start"]))
            return start.tzinfo is not None and start < now
        if delivery.kind == AGENDA_KIND:
            day = dt.date.fromisoformat(str(payload["date"]))
            return now.astimezone(texts.zone(str(payload.get("timezone") or "UTC"))).date() > day
    except (KeyError, ValueError):
        return False  # an older row's shape: sent as before
    return False
