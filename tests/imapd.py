"""A minimal IMAP4rev1 server (RFC 3501) on loopback, standing in for a mail server in tests.

It holds one mailbox as a list of messages, each a UID, raw RFC 5322 bytes and a set of flags,
and serves it to any number of sequential or concurrent clients::

    with ImapStandIn("alice", "secret") as server:
        uid = server.deliver(b"Subject: hi\\r\\n\\r\\nbody\\r\\n")
        ...  # poll 127.0.0.1:server.port
        assert "\\\\Seen" in server.flags(uid)

Supported: the greeting, CAPABILITY, NOOP, STARTTLS, LOGIN, SELECT and EXAMINE, UID SEARCH
(ALL, SEEN, UNSEEN), UID FETCH (UID, FLAGS, RFC822.SIZE, BODY[], BODY.PEEK[]), UID STORE (FLAGS,
+FLAGS, -FLAGS, each optionally .SILENT) and LOGOUT. Anything else, including literals sent by
the client, is answered with BAD. There is no expunge.

By default the server speaks plain TCP and knows no STARTTLS. Given a server-side
``ssl.SSLContext`` (see ``server_tls_context``) it serves TLS:

* ``implicit_tls=True``: every connection is TLS from the first byte (``imaps://``, RFC 8314);
* otherwise STARTTLS (RFC 3501 section 6.2.1) is advertised and upgrades the connection after
  its tagged OK; once upgraded, STARTTLS is neither advertised nor accepted again.
  ``login_requires_tls=True`` also advertises LOGINDISABLED and refuses LOGIN with
  ``NO [PRIVACYREQUIRED]`` (RFC 5530) until the connection is upgraded.

Every received command line is recorded in ``commands`` (the LOGIN password masked), and every
LOGIN attempt in ``logins`` with whether the connection was encrypted at the time, so tests can
check what a client sent and how.
"""

from __future__ import annotations

import contextlib
import socket
import socketserver
import ssl
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from os import PathLike
from types import TracebackType
from typing import Self
from urllib.parse import quote

__all__ = ["ImapStandIn", "LoginAttempt", "server_tls_context"]

MAX_LINE = 8192
SYSTEM_FLAGS = ("\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft")

Token = str | list["Token"]


class _Bad(Exception):
    """The command cannot be parsed or is not supported: answered with BAD."""


@dataclass(frozen=True)
class LoginAttempt:
    """One LOGIN command as the stand-in saw it (never the password)."""

    user: str
    over_tls: bool
    """Whether the connection was encrypted (implicit TLS or after STARTTLS) at the time."""
    accepted: bool


