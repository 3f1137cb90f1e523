"""vdirsyncer, a real two-way CalDAV sync client, against `televent serve`: discovery, both
directions, deletions, and conflicts."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.e2e.conftest import Server
from tests.helpers import vevent

VDIRSYNCER = Path(sys.executable).with_name("vdirsyncer")
CAL = "/dav/calendars/1/default/"
pytestmark = pytest.mark.skipif(
    not VDIRSYNCER.exists() and not shutil.which("vdirsyncer"),
    reason="vdirsyncer is not installed (make install adds it)",
)


class Vdirsyncer:
    def __init__(self, server: Server, folder: Path, resolution: str | None) -> None:
        self.folder = folder
        user, password = server.auth(1)
        conflict = f'conflict_resolution = "{resolution}"\n' if resolution else ""
        self.config = folder / "config"
        self.config.write_text(
            f'[general]\nstatus_path = "{folder}/status/"\n\n'
            f'[pair cal]\na = "local"\nb = "remote"\ncollections = ["from b"]\n{conflict}\n'
            f'[storage local]\ntype = "filesystem"\npath = "{folder}/local/"\nfileext = ".ics"\n\n'
            f'[storage remote]\ntype = "caldav"\nurl = "{server.url}/"\nusername = "{user}"\n'
            f'password = "{password}"\n'
        )

    def __call__(self, *args: str) -> subprocess.CompletedProcess[str]:
        program = str(VDIRSYNCER) if VDIRSYNCER.exists() else "vdirsyncer"
        return subprocess.run(
            [program, "-c", str(self.config), *args],
            input="y\n" * 10,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    def local(self) -> dict[str, str]:
        return {p.name: p.read_text() for p in (self.folder / "local" / "default").glob("*.ics")}


def test_two_way_sync_with_deletions_and_conflicts(server: Server, tmp_path: Path) -> None:
    http = httpx.Client(base_url=server.url, auth=server.auth(1), timeout=30)
    assert http.put(CAL + "from-server.ics", content=vevent(uid="from-server")).status_code == 201
    sync = Vdirsyncer(server, tmp_path, resolution=None)
    assert sync("discover", "cal").returncode == 0
    first = sync("sync")
    assert first.returncode == 0, first.stderr
    local = sync.local()
    assert any("UID:from-server" in text for text in local.values())

    # A new local event reaches the server.
    (tmp_path / "local" / "default" / "from-folder.ics").write_text(vevent(uid="from-folder"))
    assert sync("sync").returncode == 0
    listing = http.request("PROPFIND", CAL, headers={"Depth": "1"}).text
    assert "from-folder" in listing

    # A deletion on the server removes the local copy.
    assert http.delete(CAL + "from-server.ics").status_code == 204
    assert sync("sync").returncode == 0
    assert not any("UID:from-server" in text for text in sync.local().values())

    # Both sides change the same event: vdirsyncer sees a conflict, nothing is overwritten.
    [name] = [n for n, text in sync.local().items() if "UID:from-folder" in text]
    (tmp_path / "local" / "default" / name).write_text(vevent(uid="from-folder", summary="Local"))
    server_href = next(h for h in _hrefs(http) if h.endswith(".ics"))
    assert (
        http.put(server_href, content=vevent(uid="from-folder", summary="Remote")).status_code
        == 204
    )
    conflicted = sync("sync")
    assert (
        conflicted.returncode != 0 and "conflict" in (conflicted.stderr + conflicted.stdout).lower()
    )
    assert "SUMMARY:Remote" in http.get(server_href).text

    # Resolved in favour of the folder, the server takes the local version.
    resolved = Vdirsyncer(server, tmp_path, resolution="a wins")
    assert resolved("sync").returncode == 0
    assert "SUMMARY:Local" in http.get(server_href).text


def _hrefs(http: httpx.Client) -> list[str]:
    listing = http.request("PROPFIND", CAL, headers={"Depth": "1"}).text
    return re.findall(r"<d:href>([^<]+)</d:href>", listing)
