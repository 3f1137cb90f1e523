"""The composition root: builds the application, its read side and its services from settings.

Each part gets only what it uses: the key store seals events (mapper) and names the erased; the
projection engine is attached to the recorder (read models updated in the writing transaction);
the reader and the queries are shared by the application and the services the adapters use.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from televent.adapters.i18n import unisolated
from televent.application.core import Clock, utc_now
from televent.application.counters import Counters
from televent.application.delivery_failures import DeliveryFailures
from televent.application.itip_inbox import ItipInbox
from televent.application.push_registrations import PushRegistrations
from televent.application.reminders import ReminderScheduler
from televent.application.televent import Televent
from televent.application.web_login import WebLogin
from televent.config import Settings
from televent.delivery.mail_queue import MailQueue
from televent.delivery.push_queue import PushQueue
from televent.delivery.telegram_queue import DeliveryQueue
from televent.delivery.webhook_queue import WebhookQueue
from televent.domain.mail_identity import MailIdentity
from televent.infrastructure.database import DatabaseUrl, Dialect
from televent.infrastructure.event_store import open_event_store
from televent.infrastructure.schema import apply_migrations
from televent.infrastructure.subject_keys import SubjectKeys
from televent.ops.maintenance import projection_status, record_device_use
from televent.projections.engine import ProjectionEngine
from televent.projections.queries import ProjectionStatus, Queries, ViewReader
from televent.projections.schedule_inbox_reader import ScheduleInbox


def event_store_environment(url: DatabaseUrl, *, create_table: bool = True) -> dict[str, str]:
    """The eventsourcing library's settings for the chosen backend (`create_table`: whether
    the library creates its tables and types when they are missing, which costs a few round
    trips at each start)."""
    create = "true" if create_table else "false"
    if url.dialect is Dialect.SQLITE:
        return {
            "PERSISTENCE_MODULE": "eventsourcing.sqlite",
            "SQLITE_DBNAME": str(Path(url.path).expanduser().resolve()),
            "SQLITE_LOCK_TIMEOUT": "30",
            "CREATE_TABLE": create,
        }
    return {
        "PERSISTENCE_MODULE": "eventsourcing.postgres",
        "POSTGRES_DBNAME": url.dbname,
        "POSTGRES_HOST": url.host,
        "POSTGRES_PORT": str(url.port),
        "POSTGRES_USER": url.user,
        "POSTGRES_PASSWORD": url.password,
        "POSTGRES_LOCK_TIMEOUT": "30",
        "POSTGRES_POOL_SIZE": "8",
        "POSTGRES_MAX_OVERFLOW": "8",
        "CREATE_TABLE": create,
    }


def build_application(
    settings: Settings, *, clock: Clock = utc_now, migrate: bool = True, started: bool = False
) -> Televent:
    """Create the schema if needed, then the application (its read models caught up).
    `migrate=False`: the read models' schema is up to date; `started`: an application has
    started on this database before, so the event store's tables exist too."""
    url = settings.database
    url.ensure_directory()
    if migrate:
        apply_migrations(url)
    app = assemble(
        event_store_environment(url, create_table=not started),
        dialect=url.dialect,
        clock=clock,
        internal_domain=settings.internal_domain,
        mail_identity=MailIdentity.parse(settings.mail_from),
    )
    try:
        catch_up(app)
    except BaseException:
        app.close()  # its connections are not left open by a start that failed
        raise
    return app


