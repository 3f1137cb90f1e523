"""A booking link's questions over HTTP (`televent serve`, both backends): they keep the ids
their owner gave them through every change, and an answer to a question the page does not ask
is refused with a 422 naming it, booking nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Backend
from tests.e2e.test_api_booking import (
    LINKS,
    NO_LIMITS,
    at,
    book,
    make_link,
    next_weekday,
    owner,
    problem,
    visitor,
)
from tests.tma import ApiServer, running_api_server


@pytest.fixture
def server(backend: Backend, tmp_path: Path) -> Iterator[ApiServer]:
    with running_api_server(backend.migrated_url(), tmp_path, NO_LIMITS, bot=False) as running:
        yield running


def ids(questions: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(q["id"], q["label"]) for q in questions]


def test_questions_keep_their_ids_and_unknown_answers_are_refused(server: ApiServer) -> None:
    tuesday = next_weekday(1)
    with owner(server) as alice, visitor(server) as vera:
        link = make_link(
            alice,
            "talk",
            questions=[
                {"id": "topic", "label": "Topic?", "required": True},
                {"label": "Anything else?"},
            ],
        )
        assert ids(link["questions"]) == [("topic", "Topic?"), ("q1", "Anything else?")]
        # A new question first, the others moved and one relabelled: each keeps its id (given,
        # or found again by its label), the new one gets an id no question had.
        changed = alice.patch(
            f"{LINKS}/talk",
            json={
                "questions": [
                    {"label": "Company?"},
                    {"label": "Anything else?"},
                    {"id": "topic", "label": "What about?", "required": True},
                ]
            },
        )
        assert changed.status_code == 200, changed.text
        expected = [("q2", "Company?"), ("q1", "Anything else?"), ("topic", "What about?")]
        assert ids(changed.json()["questions"]) == expected
        assert ids(vera.get("/api/v1/book/talk").json()["questions"]) == expected
        twice = alice.patch(
            f"{LINKS}/talk",
            json={"questions": [{"id": "topic", "label": "A"}, {"id": "topic", "label": "B"}]},
        )
        assert "'topic'" in problem(twice, 422)["detail"]
        bad = alice.patch(f"{LINKS}/talk", json={"questions": [{"id": "a b", "label": "A"}]})
        assert "id" in problem(bad, 422)["detail"]
        assert ids(alice.get(f"{LINKS}/talk").json()["questions"]) == expected

        start = at(tuesday, 10)
        refused = book(vera, "talk", start, answers={"topic": "Roadmap", "budget": "10k"})
        detail = problem(refused, 422)["detail"]
        assert "'budget'" in detail and "topic" in detail
        assert alice.get("/api/v1/bookings").json()["items"] == [], "nothing booked"
        window = {"start": start, "end": at(tuesday, 11), "tz": "Europe/Berlin"}
        slots = vera.get("/api/v1/book/talk/slots", params=window).json()["slots"]
        assert [s["start"] for s in slots][:1] == [start], "the slot is still free"

        booked = book(vera, "talk", start, answers={"topic": "Roadmap", "q1": "No"})
        assert booked.status_code == 201, booked.text
        manage = vera.get(f"/api/v1{booked.json()['manage_url']}").json()
        assert manage["answers"] == {"topic": "Roadmap", "q1": "No"}
        (event,) = alice.get("/api/v1/events", params=window).json()["items"]
        assert "What about?: Roadmap" in event["description"]
        assert "Anything else?: No" in event["description"]
