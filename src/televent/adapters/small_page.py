"""The one shape of Televent's small pages for a browser that follows a link (an unsubscribe
link, Google's way back after its consent screen, the bot's login link): a heading, a sentence
in the reader's language, at most one form; no script and no outside resource, so they work
wherever a link is opened."""

from __future__ import annotations

from html import escape

from litestar import MediaType, Response

from televent.domain.languages import direction

HEADERS = {
    "Referrer-Policy": "no-referrer",  # such addresses hold a token
    "X-Robots-Tag": "noindex",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}


def small_page(
    language: str,
    title: str,
    text: str,
    *,
    button: str | None = None,
    heading: str = "Televent",
    status_code: int = 200,
) -> Response[str]:
    """The page in `language`: `heading`, `text` and the `button` of a form that posts back to
    the same address, if any (all escaped)."""
    form = (
        f'<form method="post"><button type="submit">{escape(button)}</button></form>'
        if button
        else ""
    )
    body = (
        f'<!DOCTYPE html>\n<html lang="{escape(language)}" dir="{direction(language)}">'
        '<head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title></head>\n"
        f"<body><h1>{escape(heading)}</h1><p>{escape(text)}</p>{form}</body></html>\n"
    )
    policy = "default-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    if button:
        policy += "; form-action 'self'"
    return Response(
        body,
        status_code=status_code,
        media_type=MediaType.HTML,
        headers={**HEADERS, "Content-Security-Policy": policy, "Content-Language": language},
    )
