"""The HTTP server: health check now; the CalDAV mount and inbound mail join it later."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from typing import Any

from litestar import Litestar, Response, get

from televent.adapters.port import AppPort
from televent.application import Televent
from televent.operations import projection_status


def create_http_app(
    app: Televent,
    port: AppPort,
    lifespan: Sequence[Callable[[Litestar], AbstractAsyncContextManager[None]]] = (),
) -> Litestar:
    """Build the ASGI application around a running Televent application."""

    @get("/health")
    async def health() -> Response[dict[str, Any]]:
        try:
            statuses = await port.run(projection_status, app)
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

    return Litestar(route_handlers=[health], lifespan=list(lifespan), debug=False)
