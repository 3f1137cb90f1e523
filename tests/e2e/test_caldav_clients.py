"""The python `caldav` library, a real CalDAV client, against `televent serve` on loopback."""

from __future__ import annotations

import datetime as dt

import caldav
import pytest

from tests.e2e.conftest import Server
from tests.helpers import vevent

UTC = dt.UTC


@pytest.fixture
def client(server: Server) -> caldav.DAVClient:
    user, password = server.auth(1)
    return caldav.DAVClient(url=server.url + "/", username=user, password=password)


def test_discovery_from_the_root_url_finds_the_default_calendar(client: caldav.DAVClient) -> None:
    principal = client.principal()
    calendars = principal.calendars()
    assert [c.get_display_name() for c in calendars] == ["Calendar"]
    assert str(calendars[0].url).endswith("/dav/calendars/1/default/")


def test_save_search_by_time_range_and_fetch(client: caldav.DAVClient) -> None:
    calendar = client.principal().calendars()[0]
    calendar.save_event(
        vevent(uid="single", summary="One-off", start="20260305T150000", end="20260305T160000")
    )
    calendar.save_event(
        vevent(
            uid="weekly",
            summary="Weekly",
            start="20260302T090000",
            end="20260302T093000",
            rrule="FREQ=WEEKLY;COUNT=10",
        )
    )
    calendar.save_event(
        vevent(uid="later", summary="Later", start="20260601T090000", end="20260601T100000")
    )
    found = calendar.search(
        start=dt.datetime(2026, 3, 5, tzinfo=UTC),
        end=dt.datetime(2026, 3, 6, tzinfo=UTC),
        event=True,
    )
    assert {e.icalendar_component["UID"] for e in found} == {"single"}
    week = calendar.search(
        start=dt.datetime(2026, 3, 16, tzinfo=UTC),
        end=dt.datetime(2026, 3, 17, tzinfo=UTC),
        event=True,
    )
    assert {e.icalendar_component["UID"] for e in week} == {"weekly"}  # a recurrence instance
    event = calendar.event_by_uid("single")
    assert event.icalendar_component["SUMMARY"] == "One-off"


def test_incremental_sync_reports_changes_and_deletions(client: caldav.DAVClient) -> None:
    calendar = client.principal().calendars()[0]
    first = calendar.save_event(vevent(uid="a", summary="A"))
    calendar.save_event(vevent(uid="b", summary="B"))
    objects = calendar.objects_by_sync_token(load_objects=True)
    assert len(list(objects)) == 2
    token = objects.sync_token
    first.icalendar_component["SUMMARY"] = "A changed"
    first.save()
    calendar.event_by_uid("b").delete()
    changes = calendar.objects_by_sync_token(sync_token=token, load_objects=True)
    changed = list(changes)
    assert len(changed) == 2  # one changed, one deleted
    assert any(getattr(o, "data", None) and "A changed" in o.data for o in changed)
    assert changes.sync_token != token
    assert list(calendar.objects_by_sync_token(sync_token=changes.sync_token)) == []


def test_a_new_calendar_can_be_made_and_removed(client: caldav.DAVClient) -> None:
    principal = client.principal()
    work = principal.make_calendar(name="Work", cal_id="work")
    work.save_event(vevent(uid="w1", summary="Standup"))
    assert {c.get_display_name() for c in principal.calendars()} == {"Calendar", "Work"}
    work.delete()
    assert [c.get_display_name() for c in principal.calendars()] == ["Calendar"]
