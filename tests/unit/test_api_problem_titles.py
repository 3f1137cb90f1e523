"""The titles of the JSON API's problems in each language: English keeps HTTP's status phrases
(what clients already show), every other language has its own for each status Televent answers
with, and a status without one gets the general title of its class."""

from __future__ import annotations

from http import HTTPStatus

from televent.adapters.api.problems import problem_title
from televent.domain.languages import LANGUAGES

STATUSES = (400, 401, 403, 404, 405, 409, 410, 412, 413, 415, 422, 429, 500, 503)


def test_english_titles_are_the_status_phrases() -> None:
    for status in (*STATUSES, 418, 502):
        assert problem_title(status, "en") == HTTPStatus(status).phrase


def test_every_language_names_every_status_in_its_own_words() -> None:
    for language in LANGUAGES:
        if language == "en":
            continue
        titles = [problem_title(status, language) for status in STATUSES]
        assert len(set(titles)) == len(STATUSES), language  # one title per status
        for status, title in zip(STATUSES, titles, strict=True):
            assert title != HTTPStatus(status).phrase, (language, status)
    assert problem_title(404, "ru") == "Не найдено"
    assert problem_title(418, "de") == problem_title(400, "de") == "Ungültige Anfrage"
    assert problem_title(502, "fa") == problem_title(500, "fa")
