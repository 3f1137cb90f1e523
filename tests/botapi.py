"""A local stand-in for the Telegram Bot API, served over HTTP on loopback.

End-to-end tests point a real bot at ``FakeBotApi.base_url``. The stand-in answers the methods
the bot uses with result objects shaped like the real API's, records every call, feeds updates
pushed by the test through ``getUpdates``, and can answer with scripted errors.

It is deliberately simple: ``parse_mode`` is not applied (texts are echoed as sent), every chat
is a private chat with a user, and files are kept in memory.

Inline mode follows the Bot API: an inline query (``new_inline_query``) may be answered once with
``answerInlineQuery`` (at most 50 results, ids of 1-64 bytes and unique, an article needs a title
and a non-empty ``message_text``, callback data of 1-64 bytes, a ``button`` with ``text`` and one
of ``start_parameter`` (1-64 of A-Z a-z 0-9 _ -) or ``web_app``); ``choose_inline_result``
posts an answered result as an inline message, which has an ``inline_message_id`` only when
the result carries an inline keyboard, as ``chosen_inline_result`` reports it;
``inline_callback`` is a button press on such a message (``inline_message_id``, no ``message``).
``editMessageText`` and ``editMessageReplyMarkup`` with ``inline_message_id`` edit the inline
message and answer ``True``; an unknown one is ``MESSAGE_ID_INVALID``, an edit that changes
nothing is "message is not modified", as for ordinary messages.

Command menus follow the Bot API too: ``setMyCommands`` keeps one list per ``scope`` and
``language_code`` (empty: for every user of the scope without a list of their own), refusing a
``language_code`` that is not two letters of ISO 639-1 ("invalid language code specified"),
more than 100 commands, a command not of 1-32 of a-z 0-9 _ (``BOT_COMMAND_INVALID``) and a
description not of 1-256 characters (``BOT_COMMAND_DESCRIPTION_INVALID``); ``getMyCommands``
and ``deleteMyCommands`` read and drop the list of exactly the scope and language they name.
"""

from __future__ import annotations

import contextlib
import html
import itertools
import json
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email.message import Message as EmailMessage
from email.parser import HeaderParser
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qsl, urlsplit

__all__ = ["BOT_USERNAME", "Call", "FakeBotApi", "UploadedFile"]

BOT_USERNAME = "televent_test_bot"
BOT_FIRST_NAME = "Televent Test"
DEFAULT_BOT_ID = 123

MAX_LONG_POLL = 1.0
MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024  # getFile: "files of up to 20MB in size" (Bot API)
"""Longest a ``getUpdates`` call waits, whatever timeout it asks for, so shutdown stays fast."""

BLOCKED = "Forbidden: bot was blocked by the user"

# Parameters the Bot API takes as JSON-serialized values; forms carry them as JSON strings.
JSON_KEYS = frozenset(
    {
        "reply_markup",
        "commands",
        "allowed_updates",
        "entities",
        "caption_entities",
        "link_preview_options",
        "reply_parameters",
        "scope",
        "media",
        "menu_button",
        "results",
        "button",
    }
)
INT_KEYS = frozenset(
    {
        "chat_id",
        "message_id",
        "user_id",
        "offset",
        "limit",
        "timeout",
        "cache_time",
        "message_thread_id",
        "reply_to_message_id",
        "from_chat_id",
        "max_connections",
    }
)
BOOL_KEYS = frozenset(
    {
        "show_alert",
        "disable_notification",
        "protect_content",
        "drop_pending_updates",
        "disable_web_page_preview",
        "disable_content_type_detection",
        "allow_sending_without_reply",
        "is_personal",
    }
)
TRUE_METHODS = frozenset(
    {
        "answerCallbackQuery",
        "deleteWebhook",
        "setWebhook",
        "close",
        "logOut",
        "sendChatAction",
        "deleteMessage",
        "setChatMenuButton",
        "setMyDescription",
        "setMyShortDescription",
        "setMyName",
    }
)
# Methods that deliver something to a chat: a blocked user makes them fail with 403.
DELIVERY_PREFIXES = ("send", "edit", "copy", "forward")

