"""A GET of one's own object is answered on the event loop when nothing in it needs a worker
thread (adapters/caldav/asgi.py, handlers.answer_at_once; docs/adr/0035): read from a local
SQLite file, or awaited from PostgreSQL on connections of its own. What the client gets is what
the worker thread's way gives, a revoked device is refused, and whatever could wait — a
password to verify, a device's use to note, failure counts in Redis (a real server on
loopback), a PostgreSQL that cannot be reached — still goes to a worker thread."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import uuid
from collections.abc import Callable
from typing import Any

import psycopg
import pytest

from televent.adapters.caldav.asgi import CalDavAsgi
from televent.adapters.caldav.auth import Authenticator
from televent.adapters.caldav.handlers import CalDavHandlers
from televent.adapters.login_failures import FailureLog, RedisFailureLog
from televent.adapters.port import AppPort
from televent.application.televent import Televent
from televent.infrastructure.database import DatabaseUrl
from televent.projections.async_object_reads import AsyncObjectReads
from televent.projections.loop_reads import LoopReads, loop_reads_for
from televent.projections.schedule_inbox_reader import ScheduleInbox
from tests.conftest import Backend
from tests.helpers import ACTOR, CLI, vevent
from tests.integration.test_ratelimit import redis_url  # noqa: F401 - a fixture
from tests.smtpsink import free_port

MINE = "/dav/calendars/1/default/dentist.ics"
BODY = vevent(uid="dentist", summary="Dentist")


class CountingPort(AppPort):
    """The real port, counting the calls it takes to a worker thread (`calls`), and of them
    those it takes to the writers' pool (`writes`)."""

    def __init__(self) -> None:
        super().__init__()
        self.calls = 0
        self.writes = 0

    async def run(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        return await super().run(fn, *args, **kwargs)

    async def write(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        self.writes += 1
        return await super().write(fn, *args, **kwargs)


def basic(user: int, password: str) -> list[tuple[bytes, bytes]]:
    token = base64.b64encode(f"{user}:{password}".encode())
    return [(b"authorization", b"Basic " + token)]


def serve(
    app: Televent,
    backend: Backend,
    *,
    failures: FailureLog | None = None,
    reads: LoopReads | None = None,
) -> tuple[CalDavAsgi, CountingPort]:
    """CalDAV as `televent serve` composes it for this backend (`reads`: the reads on the
    event loop, made for the backend's database as `serve` makes them when not given)."""
    port = CountingPort()
    auth = Authenticator(app.queries, lambda device: None, failures=failures)
    if reads is None:
        reads = loop_reads_for(DatabaseUrl.parse(backend.latest_url), app.queries)
    handlers = CalDavHandlers(
        app, auth, "televent.internal", 100_000, ScheduleInbox(app.views), loop_reads=reads
    )
    return CalDavAsgi(handlers, port), port


def close(asgi: CalDavAsgi) -> None:
    """Close what the server opened for its reads on the event loop (as at its shutdown)."""
    if asgi.handlers.loop_reads is not None:
        asyncio.run(asgi.handlers.loop_reads.close())


def request(
    asgi: CalDavAsgi, method: str, path: str, headers: list[tuple[bytes, bytes]], body: bytes = b""
) -> tuple[int, bytes]:
    """One request through the ASGI callable, as uvicorn makes it."""
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "headers": headers,
        "client": ("127.0.0.1", 5),
    }
    asyncio.run(asgi(scope, receive, send))
    return int(sent[0]["status"]), b"".join(m.get("body", b"") for m in sent[1:])


def test_a_remembered_get_is_answered_without_a_worker_thread(backend: Backend) -> None:
    with backend.fresh_app() as app:
        app.register_account(1, name="Ann", actor=ACTOR, source=CLI)
        app.register_account(2, name="Bob", actor=ACTOR, source=CLI)
        laptop = app.issue_device_password(1, "laptop", actor=ACTOR, source=CLI).password
        bobs = app.issue_device_password(2, "bob", actor=ACTOR, source=CLI).password
        asgi, port = serve(app, backend)
        assert request(asgi, "PUT", MINE, basic(1, laptop), BODY.encode())[0] == 201
        assert request(asgi, "GET", MINE, basic(1, laptop)) == (200, BODY.encode())
        before = port.calls
        for _ in range(3):  # remembered now, its use noted: no worker thread
            assert request(asgi, "GET", MINE, basic(1, laptop)) == (200, BODY.encode())
            assert request(asgi, "HEAD", MINE, basic(1, laptop)) == (200, b"")
        assert port.calls - before == 0

        # What is not one's own, or not there, takes the full way and answers as ever.
        assert request(asgi, "GET", MINE, basic(2, bobs))[0] == 403
        assert request(asgi, "GET", MINE.replace("dentist", "none"), basic(1, laptop))[0] == 404
        assert request(asgi, "GET", MINE, basic(1, "wrong-password"))[0] == 401

        # Revoked: refused at once, the next time.
        app.revoke_device_password(1, "laptop", actor=ACTOR, source=CLI)
        assert request(asgi, "GET", MINE, basic(1, laptop))[0] == 401
        close(asgi)


def test_what_changes_something_runs_on_the_writers_pool(backend: Backend) -> None:
    """PUT, PROPPATCH, MKCALENDAR and DELETE take the port's writers' pool (adapters/port.py,
    docs/adr/0037); PROPFIND and REPORT the readers' one."""
    with backend.fresh_app() as app:
        app.register_account(1, name="Ann", actor=ACTOR, source=CLI)
        laptop = app.issue_device_password(1, "laptop", actor=ACTOR, source=CLI).password
        asgi, port = serve(app, backend)
        me = basic(1, laptop)
        assert request(asgi, "PUT", MINE, me, BODY.encode())[0] == 201
        assert (port.calls, port.writes) == (1, 1)
        rename = (
            b'<?xml version="1.0"?><d:propertyupdate xmlns:d="DAV:"><d:set><d:prop>'
            b"<d:displayname>Work</d:displayname></d:prop></d:set></d:propertyupdate>"
        )
        assert request(asgi, "PROPPATCH", "/dav/calendars/1/default/", me, rename)[0] == 207
        assert request(asgi, "MKCALENDAR", "/dav/calendars/1/trips/", me)[0] == 201
        assert request(asgi, "DELETE", MINE, me)[0] == 204
        assert (port.calls, port.writes) == (4, 4)
        listing = b'<d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>'
        depth = [*me, (b"depth", b"1")]
        assert request(asgi, "PROPFIND", "/dav/calendars/1/", depth, listing)[0] == 207
        sync = (
            b'<d:sync-collection xmlns:d="DAV:"><d:sync-token/><d:sync-level>1</d:sync-level>'
            b"<d:prop><d:getetag/></d:prop></d:sync-collection>"
        )
        assert request(asgi, "REPORT", "/dav/calendars/1/trips/", me, sync)[0] == 207
        assert (port.calls, port.writes) == (6, 4)
        account = app.queries.account_by_telegram_id(1)
        assert account is not None
        names = {c.slug: c.display_name for c in app.queries.calendars_of(account.account_id)}
        assert names["default"] == "Work" and "trips" in names
        close(asgi)


def test_what_could_wait_goes_to_a_worker_thread(
    backend: Backend,
    redis_url: str,  # noqa: F811 - the fixture
) -> None:
    shared = RedisFailureLog(redis_url, 600, prefix=f"test:{uuid.uuid4().hex}:")
    with backend.fresh_app() as app:
        app.register_account(1, name="Ann", actor=ACTOR, source=CLI)
        laptop = app.issue_device_password(1, "laptop", actor=ACTOR, source=CLI).password
        # Failure counts in Redis, shared with other processes: every GET goes to a worker
        # thread (reading them crosses the network).
        asgi, port = serve(app, backend, failures=shared)
        assert request(asgi, "PUT", MINE, basic(1, laptop), BODY.encode())[0] == 201
        for _ in range(3):
            assert request(asgi, "GET", MINE, basic(1, laptop)) == (200, BODY.encode())
        assert port.calls == 4
        # The first GET of a fresh server verifies the password (argon2): a worker thread.
        close(asgi)
        asgi, port = serve(app, backend)
        assert request(asgi, "GET", MINE, basic(1, laptop)) == (200, BODY.encode())
        assert port.calls == 1
        close(asgi)
    shared.close()


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)  # reads a server
def test_a_database_that_cannot_be_reached_from_the_loop_leaves_the_get_to_a_worker(
    backend: Backend,
) -> None:
    """PostgreSQL's reads on the event loop cannot connect (a closed port on loopback): every
    GET is answered as before, on a worker thread, and nothing waits for a connection."""
    with backend.fresh_app() as app:
        app.register_account(1, name="Ann", actor=ACTOR, source=CLI)
        laptop = app.issue_device_password(1, "laptop", actor=ACTOR, source=CLI).password
        unreachable = AsyncObjectReads(f"host=127.0.0.1 port={free_port()} user=postgres")
        asgi, port = serve(app, backend, reads=unreachable)
        assert request(asgi, "PUT", MINE, basic(1, laptop), BODY.encode())[0] == 201
        for _ in range(3):
            assert request(asgi, "GET", MINE, basic(1, laptop)) == (200, BODY.encode())
        assert port.calls == 4
        asyncio.run(unreachable.close())


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)  # reads a server
def test_reads_on_the_loop_never_wait_for_a_connection(backend: Backend) -> None:
    """With every connection of the loop's reads in use, a GET takes a worker thread rather
    than waiting for one; closed, the reads answer nothing and hold no connection."""
    with backend.fresh_app() as app:
        app.register_account(1, name="Ann", actor=ACTOR, source=CLI)
        laptop = app.issue_device_password(1, "laptop", actor=ACTOR, source=CLI).password
        reads = AsyncObjectReads(DatabaseUrl.parse(str(backend.postgres_url)).conninfo(), size=0)
        asgi, port = serve(app, backend, reads=reads)
        assert request(asgi, "PUT", MINE, basic(1, laptop), BODY.encode())[0] == 201
        for _ in range(2):
            assert request(asgi, "GET", MINE, basic(1, laptop)) == (200, BODY.encode())
        assert port.calls == 3

        reads = AsyncObjectReads(DatabaseUrl.parse(str(backend.postgres_url)).conninfo())
        asgi, port = serve(app, backend, reads=reads)
        for _ in range(3):
            assert request(asgi, "GET", MINE, basic(1, laptop)) == (200, BODY.encode())
        assert port.calls == 1  # the first verifies the password; then on the loop
        assert connections(app, "televent-reads") == 1
        asyncio.run(reads.close())
        assert connections(app, "televent-reads") == 0
        assert request(asgi, "GET", MINE, basic(1, laptop)) == (200, BODY.encode())
        assert port.calls == 2


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)  # reads a server
def test_a_get_cancelled_while_its_read_waits_lets_its_connection_go(backend: Backend) -> None:
    """A GET cancelled on the loop while its read waits (the server stopping mid-request)
    closes that connection: the next GET is read on the loop again with the one there is."""
    with backend.fresh_app() as app:
        app.register_account(1, name="Ann", actor=ACTOR, source=CLI)
        laptop = app.issue_device_password(1, "laptop", actor=ACTOR, source=CLI).password
        conninfo = DatabaseUrl.parse(str(backend.postgres_url)).conninfo()
        reads = AsyncObjectReads(conninfo, size=1)
        asgi, port = serve(app, backend, reads=reads)
        assert request(asgi, "PUT", MINE, basic(1, laptop), BODY.encode())[0] == 201
        assert request(asgi, "GET", MINE, basic(1, laptop)) == (200, BODY.encode())
        scope = {"type": "http", "method": "GET", "path": MINE, "headers": basic(1, laptop),
                 "client": ("127.0.0.1", 5)}  # fmt: skip

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            raise AssertionError(f"a cancelled GET answered: {message}")

        async def cancelled_get() -> None:
            task = asyncio.create_task(asgi(scope, receive, send))
            await asyncio.sleep(0.5)  # its read waits for the lock below
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

        with psycopg.connect(conninfo, autocommit=True) as locker:
            locker.execute("BEGIN")
            locker.execute("LOCK TABLE devices IN ACCESS EXCLUSIVE MODE")
            asyncio.run(cancelled_get())
            locker.execute("ROLLBACK")
        before = port.calls
        assert request(asgi, "GET", MINE, basic(1, laptop)) == (200, BODY.encode())
        assert port.calls == before  # on the loop: the cancelled read's connection was let go
        close(asgi)


def connections(app: Televent, name: str) -> int:
    """PostgreSQL's count of open connections with this application name to this test's
    database (a test in another process has its own database and connections)."""
    with app.views.read() as db:
        return int(
            db.scalar(
                "SELECT COUNT(*) AS n FROM pg_stat_activity "
                "WHERE application_name = ? AND datname = current_database()",
                (name,),
            )
            or 0
        )
