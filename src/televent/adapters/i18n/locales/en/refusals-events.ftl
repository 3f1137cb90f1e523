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

## Listing events (GET /events) and the windows of other listings (/bookings, a booking page's slots)

# $field: start or end
refusal-events-window-bound = { $field }: is required (RFC 3339, like 2026-03-02T00:00:00Z).
refusal-events-window-backwards = end: must be after start.
# $days: the longest window a listing takes (366 days for events, 62 for a booking page's slots)
refusal-events-window-too-long = end: the window is at most { $days } days; ask for the next one after.
refusal-events-cursor-other-query = cursor: belongs to another query (start, end, calendar, q).
refusal-events-cursor-unknown = cursor: is not a cursor this listing gave.
refusal-events-calendar-not-yours = calendar: is not one of your calendars (an id or a slug).

## Writing an event through the API (POST and PATCH /events)

refusal-events-no-calendar = You have no calendar to put the event in.
refusal-events-calendar-form = calendar: must be a calendar id or slug.
refusal-events-calendar-move = calendar: an event cannot move to another calendar here.
refusal-events-attendees-elsewhere = attendees: change them with /api/v1/events/{"{"}id{"}"}/attendees.
refusal-events-range-value = range: is thisandfuture or left out.
refusal-events-range-occurrence = range: needs the occurrence it starts at (?occurrence=).
# $reason: what the iCalendar library found wrong in the stored event, in its own English
refusal-events-data-unreadable = The iCalendar data cannot be parsed: { $reason }

## An event's own reminders (reminders, in POST and PATCH /events)

# $field: the field as the request named it (reminders); $most: how many reminders an event keeps
refusal-events-reminders-list = { $field }: is a list of at most { $most } reminders, or null.
refusal-events-reminders-item = { $field }: each is minutes before the start, or a TRIGGER as listed.
# $most: how many minutes a reminder may be before or after the start (four weeks)
refusal-events-reminder-too-far = { $field }: a reminder is at most { NUMBER($most, useGrouping: 0) } minutes away.
# $given: the reminder as it was sent
refusal-events-reminder-trigger = { $field }: '{ $given }' is not a trigger like RELATED=END:-PT15M.

## Why an invitee as written names nobody (the bot's /invite puts it after what was written)

invitee-no-user = no Televent user with that name yet; ask them to send /start to the bot, or invite them by email.
invitee-not-started = that Telegram user has not started the bot yet; ask them to send /start to it, or invite them by email.
invitee-unreadable = not an @username, a Telegram id or an email address.

## What an event's iCalendar data may not hold: the reason an import or a feed skips it
## ("its data cannot be read (...)"), and the refusal of a new event in a calendar of
## another kind

# $most: how many attendees an event may have
refusal-data-end-before-start = it ends (DTEND) before it starts (DTSTART).
refusal-data-too-many-attendees = it has more than { $most } attendees.
refusal-data-no-uid = it has no UID.
refusal-data-unparsable = its text is not iCalendar.
refusal-data-value = its { $property } cannot be read.
refusal-data-line = one of its lines cannot be read.
refusal-data-nul = it holds a NUL character, which calendar data may not.
refusal-data-too-long = its { $property } is longer than the 100 years Televent stores.
refusal-data-zone-rules = one of its time zones has rules Televent cannot read safely.
refusal-data-two-series = it has more than one part for the whole series (without RECURRENCE-ID).
refusal-data-instance-twice = two of its parts change the same occurrence (RECURRENCE-ID).
refusal-data-some-value = one of its values cannot be read.
refusal-data-alarm-no-trigger = one of its reminders (VALARM) has no TRIGGER.
# $kind: VEVENT, VTODO or VJOURNAL, what was to be stored
refusal-data-wrong-kind = This calendar does not hold { $kind ->
    [VEVENT] events
    [VTODO] tasks
   *[other] notes
}; choose another calendar.