_INT_RE = re.compile(r"-?\d+")
_COMMAND = re.compile(r"[a-z0-9_]{1,32}")
_LANGUAGE_CODE = re.compile(r"[a-z]{2}")
MAX_COMMANDS = 100
MAX_COMMAND_DESCRIPTION = 256


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart request."""

    filename: str
    content: bytes
    content_type: str = "application/octet-stream"


@dataclass(frozen=True)
class Call:
    """One request the bot made; ``failed`` is set when it was answered with an error."""

    method: str
    params: dict[str, Any]
    at: float
    failed: bool = False
    result: Any = None  # what the stand-in answered (a Message for sends and edits)

    @property
    def message_id(self) -> int | None:
        """The id of the message a send created or an edit changed."""
        if isinstance(self.result, dict):
            value = self.result.get("message_id")
            return None if value is None else int(value)
        return None

    @property
    def text(self) -> str:
        """The ``text`` parameter ("" when absent)."""
        return str(self.params.get("text") or "")

    @property
    def chat_id(self) -> int | str | None:
        """The ``chat_id`` parameter, if any."""
        value: int | str | None = self.params.get("chat_id")
        return value


@dataclass
class _Failure:
    method: str
    status: int
    description: str
    retry_after: int | None
    chat_id: int | str | None
    remaining: int


@dataclass
class _Reply:
    status: int
    body: dict[str, Any]
    failed: bool = False


@dataclass
class _State:
    calls: list[Call] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    messages: dict[tuple[int | str, int], dict[str, Any]] = field(default_factory=dict)
    next_message_id: dict[int | str, int] = field(default_factory=dict)
    users: dict[int, dict[str, Any]] = field(default_factory=dict)
    failures: list[_Failure] = field(default_factory=list)
    blocked: set[int | str] = field(default_factory=set)
    tokens: list[str] = field(default_factory=list)
    inline_queries: dict[str, dict[str, Any]] = field(default_factory=dict)  # id → query
    inline_answers: dict[str, dict[str, Any]] = field(default_factory=dict)  # id → params
    inline_messages: dict[str, dict[str, Any]] = field(default_factory=dict)
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # file_id → (path, data)


def _normalize_chat(value: object) -> int | str:
    """Chat ids compare as ints when they look like ints (forms carry them as strings)."""
    if isinstance(value, int):
        return value
    text = str(value)
    return int(text) if _INT_RE.fullmatch(text) else text


def _coerce_value(key: str, value: Any) -> Any:
    """One form string as the type the Bot API reads it as."""
    if not isinstance(value, str):
        return value
    if key in JSON_KEYS:
        try:
            return json.loads(value)
        except ValueError:
            return value
    if key in INT_KEYS and _INT_RE.fullmatch(value):
        return int(value)
    if key in BOOL_KEYS and value in ("true", "false"):
        return value == "true"
    return value


def _coerce(params: dict[str, Any]) -> dict[str, Any]:
    """Turn form strings into the types the Bot API reads them as."""
    return {key: _coerce_value(key, value) for key, value in params.items()}


def _resolve_attachments(value: Any, files: dict[str, UploadedFile]) -> Any:
    """Replace ``attach://name`` references with the uploaded file parts they name."""
    if isinstance(value, str) and value.startswith("attach://"):
        return files.get(value.removeprefix("attach://"), value)
    if isinstance(value, dict):
        return {key: _resolve_attachments(item, files) for key, item in value.items()}
    if isinstance(value, list):
        return [_resolve_attachments(item, files) for item in value]
    return value


def _header_params(raw_headers: bytes) -> EmailMessage:
    return HeaderParser().parsestr(raw_headers.decode("utf-8", errors="replace"))


def parse_multipart(body: bytes, boundary: str) -> Iterable[tuple[str, str | UploadedFile]]:
    """Split a multipart/form-data body into (name, value) pairs; file parts become uploads."""
    delimiter = b"\r\n--" + boundary.encode("latin-1")
    chunks = (b"\r\n" + body).split(delimiter)
    for chunk in chunks[1:]:
        if chunk.startswith(b"--"):
            break
        raw_headers, sep, data = chunk.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        if not sep:
            continue
        headers = _header_params(raw_headers)
        name = headers.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        filename = headers.get_filename()
        if filename is not None:
            content_type = headers.get_content_type() if "content-type" in headers else None
            yield (
                name,
                UploadedFile(filename, data, content_type or "application/octet-stream"),
            )
        else:
            charset = headers.get_content_charset() or "utf-8"
            yield name, data.decode(charset, errors="replace")


def parse_params(query: str, content_type: str | None, body: bytes) -> dict[str, Any]:
    """Parameters from the query string and a form, JSON or multipart body."""
    raw: dict[str, Any] = dict(parse_qsl(query, keep_blank_values=True))
    files: dict[str, UploadedFile] = {}
    headers = _header_params(f"Content-Type: {content_type or 'text/plain'}\r\n\r\n".encode())
    kind = headers.get_content_type()
    if kind == "application/x-www-form-urlencoded":
        charset = headers.get_content_charset() or "utf-8"
        raw.update(parse_qsl(body.decode(charset), keep_blank_values=True))
    elif kind == "application/json" and body.strip():
        decoded = json.loads(body)
        if isinstance(decoded, dict):
            raw.update(decoded)
    elif kind == "multipart/form-data":
        boundary = headers.get_boundary()
        if boundary:
            for name, value in parse_multipart(body, boundary):
                if isinstance(value, UploadedFile):
                    files[name] = value
                else:
                    raw[name] = value
    params = _coerce(raw)
    referenced = {
        value.removeprefix("attach://")
        for value in _strings(params)
        if value.startswith("attach://")
    }
    params = {key: _resolve_attachments(value, files) for key, value in params.items()}
    for name, upload in files.items():
        if name not in referenced:
            params.setdefault(name, upload)
    return params


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


MAX_TEXT = 4096  # what Telegram accepts, counted after entity parsing


