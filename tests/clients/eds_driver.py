#!/usr/bin/python3
"""Drive evolution-data-server (the client stack of GNOME Evolution and GNOME Calendar).

Run with the Debian system Python and its python3-gi bindings, inside a private session bus:

    dbus-run-session -- /usr/bin/python3 tests/clients/eds_driver.py [COMMAND_JSON ...]

Each command is a JSON object with an "op" (a Driver.op_* method; the other keys are its
arguments). Commands come from the arguments, or, without arguments, one per line on stdin; every
command answers with one JSON line, {"ok": true, "result": ...} or {"ok": false, "error": "..."},
on stdout or on the descriptor named by EDS_DRIVER_ANSWER_FD, and nothing else is written there.
The EDS daemons (evolution-source-registry, evolution-calendar-factory) are D-Bus activated on the
session bus; HOME and the XDG directories come from the caller.

The driver uses EDS as Evolution does: WebDAV discovery from the server's root URL (the
collection-account wizard), a "caldav" ESource committed to the source registry (the New
Calendar dialog), an ECalClient on it, and credentials given through ESource's authenticate
call when the registry reports that the source needs them (what the credentials prompter does).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
import time
import traceback
from collections.abc import Callable
from typing import Any

import gi  # type: ignore[import-not-found]  # the system's python3-gi, not the venv's

gi.require_version("EDataServer", "1.2")
gi.require_version("ECal", "2.0")
gi.require_version("ICalGLib", "3.0")
from gi.repository import (  # type: ignore[import-not-found]  # noqa: E402
    ECal,
    EDataServer,
    GLib,
    ICalGLib,
)

Json = dict[str, Any]
UTC = dt.UTC


def _iterate_until(done: Callable[[], bool], timeout: float, what: str) -> None:
    """Run the default main context (signals, async callbacks) until done() or timeout."""
    context = GLib.MainContext.default()
    deadline = time.monotonic() + timeout
    wake = GLib.timeout_add(100, lambda: True)
    try:
        while not done():
            if time.monotonic() > deadline:
                raise TimeoutError(f"{what}: no answer within {timeout:.0f} s")
            context.iteration(True)
    finally:
        GLib.source_remove(wake)


def _pump(seconds: float) -> None:
    """Let the main context dispatch what arrived (D-Bus signals) for a while."""
    end = time.monotonic() + seconds
    with contextlib.suppress(TimeoutError):
        _iterate_until(lambda: time.monotonic() >= end, seconds + 1, "pump")


def _epoch(value: str) -> int:
    return int(dt.datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp())


def _utc_iso(seconds: int) -> str:
    return dt.datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _time(value: Any) -> Json | None:
    """An ICalTime as {"value": iCalendar text, "tzid": ..., "utc": ISO instant or None}."""
    if value is None or value.is_null_time():
        return None
    zone = value.get_timezone()
    tzid = value.get_tzid() if hasattr(value, "get_tzid") else None
    utc = None
    if zone is not None and not value.is_date():
        utc = _utc_iso(value.as_timet_with_zone(zone))
    return {"value": value.as_ical_string(), "tzid": tzid, "utc": utc}


def _component(icomp: Any) -> Json:
    """What a user would see of one VEVENT (master or detached instance)."""
    kind = ICalGLib.PropertyKind
    exdates = []
    prop = icomp.get_first_property(kind.EXDATE_PROPERTY)
    while prop is not None:
        exdates.append(prop.get_exdate().as_ical_string())
        prop = icomp.get_next_property(kind.EXDATE_PROPERTY)
    extra = {}
    prop = icomp.get_first_property(kind.X_PROPERTY)
    while prop is not None:
        extra[prop.get_x_name()] = prop.get_value_as_string()
        prop = icomp.get_next_property(kind.X_PROPERTY)
    rrule = icomp.get_first_property(kind.RRULE_PROPERTY)
    rid = icomp.get_recurrenceid()
    alarms = []
    alarm = icomp.get_first_component(ICalGLib.ComponentKind.VALARM_COMPONENT)
    while alarm is not None:
        trigger = alarm.get_first_property(kind.TRIGGER_PROPERTY)
        action = alarm.get_first_property(kind.ACTION_PROPERTY)
        alarms.append(
            {
                "trigger": trigger.get_value_as_string() if trigger else None,
                "action": action.get_value_as_string() if action else None,
            }
        )
        alarm = icomp.get_next_component(ICalGLib.ComponentKind.VALARM_COMPONENT)
    return {
        "uid": icomp.get_uid(),
        "summary": icomp.get_summary(),
        "start": _time(icomp.get_dtstart()),
        "end": _time(icomp.get_dtend()),
        "recurrence_id": None if rid is None or rid.is_null_time() else rid.as_ical_string(),
        "rrule": rrule.get_value_as_string() if rrule else None,
        "exdates": exdates,
        "x_properties": extra,
        "alarms": alarms,
        "sequence": icomp.get_sequence(),
    }


class Driver:
    def __init__(self) -> None:
        self.registry = EDataServer.SourceRegistry.new_sync(None)
        self.passwords: dict[str, tuple[str, str]] = {}  # source uid -> (user, password)
        self.credential_log: list[Json] = []
        self.clients: dict[str, ECal.Client] = {}
        self.registry.connect("credentials-required", self._credentials_required)

    # -- credentials: answer the registry as Evolution's credentials prompter does ----------

    def _credentials_required(
        self,
        _registry: Any,
        source: EDataServer.Source,
        reason: Any,
        _certificate_pem: str | None,
        _certificate_errors: Any,
        op_error: GLib.Error | None,
    ) -> None:
        entry: Json = {
            "source": source.get_uid(),
            "reason": reason.value_nick,
            "error": op_error.message if op_error else None,
            "answered": False,
        }
        self.credential_log.append(entry)
        known = self.passwords.get(source.get_uid())
        asked = sum(1 for e in self.credential_log if e["source"] == source.get_uid())
        wanted = (EDataServer.SourceCredentialsReason.REQUIRED,)
        if known is None or reason not in wanted or asked > 3:
            return
        credentials = EDataServer.NamedParameters.new()
        credentials.set(EDataServer.SOURCE_CREDENTIAL_USERNAME, known[0])
        credentials.set(EDataServer.SOURCE_CREDENTIAL_PASSWORD, known[1])
        source.invoke_authenticate(credentials, None, self._authenticated, entry)
        entry["answered"] = True

    def _authenticated(self, source: EDataServer.Source, result: Any, entry: Json) -> None:
        try:
            source.invoke_authenticate_finish(result)
        except GLib.Error as exc:
            entry["authenticate_error"] = exc.message

    # -- operations ---------------------------------------------------------------------------

    def op_discover(self, url: str, user: str, password: str) -> Json:
        """What Evolution's collection wizard does: e_webdav_discover_sources_sync."""
        source = EDataServer.Source.new(None, None)
        source.set_display_name("discovery")
        webdav = source.get_extension(EDataServer.SOURCE_EXTENSION_WEBDAV_BACKEND)
        webdav.set_uri(GLib.Uri.parse(url, GLib.UriFlags.NONE))
        auth = source.get_extension(EDataServer.SOURCE_EXTENSION_AUTHENTICATION)
        auth.set_user(user)
        credentials = EDataServer.NamedParameters.new()
        credentials.set(EDataServer.SOURCE_CREDENTIAL_USERNAME, user)
        credentials.set(EDataServer.SOURCE_CREDENTIAL_PASSWORD, password)
        supports = EDataServer.WebDAVDiscoverSupports
        only = int(supports.EVENTS | supports.TASKS | supports.MEMOS)
        _ok, _pem, _errors, found, addresses = EDataServer.webdav_discover_sources_sync(
            source, None, only, credentials, None
        )
        names = {
            int(supports.EVENTS): "events",
            int(supports.TASKS): "tasks",
            int(supports.MEMOS): "memos",
            int(supports.CALENDAR_AUTO_SCHEDULE): "auto-schedule",
        }
        return {
            "sources": [
                {
                    "href": item.href,
                    "display_name": item.display_name,
                    "description": item.description,
                    "color": item.color,
                    "supports": [n for bit, n in names.items() if int(item.supports) & bit],
                }
                for item in found or []
            ],
            "user_addresses": list(addresses or []),
        }

    def op_add_source(self, display_name: str, url: str, user: str, password: str) -> Json:
        """A CalDAV calendar as Evolution's New Calendar dialog stores it in the registry."""
        source = EDataServer.Source.new(None, None)
        source.set_display_name(display_name)
        source.set_parent("caldav-stub")
        calendar = source.get_extension(EDataServer.SOURCE_EXTENSION_CALENDAR)
        calendar.set_backend_name("caldav")
        webdav = source.get_extension(EDataServer.SOURCE_EXTENSION_WEBDAV_BACKEND)
        webdav.set_uri(GLib.Uri.parse(url, GLib.UriFlags.NONE))  # also sets host and port
        auth = source.get_extension(EDataServer.SOURCE_EXTENSION_AUTHENTICATION)
        auth.set_user(user)
        offline = source.get_extension(EDataServer.SOURCE_EXTENSION_OFFLINE)
        offline.set_stay_synchronized(True)
        uid = source.get_uid()
        self.passwords[uid] = (user, password)
        self.registry.commit_source_sync(source, None)
        _iterate_until(
            lambda: self.registry.ref_source(uid) is not None, 20, "source in the registry"
        )
        return {"uid": uid}

    def op_open(self, source: str, timeout: float = 30) -> Json:
        """ECalClient.connect on the source, answering credential requests meanwhile."""
        registered = self.registry.ref_source(source)
        if registered is None:
            raise LookupError(f"no source {source} in the registry")
        outcome: dict[str, Any] = {}

        def done(_object: Any, result: Any, *_: Any) -> None:
            try:
                outcome["client"] = ECal.Client.connect_finish(result)
            except GLib.Error as exc:
                outcome["error"] = exc

        ECal.Client.connect(
            registered, ECal.ClientSourceType.EVENTS, int(timeout), None, done, None
        )
        _iterate_until(lambda: bool(outcome), timeout + 5, "ECalClient.connect")
        if "error" in outcome:
            raise RuntimeError(f"connect failed: {outcome['error'].message}")
        client = outcome["client"]
        self.clients[source] = client
        status = registered.get_connection_status().value_nick
        return {"connected": client.is_online(), "status": status}

    def _client(self, source: str) -> ECal.Client:
        return self.clients[source]

    def op_list(self, source: str, sexp: str = "#t") -> list[Json]:
        _ok, comps = self._client(source).get_object_list_as_comps_sync(sexp, None)
        found = [_component(comp.get_icalcomponent()) for comp in comps]
        return sorted(found, key=lambda c: (c["uid"], c["recurrence_id"] or ""))

    def op_instances(self, source: str, start: str, end: str) -> list[Json]:
        """Occurrences in [start, end) as EDS expands them (what a calendar view shows)."""
        client = self._client(source)
        found: list[Json] = []

        def each(icomp: Any, instance_start: Any, instance_end: Any, *_: Any) -> bool:
            comp = _component(icomp)
            found.append(
                {
                    "uid": comp["uid"],
                    "summary": comp["summary"],
                    "recurrence_id": comp["recurrence_id"],
                    "start": _time(instance_start),
                    "end": _time(instance_end),
                }
            )
            return True

        client.generate_instances_sync(_epoch(start), _epoch(end), None, each, None)
        return sorted(found, key=lambda i: (i["start"] or {}).get("utc") or "")

    def op_create(self, source: str, ical: str) -> Json:
        """create_object_sync, as Evolution saves a new event from its editor."""
        icomp = ICalGLib.Component.new_from_string(ical)
        if icomp.isa() == ICalGLib.ComponentKind.VCALENDAR_COMPONENT:
            icomp = icomp.get_first_component(ICalGLib.ComponentKind.VEVENT_COMPONENT)
        _ok, uid = self._client(source).create_object_sync(icomp, ECal.OperationFlags.NONE, None)
        return {"uid": uid}

    def op_modify(
        self,
        source: str,
        uid: str,
        summary: str | None = None,
        start: str | None = None,
        end: str | None = None,
    ) -> Json:
        """Edit an event's summary and/or times (values in the event's own zone), as the editor
        does: the stored component, changed, committed, modify_object_sync."""
        client = self._client(source)
        _ok, icomp = client.get_object_sync(uid, None, None)
        comp = ECal.Component.new_from_icalcomponent(icomp.clone())
        if summary is not None:
            comp.set_summary(ECal.ComponentText.new(summary, None))
        for value, getter, setter in (
            (start, comp.get_dtstart, comp.set_dtstart),
            (end, comp.get_dtend, comp.set_dtend),
        ):
            if value is None:
                continue
            current = getter()
            tzid = current.get_tzid() if current else None
            new_time = ICalGLib.Time.new_from_string(value)
            if tzid:
                new_time.set_timezone(client.get_timezone_sync(tzid, None)[1])
            setter(ECal.ComponentDateTime.new(new_time, tzid))
        comp.commit_sequence()  # SEQUENCE + 1 when the times changed, as the editor saves
        client.modify_object_sync(
            comp.get_icalcomponent(), ECal.ObjModType.ALL, ECal.OperationFlags.NONE, None
        )
        _ok, stored = client.get_object_sync(uid, None, None)
        return _component(stored)

    def op_remove(self, source: str, uid: str) -> Json:
        self._client(source).remove_object_sync(
            uid, None, ECal.ObjModType.ALL, ECal.OperationFlags.NONE, None
        )
        return {"removed": uid}

    def op_refresh(self, source: str) -> Json:
        """refresh_sync: the backend schedules a sync with the server (asynchronously)."""
        client = self._client(source)
        client.refresh_sync(None)
        return {"refresh_supported": client.check_refresh_supported()}

    def op_wait_for(
        self,
        source: str,
        uid: str,
        summary: str | None = None,
        present: bool = True,
        timeout: float = 30,
    ) -> Json:
        """Poll the client's view until the event is (or is not) there with that summary."""
        deadline = time.monotonic() + timeout
        while True:
            events = [c for c in self.op_list(source) if c["uid"] == uid]
            matched = bool(events) == present
            if present and summary is not None:
                matched = matched and any(c["summary"] == summary for c in events)
            if matched:
                return {
                    "events": events,
                    "seconds": round(timeout - (deadline - time.monotonic()), 2),
                }
            if time.monotonic() > deadline:
                raise TimeoutError(f"{uid}: still {events!r} after {timeout:.0f} s")
            _pump(0.5)

    def op_credentials(self) -> list[Json]:
        return self.credential_log

    def op_remove_source(self, source: str) -> Json:
        self.clients.pop(source, None)
        registered = self.registry.ref_source(source)
        if registered is not None:
            registered.remove_sync(None)
        return {"removed": source}


