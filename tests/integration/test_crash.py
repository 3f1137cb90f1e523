"""Kill -9 a real writer process at arbitrary moments; nothing acknowledged may be lost and
every read model must equal a rebuild from the log afterwards."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from televent.bootstrap import build_application
from televent.config import Settings
from televent.domain.values import calendar_id_for
from televent.projections.rebuild import Rebuilder
from tests.conftest import Backend

ROOT = Path(__file__).resolve().parents[2]


def _writer(url: str, start: int, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.integration.crash_writer", url, str(start), str(count)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def _acks_or_batches(process: subprocess.Popen[str], wanted: int) -> list[str]:
    return _acks_then_kill(process, wanted, prefix="BATCH")


def _acks_then_kill(process: subprocess.Popen[str], wanted: int, prefix: str = "ACK") -> list[str]:
    acks: list[str] = []
    assert process.stdout is not None
    deadline = time.monotonic() + 60
    while len(acks) < wanted and time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        acks.append(line.strip())
    process.send_signal(signal.SIGKILL)
    rest, _ = process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL, "the process finished before it was killed"
    acks.extend(line.strip() for line in rest.splitlines() if line.startswith(prefix))
    assert len(acks) >= wanted, (
        f"writer stopped early: {process.stderr.read() if process.stderr else ''}"
    )
    return acks


@pytest.mark.slow
def test_sigkill_during_writes_loses_nothing_acknowledged(backend: Backend) -> None:
    url = backend.fresh_url()
    build_application(Settings(database_url=url)).close()
    acknowledged: list[str] = []
    for round_number, kill_after in enumerate((4, 11, 23)):
        acknowledged += _acks_then_kill(_writer(url, round_number * 1000, 500), kill_after)

    app = build_application(Settings(database_url=url))
    try:
        account = app.queries.account_by_telegram_id(1)
        assert account is not None
        calendar_id = calendar_id_for(account.account_id, "default")
        deleted = {a.split()[-1] for a in acknowledged if a.startswith("ACK delete")}
        accepted = {a.split()[-1] for a in acknowledged if a.startswith("ACK rsvp")}
        created = {a.split()[-1] for a in acknowledged if len(a.split()) == 2}
        tombstones = {href for href, _ in app.queries.changes_since(calendar_id, 0).deleted}
        for href in created:
            stored = app.queries.object_at(calendar_id, href)
            if href in deleted:
                assert stored is None and href in tombstones
            else:
                assert stored is not None, f"acknowledged {href} was lost"
                if href in accepted:
                    assert "PARTSTAT=ACCEPTED" in stored.ical
        report = Rebuilder(app.engine, app.views).run(verify=True)
        assert report.matches, report.differences
    finally:
        app.close()


@pytest.mark.slow
def test_sigkill_during_a_rebuild_leaves_live_views_intact(backend: Backend) -> None:
    url = backend.fresh_url()
    writer = _writer(url, 0, 60)
    writer.communicate(timeout=120)
    assert writer.returncode == 0
    for kill_after_batches in (1, 3):
        rebuild = subprocess.Popen(
            [sys.executable, "-m", "tests.integration.rebuild_runner", url],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        _acks_or_batches(rebuild, kill_after_batches)  # killed mid-rebuild, before the swap
    app = build_application(Settings(database_url=url))
    try:
        assert (
            len(
                app.queries.objects_in(
                    calendar_id_for(
                        app.queries.account_by_telegram_id(1).account_id,  # type: ignore[union-attr]
                        "default",
                    )
                )
            )
            == 40
        )
        assert Rebuilder(app.engine, app.views).run(verify=True).matches
    finally:
        app.close()