def _visible_length(params: dict[str, Any]) -> int:
    """The text's length as Telegram counts it (HTML tags removed, entities decoded)."""
    text = str(params.get("text") or "")
    if params.get("parse_mode") == "HTML":
        text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return _utf16_len(text)


MAX_INLINE_RESULTS = 50
_START_PARAMETER = re.compile(r"[A-Za-z0-9_-]{1,64}")


def _inline_result_problem(result: Any, seen: set[str]) -> str | None:
    """What the Bot API refuses in one InlineQueryResult (articles checked in full)."""
    if not isinstance(result, dict) or not result.get("type"):
        return "RESULT_TYPE_INVALID"
    result_id = str(result.get("id") or "")
    if not 1 <= len(result_id.encode()) <= 64:
        return "RESULT_ID_INVALID"
    if result_id in seen:
        return "RESULT_ID_DUPLICATE"
    seen.add(result_id)
    if result["type"] == "article":
        if not result.get("title"):
            return "RESULT_TITLE_EMPTY"
        content = result.get("input_message_content")
        if not isinstance(content, dict):
            return "SEND_MESSAGE_TYPE_INVALID"
        if "message_text" in content:
            text = content.get("message_text")
            if not text:
                return "MESSAGE_EMPTY"
            shown = {"text": text, "parse_mode": content.get("parse_mode")}
            if _visible_length(shown) > MAX_TEXT:
                return "MESSAGE_TOO_LONG"
    markup = result.get("reply_markup")
    if markup is not None:
        if not isinstance(markup, dict) or "inline_keyboard" not in markup:
            return "REPLY_MARKUP_INVALID"
        return _keyboard_problem(markup)
    return None


def _keyboard_problem(markup: dict[str, Any]) -> str | None:
    for row in markup.get("inline_keyboard") or []:
        for button in row:
            if not button.get("text"):
                return "BUTTON_TEXT_INVALID"
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= 64:
                return "BUTTON_DATA_INVALID"
            if "url" in button and not str(button["url"]).startswith(
                ("http://", "https://", "tg://")
            ):
                return "BUTTON_URL_INVALID"
    return None


def _results_button_problem(button: Any) -> str | None:
    if not isinstance(button, dict) or not button.get("text"):
        return "BUTTON_TEXT_INVALID"
    has_start, has_app = "start_parameter" in button, "web_app" in button
    if has_start == has_app:
        return "BUTTON_TYPE_INVALID"
    if has_start and not _START_PARAMETER.fullmatch(str(button["start_parameter"])):
        return "START_PARAM_INVALID"
    return None


def _menu_key(params: dict[str, Any]) -> tuple[str, str]:
    """Which command list a call names: its scope (default: "default") and language code."""
    scope = params.get("scope") or {"type": "default"}
    return json.dumps(scope, sort_keys=True), str(params.get("language_code") or "")


