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

from typing import Any

from litestar import Request, Response, get, post

from televent.adapters.i18n import speaking, t
from televent.adapters.port import AppPort
from televent.adapters.small_page import small_page
from televent.application.mail_notices import MailNotices, Unsubscription
from televent.domain.errors import NotFoundError
from televent.domain.languages import from_accept_language, language_for

UNSUBSCRIBE_PATH = "/unsubscribe"
MAX_BODY_BYTES = 4096  # "List-Unsubscribe=One-Click", or the page's form


def unsubscribe_handlers(notices: MailNotices, port: AppPort) -> list[Any]:
    """The route handlers of the unsubscribe link."""

    @get([f"{UNSUBSCRIBE_PATH}/{{token:str}}"], include_in_schema=False)
    async def confirm_page(token: str, request: Request[Any, Any, Any]) -> Response[str]:
        found = await port.run(notices.unsubscription, token)
        with speaking(_language(request, found)) as language:
            if found is None:
                return _page(language, t("mail-unsubscribe-not-found"), status_code=404)
            if not found.by_mail:
                return _page(language, _done(found))
            return _page(
                language,
                t("mail-unsubscribe-confirm", kind=found.channel, name=found.name),
                button=t("mail-unsubscribe-button", kind=found.channel),
            )

    @post(
        [f"{UNSUBSCRIBE_PATH}/{{token:str}}"],
        status_code=200,
        include_in_schema=False,
        request_max_body_size=MAX_BODY_BYTES,
    )
    async def unsubscribe(token: str, request: Request[Any, Any, Any]) -> Response[str]:
        try:
            found = await port.run(notices.unsubscribe, token)
        except NotFoundError:  # the account went between the lookup and the change
            found = None
        with speaking(_language(request, found)) as language:
            if found is None:
                return _page(language, t("mail-unsubscribe-not-found"), status_code=404)
            return _page(language, _done(found))

    return [confirm_page, unsubscribe]


def _language(request: Request[Any, Any, Any], found: Unsubscription | None) -> str:
    """The page speaks the language of the person whose mails these are (as their mails do),
    else what the browser asks for."""
    browser = from_accept_language(request.headers.get("accept-language"))
    return language_for(found.language if found is not None else None, browser)


def _done(found: Unsubscription) -> str:
    return t("mail-unsubscribe-done", kind=found.channel, name=found.name)


def _page(
    language: str, text: str, *, button: str | None = None, status_code: int = 200
) -> Response[str]:
    return small_page(
        language, t("mail-unsubscribe-page-title"), text, button=button, status_code=status_code
    )
