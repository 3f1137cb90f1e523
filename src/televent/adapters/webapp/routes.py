"""The routes of the Mini App: its static files under /app/.

The vendored files are named with their version in the page's URLs (`?v=<version>`), so a
browser may keep them for a long time; the app's own files are revalidated on every load, so a
new release is seen at once (RFC 9111 §5.2.2). Text files are sent gzip-compressed to clients
that accept it (the scripts shrink to about a quarter).

Every file comes with a strict Content-Security-Policy (CSP Level 3): the app runs only its own
scripts (no inline script, no eval) and style sheets, sets element styles through the CSSOM
(which the policy leaves alone, so no style attribute or inline style is needed), shows only
its own and data: images and talks only to this server; only this server and Telegram Web
(*.telegram.org, where the app opens in a frame) may frame it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from litestar import Response, get
from litestar.config.compression import CompressionConfig
from litestar.datastructures import CacheControlHeader
from litestar.middleware import DefineMiddleware
from litestar.middleware.compression import CompressionMiddleware
from litestar.response.base import ASGIResponse
from litestar.static_files import create_static_files_router
from litestar.types import ASGIApp

from televent.adapters.i18n.catalogue import app_catalogue
from televent.domain.languages import LANGUAGES, supported

STATIC = Path(__file__).parent / "static"
VENDOR = STATIC / "vendor"
VENDOR_CACHE = CacheControlHeader(public=True, max_age=30 * 86_400, immutable=True)
APP_CACHE = CacheControlHeader(no_cache=True)
GZIP = DefineMiddleware(
    CompressionMiddleware, config=CompressionConfig(backend="gzip", gzip_compress_level=6)
)
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; form-action 'none'; base-uri 'none'; "
        "frame-ancestors 'self' https://*.telegram.org"
    ),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


async def _with_security_headers(response: ASGIApp) -> ASGIApp:
    """The app's files with the security headers (see the module docstring)."""
    if isinstance(response, ASGIResponse):
        for name, value in SECURITY_HEADERS.items():
            response.headers[name] = value
    return response


@get("/app/i18n/{name:str}", name="app-catalogue", include_in_schema=False, middleware=[GZIP])
async def catalogue(name: str) -> Response[str]:
    """The app's messages in one language (`ru.ftl`): Fluent text, revalidated on every load
    like the app's own files; an unknown language is a 404 naming those there are."""
    language = supported(name.removesuffix(".ftl"))
    if language is None or name != f"{language}.ftl":
        return Response(
            f"No catalogue {name!r}; there are: {', '.join(f'{c}.ftl' for c in LANGUAGES)}\n",
            status_code=404,
            media_type="text/plain; charset=utf-8",
        )
    return Response(
        app_catalogue(language),
        media_type="text/plain; charset=utf-8",
        headers={"Cache-Control": APP_CACHE.to_header()},
    )


def webapp_handlers() -> list[Any]:
    """The route handlers serving the Mini App (mounted by adapters/http.py)."""
    return [
        catalogue,
        create_static_files_router(
            path="/app/vendor",
            directories=[VENDOR],
            cache_control=VENDOR_CACHE,
            middleware=[GZIP],
            after_request=_with_security_headers,
            name="vendor",
        ),
        create_static_files_router(
            path="/app",
            directories=[STATIC],
            html_mode=True,
            cache_control=APP_CACHE,
            middleware=[GZIP],
            after_request=_with_security_headers,
        ),
    ]
