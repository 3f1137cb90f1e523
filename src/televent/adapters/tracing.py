"""Optional OpenTelemetry tracing: on when the standard OTLP settings are present.

Tracing is on when `OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` is
set; every other setting (`OTEL_SERVICE_NAME`, `OTEL_RESOURCE_ATTRIBUTES`,
`OTEL_TRACES_SAMPLER`, `OTEL_EXPORTER_OTLP_HEADERS`, `OTEL_BSP_*`, `OTEL_PROPAGATORS`, ...) is
read by the OpenTelemetry SDK itself. Without them nothing of OpenTelemetry is imported, so a
server without tracing pays nothing for it. The packages are the optional extra
`televent[tracing]`; when the settings are present but the packages are not, the server says
so in one line and runs without tracing.

What is traced:

- one server span per HTTP request, for every surface (CalDAV, the JSON API, the Mini App,
  the webhooks), from the outermost layer, so that rate-limited and failed requests are traced
  too. The W3C `traceparent` a client sends is honoured (the span becomes its child). The
  span's name is the method and the route template Litestar matched (`GET /api/v1/me`), else
  the method and the surface (`PROPFIND caldav`): never the raw path, whose ids would make
  one name per object;
- one internal span per command on the application (`command put_object`), as a child of the
  request that caused it. Commands run outside a request (the bot's polling, reminders) are
  not traced, which keeps background loops from filling the trace store.

Spans are exported in batches over OTLP/HTTP and flushed when the server stops (SIGTERM).
"""

from __future__ import annotations

import asyncio
import functools
import os
import re
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from televent.adapters.metrics import command_names
from televent.adapters.operations_middleware import surface_of

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.trace import Span

