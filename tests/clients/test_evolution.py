"""GNOME Evolution / GNOME Calendar's client stack (evolution-data-server) against `televent serve`.

The EDS side runs in tests/clients/eds_driver.py, a subprocess of the Debian system Python (its
GObject-introspection bindings) inside a private D-Bus session, so the real source registry,
calendar factory and CalDAV backend do the talking. See tests/clients/EVOLUTION.md.
"""

from __future__ import annotations

import datetime as dt
import glob
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

import httpx
import icalendar
import pytest

from televent.bootstrap import build_application
from televent.config import Settings
from televent.domain.sharing import shared_slug
from tests.e2e.conftest import ACTOR, SOURCE, Server, server  # noqa: F401
from tests.helpers import vevent

SYSTEM_PYTHON = "/usr/bin/python3"
DRIVER = Path(__file__).with_name("eds_driver.py")
CAL = "/dav/calendars/1/default/"
WORK = "/dav/calendars/1/work/"
BERLIN = dt.timezone(dt.timedelta(hours=1))  # the events below are before the March DST switch
CALL_TIMEOUT = 60.0
PROBE = (
    "import gi\n"
    "gi.require_version('EDataServer', '1.2')\n"
    "gi.require_version('ECal', '2.0')\n"
    "gi.require_version('ICalGLib', '3.0')\n"
    "from gi.repository import ECal, EDataServer, ICalGLib\n"
    "print(EDataServer.EDS_MAJOR_VERSION, EDataServer.EDS_MINOR_VERSION)\n"
)

ALARM_EVENT = vevent(
    uid="dentist",
    summary="Dentist",
    start="20260305T150000",
    end="20260305T160000",
    extra="X-TELEVENT-NOTE:bring the insurance card\r\n"
    "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Dentist\r\nTRIGGER:-PT15M\r\nEND:VALARM",
)
WEEKLY_EVENT = (
    "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Test//Televent tests//EN",
            "BEGIN:VEVENT",
            "UID:standup",
            "DTSTAMP:20260301T090000Z",
            "DTSTART;TZID=Europe/Berlin:20260302T100000",
            "DTEND;TZID=Europe/Berlin:20260302T103000",
            "SUMMARY:Standup",
            "RRULE:FREQ=WEEKLY;COUNT=6",
            "EXDATE;TZID=Europe/Berlin:20260316T100000",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:standup",
            "DTSTAMP:20260301T090000Z",
            "RECURRENCE-ID;TZID=Europe/Berlin:20260323T100000",
            "DTSTART;TZID=Europe/Berlin:20260323T113000",
            "DTEND;TZID=Europe/Berlin:20260323T120000",
            "SUMMARY:Standup (moved)",
            "END:VEVENT",
            "END:VCALENDAR",
        ]
    )
    + "\r\n"
)
MKCALENDAR_BODY = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
    "<D:set><D:prop><D:displayname>Work projects</D:displayname></D:prop></D:set>"
    "</C:mkcalendar>"
)


