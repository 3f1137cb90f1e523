"""Prometheus metrics (text exposition format, prometheus-client).

Counters and histograms are kept per process; with several worker processes they are written
to files under PROMETHEUS_MULTIPROC_DIR (prometheus-client's multi-process mode, set by
`televent serve --workers`) and summed when scraped. The database-side figures (projection
positions and lag, queue backlogs, the event log's size) are read when scraped, once, by the
process that answers the scrape: they are the same for every process.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable, Iterator
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

from televent.ops.readiness import Snapshot

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
LOG = logging.getLogger("televent.delivery")
REGISTRY = CollectorRegistry(auto_describe=True)

REQUESTS = Counter(
    "televent_http_requests",
    "HTTP requests answered, by surface, method and status.",
    ["surface", "method", "status"],
    registry=REGISTRY,
)
LATENCY = Histogram(
    "televent_http_request_duration_seconds",
    "Time from a request's start to the end of its answer.",
    ["surface", "method"],
    registry=REGISTRY,
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
COMMANDS = Counter(
    "televent_commands",
    "Commands on the application, by command and outcome (ok, refused, error).",
    ["command", "outcome"],
    registry=REGISTRY,
)
DELIVERIES = Counter(
    "televent_deliveries",
    "Delivery attempts settled, by channel and outcome (sent, retried, given_up).",
    ["channel", "outcome"],
    registry=REGISTRY,
)
RATE_LIMITED = Counter(
    "televent_rate_limited",
    "Requests refused with 429 by a rate limit, by surface and bucket (address, account).",
    ["surface", "bucket"],
    registry=REGISTRY,
)
FAILED_LOGINS = Counter(
    "televent_failed_logins",
    "Requests whose credentials were refused (401), by surface.",
    ["surface"],
    registry=REGISTRY,
)
RATE_LIMIT_SHARED = Gauge(
    "televent_rate_limit_shared",
    "With TELEVENT_REDIS_URL: 1 while a limit (requests, failed_logins) is kept in Redis, "
    "shared by every process; 0 while Redis cannot be used and each process keeps it in its "
    "own memory.",
    ["limit"],
    registry=REGISTRY,
    multiprocess_mode="liveall",
)
RATE_LIMIT_LOCAL = Counter(
    "televent_rate_limit_local_decisions",
    "Decisions of a limit (requests, failed_logins) made in this process's memory because "
    "Redis could not be used.",
    ["limit"],
    registry=REGISTRY,
)
LEADER = Gauge(
    "televent_leader",
    "1 in the process that holds the leader lease (runs the once-only jobs), else 0.",
    registry=REGISTRY,
    multiprocess_mode="liveall",
)


def multiprocess_mode() -> bool:
    """Whether this process writes its metrics to files shared with its sibling workers."""
    return bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))


class SnapshotCollector(Collector):
    """The database-side gauges, read when scraped."""

    def __init__(self, snapshot: Callable[[], Snapshot]) -> None:
        self.snapshot = snapshot

    def collect(self) -> Iterator[Metric]:
        try:
            data = self.snapshot()
        except Exception as exc:  # a scrape still answers the process's own metrics
            logging.getLogger(__name__).warning("Metrics: the database cannot be read: %s", exc)
            up = GaugeMetricFamily("televent_database_up", "Whether the database answered.")
            up.add_metric([], 0)
            yield up
            return
        up = GaugeMetricFamily("televent_database_up", "Whether the database answered.")
        up.add_metric([], 1)
        yield up
        head = GaugeMetricFamily("televent_event_log_head", "Position of the newest event.")
        head.add_metric([], data.head)
        yield head
        events = GaugeMetricFamily("televent_event_log_events", "Events in the log.")
        events.add_metric([], data.events)
        yield events
        if data.event_store_bytes is not None:
            size = GaugeMetricFamily(
                "televent_event_store_bytes", "The event table's size on disk (PostgreSQL)."
            )
            size.add_metric([], data.event_store_bytes)
            yield size
        position = GaugeMetricFamily(
            "televent_projection_position", "Log position each read model has reached.",
            labels=["projection"],
        )  # fmt: skip
        lag = GaugeMetricFamily(
            "televent_projection_lag_events", "Events each read model is behind the log.",
            labels=["projection"],
        )  # fmt: skip
        for name, (at, behind) in sorted(data.projections.items()):
            position.add_metric([name], at)
            lag.add_metric([name], behind)
        yield position
        yield lag
        depth = GaugeMetricFamily(
            "televent_queue_depth", "Messages waiting (due or later), by channel.",
            labels=["channel"],
        )  # fmt: skip
        due = GaugeMetricFamily(
            "televent_queue_due", "Messages due now and not sent yet, by channel.",
            labels=["channel"],
        )  # fmt: skip
        oldest = GaugeMetricFamily(
            "televent_queue_oldest_due_seconds",
            "How long the oldest due message has waited, by channel (0 when none).",
            labels=["channel"],
        )
        for channel, state in sorted(data.queues.items()):
            depth.add_metric([channel], state.depth)
            due.add_metric([channel], state.due)
            oldest.add_metric([channel], state.oldest_due_seconds)
        yield depth
        yield due
        yield oldest


def exposition(snapshot: Callable[[], Snapshot] | None) -> bytes:
    """The text a scrape gets: this process's (or every worker's) metrics and the database's."""
    registry = CollectorRegistry(auto_describe=False)
    if multiprocess_mode():
        MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    else:
        registry.register(REGISTRY)
    if snapshot is not None:
        registry.register(SnapshotCollector(snapshot))
    return generate_latest(registry)


