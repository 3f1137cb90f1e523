"""Sends the delivery queue to Telegram: retries with backoff, 429 retry_after, 403 given up.

Messages are rendered when sent, in the recipient's current time zone; an invitation card shows
the recipient's current answer and the answer buttons.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable
from uuid import UUID

from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramUnauthorizedError,
)
from aiogram.types import InlineKeyboardMarkup

from televent.adapters.port import AppPort
from televent.application.reminders import ReminderScheduler
from televent.delivery.telegram_queue import MAX_ATTEMPTS, Delivery, DeliveryQueue, backoff
from televent.infrastructure.database import is_lock_contention
from televent.projections.queries import Queries

from . import keyboards, texts

LOG = logging.getLogger(__name__)
CARD_KINDS = ("invitation", "invitation_update")
REMINDER_INTERVAL = dt.timedelta(seconds=30)


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
    ) -> None:
        self.bot = bot
        self.queue = queue
        self.queries = queries
        self.port = port
        self.reminders = reminders
        self.clock = clock or queue.clock
        self.poll_seconds = poll_seconds
        self._last_reminder_scan: dt.datetime | None = None

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
            text, markup = await self.port.run(self._render, delivery)
            message = await self.bot.send_message(delivery.chat_id, text, reply_markup=markup)
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
            await self.port.run(self.queue.sent, delivery.delivery_id, message.message_id)

    def _render(self, delivery: Delivery) -> tuple[str, InlineKeyboardMarkup | None]:
        account = self.queries.account_by_telegram_id(delivery.chat_id)
        tz = texts.zone(account.timezone if account is not None else "UTC")
        payload = delivery.payload
        if delivery.kind in CARD_KINDS and delivery.event_id is not None:
            address = payload.get("address")
            answer = None if not address else self.queue.answer_of(delivery.event_id, address)
            event_id = UUID(delivery.event_id)
            return (
                texts.card(delivery.kind, payload, tz, answer),
                keyboards.rsvp(event_id, answer),
            )
        if delivery.kind == "counter":
            return texts.notice(delivery.kind, payload, tz), keyboards.counter(
                str(payload.get("counter_id", ""))
            )
        return texts.notice(delivery.kind, payload, tz), None