def _eds_problem() -> str | None:
    """Why EDS cannot be driven here, or None."""
    if not Path(SYSTEM_PYTHON).exists():
        return f"{SYSTEM_PYTHON} is missing (EDS is driven through the system python3-gi)"
    if shutil.which("dbus-run-session") is None:
        return "dbus-run-session is missing (apt-get install dbus)"
    backends = "evolution-data-server/calendar-backends/libecalbackendcaldav.so"
    if not glob.glob(f"/usr/lib/*/{backends}") + glob.glob(f"/usr/lib/{backends}"):
        return "the EDS CalDAV backend is missing (apt-get install evolution-data-server)"
    try:
        probe = subprocess.run(
            [SYSTEM_PYTHON, "-c", PROBE],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            env=_system_python_env(),
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"{SYSTEM_PYTHON} could not load the EDS bindings: {exc}"
    if probe.returncode != 0:
        last = (probe.stderr.strip().splitlines() or ["?"])[-1]
        return (
            f"{SYSTEM_PYTHON} cannot import the EDS bindings ({last}); apt-get install python3-gi"
            " gir1.2-edataserver-1.2 gir1.2-ecal-2.0 gir1.2-ical-3.0"
        )
    return None


def _system_python_env() -> dict[str, str]:
    """The environment without the project's venv, so /usr/bin/python3 sees only its own."""
    drop = {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "DBUS_SESSION_BUS_ADDRESS"}
    return {k: v for k, v in os.environ.items() if k not in drop}


@pytest.fixture(scope="module")
def eds_ready() -> None:
    problem = _eds_problem()
    if problem:
        if os.environ.get("TELEVENT_REQUIRE_CLIENTS") == "1":
            pytest.fail(f"{problem} (TELEVENT_REQUIRE_CLIENTS=1: EDS must be tested)")
        pytest.skip(problem)


class Eds:
    """One eds_driver.py process in its own D-Bus session, home and XDG directories."""

    def __init__(self, folder: Path) -> None:
        home = folder / "home"
        env = _system_python_env() | {
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_RUNTIME_DIR": str(home / "run"),
            "GSETTINGS_BACKEND": "memory",
            "LANG": "C.UTF-8",
            # Request/response headers of every HTTP exchange in the log (passwords masked);
            # TELEVENT_EDS_DEBUG=all adds the bodies.
            "CALDAV_DEBUG": os.environ.get("TELEVENT_EDS_DEBUG", "headers"),
            "WEBDAV_DEBUG": os.environ.get("TELEVENT_EDS_DEBUG", "headers"),
        }
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
            Path(env[name]).mkdir(parents=True, exist_ok=True, mode=0o700)
        self.log_path = folder / "eds.log"
        self._log: IO[str] = self.log_path.open("w")
        # The daemons share dbus-run-session's stdout and stderr (the log); the driver's answers
        # come back through a pipe of their own.
        read_end, write_end = os.pipe()
        self.process = subprocess.Popen(
            ["dbus-run-session", "--", SYSTEM_PYTHON, str(DRIVER)],
            stdin=subprocess.PIPE,
            stdout=self._log,
            stderr=self._log,
            text=True,
            env=env | {"EDS_DRIVER_ANSWER_FD": str(write_end)},
            pass_fds=(write_end,),
            start_new_session=True,  # its own process group, to be stopped as one
        )
        os.close(write_end)
        self._answers_file = os.fdopen(read_end, "r")
        self._answers: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self._answers_file:
            self._answers.put(line)
        self._answers.put("")

    def __call__(self, op: str, timeout: float = CALL_TIMEOUT, **args: Any) -> Any:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"op": op, **args}) + "\n")
        self.process.stdin.flush()
        try:
            line = self._answers.get(timeout=timeout)
        except queue.Empty:
            pytest.fail(f"EDS driver: no answer to {op} within {timeout:.0f} s\n{self.log_tail()}")
        if not line:
            pytest.fail(f"EDS driver exited during {op}\n{self.log_tail()}")
        answer = json.loads(line)
        if not answer["ok"]:
            pytest.fail(f"EDS {op} failed: {answer['error']}\n{self.log_tail()}")
        return answer["result"]

    def log_tail(self, lines: int = 60) -> str:
        self._log.flush()
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def exchanges(self) -> list[str]:
        """Request lines and status lines EDS logged, in order ('> PUT /x', '< 201')."""
        self._log.flush()
        found = []
        for line in self.log_path.read_text(errors="replace").splitlines():
            request = re.match(r"> ([A-Z]+) (\S+) HTTP/1\.[01]$", line)
            status = re.match(r"< HTTP/1\.[01] (\d{3})", line)
            if request:
                found.append(f"> {request[1]} {request[2]}")
            elif status:
                found.append(f"< {status[1]}")
        return found

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self._log.close()