def _commands_problem(method: str, params: dict[str, Any]) -> _Reply | None:
    """The Bot API's refusal of a command-menu call, or None."""
    language = str(params.get("language_code") or "")
    if language and not _LANGUAGE_CODE.fullmatch(language):
        return _error(HTTPStatus.BAD_REQUEST, "Bad Request: invalid language code specified")
    if method != "setMyCommands":
        return None
    commands = params.get("commands")
    if not isinstance(commands, list) or len(commands) > MAX_COMMANDS:
        return _error(HTTPStatus.BAD_REQUEST, "Bad Request: BOT_COMMANDS_TOO_MUCH")
    for command in commands:
        if not isinstance(command, dict) or not _COMMAND.fullmatch(str(command.get("command"))):
            return _error(HTTPStatus.BAD_REQUEST, "Bad Request: BOT_COMMAND_INVALID")
        description = command.get("description")
        if not isinstance(description, str) or not 1 <= len(description) <= MAX_COMMAND_DESCRIPTION:
            return _error(HTTPStatus.BAD_REQUEST, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
    return None


def _error(status: int, description: str, retry_after: int | None = None) -> _Reply:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if retry_after is not None:
        body["parameters"] = {"retry_after": retry_after}
    return _Reply(status, body, failed=True)


def _ok(result: Any) -> _Reply:
    return _Reply(HTTPStatus.OK, {"ok": True, "result": result})


class _Server(ThreadingHTTPServer):
    """One daemon thread per connection, and a listen backlog for bursts of concurrent sends."""

    daemon_threads = True
    request_queue_size = 256


class FakeBotApi:
    """A Telegram Bot API stand-in on 127.0.0.1, for one test or a whole session."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._state = _State()
        self._update_ids = itertools.count(1)
        self._callback_ids = itertools.count(1)
        self._inline_ids = itertools.count(1)
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._stopping = False
        self.admins: dict[int, set[int]] = {}  # group chat id -> its admins (set_admins)
        self.gone: dict[int, set[int]] = {}  # group chat id -> who left it (set_left)

    # ---- lifecycle -------------------------------------------------------------------------

    def start(self) -> Self:
        """Start serving on a free loopback port."""
        if self._server is not None:
            return self
        self._stopping = False
        server = _Server(("127.0.0.1", 0), _make_handler(self))
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="fake-bot-api",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; pending long polls end within ``MAX_LONG_POLL`` seconds."""
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        server, thread = self._server, self._thread
        self._server, self._thread = None, None
        if server is not None:
            server.shutdown()
            server.server_close()
        if thread is not None:
            thread.join(timeout=5)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        """The value for ``TELEGRAM_API_BASE``, e.g. ``http://127.0.0.1:40123``."""
        if self._server is None:
            raise RuntimeError("FakeBotApi is not started")
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def tokens(self) -> list[str]:
        """Every distinct bot token seen, in order of first use."""
        with self._cond:
            return list(self._state.tokens)

    # ---- injecting updates -----------------------------------------------------------------

    def push_message(
        self,
        user_id: int,
        text: str,
        *,
        username: str | None = None,
        first_name: str = "Test",
        language_code: str = "en",
    ) -> int:
        """Queue a private message from a user; returns its update_id."""
        user: dict[str, Any] = {
            "id": user_id,
            "is_bot": False,
            "first_name": first_name,
            "language_code": language_code,
        }
        if username is not None:
            user["username"] = username
        chat: dict[str, Any] = {"id": user_id, "type": "private", "first_name": first_name}
        if username is not None:
            chat["username"] = username
        with self._cond:
            self._state.users[user_id] = user
            message: dict[str, Any] = {
                "message_id": self._next_message_id(user_id),
                "from": user,
                "chat": chat,
                "date": int(time.time()),
                "text": text,
            }
            if text.startswith("/"):
                command = text.split(maxsplit=1)[0]
                message["entities"] = [
                    {"type": "bot_command", "offset": 0, "length": _utf16_len(command)}
                ]
            return self._push_update({"message": message})

    def add_file(
        self, data: bytes, *, file_name: str | None, mime_type: str | None
    ) -> dict[str, Any]:
        """Keep a file a user sends; returns its Document object for their message. The bot
        reads the file as the Bot API serves it: getFile gives its `file_path`, and
        `/file/bot<token>/<file_path>` its bytes (files over 20 MB cannot be downloaded)."""
        with self._cond:
            serial = len(self._state.files) + 1
            file_id = f"BQACAgIAAxkBAAI{serial:06d}"
            self._state.files[file_id] = (f"documents/file_{serial}.ics", data)
        document: dict[str, Any] = {
            "file_id": file_id,
            "file_unique_id": f"AgAD{serial:06d}",
            "file_size": len(data),
        }
        if file_name is not None:
            document["file_name"] = file_name
        if mime_type is not None:
            document["mime_type"] = mime_type
        return document

    def file_bytes(self, token: str, path: str) -> bytes | None:
        """The bytes served at `/file/bot<token>/<path>` (None: no such file)."""
        with self._cond:
            if token not in self._state.tokens:
                return None
            for file_path, data in self._state.files.values():
                if file_path == path:
                    return data
        return None

    def push_callback(
        self,
        user_id: int,
        data: str,
        *,
        message_id: int,
        username: str | None = None,
    ) -> str:
        """Queue a button press on the bot's message ``message_id``; returns the query id."""
        with self._cond:
            message = self._state.messages.get((user_id, message_id))
            if message is None:
                raise ValueError(f"the bot sent no message {message_id} to chat {user_id}")
            user = dict(
                self._state.users.get(user_id)
                or {"id": user_id, "is_bot": False, "first_name": "Test", "language_code": "en"}
            )
            if username is not None:
                user["username"] = username
            query_id = f"cbq-{next(self._callback_ids)}"
            self._push_update(
                {
                    "callback_query": {
                        "id": query_id,
                        "from": user,
                        "message": json.loads(json.dumps(message)),
                        "chat_instance": f"ci-{user_id}",
                        "data": data,
                    }
                }
            )
            return query_id

    # ---- inline mode -----------------------------------------------------------------------

    def new_inline_query(
        self, user: dict[str, Any], query: str, *, chat_type: str = "sender", offset: str = ""
    ) -> dict[str, Any]:
        """An InlineQuery from ``user`` (a User object), awaiting its one answer."""
        with self._cond:
            query_id = f"{user['id']}{next(self._inline_ids):08d}"
            inline_query = {
                "id": query_id,
                "from": dict(user),
                "query": query,
                "offset": offset,
                "chat_type": chat_type,
            }
            self._state.inline_queries[query_id] = inline_query
            return json.loads(json.dumps(inline_query))

    def push_inline_query(self, user: dict[str, Any], query: str, **kwargs: Any) -> str:
        """Queue an ``inline_query`` update for ``getUpdates``; returns the query id."""
        inline_query = self.new_inline_query(user, query, **kwargs)
        with self._cond:
            self._push_update({"inline_query": inline_query})
        return str(inline_query["id"])

    def inline_answer(self, query_id: str) -> dict[str, Any] | None:
        """The parameters ``answerInlineQuery`` answered the query with (None: unanswered)."""
        with self._cond:
            answer = self._state.inline_answers.get(query_id)
            return None if answer is None else json.loads(json.dumps(answer))

    def choose_inline_result(self, query_id: str, result_id: str) -> dict[str, Any]:
        """The user who asked posts one of the answered results in a chat: the inline message
        is created, and the ChosenInlineResult Telegram reports (with ``inline_message_id``
        only when the result has an inline keyboard) is returned."""
        with self._cond:
            query = self._state.inline_queries.get(query_id)
            answer = self._state.inline_answers.get(query_id)
            if query is None or answer is None:
                raise ValueError(f"inline query {query_id} was not answered")
            result = next((r for r in answer["results"] if r.get("id") == result_id), None)
            if result is None:
                raise ValueError(f"no result {result_id!r} in the answer to {query_id}")
            chosen: dict[str, Any] = {
                "result_id": result_id,
                "from": query["from"],
                "query": query["query"],
            }
            content = result.get("input_message_content") or {}
            markup = result.get("reply_markup")
            if markup and "inline_keyboard" in markup:
                inline_message_id = f"AgAAA{next(self._inline_ids):06d}{query_id}"
                message: dict[str, Any] = {"text": content.get("message_text", "")}
                if content.get("parse_mode"):
                    message["parse_mode"] = content["parse_mode"]
                message["reply_markup"] = markup
                self._state.inline_messages[inline_message_id] = message
                chosen["inline_message_id"] = inline_message_id
            return json.loads(json.dumps(chosen))

    def inline_message(self, inline_message_id: str) -> dict[str, Any] | None:
        """An inline message as it looks now (text, reply_markup), or None."""
        with self._cond:
            message = self._state.inline_messages.get(inline_message_id)
            return None if message is None else json.loads(json.dumps(message))

    def inline_callback(
        self, user: dict[str, Any], inline_message_id: str, data: str
    ) -> dict[str, Any]:
        """A CallbackQuery of a button press on an inline message (its data as given, so a
        test may forge it); Telegram sends no ``message`` for inline messages."""
        with self._cond:
            return {
                "id": f"cbq-{next(self._callback_ids)}",
                "from": dict(user),
                "inline_message_id": inline_message_id,
                "chat_instance": f"ci-inline-{inline_message_id}",
                "data": data,
            }

    # ---- scripted failures -----------------------------------------------------------------

    def fail(
        self,
        method: str,
        *,
        status: int,
        description: str,
        retry_after: int | None = None,
        chat_id: int | str | None = None,
        times: int = 1,
    ) -> None:
        """Answer the next ``times`` matching calls with a Bot API error."""
        target = None if chat_id is None else _normalize_chat(chat_id)
        with self._cond:
            self._state.failures.append(
                _Failure(method, status, description, retry_after, target, times)
            )

    def block(self, chat_id: int | str) -> None:
        """From now on, every send to this chat fails with 403 (the user blocked the bot)."""
        with self._cond:
            self._state.blocked.add(_normalize_chat(chat_id))

    def unblock(self, chat_id: int | str) -> None:
        """Undo ``block``."""
        with self._cond:
            self._state.blocked.discard(_normalize_chat(chat_id))

    # ---- inspecting calls ------------------------------------------------------------------

    def calls(self, method: str | None = None, chat_id: int | str | None = None) -> list[Call]:
        """Recorded calls (failed ones included), oldest first, optionally filtered."""
        with self._cond:
            return self._matching(method, chat_id, lambda call: True)

    def messages_to(self, chat_id: int | str) -> list[str]:
        """Texts of the successful sendMessage calls to a chat."""
        return [
            str(call.params.get("text", ""))
            for call in self.calls("sendMessage", chat_id)
            if not call.failed
        ]

    def wait_for(
        self,
        method: str,
        predicate: Callable[[Call], bool] = lambda call: True,
        timeout: float = 15.0,
    ) -> Call:
        """The first recorded call (past or future) matching; AssertionError on timeout."""
        return self.wait_for_count(method, 1, predicate, timeout)[0]

    def wait_for_count(
        self,
        method: str,
        n: int,
        predicate: Callable[[Call], bool] = lambda call: True,
        timeout: float = 15.0,
    ) -> list[Call]:
        """The first ``n`` matching calls, once there are that many; AssertionError on timeout."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = self._matching(method, None, predicate)
                if len(found) >= n:
                    return found[:n]
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    recorded = [call.method for call in self._state.calls]
                    raise AssertionError(
                        f"expected {n} matching {method} call(s), saw {len(found)}; "
                        f"recorded: {recorded}"
                    )
                self._cond.wait(min(remaining, 0.5))

    # ---- internals (callers hold self._cond unless noted) ---------------------------------

    def _matching(
        self, method: str | None, chat_id: int | str | None, predicate: Callable[[Call], bool]
    ) -> list[Call]:
        target = None if chat_id is None else _normalize_chat(chat_id)
        return [
            call
            for call in self._state.calls
            if (method is None or call.method == method)
            and (target is None or call.chat_id == target)
            and predicate(call)
        ]

    def _next_message_id(self, chat_id: int | str) -> int:
        message_id = self._state.next_message_id.get(chat_id, 1)
        self._state.next_message_id[chat_id] = message_id + 1
        return message_id

    def _push_update(self, payload: dict[str, Any]) -> int:
        update_id = next(self._update_ids)
        self._state.updates.append({"update_id": update_id, **payload})
        self._cond.notify_all()
        return update_id

    def _bot_user(self, token: str) -> dict[str, Any]:
        prefix = token.split(":", 1)[0]
        return {
            "id": int(prefix) if prefix.isdigit() else DEFAULT_BOT_ID,
            "is_bot": True,
            "first_name": BOT_FIRST_NAME,
            "username": BOT_USERNAME,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    def _handle(self, token: str, method: str, params: dict[str, Any]) -> _Reply:
        """Answer one call and record it (called from the server threads, takes the lock)."""
        if "chat_id" in params:
            params["chat_id"] = _normalize_chat(params["chat_id"])
        with self._cond:
            if token not in self._state.tokens:
                self._state.tokens.append(token)
        if method == "getUpdates":
            # Waiting for updates must not hold the lock, so it records on its own.
            reply = self._get_updates(params)
        else:
            with self._cond:
                reply = self._scripted_failure(method, params) or self._answer(
                    token, method, params
                )
        with self._cond:
            result = None if reply.failed else reply.body.get("result")
            self._state.calls.append(
                Call(method, params, time.time(), failed=reply.failed, result=result)
            )
            self._cond.notify_all()
        return reply

    def _scripted_failure(self, method: str, params: dict[str, Any]) -> _Reply | None:
        chat_id = params.get("chat_id")
        for failure in self._state.failures:
            if failure.method != method or failure.remaining <= 0:
                continue
            if failure.chat_id is not None and failure.chat_id != chat_id:
                continue
            failure.remaining -= 1
            return _error(failure.status, failure.description, failure.retry_after)
        if chat_id in self._state.blocked and method.startswith(DELIVERY_PREFIXES):
            return _error(HTTPStatus.FORBIDDEN, BLOCKED)
        return None

    def _answer(self, token: str, method: str, params: dict[str, Any]) -> _Reply:
        if method in TRUE_METHODS:
            if method == "deleteWebhook" and params.get("drop_pending_updates"):
                self._state.updates.clear()
            return _ok(True)
        if method == "getMe":
            return _ok(self._bot_user(token))
        if method == "getChatMember":
            return _ok(self._chat_member(params))
        if method == "getWebhookInfo":
            return _ok({"url": "", "has_custom_certificate": False, "pending_update_count": 0})
        if method in ("setMyCommands", "deleteMyCommands"):
            return _commands_problem(method, params) or _ok(True)
        if method == "getMyCommands":
            return _commands_problem(method, params) or _ok(self._last_commands(params))
        if method in ("sendMessage", "sendDocument"):
            return self._send(token, method, params)
        if method in ("editMessageText", "editMessageReplyMarkup"):
            return self._edit(method, params)
        if method == "answerInlineQuery":
            return self._answer_inline_query(params)
        if method == "getFile":
            return self._get_file(params)
        return _error(HTTPStatus.NOT_FOUND, "Not Found")

    def _get_file(self, params: dict[str, Any]) -> _Reply:
        """getFile: the File object of a file a user sent; as the Bot API, a file over 20 MB
        cannot be downloaded."""
        found = self._state.files.get(str(params.get("file_id", "")))
        if found is None:
            return _error(HTTPStatus.BAD_REQUEST, "Bad Request: invalid file_id")
        path, data = found
        if len(data) > MAX_DOWNLOAD_BYTES:
            return _error(HTTPStatus.BAD_REQUEST, "Bad Request: file is too big")
        serial = path.rsplit("_", 1)[1].removesuffix(".ics")
        return _ok(
            {
                "file_id": params["file_id"],
                "file_unique_id": f"AgAD{int(serial):06d}",
                "file_size": len(data),
                "file_path": path,
            }
        )

    def set_admins(self, chat_id: int, *user_ids: int) -> None:
        """Make these users the admins of a group (getChatMember says "creator" for them,
        "member" for everyone else)."""
        with self._cond:
            self.admins[chat_id] = set(user_ids)

    def set_left(self, chat_id: int, *user_ids: int) -> None:
        """These users are no longer in the group (getChatMember says "left" for them)."""
        with self._cond:
            self.gone[chat_id] = set(user_ids)

    def _chat_member(self, params: dict[str, Any]) -> dict[str, Any]:
        user_id = int(params.get("user_id") or 0)
        user = self._state.users.get(user_id) or {"id": user_id, "is_bot": False, "first_name": "X"}
        if user_id in self.gone.get(params.get("chat_id"), set()):  # type: ignore[arg-type]
            return {"status": "left", "user": user}
        if user_id in self.admins.get(params.get("chat_id"), set()):  # type: ignore[arg-type]
            return {"status": "creator", "user": user, "is_anonymous": False}
        return {"status": "member", "user": user}

    def _last_commands(self, params: dict[str, Any]) -> list[Any]:
        """The command list set last for the scope and language `params` name."""
        wanted = _menu_key(params)
        for call in reversed(self._state.calls):
            if call.failed or _menu_key(call.params) != wanted:
                continue
            if call.method == "setMyCommands":
                return list(call.params.get("commands") or [])
            if call.method == "deleteMyCommands":
                return []
        return []

    def commands(self, language_code: str = "") -> list[dict[str, Any]]:
        """The command menu set for a language (empty: the default one), as getMyCommands
        would answer it for the default scope."""
        with self._cond:
            return self._last_commands({"language_code": language_code})

    def _send(self, token: str, method: str, params: dict[str, Any]) -> _Reply:
        chat_id = params.get("chat_id")
        if chat_id is None:
            return _error(HTTPStatus.BAD_REQUEST, "Bad Request: chat_id is empty")
        chat: dict[str, Any] = {"id": chat_id, "type": "private"}
        user = self._state.users.get(chat_id) if isinstance(chat_id, int) else None
        if user is not None:
            chat["first_name"] = user["first_name"]
            if "username" in user:
                chat["username"] = user["username"]
        message: dict[str, Any] = {
            "date": int(time.time()),
            "chat": chat,
            "from": self._bot_user(token),
        }
        if method == "sendMessage":
            text = params.get("text")
            if not text:
                return _error(HTTPStatus.BAD_REQUEST, "Bad Request: message text is empty")
            if _visible_length(params) > MAX_TEXT:
                return _error(HTTPStatus.BAD_REQUEST, "Bad Request: message is too long")
            message["text"] = text
            if params.get("entities"):
                message["entities"] = params["entities"]
        else:
            document = params.get("document")
            if document is None:
                return _error(HTTPStatus.BAD_REQUEST, "Bad Request: there is no document")
            message["document"] = self._document(document)
            if params.get("caption"):
                message["caption"] = params["caption"]
        if params.get("reply_markup") and "inline_keyboard" in params["reply_markup"]:
            message["reply_markup"] = params["reply_markup"]
        message["message_id"] = self._next_message_id(chat_id)
        self._state.messages[(chat_id, message["message_id"])] = message
        return _ok(message)

    def _document(self, document: UploadedFile | str) -> dict[str, Any]:
        serial = sum(1 for call in self._state.calls if call.method == "sendDocument") + 1
        result: dict[str, Any] = {
            "file_id": f"doc-file-{serial}",
            "file_unique_id": f"doc-unique-{serial}",
        }
        if isinstance(document, UploadedFile):
            result["file_name"] = document.filename
            result["mime_type"] = document.content_type
            result["file_size"] = len(document.content)
        else:
            result["file_name"] = "document"
        return result

    def _edit(self, method: str, params: dict[str, Any]) -> _Reply:
        if "inline_message_id" in params:
            return self._edit_inline(method, params)
        key = (params.get("chat_id"), params.get("message_id"))
        stored = self._state.messages.get(key)  # type: ignore[arg-type]
        if stored is None:
            return _error(HTTPStatus.BAD_REQUEST, "Bad Request: message to edit not found")
        updated = dict(stored)
        if method == "editMessageText":
            if not params.get("text"):
                return _error(HTTPStatus.BAD_REQUEST, "Bad Request: message text is empty")
            if _visible_length(params) > MAX_TEXT:
                return _error(HTTPStatus.BAD_REQUEST, "Bad Request: message is too long")
            updated["text"] = params["text"]
            updated.pop("entities", None)
            if params.get("entities"):
                updated["entities"] = params["entities"]
        markup = params.get("reply_markup")
        if markup and "inline_keyboard" in markup:
            updated["reply_markup"] = markup
        else:
            updated.pop("reply_markup", None)
        if updated.get("text") == stored.get("text") and updated.get("reply_markup") == stored.get(
            "reply_markup"
        ):
            return _error(
                HTTPStatus.BAD_REQUEST,
                "Bad Request: message is not modified: specified new message content and "
                "reply markup are exactly the same as a current content and reply markup "
                "of the message",
            )
        updated["edit_date"] = int(time.time())
        self._state.messages[key] = updated  # type: ignore[index]
        return _ok(updated)

    def _answer_inline_query(self, params: dict[str, Any]) -> _Reply:
        query_id = str(params.get("inline_query_id") or "")
        if query_id not in self._state.inline_queries or query_id in self._state.inline_answers:
            return _error(
                HTTPStatus.BAD_REQUEST,
                "Bad Request: query is too old and response timeout expired or query ID is invalid",
            )
        results = params.get("results")
        if not isinstance(results, list):
            return _error(HTTPStatus.BAD_REQUEST, "Bad Request: results are not an array")
        if len(results) > MAX_INLINE_RESULTS:
            return _error(HTTPStatus.BAD_REQUEST, "Bad Request: RESULTS_TOO_MUCH")
        seen: set[str] = set()
        for result in results:
            problem = _inline_result_problem(result, seen)
            if problem is not None:
                return _error(HTTPStatus.BAD_REQUEST, f"Bad Request: {problem}")
        button = params.get("button")
        if button is not None:
            problem = _results_button_problem(button)
            if problem is not None:
                return _error(HTTPStatus.BAD_REQUEST, f"Bad Request: {problem}")
        self._state.inline_answers[query_id] = dict(params)
        return _ok(True)

    def _edit_inline(self, method: str, params: dict[str, Any]) -> _Reply:
        """An edit by ``inline_message_id``: the Bot API answers True, not the message."""
        key = str(params["inline_message_id"])
        stored = self._state.inline_messages.get(key)
        if stored is None:
            return _error(HTTPStatus.BAD_REQUEST, "Bad Request: MESSAGE_ID_INVALID")
        updated = dict(stored)
        if method == "editMessageText":
            if not params.get("text"):
                return _error(HTTPStatus.BAD_REQUEST, "Bad Request: message text is empty")
            if _visible_length(params) > MAX_TEXT:
                return _error(HTTPStatus.BAD_REQUEST, "Bad Request: message is too long")
            updated["text"] = params["text"]
        markup = params.get("reply_markup")
        if markup and "inline_keyboard" in markup:
            problem = _keyboard_problem(markup)
            if problem is not None:
                return _error(HTTPStatus.BAD_REQUEST, f"Bad Request: {problem}")
            updated["reply_markup"] = markup
        else:
            updated.pop("reply_markup", None)
        if updated == stored:
            return _error(
                HTTPStatus.BAD_REQUEST,
                "Bad Request: message is not modified: specified new message content and "
                "reply markup are exactly the same as a current content and reply markup "
                "of the message",
            )
        self._state.inline_messages[key] = updated
        return _ok(True)

    def _get_updates(self, params: dict[str, Any]) -> _Reply:
        offset = params.get("offset")
        limit = params.get("limit")
        limit = max(1, min(100, limit)) if isinstance(limit, int) and limit > 0 else 100
        timeout = params.get("timeout")
        wait = min(float(timeout), MAX_LONG_POLL) if isinstance(timeout, int) else 0.0
        deadline = time.monotonic() + wait
        with self._cond:
            failure = self._scripted_failure("getUpdates", params)
            if failure is not None:
                return failure
            if isinstance(offset, int):
                self._confirm(offset)
            while True:
                pending = self._pending(offset)
                remaining = deadline - time.monotonic()
                if pending or remaining <= 0 or self._stopping:
                    return _ok(json.loads(json.dumps(pending[:limit])))
                self._cond.wait(remaining)

    def _confirm(self, offset: int) -> None:
        updates = self._state.updates
        if offset < 0:
            del updates[: max(0, len(updates) + offset)]
        else:
            updates[:] = [update for update in updates if update["update_id"] >= offset]

    def _pending(self, offset: int | None) -> list[dict[str, Any]]:
        if isinstance(offset, int) and offset > 0:
            return [u for u in self._state.updates if u["update_id"] >= offset]
        return list(self._state.updates)


def _make_handler(api: FakeBotApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        """Routes ``/bot<token>/<method>`` to the stand-in; one request per connection."""

        protocol_version = "HTTP/1.0"
        server_version = "FakeBotApi/1.0"

        def do_GET(self) -> None:
            self._dispatch()

        def do_POST(self) -> None:
            self._dispatch()

        def log_message(self, format: str, *args: Any) -> None:
            """Stay quiet; the call log is the record."""

        def _read_body(self) -> bytes:
            if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
                parts: list[bytes] = []
                while True:
                    size = int(self.rfile.readline().split(b";", 1)[0].strip() or b"0", 16)
                    if size == 0:
                        while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                            pass
                        return b"".join(parts)
                    parts.append(self.rfile.read(size))
                    self.rfile.readline()
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length) if length > 0 else b""

        def _dispatch(self) -> None:
            url = urlsplit(self.path)
            download = re.fullmatch(r"/file/bot([^/]+)/(.+)", url.path)
            if download is not None and self.command == "GET":
                self._send_file(api.file_bytes(download.group(1), download.group(2)))
                return
            match = re.fullmatch(r"/bot([^/]+)/([A-Za-z]+)", url.path)
            if match is None:
                self._send(_error(HTTPStatus.NOT_FOUND, "Not Found"))
                return
            try:
                params = parse_params(
                    url.query, self.headers.get("Content-Type"), self._read_body()
                )
            except ValueError as exc:
                self._send(_error(HTTPStatus.BAD_REQUEST, f"Bad Request: {exc}"))
                return
            self._send(api._handle(match.group(1), match.group(2), params))

        def _send_file(self, data: bytes | None) -> None:
            if data is None:
                self._send(_error(HTTPStatus.NOT_FOUND, "Not Found"))
                return
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _send(self, reply: _Reply) -> None:
            payload = json.dumps(reply.body).encode()
            self.send_response(reply.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.send_header("Connection", "close")
            self.end_headers()
            # A client that gave up (e.g. its session closed) needs no answer.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(payload)

    return Handler
