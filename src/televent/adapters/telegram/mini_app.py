"""Where the bot sends people to the Mini App: the menu button, `/app` and each card's "Open".

The Mini App is served by `televent serve` under `<public URL>/app/`. Telegram opens a Mini App
(a `web_app` button, or the chat's menu button) only from an HTTPS address, so:

- with an `https://` public URL (TELEVENT_PUBLIC_URL), the chat's menu button opens the app,
  `/app` answers with an "Open calendar" `web_app` button, and every event card (the `/event`
  card, the card of a newly saved event, invitation cards) carries an "Open" `web_app` button to
  `<public URL>/app/#event=<event id>`;
- with a plain `http://` URL (a local run), no menu button is set and cards carry no "Open"
  button. A URL button would be the only alternative, and it is left out on purpose: Telegram
  refuses buttons to addresses such as 127.0.0.1 or localhost and then refuses the whole
  message with them (an invitation card would be lost for a button), and in a browser the app
  needs a login first anyway. `/app` still gives the browser login link, as text.

The browser login link (`<public URL>/app/login?token=...`) works once and for a short time
(10 minutes unless TELEVENT_LOGIN_LINK_SECONDS says otherwise); the token comes from
`LoginLinks`. Messages carrying it are sent without a link preview (the bot's default), so no
preview fetcher can spend the token before its owner does.

Should Telegram still refuse a card because of its "Open" button (an HTTPS address it will not
open as a Mini App), the delivery sender sends the card again without it (delivery.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit
from uuid import UUID

from aiogram.types import MenuButtonWebApp, WebAppInfo

from televent.application.web_login import lifetime_words, login_url


class LoginLinks(Protocol):
    """Issues the one-time token of a browser login link for a Telegram user."""

    def issue_link_token(self, telegram_id: int) -> str:
        """A token valid once, for 10 minutes, that logs `telegram_id` in."""
        ...


@dataclass(frozen=True)
class MiniApp:
    """The Mini App's public addresses, derived from the server's public base URL."""

    base_url: str  # e.g. "https://calendar.example.com" or "http://127.0.0.1:8080", no "/" end
    login_link_seconds: int = 600  # how long a login link works (the login store's setting)
    short_name: str | None = None  # as registered with @BotFather's /newapp (direct links)

    @classmethod
    def at(
        cls, public_url: str, *, login_link_seconds: int = 600, short_name: str | None = None
    ) -> MiniApp:
        """The Mini App under a public base URL (a trailing slash or none)."""
        return cls(public_url.strip().rstrip("/"), login_link_seconds, short_name)

    def calendar_link(self, bot_username: str | None, calendar_id: UUID) -> str | None:
        """A direct link opening the Mini App on one calendar (Telegram's
        `t.me/<bot>/<app>?startapp=`; the app shows it only to those who may see it), or None
        when the app has no registered short name."""
        if not self.short_name or not bot_username:
            return None
        return f"https://t.me/{bot_username}/{self.short_name}?startapp=cal_{calendar_id.hex}"

    @property
    def login_link_lifetime(self) -> str:
        """How long a login link works, in words ("10 minutes")."""
        return lifetime_words(self.login_link_seconds)

    @property
    def secure(self) -> bool:
        """Whether Telegram can open it as a Mini App (it requires HTTPS)."""
        return urlsplit(self.base_url).scheme.lower() == "https"

    @property
    def home(self) -> str:
        """The app's start page."""
        return f"{self.base_url}/app/"

    def event_url(self, event_id: UUID) -> str:
        """The app opened on one event."""
        return f"{self.home}#event={event_id}"

    def login_url(self, token: str) -> str:
        """The browser login link carrying a one-time token (the one `televent login-link`
        prints too)."""
        return login_url(self.base_url, token)

    def open_url(self, event_id: UUID) -> str | None:
        """The address of a card's "Open" button, or None when Telegram cannot open it."""
        return self.event_url(event_id) if self.secure else None

    def menu_button(self, text: str) -> MenuButtonWebApp | None:
        """The chat menu button opening the app, labelled `text`, or None when Telegram cannot
        open it."""
        if not self.secure:
            return None
        return MenuButtonWebApp(text=text, web_app=WebAppInfo(url=self.home))


def open_url(mini_app: MiniApp | None, event_id: UUID) -> str | None:
    """A card's "Open" address when the bot knows the Mini App and Telegram can open it."""
    return None if mini_app is None else mini_app.open_url(event_id)
