# Refusals about bookable hours, booking links and bookings (TeleventError.worded): the owner
# meets them in the Mini App's settings, /availability and /booking; a visitor on the booking
# page (/book/<slug>) and its manage link.

## Weekly hours and dates with their own hours

# The day a refusal is about: $day is a weekday ("mon" … "sun") or a date.
refusal-booking-on = { $day ->
    [mon] Monday
    [tue] Tuesday
    [wed] Wednesday
    [thu] Thursday
    [fri] Friday
    [sat] Saturday
    [sun] Sunday
   *[other] { $day }
}
# $start and $end are times of day as typed (HH:MM).
refusal-booking-range-backwards = { refusal-booking-on }: the range { $start }-{ $end } ends before it starts.
# $first and $second are ranges like 09:00-13:30.
refusal-booking-ranges-overlap = { refusal-booking-on }: the ranges { $first } and { $second } overlap.
refusal-booking-too-many-ranges = { refusal-booking-on }: at most { $count } ranges per day.
# $text is what was given for a time; $latest is 23:59 for a start, 24:00 for an end.
refusal-booking-not-a-time = { refusal-booking-on }: { $text } is not a time of day as HH:MM (00:00 to { $latest }).
refusal-booking-too-many-dates = At most { $count } dates can have their own hours.
refusal-booking-date-twice = The date { $date } has its own hours twice.
refusal-booking-not-a-zone = { $zone } is not a time zone; use an IANA name like Europe/Berlin.
refusal-booking-window = Ask for slots at most { $count } days at a time.

## Booking links (the owner)