def mark_process_dead(pid: int) -> None:
    """Forget a worker's live gauges when it exits (multi-process mode)."""
    if multiprocess_mode():
        from prometheus_client import multiprocess  # noqa: PLC0415

        multiprocess.mark_process_dead(pid)  # type: ignore[no-untyped-call]


def command_names(app: Any) -> list[str]:
    """The application's commands: the public methods of its `*Commands` classes (what the
    metrics count and the tracing wraps)."""
    return sorted(
        {
            name
            for cls in type(app).__mro__
            if cls.__name__.endswith("Commands")
            for name, value in vars(cls).items()
            if callable(value) and not name.startswith("_")
        }
    )


def instrument_commands(app: Any) -> None:
    """Count every command of the application (methods of its `*Commands` classes) by
    outcome: ok, refused (a TeleventError: the user's request was wrong) or error."""
    from televent.domain.errors import TeleventError  # noqa: PLC0415 - adapters may import it

    for name in command_names(app):
        method = getattr(app, name)

        def counted(*args: Any, __method: Any = method, __name: str = name, **kwargs: Any) -> Any:
            try:
                result = __method(*args, **kwargs)
            except TeleventError:
                COMMANDS.labels(__name, "refused").inc()
                raise
            except Exception:
                COMMANDS.labels(__name, "error").inc()
                raise
            COMMANDS.labels(__name, "ok").inc()
            return result

        setattr(app, name, functools.wraps(method)(counted))


def instrument_queue(queue: Any, channel: str) -> None:
    """Count and log (one line each) what a delivery queue's sender settles: sent, retried,
    given up. The queue's own methods do the work; this only observes them."""

    def observe(outcome: str, method: Callable[..., None]) -> Callable[..., None]:
        @functools.wraps(method)
        def settled(delivery_id: str, *args: Any, **kwargs: Any) -> None:
            method(delivery_id, *args, **kwargs)
            DELIVERIES.labels(channel, outcome).inc()
            error = kwargs.get("error") or next((a for a in args if isinstance(a, str)), None)
            LOG.info(
                "delivery",
                extra={
                    "fields": {
                        "channel": channel,
                        "delivery_id": delivery_id,
                        "outcome": outcome,
                        **({"error": error[:200]} if outcome != "sent" and error else {}),
                    }
                },
            )

        return settled

    queue.sent = observe("sent", queue.sent)
    queue.retry = observe("retried", queue.retry)
    queue.give_up = observe("given_up", queue.give_up)


def instrument_notifications(push_queue: Any, webhook_queue: Any) -> None:
    """Count what the push and webhook senders settle (docs/adr/0027, 0029): a push sent,
    retried, given up or gone with its registration (404/410); a webhook message delivered,
    retried or given up. The queues do the work; this only observes their answers."""
    sent, failed, gone = push_queue.sent, push_queue.failed, push_queue.gone

    @functools.wraps(sent)
    def push_sent(job: Any) -> None:
        sent(job)
        DELIVERIES.labels("push", "sent").inc()

    @functools.wraps(failed)
    def push_failed(job: Any, error: str) -> bool:
        given_up = bool(failed(job, error))
        DELIVERIES.labels("push", "given_up" if given_up else "retried").inc()
        return given_up

    @functools.wraps(gone)
    def push_gone(registration_id: str) -> None:
        gone(registration_id)
        DELIVERIES.labels("push", "gone").inc()

    push_queue.sent, push_queue.failed, push_queue.gone = push_sent, push_failed, push_gone
    settle = webhook_queue.settle

    @functools.wraps(settle)
    def settled(message: Any, body: str, outcome: Any) -> bool:
        given_up = bool(settle(message, body, outcome))
        result = "sent" if outcome.delivered else ("given_up" if given_up else "retried")
        DELIVERIES.labels("webhooks", result).inc()
        return given_up

    webhook_queue.settle = settled
