"""What `televent serve` adds for running in production: the operations middleware around the
HTTP application, the leader lease around the once-only jobs, and `--workers N`.

`--workers N` binds the listening socket once, prepares the database once (migrations, read
models caught up), then starts N `televent serve` worker processes that share the socket (the
kernel spreads connections between them) and a metrics directory (prometheus-client's
multi-process mode). SIGTERM or Ctrl-C is passed on to every worker, which finishes the
requests in flight before it exits; a worker that dies is started again.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager
from typing import Any

from litestar import Litestar

from televent.adapters.metrics import (
    instrument_commands,
    instrument_notifications,
    instrument_queue,
    mark_process_dead,
)
from televent.adapters.operations_middleware import LimitOptions, OperationsMiddleware
from televent.adapters.port import AppPort
from televent.adapters.ratelimit import open_store
from televent.application.televent import Televent
from televent.bootstrap import Services, build_application
from televent.config import ConfigurationError, Settings
from televent.infrastructure.database import DatabaseUrl, Dialect
from televent.infrastructure.leader import Lease, lead, lease_for
from televent.ops.readiness import check_readiness, take_snapshot

LISTEN_FD_VARIABLE = "TELEVENT_LISTEN_FD"  # a worker's inherited listening socket
WORKER_VARIABLE = "TELEVENT_WORKER"  # set in workers: the banner is printed once, by the parent
RESTART_PAUSE_SECONDS = 1.0
Lifespan = Callable[[Litestar], AbstractAsyncContextManager[None]]


def instrument(app: Televent, services: Services) -> None:
    """Count commands and settled deliveries (metrics and one log line per delivery)."""
    instrument_commands(app)
    instrument_queue(services.telegram_queue, "telegram")
    instrument_queue(services.mail_queue, "mail")
    instrument_notifications(services.push_queue, services.webhook_queue)


def operations_middleware(
    http_app: Any,
    app: Televent,
    url: DatabaseUrl,
    *,
    redis_url: str | None,
    limits: LimitOptions,
    metrics_token: str | None,
) -> OperationsMiddleware:
    """The HTTP application behind rate limits, metrics, request logs, /ready and /metrics."""
    port = AppPort(2)
    return OperationsMiddleware(
        http_app,
        store=open_store(redis_url, namespace=url.describe()),
        limits=limits,
        run=port.run,
        readiness=lambda: check_readiness(app, url),
        snapshot=lambda: take_snapshot(app, app.clock),
        metrics_token=metrics_token,
    )


def under_lease(
    jobs: Sequence[Lifespan], url: DatabaseUrl, interval: float, lease: Lease | None = None
) -> Lifespan:
    """One lifespan that runs `jobs` (the once-only ones: bot polling and senders, the IMAP
    poll, reminders, maintenance) only while this process holds the leader lease."""
    from televent.adapters.metrics import LEADER  # noqa: PLC0415 - next to its only use

    held = lease or lease_for(url)
    port = AppPort(1)

    @contextlib.asynccontextmanager
    async def lifespan(litestar: Litestar) -> AsyncIterator[None]:
        import asyncio  # noqa: PLC0415

        bound = [_bind(job, litestar) for job in jobs]
        task = asyncio.create_task(
            lead(held, bound, run=port.run, interval=interval, on_change=LEADER.set)
        )
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    return lifespan


def _bind(job: Lifespan, litestar: Litestar) -> Callable[[], AbstractAsyncContextManager[None]]:
    return lambda: job(litestar)


def inherited_listener() -> socket.socket | None:
    """The listening socket a `--workers` parent handed down, if this is a worker."""
    raw = os.environ.get(LISTEN_FD_VARIABLE)
    if not raw:
        return None
    return socket.socket(fileno=int(raw))


def is_worker() -> bool:
    return bool(os.environ.get(WORKER_VARIABLE))


def run_workers(
    settings: Settings, listener: socket.socket, *, host: str, port: int, workers: int
) -> int:
    """Start `workers` serve processes on one listening socket and supervise them."""
    url = settings.database
    if url.dialect is not Dialect.POSTGRES:
        listener.close()
        raise ConfigurationError(
            "serve --workers needs PostgreSQL: SQLite allows one writer at a time on one "
            "machine, so several processes would only wait for each other (and the embedded "
            "database is meant for one process). Set TELEVENT_DATABASE_URL to a postgresql:// "
            "URL, or run without --workers."
        )
    build_application(settings).close()  # migrations and catch-up once, before the workers
    metrics_dir = tempfile.mkdtemp(prefix="televent-metrics-")
    env = {
        **os.environ,
        "PROMETHEUS_MULTIPROC_DIR": metrics_dir,
        LISTEN_FD_VARIABLE: str(listener.fileno()),
        WORKER_VARIABLE: "1",
    }
    command = [sys.executable, "-m", "televent", "serve", "--host", host, "--port", str(port)]

    def start() -> subprocess.Popen[bytes]:
        return subprocess.Popen(command, env=env, pass_fds=(listener.fileno(),))  # noqa: S603 - our own command

    children = [start() for _ in range(workers)]
    print(f"Televent: {workers} workers on http://{host}:{port}/ ({url.describe()})")
    stopping = {"signal": 0}

    def stop(signum: int, _frame: object) -> None:
        stopping["signal"] = signum
        for child in children:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)

    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        while not stopping["signal"]:
            for index, child in enumerate(children):
                if child.poll() is not None and not stopping["signal"]:
                    mark_process_dead(child.pid)
                    print(f"Worker {child.pid} exited ({child.returncode}); starting another")
                    time.sleep(RESTART_PAUSE_SECONDS)
                    children[index] = start()
            time.sleep(0.2)
        deadline = time.monotonic() + settings.shutdown_grace_seconds + 5
        for child in children:
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        listener.close()
        shutil.rmtree(metrics_dir, ignore_errors=True)
    return 0
