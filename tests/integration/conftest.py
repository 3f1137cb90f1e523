"""Fixtures the bot's integration tests share: the Bot API stand-in (tests/botapi.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.botapi import FakeBotApi


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    """A Bot API stand-in on loopback, stopped after the test."""
    with FakeBotApi() as stand_in:
        yield stand_in
