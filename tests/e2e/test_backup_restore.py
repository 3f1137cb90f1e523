"""`televent backup` while `televent serve` takes CalDAV writes, and `televent restore` into a
fresh database of the same or the other backend (docs/adr/0033): every write acknowledged
before the backup began is there with its ETag, the device password still opens the calendar,
a client's sync token is still valid (or cleanly expired, never an error), and the read models
equal a rebuild."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import httpx
import pytest

from tests.conftest import Backend
from tests.e2e.conftest import ROOT, SERVER_SETTINGS, running_serve, seed_accounts

SYNC = (
    '<?xml version="1.0"?><d:sync-collection xmlns:d="DAV:"><d:sync-token>{token}'
    "</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop>"
    "</d:sync-collection>"
)


def _event(uid: str, n: int) -> str:
    day = 1 + n % 27
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//tests//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:202603{day:02d}T090000Z\r\n"
        f"DTEND:202603{day:02d}T100000Z\r\nSUMMARY:Load {n}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def televent(database_url: str, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ, "TELEVENT_DATABASE_URL": database_url, "PYTHONPATH": str(ROOT / "src"),
        "TELEVENT_ERASURE_JOURNAL": str(cwd / "erasures.jsonl"),
    }  # fmt: skip
    return subprocess.run(
        [sys.executable, "-m", "televent", *args], cwd=cwd, env=env, capture_output=True,
        text=True, timeout=600, check=False,
    )  # fmt: skip


class Writers:
    """Two clients PUTting new events as fast as the server takes them; each acknowledged
    write is recorded with its ETag and the moment its answer came."""

    def __init__(self, url: str, password: str) -> None:
        self.url = url
        self.password = password
        self.acknowledged: list[tuple[float, str, str]] = []  # (answered at, href, etag)
        self.stop = threading.Event()
        self.errors: list[str] = []
        self.threads = [threading.Thread(target=self._write, args=(i,)) for i in range(2)]

    def _write(self, writer: int) -> None:
        with httpx.Client(auth=("1", self.password), timeout=30) as client:
            n = 0
            while not self.stop.is_set():
                uid = f"load-{writer}-{n}-{uuid.uuid4().hex[:6]}"
                href = f"/dav/calendars/1/default/{uid}.ics"
                answer = client.put(
                    self.url + href, content=_event(uid, n),
                    headers={"Content-Type": "text/calendar", "If-None-Match": "*"},
                )  # fmt: skip
                if answer.status_code == 201:
                    self.acknowledged.append((time.monotonic(), href, answer.headers["ETag"]))
                else:
                    self.errors.append(f"{answer.status_code} {answer.text[:200]}")
                n += 1

    def __enter__(self) -> Writers:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=60)


def _sync_token(url: str, password: str) -> str:
    answer = httpx.request(
        "REPORT", f"{url}/dav/calendars/1/default/", content=SYNC.format(token=""),
        headers={"Depth": "1", "Content-Type": "application/xml"}, auth=("1", password),
        timeout=60,
    )  # fmt: skip
    assert answer.status_code == 207, answer.text
    found = re.search(r"<[^>]*sync-token>([^<]+)<", answer.text)
    assert found, answer.text
    return found.group(1)


@pytest.mark.parametrize(
    ("source", "target"),
    [("sqlite", "postgresql"), ("postgresql", "sqlite"), ("sqlite", "sqlite")],
    ids=["sqlite-to-postgresql", "postgresql-to-sqlite", "sqlite-to-sqlite"],
)
def test_a_backup_under_write_load_restores_every_acknowledged_write(
    request: pytest.FixtureRequest, tmp_path: Path, source: str, target: str
) -> None:
    postgres = (
        request.getfixturevalue("postgres_test_database") if "postgresql" in (source, target)
        else None
    )  # fmt: skip
    source_db = Backend(source, tmp_path / "source", postgres)
    target_db = Backend(target, tmp_path / "target", postgres)
    (tmp_path / "source").mkdir()
    (tmp_path / "target").mkdir()
    source_url = source_db.migrated_url()
    passwords = seed_accounts(source_url)
    backup = tmp_path / "televent.backup"
    with running_serve(source_url, tmp_path, SERVER_SETTINGS) as (url, _):
        token = _sync_token(url, passwords[1])
        with Writers(url, passwords[1]) as writers:
            for _ in range(300):  # bounded: until some writes are in, at most 30 s
                if len(writers.acknowledged) >= 20:
                    break
                time.sleep(0.1)
            began = time.monotonic()
            made = televent(source_url, tmp_path, "backup", "--out", str(backup), "--json")
            ended = time.monotonic()
            time.sleep(0.5)  # and writes go on after it
        assert made.returncode == 0, made.stderr
        assert not writers.errors, writers.errors[:3]
        undone = _sync_token(url, passwords[1])  # given after the backup: the restore undoes it
    before = [(href, etag) for at, href, etag in writers.acknowledged if at < began]
    after = [href for at, href, _ in writers.acknowledged if at > ended]
    assert len(before) >= 20 and after, (len(before), len(after))
    manifest = json.loads(made.stdout)
    assert manifest["events"] >= len(before) and "subject_keys" in manifest["tables"]
    assert "calendar_objects" not in manifest["tables"], "read models are rebuilt, not copied"

    target_url = target_db.fresh_url()
    restored = televent(target_url, tmp_path, "restore", str(backup), "--json")
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert json.loads(restored.stdout)["verified"] is True

    with (
        running_serve(target_url, tmp_path, SERVER_SETTINGS) as (url, _),
        httpx.Client(auth=("1", passwords[1]), timeout=30) as client,
    ):
        for href, etag in before:
            got = client.get(url + href)
            assert got.status_code == 200, (href, got.status_code)
            assert got.headers["ETag"] == etag, href
        href, etag = before[0]  # and each event is an aggregate that loads and takes changes
        uid = href.rsplit("/", 1)[1].removesuffix(".ics")
        changed = client.put(
            url + href, content=_event(uid, 99),
            headers={"Content-Type": "text/calendar", "If-Match": etag},
        )  # fmt: skip
        assert changed.status_code == 204, changed.text
        later = [client.get(url + href).status_code for href in after]
        assert set(later) == {404}, "the snapshot is one moment: later writes are not in it"
        since = client.request(
            "REPORT", f"{url}/dav/calendars/1/default/", content=SYNC.format(token=token),
            headers={"Depth": "1", "Content-Type": "application/xml"},
        )  # fmt: skip
        # the client's token from before the backup: still valid (what changed since), or
        # cleanly expired (403 valid-sync-token), never an error
        assert since.status_code in (207, 403), since.text
        if since.status_code == 207:
            changed = set(re.findall(r"<[^>]*href>([^<]+\.ics)<", since.text))
            assert {href for href, _ in before} <= changed
        else:
            assert "valid-sync-token" in since.text

        # The token given after the backup names a position the restored log gives again to
        # other changes: once it has, the token would have said "nothing of these changed".
        # It carries no restore, so it is refused, and the client syncs from scratch.
        position = int(undone.rpartition(":")[2])
        for n in range(position - manifest["log_position"] + 1):  # bounded by the lost writes
            uid = f"after-restore-{n}"
            put = client.put(f"{url}/dav/calendars/1/default/{uid}.ics", content=_event(uid, n),
                             headers={"Content-Type": "text/calendar"})  # fmt: skip
            assert put.status_code == 201, put.text
        fresh = _sync_token(url, passwords[1])
        assert re.fullmatch(r"urn:televent:sync:[1-9][0-9]*\.[0-9]+", fresh), fresh
        assert int(fresh.rpartition(".")[2]) > position
        refused = client.request(
            "REPORT", f"{url}/dav/calendars/1/default/", content=SYNC.format(token=undone),
            headers={"Depth": "1", "Content-Type": "application/xml"},
        )  # fmt: skip
        assert refused.status_code == 403 and "valid-sync-token" in refused.text
        again = client.request(
            "REPORT", f"{url}/dav/calendars/1/default/", content=SYNC.format(token=fresh),
            headers={"Depth": "1", "Content-Type": "application/xml"},
        )  # fmt: skip
        assert again.status_code == 207 and ".ics" not in again.text  # nothing since
