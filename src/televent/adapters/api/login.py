"""The browser login: `GET /app/login?token=...` (the link the bot's /app gives) and
`POST /api/v1/logout`.

The link's token is redeemed once for a session, kept in an HttpOnly cookie (SameSite=Lax, so
other sites cannot send requests with it; Secure when the server is reached over https), and
the browser is sent on to the Mini App with 303 See Other. A used, expired or unknown link
answers with a short page saying to ask the bot for a new one, in the language the browser asks
for (Accept-Language: there is no account before the login), else English.

Link previews are not logins: Telegram fetches a link sent in a chat to show its preview (as
do other messengers), which would use the token up before the person taps it. Such fetchers
(recognised by their User-Agent) get a neutral page and the token stays valid.
"""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Response, get, post
from litestar.datastructures import Cookie
from litestar.params import QueryParameter
from litestar.response import Redirect

from televent.adapters.api.auth import SESSION_COOKIE
from televent.adapters.api.context import ApiContext
from televent.adapters.i18n import speaking, t
from televent.adapters.small_page import small_page
from televent.application.web_login import LOGIN_PATH, WebLogin
from televent.domain.languages import from_accept_language, language_for

MAX_TOKEN_LENGTH = 200
LINK_PREVIEW_AGENTS = (
    "telegrambot",
    "twitterbot",
    "facebookexternalhit",
    "slackbot",
    "whatsapp",
    "discordbot",
    "skypeuripreview",
)


def session_cookie(value: str, *, max_age: int, secure: bool) -> Cookie:
    """The session cookie (an empty value with max_age 0 deletes it)."""
    return Cookie(
        key=SESSION_COOKIE,
        value=value,
        path="/",
        max_age=max_age,
        httponly=True,
        samesite="lax",
        secure=secure,
    )


def _language(request: Request[Any, Any, Any]) -> str:
    """The language of the login link's pages: the browser's (there is no account before the
    login), else English."""
    return language_for(None, from_accept_language(request.headers.get("accept-language")))


def _page(language: str, status: int, text: str, heading: str | None = None) -> Response[str]:
    """A small page in `language` (its heading Televent unless one is given)."""
    title = "Televent" if heading is None else f"{heading} · Televent"
    return small_page(language, title, text, heading=heading or "Televent", status_code=status)


def login_handlers(web_login: WebLogin, *, session_seconds: int, secure: bool) -> list[Any]:
    """The login link's page and the logout endpoint, on the composition's WebLogin."""

    @get(LOGIN_PATH, include_in_schema=False, cache=False)
    async def login(
        api: ApiContext,
        request: Request[Any, Any, Any],
        token: Annotated[str | None, QueryParameter(name="token")] = None,
    ) -> Response[Any]:
        agent = request.headers.get("user-agent", "").lower()
        if any(name in agent for name in LINK_PREVIEW_AGENTS):
            with speaking(_language(request)) as language:
                return _page(language, 200, t("login-page-preview"))
        if not token or len(token) > MAX_TOKEN_LENGTH:
            with speaking(_language(request)) as language:
                return _page(
                    language,
                    400,
                    t("login-page-incomplete"),
                    heading=t("login-page-incomplete-title"),
                )
        session = await api.port.run(web_login.redeem, token)
        if session is None:
            with speaking(_language(request)) as language:
                return _page(
                    language, 410, t("login-page-used"), heading=t("login-page-used-title")
                )
        return Redirect(
            "/app/",
            status_code=303,
            cookies=[session_cookie(session, max_age=session_seconds, secure=secure)],
            headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"},
        )

    @post("/logout", status_code=204, summary="End the browser session", tags=["me"])
    async def logout(api: ApiContext, request: Request[Any, Any, Any]) -> Response[None]:
        """Ends the session of the login-link cookie (if any) and deletes the cookie."""
        session = request.cookies.get(SESSION_COOKIE)
        if session:
            await api.port.run(web_login.logout, session)
        return Response(
            None, status_code=204, cookies=[session_cookie("", max_age=0, secure=secure)]
        )

    return [login, logout]