@pytest.fixture
def eds(eds_ready: None, tmp_path: Path) -> Iterator[Eds]:
    session = Eds(tmp_path)
    try:
        yield session
    finally:
        session.close()


def _utc(text: str) -> str:
    """'2026-03-05 15:00' in Berlin (CET) as the driver's UTC notation."""
    local = dt.datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=BERLIN)
    return local.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _server_event(
    http: httpx.Client, uid: str, collection: str = CAL
) -> tuple[str, icalendar.cal.Component] | None:
    """The href and VEVENT (master) of the server's object with this UID, if any."""
    listing = http.request("PROPFIND", collection, headers={"Depth": "1"})
    assert listing.status_code == 207
    for href in re.findall(r"<(?:\w+:)?href>([^<]+\.ics)</(?:\w+:)?href>", listing.text):
        response = http.get(href)
        assert response.status_code == 200
        calendar = icalendar.Calendar.from_ical(response.text)
        for component in calendar.walk("VEVENT"):
            if str(component.get("UID")) == uid and component.get("RECURRENCE-ID") is None:
                return href, component
    return None


def _when(component: icalendar.cal.Component, name: str) -> tuple[str, str]:
    """A DTSTART/DTEND as (UTC instant, TZID parameter)."""
    value = component.decoded(name)
    instant = value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return instant, str(component[name].params.get("TZID"))


def _displayname(http: httpx.Client, path: str) -> str:
    body = (
        '<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:">'
        "<D:prop><D:displayname/></D:prop></D:propfind>"
    )
    answer = http.request("PROPFIND", path, headers={"Depth": "0"}, content=body)
    assert answer.status_code == 207
    match = re.search(r"<(?:\w+:)?displayname>([^<]*)</", answer.text)
    assert match, answer.text
    return match[1]


