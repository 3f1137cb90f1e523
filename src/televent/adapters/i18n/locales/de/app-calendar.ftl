# The calendar screen: its toolbar, the views and the grid's own words (index.html,
# js/calendar.js, js/ui.js).
calendar-label = Kalender
calendar-previous = Vorheriger Zeitraum
calendar-next = Nächster Zeitraum
calendar-new-event = Neuer Termin
calendar-today = Heute
calendar-views = Ansicht
calendar-view-month = Monat
calendar-view-week = Woche
calendar-view-3day = 3 Tage
calendar-view-day = Tag
calendar-view-agenda = Liste
calendar-no-title = (ohne Titel)
calendar-nothing-planned = Nichts geplant
calendar-all-day = ganztägig
# Events a day of the month hides, behind a link.
calendar-more = { $count } weitere
calendar-all-day-when = { $days }, ganztägig
# Above the grid, when the server could not list everything in the period shown.
calendar-unreadable = { $count ->
    [one] { $count } Termin kann nicht angezeigt werden: seine Daten sind nicht lesbar.
   *[other] { $count } Termine können nicht angezeigt werden: ihre Daten sind nicht lesbar.
}
calendar-incomplete = Ein Termin wiederholt sich zu oft, um hier jedes Mal zu erscheinen; eine kürzere Ansicht zeigt alle.
calendar-incomplete-day = Ein Termin wiederholt sich zu oft, um jedes Mal zu erscheinen: die ersten 1.000 des Tages werden gezeigt.
calendar-too-many = Mehr Termine, als eine Ansicht fasst: die ersten 10.000 werden gezeigt; eine kürzere Ansicht zeigt alle.
calendar-too-many-day = Mehr Termine, als eine Ansicht fasst: die ersten 10.000 des Tages werden gezeigt.
main-cancel = Abbrechen
