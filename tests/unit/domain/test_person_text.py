"""The one rule for the characters a person's text may not hold (`values.holds_control_characters`):
what the API, the booking pages and invitations refuse, and what they keep."""

from __future__ import annotations

import pytest

from televent.domain.values import holds_control_characters


@pytest.mark.parametrize(
    "char",
    [*map(chr, range(0x00, 0x09)), "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\ufffe", "\uffff"],
)
def test_control_characters_are_held(char: str) -> None:
    assert holds_control_characters(f"Room{char}4")


@pytest.mark.parametrize(
    "text",
    ["Room 4", "one\ttwo\nthree\r\n", "C:\\New", "Ärger im Büro 🎉", "نام", "e\u0301", "\u2028"],
)
def test_a_persons_own_text_is_kept(text: str) -> None:
    assert not holds_control_characters(text)
