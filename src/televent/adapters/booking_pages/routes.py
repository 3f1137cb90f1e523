"""The routes of the public booking pages.

`/book/<slug>` and `/book/<slug>/manage/<token>` answer with the same small HTML page; its
script reads the address and talks to the public JSON API (/api/v1/book/...). An unknown slug
is answered with 404 at once (the page then explains it), so that a mistyped link is not a
page found. The page's own files are under `/book/static/` ("static" is a reserved slug).

Every answer carries a Content-Security-Policy that allows nothing but this server (no
external fonts or scripts, no inline script), `Referrer-Policy: no-referrer` (the manage
address holds the booking's secret token and must not leak to another site) and
`X-Robots-Tag: noindex` (RFC 9110 headers; CSP Level 3; Referrer Policy, W3C).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import cache
from pathlib import Path
from typing import Any

from litestar import MediaType, Response, get
from litestar.datastructures import CacheControlHeader
from litestar.response.base import ASGIResponse
from litestar.static_files import create_static_files_router
from litestar.types import ASGIApp

STATIC = Path(__file__).parent / "static"
PAGE = STATIC / "book.html"
NO_CACHE = CacheControlHeader(no_cache=True)
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex",
    "X-Content-Type-Options": "nosniff",
}

# Whether a slug names a booking link (active or paused); None: do not check (always 200).
LinkExists = Callable[[str], Awaitable[bool]]


@cache
def page_html() -> str:
    """The page, read once per process."""
    return PAGE.read_text(encoding="utf-8")


def _page(status_code: int = 200) -> Response[str]:
    return Response(
        page_html(),
        status_code=status_code,
        media_type=MediaType.HTML,
        headers={**SECURITY_HEADERS, "Cache-Control": NO_CACHE.to_header()},
    )


async def _with_security_headers(response: ASGIApp) -> ASGIApp:
    """The static files' responses with the pages' security headers."""
    if isinstance(response, ASGIResponse):
        for name, value in SECURITY_HEADERS.items():
            response.headers[name] = value
    return response


def booking_page_handlers(link_exists: LinkExists | None = None) -> list[Any]:
    """The route handlers of the booking pages (mounted by adapters/http.py)."""

    @get(["/book/{slug:str}", "/book/{slug:str}/"], include_in_schema=False)
    async def booking_page(slug: str) -> Response[str]:
        if link_exists is not None and not await link_exists(slug):
            return _page(404)
        return _page()

    @get(
        ["/book/{slug:str}/manage/{token:str}", "/book/{slug:str}/manage/{token:str}/"],
        include_in_schema=False,
    )
    async def manage_page(slug: str, token: str) -> Response[str]:
        return _page()

    return [
        booking_page,
        manage_page,
        create_static_files_router(
            path="/book/static",
            directories=[STATIC],
            cache_control=NO_CACHE,
            after_request=_with_security_headers,
            name="booking-static",
        ),
    ]
