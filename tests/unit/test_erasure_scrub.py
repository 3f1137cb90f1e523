"""An erased person's addresses and name taken out of queued text, and nobody else's
(delivery/erasure_scrub.py)."""

from __future__ import annotations

import json

from televent.delivery.erasure_scrub import prefilter_terms, scrubber

TERMS = {"bob@example.com": "p1@erased.invalid", "Alex Quux": "Erased user"}


def test_an_address_goes_where_it_stands_whole_in_any_case() -> None:
    scrub = scrubber(TERMS, identifier=False)
    assert scrub("to BOB@Example.com, cc jimbob@example.com and bob@example.community") == (
        "to p1@erased.invalid, cc jimbob@example.com and bob@example.community"
    )


def test_a_name_goes_as_whole_words_but_never_from_an_address_or_a_key() -> None:
    text = scrubber(TERMS, identifier=False)
    assert text("Alex  Quux accepted; Alex Quuxley did not") == (
        "Erased user accepted; Alex Quuxley did not"
    )
    key = scrubber(TERMS, identifier=True)
    assert key("REQUEST:e1:alex.quux@corp.com:p3") == "REQUEST:e1:alex.quux@corp.com:p3"
    assert key("REQUEST:e1:bob@example.com:p3") == "REQUEST:e1:p1@erased.invalid:p3"


def test_json_is_read_as_json_keys_and_folded_calendar_text_included() -> None:
    ical = (
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nATTENDEE;CN=Alex Quux:mailto:bob@exa\r\n mple.com\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    payload = json.dumps({"ical": ical, "people": {"bob@example.com": {"name": "Alex Quux"}}})
    out = json.loads(scrubber(TERMS, identifier=False)(payload))
    assert "mailto:p1@erased.invalid" in out["ical"] and "Alex" not in out["ical"]
    assert out["people"] == {"p1@erased.invalid": {"name": "Erased user"}}
    untouched = json.dumps({"ical": "nothing of Bob's", "n": 1})
    assert scrubber(TERMS, identifier=False)(untouched) == untouched  # written back as it was


def test_the_prefilter_never_looks_for_a_name_in_an_identifier_column() -> None:
    assert prefilter_terms(TERMS, identifier=True) == ["bob@example.com"]
    assert prefilter_terms({"Émile": "x"}, identifier=False) == [
        "émile",
        "\\u00e9mile",
        "Émile",
        "\\u00c9mile",
        "ÉMILE",
    ]


def test_a_name_inside_someone_elses_address_stays_and_so_does_the_address() -> None:
    scrub = scrubber({"Alex": "Erased user"}, identifier=False)
    assert scrub("ATTENDEE;CN=Alex:mailto:alex.smith@corp.com") == (
        "ATTENDEE;CN=Erased user:mailto:alex.smith@corp.com"
    )
    payload = json.dumps({"attendee": "alex.smith@corp.com", "text": "Alex said yes"})
    assert json.loads(scrub(payload)) == {
        "attendee": "alex.smith@corp.com",
        "text": "Erased user said yes",
    }


def test_a_name_beyond_ascii_is_found_in_any_case() -> None:
    scrub = scrubber({"Алексей Петров": "Erased user"}, identifier=False)
    assert scrub("Обед с АЛЕКСЕЙ ПЕТРОВ") == "Обед с Erased user"
    escaped = json.dumps({"text": "Lunch with Алексей Петров"})  # escaped, as the queues write
    assert json.loads(scrub(escaped)) == {"text": "Lunch with Erased user"}
