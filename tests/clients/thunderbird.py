"""Drive a real Thunderbird (headless) through Marionette.

`Thunderbird` makes a throw-away profile (user.js switches off first-run UI, updates, telemetry,
the account wizard and everything else that would reach the internet), starts
`thunderbird --headless --marionette` on a free port, and runs JavaScript in the chrome context,
where Thunderbird's own calendar code (`calUtils.sys.mjs`, the CalDAV provider) is available.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any

from marionette_driver.marionette import Marionette  # type: ignore[import-untyped, import-not-found, unused-ignore]

# Preferences of the throw-away profile. Values are written to user.js as JSON literals.
PREFS: dict[str, bool | int | str] = {
    # No first-run UI, account wizard, start page or default-client question.
    "mail.provider.suppress_dialog_on_startup": True,
    "mail.shell.checkDefaultClient": False,
    "mail.spotlight.firstRunDone": True,
    "mail.winsearch.firstRunDone": True,
    "mailnews.start_page.enabled": False,
    "mailnews.start_page_override.mstone": "ignore",
    "mail.rights.override": True,
    "mail.inappnotifications.enabled": False,
    "mail.inappnotifications.url": "",
    "mail.account.accountwizard.disabled": True,
    "mailnews.auto_config_url": "",
    "mailnews.auto_config.addons_url": "",
    "mailnews.mx_service_url": "",
    "mail.cloud_files.enabled": False,
    "calendar.integration.notify": False,
    "browser.shell.checkDefaultBrowser": False,
    "browser.startup.homepage_override.mstone": "ignore",
    "toolkit.startup.max_resumed_crashes": -1,
    "browser.sessionstore.resume_from_crash": False,
    # No updates of the application, add-ons, blocklists or remote settings.
    "app.update.auto": False,
    "app.update.checkInstallTime": False,
    "app.update.disabledForTesting": True,
    "app.normandy.enabled": False,
    "app.normandy.api_url": "",
    "extensions.update.enabled": False,
    "extensions.update.autoUpdateDefault": False,
    "extensions.getAddons.cache.enabled": False,
    "extensions.systemAddon.update.enabled": False,
    "extensions.blocklist.enabled": False,
    "services.settings.server": "data:,#remote-settings-disabled",
    "browser.safebrowsing.malware.enabled": False,
    "browser.safebrowsing.phishing.enabled": False,
    "browser.safebrowsing.downloads.enabled": False,
    "browser.safebrowsing.update.enabled": False,
    "browser.safebrowsing.provider.mozilla.updateURL": "",
    "browser.safebrowsing.provider.google4.updateURL": "",
    # No telemetry or data reporting.
    "toolkit.telemetry.enabled": False,
    "toolkit.telemetry.unified": False,
    "toolkit.telemetry.server": "",
    "toolkit.telemetry.archive.enabled": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "datareporting.policy.dataSubmissionPolicyBypassNotification": True,
    "datareporting.healthreport.uploadEnabled": False,
    "datareporting.usage.uploadEnabled": False,
    "telemetry.fog.test.localhost_port": -1,
    # No background connections: captive portal, connectivity checks, prefetching, push.
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "network.dns.disablePrefetch": True,
    "network.prefetch-next": False,
    "network.http.speculative-parallel-limit": 0,
    "dom.push.connection.enabled": False,
    "geo.provider.network.url": "",
    "mail.phishing.detection.enabled": False,
    # There is no network here: do not let Thunderbird decide it is offline.
    "offline.autoDetect": False,
    "network.manage-offline-status": False,
    "offline.startup_state": 0,
    # The calendar: a fixed local timezone, so occurrence dates are deterministic.
    "calendar.timezone.useSystemTimezone": False,
    "calendar.timezone.local": "Europe/Berlin",
    "calendar.autorefresh.enabled": False,
    "calendar.alarms.show": False,
    "calendar.alarms.showmissed": False,
    "calendar.itip.notify": False,
    "calendar.loglevel": "Warn",
    # Marionette: no slow-script dialogs, no process-hang reports.
    "dom.max_chrome_script_run_time": 0,
    "dom.max_script_run_time": 0,
    "dom.ipc.reportProcessHangs": False,
    "marionette.log.level": "Warn",
}


class ThunderbirdError(RuntimeError):
    """Thunderbird did not start, or a script in it failed."""


def thunderbird_binary() -> str | None:
    """The `thunderbird` executable, or None when it is not installed."""
    return os.environ.get("TELEVENT_THUNDERBIRD") or shutil.which("thunderbird")


def thunderbird_version(binary: str) -> str:
    """E.g. "Mozilla Thunderbird 153.7.0esr"."""
    result = subprocess.run(
        [binary, "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    return result.stdout.strip()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def write_profile(
    directory: Path, marionette_port: int, extra: dict[str, Any] | None = None
) -> None:
    """Write the user.js of a fresh profile."""
    prefs = {**PREFS, "marionette.port": marionette_port, **(extra or {})}
    lines = [
        f"user_pref({json.dumps(name)}, {json.dumps(value)});" for name, value in prefs.items()
    ]
    (directory / "user.js").write_text("\n".join(lines) + "\n")


class Thunderbird:
    """A headless Thunderbird with a fresh profile, controlled through Marionette.

    Use as a context manager: the process and its profile are gone afterwards.
    """

    def __init__(
        self, binary: str, startup_timeout: float = 90, prefs: dict[str, Any] | None = None
    ) -> None:
        self.binary = binary
        self.prefs = prefs or {}
        self.startup_timeout = startup_timeout
        self.profile = Path(tempfile.mkdtemp(prefix="televent-tb-"))
        self.port = _free_port()
        self.log_path = self.profile.parent / f"{self.profile.name}.log"
        self.process: subprocess.Popen[bytes] | None = None
        self.marionette: Any = None

    def __enter__(self) -> Thunderbird:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def start(self) -> None:
        write_profile(self.profile, self.port, self.prefs)
        env = {
            **os.environ,
            "MOZ_HEADLESS": "1",
            "MOZ_CRASHREPORTER_DISABLE": "1",
            "MOZ_DISABLE_AUTO_SAFE_MODE": "1",
            "TZ": "Europe/Berlin",
        }
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [
                    self.binary,
                    "--headless",
                    "--marionette",
                    "--remote-allow-system-access",
                    "--no-remote",
                    "--profile",
                    str(self.profile),
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
            )
        self.marionette = Marionette(host="127.0.0.1", port=self.port)
        deadline = time.monotonic() + self.startup_timeout
        while True:
            if self.process.poll() is not None:
                raise ThunderbirdError(f"Thunderbird exited at startup:\n{self.log()}")
            try:
                self.marionette.raise_for_port(timeout=5)
                break
            except Exception as exc:
                if time.monotonic() > deadline:
                    raise ThunderbirdError(
                        f"Marionette did not answer on port {self.port}:\n{self.log()}"
                    ) from exc
        self.marionette.start_session(timeout=self.startup_timeout)
        self.marionette.set_context("chrome")
        # The calendar manager starts once the main window is up; wait for it (bounded).
        self.wait_for(
            """
            const { cal } = ChromeUtils.importESModule(
              "resource:///modules/calendar/calUtils.sys.mjs"
            );
            return cal.manager.wrappedJSObject.mCache !== undefined
              && Services.wm.getMostRecentWindow("mail:3pane") !== null;
            """,
            timeout=self.startup_timeout,
            what="the calendar manager and the main window",
        )
        # Marionette's recommended preferences switch password saving off; Thunderbird's default
        # (and what a user has) is on, and the calendar code keeps the CalDAV password there.
        self.run("Services.prefs.setBoolPref('signon.rememberSignons', true);")

    def stop(self) -> None:
        if self.marionette is not None:
            with contextlib.suppress(Exception):  # best effort: the process is stopped next
                self.marionette.delete_session()
            self.marionette = None
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)
        shutil.rmtree(self.profile, ignore_errors=True)
        self.log_path.unlink(missing_ok=True)

    def log(self) -> str:
        """Thunderbird's own stdout/stderr so far (last 20 000 characters)."""
        try:
            return self.log_path.read_text(errors="replace")[-20000:]
        except OSError:
            return ""

    def run(self, script: str, *args: Any, timeout: float = 30) -> Any:
        """Run an async function body in the chrome context and return what it returns.

        The body sees `args` (the arguments), `cal`, `Ci`, `Cr` and `Services`, may `await`,
        and must return something JSON-serialisable. Scripts share one sandbox, so a value kept in
        `globalThis` by one call is there for the next. A thrown error becomes ThunderbirdError.
        """
        wrapper = (
            "const done = arguments[arguments.length - 1];\n"
            "const args = Array.from(arguments).slice(0, -1);\n"
            "const { cal } = ChromeUtils.importESModule("
            '"resource:///modules/calendar/calUtils.sys.mjs");\n'
            "(async () => {\n" + script + "\n})().then(\n"
            "  value => done({ ok: true, value: value === undefined ? null : value }),\n"
            "  error => done({ ok: false, error: String(error) + '\\n' + (error?.stack || '') })\n"
            ");\n"
        )
        self.marionette.timeout.script = timeout
        result = self.marionette.execute_async_script(
            wrapper, script_args=list(args), sandbox="televent", new_sandbox=False
        )
        if not isinstance(result, dict) or not result.get("ok"):
            error = result.get("error") if isinstance(result, dict) else result
            raise ThunderbirdError(f"script failed: {error}")
        return result["value"]

    def wait_for(self, script: str, *args: Any, timeout: float = 30, what: str = "") -> Any:
        """Run `script` every 0.25 s until it returns something truthy; fail after `timeout` s."""
        deadline = time.monotonic() + timeout
        last: Any = None
        while True:
            try:
                last = self.run(script, *args, timeout=max(5.0, timeout))
            except ThunderbirdError as exc:
                last = exc
            else:
                if last:
                    return last
            if time.monotonic() > deadline:
                raise ThunderbirdError(f"timed out after {timeout} s waiting for {what}: {last}")
            time.sleep(0.25)


