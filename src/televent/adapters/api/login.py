"""The browser login: `GET /app/login?token=...` (the link the bot's /app gives) and
`POST /api/v1/logout`.

The link's token is redeemed once for a session, kept in an HttpOnly cookie (SameSite=Lax, so
other sites cannot send requests with it; Secure when the server is reached over https), and
the browser is sent on to the Mini App with 303 See Other. A used, expired or unknown link
answers with a short page saying to ask the bot for a new one.

Link previews are not logins: Telegram fetches a link sent in a chat to show its preview (as
do other messengers), which would use the token up before the person taps it. Such fetchers
(recognised by their User-Agent) get a neutral page and the token stays valid.
"""

from __future__ import annotations

from html import escape
from typing import Annotated, Any

from litestar import Request, Response, get, post
from litestar.datastructures import Cookie
from litestar.params import QueryParameter
from litestar.response import Redirect

from televent.adapters.api.auth import SESSION_COOKIE
from televent.adapters.api.context import ApiContext
from televent.application.web_login import LOGIN_PATH, WebLogin

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


def _page(status: int, title: str, text: str) -> Response[str]:
    body = (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        '<meta name=viewport content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)} · Televent</title>"
        "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;"
        "padding:0 1rem}</style></head>"
        f"<body><h1>{escape(title)}</h1><p>{escape(text)}</p></body></html>"
    )
    return Response(
        body,
        status_code=status,
        media_type="text/html; charset=utf-8",
        headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"},
    )


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
            return _page(200, "Televent", "Open this link to sign in to your calendar.")
        if not token or len(token) > MAX_TOKEN_LENGTH:
            return _page(
                400,
                "This login link is incomplete",
                "Open the whole link the bot sent you, or send /app to the bot for a new one.",
            )
        session = await api.port.run(web_login.redeem, token)
        if session is None:
            return _page(
                410,
                "This login link no longer works",
                "A login link works once, for a few minutes. Send /app to the Televent bot "
                "for a new one.",
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
