# The Mini App: the event form (index.html, js/form.js) and its repetition editor
# (js/recurrence.js), the question which occurrences of a repeating event a change is for, and
# the event's card (js/card.js).

form-back = Back
form-new = New event
form-edit = Edit event
form-edit-occurrence = Edit this event
form-edit-following = Edit this and following events
form-title-label = Title
form-calendar = Calendar
form-all-day = All day
form-starts = Starts
form-ends = Ends
form-start-date = Start date
form-start-time = Start time
form-end-date = End date
form-end-time = End time
# $zone: an IANA time zone name ("Europe/Berlin")
form-zone = Times in { $zone }
form-location = Location
form-notes = Notes
form-save = Save

form-error-title = Give the event a title.
form-error-start = Choose a start date.
form-error-end-before = The end is before the start.
form-error-end-after = The end must be after the start.
# $most: the largest number allowed
form-error-interval = Repeat every 1 to { $most }.
form-error-count = Say how many times: 1 to { $most }.
form-error-until = The repetition has to end on or after the start.

## The repetition
form-repeat = Repeat
form-repeat-never = Does not repeat
form-repeat-daily = Daily
form-repeat-weekly = Weekly
form-repeat-monthly = Monthly
form-repeat-yearly = Yearly
# A rule made elsewhere that the form keeps as it is; $rule: it in words
form-repeat-custom = Custom: { $rule }
# "Every [2] weeks": the words around the number field
form-every = Every
form-unit-days = { $interval ->
    [one] day
   *[other] days
}
form-unit-weeks = { $interval ->
    [one] week
   *[other] weeks
}
form-unit-months = { $interval ->
    [one] month
   *[other] months
}
form-unit-years = { $interval ->
    [one] year
   *[other] years
}
form-on-days = On these days
form-repeat-on = Repeat on
# $day: the day of the month (23)
form-on-month-day = On day { $day }
# $when: recurrence-nth-weekday ("the fourth Monday")
form-on-nth = On { $when }
# $date: a day and month ("23 November")
form-yearly-on-date = On { $date }
# $when: recurrence-nth-weekday; $month: the month as it reads after a day ("of November")
form-yearly-on-nth = On { $when } of { $month }
form-repeat-ends = Ends
form-ends-never = Never
form-ends-on = On
form-until-label = Last day of the repetition
form-ends-after = After
form-count-label = Number of times
# "After [10] times": the word after the number field
form-unit-times = { $count ->
    [one] time
   *[other] times
}

## Which occurrences of a repeating event a change is for
form-scope-edit = Edit this repeating event:
form-scope-move = Move this repeating event:
form-scope-delete = Delete this repeating event:
form-scope-occurrence = This event
form-scope-following = This and following events
form-scope-series = All events

## The event's card (js/card.js)
card-status-accepted = Accepted
card-status-tentative = Maybe
card-status-declined = Declined
card-status-needs-action = Not answered
card-status-delegated = Delegated
card-no-title = (no title)
card-cancelled = Cancelled by the organizer
# $name: the organizer's name or address
card-organizer = Organizer: { $name }
card-view-only = View only: you can't change events in this calendar.
card-your-answer = Your answer
card-accept = Accept
card-maybe = Maybe
card-decline = Decline
# $status: one of card-status-...
card-answer-sent = Answer sent: { $status }
card-guests = Guests
card-no-guests = No guests yet
card-invite-label = Invite by @username or email
card-invite-placeholder = @username or name@example.com
card-invite = Invite
# $who: the @username or email as typed
card-invited = Invited { $who }
card-remove = Remove
# $name: a guest's name or address
card-remove-label = Remove { $name }
card-remove-question = Remove { $name } from this event?
card-edit = Edit
card-delete = Delete