# JavaScript shared by the calendar helpers: turn an item into JSON, with its dates shown in
# Europe/Berlin (the profile's timezone), as the user sees them.
_DESCRIBE = """
const berlin = cal.timezoneService.getTimezone("Europe/Berlin");
const when = date => (date ? date.getInTimezone(berlin).icalString : null);
const describe = item => ({
  id: item.id,
  title: item.title,
  start: when(item.startDate),
  end: when(item.endDate),
  recurrenceId: when(item.recurrenceId),
  alarms: item.getAlarms().map(alarm => (alarm.offset ? alarm.offset.icalString : null)),
  xprops: Object.fromEntries(
    item.properties.filter(([name]) => name.startsWith("X-") && !name.startsWith("X-MOZ"))
      .map(([name, value]) => [name, String(value)])
  ),
});
const calendarById = id => {
  const calendar = cal.manager.getCalendarById(id);
  if (!calendar) {
    throw new Error(`no calendar ${id}`);
  }
  return calendar;
};
const berlinTime = text => {
  const date = cal.createDateTime(text);
  date.timezone = berlin;
  return date;
};
"""


class ThunderbirdCalendar:
    """Thunderbird's calendar code, called the way its UI calls it."""

    def __init__(self, thunderbird: Thunderbird) -> None:
        self.tb = thunderbird

    def run(self, script: str, *args: Any, timeout: float = 30) -> Any:
        return self.tb.run(_DESCRIBE + script, *args, timeout=timeout)

    def record_requests(self, base_url: str) -> None:
        """Note every HTTP request Thunderbird sends to `base_url`, with the status it got."""
        self.run(
            """
            const [base] = args;
            if (globalThis.televentRecorder) {
              return;
            }
            const { NetUtil } = ChromeUtils.importESModule("resource://gre/modules/NetUtil.sys.mjs");
            globalThis.televentRequests = [];
            globalThis.televentRecorder = {
              observe(subject) {
                const channel = subject.QueryInterface(Ci.nsIHttpChannel);
                if (!channel.URI.spec.startsWith(base)) {
                  return;
                }
                const header = name => {
                  try {
                    return channel.getRequestHeader(name);
                  } catch (e) {
                    return null;
                  }
                };
                // Read a clone of the request body: the channel may need the original again
                // (for a redirect or an authentication retry).
                let body = "";
                try {
                  const stream = channel.QueryInterface(Ci.nsIUploadChannel).uploadStream;
                  const cloneable = stream?.QueryInterface(Ci.nsICloneableInputStream);
                  if (cloneable?.cloneable) {
                    const copy = cloneable.clone();
                    copy.QueryInterface(Ci.nsISeekableStream).seek(0, 0);
                    body = NetUtil.readInputStreamToString(copy, copy.available(), {
                      charset: "UTF-8",
                    });
                    copy.close();
                  }
                } catch (e) {
                  body = `(unreadable: ${e})`;
                }
                globalThis.televentRequests.push({
                  method: channel.requestMethod,
                  path: channel.URI.pathQueryRef,
                  depth: header("Depth"),
                  authorization: header("Authorization") !== null,
                  ifMatch: header("If-Match"),
                  ifNoneMatch: header("If-None-Match"),
                  status: channel.responseStatus,
                  body: body.slice(0, 4000),
                });
              },
            };
            Services.obs.addObserver(globalThis.televentRecorder, "http-on-examine-response");
            """,
            base_url,
        )

    def requests(self) -> list[dict[str, Any]]:
        """The requests noted since `record_requests` (method, path, depth, status, body)."""
        result: list[dict[str, Any]] = self.run("return globalThis.televentRequests || [];")
        return result

    def detect(self, username: str, password: str, location: str) -> list[dict[str, Any]]:
        """What the "New Calendar → On the Network" dialog does with a username, a password and
        a location: run every provider's detection (remembering the password, as the dialog's
        default does). The calendars found are kept for `subscribe`."""
        found: list[dict[str, Any]] = self.run(
            """
            const [username, password, location] = args;
            const results = await cal.provider.detection.detect(
              username, password, location, true, [], {}
            );
            globalThis.televentDetected = [];
            const found = [];
            for (const [provider, calendars] of results) {
              for (const calendar of calendars) {
                globalThis.televentDetected.push(calendar);
                found.push({
                  provider: provider.type,
                  name: calendar.name,
                  uri: calendar.uri.spec,
                  readOnly: calendar.readOnly,
                });
              }
            }
            return found;
            """,
            username,
            password,
            location,
            timeout=60,
        )
        return found

    def subscribe(self, uri: str, offline_support: bool = True) -> str:
        """Register a detected calendar (the dialog's "Subscribe"); returns its id."""
        calendar_id: str = self.run(
            """
            const [uri, cached] = args;
            const calendar = (globalThis.televentDetected || []).find(c => c.uri.spec == uri);
            if (!calendar) {
              throw new Error(`${uri} was not detected`);
            }
            if (!calendar.getProperty("cache.always")) {
              const supported = calendar.getProperty("cache.supported") !== false;
              calendar.setProperty("cache.enabled", supported ? cached : false);
            }
            cal.manager.registerCalendar(calendar);
            return calendar.id;
            """,
            uri,
            offline_support,
        )
        return calendar_id

    def refresh(self, calendar_id: str) -> None:
        """Ask for a sync with the server (the calendar list's "Synchronize")."""
        self.run("calendarById(args[0]).refresh();", calendar_id)

    def items(self, calendar_id: str) -> list[dict[str, Any]]:
        """Every item (parents; overridden instances in `exceptions`)."""
        found: list[dict[str, Any]] = self.run(
            """
            const calendar = calendarById(args[0]);
            const items = await calendar.getItemsAsArray(
              Ci.calICalendar.ITEM_FILTER_ALL_ITEMS, 0, null, null
            );
            return items.map(item => ({
              ...describe(item),
              exceptions: item.recurrenceInfo
                ? item.recurrenceInfo.getExceptionIds().map(
                    rid => describe(item.recurrenceInfo.getExceptionFor(rid))
                  )
                : [],
            }));
            """,
            calendar_id,
        )
        return found

    def occurrences(self, calendar_id: str, start: str, end: str) -> list[dict[str, Any]]:
        """The events the calendar views show between `start` and `end` (Berlin times)."""
        found: list[dict[str, Any]] = self.run(
            """
            const [id, start, end] = args;
            const items = await calendarById(id).getItemsAsArray(
              Ci.calICalendar.ITEM_FILTER_TYPE_EVENT |
                Ci.calICalendar.ITEM_FILTER_CLASS_OCCURRENCES,
              0,
              berlinTime(start),
              berlinTime(end)
            );
            return items.map(describe).sort((a, b) => a.start.localeCompare(b.start));
            """,
            calendar_id,
            start,
            end,
        )
        return found

    def create_event(self, calendar_id: str, title: str, start: str, end: str) -> dict[str, Any]:
        """A new event, as the event dialog makes it (Thunderbird chooses the UID)."""
        created: dict[str, Any] = self.run(
            """
            const [id, title, start, end] = args;
            const { CalEvent } = ChromeUtils.importESModule("resource:///modules/CalEvent.sys.mjs");
            const event = new CalEvent();
            event.id = cal.getUUID();
            event.title = title;
            event.startDate = berlinTime(start);
            event.endDate = berlinTime(end);
            const added = await calendarById(id).addItem(event);
            return describe(added);
            """,
            calendar_id,
            title,
            start,
            end,
            timeout=30,
        )
        return created

    def scheduling(self, calendar_id: str) -> dict[str, Any]:
        """What Thunderbird learned about scheduling on this calendar: whether the server
        schedules (the DAV header's calendar-auto-schedule, so Thunderbird sends no iTIP email
        itself) and the organizer address it will use (calendar-user-address-set)."""
        found: dict[str, Any] = self.tb.wait_for(
            """
            const calendar = cal.manager.getCalendarById(args[0]);
            const organizerId = calendar.getProperty("organizerId");
            if (!organizerId) {
              return null;  // the server's capabilities are still being read
            }
            return {
              autoSchedule: calendar.getProperty("capabilities.autoschedule.supported"),
              organizerId,
            };
            """,
            calendar_id,
            what="the calendar's scheduling capabilities",
        )
        return found

    def create_meeting(
        self, calendar_id: str, title: str, start: str, end: str, invitees: list[str]
    ) -> dict[str, Any]:
        """A new event with the user as ORGANIZER (and as an accepted attendee, as the event
        dialog writes it) and `invitees` asked to answer."""
        created: dict[str, Any] = self.run(
            """
            const [id, title, start, end, invitees] = args;
            const { CalEvent } = ChromeUtils.importESModule("resource:///modules/CalEvent.sys.mjs");
            const { CalAttendee } = ChromeUtils.importESModule(
              "resource:///modules/CalAttendee.sys.mjs"
            );
            const calendar = calendarById(id);
            const person = (address, status) => {
              const attendee = new CalAttendee();
              attendee.id = address;
              attendee.participationStatus = status;
              attendee.role = "REQ-PARTICIPANT";
              attendee.userType = "INDIVIDUAL";
              return attendee;
            };
            const event = new CalEvent();
            event.id = cal.getUUID();
            event.title = title;
            event.startDate = berlinTime(start);
            event.endDate = berlinTime(end);
            const organizer = person(calendar.getProperty("organizerId"), "ACCEPTED");
            organizer.isOrganizer = true;
            event.organizer = organizer;
            event.addAttendee(person(organizer.id, "ACCEPTED"));
            for (const address of invitees) {
              const invited = person(address, "NEEDS-ACTION");
              invited.rsvp = "TRUE";
              event.addAttendee(invited);
            }
            return describe(await calendar.addItem(event));
            """,
            calendar_id,
            title,
            start,
            end,
            invitees,
            timeout=30,
        )
        return created

    def attendees(self, calendar_id: str, item_id: str) -> dict[str, dict[str, str | None]]:
        """address → PARTSTAT and SCHEDULE-STATUS of each attendee, as Thunderbird holds them."""
        found: dict[str, dict[str, str | None]] = self.run(
            """
            const [id, itemId] = args;
            const item = await calendarById(id).getItem(itemId);
            if (!item) {
              throw new Error(`no item ${itemId}`);
            }
            return Object.fromEntries(item.getAttendees().map(a => [
              a.id.toLowerCase().replace(/^mailto:/, ""),
              { partstat: a.participationStatus, status: a.getProperty("SCHEDULE-STATUS") },
            ]));
            """,
            calendar_id,
            item_id,
        )
        return found

    def modify_event(
        self, calendar_id: str, item_id: str, title: str, start: str, end: str
    ) -> dict[str, Any]:
        modified: dict[str, Any] = self.run(
            """
            const [id, itemId, title, start, end] = args;
            const calendar = calendarById(id);
            const old = await calendar.getItem(itemId);
            if (!old) {
              throw new Error(`no item ${itemId}`);
            }
            const changed = old.clone();
            changed.title = title;
            changed.startDate = berlinTime(start);
            changed.endDate = berlinTime(end);
            return describe(await calendar.modifyItem(changed, old));
            """,
            calendar_id,
            item_id,
            title,
            start,
            end,
        )
        return modified

    def delete_event(self, calendar_id: str, item_id: str) -> None:
        self.run(
            """
            const [id, itemId] = args;
            const calendar = calendarById(id);
            const item = await calendar.getItem(itemId);
            if (!item) {
              throw new Error(`no item ${itemId}`);
            }
            await calendar.deleteItem(item);
            """,
            calendar_id,
            item_id,
        )

    def location_path(self, calendar_id: str, item_id: str) -> str | None:
        """The resource name Thunderbird keeps for an item (relative to the calendar URL)."""
        path: str | None = self.run(
            """
            const [id, itemId] = args;
            let calendar = calendarById(id).wrappedJSObject;
            if (calendar.mUncachedCalendar) {
              calendar = calendar.mUncachedCalendar.wrappedJSObject;
            }
            return calendar.mItemInfoCache[itemId]?.locationPath ?? null;
            """,
            calendar_id,
            item_id,
        )
        return path

    def errors(self) -> list[str]:
        """Calendar errors and warnings from the browser console (e.g. a failed PUT)."""
        found: list[str] = self.run(
            """
            return Services.console.getMessageArray()
              .map(message => message.message || String(message))
              .filter(text => /caldav|calendar/i.test(text));
            """
        )
        return found
