"""The job that fetches subscribed feeds when they are due and refreshes their calendars
(docs/adr/0025). It runs in the leader only (entrypoints/serve.py), so a feed is fetched once
whatever the number of processes.

Each round takes the feeds due (never fetched ones first), fetches several at once through
the outbound guard (adapters/outbound: no private addresses unless the operator allows them,
at most 5 redirects, a size and a time limit), sends back the feed's ETag and Last-Modified so
an unchanged feed costs one 304, and hands a changed one to `Televent.refresh_feed`, which
stores only the difference. A failure (the guard's refusal, an HTTP error, a text that is not
iCalendar, anything else) is noted with its reason for the subscriber and backs the feed off;
it never stops another feed's refresh.
"""

from __future__ import annotations

import datetime as dt
import logging
from uuid import UUID

from televent.adapters.outbound import Outbound, OutboundError
from televent.adapters.outbound.rounds import each_on_its_own
from televent.adapters.port import AppPort
from televent.application.televent import Televent
from televent.domain.calendar_import import ImportRefusedError, decoded
from televent.domain.errors import NotFoundError
from televent.domain.feed_subscriptions import refresh_interval
from televent.domain.values import Actor
from televent.projections.base import stamp
from televent.projections.queries import SubscriptionView

LOG = logging.getLogger(__name__)
ROUND = 50  # feeds taken per round
AT_ONCE = 8  # fetched at the same time (each bounded by the guard's time limit)
ACCEPT = "text/calendar, text/plain;q=0.8, */*;q=0.5"


class FeedRefresher:
    """Fetches the feeds that are due and refreshes their calendars."""

    def __init__(self, app: Televent, outbound: Outbound, port: AppPort | None = None) -> None:
        self.app = app
        self.outbound = outbound
        self.port = port or AppPort(2)
        self.actor = Actor().encode()

    async def run_once(self) -> int:
        """Fetch every feed due now (up to a round's worth); returns how many were tried."""
        now = self.app.clock()
        due = await self.port.run(self.app.queries.subscriptions_due, stamp(now), ROUND)
        await each_on_its_own(
            due, self.refresh, at_once=AT_ONCE, log=LOG,
            what=lambda sub: f"Feed refresh of calendar {sub.calendar_id}",
        )  # fmt: skip
        return len(due)

    async def refresh(self, sub: SubscriptionView) -> str:
        """Fetch one feed and refresh its calendar; returns the outcome noted for it. Whatever
        fails is this feed's failure, noted and backed off (an error nobody expected, one of
        Televent's own, is logged once with its traceback): it is not taken again at every
        round, ahead of the others."""
        began = self.app.clock()  # a refresh asked for after this is kept (feed_fetched)
        try:
            return await self._refresh(sub, began)
        except Exception as exc:
            LOG.exception("Feed refresh of calendar %s failed unexpectedly", sub.calendar_id)
            said = f"internal: {type(exc).__name__} (Televent's own error, logged)"
            return await self._failed(sub.calendar_id, said, began)

    async def _refresh(self, sub: SubscriptionView, began: dt.datetime) -> str:
        calendar_id = sub.calendar_id
        try:
            answer = await self.outbound.fetch(
                sub.url,
                headers={"Accept": ACCEPT},
                if_none_match=sub.etag,
                if_modified_since=sub.last_modified,
            )
        except OutboundError as exc:
            return await self._failed(calendar_id, f"{exc.reason}: {exc}", began)
        if answer.status == 304:
            return await self._fetched(
                calendar_id, sub.interval, sub.etag, sub.last_modified, "unchanged", began=began
            )
        if answer.status >= 300:
            return await self._failed(
                calendar_id, f"http-{answer.status}: the server answered {answer.status}", began
            )
        text = decoded(answer.body)
        try:
            report = await self.port.run(self.app.refresh_feed, calendar_id, text, actor=self.actor)
        except NotFoundError:
            return "gone"  # unsubscribed meanwhile
        except ImportRefusedError as exc:
            too_many = exc.wording is not None and exc.wording[0] == "refusal-import-too-many"
            reason = "too-many-events" if too_many else "not-a-calendar"
            return await self._failed(calendar_id, f"{reason}: {exc}", began)
        return await self._fetched(
            calendar_id,
            refresh_interval(text),
            answer.etag,
            answer.last_modified,
            report.outcome,
            began=began,
        )

    async def _fetched(
        self,
        calendar_id: UUID,
        interval: dt.timedelta,
        etag: str | None,
        last_modified: str | None,
        outcome: str,
        *,
        began: dt.datetime,
    ) -> str:
        await self.port.run(
            self.app.feed_fetched,
            calendar_id,
            began=began,
            now=self.app.clock(),
            interval=interval,
            etag=etag,
            last_modified=last_modified,
            outcome=outcome,
        )
        return outcome

    async def _failed(self, calendar_id: UUID, error: str, began: dt.datetime) -> str:
        failures = await self.port.run(
            self.app.feed_failed, calendar_id, now=self.app.clock(), error=error, began=began
        )
        LOG.warning("Feed of calendar %s failed (%d in a row): %s", calendar_id, failures, error)
        return error
