"""A person's text: the one rule for the characters it may not hold
(`values.holds_control_characters`: what the API, the booking pages and invitations refuse,
and what they keep), and how every search compares it (`values.folded_for_search`)."""

from __future__ import annotations

import pytest

from televent.domain.values import (
    folded_for_search,
    found_in,
    holds_control_characters,
    search_words,
)


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


def test_a_search_finds_text_however_its_accents_are_written() -> None:
    written = "Cafe\u0301 ZENTRAL"  # a combining accent, as macOS writes it
    assert folded_for_search("café zentral") in folded_for_search(written)
    assert folded_for_search("CAFE\u0301") in folded_for_search("Café")
    assert folded_for_search("STRASSE") == folded_for_search("straße")


def test_a_search_finds_every_word_in_any_field_and_order() -> None:
    words = search_words("  Dentist   BERLIN ")
    assert words == ["dentist", "berlin"]
    assert found_in(words, "Dentist", "Praxis, Berlin-Mitte", None)
    assert found_in(search_words("berlin dentist"), "Dentist", "Berlin")
    assert not found_in(words, "Dentist", "Hamburg")
    assert found_in(search_words(""), "anything")  # no words: everything
