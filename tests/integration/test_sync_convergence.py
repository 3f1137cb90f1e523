"""RFC 6578 sync: random histories of creates, modifies and deletes by several clients, each
syncing incrementally at random moments (with random DAV:limit), always converge on exactly the
server's state. Drives the CalDAV handlers in-process, on SQLite and PostgreSQL."""

from __future__ import annotations

import base64
import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from televent.adapters.caldav.handlers import CalDavHandlers
from televent.adapters.caldav.protocol import Request
from televent.application.televent import Televent
from tests.conftest import Backend
from tests.helpers import ACTOR, CLI, caldav_handlers, vevent

CAL = "/dav/calendars/1/default/"
CLIENTS = 3
NAMES = 4
RESPONSE = re.compile(r"<d:response><d:href>([^<]+)</d:href>(.*?)</d:response>", re.S)


class Client:
    """A CalDAV client's local copy: resource name → ETag, and its sync token."""

    def __init__(self, server: CalDavHandlers, auth: str) -> None:
        self.server = server
        self.auth = auth
        self.items: dict[str, str] = {}
        self.token = ""

    def request(self, method: str, path: str, body: bytes = b"", **headers: str) -> Any:
        return self.server.handle(
            Request(method, path, {"authorization": self.auth, **headers}, body, client="127.0.0.1")
        )

    def sync(self, limit: int | None) -> None:
        for _ in range(100):  # resume after 507 until complete (bounded)
            nresults = f"<d:limit><d:nresults>{limit}</d:nresults></d:limit>" if limit else ""
            body = (
                f'<d:sync-collection xmlns:d="DAV:"><d:sync-token>{self.token}</d:sync-token>'
                f"<d:sync-level>1</d:sync-level>{nresults}<d:prop><d:getetag/></d:prop>"
                "</d:sync-collection>"
            ).encode()
            reply = self.request("REPORT", CAL, body)
            assert reply.status == 207, reply.body
            text = reply.body.decode()
            truncated = False
            for href, inner in RESPONSE.findall(text):
                if href == CAL:
                    truncated = "507" in inner
                    continue
                name = href.rsplit("/", 1)[1]
                etag = re.search(r"<d:getetag>([^<]+)</d:getetag>", inner)
                if etag is None:
                    self.items.pop(name, None)
                else:
                    self.items[name] = etag.group(1).replace("&quot;", '"')
            self.token = re.search(r"<d:sync-token>([^<]+)</d:sync-token>", text).group(1)  # type: ignore[union-attr]
            if not truncated:
                return
        raise AssertionError("sync did not complete")


steps = st.lists(
    st.tuples(
        st.integers(0, CLIENTS - 1),
        st.sampled_from(["create", "modify", "delete", "sync"]),
        st.integers(0, NAMES - 1),
        st.sampled_from([None, 1, 2]),
    ),
    min_size=1,
    max_size=25,
)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(history=steps)
def test_clients_syncing_at_random_converge_on_the_server_state(
    backend: Backend, history: list[tuple[int, str, int, int | None]]
) -> None:
    with backend.fresh_app() as app:
        server = caldav_handlers(app)
        auth = "Basic " + base64.b64encode(f"1:{_password(app)}".encode()).decode()
        clients = [Client(server, auth) for _ in range(CLIENTS)]
        for version, (who, action, n, limit) in enumerate(history):
            client = clients[who]
            name = f"r{n}.ics"
            if action == "sync":
                client.sync(limit)
            elif action == "delete":
                client.request("DELETE", CAL + name)
            else:
                client.request(
                    "PUT", CAL + name, vevent(uid=f"u{n}", summary=f"{action} {version}").encode()
                )
        truth = {o.href: o.etag for o in app.queries.objects_in(_calendar(app))}
        for client in clients:
            client.sync(None)
            assert client.items == truth


def _password(app: Televent) -> str:
    app.register_account(1, name="A", actor=ACTOR, source=CLI)
    return app.issue_device_password(1, "phone", actor=ACTOR, source=CLI).password


def _calendar(app: Televent) -> Any:
    account = app.queries.account_by_telegram_id(1)
    assert account is not None
    return app.queries.calendars_of(account.account_id)[0].calendar_id