def run(driver: Driver, command: Json) -> Json:
    command = dict(command)
    op = command.pop("op")
    method = getattr(driver, f"op_{op}", None)
    if method is None:
        return {"ok": False, "error": f"unknown op {op!r}"}
    try:
        return {"ok": True, "result": method(**command)}
    except (GLib.Error, Exception) as exc:  # reported to the caller, who decides
        message = exc.message if isinstance(exc, GLib.Error) else f"{type(exc).__name__}: {exc}"
        traceback.print_exc(file=sys.stderr)
        return {"ok": False, "error": message}


def main(argv: list[str]) -> int:
    # Answers go to EDS_DRIVER_ANSWER_FD (else the original stdout) and nowhere else:
    # libsoup's debug logger (CALDAV_DEBUG, WEBDAV_DEBUG) prints to file descriptor 1, which
    # from here on is stderr. (D-Bus activated daemons write to dbus-run-session's stdout,
    # which is why the caller gives a separate descriptor for the answers.)
    answer_fd = os.environ.get("EDS_DRIVER_ANSWER_FD")
    answers = os.fdopen(int(answer_fd) if answer_fd else os.dup(1), "w")
    os.dup2(2, 1)
    try:
        driver = Driver()
    except GLib.Error as exc:
        print(json.dumps({"ok": False, "error": f"source registry: {exc.message}"}), file=answers)
        return 1
    lines = argv if argv else iter(sys.stdin.readline, "")
    for line in lines:
        if not line.strip():
            continue
        print(json.dumps(run(driver, json.loads(line))), file=answers, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
