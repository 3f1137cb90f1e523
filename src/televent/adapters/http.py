"""The HTTP server: health check, the Telegram webhook and inbound email (when configured), the
JSON API (/api/v1), the Mini App (/app/), published calendars (/feeds/), and CalDAV for
everything else ("/" for discovery)."""

from __future__ import annotations

import hmac
from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING, Any

from litestar import Litestar, Request, Response, get, post
from litestar.enums import ScopeType
from litestar.types import Receive, Scope, Send
from pydantic import ValidationError

from televent.adapters.api.app import build_api
from televent.adapters.api.auth import (
    Authentication,
    DeviceCheck,
    DeviceCheckAtOnce,
    DeviceLogin,
    DeviceLoginRefusedError,
    DeviceLoginThrottledError,
)
from televent.adapters.api.change_watcher import ChangeWatcher
from televent.adapters.api.context import ApiContext, TestSender
from televent.adapters.booking_pages.routes import booking_page_handlers
from televent.adapters.caldav.asgi import CalDavAsgi
from televent.adapters.caldav.auth import (
    FAILURE_WINDOW_SECONDS,
    Authenticator,
    ThrottledError,
    UnauthenticatedError,
)
from televent.adapters.caldav.handlers import CalDavHandlers
from televent.adapters.caldav.push import PushResources
from televent.adapters.connections.discovery import discoverer
from televent.adapters.connections.google_client import PUSH_PATH as GOOGLE_PUSH_PATH
from televent.adapters.connections.google_client import google_endpoints
from televent.adapters.connections.google_oauth import GoogleOAuth
from televent.adapters.connections.google_pages import google_callback_handlers
from televent.adapters.connections.google_push import google_push_handlers
from televent.adapters.feeds.routes import feed_handlers
from televent.adapters.logging_setup import configure_access_log
from televent.adapters.login_failures import open_failure_log
from televent.adapters.mail.inbound_http import INBOUND_PATHS, inbound_handlers
from televent.adapters.mail.unsubscribe import UNSUBSCRIBE_PATH, unsubscribe_handlers
from televent.adapters.outbound.connections import connection_outbound
from televent.adapters.outbound.feeds import feed_outbound
from televent.adapters.outbound.push import notification_outbound
from televent.adapters.port import AppPort
from televent.adapters.telegram.webhook import WEBHOOK_PATH
from televent.adapters.webapp.routes import webapp_handlers
from televent.application.calendars import FEED_PATH
from televent.application.itip_inbox import ItipInbox
from televent.application.mail_notices import MailNotices
from televent.application.push_registrations import PushRegistrations
from televent.application.televent import Televent
from televent.application.web_login import WebLogin
from televent.config import Settings
from televent.projections.loop_reads import LoopReads, loop_reads_for
from televent.projections.queries import ProjectionStatus
from televent.projections.schedule_inbox_reader import ScheduleInbox

LITESTAR_PATHS = frozenset({"/health", WEBHOOK_PATH, GOOGLE_PUSH_PATH, *INBOUND_PATHS})
# Everything under these goes to Litestar too: the JSON API, the Mini App, the booking pages,
# the unsubscribe link of the mails, published calendars' feeds.
LITESTAR_PREFIXES = ("/api", "/app", "/book", "/oauth", UNSUBSCRIBE_PATH, FEED_PATH)

if TYPE_CHECKING:  # aiogram is imported only when the bot is on (it takes seconds to load)
    from televent.adapters.telegram.bot import TelegramBot


