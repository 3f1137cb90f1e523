"""A shared calendar in a member's CalDAV home, against `televent serve` (both databases):
found by ordinary discovery with the python `caldav` client, privileges that match the role,
403 need-privileges for a write the role does not allow, a change by one member in the other's
next sync, the member's own name for it, leaving by DELETE, and a removed member refused on
the very next request."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from uuid import UUID

import caldav
import httpx
import pytest

from televent.application.televent import Televent
from televent.bootstrap import build_application
from televent.config import Settings
from televent.domain.sharing import shared_slug
from televent.projections.queries import Reading
from televent.projections.rebuild import Rebuilder
from tests.e2e.conftest import ACTOR, SOURCE, Server
from tests.helpers import vevent

UTC = dt.UTC
VDIRSYNCER = Path(sys.executable).with_name("vdirsyncer")
ALICE, BOB = 1, 2
PROPFIND_PRIVILEGES = (
    '<?xml version="1.0"?><d:propfind xmlns:d="DAV:" xmlns:cs="http://calendarserver.org/ns/">'
    "<d:prop><d:displayname/><d:current-user-privilege-set/><d:owner/><d:resourcetype/>"
    "<cs:invite/></d:prop></d:propfind>"
)


@pytest.fixture
def app(server: Server) -> Iterator[Televent]:
    application = build_application(Settings(database_url=server.database_url))
    yield application
    application.close()


def _account(app: Televent, telegram_id: int) -> UUID:
    account = app.queries.account_by_telegram_id(telegram_id)
    assert account is not None
    return account.account_id


def _share(app: Televent, role: str, *, accept: bool = True) -> UUID:
    alice, bob = _account(app, ALICE), _account(app, BOB)
    family = app.create_calendar(
        alice, "family", {"display_name": "Family"}, actor=ACTOR, source=SOURCE
    )
    app.share_calendar(family, by=alice, member=bob, role=role, actor=ACTOR, source=SOURCE)
    if accept:
        app.answer_calendar_invitation(family, by=bob, accept=True, actor=ACTOR, source=SOURCE)
    return family


def _client(server: Server, telegram_id: int) -> caldav.DAVClient:
    user, password = server.auth(telegram_id)
    return caldav.DAVClient(url=server.url + "/", username=user, password=password)


def _http(server: Server, telegram_id: int) -> httpx.Client:
    return httpx.Client(base_url=server.url, auth=server.auth(telegram_id), timeout=30)


def _privileges(multistatus: str) -> set[str]:
    """The names of the privileges in a PROPFIND answer's current-user-privilege-set."""
    root = ET.fromstring(multistatus)
    found = root.iter("{DAV:}current-user-privilege-set")
    return {p.tag.split("}")[1] for s in found for priv in s for p in priv}


def _resource_types(multistatus: str) -> set[str]:
    root = ET.fromstring(multistatus)
    return {kind.tag for t in root.iter("{DAV:}resourcetype") for kind in t}


def _shared_url(family: UUID) -> str:
    return f"/dav/calendars/{BOB}/{shared_slug(family)}/"


def test_an_accepted_calendar_is_found_by_discovery_and_synced_both_ways(
    server: Server, app: Televent
) -> None:
    family = _share(app, "write")
    bob = _client(server, BOB).principal()
    names = {c.get_display_name(): c for c in bob.calendars()}
    assert set(names) == {"Calendar", "Family"}
    shared = names["Family"]
    assert str(shared.url).endswith(_shared_url(family))

    # Bob writes into Ann's calendar; Alice's client sees it at her next sync.
    alice_family = next(
        c
        for c in _client(server, ALICE).principal().calendars()
        if c.get_display_name() == "Family"
    )
    alice_sync = alice_family.objects_by_sync_token(load_objects=False)
    shared.save_event(
        vevent(uid="dentist", summary="Dentist", start="20260305T100000", end="20260305T110000")
    )
    alice_sync = alice_family.objects_by_sync_token(alice_sync.sync_token, load_objects=True)
    assert [o.icalendar_component["SUMMARY"] for o in alice_sync] == ["Dentist"]

    # ... and Alice's change reaches Bob's next sync.
    bob_sync = shared.objects_by_sync_token(load_objects=False)
    event = alice_family.event_by_uid("dentist")
    event.icalendar_component["SUMMARY"] = "Dentist (moved)"
    event.save()
    bob_sync = shared.objects_by_sync_token(bob_sync.sync_token, load_objects=True)
    assert [o.icalendar_component["SUMMARY"] for o in bob_sync] == ["Dentist (moved)"]
    found = shared.search(
        start=dt.datetime(2026, 3, 5, tzinfo=UTC),
        end=dt.datetime(2026, 3, 6, tzinfo=UTC),
        event=True,
    )
    assert [e.icalendar_component["UID"] for e in found] == ["dentist"]

    # the write is recorded with Bob as the actor, in Alice's calendar
    obj = app.queries.object_by_event_id(
        next(o.event_id for o in app.queries.objects_in(family, reading=Reading.WITHOUT_BODY))
    )
    assert obj is not None
    first = next(iter(app.events.get(obj.event_id)))
    assert first.actor == f"account:{_account(app, BOB)}"  # type: ignore[attr-defined]


