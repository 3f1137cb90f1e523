"""vdirsyncer creates a calendar on the server (extended MKCOL, RFC 5689) for a local folder
it has not seen there, then syncs the folder's events into it."""

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
pytestmark = pytest.mark.skipif(
    not VDIRSYNCER.exists() and not shutil.which("vdirsyncer"),
    reason="vdirsyncer is not installed (make install adds it)",
)


def test_vdirsyncer_creates_a_missing_calendar(server: Server, tmp_path: Path) -> None:
    user, password = server.auth(1)
    (tmp_path / "local" / "work").mkdir(parents=True)
    (tmp_path / "local" / "work" / "standup.ics").write_text(vevent(uid="standup"))
    config = tmp_path / "config"
    config.write_text(
        f'[general]\nstatus_path = "{tmp_path}/status/"\n\n'
        '[pair cal]\na = "local"\nb = "remote"\ncollections = ["from a", "from b"]\n\n'
        f'[storage local]\ntype = "filesystem"\npath = "{tmp_path}/local/"\nfileext = ".ics"\n\n'
        f'[storage remote]\ntype = "caldav"\nurl = "{server.url}/"\nusername = "{user}"\n'
        f'password = "{password}"\n'
    )
    program = str(VDIRSYNCER) if VDIRSYNCER.exists() else "vdirsyncer"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [program, "-c", str(config), *args],
            input="y\n" * 10,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    discovered = run("discover", "cal")
    assert discovered.returncode == 0, discovered.stdout + discovered.stderr
    synced = run("sync")
    assert synced.returncode == 0, synced.stdout + synced.stderr
    http = httpx.Client(base_url=server.url, auth=(user, password), timeout=30)
    listing = http.request("PROPFIND", "/dav/calendars/1/work/", headers={"Depth": "1"})
    assert listing.status_code == 207, listing.text
    assert "calendar" in listing.text
    [href] = [h for h in _hrefs(listing.text) if h.endswith(".ics")]
    assert "UID:standup" in http.get(href).text


def _hrefs(text: str) -> list[str]:
    return re.findall(r"<d:href>([^<]+)</d:href>", text)