def assemble(
    env: Mapping[str, str],
    *,
    dialect: Dialect,
    clock: Clock = utc_now,
    internal_domain: str = "televent.internal",
    sealed: bool = True,
    mail_identity: MailIdentity | None = None,
) -> Televent:
    """The application on an existing schema: the key store, the event store (events sealed
    per person unless not `sealed`), the projection engine attached to its recorder, and the
    read models' reader and queries, each handed to what uses it."""
    keys = SubjectKeys.for_environment(env, dialect, clock)
    try:
        store = open_event_store(Televent.name, env, dialect, keys, sealed=sealed)
    except BaseException:
        keys.close()  # the key store's kept connections, when the event store cannot open
        raise
    try:
        engine = ProjectionEngine(dialect, store.mapper, clock, store.events_table, internal_domain)
        store.attach(engine)
        views = ViewReader(store.datastore, dialect)
        queries = Queries(views, store.events_table)
        return Televent(
            store,
            keys,
            engine,
            views,
            queries,
            clock=clock,
            internal_domain=internal_domain,
            mail_identity=mail_identity,
            phrasebook=unisolated,  # words that go into calendar data
        )
    except BaseException:
        store.factory.close()
        keys.close()
        raise


def catch_up(app: Televent) -> int:
    """Bring every read model up to the head of the log (after a crash or an upgrade)."""
    engine = app.engine
    with app.views.write() as db:
        engine.lock_writers(db)
        head = engine.head(db)
        positions = engine.positions(db)  # one round trip, not one for each read model
        for projection in engine.projections:
            position = positions.get(projection.name)
            if position is None:
                position = engine.position(db, projection.name)  # not set up: says so
            if position < 0:
                # Added to an existing log: it starts now (a delivery queue must not replay
                # the past); see migrations 0006.
                engine.set_position(db, projection.name, head)
                continue
            if position < head:
                engine.catch_up(db, [projection], position, head)
        return head


@dataclass(frozen=True)
class Services:
    """What the adapters use besides the application's commands and queries."""

    telegram_queue: DeliveryQueue  # cards and reminders for the Telegram sender
    mail_queue: MailQueue  # iMIP messages for the SMTP sender
    delivery_failures: DeliveryFailures  # emails refused or bounced, on those two queues
    counters: Counters  # proposals of another time (iTIP COUNTER), on those two queues
    schedule_inbox: ScheduleInbox  # the CalDAV scheduling inbox (RFC 6638 §2.2)
    itip_inbox: ItipInbox  # inbound iMIP email (RFC 6047)
    reminders: ReminderScheduler
    record_device_use: Callable[[str], None]  # a device password was used (device_usage)
    projection_status: Callable[[], list[ProjectionStatus]]  # /health
    web_login: WebLogin  # the bot's one-time login links and the browser sessions they open
    push_registrations: PushRegistrations  # WebDAV-Push registrations and the VAPID keys
    push_queue: PushQueue  # push messages for the push sender
    webhook_queue: WebhookQueue  # webhook messages for the webhook sender


def build_services(app: Televent, settings: Settings) -> Services:
    """The queues, inboxes and operational callables, on the application's read models."""
    telegram_queue = DeliveryQueue(app.views, app.clock)
    mail_queue = MailQueue(app.views, app.clock)
    failures = DeliveryFailures(app, mail=mail_queue, telegram=telegram_queue)
    counters = Counters(app, mail=mail_queue, telegram=telegram_queue)
    return Services(
        telegram_queue=telegram_queue,
        mail_queue=mail_queue,
        delivery_failures=failures,
        counters=counters,
        schedule_inbox=ScheduleInbox(app.views),
        itip_inbox=ItipInbox(
            app,
            MailIdentity.parse(settings.mail_from),
            mail=mail_queue,
            telegram=telegram_queue,
            counters=counters,
            failures=failures,
            max_bytes=settings.max_message_bytes,
            trusted_authserv_ids=settings.trusted_authserv_ids,
        ),
        reminders=ReminderScheduler(app, telegram_queue),
        record_device_use=functools.partial(record_device_use, app.views, app.clock),
        projection_status=functools.partial(projection_status, app),
        push_registrations=PushRegistrations(app.views, app.clock),
        push_queue=PushQueue(app.views, app.clock),
        webhook_queue=WebhookQueue(app.views, app.clock),
        web_login=WebLogin(
            app.views,
            app.queries,
            app.clock,
            link_seconds=settings.login_link_seconds,
            session_seconds=settings.session_days * 86_400,
        ),
    )
