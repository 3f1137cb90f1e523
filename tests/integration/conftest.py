"""Fixtures the bot's integration tests share: the Bot API stand-in (tests/botapi.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.botapi import FakeBotApi
from tests.caldav_peers import Peer, started


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    """A Bot API stand-in on loopback, stopped after the test."""
    with FakeBotApi() as stand_in:
        yield stand_in


@pytest.fixture(scope="module", params=["radicale", "xandikos"])
def peer(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Peer]:
    """Another CalDAV server on loopback, Radicale then Xandikos (Televent as its client)."""
    with started(request.param, tmp_path_factory.mktemp(request.param)) as running:
        yield running
