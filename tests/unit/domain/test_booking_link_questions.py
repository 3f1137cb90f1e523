"""A booking link's questions keep their ids (domain/booking_links.py): the owner's own, else
the id the same label had, else a `q<n>` no question of the link had."""

from __future__ import annotations

from typing import Any

import pytest

from televent.domain.booking_links import BookingLink
from televent.domain.errors import DomainError


def _link(questions: list[Any]) -> BookingLink:
    return BookingLink.from_json({"slug": "intro", "title": "Intro", "questions": questions})


def _ids(link: BookingLink) -> list[tuple[str, str]]:
    return [(q.id, q.label) for q in link.questions]


def test_given_ids_are_kept_and_the_others_numbered() -> None:
    link = _link(["Topic?", {"id": "company", "label": "Company?"}, {"label": "Else?"}])
    assert _ids(link) == [("q1", "Topic?"), ("company", "Company?"), ("q2", "Else?")]


def test_a_change_keeps_each_questions_id_and_never_reuses_one() -> None:
    link = _link(["Topic?", "Company?", "Else?"])
    changed = link.changed({"questions": ["Else?", "Budget?", "Topic?"]})
    # Company? (q2) is gone: its id is not given to the new question.
    assert _ids(changed) == [("q3", "Else?"), ("q4", "Budget?"), ("q1", "Topic?")]
    again = changed.changed({"questions": [{"id": "q4", "label": "Budget (EUR)?"}, "Topic?"]})
    assert _ids(again) == [("q4", "Budget (EUR)?"), ("q1", "Topic?")]
    stored = BookingLink.from_stored(again.as_json())
    assert _ids(stored) == _ids(again)


def test_an_id_given_to_another_question_is_not_taken_by_label() -> None:
    link = _link(["Topic?"])  # q1
    changed = link.changed({"questions": [{"id": "q1", "label": "Agenda?"}, "Topic?"]})
    assert _ids(changed) == [("q1", "Agenda?"), ("q2", "Topic?")]


@pytest.mark.parametrize(
    ("questions", "message"),
    [
        ([{"id": "a", "label": "A?"}, {"id": "a", "label": "B?"}], "Two questions have the id 'a'"),
        ([{"id": "a b", "label": "A?"}], "Question 1's id is 1 to 32 letters"),
        ([{"id": 7, "label": "A?"}], "Question 1's id is 1 to 32 letters"),
        ([{"id": "x" * 33, "label": "A?"}], "Question 1's id is 1 to 32 letters"),
    ],
)
def test_bad_ids_are_refused(questions: list[Any], message: str) -> None:
    with pytest.raises(DomainError, match=message):
        _link(questions)
