"""/api/v1/me, /api/v1/calendars and /api/v1/devices over HTTP against `televent serve`, on
both databases."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import Backend
from tests.helpers import vevent
from tests.tma import ApiServer, running_api_server

ME = "/api/v1/me"
DEVICES = "/api/v1/devices"


@pytest.fixture
def server(backend: Backend, tmp_path: Path) -> Iterator[ApiServer]:
    with running_api_server(backend.migrated_url(), tmp_path) as running:
        yield running


def problem(reply: httpx.Response, status: int) -> str:
    assert reply.status_code == status, reply.text
    assert reply.headers["content-type"].startswith("application/problem+json")
    return str(reply.json()["detail"])


def test_me_reads_and_changes_the_callers_settings(server: ApiServer) -> None:
    with server.client(1) as alice, server.client(2) as bob:
        me = alice.get(ME).json()
        assert me["telegram_id"] == 1 and me["name"] == "Alice"
        assert me["timezone"] == "Europe/Berlin" and me["emails"] == ["alice@example.com"]
        changed = alice.patch(
            ME, json={"name": " Alice B. ", "timezone": "Asia/Tokyo", "reminder_minutes": 30}
        )
        assert changed.status_code == 200
        assert changed.json() | {"registered_at": ""} == me | {
            "name": "Alice B.",
            "timezone": "Asia/Tokyo",
            "reminder_minutes": 30,
            "registered_at": "",
        }
        assert alice.get(ME).json()["timezone"] == "Asia/Tokyo"  # kept
        assert bob.get(ME).json()["timezone"] == "Europe/Berlin"  # only Alice's
        assert alice.patch(ME, json={}).json()["reminder_minutes"] == 30  # nothing to change


def test_me_changes_notification_preferences(server: ApiServer) -> None:
    with server.client(1) as alice:
        before = alice.get(ME).json()["preferences"]
        assert before["quiet_hours"] is None and before["cards_email"] is True
        changed = alice.patch(
            ME, json={"preferences": {"quiet_hours": "22:00-7:00", "cards_email": False}}
        )
        assert changed.status_code == 200, changed.text
        after = alice.get(ME).json()["preferences"]
        assert after == before | {"quiet_hours": "22:00-07:00", "cards_email": False}
        # A bad preference refuses the whole request: the time zone beside it is not changed.
        refused = alice.patch(
            ME, json={"timezone": "Asia/Tokyo", "preferences": {"agenda_time": "25:00"}}
        )
        assert "HH:MM" in problem(refused, 422)
        assert "Unknown preference" in problem(
            alice.patch(ME, json={"preferences": {"volume": 11}}), 422
        )
        assert alice.get(ME).json()["timezone"] == "Europe/Berlin"
        assert alice.get(ME).json()["preferences"] == after


def test_me_changes_language_clock_and_first_weekday(server: ApiServer) -> None:
    with server.client(1) as alice, server.client(2) as bob:
        me = alice.get(ME).json()
        assert (me["language"], me["direction"]) == ("en", "ltr")
        changed = alice.patch(ME, json={"language": "fa", "hour_cycle": "12", "week_start": "sun"})
        assert changed.status_code == 200, changed.text
        body = changed.json()
        assert (body["language"], body["direction"]) == ("fa", "rtl")
        chosen = {k: body["preferences"][k] for k in ("language", "hour_cycle", "week_start")}
        assert chosen == {"language": "fa", "hour_cycle": "12", "week_start": "sun"}
        assert alice.get(ME).json()["preferences"]["week_start"] == "sun"  # kept
        assert bob.get(ME).json()["language"] == "en"  # only Alice's
        # "pt-br" as Telegram writes it is Brazilian Portuguese; an unknown one is refused whole
        assert alice.patch(ME, json={"language": "pt-br"}).json()["language"] == "pt-BR"
        refused = alice.patch(ME, json={"language": "tlh", "hour_cycle": "24"})
        assert "pt-BR" in problem(refused, 422)
        assert alice.get(ME).json()["preferences"]["hour_cycle"] == "12"
        # null is automatic again: the language Telegram reports, here none, so English
        back = alice.patch(ME, json={"language": None, "hour_cycle": None}).json()
        assert back["language"] == "en" and back["preferences"]["language"] is None
        assert back["preferences"]["hour_cycle"] is None


def test_the_app_loads_its_words_in_each_language(server: ApiServer) -> None:
    with server.client() as anonymous:
        russian = anonymous.get("/app/i18n/ru.ftl")
        assert russian.status_code == 200, russian.text
        assert russian.headers["content-type"].startswith("text/plain")
        assert "app-name" in russian.text and "bot-sorry" not in russian.text  # app's only
        assert anonymous.get("/app/i18n/pt-BR.ftl").status_code == 200
        missing = anonymous.get("/app/i18n/tlh.ftl")
        assert missing.status_code == 404 and "ru.ftl" in missing.text
        assert anonymous.get("/app/i18n/pt-br.ftl").status_code == 404  # one name per language
        # Fluent itself is vendored, served like the app's other scripts
        script = anonymous.get("/app/vendor/fluent-bundle/0.19.1/index.js")
        assert script.status_code == 200 and "FluentBundle" in script.text


def test_bad_settings_are_refused_with_a_problem(server: ApiServer) -> None:
    with server.client(1) as alice:
        assert "IANA" in problem(alice.patch(ME, json={"timezone": "Mars/Olympus"}), 422)
        assert "10080" in problem(alice.patch(ME, json={"reminder_minutes": 20000}), 422)
        assert "blank" in problem(alice.patch(ME, json={"name": "   "}), 422)
        assert "unknown field" in problem(alice.patch(ME, json={"colour": "red"}), 400)
        assert "reminder_minutes" in problem(alice.patch(ME, json={"reminder_minutes": "x"}), 400)
        assert problem(alice.patch(ME, content=b"{nope", headers=_json()), 400)
        assert problem(alice.patch(ME, content=b"[1, 2]", headers=_json()), 400)
        assert "JSON" in problem(alice.patch(ME, content=b"name=x", headers=_form()), 415)
        assert alice.get(ME).json()["timezone"] == "Europe/Berlin"  # nothing half-written


def test_calendars_lists_the_callers_calendars_with_a_ctag(server: ApiServer) -> None:
    with server.client(1) as alice, server.client(2) as bob:
        [calendar] = alice.get("/api/v1/calendars").json()["items"]
        assert calendar["slug"] == "default" and calendar["name"] == "Calendar"
        assert set(calendar) == {
            *("id", "slug", "name", "color", "timezone", "ctag"),
            *("kind", "role", "owner", "busy", "status", "connection", "events"),
        }
        assert calendar["kind"] == "own" and calendar["role"] == "owner"
        assert calendar["connection"] is None  # it mirrors no other server's calendar
        assert calendar["events"] is True  # a new event may go in it
        assert calendar["owner"] == {"telegram_id": 1, "name": "Alice"}
        assert calendar["busy"] is True and calendar["status"] == "active"
        put = alice.put(
            "/dav/calendars/1/default/one.ics",
            content=_ics("one"),
            headers={"Content-Type": "text/calendar"},
            auth=server.basic(1),
        )
        assert put.status_code == 201
        [after] = alice.get("/api/v1/calendars").json()["items"]
        assert after["id"] == calendar["id"] and after["ctag"] != calendar["ctag"]
        [bobs] = bob.get("/api/v1/calendars").json()["items"]
        assert bobs["id"] != calendar["id"]


def test_device_passwords_are_shown_once_listed_and_revoked(server: ApiServer) -> None:
    with server.client(1) as alice, server.client(2) as bob:
        created = alice.post(DEVICES, json={"name": "phone"})
        assert created.status_code == 201
        issued = created.json()
        assert issued["name"] == "phone" and issued["user_name"] == "1"
        assert issued["server"] == f"{server.url}/"
        password = issued["password"]
        listed = alice.get(DEVICES).json()
        assert [d["name"] for d in listed] == ["tests", "phone"]
        assert password not in alice.get(DEVICES).text and "argon2" not in alice.get(DEVICES).text
        # The new password works for CalDAV and for the API at once.
        with httpx.Client(base_url=server.url, auth=("1", password), timeout=60) as phone:
            propfind = phone.request("PROPFIND", "/dav/calendars/1/", headers={"Depth": "0"})
            assert propfind.status_code == 207
            assert phone.get(ME).json()["name"] == "Alice"
            # A name in use is a conflict; a bad name is refused.
            assert "already exists" in problem(alice.post(DEVICES, json={"name": "phone"}), 409)
            assert problem(alice.post(DEVICES, json={"name": "a/b"}), 422)
            assert problem(alice.post(DEVICES, json={}), 400)
            # Bob cannot see or revoke Alice's devices.
            assert [d["name"] for d in bob.get(DEVICES).json()] == ["tests"]
            assert "phone" in problem(bob.delete(f"{DEVICES}/phone"), 404)
            assert phone.get(ME).status_code == 200
            # Revoked: the password stops working at once, for CalDAV and the API.
            assert alice.delete(f"{DEVICES}/phone").status_code == 204
            assert phone.get(ME).status_code == 401
            propfind = phone.request("PROPFIND", "/dav/calendars/1/", headers={"Depth": "0"})
            assert propfind.status_code == 401
        assert [d["name"] for d in alice.get(DEVICES).json()] == ["tests"]
        assert problem(alice.delete(f"{DEVICES}/phone"), 404)
        # A device name with spaces and punctuation travels in the path.
        assert alice.post(DEVICES, json={"name": "Bob's iPad (old)"}).status_code == 201
        assert alice.delete(f"{DEVICES}/Bob's iPad (old)").status_code == 204


def _json() -> dict[str, str]:
    return {"Content-Type": "application/json"}


def _form() -> dict[str, str]:
    return {"Content-Type": "application/x-www-form-urlencoded"}


def _ics(uid: str, summary: str = "Standup") -> bytes:
    return vevent(uid=uid, summary=summary).encode()
