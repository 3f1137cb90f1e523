"""The routes of the public booking pages.

`/book/<slug>` and `/book/<slug>/manage/<token>` answer with the same small HTML page; its
script reads the address and talks to the public JSON API (/api/v1/book/...). An unknown slug
is answered with 404 at once (the page then explains it), so that a mistyped link is not a
page found. The page's own files are under `/book/static/` ("static" is a reserved slug).

The page speaks the visitor's language: `?lang=` if it names one of the catalogue's, else the
browser's Accept-Language, else English. Its words are filled in here from the catalogue
(`booking-page*.ftl`: each element naming a message with `data-i18n`, `data-i18n-label` for
its aria-label) with `<html lang dir>` set; the script renders the rest with the same messages,
served at `/book/i18n/<language>.ftl`, and writes dates and times with the browser's Intl in
that language and the visitor's zone.

Every answer carries a Content-Security-Policy that allows nothing but this server (no
external fonts or scripts, no inline script), `Referrer-Policy: no-referrer` (the manage
address holds the booking's secret token and must not leak to another site) and
`X-Robots-Tag: noindex` (RFC 9110 headers; CSP Level 3; Referrer Policy, W3C).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from functools import cache
from html import escape
from pathlib import Path
from typing import Any

from litestar import MediaType, Request, Response, get
from litestar.datastructures import CacheControlHeader
from litestar.response.base import ASGIResponse
from litestar.static_files import create_static_files_router
from litestar.types import ASGIApp

from televent.adapters.i18n import translate
from televent.adapters.i18n.catalogue import LOCALES
from televent.domain.languages import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    direction,
    from_accept_language,
    supported,
)

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
CATALOGUE_FILES = "booking-page*.ftl"  # the page's messages in each language's folder
# An element whose text is a message (data-i18n names it), holding text only.
_TEXT = re.compile(r'(<(\w+)\b[^>]*\sdata-i18n="([a-z0-9-]+)"[^>]*>)[^<]*(</\2>)')
# An element whose aria-label is a message.
_LABEL = re.compile(r'<\w+\b[^>]*\sdata-i18n-label="([a-z0-9-]+)"[^>]*>')
_ARIA_LABEL = re.compile(r'\saria-label="[^"]*"')
_HTML = re.compile(r"<html\b[^>]*>")

# Whether a slug names a booking link (active or paused); None: do not check (always 200).
LinkExists = Callable[[str], Awaitable[bool]]


@cache
def page_html(language: str = DEFAULT_LANGUAGE) -> str:
    """The page in a language, made once per process."""
    text = PAGE.read_text(encoding="utf-8")
    text = _HTML.sub(f'<html lang="{language}" dir="{direction(language)}">', text, count=1)
    text = _TEXT.sub(
        lambda m: f"{m[1]}{escape(translate(language, m[3]), quote=False)}{m[4]}", text
    )

    def labelled(found: re.Match[str]) -> str:
        tag = _ARIA_LABEL.sub("", found[0])
        label = escape(translate(language, found[1]))
        return f'{tag[:-1].rstrip("/").rstrip()} aria-label="{label}">'

    return _LABEL.sub(labelled, text)


@cache
def page_catalogue(language: str) -> str:
    """The page's messages of a language (its `booking-page*.ftl` files, joined)."""
    paths = sorted((LOCALES / language).glob(CATALOGUE_FILES))
    return "\n".join(path.read_text(encoding="utf-8") for path in paths)


def page_language(request: Request[Any, Any, Any]) -> str:
    """The visitor's language: `?lang=`, else the browser's Accept-Language, else English."""
    asked = supported(request.query_params.get("lang"))
    browser = from_accept_language(request.headers.get("accept-language"))
    return asked or browser or DEFAULT_LANGUAGE


def _page(language: str, status_code: int = 200) -> Response[str]:
    return Response(
        page_html(language),
        status_code=status_code,
        media_type=MediaType.HTML,
        headers={
            **SECURITY_HEADERS,
            "Cache-Control": NO_CACHE.to_header(),
            "Content-Language": language,
            "Vary": "Accept-Language",
        },
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
    async def booking_page(slug: str, request: Request[Any, Any, Any]) -> Response[str]:
        if link_exists is not None and not await link_exists(slug):
            return _page(page_language(request), 404)
        return _page(page_language(request))

    @get(
        ["/book/{slug:str}/manage/{token:str}", "/book/{slug:str}/manage/{token:str}/"],
        include_in_schema=False,
    )
    async def manage_page(slug: str, token: str, request: Request[Any, Any, Any]) -> Response[str]:
        return _page(page_language(request))

    @get("/book/i18n/{name:str}", include_in_schema=False)
    async def catalogue(name: str) -> Response[str]:
        """The page's messages in one language (`de.ftl`), for its script."""
        language = supported(name.removesuffix(".ftl"))
        if language is None or name != f"{language}.ftl":
            known = ", ".join(f"{code}.ftl" for code in LANGUAGES)
            return Response(
                f"No catalogue {name!r}; there are: {known}\n",
                status_code=404,
                media_type="text/plain; charset=utf-8",
                headers=SECURITY_HEADERS,
            )
        return Response(
            page_catalogue(language),
            media_type="text/plain; charset=utf-8",
            headers={**SECURITY_HEADERS, "Cache-Control": NO_CACHE.to_header()},
        )

    return [
        booking_page,
        manage_page,
        catalogue,
        create_static_files_router(
            path="/book/static",
            directories=[STATIC],
            cache_control=NO_CACHE,
            after_request=_with_security_headers,
            name="booking-static",
        ),
    ]