def test_an_invitation_not_accepted_is_not_in_the_home(server: Server, app: Televent) -> None:
    family = _share(app, "write", accept=False)
    names = [c.get_display_name() for c in _client(server, BOB).principal().calendars()]
    assert names == ["Calendar"]
    with _http(server, BOB) as http:
        assert (
            http.request("PROPFIND", _shared_url(family), headers={"depth": "0"}).status_code == 404
        )


def test_privileges_match_the_role_and_a_reader_gets_need_privileges(
    server: Server, app: Televent
) -> None:
    family = _share(app, "read")
    with _http(server, BOB) as http:
        answer = http.request(
            "PROPFIND", _shared_url(family), headers={"depth": "0"}, content=PROPFIND_PRIVILEGES
        )
        assert answer.status_code == 207
        body = answer.text
        assert _privileges(body) == {  # no write of any kind: clients show it read-only
            "read",
            "read-current-user-privilege-set",
            "read-free-busy",
        }
        assert f"/dav/principals/{ALICE}/" in body  # the owner, and the organizer of CS:invite
        assert "{http://calendarserver.org/ns/}shared" in _resource_types(body)

        refused = http.put(
            _shared_url(family) + "x.ics",
            content=vevent(uid="x", summary="No", start="20260305T100000", end="20260305T110000"),
            headers={"content-type": "text/calendar"},
        )
        assert refused.status_code == 403
        assert "need-privileges" in refused.text
        assert app.queries.objects_in(family, reading=Reading.WITHOUT_BODY) == []

    app.change_member_role(
        family,
        by=_account(app, ALICE),
        member=_account(app, BOB),
        role="write",
        actor=ACTOR,
        source=SOURCE,
    )
    with _http(server, BOB) as http:
        body = http.request(
            "PROPFIND", _shared_url(family), headers={"depth": "0"}, content=PROPFIND_PRIVILEGES
        ).text
        assert {"write-content", "bind", "unbind"} <= _privileges(body)
        assert "write" not in _privileges(body)  # DAV:write includes renaming: the owner's
        assert (
            http.put(
                _shared_url(family) + "x.ics",
                content=vevent(
                    uid="x", summary="Yes", start="20260305T100000", end="20260305T110000"
                ),
                headers={"content-type": "text/calendar"},
            ).status_code
            == 201
        )
        # renaming or deleting the calendar for everyone stays the owner's
        assert (
            http.request(
                "PROPPATCH",
                _shared_url(family),
                content=(
                    '<?xml version="1.0"?><d:propertyupdate xmlns:d="DAV:" '
                    'xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop>'
                    "<c:calendar-description>mine</c:calendar-description>"
                    "</d:prop></d:set></d:propertyupdate>"
                ),
            ).status_code
            == 207
        )
    assert app.queries.calendar(family).description is None  # type: ignore[union-attr]


def _order_patch(order: int | None, name: str | None = None) -> str:
    """Apple Calendar's PROPPATCH when the calendars are reordered (and one renamed)."""
    action = "set" if order is not None else "remove"
    props = (
        f'<a:calendar-order xmlns:a="http://apple.com/ns/ical/">{order or ""}</a:calendar-order>'
    )
    if name is not None:
        props += f"<d:displayname>{name}</d:displayname>"
    return (
        f'<?xml version="1.0"?><d:propertyupdate xmlns:d="DAV:"><d:{action}><d:prop>{props}'
        f"</d:prop></d:{action}></d:propertyupdate>"
    )