def test_evolution_data_server_discovers_and_syncs(
    server: Server,  # noqa: F811
    eds: Eds,
) -> None:
    statuses: list[tuple[str, str, int]] = []

    def record(response: httpx.Response) -> None:
        statuses.append((response.request.method, response.request.url.path, response.status_code))

    http = httpx.Client(
        base_url=server.url, auth=server.auth(1), timeout=30, event_hooks={"response": [record]}
    )
    user, password = server.auth(1)

    # 1. The server side: an event with an alarm and an X- property, a weekly series with a
    #    moved instance and a cancelled one, and a second calendar.
    calendar_type = {"Content-Type": "text/calendar; charset=utf-8"}
    assert (
        http.put(CAL + "dentist.ics", content=ALARM_EVENT, headers=calendar_type).status_code == 201
    )
    assert (
        http.put(CAL + "standup.ics", content=WEEKLY_EVENT, headers=calendar_type).status_code
        == 201
    )
    assert http.request("MKCALENDAR", WORK, content=MKCALENDAR_BODY).status_code == 201
    default_name = _displayname(http, CAL)

    # 2. Evolution's account wizard finds both calendars from the bare server URL.
    found = eds("discover", url=server.url + "/", user=user, password=password)
    calendars = {urlsplit(s["href"]).path: s for s in found["sources"]}
    assert set(calendars) >= {CAL, WORK}, found
    assert calendars[CAL]["display_name"] == default_name
    assert calendars[WORK]["display_name"] == "Work projects"
    assert all("events" in calendars[path]["supports"] for path in (CAL, WORK))
    assert "alice@example.com" in found["user_addresses"]

    # 3. The calendar added to Evolution shows the server's events, alarm and all.
    source = eds(
        "add_source",
        display_name=default_name,
        url=calendars[CAL]["href"],
        user=user,
        password=password,
    )["uid"]
    opened = eds("open", source=source)
    assert opened["connected"], opened
    eds("wait_for", source=source, uid="standup")
    eds("wait_for", source=source, uid="dentist")
    events = {(e["uid"], e["recurrence_id"]): e for e in eds("list", source=source)}
    dentist = events["dentist", None]
    assert dentist["summary"] == "Dentist"
    assert dentist["start"]["utc"] == _utc("2026-03-05 15:00")
    assert dentist["end"]["utc"] == _utc("2026-03-05 16:00")
    assert dentist["alarms"] == [{"trigger": "-PT15M", "action": "DISPLAY"}]
    assert dentist["x_properties"]["X-TELEVENT-NOTE"] == "bring the insurance card"
    standup = events["standup", None]
    assert standup["rrule"] == "FREQ=WEEKLY;COUNT=6"
    assert standup["exdates"] == ["20260316T100000"]
    assert events["standup", "20260323T100000"]["summary"] == "Standup (moved)"

    occurrences = eds(
        "instances", source=source, start="2026-03-01T00:00:00Z", end="2026-05-01T00:00:00Z"
    )
    weekly = [(o["start"]["utc"], o["summary"]) for o in occurrences if o["uid"] == "standup"]
    assert weekly == [
        ("2026-03-02T09:00:00Z", "Standup"),
        ("2026-03-09T09:00:00Z", "Standup"),
        # 16 March is an EXDATE; 23 March moved to 11:30
        ("2026-03-23T10:30:00Z", "Standup (moved)"),
        ("2026-03-30T08:00:00Z", "Standup"),  # summer time in Berlin from 29 March
        ("2026-04-06T08:00:00Z", "Standup"),
    ]
    assert [o["start"]["utc"] for o in occurrences if o["uid"] == "dentist"] == [
        _utc("2026-03-05 15:00")
    ]

    # 4. An event created in Evolution reaches the server.
    created = eds(
        "create",
        source=source,
        ical=vevent(
            uid="lunch-from-evolution",
            summary="Lunch with Bob",
            start="20260310T123000",
            end="20260310T133000",
            organizer=None,
        ),
    )
    assert created["uid"] == "lunch-from-evolution"
    on_server = _server_event(http, "lunch-from-evolution")
    assert on_server is not None, "the event created in EDS is not on the server"
    lunch_href, lunch = on_server
    assert str(lunch["SUMMARY"]) == "Lunch with Bob"
    assert _when(lunch, "DTSTART")[0] == _utc("2026-03-10 12:30")
    assert _when(lunch, "DTEND")[0] == _utc("2026-03-10 13:30")
    assert "Europe/Berlin" in _when(lunch, "DTSTART")[1]

    # 5. Changes travel both ways: edited in Evolution, then edited on the server.
    edited = eds(
        "modify",
        source=source,
        uid="lunch-from-evolution",
        summary="Lunch with Bob and Carol",
        start="20260310T130000",
        end="20260310T140000",
    )
    assert edited["summary"] == "Lunch with Bob and Carol"
    assert edited["start"]["utc"] == _utc("2026-03-10 13:00")
    changed = _server_event(http, "lunch-from-evolution")
    assert changed is not None
    assert changed[0] == lunch_href
    assert str(changed[1]["SUMMARY"]) == "Lunch with Bob and Carol"
    assert _when(changed[1], "DTSTART")[0] == _utc("2026-03-10 13:00")
    assert _when(changed[1], "DTEND")[0] == _utc("2026-03-10 14:00")

    etag = http.get(CAL + "dentist.ics").headers["ETag"]
    moved = (
        ALARM_EVENT.replace("SUMMARY:Dentist", "SUMMARY:Dentist (moved)")
        .replace("20260305T150000", "20260305T170000")
        .replace("20260305T160000", "20260305T180000")
    )
    answer = http.put(
        CAL + "dentist.ics", content=moved, headers={**calendar_type, "If-Match": etag}
    )
    assert answer.status_code in {200, 204}
    eds("refresh", source=source)
    seen = eds("wait_for", source=source, uid="dentist", summary="Dentist (moved)")
    [dentist] = seen["events"]
    assert dentist["start"]["utc"] == _utc("2026-03-05 17:00")
    assert dentist["alarms"] == [{"trigger": "-PT15M", "action": "DISPLAY"}]

    # 6. Deletions travel both ways too.
    eds("remove", source=source, uid="lunch-from-evolution")
    assert http.get(lunch_href).status_code == 404
    assert "lunch-from-evolution" not in {e["uid"] for e in eds("list", source=source)}
    assert http.delete(CAL + "standup.ics").status_code == 204
    eds("refresh", source=source)
    eds("wait_for", source=source, uid="standup", present=False)
    remaining = eds(
        "instances", source=source, start="2026-03-01T00:00:00Z", end="2026-05-01T00:00:00Z"
    )
    assert [o["uid"] for o in remaining] == ["dentist"]

    # 7. The server never failed, neither for EDS nor for the test's own requests.
    exchanges = eds.exchanges()
    assert any(line.startswith("> REPORT ") for line in exchanges), eds.log_tail()
    assert not [line for line in exchanges if line.startswith("< 5")], exchanges
    assert not [s for s in statuses if s[2] >= 500], statuses
    credentials = eds("credentials")
    assert credentials and all(c["answered"] for c in credentials), credentials


