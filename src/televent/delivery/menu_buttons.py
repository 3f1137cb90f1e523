"""The menu buttons the bot labelled in people's own chats: which address each opens, in which
language its label is.

Telegram keeps a chat's own menu button until the bot sets it again, so a button labelled when
the server answered at one address goes on opening that address after the operator moves the
server (a new TELEVENT_PUBLIC_URL) or stops serving the Mini App over HTTPS. The bot records
each button it labels here and, when it starts, relabels every chat whose button opens another
address than the one it serves now (adapters/telegram/bot.py), a page at a time; and the
default button of every chat, which it sets at each start over HTTPS (`EVERY_CHAT`), is
reset to Telegram's own when the server no longer offers the Mini App over HTTPS.

An operational table (`telegram_menu_buttons`, migration 0041), like the inline cards': where a
button points is not a fact about calendars, so it is not an event and not rebuilt from the
log; an erasure deletes the person's row (delivery/erasure.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from televent.projections.base import stamp
from televent.projections.view_reader import ViewReader

TABLE = "telegram_menu_buttons"
EVERY_CHAT = 0  # the row of the button every chat shows unless its own was set (no private
# chat has this id: a user's is positive)


@dataclass(frozen=True)
class LabelledChat:
    """A chat whose own menu button the bot labelled."""

    chat_id: int
    url: str  # the address the button opens
    language: str  # the language of its label


class MenuButtons:
    """Records the chats' own menu buttons and finds those that open another address."""

    def __init__(self, views: ViewReader, clock: Callable[[], dt.datetime]) -> None:
        self.views = views
        self.clock = clock

    def record(self, chat_id: int, url: str, language: str) -> None:
        """The bot labelled this chat's button to open `url`, in `language`."""
        with self.views.write() as db:
            db.run(
                f"INSERT INTO {TABLE} (chat_id, url, language, set_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (chat_id) DO UPDATE SET url = excluded.url, "
                "language = excluded.language, set_at = excluded.set_at",
                (chat_id, url, language, stamp(self.clock())),
            )

    def moved(self, chat: LabelledChat, url: str) -> None:
        """The bot set the chat's button to open `url` in the language read: recorded unless
        the row changed since it was read (relabelled, or gone with an erasure)."""
        with self.views.write() as db:
            db.run(
                f"UPDATE {TABLE} SET url = ?, set_at = ? WHERE chat_id = ? AND url = ? "
                "AND language = ?",
                (url, stamp(self.clock()), chat.chat_id, chat.url, chat.language),
            )

    def forget(self, chat: LabelledChat) -> None:
        """The chat's button is Telegram's default again, or the chat is gone: its row goes,
        unless it changed since it was read."""
        with self.views.write() as db:
            db.run(
                f"DELETE FROM {TABLE} WHERE chat_id = ? AND url = ? AND language = ?",
                (chat.chat_id, chat.url, chat.language),
            )

    def current(self, chat_id: int) -> LabelledChat | None:
        """What is recorded of the chat's button now (None: nothing)."""
        with self.views.read() as db:
            row = db.one(
                f"SELECT chat_id, url, language FROM {TABLE} WHERE chat_id = ?", (chat_id,)
            )
        return None if row is None else _chat(row)

    def opening_elsewhere(self, url: str | None, after: int, limit: int) -> list[LabelledChat]:
        """Up to `limit` chats after chat `after` whose button opens another address than
        `url` (None: the Mini App is not offered, so every labelled button is stale), in the
        order of their ids (`EVERY_CHAT`, the default, first)."""
        with self.views.read() as db:
            rows = db.all(
                f"SELECT chat_id, url, language FROM {TABLE} "
                "WHERE chat_id > ? AND url <> ? ORDER BY chat_id LIMIT ?",
                (after, url or "", limit),
            )
        return [_chat(row) for row in rows]


def _chat(row: Mapping[str, Any]) -> LabelledChat:
    return LabelledChat(int(row["chat_id"]), str(row["url"]), str(row["language"]))