def _order(http: httpx.Client, url: str) -> str | None:
    asked = (
        '<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop>'
        '<a:calendar-order xmlns:a="http://apple.com/ns/ical/"/></d:prop></d:propfind>'
    )
    found = http.request("PROPFIND", url, headers={"depth": "0"}, content=asked)
    assert found.status_code == 207, found.text
    shown = ET.fromstring(found.text).find(".//{http://apple.com/ns/ical/}calendar-order")
    return None if shown is None or not shown.text else shown.text


@pytest.mark.parametrize("role", ["read", "write"])
def test_a_member_keeps_their_own_calendar_order_as_apple_calendar_sets_it(
    server: Server, app: Televent, role: str
) -> None:
    """RFC 4918 §4.2: Apple Calendar sets calendar-order on every calendar in its list when
    they are reordered, shared ones too, often with the name in the same PROPPATCH. A member's
    was refused (403, and the name with it, 424): Apple showed an error on each reorder."""
    family = _share(app, role)
    owned = "/dav/calendars/1/family/"
    with _http(server, ALICE) as alice:
        assert alice.request("PROPPATCH", owned, content=_order_patch(2)).status_code == 207
    with _http(server, BOB) as bob:
        answer = bob.request("PROPPATCH", _shared_url(family), content=_order_patch(5, "Ours"))
        assert answer.status_code == 207 and "403" not in answer.text and "424" not in answer.text
        assert _order(bob, _shared_url(family)) == "5"  # his own order ...
    with _http(server, ALICE) as alice:
        assert _order(alice, owned) == "2"  # ... leaves Alice's as hers
    names = [c.get_display_name() for c in _client(server, BOB).principal().calendars()]
    assert "Ours" in names
    with _http(server, BOB) as bob:
        assert (
            bob.request("PROPPATCH", _shared_url(family), content=_order_patch(None)).status_code
            == 207
        )
        assert _order(bob, _shared_url(family)) is None
    with _http(server, ALICE) as alice:
        assert _order(alice, owned) == "2"
    assert Rebuilder(app.engine, app.views).run(verify=True).matches


def test_a_member_renames_it_for_themselves_and_leaves_by_delete(
    server: Server, app: Televent
) -> None:
    family = _share(app, "write")
    with _http(server, BOB) as http:
        answer = http.request(
            "PROPPATCH",
            _shared_url(family),
            content=(
                '<?xml version="1.0"?><d:propertyupdate xmlns:d="DAV:" '
                'xmlns:a="http://apple.com/ns/ical/"><d:set><d:prop>'
                "<d:displayname>Ann's family</d:displayname>"
                "<a:calendar-color>#FF0000</a:calendar-color>"
                "</d:prop></d:set></d:propertyupdate>"
            ),
        )
        assert answer.status_code == 207
        assert "200" in answer.text
    names = [c.get_display_name() for c in _client(server, BOB).principal().calendars()]
    assert "Ann's family" in names
    alice_names = [c.get_display_name() for c in _client(server, ALICE).principal().calendars()]
    assert "Family" in alice_names  # the owner's name is unchanged

    with _http(server, BOB) as http:
        assert http.delete(_shared_url(family)).status_code == 204
        assert (
            http.request("PROPFIND", _shared_url(family), headers={"depth": "0"}).status_code == 404
        )
    assert app.queries.calendar(family) is not None  # leaving deletes nothing of Alice's
    assert app.queries.members_of(family) == []


def test_a_removed_member_is_refused_on_the_next_request(server: Server, app: Televent) -> None:
    family = _share(app, "write")
    with _http(server, BOB) as http:
        url = _shared_url(family) + "a.ics"
        body = vevent(uid="a", summary="A", start="20260305T100000", end="20260305T110000")
        assert http.put(url, content=body).status_code == 201
        app.remove_member(
            family,
            by=_account(app, ALICE),
            member=_account(app, BOB),
            actor=ACTOR,
            source=SOURCE,
        )
        assert http.get(url).status_code == 404
        assert http.put(url, content=body).status_code in (404, 409)
        assert (
            http.request(
                "REPORT",
                _shared_url(family),
                headers={"depth": "1"},
                content=(
                    '<?xml version="1.0"?><d:sync-collection xmlns:d="DAV:"><d:sync-token/>'
                    "<d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>"
                ),
            ).status_code
            == 404
        )
    assert [o.href for o in app.queries.objects_in(family, reading=Reading.LISTED)] == ["a.ics"]