def test_evolution_finds_a_shared_calendar_and_writes_into_it(
    server: Server,  # noqa: F811
    eds: Eds,
) -> None:
    """A calendar Alice shares with Bob (docs/adr/0017) is found by Evolution's discovery in
    Bob's account beside his own; an event Bob saves there lands in Alice's calendar, and
    Alice's change reaches Bob's Evolution."""
    app = build_application(Settings(database_url=server.database_url))
    try:
        alice_id, bob_id = app.account_id_of(1), app.account_id_of(2)
        family = app.create_calendar(
            alice_id, "family", {"display_name": "Family"}, actor=ACTOR, source=SOURCE
        )
        app.share_calendar(
            family, by=alice_id, member=bob_id, role="write", actor=ACTOR, source=SOURCE
        )
        app.answer_calendar_invitation(family, by=bob_id, accept=True, actor=ACTOR, source=SOURCE)
    finally:
        app.close()
    calendar_type = {"Content-Type": "text/calendar; charset=utf-8"}
    alice = httpx.Client(base_url=server.url, auth=server.auth(1), timeout=30)
    picnic = vevent(uid="picnic", summary="Picnic", start="20260307T120000", end="20260307T140000")
    assert (
        alice.put("/dav/calendars/1/family/picnic.ics", content=picnic, headers=calendar_type)
    ).status_code == 201

    user, password = server.auth(2)
    found = eds("discover", url=server.url + "/", user=user, password=password)
    shared = f"/dav/calendars/2/{shared_slug(family)}/"
    calendars = {urlsplit(s["href"]).path: s for s in found["sources"]}
    assert set(calendars) >= {"/dav/calendars/2/default/", shared}, found
    assert calendars[shared]["display_name"] == "Family"
    source = eds(
        "add_source", display_name="Family", url=calendars[shared]["href"], user=user,
        password=password,
    )["uid"]  # fmt: skip
    assert eds("open", source=source)["connected"]
    eds("wait_for", source=source, uid="picnic")
    from_bob = vevent(
        uid="from-bob", summary="From Bob", start="20260308T100000", end="20260308T110000"
    )
    eds("create", source=source, ical=from_bob)
    stored = _server_event(alice, "from-bob", "/dav/calendars/1/family/")
    assert stored is not None and stored[1]["SUMMARY"] == "From Bob"  # in Alice's calendar
    moved = picnic.replace("SUMMARY:Picnic", "SUMMARY:Picnic (moved)")
    assert (
        alice.put("/dav/calendars/1/family/picnic.ics", content=moved, headers=calendar_type)
    ).status_code == 204
    eds("refresh", source=source)
    eds("wait_for", source=source, uid="picnic", summary="Picnic (moved)")
    assert not [line for line in eds.exchanges() if line.startswith("< 5")]
    alice.close()
