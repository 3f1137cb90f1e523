"""A CalDAV GET with credentials verified a moment ago reads whether the device is still active
together with the object (adapters/caldav/handlers._own_object): what a client sees must be
exactly what the full way answers. A revoked device is refused on its next GET, someone
else's object stays someone else's, and a shared calendar's object, a missing one and a HEAD
answer as before. On both backends."""

from __future__ import annotations

import base64

from televent.adapters.caldav.auth import Authenticator
from televent.adapters.caldav.handlers import CalDavHandlers
from televent.adapters.caldav.protocol import Reply, Request
from televent.domain.sharing import shared_slug
from televent.domain.values import calendar_id_for
from televent.projections.schedule_inbox_reader import ScheduleInbox
from tests.conftest import Backend
from tests.helpers import ACTOR, CLI, vevent


def basic(user: int, password: str) -> dict[str, str]:
    return {"authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


def test_a_get_with_remembered_credentials_answers_as_the_full_way(backend: Backend) -> None:
    with backend.fresh_app() as app:
        ann = app.register_account(1, name="Ann", actor=ACTOR, source=CLI)
        bob = app.register_account(2, name="Bob", actor=ACTOR, source=CLI)
        laptop = app.issue_device_password(1, "laptop", actor=ACTOR, source=CLI).password
        phone = app.issue_device_password(1, "phone", actor=ACTOR, source=CLI).password
        bobs = app.issue_device_password(2, "bob", actor=ACTOR, source=CLI).password
        used: list[str] = []
        server = CalDavHandlers(
            app,
            Authenticator(app.queries, used.append),
            "televent.internal",
            100_000,
            ScheduleInbox(app.views),
        )

        def call(method: str, path: str, headers: dict[str, str], body: bytes = b"") -> Reply:
            return server.handle(Request(method, path, headers, body, client="127.0.0.1"))

        mine = "/dav/calendars/1/default/dentist.ics"
        body = vevent(uid="dentist", summary="Dentist")
        assert call("PUT", mine, basic(1, laptop), body.encode()).status == 201
        bobs_path = "/dav/calendars/2/default/private.ics"
        assert call("PUT", bobs_path, basic(2, bobs), vevent(uid="p").encode()).status == 201

        # Twice each: the first verifies the password, the second is remembered.
        for _ in range(2):
            got = call("GET", mine, basic(1, laptop))
            assert (got.status, got.body.decode()) == (200, body)
            head = call("HEAD", mine, basic(1, laptop))
            assert (head.status, head.body) == (200, b"")
            assert head.headers["etag"] == got.headers["etag"]
            assert head.headers["content-length"] == str(len(body.encode()))
            assert call("GET", "/dav/calendars/1/default/none.ics", basic(1, laptop)).status == 404
            assert call("GET", "/dav/calendars/1/nowhere/x.ics", basic(1, laptop)).status == 404
            assert call("GET", bobs_path, basic(1, laptop)).status == 403
            assert call("GET", mine, basic(1, "wrong-password")).status == 401
        assert used.count(app.queries.active_devices(ann.account_id)[0][0]) == 1  # noted once

        # A calendar Bob shares with Ann is read through its shared name, as before.
        family = calendar_id_for(bob.account_id, "default")
        app.share_calendar(
            family, by=bob.account_id, member=ann.account_id, role="read", actor=ACTOR, source=CLI
        )
        app.answer_calendar_invitation(
            family, by=ann.account_id, accept=True, actor=ACTOR, source=CLI
        )
        shared = f"/dav/calendars/1/{shared_slug(family)}/private.ics"
        for _ in range(2):
            assert call("GET", shared, basic(1, laptop)).status == 200

        # Revoked: the laptop's next GET is refused, the phone still reads.
        app.revoke_device_password(1, "laptop", actor=ACTOR, source=CLI)
        assert call("GET", mine, basic(1, laptop)).status == 401
        assert call("HEAD", mine, basic(1, laptop)).status == 401
        assert call("GET", mine, basic(1, phone)).status == 200
        assert call("GET", mine, basic(1, phone)).status == 200
