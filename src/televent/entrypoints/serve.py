"""`televent serve`: the main job, started from the composition root."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import gc
import logging
import os
import shutil
import signal
import socket
import sys
from collections.abc import AsyncIterator, Callable, Coroutine
from pathlib import Path
from typing import TYPE_CHECKING, Any

import uvicorn
from litestar import Litestar

from televent import __version__
from televent.adapters.api.change_watcher import ChangeWatcher
from televent.adapters.api.webhook_sender import WebhookSender
from televent.adapters.connections.google_client import google_endpoints
from televent.adapters.connections.google_oauth import GoogleOAuth, erasure_forgetter
from televent.adapters.connections.syncer import ConnectionSyncer
from televent.adapters.error_reporting import start_error_reporting
from televent.adapters.http import create_http_app
from televent.adapters.logging_setup import configure_logging
from televent.adapters.mail.imap import ImapSettings, poll_once
from televent.adapters.mail.ingest import email_receiver
from televent.adapters.mail.sender import MailSender
from televent.adapters.mail.smtp import SmtpSettings
from televent.adapters.metrics import mark_process_dead
from televent.adapters.operations_middleware import LimitOptions
from televent.adapters.outbound.connections import connection_outbound
from televent.adapters.outbound.feeds import feed_outbound
from televent.adapters.outbound.push import notification_outbound
from televent.adapters.port import SQLITE_WRITERS, WRITERS, AppPort
from televent.adapters.push.sender import PushSender
from televent.adapters.ratelimit import Policy
from televent.adapters.slow_clients import deadline_protocol
from televent.adapters.subscriptions.refresher import FeedRefresher
from televent.adapters.tracing import Tracing, start_tracing
from televent.application.morning_agenda import MorningAgenda
from televent.application.televent import Televent
from televent.bootstrap import Services, build_application, build_services
from televent.config import Settings
from televent.domain.errors import TeleventError
from televent.domain.mail_identity import MailIdentity
from televent.entrypoints.operations import (
    inherited_listener,
    instrument,
    is_worker,
    operations_middleware,
    run_workers,
    under_lease,
)
from televent.infrastructure.database import Dialect, is_lock_contention
from televent.ops.backup import refuse_unfinished_restore
from televent.ops.erasure_journal import ErasureJournal
from televent.ops.gdpr import PersonalData
from televent.ops.maintenance import purge_tombstones

if TYPE_CHECKING:  # aiogram is imported only when the bot is on (it takes seconds to load)
    from televent.adapters.telegram.bot import TelegramBot

MAINTENANCE_INTERVAL_SECONDS = 3600
SCAN_INTERVAL_SECONDS = 30  # reminders and agendas without the bot (its sender scans as often)
BUSY_RETRY_SECONDS = 60
LOG = logging.getLogger(__name__)


def _application(settings: Settings, listener: socket.socket) -> Televent:
    """The application to serve: refused on a database whose restore did not finish (people
    erased after the backup would be served); the listener is closed when it fails."""
    try:
        app = build_application(settings)
        try:
            refuse_unfinished_restore(app)
        except BaseException:
            app.close()
            raise
    except BaseException:
        listener.close()
        raise
    return app


def _restore_finished(settings: Settings, listener: socket.socket) -> None:
    """Before any worker starts: on a database whose restore did not finish each would
    refuse, and be started again, for ever."""
    _application(settings, listener).close()


def run_server(settings: Settings, *, host: str, port: int, workers: int = 1) -> int:
    """Migrate, catch up the read models, and serve until interrupted (SIGTERM: the requests
    in flight are finished and the leader lease is released first). With `workers` above one,
    start that many serving processes on the one port instead (PostgreSQL only)."""
    configure_logging(settings.log_format, getattr(logging, settings.log_level.upper()))
    # a busy port fails here, before anything starts; a worker inherits its parent's socket
    listener = inherited_listener() or bind_listener(host, port)
    if workers > 1:
        _restore_finished(settings, listener)
        return run_workers(settings, listener, host=host, port=port, workers=workers)
    said = start_error_reporting(settings.sentry_dsn, __version__)  # before anything can fail
    if said:
        print(said)
    app = _application(settings, listener)
    services = build_services(app, settings)
    instrument(app, services)
    tracing = _tracing(app)
    print(f"Televent: event store and read models in {settings.database.describe()}")
    app_port = app_port_for(settings.database.dialect)
    telegram, messaging = _telegram(app, settings, app_port, services, host=host, port=port)
    webhook_sender = WebhookSender(
        app, services.webhook_queue, notification_outbound(settings, "webhooks")
    )
    push_sender = PushSender(
        services.push_queue,
        services.push_registrations,
        notification_outbound(settings, "WebDAV-Push"),
        vapid_subject(settings),
        epoch=app.queries.sync_epoch(),
    )
    lifespans = [
        _maintenance(app, settings, services),
        messaging,
        _remote_calendars(app, settings),
        _background(push_sender.run_forever),
        _background(webhook_sender.run_forever),
    ]
    public_base = (settings.public_url or f"http://{host}:{port}").rstrip("/")
    lifespans.extend(_mail(app, settings, services, public_base))
    if app.queries.account_count() == 0:
        program = _program_name()
        print(
            "No accounts yet. Create one and a CalDAV device password with:\n"
            f"  {program} account create --telegram-id 123456789 --name 'Your Name'\n"
            f"  {program} device add --telegram-id 123456789 --name laptop"
        )
    print(f"Listening on http://{host}:{port}/ (health: http://{host}:{port}/health)")
    base = (settings.public_url or f"http://{host}:{port}").rstrip("/")
    print(f"Mini App: {base}/app/  API docs: {base}/api/v1/docs")
    # Everything that must run once in a deployment runs in the leader lease's holder.
    once_only = [under_lease(lifespans, settings.database, settings.leader_interval_seconds)]
    watcher = ChangeWatcher(app.queries)  # this process's live streams (docs/adr/0028)
    http_app = create_http_app(
        app,
        app_port,
        settings,
        lifespan=once_only,
        schedule_inbox=services.schedule_inbox,
        record_device_use=services.record_device_use,
        projection_status=services.projection_status,
        web_login=services.web_login,
        telegram=telegram,
        inbox=services.itip_inbox,
        push=services.push_registrations,
        watcher=watcher,
        webhook_sender=webhook_sender,
    )
    guarded = operations_middleware(
        http_app,
        app,
        settings.database,
        redis_url=settings.redis_url,
        limits=LimitOptions(
            address=Policy(
                "address", settings.rate_address_per_minute, settings.rate_address_burst
            ),
            account=Policy(
                "account", settings.rate_account_per_minute, settings.rate_account_burst
            ),
            booking=Policy(
                "booking", settings.rate_booking_per_minute, settings.rate_booking_burst
            ),
            enabled=settings.rate_limits,
        ),
        metrics_token=settings.metrics_token,
    )
    config = uvicorn.Config(
        tracing.wrap(guarded) if tracing else guarded,  # outermost: every request is traced
        host=host,
        port=port,
        log_level="warning",
        lifespan="on",
        server_header=False,
        # Slow or stalled clients (slowloris) are cut off: adapters/slow_clients.py.
        http=deadline_protocol(settings.header_timeout_seconds, settings.body_timeout_seconds),
        timeout_keep_alive=settings.keep_alive_seconds,
        timeout_graceful_shutdown=settings.shutdown_grace_seconds,
    )
    # What is loaded by now lives as long as the process: leave it out of the collector's
    # full passes, which otherwise scan it again and again while a large answer is built
    # (they made one in five 1,000-member PROPFINDs take 2-3 times as long).
    gc.collect()
    gc.freeze()
    # uvicorn drains on SIGTERM and then raises the signal again with the handler it found:
    # make that handler end the process through the `finally` below (closing the database,
    # and a worker's metrics files), not kill it on the spot.
    signal.signal(signal.SIGTERM, _exit_after_shutdown)
    server = uvicorn.Server(config)
    watcher.stopping = lambda: server.should_exit  # open streams end, so shutdown is not held
    try:
        server.run(sockets=[listener])
    finally:
        listener.close()
        if tracing:
            tracing.shutdown()  # SIGTERM exported them already (see Tracing.wrap); Ctrl-C here
        app.close()
        if is_worker():
            mark_process_dead(os.getpid())
    return 0


def _exit_after_shutdown(signum: int, frame: object) -> None:
    raise SystemExit(0)


def _tracing(app: Televent) -> Tracing | None:
    """OpenTelemetry tracing when OTEL_EXPORTER_OTLP_ENDPOINT (or the traces endpoint) is set,
    said in one line (so is a missing `televent[tracing]`). Every worker sets up its own."""
    tracing = start_tracing(__version__)
    if isinstance(tracing, str):
        print(tracing)
        return None
    if tracing:
        tracing.trace_commands(app)
        print(f"Tracing: on (OTLP/HTTP to {tracing.endpoint})")
    return tracing


class ListenError(TeleventError):
    """The server cannot listen on the address it was given."""


def bind_listener(host: str, port: int) -> socket.socket:
    """The server's listening socket, bound now: an address in use (or not this machine's) is
    one line of error before anything is started or printed, not a failure inside uvicorn."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except (OSError, UnicodeError) as exc:
        raise ListenError(f"cannot listen on {host}:{port}: {exc}") from None
    listener = socket.socket(family, kind, proto)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(address)
    except OSError as exc:
        listener.close()
        hint = (
            " (is another server running? choose another with --port)"
            if exc.errno == errno.EADDRINUSE
            else ""
        )
        raise ListenError(f"cannot listen on {host}:{port}: {exc.strerror or exc}{hint}") from None
    listener.set_inheritable(True)
    return listener