@pytest.mark.skipif(not VDIRSYNCER.exists(), reason="vdirsyncer is not installed (make install)")
def test_vdirsyncer_discovers_the_shared_calendar_and_syncs_a_members_change(
    server: Server, app: Televent, tmp_path: Path
) -> None:
    family = _share(app, "write")
    user, password = server.auth(BOB)
    config = tmp_path / "config"
    config.write_text(
        f'[general]\nstatus_path = "{tmp_path}/status/"\n\n'
        '[pair cal]\na = "local"\nb = "remote"\ncollections = ["from b"]\n\n'
        f'[storage local]\ntype = "filesystem"\npath = "{tmp_path}/local/"\nfileext = ".ics"\n\n'
        f'[storage remote]\ntype = "caldav"\nurl = "{server.url}/"\nusername = "{user}"\n'
        f'password = "{password}"\n'
    )

    def vdirsyncer(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(VDIRSYNCER), "-c", str(config), *args],
            input="y\n" * 10, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip

    assert vdirsyncer("discover", "cal").returncode == 0
    assert vdirsyncer("sync").returncode == 0
    shared_folder = tmp_path / "local" / shared_slug(family)
    assert shared_folder.is_dir()  # found by discovery beside Bob's own calendar
    # Bob's local change reaches Alice's calendar; Alice's reaches Bob's folder.
    (shared_folder / "from-bob.ics").write_text(
        vevent(uid="from-bob", summary="From Bob", start="20260305T100000", end="20260305T110000")
    )
    with _http(server, ALICE) as alice:
        assert (
            alice.put(
                "/dav/calendars/1/family/from-alice.ics",
                content=vevent(uid="from-alice", summary="From Alice"),
            ).status_code
            == 201
        )
    result = vdirsyncer("sync")
    assert result.returncode == 0, result.stderr
    assert {o.uid for o in app.queries.objects_in(family, reading=Reading.WITHOUT_BODY)} == {
        "from-bob",
        "from-alice",
    }
    local = [p.read_text() for p in shared_folder.glob("*.ics")]
    assert any("UID:from-alice" in text for text in local)


WRITERS = {"write", "manage"}
CALENDAR_QUERY = (
    '<?xml version="1.0"?><c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">'
    '<d:prop><d:getetag/></d:prop><c:filter><c:comp-filter name="VCALENDAR">'
    '<c:comp-filter name="VEVENT"/></c:comp-filter></c:filter></c:calendar-query>'
)


@pytest.mark.parametrize("role", ["read", "write", "manage"])
def test_each_method_obeys_the_role(server: Server, app: Televent, role: str) -> None:
    family = _share(app, role)
    base = _shared_url(family)
    owner_put = _http(server, ALICE).put(
        "/dav/calendars/1/family/alice.ics",
        content=vevent(uid="alice", summary="Alice's"),
        headers={"content-type": "text/calendar"},
    )
    assert owner_put.status_code == 201
    writes = role in WRITERS
    with _http(server, BOB) as http:
        # reading: every role
        assert http.get(base + "alice.ics").status_code == 200
        assert http.request("PROPFIND", base, headers={"depth": "1"}).status_code == 207
        assert (
            http.request("REPORT", base, headers={"depth": "1"}, content=CALENDAR_QUERY).status_code
            == 207
        )
        # the privileges a report shows on each object match the role too
        multiget = http.request(
            "REPORT",
            base,
            headers={"depth": "1"},
            content=(
                '<?xml version="1.0"?><c:calendar-multiget xmlns:d="DAV:" '
                'xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop>'
                "<d:current-user-privilege-set/></d:prop>"
                f"<d:href>{base}alice.ics</d:href></c:calendar-multiget>"
            ),
        )
        assert multiget.status_code == 207
        assert ("write-content" in _privileges(multiget.text)) == writes
        # writing events: write and manage only, refused with need-privileges otherwise
        new = http.put(base + "bob.ics", content=vevent(uid="bob", summary="Bob's"))
        assert new.status_code == (201 if writes else 403)
        changed = http.put(base + "alice.ics", content=vevent(uid="alice", summary="Changed"))
        assert changed.status_code == (204 if writes else 403)
        if not writes:
            assert "need-privileges" in new.text and "need-privileges" in changed.text
        deleted = http.delete(base + "alice.ics")
        assert deleted.status_code == (204 if writes else 403)
        # no calendar inside a calendar (as in one's own: nothing lives at that address)
        assert http.request("MKCALENDAR", base + "inner/").status_code in (403, 404)
    summaries = {o.uid for o in app.queries.objects_in(family, reading=Reading.WITHOUT_BODY)}
    assert summaries == ({"bob"} if writes else {"alice"})
