"""The booking an event was made for, as the event's `booking` (GET /api/v1/events/{id}).

A booking link's page makes an event in its owner's calendar (application/bookings.py); its
card shows who booked, their email and zone, their answers to the link's questions and whether
the booking still stands. Only those who see the event in one of their calendars (its owner,
and members of the calendar with any role) get it: a visitor invited to the event does not
read the answers through it.
"""

from __future__ import annotations

from televent.adapters.api.event_json import BookingAnswerJson, BookingJson
from televent.projections.queries import ObjectView, Queries


def booking_json(queries: Queries, obj: ObjectView) -> BookingJson | None:
    """The booking of the event `obj` (None when no booking link made it)."""
    booking = queries.booking_of_event(obj.event_id)
    if booking is None:
        return None
    found = queries.link(booking.slug)
    questions = (
        found.link.questions if found is not None and found.account_id == booking.account_id else ()
    )
    labels = {question.id: question.label for question in questions}
    # in the order the page asks them; an answer to a question since removed last, by its id
    order = {question.id: index for index, question in enumerate(questions)}
    answered = sorted(booking.answers.items(), key=lambda item: order.get(item[0], len(order)))
    answers = [
        BookingAnswerJson(question=labels.get(key, key), answer=value)
        for key, value in answered
        if value
    ]
    return BookingJson(
        link=booking.slug,
        title=booking.title,
        name=booking.name,
        email=booking.email,
        timezone=booking.tz,
        status=booking.status,
        answers=answers,
    )
