# Refusals of invitees and their answers, and of repetition rules (TeleventError.worded),
# wherever they surface: the JSON API's problem detail and the Mini App. A refusal a JSON
# client may read by its field keeps the field's name first in English ("recurrence: ..."), as
# the API documents it; the other languages say it in words.

## Invitees (POST /events/{id}/attendees, the attendees of a new event) and answers (/rsvp)

# $invitee: the invitee as it was written (an @username, a Telegram id, an address)
refusal-events-invitee-no-user = invitee: { $invitee }: no Televent user with that name yet; ask them to send /start to the bot, or invite them by email.
refusal-events-invitee-not-started = invitee: { $invitee }: that Telegram user has not started the bot yet; ask them to send /start to it, or invite them by email.
refusal-events-invitee-unreadable = invitee: { $invitee }: not an @username, a Telegram id or an email address.
refusal-events-invitee-control-characters = invitee: an invitee cannot hold control characters.
# The same, of an invitee in the attendees of a new event
refusal-events-attendees-no-user = attendees: { $invitee }: no Televent user with that name yet; ask them to send /start to the bot, or invite them by email.
refusal-events-attendees-not-started = attendees: { $invitee }: that Telegram user has not started the bot yet; ask them to send /start to it, or invite them by email.
refusal-events-attendees-unreadable = attendees: { $invitee }: not an @username, a Telegram id or an email address.
refusal-events-attendees-control-characters = attendees: an invitee cannot hold control characters.
refusal-events-invitee-missing = invitee: give an @username, a Telegram id or an email address.
refusal-events-invitee-name = name: must be a string.
refusal-events-invitee-yourself = invitee: that is you; you organise this event.
refusal-events-invitee-organizer = invitee: that is the organizer of this event.
# $most: how many people a new event invites at most
refusal-events-attendees-list = attendees: must be a list of at most { $most } invitees.
refusal-events-attendees-item = attendees: each is an @username, a Telegram id or an email address.
refusal-events-attendee-whom = address: name the attendee to remove.
# $address: the attendee as it was written
refusal-events-attendee-unknown = { $address } is not an attendee of this event.
refusal-events-rsvp-status = status: must be accepted, tentative or declined.
refusal-events-rsvp-occurrence = occurrence: must be the recurrence_id of an occurrence.

## Repetition rules (RRULE) and the occurrences of a series

# $rule: the rule as it was written or stored ("FREQ=MINUTELY")
refusal-events-rule-too-often = recurrence: “{ $rule }” repeats more often than hourly; events repeat hourly at most.
refusal-events-rule-interval = recurrence: “{ $rule }” has an INTERVAL that is not a whole number of at least 1.
refusal-events-rule-never-matches = recurrence: “{ $rule }” has no date within a hundred years of the start: its parts never match together.
refusal-events-rule-setpos-seconds = recurrence: “{ $rule }” combines BYSETPOS with several BYSECOND values, which Televent does not store.
# $most: how many repetitions an hour holds at most (60)
refusal-events-rule-too-dense = recurrence: “{ $rule }” repeats more than { $most } times within an hour; events repeat no more often than that.
refusal-events-rule-unexpandable = recurrence: the event's repetitions cannot be worked out from its rule and exceptions.
refusal-events-rule-whole-series = recurrence: belongs to the whole series; leave out occurrence.
refusal-events-no-series = This event has no series to take an occurrence out of.
# $kind: date (an all-day series) or time
refusal-events-occurrence-form = { $kind ->
    [date] occurrence: this series takes a date (YYYY-MM-DD).
   *[time] occurrence: this series takes a date and time.
}

## The fields of an event (POST and PATCH /events, the Mini App's event form)

# $field: the field as the request named it (title, all_day, or a misspelt one)
refusal-events-field-unknown = { $field }: unknown or read-only field.
refusal-events-field-true-or-false = { $field }: must be true or false.
refusal-events-field-null = { $field }: cannot be null.
refusal-events-field-text = { $field }: must be a string.
refusal-events-field-control-characters = { $field }: contains control characters (a tab and line breaks excepted).
# $field: start, end, occurrence, or a listing's start or end; $given: the value as it was sent
refusal-events-moment = { $field }: '{ $given }' is not a date (YYYY-MM-DD) or an RFC 3339 date-time.
# $field: start or end; $kind: date (the event is all-day) or time (it has times)
refusal-events-moment-form = { $kind ->
    [date] { $field }: an all-day event takes a date (YYYY-MM-DD).
   *[time] { $field }: a timed event takes a date and time.
}
refusal-events-start-required = start: is required.
refusal-events-start-for-time = start: is required when an all-day event gets a time.
refusal-events-not-an-event = That is not an event.
