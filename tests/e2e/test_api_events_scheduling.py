"""/api/v1/events against `televent serve`, the parts that reach other people and surfaces:
one occurrence against the whole series, invitations, answers and attendees, and a Mini App
write seen at once by a CalDAV client's sync and by the bot's /week."""

from __future__ import annotations

import datetime as dt
import re

import httpx

from televent.bootstrap import build_application
from televent.config import Settings
from tests.e2e.test_api_events import ALICE, MARCH, ApiServer, create, listing, server

__all__ = ["server"]  # the fixture, shared with test_api_events.py

SYNC = (
    '<?xml version="1.0"?><d:sync-collection xmlns:d="DAV:"><d:sync-token>{token}'
    "</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop>"
    "</d:sync-collection>"
)


def standup(client: httpx.Client, days: int) -> dict[str, object]:
    """A daily "Standup" at 9:00 from Monday March 2, 2026, for `days` days."""
    return create(
        client,
        title="Standup",
        start="2026-03-02T09:00:00",
        end="2026-03-02T09:15:00",
        recurrence=f"FREQ=DAILY;COUNT={days}",
    )


def test_one_occurrence_or_the_whole_series(server: ApiServer) -> None:
    alice = server.alice()
    series = standup(alice, days=5)
    path = f"/events/{series['id']}"
    third = "2026-03-04T09:00:00+01:00"

    late = alice.patch(
        path, params={"occurrence": third}, json={"start": "2026-03-04T11:00:00", "title": "Late"}
    )
    assert late.status_code == 200, late.text
    assert (late.json()["recurrence_id"], late.json()["start"]) == (
        third,
        "2026-03-04T11:00:00+01:00",
    )
    assert alice.get(path, params={"occurrence": third}).json()["title"] == "Late"
    assert alice.get(path).json()["start"] == "2026-03-02T09:00:00+01:00"  # the series stays
    titles = [(e["title"], e["start"][:16]) for e in listing(alice)]
    assert titles == [
        ("Standup", "2026-03-02T09:00"),
        ("Standup", "2026-03-03T09:00"),
        ("Late", "2026-03-04T11:00"),
        ("Standup", "2026-03-05T09:00"),
        ("Standup", "2026-03-06T09:00"),
    ]
    for item in listing(alice):  # each card as the Mini App opens it shows what was listed
        card = alice.get(path, params={"occurrence": item["recurrence_id"]})
        assert card.status_code == 200 and card.json() == item, (item, card.text)

    renamed = alice.patch(path, json={"title": "Daily", "location": "Room 2"})
    assert renamed.status_code == 200
    titles = [(e["title"], e["location"]) for e in listing(alice)]
    assert titles.count(("Daily", "Room 2")) == 4  # the moved occurrence keeps its own title
    assert ("Late", None) in titles

    skipped = alice.delete(path, params={"occurrence": "2026-03-05T08:00:00Z"})
    assert skipped.status_code == 204
    assert [e["start"][:10] for e in listing(alice)] == [
        "2026-03-02",
        "2026-03-03",
        "2026-03-04",
        "2026-03-06",
    ]
    assert alice.get(path, params={"occurrence": "2026-03-05T09:00:00+01:00"}).status_code == 404
    missing = alice.patch(
        path, params={"occurrence": "2026-03-02T10:00:00+01:00"}, json={"title": "x"}
    )
    assert missing.status_code == 404
    whole = alice.patch(path, params={"occurrence": third}, json={"recurrence": "FREQ=WEEKLY"})
    assert whole.status_code == 422 and whole.json()["detail"].startswith("recurrence:")

    assert alice.delete(path).status_code == 204
    assert listing(alice) == []


def test_an_invitees_answer_reaches_the_organizers_view(server: ApiServer) -> None:
    alice, bob = server.alice(), server.bob()
    meeting = create(
        alice,
        title="Planning",
        start="2026-03-12T14:00:00",
        attendees=["@bob", "carol@example.com"],
    )
    assert [(a["address"], a["status"]) for a in meeting["attendees"]] == [
        ("tg_2@televent.internal", "needs-action"),
        ("carol@example.com", "needs-action"),
    ]

    [invitation] = listing(bob)
    assert (invitation["title"], invitation["my_status"]) == ("Planning", "needs-action")
    assert invitation["organizer"]["address"] == "tg_1@televent.internal"
    refused = bob.patch(f"/events/{invitation['id']}", json={"title": "Bob's now"})
    assert refused.status_code == 403
    assert "organizer" in refused.json()["detail"]
    assert (
        bob.post(
            f"/events/{invitation['id']}/attendees", json={"invitee": "x@example.com"}
        ).status_code
        == 403
    )
    assert bob.post(f"/events/{invitation['id']}/rsvp", json={"status": "maybe"}).status_code == 422

    answered = bob.post(f"/events/{invitation['id']}/rsvp", json={"status": "tentative"})
    assert answered.status_code == 200, answered.text
    assert answered.json()["my_status"] == "tentative"
    seen = alice.get(f"/events/{meeting['id']}").json()
    assert {a["address"]: a["status"] for a in seen["attendees"]}[
        "tg_2@televent.internal"
    ] == "tentative"
    assert (
        alice.post(f"/events/{meeting['id']}/rsvp", json={"status": "accepted"}).status_code == 422
    )

    declined = bob.post(f"/events/{invitation['id']}/rsvp", json={"status": "declined"})
    assert declined.status_code == 200
    assert listing(bob) == []  # a declined meeting leaves the listing
    assert {
        a["status"] for a in alice.get(f"/events/{meeting['id']}/attendees").json()["items"]
    } == {
        "declined",
        "needs-action",
    }


