# The Mini App's bookable hours and booking links (settings), and a booking on an event's card
# (js/booking.js).
bookings-title = Booking
bookings-hours-intro = When people can book you through your booking links; your events are never double-booked.
bookings-hours-zone = Time zone:
bookings-default-hours = These are the default hours ({ $first } to { $last }, { $from }–{ $to }) until you save your own.
bookings-hours-failed = Your hours could not be loaded.
bookings-day-off-label = { $day } off
bookings-off = Off
bookings-day-off = Day off
bookings-add-hours-label = Add hours on { $day }
bookings-add-hours = + hours
bookings-date-off = day off
bookings-remove-label = Remove { $what }
bookings-remove = Remove
bookings-from-label = { $day } from
bookings-to-label = { $day } to
bookings-date-off-added = { $date } is a day off once you save
bookings-date-off-label = A date off
bookings-add-date-off = Add a day off
bookings-link-active = Active
bookings-link-paused = Paused
bookings-link-summary = { $minutes } min · { $count ->
    [one] { $count } upcoming booking
   *[other] { $count } upcoming bookings
}
bookings-copy = Copy link
bookings-pause = Pause
bookings-resume = Resume
bookings-delete = Delete
bookings-delete-label = Delete { $title }
bookings-no-links = No booking links yet.
bookings-copied = Link copied
bookings-copy-prompt = Copy the link:
bookings-resumed = { $title } takes bookings again
bookings-paused = { $title } is paused
bookings-delete-question = Delete “{ $title }”? Its page stops working; bookings already made stay in your calendar.
bookings-deleted = Deleted { $title }
bookings-created = { $title } is ready: { $url }
bookings-links-title = Booking links
bookings-new-link = New link
bookings-slug = Address (slug)
bookings-slug-placeholder = Address, e.g. intro
bookings-link-title = Title
bookings-link-title-placeholder = Title, e.g. Intro call
bookings-minutes = Minutes
bookings-buffer-before = Buffer before
bookings-buffer-after = Buffer after
bookings-notice = Notice (min)
bookings-horizon = Days ahead
bookings-per-day = Max per day
bookings-no-limit = no limit
bookings-create = Create link
bookings-card-title = Booked through “{ $title }”
bookings-card-zone = Their time zone: { $zone }
bookings-card-active = Booked: they can reschedule or cancel with the link in their confirmation.
bookings-card-cancelled = Cancelled
bookings-card-released = Released: the event was deleted and the time is free again.