def create_http_app(
    app: Televent,
    port: AppPort,
    settings: Settings,
    lifespan: Sequence[Callable[[Litestar], AbstractAsyncContextManager[None]]] = (),
    *,
    schedule_inbox: ScheduleInbox,
    record_device_use: Callable[[str], None],
    projection_status: Callable[[], list[ProjectionStatus]],
    web_login: WebLogin,
    telegram: TelegramBot | None = None,
    inbox: ItipInbox | None = None,
    push: PushRegistrations | None = None,
    watcher: ChangeWatcher | None = None,
    webhook_sender: TestSender | None = None,
) -> HttpApp:
    """Build the ASGI application around a running Televent application and the services the
    composition root built for it (bootstrap.Services).

    Litestar serves health, the webhooks, the JSON API and the Mini App; every other request
    goes to CalDAV, so that clients can start discovery at the root URL. With `push`, CalDAV
    takes WebDAV-Push registrations (docs/adr/0027); `watcher` feeds the live stream (one per
    process, docs/adr/0028; made here when not given); `webhook_sender` sends webhooks' tests.
    """
    configure_access_log(settings.access_log)
    # One failed-login count for CalDAV and the API, shared by every process through Redis
    # when TELEVENT_REDIS_URL is set (kept apart per database, as the rate limits are).
    authenticator = Authenticator(
        app.queries,
        record_device_use,
        failures=open_failure_log(
            settings.redis_url, FAILURE_WINDOW_SECONDS, namespace=settings.database.describe()
        ),
    )
    # A GET of one's own object and the API's sign-in are read on the event loop: from the
    # local SQLite file, or awaited from PostgreSQL (docs/adr/0035).
    loop_reads = loop_reads_for(settings.database, app.queries)
    caldav = CalDavAsgi(
        CalDavHandlers(
            app,
            authenticator,
            settings.internal_domain,
            settings.max_resource_bytes,
            schedule_inbox,
            push=None
            if push is None
            else PushResources(
                push, notification_outbound(settings, "WebDAV-Push"), settings.public_url
            ),
            loop_reads=loop_reads,
        ),
        port,
    )

    google = google_endpoints(settings)
    api = build_api(
        ApiContext(
            app,
            port,
            app.queries,
            settings.internal_domain,
            settings.public_url or "",
            mail=bool(settings.smtp_url),
            outbound=feed_outbound(settings),
            discover=discoverer(connection_outbound(settings)),
            google=None if google is None else GoogleOAuth(google),
            webhook_sender=webhook_sender,
            watcher=watcher or ChangeWatcher(app.queries),
        ),
        Authentication(
            port,
            app.queries,
            web_login,
            device_check(authenticator),
            bot_token=settings.telegram_bot_token,
            tma_max_age=settings.tma_max_age_seconds,
            # the sign-in's reads on the event loop too (docs/adr/0035)
            check_device_at_once=device_check_at_once(authenticator, loop_reads),
            account_at_once=loop_reads.account_by_telegram_id,
        ),
        web_login,
        max_body_bytes=settings.max_resource_bytes,
        session_seconds=settings.session_days * 86_400,
        secure_cookies=(settings.public_url or "").lower().startswith("https://"),
    )

    @get("/health", include_in_schema=False)
    async def health() -> Response[dict[str, Any]]:
        try:
            statuses = await port.run(projection_status)
        except Exception as exc:
            return Response({"status": "unavailable", "error": str(exc)}, status_code=503)
        behind = [s.name for s in statuses if s.lag > 0]
        return Response(
            {
                "status": "ok" if not behind else "degraded",
                "log_head": statuses[0].head if statuses else 0,
                "projections": {s.name: {"position": s.position, "lag": s.lag} for s in statuses},
            },
            status_code=200,
        )

    @post(WEBHOOK_PATH, status_code=200, include_in_schema=False)
    async def telegram_webhook(request: Request[Any, Any, Any]) -> Response[dict[str, Any]]:
        if telegram is None or not telegram.webhook_url:
            return Response({"error": "The Telegram webhook is not enabled."}, status_code=404)
        given = request.headers.get("x-telegram-bot-api-secret-token", "")
        expected = telegram.webhook_secret or ""
        if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
            return Response({"error": "Wrong or missing secret token."}, status_code=403)
        from aiogram.types import Update  # noqa: PLC0415 - see the imports above

        try:
            update = Update.model_validate(await request.json(), context={"bot": telegram.bot})
        except (ValueError, ValidationError):
            return Response({"error": "Not a Telegram update."}, status_code=400)
        await telegram.dispatcher.feed_update(telegram.bot, update)
        return Response({}, status_code=200)

    async def link_exists(slug: str) -> bool:
        return await port.run(app.queries.link, slug) is not None

    litestar = Litestar(
        route_handlers=[
            health,
            telegram_webhook,
            *inbound_handlers(
                port,
                inbox,
                inbound_secret=settings.inbound_secret,
                mailgun_signing_key=settings.mailgun_signing_key,
                max_message_bytes=settings.max_message_bytes,
            ),
            *api.route_handlers,
            *webapp_handlers(),
            *booking_page_handlers(link_exists),
            *unsubscribe_handlers(MailNotices(app), port),
            *feed_handlers(app, port),
            *google_callback_handlers(app, port, google, settings.public_url),
            *google_push_handlers(app, port),
        ],
        dependencies=api.dependencies,
        exception_handlers=api.exception_handlers,
        openapi_config=api.openapi_config,
        lifespan=list(lifespan),
        on_shutdown=[loop_reads.close],
        debug=False,
    )
    return HttpApp(litestar, caldav)


def device_check(authenticator: Authenticator) -> DeviceCheck:
    """The API's Basic check: CalDAV's authenticator (one throttle for both protocols)."""

    def check(authorization: str, client: str) -> DeviceLogin:
        try:
            principal = authenticator.authenticate(authorization, client)
        except ThrottledError as exc:
            raise DeviceLoginThrottledError(exc.retry_after) from None
        except UnauthenticatedError as exc:
            raise DeviceLoginRefusedError(str(exc)) from None
        return DeviceLogin(principal.account_id, principal.device_name, principal.account)

    return check


def device_check_at_once(authenticator: Authenticator, reads: LoopReads) -> DeviceCheckAtOnce:
    """The API's Basic check on the event loop, as CalDAV's GET of one's own object makes it
    (docs/adr/0035): for credentials verified a moment ago whose failure counts are in memory
    and whose device's use was noted lately, the one read that says the device is still active
    and brings the account, made by the event loop's reads. None sends the request the worker
    thread's way, which answers as before."""

    async def check(authorization: str, client: str) -> DeviceLogin | None:
        try:
            principal = authenticator.remembered_without_waiting(authorization, client)
        except ThrottledError as exc:
            raise DeviceLoginThrottledError(exc.retry_after) from None
        if principal is None:
            return None
        account = await reads.account_with_device(principal.telegram_id, principal.device_id)
        if account is None:
            return None
        authenticator.used(principal)
        return DeviceLogin(principal.account_id, principal.device_name, account)

    return check


class HttpApp:
    """The server's ASGI application: Litestar's own paths and the lifespan go to Litestar,
    every other request straight to CalDAV.

    Litestar's router and middleware cost more than a GET of a calendar object itself; the
    CalDAV application turns every failure into a protocol reply on its own. CalDAV is not
    mounted in Litestar: a mount at "/" would take every path Litestar does not match
    literally, the API's paths with parameters among them.
    """

    def __init__(self, litestar: Litestar, caldav: CalDavAsgi) -> None:
        self.litestar = litestar
        self.caldav = caldav

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == ScopeType.HTTP and not for_litestar(scope["path"]):
            await self.caldav(scope, receive, send)
        else:
            await self.litestar(scope, receive, send)


def for_litestar(path: str) -> bool:
    """Whether a request path is Litestar's (else CalDAV's)."""
    if path in LITESTAR_PATHS:
        return True
    return any(path == p or path.startswith(f"{p}/") for p in LITESTAR_PREFIXES)