def _program_name() -> str:
    """How the user can type this program again (`.venv/bin/televent` after `make run`)."""
    launched = Path(sys.argv[0])
    if launched.name != "televent" or shutil.which("televent") == str(launched.resolve()):
        return "televent"
    try:
        return str(launched.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(launched)


def _bot(
    telegram: TelegramBot,
) -> Callable[[Litestar], contextlib.AbstractAsyncContextManager[None]]:
    from televent.adapters.telegram.bot import running  # noqa: PLC0415 - see the imports

    @contextlib.asynccontextmanager
    async def lifespan(_: Litestar) -> AsyncIterator[None]:
        async with running(telegram):
            yield

    return lifespan


Lifespan = Callable[[Litestar], contextlib.AbstractAsyncContextManager[None]]


def _mail(app: Televent, settings: Settings, services: Services, public_url: str) -> list[Lifespan]:
    """The SMTP sender and the IMAP poller, each when configured (and said so); `public_url`
    begins the manage links of the mails to people who booked a time."""
    identity = MailIdentity.parse(settings.mail_from)
    inbox = services.itip_inbox
    lifespans: list[Lifespan] = []
    if settings.smtp_url:
        smtp = SmtpSettings.parse(settings.smtp_url)
        sender = MailSender(
            app,
            identity,
            smtp,
            AppPort(2),
            queue=services.mail_queue,
            failures=services.delivery_failures,
            public_url=public_url,
        )
        lifespans.append(_background(sender.run_forever))
        print(f"Email out: on (SMTP {smtp.host}:{smtp.port}, from {identity.address})")
    else:
        print("Email out: off (TELEVENT_SMTP_URL is not set; invitations wait in the queue).")
    if settings.inbound_secret:
        print("Email in: POST /inbound/email (secret from TELEVENT_INBOUND_SECRET)")
        print(
            "Email in: POST /inbound/sendgrid and /inbound/postmark "
            "(HTTP Basic, password TELEVENT_INBOUND_SECRET)"
        )
    if settings.mailgun_signing_key:
        print("Email in: POST /inbound/mailgun/mime (signed with TELEVENT_MAILGUN_SIGNING_KEY)")
    if settings.imap_url:
        imap = ImapSettings.parse(settings.imap_url)
        port = AppPort(1)

        async def poll() -> None:
            while True:
                try:
                    await port.run(poll_once, imap, email_receiver(inbox))
                except Exception as exc:  # keep polling; the server may come back
                    LOG.warning("IMAP poll failed: %s", exc)
                await asyncio.sleep(settings.imap_interval_seconds)

        lifespans.append(_background(poll))
        print(
            f"Email in: IMAP {imap.address}/{imap.mailbox} every {settings.imap_interval_seconds} s"
        )
    inbound = settings.inbound_secret or settings.mailgun_signing_key or settings.imap_url
    if inbound and not settings.trusted_authserv_ids:
        print(
            "Email in: senders are not checked (TELEVENT_TRUSTED_AUTHSERV_IDS is not set): an "
            "invitation with a forged From is believed; name your MTA's authserv-id there."
        )
    return lifespans


def _background(work: Callable[[], Coroutine[Any, Any, None]]) -> Lifespan:
    @contextlib.asynccontextmanager
    async def lifespan(_: Litestar) -> AsyncIterator[None]:
        task = asyncio.create_task(work())
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    return lifespan


def vapid_subject(settings: Settings) -> str:
    """Who the push services may contact about Televent's messages (RFC 8292 §2.1): the
    server's https:// address, else its mail address."""
    if (settings.public_url or "").lower().startswith("https://"):
        return (settings.public_url or "").rstrip("/")
    return f"mailto:{MailIdentity.parse(settings.mail_from).address}"


def _maintenance(app: Televent, settings: Settings, services: Services) -> Lifespan:
    async def loop() -> None:
        port = AppPort(1)
        while True:
            busy = False  # another process held the database: try again soon
            try:
                await port.run(purge_tombstones, app, settings.tombstone_retention_days)
            except Exception as exc:  # keep maintaining; the next round may succeed
                busy |= _failed("Purging expired tombstones", exc)
            try:  # /deleteaccount: erase once the grace period is over
                personal = PersonalData(
                    app,
                    ErasureJournal(settings.erasure_journal),
                    forget_google=erasure_forgetter(google_endpoints(settings)),
                )
                erased = await port.run(personal.erase_due, app.clock().date())
                for telegram_id in erased:
                    LOG.warning(
                        "Erased the data of Telegram id %s (asked for by the user)", telegram_id
                    )
            except Exception as exc:
                busy |= _failed("Carrying out scheduled erasures", exc)
            try:  # the messages that told attendees an erased person's meetings are off
                await port.run(PersonalData(app).release_farewells)
            except Exception as exc:
                busy |= _failed("Deleting delivered farewell messages", exc)
            try:  # endless series listed far enough ahead (docs/adr/0030)
                await port.run(app.move_occurrence_horizon, app.clock())
            except Exception as exc:
                busy |= _failed("Moving the occurrence horizon", exc)
            try:  # the keys of removed connections' passwords a crash left behind
                await port.run(app.forget_removed_secrets)
            except Exception as exc:
                busy |= _failed("Forgetting removed connections' passwords", exc)
            try:  # webhook messages settled a month ago (their copies of the changes)
                await port.run(services.webhook_queue.forget_settled)
            except Exception as exc:
                busy |= _failed("Forgetting settled webhook messages", exc)
            try:  # VAPID keys no push registration is signed with any more
                await port.run(services.push_registrations.forget_retired_keys)
            except Exception as exc:
                busy |= _failed("Forgetting retired push keys", exc)
            await asyncio.sleep(BUSY_RETRY_SECONDS if busy else MAINTENANCE_INTERVAL_SECONDS)

    return _background(loop)


def _remote_calendars(app: Televent, settings: Settings) -> Lifespan:
    """Fetch subscribed feeds (docs/adr/0025) and sync connected accounts' calendars (docs/adr/
    0026) when they are due, in the leader only; one failing round never ends the loop."""
    rounds = (
        ("Refreshing subscribed feeds", FeedRefresher(app, feed_outbound(settings)).run_once),
        (
            "Syncing connected calendars",
            ConnectionSyncer(
                app, connection_outbound(settings), google=google_endpoints(settings)
            ).run_once,
        ),
    )

    async def loop() -> None:
        while True:
            for what, run_once in rounds:
                try:
                    await run_once()
                except Exception as exc:  # the next round may succeed
                    _failed(what, exc)
            await asyncio.sleep(settings.feed_scan_seconds)

    return _background(loop)


def app_port_for(dialect: Dialect) -> AppPort:
    """The server's port: one write at a time on SQLite, a few on PostgreSQL (docs/adr/0037)."""
    return AppPort(max_writers=SQLITE_WRITERS if dialect is Dialect.SQLITE else WRITERS)


def _telegram(
    app: Televent,
    settings: Settings,
    app_port: AppPort,
    services: Services,
    *,
    host: str,
    port: int,
) -> tuple[TelegramBot | None, Lifespan]:
    """The bot (when TELEGRAM_BOT_TOKEN is set) and what runs it; without the bot, the scans
    that queue reminders and agendas (its sender runs them itself), so those people chose to
    get by mail are still sent."""
    if not settings.telegram_bot_token:
        print("Telegram bot: off (TELEGRAM_BOT_TOKEN is not set).")
        return None, _mail_only_scans(app, services)
    from televent.adapters.telegram.bot import build_bot  # noqa: PLC0415 - see the imports

    caldav_url = settings.public_url or f"http://{host}:{port}/"
    google = google_endpoints(settings)
    telegram = build_bot(
        app,
        settings,
        app_port,
        queue=services.telegram_queue,
        reminders=services.reminders,
        counters=services.counters,
        caldav_url=caldav_url,
        web_login=services.web_login,
        google=None if google is None else GoogleOAuth(google),
    )
    mode = "webhook" if settings.telegram_webhook_url else "long polling"
    print(f"Telegram bot: on ({mode}, Bot API at {settings.telegram_api_base})")
    return telegram, _bot(telegram)


def _mail_only_scans(app: Televent, services: Services) -> Lifespan:
    """Queue due reminders and morning agendas every half minute when no bot sends them (what
    goes to Telegram then waits in its queue; what goes by mail is sent)."""
    agenda = MorningAgenda(app, services.telegram_queue)

    async def loop() -> None:
        port = AppPort(1)
        while True:
            for what, scan in (
                ("Reminder scan", services.reminders.run_once),
                ("Morning agenda run", agenda.run_once),
            ):
                try:
                    await port.run(scan, app.clock())
                except Exception as exc:  # one failing scan never stops the other
                    _failed(what, exc)
            await asyncio.sleep(SCAN_INTERVAL_SECONDS)

    return _background(loop)


def _failed(what: str, exc: Exception) -> bool:
    """Log a failed maintenance step; True if only because another process held a lock (one
    line, retried soon), else the traceback is logged."""
    if is_lock_contention(exc):
        LOG.warning("%s: the database is busy (another process writes); retrying soon", what)
        return True
    LOG.exception("%s failed", what)
    return False