refusal-booking-link-needs = A booking link needs a slug and a title.
refusal-booking-calendar = The calendar to book into must be one of yours (a connected account's too) that you may add events to.
refusal-booking-slug-shape = The address (slug) is 3 to 40 lower-case letters, digits and hyphens (not at the ends), e.g. intro-call.
refusal-booking-slug-reserved = The address (slug) { $slug } is reserved; choose another.
refusal-booking-slug-taken = The address /book/{ $slug } is taken; choose another slug.
refusal-booking-slug-just-taken = The address /book/{ $slug } was just taken; choose another slug.
refusal-booking-slug-yours = You already have a link /{ $slug }.
refusal-booking-slug-fixed = A link's address (slug) cannot change; create a new link instead.
refusal-booking-no-link = There is no booking link /{ $slug }.
refusal-booking-too-many-links = You can have at most { $count } booking links.
refusal-booking-title-empty = A booking link needs a title.
refusal-booking-title-long = A title is at most { $count } characters.
# $field is the setting's name in the API (it is also said in brackets), $low and $high its limits.
refusal-booking-number = { $field ->
    [duration_minutes] A meeting lasts from { $low } to { $high } minutes (duration_minutes).
    [step_minutes] Start times are from { $low } to { $high } minutes apart (step_minutes).
    [buffer_before_minutes] The buffer before a meeting is from { $low } to { $high } minutes (buffer_before_minutes).
    [buffer_after_minutes] The buffer after a meeting is from { $low } to { $high } minutes (buffer_after_minutes).
    [min_notice_minutes] The notice is from { $low } to { $high } minutes (min_notice_minutes).
    [horizon_days] Bookings can be taken from { $low } to { $high } days ahead (horizon_days).
    [max_per_day] The most bookings a day is a number from { $low } to { $high } (max_per_day).
   *[other] { $field } is a whole number from { $low } to { $high }.
}
refusal-booking-durations = A link offers at most { $count } other durations.
# $field is description or location.
refusal-booking-text-long = { $field ->
    [description] The description is at most { $count } characters.
    [location] The place is at most { $count } characters.
   *[other] { $field } is at most { $count } characters.
}
refusal-booking-too-many-questions = A link asks at most { $count } questions.
# $number is the question's place in the list (1 for the first).
refusal-booking-question-unlabelled = Question { $number } needs a label.
refusal-booking-question-label-long = The label of question { $number } is at most { $count } characters.

## Booking a time (the visitor)

refusal-booking-paused = This booking link is paused; it takes no bookings now.
# $choices lists the minutes the link offers ("30, 60").
refusal-booking-duration = This link books { $choices } minutes, not { $minutes }.
refusal-booking-slot-gone = That time is no longer available; pick another slot.
refusal-booking-slot-not-free = That time is not available; pick another slot.
refusal-booking-slot-just-taken = That time was just booked by someone else.
refusal-booking-day-full = That day is fully booked.
refusal-booking-past = That time has already passed; pick another slot.
refusal-booking-too-soon-minutes = { $count ->
    [one] That time is too soon: this link takes bookings at least { $count } minute ahead.
   *[other] That time is too soon: this link takes bookings at least { $count } minutes ahead.
}
refusal-booking-too-soon-hours = { $count ->
    [one] That time is too soon: this link takes bookings at least { $count } hour ahead.
   *[other] That time is too soon: this link takes bookings at least { $count } hours ahead.
}
refusal-booking-too-soon-days = { $count ->
    [one] That time is too soon: this link takes bookings at least { $count } day ahead.
   *[other] That time is too soon: this link takes bookings at least { $count } days ahead.
}
refusal-booking-too-far = { $count ->
    [one] That time is too far ahead: this link takes bookings at most { $count } day ahead.
   *[other] That time is too far ahead: this link takes bookings at most { $count } days ahead.
}
refusal-booking-name = Your name is needed (at most { $count } characters).
refusal-booking-email = A valid email address is needed: the invitation goes there.
refusal-booking-own-address = Give your own email address: the invitation goes there.
# $question is the question the answer was given for; $asked lists the page's questions.
refusal-booking-no-question = { $count ->
    [0] This booking page has no question '{ $question }' (it asks none).
   *[other] This booking page has no question '{ $question }' (its questions: { $asked }).
}
refusal-booking-answer-missing = Please answer: { $question }
refusal-booking-answer-long = The answer to '{ $question }' is too long (at most { $count } characters).
# $name is the name of the person being booked.
refusal-booking-no-calendar = { $name } has no calendar to book into.

## A booking, through its manage link (the visitor)

refusal-booking-not-valid = This booking link is not valid.
refusal-booking-cancelled-already = This booking was already cancelled.
refusal-booking-begun = This booking has already begun; it cannot be changed now.
refusal-booking-link-gone = The booking link of this booking no longer exists.
refusal-booking-event-gone = This booking's event is gone; book again instead.
refusal-booking-calendar-closed = This booking can no longer be changed here: the calendar it is in is no longer open to its booking link. Write to the organizer instead.

## What a request sends: the booking page's (the visitor), /availability, /bookings and booking links (the owner)

refusal-booking-body-too-deep = The request body nests too deep.
refusal-booking-control-characters = Texts may not contain control characters.
# $what: what the body asks for: booking, cancellation or new-time (a booking moved)
refusal-booking-body-object = { $what ->
    [booking] A booking is a JSON object.
    [cancellation] A cancellation is a JSON object.
    [new-time] A new time is a JSON object.
   *[other] The request body is a JSON object.
}
# $field: the field as it was sent; $known: the fields the body takes ("email, name, start")
refusal-booking-body-field = { $what ->
    [booking] Unknown field '{ $field }'; A booking takes: { $known }.
    [cancellation] Unknown field '{ $field }'; A cancellation takes: { $known }.
    [new-time] Unknown field '{ $field }'; A new time takes: { $known }.
   *[other] Unknown field '{ $field }'; the request body takes: { $known }.
}
# $field: tz (the visitor's time zone) or timezone (the owner's)
refusal-booking-zone-form = { $field }: is an IANA time zone name like Europe/Berlin.
# $field: start or end
refusal-booking-moment-form = { $field }: is a date (YYYY-MM-DD) or an RFC 3339 date-time.
refusal-booking-duration-param = duration: is a whole number of minutes, one the link offers.
# $field: name, email, start or reason
refusal-booking-field-required = { $field }: is required.
refusal-booking-field-text = { $field }: is a text.
# $most: how long a text may be
refusal-booking-field-long = { $field }: is at most { NUMBER($most, useGrouping: 0) } characters.
refusal-booking-start-form = start: is an RFC 3339 date-time.
refusal-booking-start-date = start: is a date-time (the slot's start), not a date.
refusal-booking-duration-minutes = duration_minutes: is a whole number of minutes the link offers.
refusal-booking-answers-form = answers: is an object of answers like {"{"}"q1": "..."{"}"}.
refusal-booking-answer-text = answers: each answer is a text of at most { NUMBER($most, useGrouping: 0) } characters.
refusal-booking-no-page = There is no booking page at this address.
refusal-booking-link-slug = slug: is the slug of one of your links.
