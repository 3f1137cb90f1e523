"""Several real `televent serve` processes on one PostgreSQL database.

Writes go through every process and are read back through another one at once; sync tokens
agree; the once-only jobs (bot, senders, reminders, IMAP poll) run in the leader only, and a
kill -9 of the leader hands them over without sending anything twice.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx
import pytest

from televent.bootstrap import build_application
from televent.config import Settings
from tests.botapi import FakeBotApi
from tests.conftest import reset_postgres
from tests.e2e.conftest import ROOT, SERVER_SETTINGS, _free_port, running_serve, seed_accounts
from tests.e2e.test_caldav_protocol import sync_body
from tests.e2e.test_mail_e2e import external_request
from tests.helpers import vevent
from tests.imapd import ImapStandIn

CAL = "/dav/calendars/1/default/"
FAST_LEADER = {**SERVER_SETTINGS, "TELEVENT_LEADER_INTERVAL": "0.3"}


@pytest.fixture
def database(postgres_test_database: str) -> str:
    reset_postgres(postgres_test_database)
    return postgres_test_database


@contextmanager
def servers(
    count: int, database_url: str, cwd: Path, extra: dict[str, str] | None = None
) -> Iterator[list[tuple[str, subprocess.Popen[bytes]]]]:
    with ExitStack() as stack:
        yield [
            stack.enter_context(running_serve(database_url, cwd, {**FAST_LEADER, **(extra or {})}))
            for _ in range(count)
        ]


def is_leader(url: str) -> bool:
    metrics = httpx.get(f"{url}/metrics", timeout=10).text
    return re.search(r"^televent_leader(\{[^}]*\})? 1\.0$", metrics, re.MULTILINE) is not None


def wait_for_leader(urls: list[str], timeout: float = 20) -> str:
    deadline = time.monotonic() + timeout
    while True:
        leaders = [url for url in urls if is_leader(url)]
        if len(leaders) == 1:
            return leaders[0]
        assert len(leaders) < 2, f"two leaders at once: {leaders}"
        assert time.monotonic() < deadline, "no process took the leader lease"
        time.sleep(0.2)


def sync_token(url: str, auth: tuple[str, str]) -> tuple[str, int]:
    answer = httpx.request("REPORT", url + CAL, content=sync_body(), auth=auth, timeout=30)
    assert answer.status_code == 207
    token = re.search(rb"<d:sync-token>([^<]+)</d:sync-token>", answer.content)
    assert token is not None
    return token.group(1).decode(), answer.content.count(b".ics</d:href>")


@pytest.mark.parametrize("count", [2, 3])
def test_writes_and_reads_through_every_process_agree(
    count: int, database: str, tmp_path: Path
) -> None:
    users = seed_accounts(database)
    alice = ("1", users[1])
    with servers(count, database, tmp_path) as running:
        urls = [url for url, _ in running]
        for n in range(3 * count):
            writer, reader = urls[n % count], urls[(n + 1) % count]
            body = vevent(uid=f"mp-{n}", summary=f"Written through {n % count}")
            put = httpx.put(f"{writer}{CAL}{n}.ics", content=body, auth=alice, timeout=30)
            assert put.status_code == 201
            got = httpx.get(f"{reader}{CAL}{n}.ics", auth=alice, timeout=30)  # at once
            assert got.status_code == 200 and got.headers["etag"] == put.headers["etag"]
            assert f"Written through {n % count}" in got.text

        def write(n: int) -> int:  # every process at the same time
            body = vevent(uid=f"together-{n}")
            url = f"{urls[n % count]}{CAL}together-{n}.ics"
            return httpx.put(url, content=body, auth=alice, timeout=30).status_code

        with ThreadPoolExecutor(max_workers=2 * count) as pool:
            assert set(pool.map(write, range(4 * count))) == {201}
        answers = {sync_token(url, alice) for url in urls}
        assert len(answers) == 1  # one token, everywhere
        assert next(iter(answers))[1] == 7 * count  # every object
        (token, _) = sync_token(urls[0], alice)
        changed = httpx.put(f"{urls[-1]}{CAL}0.ics", content=vevent(uid="mp-0", summary="New"),
                            auth=alice, timeout=30)  # fmt: skip
        assert changed.status_code == 204
        delta = httpx.request("REPORT", urls[0] + CAL, content=sync_body(token), auth=alice)
        assert delta.content.count(b".ics</d:href>") == 1 and b"/0.ics<" in delta.content
        leader = wait_for_leader(urls)
        dict(running)[leader].send_signal(signal.SIGTERM)  # a graceful stop releases the lease
        assert wait_for_leader([url for url in urls if url != leader]) != leader


def test_kill_9_of_the_leader_hands_over_without_sending_twice(
    database: str, tmp_path: Path
) -> None:
    users = seed_accounts(database)
    alice = ("1", users[1])
    now = time.time()  # the reminder's event starts inside Alice's 15-minute lead
    soon, later = time.gmtime(now + 5 * 60), time.gmtime(now + 35 * 60)
    with FakeBotApi() as api, ImapStandIn("televent", "secret") as imap:
        extra = {
            "TELEGRAM_BOT_TOKEN": "123:ABC",
            "TELEGRAM_API_BASE": api.base_url,
            "TELEVENT_IMAP_URL": imap.url(),
            "TELEVENT_IMAP_INTERVAL": "1",
            "TELEVENT_MAIL_FROM": "Televent <calendar@cal.example.org>",
        }
        with servers(2, database, tmp_path, extra) as running:
            urls = [url for url, _ in running]
            leader = wait_for_leader(urls)
            other = next(url for url in urls if url != leader)

            def invite(url: str, uid: str, summary: str, start: str) -> None:
                bob = [("bob@example.com", "NEEDS-ACTION")]
                end = start[:-4] + "2359"
                body = vevent(
                    uid=uid, summary=summary, start=start, end=end, tzid=None, attendees=bob
                )
                assert (
                    httpx.put(f"{url}{CAL}{uid}.ics", content=body, auth=alice).status_code == 201
                )

            invite(other, "before-kill", "Before the kill", "20271201T100000")
            api.wait_for("sendMessage", lambda c: c.chat_id == 2 and "Before the kill" in c.text)
            wait_settled(database)
            imap.deliver(external_request("before@example.net", to="bob@example.com",
                                          summary="Mailed before"))  # fmt: skip
            api.wait_for("sendMessage", lambda c: c.chat_id == 2 and "Mailed before" in c.text)

            # Due at once, queued by the next reminder scan: the new leader's first one.
            reminder = vevent(uid="soon", summary="Starts soon", tzid=None,
                              start=time.strftime("%Y%m%dT%H%M00", soon),
                              end=time.strftime("%Y%m%dT%H%M00", later))  # fmt: skip
            assert (
                httpx.put(f"{other}{CAL}soon.ics", content=reminder, auth=alice).status_code == 201
            )
            os.kill(dict(running)[leader].pid, signal.SIGKILL)
            dict(running)[leader].wait(timeout=10)
            assert wait_for_leader([other]) == other

            invite(other, "after-kill", "After the kill", "20271202T100000")
            imap.deliver(external_request("after@example.net", to="bob@example.com",
                                          summary="Mailed after"))  # fmt: skip
            for chat, text in ((2, "After the kill"), (2, "Mailed after"), (1, "Starts soon")):
                api.wait_for(
                    "sendMessage", lambda c, ch=chat, t=text: c.chat_id == ch and t in c.text
                )
            sent = wait_settled(database)

    texts = [str(c.params.get("text", "")) for c in api.calls("sendMessage") if not c.failed]
    for words in ("Before the kill", "After the kill", "Mailed before", "Mailed after",
                  "Starts soon"):  # fmt: skip
        assert sum(words in text for text in texts) == 1, words
    assert len(texts) == sent  # every message the Bot API got is one queued row, sent once
    assert inbound_count(database) == 2  # each mailed invitation processed once


def wait_settled(database_url: str, timeout: float = 20) -> int:
    """Wait until no Telegram message is pending; the number of rows sent."""
    deadline = time.monotonic() + timeout
    app = build_application(Settings(database_url=database_url), migrate=False)
    try:
        while True:
            with app.views.read() as db:
                pending = db.scalar("SELECT COUNT(*) FROM telegram_outbox WHERE status = 'pending'")
                sent = db.scalar("SELECT COUNT(*) FROM telegram_outbox WHERE status = 'sent'")
            if not pending:
                return int(sent)
            assert time.monotonic() < deadline, f"{pending} message(s) never sent"
            time.sleep(0.2)
    finally:
        app.close()


def inbound_count(database_url: str) -> int:
    """The inbound messages processed (not the rows that say whom each one served,
    `<Message-ID> for <account>`: a later copy for someone else is read for them alone)."""
    app = build_application(Settings(database_url=database_url), migrate=False)
    try:
        with app.views.read() as db:
            return int(
                db.scalar("SELECT COUNT(*) FROM mail_inbound WHERE message_id NOT LIKE '% for %'")
            )
    finally:
        app.close()


def test_serve_with_workers_shares_one_port(database: str, tmp_path: Path) -> None:
    users = seed_accounts(database)
    port = _free_port()
    env = {**os.environ, "TELEVENT_DATABASE_URL": database, "PYTHONPATH": str(ROOT / "src"),
           **FAST_LEADER}  # fmt: skip
    command = [sys.executable, "-m", "televent", "serve", "--port", str(port), "--workers", "2"]
    log = tmp_path / "serve.log"  # a file, not a pipe: a busy server never blocks on its output
    with log.open("wb") as sink:
        parent = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=sink,
                                  stderr=subprocess.STDOUT)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 40
        while True:
            try:
                metrics = httpx.get(f"{url}/metrics", timeout=5).text
                workers = re.findall(r"^televent_leader\{pid=", metrics, re.MULTILINE)
                leaders = re.findall(r"^televent_leader\{pid=\"\d+\"\} 1\.0$", metrics, re.M)
                if len(workers) == 2 and leaders:  # both serve; one has taken the lease
                    break
            except httpx.HTTPError:
                pass
            assert parent.poll() is None and time.monotonic() < deadline, "workers did not start"
            time.sleep(0.3)
        for _ in range(5):  # and only one, however often it is asked
            metrics = httpx.get(f"{url}/metrics", timeout=5).text
            assert len(re.findall(r"^televent_leader\{pid=\"\d+\"\} 1\.0$", metrics, re.M)) == 1
            time.sleep(0.2)
        alice = ("1", users[1])
        for n in range(6):
            put = httpx.put(f"{url}{CAL}w{n}.ics", content=vevent(uid=f"w{n}"), auth=alice)
            assert put.status_code == 201
        assert sync_token(url, alice)[1] == 6
        counted = httpx.get(f"{url}/metrics", timeout=5).text
        assert (
            'televent_http_requests_total{method="PUT",status="201",surface="caldav"} 6.0'
            in counted
        )
    finally:
        parent.send_signal(signal.SIGTERM)
        parent.wait(timeout=60)
    output = log.read_text(errors="replace")
    assert parent.returncode == 0, output
    assert "2 workers" in output


def test_serve_with_workers_on_sqlite_says_why_not(tmp_path: Path) -> None:
    env = {**os.environ, "TELEVENT_DATABASE_URL": f"sqlite:///{tmp_path}/t.db",
           "PYTHONPATH": str(ROOT / "src")}  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "televent", "serve", "--port", str(_free_port()), "--workers", "2"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode != 0
    assert "--workers needs PostgreSQL" in done.stderr + done.stdout