def server_tls_context(
    certfile: str | PathLike[str], keyfile: str | PathLike[str]
) -> ssl.SSLContext:
    """A server-side TLS context presenting this PEM certificate (chain) and private key."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certfile, keyfile)
    return context


@dataclass
class _Message:
    uid: int
    raw: bytes
    flags: set[str] = field(default_factory=set)


class ImapStandIn:
    """One mailbox served over IMAP4rev1 on 127.0.0.1, on a free port, in background threads."""

    def __init__(
        self,
        user: str,
        password: str,
        *,
        mailbox: str = "INBOX",
        uidvalidity: int = 1,
        idle_timeout: float = 10.0,
        tls: ssl.SSLContext | None = None,
        implicit_tls: bool = False,
        login_requires_tls: bool = False,
    ) -> None:
        if tls is None and (implicit_tls or login_requires_tls):
            raise ValueError("implicit_tls and login_requires_tls need a TLS context (tls=...)")
        self.user = user
        self.password = password
        self.mailbox = mailbox
        self.uidvalidity = uidvalidity
        self.idle_timeout = idle_timeout
        self.tls = tls
        self.implicit_tls = implicit_tls
        self.login_requires_tls = login_requires_tls
        self.commands: list[str] = []
        self.logins: list[LoginAttempt] = []
        self._messages: list[_Message] = []
        self._next_uid = 1
        self._lock = threading.Lock()
        self._connections: set[socket.socket] = set()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- test API -----------------------------------------------------------------------------

    @property
    def host(self) -> str:
        return "127.0.0.1"

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the IMAP stand-in is not running")
        return int(self._server.server_address[1])

    def deliver(self, raw: bytes, flags: Iterable[str] = ()) -> int:
        """Append a message to the mailbox; return its UID."""
        with self._lock:
            uid = self._next_uid
            self._next_uid += 1
            self._messages.append(_Message(uid, bytes(raw), set(flags)))
            return uid

    def flags(self, uid: int) -> frozenset[str]:
        """The flags of the message with this UID (KeyError if there is none)."""
        with self._lock:
            for message in self._messages:
                if message.uid == uid:
                    return frozenset(message.flags)
        raise KeyError(uid)

    def url(
        self, password: str | None = None, mailbox: str | None = None, *, verify: bool = True
    ) -> str:
        """A URL for this server, optionally with another password or mailbox.

        ``imaps://`` with implicit TLS, else ``imap://``; ``verify=False`` adds ``verify=no``.
        User name and password are percent-encoded.
        """
        scheme = "imaps" if self.implicit_tls else "imap"
        secret = self.password if password is None else password
        credentials = f"{quote(self.user, safe='')}:{quote(secret, safe='')}"
        options = "?timeout=5" if verify else "?timeout=5&verify=no"
        return (
            f"{scheme}://{credentials}"
            f"@{self.host}:{self.port}/{self.mailbox if mailbox is None else mailbox}{options}"
        )

    # -- lifecycle ----------------------------------------------------------------------------

    def start(self) -> None:
        if self._server is not None:
            raise RuntimeError("the IMAP stand-in is already running")
        self._server = _Server((self.host, 0), _Session, self)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="imap-stand-in",
            daemon=True,
        )
        self._thread.start()

    def stop(self) -> None:
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        server.shutdown()
        with self._lock:
            connections = list(self._connections)
        for connection in connections:  # wake sessions blocked on a read
            with contextlib.suppress(OSError):
                # The plain socket's shutdown: SSLSocket.shutdown would also drop its TLS state
                # under the feet of the session thread reading from it.
                socket.socket.shutdown(connection, socket.SHUT_RDWR)
        server.server_close()  # joins the session threads
        thread.join(timeout=5)
        self._server = self._thread = None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


class _Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = False
    block_on_close = True

    def __init__(
        self,
        address: tuple[str, int],
        handler: type[socketserver.BaseRequestHandler],
        stand_in: ImapStandIn,
    ) -> None:
        self.stand_in = stand_in
        super().__init__(address, handler)


class _Session(socketserver.StreamRequestHandler):
    """One client connection: the states of RFC 3501 section 3."""

    server: _Server

    def setup(self) -> None:
        self.stand_in = self.server.stand_in
        super().setup()
        self.connection.settimeout(self.stand_in.idle_timeout)
        with self.stand_in._lock:
            self.stand_in._connections.add(self.connection)
        self.state = "NONAUTH"
        self.read_only = False
        self.encrypted = False
        self.pending: list[bytes] = []

    def finish(self) -> None:
        with self.stand_in._lock:
            self.stand_in._connections.discard(self.connection)
        with contextlib.suppress(OSError):
            super().finish()
        if self.connection is not self.request:  # the TLS socket that replaced the plain one
            with contextlib.suppress(OSError):
                self.connection.close()

    def handle(self) -> None:
        try:
            if self.stand_in.implicit_tls and not self.start_tls():
                return
            self.send(b"* OK [CAPABILITY " + self.capabilities() + b"] IMAP stand-in ready")
            self.flush()
            while self.state != "LOGOUT":
                line = self.rfile.readline(MAX_LINE)
                if not line:
                    return
                if not line.endswith(b"\n"):
                    self.send(b"* BYE line too long")
                    self.flush()
                    return
                self.dispatch(line.rstrip(b"\r\n").decode("utf-8", "replace"))
                self.flush()
        except TimeoutError:
            with contextlib.suppress(OSError):
                self.send(b"* BYE Autologout; idle for too long")
                self.flush()
        except OSError:
            return

    def start_tls(self) -> bool:
        """Switch the connection to TLS (server side); False if the handshake failed.

        Whatever the client sent in plain text beyond the STARTTLS line is dropped with the old
        reader, never executed as a command (the STARTTLS command injection of CVE-2011-0411).
        """
        context = self.stand_in.tls
        if context is None:
            raise RuntimeError("no TLS context")
        plain = self.connection
        # Wrapping does no I/O yet, so the session owns the TLS socket before the handshake.
        secure = context.wrap_socket(plain, server_side=True, do_handshake_on_connect=False)
        with self.stand_in._lock:
            self.stand_in._connections.discard(plain)
            self.stand_in._connections.add(secure)
        self.connection = secure
        with contextlib.suppress(OSError):
            self.rfile.close()
        self.rfile = secure.makefile("rb")  # buffered, as rbufsize = -1 makes it
        try:
            secure.do_handshake()
        except OSError:  # ssl.SSLError among them: e.g. the client rejected the certificate
            return False
        self.encrypted = True
        return True

    def capabilities(self) -> bytes:
        names = ["IMAP4rev1"]
        if self.stand_in.tls is not None and not self.encrypted:
            names.append("STARTTLS")
            if self.stand_in.login_requires_tls:
                names.append("LOGINDISABLED")
        return " ".join(names).encode()

    def send(self, line: bytes) -> None:
        self.pending.append(line + b"\r\n")

    def flush(self) -> None:
        """Write a whole response at once (small separate writes would meet Nagle's delay)."""
        data, self.pending = b"".join(self.pending), []
        self.connection.sendall(data)  # as wfile would, but also after a switch to TLS

    def dispatch(self, line: str) -> None:
        tag, _, rest = line.partition(" ")
        name, _, arguments = rest.partition(" ")
        name = name.upper()
        self.record(tag, name, arguments, line)
        if not tag or not name or tag == "*":
            self.send(b"* BAD missing tag or command")
            return
        command: Callable[[str, list[Token]], None] | None = getattr(self, f"do_{name}", None)
        try:
            if command is None:
                raise _Bad(f"unknown command {name}")
            command(tag, _tokenize(arguments))
        except _Bad as exc:
            self.send(f"{tag} BAD {exc}".encode())

    def record(self, tag: str, name: str, arguments: str, line: str) -> None:
        if name == "LOGIN":
            user = arguments.partition(" ")[0]
            line = f"{tag} LOGIN {user} ***"
        with self.stand_in._lock:
            self.stand_in.commands.append(line)

    def require(self, *states: str) -> None:
        if self.state not in states:
            raise _Bad(f"command not allowed in state {self.state}")

    # -- any state ----------------------------------------------------------------------------

    def do_CAPABILITY(self, tag: str, args: list[Token]) -> None:
        _expect(args, 0)
        self.send(b"* CAPABILITY " + self.capabilities())
        self.send(f"{tag} OK CAPABILITY completed".encode())

    def do_NOOP(self, tag: str, args: list[Token]) -> None:
        _expect(args, 0)
        self.send(f"{tag} OK NOOP completed".encode())

    def do_LOGOUT(self, tag: str, args: list[Token]) -> None:
        _expect(args, 0)
        self.send(b"* BYE IMAP stand-in logging out")
        self.send(f"{tag} OK LOGOUT completed".encode())
        self.state = "LOGOUT"

    # -- not authenticated --------------------------------------------------------------------

    def do_STARTTLS(self, tag: str, args: list[Token]) -> None:
        if self.stand_in.tls is None:
            raise _Bad("unknown command STARTTLS")
        if self.encrypted:
            raise _Bad("TLS is already active")
        self.require("NONAUTH")
        _expect(args, 0)
        self.send(f"{tag} OK Begin TLS negotiation now".encode())
        self.flush()
        if not self.start_tls():
            self.state = "LOGOUT"  # nothing sensible can be said on a failed handshake

    def do_LOGIN(self, tag: str, args: list[Token]) -> None:
        self.require("NONAUTH")
        user, password = (_string(arg) for arg in _expect(args, 2))
        if self.stand_in.login_requires_tls and not self.encrypted:
            self.log_in(user, accepted=False)
            self.send(f"{tag} NO [PRIVACYREQUIRED] LOGIN needs TLS; use STARTTLS".encode())
            return
        if (user, password) != (self.stand_in.user, self.stand_in.password):
            self.log_in(user, accepted=False)
            self.send(f"{tag} NO [AUTHENTICATIONFAILED] Invalid credentials".encode())
            return
        self.log_in(user, accepted=True)
        self.state = "AUTH"
        self.send(f"{tag} OK LOGIN completed".encode())

    def log_in(self, user: str, *, accepted: bool) -> None:
        with self.stand_in._lock:
            self.stand_in.logins.append(LoginAttempt(user, self.encrypted, accepted))

    # -- authenticated ------------------------------------------------------------------------

    def do_SELECT(self, tag: str, args: list[Token], *, read_only: bool = False) -> None:
        self.require("AUTH", "SELECTED")
        (name,) = (_string(arg) for arg in _expect(args, 1))
        self.state = "AUTH"  # a failed SELECT leaves no mailbox selected
        wanted = self.stand_in.mailbox
        if name != wanted and not (name.upper() == "INBOX" == wanted.upper()):
            self.send(f"{tag} NO [NONEXISTENT] No such mailbox".encode())
            return
        with self.stand_in._lock:
            messages = list(self.stand_in._messages)
            next_uid = self.stand_in._next_uid
        self.send(b"* FLAGS (" + " ".join(SYSTEM_FLAGS).encode() + b")")
        self.send(f"* {len(messages)} EXISTS".encode())
        self.send(b"* 0 RECENT")
        self.send(f"* OK [UIDVALIDITY {self.stand_in.uidvalidity}] UIDs valid".encode())
        self.send(f"* OK [UIDNEXT {next_uid}] Predicted next UID".encode())
        self.send(b"* OK [PERMANENTFLAGS (" + " ".join(SYSTEM_FLAGS).encode() + b")] Limited")
        self.state = "SELECTED"
        self.read_only = read_only
        mode = "READ-ONLY" if read_only else "READ-WRITE"
        verb = "EXAMINE" if read_only else "SELECT"
        self.send(f"{tag} OK [{mode}] {verb} completed".encode())

    def do_EXAMINE(self, tag: str, args: list[Token]) -> None:
        self.do_SELECT(tag, args, read_only=True)

    # -- selected -----------------------------------------------------------------------------

    def do_UID(self, tag: str, args: list[Token]) -> None:
        self.require("SELECTED")
        if not args or not isinstance(args[0], str):
            raise _Bad("UID needs a command")
        name, rest = args[0].upper(), args[1:]
        if name == "SEARCH":
            self.uid_search(rest)
        elif name == "FETCH":
            self.uid_fetch(rest)
        elif name == "STORE":
            self.uid_store(rest)
        else:
            raise _Bad(f"UID {name} is not supported")
        self.send(f"{tag} OK UID {name} completed".encode())

    def uid_search(self, args: list[Token]) -> None:
        if not args:
            raise _Bad("SEARCH needs criteria")
        tests: list[Callable[[_Message], bool]] = []
        for arg in args:
            key = arg.upper() if isinstance(arg, str) else ""
            if key == "ALL":
                tests.append(lambda message: True)
            elif key == "SEEN":
                tests.append(lambda message: "\\Seen" in message.flags)
            elif key == "UNSEEN":
                tests.append(lambda message: "\\Seen" not in message.flags)
            else:
                raise _Bad(f"search key {arg!r} is not supported")
        with self.stand_in._lock:
            uids = [m.uid for m in self.stand_in._messages if all(t(m) for t in tests)]
        self.send(" ".join(["* SEARCH", *map(str, uids)]).encode())

    def uid_fetch(self, args: list[Token]) -> None:
        uid_set, items = _expect(args, 2)
        names = [items] if isinstance(items, str) else items
        wanted: list[str] = []
        for name in names:
            if not isinstance(name, str):
                raise _Bad("nested fetch items are not supported")
            item = name.upper()
            if item not in {"UID", "FLAGS", "RFC822.SIZE", "BODY[]", "BODY.PEEK[]"}:
                raise _Bad(f"fetch item {name} is not supported")
            wanted.append(item)
        with self.stand_in._lock:
            matches = self.select_uids(uid_set)
            responses = []
            for seq, message in matches:
                if "BODY[]" in wanted and not self.read_only:
                    message.flags.add("\\Seen")
                parts = [f"UID {message.uid}".encode()]
                for item in wanted:
                    if item == "FLAGS":
                        parts.append(_flag_list(message.flags))
                    elif item == "RFC822.SIZE":
                        parts.append(f"RFC822.SIZE {len(message.raw)}".encode())
                    elif item in {"BODY[]", "BODY.PEEK[]"}:
                        parts.append(f"BODY[] {{{len(message.raw)}}}\r\n".encode() + message.raw)
                responses.append(f"* {seq} FETCH (".encode() + b" ".join(parts) + b")")
        for response in responses:
            self.send(response)

    def uid_store(self, args: list[Token]) -> None:
        uid_set, action, flags = _expect(args, 3)
        if not isinstance(action, str):
            raise _Bad("STORE needs FLAGS, +FLAGS or -FLAGS")
        action = action.upper()
        silent = action.endswith(".SILENT")
        action = action.removesuffix(".SILENT")
        if action not in {"FLAGS", "+FLAGS", "-FLAGS"}:
            raise _Bad(f"STORE {action} is not supported")
        names = [flags] if isinstance(flags, str) else flags
        if not all(isinstance(name, str) for name in names):
            raise _Bad("flags must be atoms")
        given = {_canonical_flag(str(name)) for name in names}
        if self.read_only:
            raise _Bad("mailbox is read-only")
        with self.stand_in._lock:
            responses = []
            for seq, message in self.select_uids(uid_set):
                if action == "FLAGS":
                    message.flags = set(given)
                elif action == "+FLAGS":
                    message.flags |= given
                else:
                    message.flags -= given
                flag_list = _flag_list(message.flags)
                responses.append(f"* {seq} FETCH (UID {message.uid} ".encode() + flag_list + b")")
        if not silent:
            for response in responses:
                self.send(response)

    def select_uids(self, uid_set: Token) -> list[tuple[int, _Message]]:
        """Messages (with sequence numbers) whose UIDs are in a sequence set; lock held."""
        if not isinstance(uid_set, str):
            raise _Bad("expected a UID set")
        messages = self.stand_in._messages
        largest = messages[-1].uid if messages else 0
        ranges: list[tuple[int, int]] = []
        for part in uid_set.split(","):
            low, _, high = part.partition(":")
            first, last = _number(low, largest), _number(high or low, largest)
            ranges.append((min(first, last), max(first, last)))
        return [
            (seq, message)
            for seq, message in enumerate(messages, start=1)
            if any(first <= message.uid <= last for first, last in ranges)
        ]


def _tokenize(text: str) -> list[Token]:
    """Split command arguments into atoms, quoted strings and parenthesised lists."""
    stack: list[list[Token]] = [[]]
    i = 0
    while i < len(text):
        char = text[i]
        if char == " ":
            i += 1
        elif char == "(":
            stack.append([])
            i += 1
        elif char == ")":
            if len(stack) == 1:
                raise _Bad("unbalanced parentheses")
            done = stack.pop()
            stack[-1].append(done)
            i += 1
        elif char == '"':
            value, i = _quoted(text, i + 1)
            stack[-1].append(value)
        elif char == "{":
            raise _Bad("literals are not supported")
        else:
            start = i
            while i < len(text) and text[i] not in ' ()"':
                if text[i] == "[":  # a section such as BODY[HEADER.FIELDS (FROM)]
                    end = text.find("]", i)
                    if end < 0:
                        raise _Bad("unbalanced brackets")
                    i = end
                i += 1
            stack[-1].append(text[start:i])
    if len(stack) != 1:
        raise _Bad("unbalanced parentheses")
    return stack[0]


def _quoted(text: str, i: int) -> tuple[str, int]:
    value: list[str] = []
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in '\\"':
            value.append(text[i + 1])
            i += 2
        elif char == '"':
            return "".join(value), i + 1
        else:
            value.append(char)
            i += 1
    raise _Bad("unterminated quoted string")


def _expect(args: list[Token], count: int) -> list[Token]:
    if len(args) != count:
        raise _Bad(f"expected {count} arguments, got {len(args)}")
    return args


def _string(arg: Token) -> str:
    if not isinstance(arg, str):
        raise _Bad("expected a string")
    return arg


def _number(text: str, largest: int) -> int:
    if text == "*":
        return largest
    if not text.isdigit() or int(text) == 0:
        raise _Bad(f"bad UID {text!r}")
    return int(text)


def _canonical_flag(name: str) -> str:
    for flag in SYSTEM_FLAGS:
        if name.lower() == flag.lower():
            return flag
    return name


def _flag_list(flags: Iterable[str]) -> bytes:
    return f"FLAGS ({' '.join(sorted(flags))})".encode()
