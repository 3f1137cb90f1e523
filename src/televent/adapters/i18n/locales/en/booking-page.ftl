## The public booking pages (/book/<slug> and its manage page, adapters/booking_pages):
## the page's own words and the messages its script shows.

booking-page-title = Book a time
booking-page-needs-js = This page needs JavaScript to show the free times.
booking-page-loading = Loading…
booking-page-time-zone = Time zone
booking-page-your-booking = Your booking
booking-page-add-ics = Add to your calendar (.ics file)
booking-page-reschedule = Reschedule
booking-page-cancel = Cancel booking
booking-page-cancel-reason = Reason (optional, sent to the organizer)
booking-page-cancel-confirm = Yes, cancel it
booking-page-cancel-keep = Keep it
booking-page-book-again = Book a new time
booking-page-pick-time = Pick a time
booking-page-duration = Duration
booking-page-earlier-days = Earlier days
booking-page-later-days = Later days
booking-page-days = Days
booking-page-your-details = Your details
booking-page-name = Name
booking-page-email = Email
booking-page-optional = (optional)
booking-page-book = Book
booking-page-booking = Booking…
booking-page-choose-another = Choose another time
booking-page-move-heading = Move the booking
booking-page-move = Move it
booking-page-booked-heading = Booked
booking-page-download-ics = Download the .ics file
booking-page-download-ics-then = and open it to add the booking to your calendar.
booking-page-keep-link = To change or cancel it later, keep this link:

## Times and lengths

# $zone is a time zone's name ("America/New_York")
booking-page-zone = { $when } ({ $zone })
booking-page-day-time = { $day }, { $time }
booking-page-time-range = { $from }-{ $to }
booking-page-minutes = { $minutes } min
booking-page-hours = { $hours } h
booking-page-hours-minutes = { $hours } h { $minutes } min
booking-page-week = { $from } – { $to }
booking-page-slot-label = { $from } to { $to }
booking-page-day-label =
    { $count ->
        [one] { $day }, { $count } free time
       *[other] { $day }, { $count } free times
    }
booking-page-day-closed = { $day }, no free times
booking-page-day-heading = { $day } · times in { $zone }

## Finding a time

booking-page-looking = Looking for free times…
booking-page-week-empty = No free times on these days. Try later days with ›.
booking-page-pick-day = Pick a day to see its free times.
booking-page-nothing-free =
    { $days ->
        [one] No free times in the next { $days } day. Please check again later.
       *[other] No free times in the next { $days } days. Please check again later.
    }
booking-page-slot-taken = That time was just taken. Please pick another one of the free times below.
booking-page-new-time = New time: { $when }

## Booking

booking-page-book-with = Book a time with { $name }
booking-page-paused = { $name } is not taking bookings through this link right now. Please try again later.
booking-page-enter-name = Please enter your name.
booking-page-enter-email = Please enter an email address like ann@example.org.
booking-page-answer = Please answer: { $question }
booking-page-done-heading = You are booked
booking-page-done = Booked: { $when }. An invitation is on its way to { $email }.
booking-page-done-no-mail = Booked: { $when }. This server does not send email, so no invitation will come to { $email }: add the booking to your calendar yourself.

## Managing a booking

booking-page-your-booking-with = Your booking with { $name }
booking-page-status-active = Confirmed
booking-page-status-cancelled = Cancelled
booking-page-status-released = Cancelled by the organizer
booking-page-booked-by = Booked by { $name } ({ $email })
booking-page-link-paused = This link is not taking bookings now.
booking-page-cancelled = Your booking is cancelled. The organizer has been told.
booking-page-already-cancelled = This booking was already cancelled.
booking-page-moved = Moved to { $when }. An updated invitation is on its way to { $email }.
booking-page-moved-no-mail = Moved to { $when }. This server does not send email: add the new time to your calendar with the .ics file below.

## When something goes wrong

booking-page-no-page = This booking page does not exist
booking-page-no-page-text = Check the link you were given, or ask the person who sent it for a new one.
booking-page-removed-meanwhile = The link was removed while you were booking. Nothing was booked.
booking-page-no-booking = Booking not found
booking-page-no-booking-text = This link does not lead to a booking. Check that you copied all of it.
booking-page-not-found = Page not found
booking-page-not-found-text = This address does not lead to a booking page.
booking-page-offline = Could not reach the server. Check your connection and try again.
booking-page-too-many = Too many requests from your network. Please wait a minute and try again.
booking-page-server-said = The server answered { $status }.

## The event a booking becomes, in the link owner's language (their calendar and the
## visitor's invitation both show it)

# $title: the link's title; $visitor, $owner: names
booking-event-summary = { $title }: { $visitor } and { $owner }
booking-event-booked-with = Booked with a Televent booking link.
# The visitor's .ics file: where to cancel or move the booking, in the page's language
booking-file-manage = Cancel or reschedule: { $url }