ASGIApp = Callable[..., Awaitable[None]]
ENDPOINT_VARIABLES = ("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT")
DEFAULT_SERVICE_NAME = "televent"
INSTALL_HINT = "pip install 'televent[tracing]'"
# Probes and scrapes come every few seconds and say nothing about users' requests; an
# operator who wants them sets OTEL_PYTHON_ASGI_EXCLUDED_URLS (or OTEL_PYTHON_EXCLUDED_URLS).
DEFAULT_EXCLUDED_URLS = r"/health$,/ready$,/metrics$"
# The methods of WebDAV (RFC 4918), WebDAV ACL (RFC 3744) and CalDAV (RFC 4791), named as
# they are; OpenTelemetry names every method outside RFC 9110 "_OTHER", which would hide what
# a CalDAV client did. Anything else a client invents stays "_OTHER" (one name, not one per
# invented method).
DAV_METHODS = frozenset(
    {"PROPFIND", "PROPPATCH", "REPORT", "MKCOL", "MKCALENDAR", "COPY", "MOVE", "LOCK",
     "UNLOCK", "ACL"}
)  # fmt: skip
# Query parameters whose values are secrets (`token=...`, `api_key=...`): their values are
# replaced in the recorded URL.
SECRET_QUERY = re.compile(
    r"((?:^|(?<=[?&;]))[^=&;?]*(?:token|secret|password|passwd|key|sig|signature|code|auth)"
    r"[^=&;?]*)=[^&;#]*",
    re.IGNORECASE,
)
HTTP_METHODS = frozenset(
    {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"}
)


@dataclass
class Tracing:
    """Tracing switched on for this process: wrap the HTTP application, trace commands, and
    flush the last spans at shutdown."""

    provider: TracerProvider
    endpoint: str

    def wrap(self, app: ASGIApp) -> ASGIApp:
        """`app` behind one server span per request (put it outermost)."""
        from opentelemetry.instrumentation.asgi import (  # noqa: PLC0415 - only when on
            OpenTelemetryMiddleware,
        )
        from opentelemetry.util.http import parse_excluded_urls  # noqa: PLC0415

        excluded = os.environ.get(
            "OTEL_PYTHON_ASGI_EXCLUDED_URLS",
            os.environ.get("OTEL_PYTHON_EXCLUDED_URLS", DEFAULT_EXCLUDED_URLS),
        )
        middleware = OpenTelemetryMiddleware(
            _named_after_route(app),
            excluded_urls=parse_excluded_urls(excluded),
            default_span_details=span_details,
            server_request_hook=_on_request,
            tracer_provider=self.provider,
            exclude_spans=["receive", "send"],  # one span per request, not one per message
        )

        async def traced(scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
            if scope["type"] != "lifespan":
                await middleware(scope, receive, send)
                return

            async def flushing_send(message: MutableMapping[str, Any]) -> None:
                # uvicorn ends the lifespan once the requests in flight are answered, and
                # then ends the process by the SIGTERM it received: export the last spans
                # before that (a stop that does not run the code after the server).
                if message.get("type", "").startswith("lifespan.shutdown."):
                    await asyncio.to_thread(self.shutdown)
                await send(message)

            await app(scope, receive, flushing_send)

        return traced

    def trace_commands(self, app: Any) -> None:
        """A span for every command on the application (the methods of its `*Commands`
        classes) run within a traced request: its name, and its outcome (ok; refused, a
        TeleventError: the user's request was wrong; or error, recorded with its exception)."""
        from opentelemetry import trace  # noqa: PLC0415 - only when on
        from opentelemetry.trace import SpanKind, Status, StatusCode  # noqa: PLC0415

        from televent.domain.errors import TeleventError  # noqa: PLC0415

        tracer = self.provider.get_tracer("televent.commands")
        for name in command_names(app):
            method = getattr(app, name)

            def traced(
                *args: Any, __method: Any = method, __name: str = name, **kwargs: Any
            ) -> Any:
                if not trace.get_current_span().is_recording():
                    return __method(*args, **kwargs)
                with tracer.start_as_current_span(
                    f"command {__name}",
                    kind=SpanKind.INTERNAL,
                    attributes={"televent.command": __name},
                    record_exception=False,
                    set_status_on_exception=False,
                ) as span:
                    try:
                        result = __method(*args, **kwargs)
                    except TeleventError:
                        span.set_attribute("televent.outcome", "refused")
                        raise
                    except Exception as exc:
                        span.set_attribute("televent.outcome", "error")
                        span.record_exception(exc)
                        span.set_status(Status(StatusCode.ERROR, type(exc).__name__))
                        raise
                    span.set_attribute("televent.outcome", "ok")
                    return result

            setattr(app, name, functools.wraps(method)(traced))

    def shutdown(self) -> None:
        """Export the spans still waiting in the batch, then stop the exporter."""
        self.provider.shutdown()


def configured() -> bool:
    """Whether the OpenTelemetry settings ask for tracing (an OTLP endpoint is set)."""
    return any(os.environ.get(name, "").strip() for name in ENDPOINT_VARIABLES)


def start_tracing(version: str | None = None) -> Tracing | str | None:
    """Tracing for this process when its settings are present: a `Tracing`, or the line to
    print when they are present but the packages are not installed; None when not asked for.
    With `serve --workers`, every worker calls this for itself (a provider's export thread
    does not outlive a fork, and each worker is a process of its own)."""
    if not configured():
        return None
    try:
        from opentelemetry import trace  # noqa: PLC0415 - only when on
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import (  # noqa: PLC0415
            OTLPSpanExporter,
        )
        from opentelemetry.instrumentation import asgi as _asgi  # noqa: F401, PLC0415
        from opentelemetry.sdk.resources import (  # noqa: PLC0415
            SERVICE_NAME,
            SERVICE_VERSION,
            Resource,
        )
        from opentelemetry.sdk.trace import TracerProvider  # noqa: PLC0415
        from opentelemetry.sdk.trace.export import BatchSpanProcessor  # noqa: PLC0415
    except ImportError as exc:
        variable = next(name for name in ENDPOINT_VARIABLES if os.environ.get(name, "").strip())
        return (
            f"Tracing: off ({variable} is set, but the OpenTelemetry packages are not "
            f"installed: {exc.name or exc}). Install them with: {INSTALL_HINT}"
        )
    resource = Resource.create()  # OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES
    if str(resource.attributes.get(SERVICE_NAME, "")).startswith("unknown_service"):
        resource = resource.merge(Resource({SERVICE_NAME: DEFAULT_SERVICE_NAME}))
    if version and SERVICE_VERSION not in resource.attributes:
        resource = resource.merge(Resource({SERVICE_VERSION: version}))
    provider = TracerProvider(resource=resource)  # the sampler from OTEL_TRACES_SAMPLER
    exporter = OTLPSpanExporter()  # endpoint, headers, timeout and compression: OTEL_EXPORTER_*
    provider.add_span_processor(BatchSpanProcessor(exporter))  # OTEL_BSP_* settings
    trace.set_tracer_provider(provider)
    return Tracing(provider, _traces_endpoint())


def _traces_endpoint() -> str:
    """Where spans go, as the exporter works it out (for the line the server prints)."""
    specific = os.environ.get(ENDPOINT_VARIABLES[0], "").strip()
    if specific:
        return specific
    return os.environ.get(ENDPOINT_VARIABLES[1], "").strip().rstrip("/") + "/v1/traces"


def request_method(scope: MutableMapping[str, Any]) -> str:
    """The request's method for a span name: a known one as it is, anything else "HTTP"."""
    method = str(scope.get("method", "")).strip().upper()
    return method if method in HTTP_METHODS or method in DAV_METHODS else "HTTP"


def span_details(scope: MutableMapping[str, Any]) -> tuple[str, dict[str, str]]:
    """A request span's first name, `METHOD surface`, and the surface as an attribute (the
    same label the metrics use). Renamed after the route template once Litestar has one."""
    surface = surface_of(str(scope.get("path", "")))
    return f"{request_method(scope)} {surface}", {"televent.surface": surface}


def _on_request(span: Span, scope: dict[str, Any]) -> None:
    """Give a WebDAV or CalDAV method its own name in the method attribute, and keep secrets
    in the query (the browser login's `?token=`) out of the recorded URL; in whichever semantic
    conventions the instrumentation writes (`http.method` and `http.url`, or
    `http.request.method` and `url.query`)."""
    if not span.is_recording():
        return
    attributes = getattr(span, "attributes", None) or {}
    method = str(scope.get("method", "")).strip().upper()
    if method in DAV_METHODS:
        for key in ("http.method", "http.request.method"):
            if attributes.get(key) == "_OTHER":
                span.set_attribute(key, method)
    for key in ("http.url", "url.query"):
        value = attributes.get(key)
        if isinstance(value, str) and SECRET_QUERY.search(value):
            span.set_attribute(key, SECRET_QUERY.sub(r"\1=REDACTED", value))


def _named_after_route(app: ASGIApp) -> ASGIApp:
    """`app`, renaming the request's span after the route template Litestar matched (a
    low-cardinality name such as `GET /api/v1/events/{event_id}`) and recording it as
    `http.route`, when the answer starts (the span is still open then). CalDAV's paths have
    no template: their spans keep `METHOD caldav`."""
    from opentelemetry import trace  # noqa: PLC0415 - only when on

    async def named(scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        if scope.get("type") != "http":
            await app(scope, receive, send)
            return
        span = trace.get_current_span()

        async def naming_send(message: MutableMapping[str, Any]) -> None:
            template = scope.get("path_template")
            if message.get("type") == "http.response.start" and template and span.is_recording():
                span.update_name(f"{request_method(scope)} {template}")
                span.set_attribute("http.route", str(template))
            await send(message)

        await app(scope, receive, naming_send)

    return named