def test_the_organizer_invites_and_removes_attendees(server: ApiServer) -> None:
    alice, bob = server.alice(), server.bob()
    event = create(alice, title="Lunch", start="2026-03-13T12:00:00")
    path = f"/events/{event['id']}/attendees"
    stale = alice.post(path, json={"invitee": "2"}, headers={"If-Match": '"0-0"'})
    assert stale.status_code == 412
    assert listing(bob) == []

    invited = alice.post(path, json={"invitee": "2"})
    assert invited.status_code == 201, invited.text
    assert [a["name"] for a in invited.json()["attendees"]] == ["Bob"]
    assert [e["title"] for e in listing(bob)] == ["Lunch"]  # invited like from the bot
    by_mail = alice.post(path, json={"invitee": "Dave@Example.com", "name": "Dave"})
    assert by_mail.status_code == 201
    assert [a["address"] for a in alice.get(path).json()["items"]] == [
        "tg_2@televent.internal",
        "dave@example.com",
    ]
    assert alice.post(path, json={"invitee": "@alice_is_me"}).status_code == 422
    assert alice.post(path, json={"invitee": "1"}).json()["detail"].startswith("invitee:")

    assert alice.delete(f"{path}/dave@example.com").status_code == 204
    assert alice.delete(path, params={"address": "@bob"}).status_code == 204
    assert alice.get(path).json()["items"] == []
    assert alice.delete(f"{path}/dave@example.com").status_code == 404
    assert [(e["title"], e["cancelled"]) for e in listing(bob)] == [("Lunch", True)]


def test_a_mini_app_write_is_seen_by_caldav_sync_and_the_bots_week(server: ApiServer) -> None:
    alice = server.alice()
    dav = httpx.Client(base_url=server.url, auth=(str(ALICE), server.passwords[ALICE]), timeout=30)
    calendar = "/dav/calendars/1/default/"
    first = dav.request("REPORT", calendar, content=SYNC.format(token="").encode())
    assert first.status_code == 207
    token = re.search(r"<[a-zA-Z:]*sync-token>([^<]+)<", first.text)
    assert token is not None

    when = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=2)
    event = create(alice, title="Piano lesson", start=when.isoformat(), location="Music school")

    synced = dav.request("REPORT", calendar, content=SYNC.format(token=token.group(1)).encode())
    assert synced.status_code == 207
    href = f"{calendar}{event['uid']}.ics"
    assert href in synced.text
    body = dav.get(href)
    assert body.status_code == 200 and "SUMMARY:Piano lesson" in body.text
    assert body.headers["ETag"] == event["etag"]

    server.bot.push_message(ALICE, "/week", username="alice", first_name="Alice")
    week = server.bot.wait_for(
        "sendMessage", lambda c: c.chat_id == ALICE and "Piano lesson" in c.text
    )
    assert "Music school" in week.text


def test_window_and_calendar_filters(server: ApiServer) -> None:
    alice = server.alice()
    calendars = alice.get("/calendars")
    own = create(alice, title="Own", start="2026-03-03T10:00:00", calendar="default")
    assert own["calendar"] is not None
    assert [e["title"] for e in listing(alice, calendar="default")] == ["Own"]
    assert [e["title"] for e in listing(alice, calendar=own["calendar"])] == ["Own"]
    assert calendars.status_code == 200
    assert listing(alice, **{**MARCH, "start": "2026-03-03T10:30:00+01:00"})[0]["title"] == "Own"
    assert listing(alice, start="2026-03-03T11:00:00+01:00", end="2026-03-04T00:00:00+01:00") == []


def test_an_event_is_never_read_from_an_index_row_older_than_its_body(server: ApiServer) -> None:
    """The event and each occurrence's card are read from the occurrence index only while it
    holds them as the stored body now says (the same ETag): a row left behind (here written
    over, with another title and ETag) is passed over and the body read instead."""
    alice = server.alice()
    series = standup(alice, days=3)
    path, second = f"/events/{series['id']}", "2026-03-03T09:00:00+01:00"
    app = build_application(Settings(database_url=server.database_url))
    try:

        def write_index_over(etag: str) -> None:
            with app.views.write() as db:
                db.run(
                    "UPDATE occurrence_events SET etag = ?, "
                    'fields = replace(fields, \'"title":"Standup"\', \'"title":"Stale"\') '
                    "WHERE event_id = ?",
                    (etag, str(series["id"])),
                )

        write_index_over(str(series["etag"]))  # as the body says: the index answers
        assert alice.get(path).json()["title"] == "Stale"
        assert alice.get(path, params={"occurrence": second}).json()["title"] == "Stale"
        write_index_over('"left-behind"')  # no longer as the body says: the body answers
        assert alice.get(path).json()["title"] == "Standup"
        card = alice.get(path, params={"occurrence": second})
        assert card.status_code == 200 and card.json()["title"] == "Standup", card.text
        assert card.json()["etag"] == series["etag"]
    finally:
        app.close()
