"""The unsubscribe link of reminders, agendas and notices sent by mail (List-Unsubscribe,
RFC 2369; one click, RFC 8058), mounted by adapters/http.py.

`POST /unsubscribe/<token>` (what a mail client's one-click unsubscribe sends, with the body
`List-Unsubscribe=One-Click`, or the button of the page below) turns that kind's email channel
off at once (application/mail_notices.py). `GET` only shows a page with that button: link
scanners and previews fetch links, and must not unsubscribe anyone. An unknown or malformed
token answers 404 with a page saying so. The token is the link's only credential; it is left
out of the request log (operations_middleware.py).
"""

from __future__ import annotations

from html import escape
from typing import Any

from litestar import MediaType, Response, get, post

from televent.adapters.port import AppPort
from televent.application.mail_notices import MailNotices, Unsubscription
from televent.domain.errors import NotFoundError

UNSUBSCRIBE_PATH = "/unsubscribe"
MAX_BODY_BYTES = 4096  # "List-Unsubscribe=One-Click", or the page's form
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "Referrer-Policy": "no-referrer",  # the address holds the token
    "X-Robots-Tag": "noindex",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}
KIND_WORDS = {"reminders": "reminders", "agenda": "the morning agenda", "notices": "notices"}
NOT_FOUND = "This unsubscribe link is not valid (any more). Change what you get by email with "
NOT_FOUND += "/settings in the Televent bot."


def unsubscribe_handlers(notices: MailNotices, port: AppPort) -> list[Any]:
    """The route handlers of the unsubscribe link."""

    @get([f"{UNSUBSCRIBE_PATH}/{{token:str}}"], include_in_schema=False)
    async def confirm_page(token: str) -> Response[str]:
        found = await port.run(notices.unsubscription, token)
        if found is None:
            return _page(NOT_FOUND, status_code=404)
        if not found.by_mail:
            return _page(_done(found))
        what = KIND_WORDS.get(found.channel, found.channel)
        return _page(
            f"Stop sending {what} to {found.name} by email? Telegram and the other emails "
            "stay as they are.",
            button=f"Unsubscribe from {what}",
        )

    @post(
        [f"{UNSUBSCRIBE_PATH}/{{token:str}}"],
        status_code=200,
        include_in_schema=False,
        request_max_body_size=MAX_BODY_BYTES,
    )
    async def unsubscribe(token: str) -> Response[str]:
        try:
            found = await port.run(notices.unsubscribe, token)
        except NotFoundError:  # the account went between the lookup and the change
            found = None
        if found is None:
            return _page(NOT_FOUND, status_code=404)
        return _page(_done(found))

    return [confirm_page, unsubscribe]


def _done(found: Unsubscription) -> str:
    what = KIND_WORDS.get(found.channel, found.channel)
    return (
        f"Done: {what} no longer come to {found.name} by email. Turn them back on with "
        "/settings in the Televent bot, or in the calendar app."
    )


def _page(text: str, *, button: str | None = None, status_code: int = 200) -> Response[str]:
    """A small page (no script, no outside resources); `text` and `button` are escaped."""
    form = (
        f'<form method="post"><button type="submit">{escape(button)}</button></form>'
        if button
        else ""
    )
    body = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Televent: email</title></head>\n"
        f"<body><h1>Televent</h1><p>{escape(text)}</p>{form}</body></html>\n"
    )
    return Response(body, status_code=status_code, media_type=MediaType.HTML, headers=HEADERS)
