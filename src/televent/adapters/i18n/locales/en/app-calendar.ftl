# The calendar screen: its toolbar, the views and the grid's own words (index.html,
# js/calendar.js, js/ui.js).
calendar-label = Calendar
calendar-previous = Previous period
calendar-next = Next period
calendar-new-event = New event
calendar-today = Today
calendar-views = View
calendar-view-month = Month
calendar-view-week = Week
calendar-view-3day = 3 days
calendar-view-day = Day
calendar-view-agenda = Agenda
calendar-no-title = (no title)
calendar-nothing-planned = Nothing planned
calendar-all-day = all-day
# Events a day of the month hides, behind a link.
calendar-more = +{ $count } more
calendar-all-day-when = { $days }, all day
# Above the grid, when the server could not list everything in the period shown.
calendar-unreadable = { $count ->
    [one] { $count } event cannot be shown: its data cannot be read.
   *[other] { $count } events cannot be shown: their data cannot be read.
}
calendar-incomplete = An event repeats too often to show every occurrence in this view; a shorter view shows them all.
calendar-incomplete-day = An event repeats too often to show every occurrence: its earliest 1,000 of the day are shown.
calendar-too-many = More events than one view holds: the earliest 10,000 are shown; a shorter view shows them all.
calendar-too-many-day = More events than one view holds: the earliest 10,000 of the day are shown.
main-cancel = Cancel
