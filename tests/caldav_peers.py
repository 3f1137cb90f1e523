"""Other CalDAV servers on loopback, for tests where Televent is their client: Radicale (with
a user and password) and Xandikos, the pinned versions `make bench` measures against, from
their own virtualenv (benchmarks/peers/.venv, made with pip on first use)."""

from __future__ import annotations

import contextlib
import fcntl
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
from benchmarks.caldav import (
    PEERS,
    PEERS_VENV,
    ensure_peers,
    free_port,
    peer_env,
    running,
    xandikos_command,
)

CALENDAR = "Work"


def peers_ready() -> None:
    """The peers' virtualenv, installed once however many test processes ask at a time."""
    with (PEERS / ".install.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        ensure_peers()


@dataclass(frozen=True)
class Peer:
    """A running server: its base URL, the account's credentials and one calendar's URL."""

    name: str
    base: str
    username: str
    password: str
    calendar: str  # a calendar collection holding events, named CALENDAR

    def client(self) -> httpx.Client:
        """A plain WebDAV client of the account, to change things behind Televent's back."""
        return httpx.Client(auth=(self.username, self.password), timeout=30)


@contextlib.contextmanager
def radicale(work: Path, *, username: str = "anna", password: str = "s3cret") -> Iterator[Peer]:
    """Radicale with htpasswd authentication (one user) and one calendar in their home."""
    peers_ready()
    port = free_port()
    users = work / "users"
    users.write_text(f"{username}:{password}\n")
    config = work / "radicale.conf"
    config.write_text(
        f"[server]\nhosts = 127.0.0.1:{port}\n"
        f"[auth]\ntype = htpasswd\nhtpasswd_filename = {users}\nhtpasswd_encryption = plain\n"
        f"[storage]\nfilesystem_folder = {work / 'collections'}\n"
        "[web]\ntype = none\n"
        "[logging]\nlevel = warning\n"
    )
    command = [str(PEERS_VENV / "bin" / "python"), "-m", "radicale", "-C", str(config)]
    base = f"http://127.0.0.1:{port}"
    with running(command, cwd=work, env=peer_env(), log=work / "radicale.log", ready_url=base):
        calendar = f"{base}/{username}/work/"
        body = (
            '<?xml version="1.0" encoding="utf-8"?>'
            '<c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">'
            f"<d:set><d:prop><d:displayname>{CALENDAR}</d:displayname></d:prop></d:set>"
            "</c:mkcalendar>"
        )
        made = httpx.request(
            "MKCALENDAR", calendar, content=body, auth=(username, password), timeout=30
        )
        if made.status_code != 201:
            raise RuntimeError(f"Radicale MKCALENDAR answered {made.status_code}")
        yield Peer("radicale", base, username, password, calendar)


@contextlib.contextmanager
def xandikos(work: Path) -> Iterator[Peer]:
    """Xandikos with `--defaults` (principal /user/, calendar /user/calendars/calendar/),
    which takes no password: any credentials are let in."""
    peers_ready()
    port = free_port()
    command = xandikos_command(work, port)
    base = f"http://127.0.0.1:{port}"
    with running(command, cwd=work, env=peer_env(), log=work / "xandikos.log", ready_url=base):
        calendar = f"{base}/user/calendars/calendar/"
        body = (
            '<?xml version="1.0" encoding="utf-8"?><d:propertyupdate xmlns:d="DAV:">'
            f"<d:set><d:prop><d:displayname>{CALENDAR}</d:displayname></d:prop></d:set>"
            "</d:propertyupdate>"
        )
        named = httpx.request(
            "PROPPATCH",
            calendar,
            content=body,
            headers={"Content-Type": "application/xml"},
            timeout=30,
        )
        if named.status_code != 207:
            raise RuntimeError(f"Xandikos PROPPATCH answered {named.status_code}")
        yield Peer("xandikos", base, "user", "anything", calendar)


def event(uid: str, summary: str, start: str = "20261201T090000Z") -> str:
    """A one-event calendar object."""
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Televent tests//EN\r\n"
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:{start}\r\n"
        f"DURATION:PT1H\r\nSUMMARY:{summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def started(name: str, work: Path) -> contextlib.AbstractContextManager[Peer]:
    """The peer called `name` ("radicale" or "xandikos"), started in `work`."""
    return radicale(work) if name == "radicale" else xandikos(work)
